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
from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

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
        # sentence: look at those, not at every token.
        starts = doc.to_array(IDX).tolist()
        for cut in _CUT.finditer(doc_text(doc)):
            i = bisect_left(starts, cut.end())
            for j in range(i, min(i + _LOOK_AHEAD, len(doc))):
                if self._starts(doc, doc[j]):
                    flags[j] = 1
        doc.from_array([SENT_START], flags.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return doc

    @staticmethod
    def _starts(doc: Doc, token: Token) -> bool:
        if token.is_space:
            return False
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            return True
        # A lower-case word never opens a sentence ("M. le ministre", "etc. et").
        first = token.text[0]
        if not (first.isupper() or first.isdigit() or token.text in _OPENERS):
            return False
        if prev.is_space:
            prev = doc[prev.i - 1] if prev.i > 0 else prev
        j = prev.i
        while j > 0 and doc[j].text in _CLOSERS and doc[j - 1].text in _FINAL:
            j -= 1
        return doc[j].text in _FINAL


@Language.factory("claimx_sentences", default_config={}, assigns=["token.is_sent_start"])
def make_sentences(nlp: Language, name: str) -> SentenceSetter:
    """Create a claimx_sentences component."""
    return SentenceSetter(name)
