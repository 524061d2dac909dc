"""Which claims of different articles tell the same event, said by the same source.

Two claims are linked only when their sources agree (the same, one left out by a copy, or
one quoting the other's source) and they share enough units of what names an event
(`events`): figures, chips, actors other than the source, names and rare content words;
the source of one counts as a shared actor when it is the only actor of the other,
unattributed; less rare supporting words may make the last unit. Groups are held together
by every member (complete linkage): a claim joins a group only when it is linked to each
claim of it, so two stories never chain through a common phrase.

Candidates come from an inverted index of those event keys, so that a folder of thousands of
articles is not compared pair by pair.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator, Sequence

from claimx.story.events import Event, Key
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


def amounts(claim: ClaimRow) -> str:
    """A claim's figures as one text (amount and currency, sorted)."""
    return " ".join(sorted(f"{m.amount} {m.currency}" for m in claim.money))


def copy_key(claim: ClaimRow) -> tuple[object, ...]:
    """What verbatim copies of a claim (a wire reprinted) have alike."""
    source = claim.source.key if claim.source else claim.source_text
    return (claim.text, source, claim.stance, amounts(claim), tuple(claim.chips))


def overlap(a: ClaimRow, b: ClaimRow) -> float:
    """The share of the shorter claim's content words found in the other."""
    if not a.words or not b.words:
        return 0.0
    return len(a.words & b.words) / min(len(a.words), len(b.words))


def compatible_sources(a: ClaimRow, b: ClaimRow) -> bool:
    """The same source, a source left out by one of them (a copy that drops "selon X"), or
    one's source among the other's actors (a chain: "selon Reuters, X a dit")."""
    if a.source is None or b.source is None or a.source.key == b.source.key:
        return True
    return a.source.key in b.about or b.source.key in a.about


def _same_companies(one: Event, two: Event) -> bool:
    """Whether two claims that both name companies or people name one in common."""
    return not (one.named and two.named) or bool(one.named & two.words or two.named & one.words)


def link(a: ClaimRow, b: ClaimRow, one: Event, two: Event) -> float:
    """How surely two claims of different articles tell one event from one source: the
    share of event units they share, of the claim with more (0 when not linked). They must
    share `event_keys` units, one fewer when a figure, chip or number is among them."""
    return linked(a, b, one, two)[0]


def linked(a: ClaimRow, b: ClaimRow, one: Event, two: Event) -> tuple[float, str]:
    """`link`'s strength, and why it is 0 (the rule that kept them apart) or "linked"."""
    return _linked(a, b, one, two, _speaker(a, b, two) or _speaker(b, a, one))


def near(a: ClaimRow, b: ClaimRow, one: Event, two: Event) -> bool:
    """Whether two claims would be linked if one's source, an actor the other tells of
    ("X a annoncé ..." and "... celle de X, qui a instauré ..."), counted as a unit of their
    event: a link a group holds only when strong links already join its claims
    (`complete_groups`), too weak to make a pair alone."""
    named = _named(a, two) or _named(b, one)
    return named and _linked(a, b, one, two, True)[0] > 0


def _linked(a: ClaimRow, b: ClaimRow, one: Event, two: Event, actor: bool) -> tuple[float, str]:
    """`linked`, `actor` telling whether a speaker both tell of counts as a shared unit."""
    if a.article is b.article:
        return 0.0, "one article"
    if not (compatible_sources(a, b) or _named(a, two) or _named(b, one)):
        return 0.0, "sources differ"
    if not _same_companies(one, two):
        return 0.0, "companies differ"
    shared = one.keys & two.keys
    together = min(sum(1 for u in e.units if u & shared) for e in (one, two)) + actor
    config = settings()
    needed = config["event_keys"] - (not shared.isdisjoint(one.specific))
    share = together / max(len(one.units), len(two.units), 1)
    if together == needed - 1 and _backing(one, two) >= config["support_units"]:
        together += 1  # the last unit needed, made of less rare words said alike
    if together < needed:
        return 0.0, f"{together} shared units, {needed} needed"
    if share < config["event_share"]:
        return 0.0, f"share {share:.2f} below {config['event_share']}"
    return share, "linked"


def _speaker(a: ClaimRow, b: ClaimRow, two: Event) -> bool:
    """Whether `a`'s source is an actor `b` names, `b` having no source of its own ("X a
    annoncé ..." and "X a ..."): the actor both tell of, one unit of their event."""
    if a.source is None or b.source is not None:
        return False
    return {x.key for x in b.actors} == {a.source.key} and ("actor", a.source.key) in two.keys


def _named(a: ClaimRow, two: Event) -> bool:
    """Whether `a`'s source is an actor the other claim tells of (named, met through
    coreference, or a known name its text says): its own source is never among its keys."""
    return a.source is not None and ("actor", a.source.key) in two.keys


def _backing(one: Event, two: Event) -> int:
    """How many supporting units (less rare words said together) two claims share."""
    both = frozenset().union(*one.support) & frozenset().union(*two.support)
    return min(sum(1 for u in e.support if u & both) for e in (one, two))


def candidates(events: Sequence[Event], articles: Sequence[object]) -> Iterator[tuple[int, int]]:
    """Pairs (i, j), i < j, of claims of different articles sharing enough event keys."""
    limit, needed = settings()["max_postings"], settings()["event_keys"] - 1
    postings: dict[Key, list[int]] = defaultdict(list)
    for j, event in enumerate(events):
        counts: Counter[int] = Counter()
        for key in event.keys:
            seen = postings[key]
            counts.update(seen[-limit:])
            seen.append(j)
        for i, shared in counts.items():
            if shared >= needed and articles[i] is not articles[j]:
                yield i, j


def complete_groups(
    size: int,
    links: dict[tuple[int, int], float],
    same: Sequence[object],
    near: frozenset[tuple[int, int]] = frozenset(),
) -> list[list[int]]:
    """Groups of linked items, each item linked to every other of its group unless both are
    of one article (`same[i] is same[j]`): strongest links first, two groups joined only
    when every pair across them is linked (complete linkage, no chaining); a pair `near`
    (`compare.near`) counts as linked there, never joins two groups by itself."""
    group_of = list(range(size))
    members: dict[int, list[int]] = {i: [i] for i in range(size)}
    for (i, j), _ in sorted(links.items(), key=lambda item: (-item[1], item[0])):
        a, b = group_of[i], group_of[j]
        if a == b:
            continue
        if all(
            same[x] is same[y] or (min(x, y), max(x, y)) in links or (min(x, y), max(x, y)) in near
            for x in members[a]
            for y in members[b]
        ):
            for x in members[b]:
                group_of[x] = a
            members[a] += members.pop(b)
    return [sorted(g) for g in members.values() if len(g) > 1]
