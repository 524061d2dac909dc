"""A folder's story: its actors, chips and figures, the claims that recur across articles,
and where articles disagree (a figure given differently, a claim stated in one and hedged
or denied in another)."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from typing import Any

from claimx.story.compare import (
    amounts,
    candidates,
    complete_groups,
    copy_key,
    link,
    near,
    same_figure,
)
from claimx.story.contradict import figure_conflicts, stance_conflicts
from claimx.story.counts import actor_row, actors_table, chips_table, money_table
from claimx.story.events import Event, event_of, rarity
from claimx.story.records import (
    ActorRef,
    ArticleClaims,
    ArticleRef,
    ClaimRow,
    Figure,
    content_words,
    settings,
)


def summarize(articles: list[ArticleClaims]) -> dict[str, Any]:
    """The summary of `articles` as plain data (the `claimx summary` JSON)."""
    claims = [claim for article in articles for claim in article.claims]
    recurring, contradictions = story(claims, recurring_groups(claims))
    return {
        "articles": [_article(a) for a in articles],
        "actors": actors_table(articles),
        "chips": chips_table(articles),
        "money": money_table(articles),
        "recurring": recurring,
        "contradictions": contradictions,
    }


def story(
    claims: list[ClaimRow], groups: list[list[int]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The recurring claims of `groups` (of claim numbers) and their contradictions, as
    plain data."""
    group_of = {n: f"R{k}" for k, g in enumerate(groups, 1) for n in g}
    contradictions = _contradictions(groups, claims, group_of)
    for number, item in enumerate(contradictions, 1):
        item["id"] = f"X{number}"
    recurring = [
        _recurring(f"R{k}", [claims[n] for n in g], _event(claims, g))
        for k, g in enumerate(groups, 1)
    ]
    return recurring, [{"id": c.pop("id"), **c} for c in contradictions]


def recurring_groups(claims: list[ClaimRow]) -> list[list[int]]:
    """Groups of claim numbers telling one event across articles, most articles first;
    each group's claims by date."""
    # Verbatim copies (a wire reprinted) are compared once; their copies join the first.
    first_of: dict[tuple[object, ...], int] = {}
    copies: dict[int, list[int]] = defaultdict(list)
    for n, claim in enumerate(claims):
        copies[first_of.setdefault(copy_key(claim), n)].append(n)
    words = rarity(claims)
    events = [event_of(claims[n], words) for n in sorted(copies)]
    articles = [claims[n].article for n in sorted(copies)]
    return group(claims, copies, events, candidates(events, articles))


def group(
    claims: list[ClaimRow],
    copies: dict[int, list[int]],
    events: list[Event],
    pairs: Iterable[tuple[int, int]],
) -> list[list[int]]:
    """`recurring_groups` given each distinct claim's copies (the first's number → all
    their numbers), their events (in the order of their numbers) and the candidate pairs
    (i, j) of distinct claims, i < j, by their rank in that order."""
    distinct = sorted(copies)
    linked = linked_groups([claims[n] for n in distinct], events, pairs)
    grouped = {x for g in linked for x in g}
    groups = [[n for x in g for n in copies[distinct[x]]] for g in linked]
    groups += [  # copies alone: a story when they say something, not a stock phrase
        copies[n]
        for x, n in enumerate(distinct)
        if x not in grouped and says_something(claims[n], events[x])
    ]
    groups = [g for g in groups if len({id(claims[n].article) for n in g}) > 1]
    ordered = [sorted(g, key=lambda n: _first_key(claims[n])) for g in groups]
    return sorted(
        ordered,
        key=lambda g: (-len({id(claims[n].article) for n in g}), _first_key(claims[g[0]])),
    )


def linked_groups(
    distinct: list[ClaimRow], events: list[Event], pairs: Iterable[tuple[int, int]]
) -> list[list[int]]:
    """The groups (complete linkage) of distinct claims linked by candidate pairs, by rank;
    a claim in none is linked to no group, and leaving it out changes no other group."""
    links: dict[tuple[int, int], float] = {}
    weak: set[tuple[int, int]] = set()
    for x, y in pairs:
        strength = link(distinct[x], distinct[y], events[x], events[y])
        if strength:
            links[(x, y)] = strength
        elif near(distinct[x], distinct[y], events[x], events[y]):
            weak.add((x, y))
    return complete_groups(len(distinct), links, [c.article for c in distinct], frozenset(weak))


def says_something(claim: ClaimRow, event: Event) -> bool:
    """Whether a claim's verbatim copies alone make a recurring claim (not a stock phrase)."""
    return len(claim.words) >= settings()["copy_words"] or len(event.units) > 1


def _contradictions(
    recurring: list[list[int]], claims: list[ClaimRow], group_of: dict[int, str]
) -> list[dict[str, Any]]:
    """Figure and stance contradictions inside each recurring group, one per pair of
    figures (or stances) per group, however many copies."""
    found: list[dict[str, Any]] = []
    for group in recurring:
        members = [claims[n] for n in group]
        name = group_of[group[0]]
        seen: set[tuple[str, ...]] = set()
        for a, b in figure_conflicts(members):
            pair = tuple(sorted((amounts(a), amounts(b))))
            if pair not in seen:
                seen.add(pair)
                found.append(
                    _contradiction("figure", name, a, b, f"{_figures(a)} vs {_figures(b)}")
                )
        for a, b in stance_conflicts(members):
            pair = tuple(sorted((a.stance, b.stance)))
            if pair not in seen:
                seen.add(pair)
                what = f"{a.stance} in {a.article.outlet} vs {b.stance} in {b.article.outlet}"
                found.append(_contradiction("modality", name, a, b, what))
    return found


def _contradiction(kind: str, group: str, a: ClaimRow, b: ClaimRow, what: str) -> dict[str, Any]:
    return {
        "kind": kind,
        "about": sorted({x.name for x in _refs(a) if x.key in b.about}),
        "summary": what,
        "recurring": group,
        "evidence": [appearance(a, group), appearance(b, group)],
    }


def _event(claims: list[ClaimRow], group: list[int]) -> str:
    """A short line naming a group's event: the words, figures and chips all its claims
    share, in the order of the first."""
    members = [claims[n] for n in group]
    shared = frozenset.intersection(*(c.words for c in members))
    config = settings()
    first = members[0]
    skip = config["time_set"] | config["generic_set"]
    skip = skip.union(*(content_words(m.text) for m in first.money))
    picked: list[str] = []
    stems: set[str] = set()
    for word in re.findall(r"\w+", first.text):
        stem = next(iter(content_words(word)), "")
        if stem and stem in shared and stem not in skip and stem not in stems:
            stems.add(stem)
            picked.append(word)
    figures = [
        m.text for m in first.money if all(any(same_figure(m, x) for x in c.money) for c in members)
    ]
    line = ", ".join([*figures, *picked[: config["event_words"]]])
    return line or " ".join(first.text.split()[: config["event_words"]])


def _first_key(claim: ClaimRow) -> tuple[int, str, str, int]:
    """Earliest date first; undated articles after the dated ones, by file."""
    date = claim.article.date
    return (0 if date else 1, date or "", claim.article.file, claim.start)


def _refs(claim: ClaimRow) -> list[ActorRef]:
    return [*([claim.source] if claim.source else []), *claim.actors]


def _figures(claim: ClaimRow) -> str:
    return ", ".join(m.text for m in claim.money) or "no figure"


def article_info(info: ArticleRef) -> dict[str, Any]:
    return {
        "file": info.file,
        "title": info.title,
        "date": info.date,
        "url": info.url,
        "publisher": info.publisher,
    }


def _article(article: ArticleClaims) -> dict[str, Any]:
    return {**article_info(article.info), "claims": len(article.claims)}


def appearance(claim: ClaimRow, group: str | None = None) -> dict[str, Any]:
    return {
        **article_info(claim.article),
        "claim": claim.id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "source": claim.source.name if claim.source else claim.source_text,
        "modality": claim.modality,
        "stance": claim.stance,
        "money": [_figure(m) for m in claim.money],
        "review": claim.review,
        **({"recurring": group} if group else {}),
    }


def _figure(figure: Figure) -> dict[str, Any]:
    return {
        "text": figure.text,
        "amount": figure.amount,
        "currency": figure.currency,
        "qualifier": figure.qualifier,
    }


def _recurring(group_id: str, claims: list[ClaimRow], event: str) -> dict[str, Any]:
    first = claims[0]
    sources = {c.source.key: c.source for c in claims if c.source}
    figures = {(m.amount, m.currency): m for c in claims for m in c.money}
    return {
        "id": group_id,
        "event": event,
        "text": first.text,
        "source": actor_row(next(iter(sources.values()))) if sources else None,
        "articles": len({c.article for c in claims}),
        "figures": [_figure(m) for m in figures.values()],
        "chips": sorted({chip for c in claims for chip in c.chips}),
        "first_appearance": appearance(first),
        "appearances": [appearance(c) for c in claims],
    }
