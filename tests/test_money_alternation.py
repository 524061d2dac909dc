"""The money expressions' word alternations (claimx.components.money.lexicon._alternation):
the edge before a run of words tested once, the same matches as one test per word."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest

from claimx.components.money.lexicon import _APOS, _alternation

WORDS = ["euros", "euro", "€", "$", "US$", "dollars US", "d'euros", "M", "Md", "k€", "1er"]
TEXTS = [
    "4 milliards d'euros, 3 Md€ et 12 k€ ; 5 dollars US, US$ 7 et 8 $.",
    "Les euros de M. Martin : 2M, 3Md, un eurodéputé, EUROS 1er 12euros d’euros",
]


def per_word(words: Iterable[str], case_sensitive: bool = False, symbol: bool = False) -> str:
    """The alternation with its edges tested word by word (as claimx 0.2 wrote it)."""
    after = r"(?![^\W\d_])" if symbol else r"(?!\w)"
    before = r"(?<![^\W\d_])" if symbol else r"(?<!\w)"
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        pattern = re.escape(word).replace(r"\ ", r"\s+").replace("'", _APOS)
        pattern = (before if word[0].isalnum() else "") + pattern
        pattern += after if word[-1].isalnum() else ""
        parts.append(f"(?-i:{pattern})" if case_sensitive else pattern)
    return "(?:" + "|".join(parts) + ")"


@pytest.mark.parametrize("case_sensitive", [False, True])
@pytest.mark.parametrize("symbol", [False, True])
def test_same_matches_as_one_edge_test_per_word(case_sensitive: bool, symbol: bool) -> None:
    ours = re.compile(_alternation(WORDS, case_sensitive, symbol), re.IGNORECASE)
    reference = re.compile(per_word(WORDS, case_sensitive, symbol), re.IGNORECASE)
    found = 0
    for text in TEXTS:
        for at in range(len(text)):
            mine, theirs = ours.match(text, at), reference.match(text, at)
            assert (mine and mine.span()) == (theirs and theirs.span()), text[at:]
            found += mine is not None
    assert found > 10
