"""Small text helpers shared by components and the scorer."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Quotation marks of French news, opening -> closing: the one definition every module uses.
QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"'}
QUOTE_OPENERS = tuple(QUOTE_PAIRS)
QUOTE_CLOSERS = tuple(QUOTE_PAIRS.values())
QUOTE_MARKS = frozenset(QUOTE_OPENERS + QUOTE_CLOSERS)

_APOSTROPHES = ("’", "ʼ", "`", "‘")  # each written "'" by fold


class _Unmarked(dict[int, int | None]):
    """`str.translate` table dropping combining marks: each character looked up once."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.combining(chr(code)) else code
        self[code] = kept
        return kept


_UNMARKED = _Unmarked()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent-, apostrophe- and space-insensitive key for a name.

    >>> fold("L’Élysée  ")
    "l'elysee"
    """
    for apostrophe in _APOSTROPHES:
        text = text.replace(apostrophe, "'")
    text = unicodedata.normalize("NFKD", text)
    if not text.isascii():
        text = text.translate(_UNMARKED)
    return " ".join(text.split()).casefold()


def apostrophe_variants(text: str) -> set[str]:
    """A phrase as written with a straight and with a typographic apostrophe.

    >>> sorted(apostrophe_variants("d'après"))
    ["d'après", 'd’après']
    """
    return {text, text.replace("'", "’"), text.replace("’", "'")}
