"""Which claims of different articles are the same claim, and which disagree.

Candidates come from an inverted index of content words (and of figures and chips), so
that a folder of thousands of articles is not compared pair by pair.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator

from claimx.story.records import ClaimRow, Figure, settings


def same_figure(a: Figure, b: Figure) -> bool:
    """One amount in one currency ("500 milliards de dollars" and "$500bn")."""
    if a.currency != b.currency or a.amount is None or b.amount is None:
        return False
    if a.amount == b.amount and a.amount_max == b.amount_max:
        return True
    approximate = a.qualifier != "exact" or b.qualifier != "exact"
    tolerance = settings()["about_tolerance"] if approximate else 0.0
    return abs(a.amount - b.amount) <= tolerance * max(abs(a.amount), abs(b.amount))


def shares_figure(a: ClaimRow, b: ClaimRow) -> bool:
    return any(same_figure(x, y) for x in a.money for y in b.money)


def overlap(a: ClaimRow, b: ClaimRow) -> float:
    """The share of the shorter claim's content words found in the other."""
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / min(len(a.words), len(b.words))


def compatible_sources(a: ClaimRow, b: ClaimRow) -> bool:
    """The same source, or a source left out by one of them (a copy that drops "selon X")."""
    return a.source is None or b.source is None or a.source.key == b.source.key


def is_same_claim(a: ClaimRow, b: ClaimRow) -> bool:
    if not compatible_sources(a, b):
        return False
    config = settings()
    share = overlap(a, b)
    return share >= config["same_claim"] or (_strong(a, b) and share >= config["same_topic"])


def disagree_on_figure(a: ClaimRow, b: ClaimRow) -> bool:
    """About the same actors and topic, each with an amount in one currency, none the same."""
    if not a.money or not b.money or a.article == b.article:
        return False
    if not (a.about & b.about) or shares_figure(a, b):
        return False
    currencies = {m.currency for m in a.money if m.amount} & {m.currency for m in b.money}
    return bool(currencies) and overlap(a, b) >= settings()["same_topic"]


def candidates(claims: list[ClaimRow]) -> Iterator[tuple[int, int]]:
    """Pairs (i, j), i < j, of claims of different articles worth comparing."""
    limit = settings()["max_postings"]
    postings: dict[object, list[int]] = defaultdict(list)
    for j, claim in enumerate(claims):
        counts: Counter[int] = Counter()
        for key in _keys(claim):
            seen = postings[key]
            # a common word: only its latest claims (a story's earlier copies are joined
            # to them already, groups being transitive)
            counts.update(seen[-limit:])
            seen.append(j)
        for i, shared in counts.items():
            if claims[i].article != claim.article and (shared >= 2 or _strong(claims[i], claim)):
                yield i, j


def _keys(claim: ClaimRow) -> Iterable[object]:
    yield from claim.words
    for figure in claim.money:
        if figure.amount:
            yield ("figure", figure.currency, _magnitude(figure.amount))
    for chip in claim.chips:
        yield ("chip", chip)


def _magnitude(amount: float) -> int:
    return len(str(int(abs(amount))))


def _strong(a: ClaimRow, b: ClaimRow) -> bool:
    """A figure or a chip in common."""
    return shares_figure(a, b) or bool(set(a.chips) & set(b.chips))


class Groups:
    """Union-find over claim numbers."""

    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def members(self) -> list[list[int]]:
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            groups[self.find(i)].append(i)
        return [g for g in groups.values() if len(g) > 1]
