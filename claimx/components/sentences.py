"""claimx_sentences: deterministic sentence boundaries, set before the parser.

The stock French parser splits sentences inside names ("puces AI | H20") and
ignores paragraph breaks. This component fixes boundaries first: a sentence
starts after a line break or after final punctuation (optionally followed by a
closing quote) when the next word can open a sentence. The parser keeps preset
boundaries, so its trees never cross them.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Token

_FINAL = {".", "!", "?", "…", "...", "?!", "!?"}
_CLOSERS = {"»", "”", '"', ")", "’"}
_OPENERS = {"«", "“", '"', "(", "-", "–", "—"}


class SentenceSetter:
    """Set `Token.is_sent_start` on every token of a doc."""

    def __init__(self, name: str = "claimx_sentences") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            token.is_sent_start = token.i == 0 or self._starts(doc, token)
        return doc

    @staticmethod
    def _starts(doc: Doc, token: Token) -> bool:
        if token.is_space:
            return False
        prev = doc[token.i - 1]
        if "\n" in prev.text or "\n" in prev.whitespace_:
            return True
        if prev.is_space:
            prev = doc[prev.i - 1] if prev.i > 0 else prev
        j = prev.i
        while j > 0 and doc[j].text in _CLOSERS and doc[j - 1].text in _FINAL:
            j -= 1
        if doc[j].text not in _FINAL:
            return False
        # A lower-case word never opens a sentence ("M. le ministre", "etc. et").
        first = token.text[0]
        return first.isupper() or first.isdigit() or token.text in _OPENERS


@Language.factory("claimx_sentences", default_config={})
def make_sentences(nlp: Language, name: str) -> SentenceSetter:
    """Create a claimx_sentences component."""
    return SentenceSetter(name)
