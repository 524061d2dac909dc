"""claimx_sentences: deterministic sentence boundaries, set before the parser.

The stock French parser splits sentences inside names ("puces AI | H20") and
ignores paragraph breaks. This component fixes boundaries first: a sentence
starts after a line break or after final punctuation (optionally followed by a
closing quote) when the next word can open a sentence. The parser keeps preset
boundaries, so its trees never cross them.
"""

from __future__ import annotations

import re
from bisect import bisect_left

import numpy
from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from claimx.docs import doc_text
from claimx.text import QUOTE_CLOSERS, QUOTE_OPENERS

_FINAL = {".", "!", "?", "…", "...", "?!", "!?"}
_CLOSERS = {*QUOTE_CLOSERS, ")", "’"}
_OPENERS = {*QUOTE_OPENERS, "(", "-", "–", "—"}
_CUT = re.compile(r"[.!?…]+|\n")
# A sentence opens at most three tokens after a cut: after one closing quote and one space.
_LOOK_AHEAD = 4


class SentenceSetter:
    """Set `Token.is_sent_start` on every token of a doc."""

    def __init__(self, name: str = "claimx_sentences") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        flags = numpy.full(len(doc), -1, dtype="int64")
        flags[0] = 1
        # Only a token shortly after final punctuation or a line break can open a
        # sentence: look at those, not at every token; each word read from the text by
        # its offset and length, no Token made.
        text = doc_text(doc)
        words = _Words(text, doc.to_array([IDX, LENGTH, IS_SPACE]))
        for cut in _CUT.finditer(text):
            i = bisect_left(words.starts, cut.end())
            for j in range(i, min(i + _LOOK_AHEAD, len(doc))):
                if words.opens(j):
                    flags[j] = 1
        doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return doc


class _Words:
    """A doc's words as its text holds them (offset, length, whether a space)."""

    def __init__(self, text: str, columns: numpy.ndarray) -> None:
        self.text = text
        self.starts: list[int] = columns[:, 0].tolist()
        self.ends: list[int] = (columns[:, 0] + columns[:, 1]).tolist()
        self.spaces: list[int] = columns[:, 2].tolist()

    def word(self, k: int) -> str:
        return self.text[self.starts[k] : self.ends[k]]

    def opens(self, i: int) -> bool:
        """Whether word `i` opens a sentence."""
        if self.spaces[i]:
            return False
        size = len(self.starts)
        prev = (i - 1) % size  # as doc[i - 1] reads it
        if "\n" in self.word(prev):
            return True
        # A lower-case word never opens a sentence ("M. le ministre", "etc. et").
        word = self.word(i)
        first = word[0]
        if not (first.isupper() or first.isdigit() or word in _OPENERS):
            return False
        if self.spaces[prev] and prev > 0:
            prev -= 1
        j = prev
        while j > 0 and self.word(j) in _CLOSERS and self.word(j - 1) in _FINAL:
            j -= 1
        return self.word(j) in _FINAL


@Language.factory("claimx_sentences", default_config={}, assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceSetter:
    """Create a claimx_sentences component."""
    return SentenceSetter(name)
