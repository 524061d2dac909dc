"""Small text helpers shared by components and the scorer."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Quotation marks of French news, opening -> closing: the one definition every module uses.
QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"'}
QUOTE_OPENERS = tuple(QUOTE_PAIRS)
QUOTE_CLOSERS = tuple(QUOTE_PAIRS.values())
QUOTE_MARKS = frozenset(QUOTE_OPENERS + QUOTE_CLOSERS)

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "`": "'", "‘": "'"})


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Case-, accent-, apostrophe- and space-insensitive key for a name.

    >>> fold("L’Élysée  ")
    "l'elysee"
    """
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"\s+", " ", text).strip().casefold()


def apostrophe_variants(text: str) -> set[str]:
    """A phrase as written with a straight and with a typographic apostrophe.

    >>> sorted(apostrophe_variants("d'après"))
    ["d'après", 'd’après']
    """
    return {text, text.replace("'", "’"), text.replace("’", "'")}
