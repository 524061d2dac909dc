"""Where two articles telling one event disagree: a figure or a stance.

Only claims of one recurring group (the same event from the same source, `compare`) in
different articles are compared. A figure contradiction needs the same measure (the words
the figures count) and the same period ("par an", "au premier trimestre"), exact figures
in one currency that differ, no part against its total ("dont") and no range against a
figure inside it. A stance contradiction (stated against hedged or denied) needs the same
proposition (most content words shared); a forecast against the later fact is none.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import combinations

from claimx.story.compare import overlap, same_figure
from claimx.story.records import ClaimRow, Figure, content_words, settings

_WORDS = re.compile(r"\w+")


def distinct(claims: list[ClaimRow]) -> list[ClaimRow]:
    """A group's claims with verbatim copies left out (two of each kept, from different
    articles, so that a pair of articles is still found)."""
    kept: dict[tuple[object, ...], list[ClaimRow]] = {}
    for claim in claims:
        key = (claim.text, claim.stance, tuple(sorted((m.amount or 0) for m in claim.money)))
        found = kept.setdefault(key, [])
        if len(found) < 2 and all(c.article is not claim.article for c in found):
            found.append(claim)
    return [c for found in kept.values() for c in found]


def figure_conflicts(claims: list[ClaimRow]) -> Iterator[tuple[ClaimRow, ClaimRow]]:
    """Pairs of claims of one group, in different articles, giving one measure of one period
    different figures."""
    for a, b in combinations(distinct(claims), 2):
        if a.article is b.article or not a.money or not b.money:
            continue
        if any(same_figure(x, y) for x in a.money for y in b.money):
            continue  # the same figure given: any other is another measure
        if _markers(a, "period_set") != _markers(b, "period_set"):
            continue  # a quarter against a year, 2024 against 2025
        if _markers(a, "part_set") != _markers(b, "part_set"):
            continue  # a part against its total
        if any(_differ(a, x, b, y) for x in a.money for y in b.money):
            yield a, b


def _differ(a: ClaimRow, x: Figure, b: ClaimRow, y: Figure) -> bool:
    """Two exact figures of one currency, neither inside the other's range, counting the
    same thing (a measure word in common near each)."""
    if x.currency != y.currency or x.amount is None or y.amount is None:
        return False
    if x.qualifier != "exact" or y.qualifier != "exact":
        return False  # "plus de", "environ", "jusqu'à": a bound or a rounding
    if _inside(x, y) or _inside(y, x):
        return False
    return bool(_measure(a, x) & _measure(b, y))


def _inside(range_: Figure, figure: Figure) -> bool:
    if range_.amount_max is None or range_.amount is None or figure.amount is None:
        return False
    return range_.amount <= figure.amount <= range_.amount_max


def _measure(claim: ClaimRow, figure: Figure) -> frozenset[str]:
    """The content words next to a figure in its claim: what it counts."""
    config = settings()
    ignored: frozenset[str] = config["time_set"] | config["generic_set"]
    ignored |= content_words(figure.text)
    at = claim.text.find(figure.text)
    if at < 0:  # the figure's words are not the claim's (edited by hand): the whole claim
        return claim.words - ignored
    window = config["measure_window"]
    before = _WORDS.findall(claim.text[:at])[-window:]
    after = _WORDS.findall(claim.text[at + len(figure.text) :])[:window]
    return content_words(" ".join(before + after)) - ignored


def _markers(claim: ClaimRow, which: str) -> frozenset[str]:
    words = content_words(claim.text) | frozenset(_WORDS.findall(claim.text.casefold()))
    found = words & settings()[which]
    years = {w for w in words if w.isdigit() and len(w) == 4 and 1900 <= int(w) <= 2100}
    return frozenset(found | years) if which == "period_set" else frozenset(found)


def stance_conflicts(claims: list[ClaimRow]) -> Iterator[tuple[ClaimRow, ClaimRow]]:
    """Pairs of claims of one group, in different articles, stating and hedging (or
    denying) the same proposition."""
    needed = settings()["same_proposition"]
    for a, b in combinations(distinct(claims), 2):
        if a.article is b.article or a.stance == b.stance:
            continue
        if "forecast" in (a.modality, b.modality):
            continue  # a forecast, then the fact
        if overlap(a, b) >= needed:
            yield a, b
