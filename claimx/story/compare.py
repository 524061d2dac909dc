"""Which claims of different articles tell the same event, said by the same source.

Two claims are linked only when their sources agree (the same, one left out by a copy, or
one quoting the other's source) and they share enough of what names an event: figures,
chips, named actors other than the source, and content words rare in the collection (by
document frequency). Time phrases, function words and generic words never count. Groups
are held together by every member (complete linkage): a claim joins a group only when it is
linked to each claim of it, so two stories never chain through a common phrase.

Candidates come from an inverted index of those event keys, so that a folder of thousands of
articles is not compared pair by pair.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from functools import cached_property

from claimx.story.records import ActorRef, ClaimRow, Figure, content_words, settings
from claimx.text import fold

Key = object  # a word stem, ("figure", currency, amount) or ("chip", name)


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


@dataclass(frozen=True)
class Rarity:
    """How many articles of the collection use each word: a word is rare enough to name an
    event when at most `limit` articles do."""

    articles: Counter[str]
    limit: float
    support: float = 0.0  # a word used by more articles, at most this many, supports

    def rare(self, word: str) -> bool:
        return self.articles[word] <= self.limit

    def supports(self, word: str) -> bool:
        """Too common to name an event, not too common to support one."""
        return self.limit < self.articles[word] <= self.support


def rare_limits(articles: int) -> tuple[float, float]:
    """The most articles a rare word is in, and a supporting one, in a collection."""
    config = settings()
    limit = max(config["rare_articles"], config["rare_share"] * articles)
    return limit, max(limit, config["support_share"] * articles)


def rarity(claims: Iterable[ClaimRow]) -> Rarity:
    """The document frequency of the claims' words, by article."""
    words: dict[int, set[str]] = defaultdict(set)
    for claim in claims:
        words[id(claim.article)] |= claim.words
    counts: Counter[str] = Counter(w for found in words.values() for w in found)
    return Rarity(counts, *rare_limits(len(words)))


@dataclass(frozen=True)
class Event:
    """What in a claim names its event. `keys`: figures, chips, actors named only through
    coreference, and the stems of salient words (names of actors other than the source,
    rare content words; never time, generic or function words); `units`: the keys said
    together (a name, a phrase such as "terres rares"), each one piece of evidence; `named`:
    the name stems of the companies and people it is about, its source left out."""

    keys: frozenset[Key]
    units: tuple[frozenset[Key], ...]
    named: frozenset[str]
    words: frozenset[str]
    support: tuple[frozenset[Key], ...] = ()

    @cached_property
    def specific(self) -> frozenset[Key]:
        """Its figures, chips and numbers."""
        return frozenset(k for k in self.keys if _specific(k))


def _frame(claim: ClaimRow) -> tuple[frozenset[str], list[ActorRef], frozenset[str]]:
    """What never names a claim's event (time, generic words, its source's name, its
    figures' and chips' words), the actors it is about other than its source, and the
    stems of their names."""
    config = settings()
    ignored = config["time_set"] | config["generic_set"]
    if claim.source is not None:
        ignored = ignored | content_words(claim.source.name)
    for figure in claim.money:  # a figure is one key, not its digits and unit words
        ignored = ignored | content_words(figure.text)
    for chip in claim.chips:
        ignored = ignored | content_words(chip)
    others = [a for a in claim.actors if claim.source is None or a.key != claim.source.key]
    names = frozenset(w for actor in others for w in content_words(actor.name))
    return ignored, others, names


def event_of(claim: ClaimRow, words: Rarity) -> Event:
    """The event keys of a claim, in units, given the collection's word rarity."""
    ignored, others, names = _frame(claim)
    units: list[frozenset[Key]] = [
        frozenset({("figure", figure.currency, figure.amount)})
        for figure in claim.money
        if figure.amount
    ]
    units += [frozenset({("chip", fold(chip))}) for chip in claim.chips]
    said, support = _phrases(claim.text, ignored, names, words)
    units += said
    for actor in others:  # its key joins its name's units, or is a unit of its own when
        stems = content_words(actor.name) - ignored  # named through coreference only
        if not stems:
            continue
        key: Key = ("actor", actor.key)
        holding = [n for n, unit in enumerate(units) if unit & stems]
        for n in holding:
            units[n] = units[n] | {key}
        if not holding:
            units.append(frozenset({key}))
    named = {
        w
        for a in others
        if a.kind in ("organization", "person")
        for w in content_words(a.name) - ignored
    }
    keys = frozenset(k for unit in units for k in unit)
    return Event(
        keys,
        tuple(dict.fromkeys(units)),
        frozenset(named),
        claim.words | names,
        tuple(dict.fromkeys(support)),
    )


def _phrases(
    text: str, ignored: frozenset[str], names: frozenset[str], words: Rarity
) -> tuple[list[frozenset[Key]], list[frozenset[Key]]]:
    """The salient words of a text (names, rare words) in units said together, a number a
    unit of its own; and its supporting words (less rare) in units likewise."""
    units: list[frozenset[Key]] = []
    support: list[frozenset[Key]] = []
    current: set[Key] = set()
    backing: set[Key] = set()
    for token in _TOKEN.findall(fold(text)):
        if len(token) == 1 and not token.isdigit():
            continue  # an elided article or preposition (d', l') does not cut a phrase
        stem = _stem(token) or ""
        kept = bool(stem) and stem not in ignored
        salient = kept and (stem in names or words.rare(stem))
        if kept and not salient and words.supports(stem) and not _specific(stem):
            backing.add(stem)
        elif backing:
            support.append(frozenset(backing))
            backing = set()
        if salient and not _specific(stem):
            current.add(stem)
            continue
        if current:
            units.append(frozenset(current))
            current = set()
        if salient:  # a number ("800 chercheurs", "la 25e") is a unit of its own
            units.append(frozenset({stem}))
    units += [frozenset(current)] if current else []
    support += [frozenset(backing)] if backing else []
    return units, support


_TOKEN = re.compile(r"\w+")


def key_terms(claim: ClaimRow) -> tuple[frozenset[Key], frozenset[str]]:
    """The event keys of a claim whatever the collection (figures, chips, names of actors
    other than the source, actors named through coreference) and the words that are
    keys of it when rare: `event_of(claim, words).keys` is the first set and those of the
    second that `words` finds rare (a database stores both, `claimx.story.db`)."""
    ignored, others, names = _frame(claim)
    stems = {
        stem
        for token in _TOKEN.findall(fold(claim.text))
        if not (len(token) == 1 and not token.isdigit())
        for stem in (_stem(token),)
        if stem and stem not in ignored
    }
    keys: set[Key] = {("figure", f.currency, f.amount) for f in claim.money if f.amount}
    keys |= {("chip", fold(chip)) for chip in claim.chips}
    keys |= stems & names
    keys |= {("actor", a.key) for a in others if content_words(a.name) - ignored}
    return frozenset(keys), frozenset(stems - names)


def key_text(key: Key) -> str:
    """An event key as text (a word stem as it is, a figure, chip or actor as JSON, an
    amount as a float), one text for each key, equal keys alike."""
    if isinstance(key, str):
        return key
    assert isinstance(key, tuple)
    if key[0] == "figure":
        return json.dumps([key[0], key[1], float(key[2])], ensure_ascii=False)
    return json.dumps(list(key), ensure_ascii=False)


def _stem(token: str) -> str | None:
    """A token's content-word stem (as `content_words` makes them), or None for a
    function word, a short one, a year or a day of the month."""
    if token.isdigit():
        return token if len(token) > 2 and not _year(token) else None
    stems = content_words(token)
    return next(iter(stems)) if stems else None


def _specific(key: Key) -> bool:
    """A figure, a chip or a number: a key that alone points at one fact."""
    return (isinstance(key, tuple) and key[0] != "actor") or (
        isinstance(key, str) and any(ch.isdigit() for ch in key)
    )


def _year(word: str) -> bool:
    return word.isdigit() and len(word) == 4 and 1900 <= int(word) <= 2100


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
    if a.article is b.article:
        return 0.0, "one article"
    if not compatible_sources(a, b):
        return 0.0, "sources differ"
    if not _same_companies(one, two):
        return 0.0, "companies differ"
    shared = one.keys & two.keys
    together = min(sum(1 for u in e.units if u & shared) for e in (one, two))
    together += _speaker(a, b, two) or _speaker(b, a, one)
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
    return [x.key for x in b.actors] == [a.source.key] and ("actor", a.source.key) in two.keys


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
    size: int, links: dict[tuple[int, int], float], same: Sequence[object]
) -> list[list[int]]:
    """Groups of linked items, each item linked to every other of its group unless both are
    of one article (`same[i] is same[j]`): strongest links first, two groups joined only
    when every pair across them is linked (complete linkage, no chaining)."""
    group_of = list(range(size))
    members: dict[int, list[int]] = {i: [i] for i in range(size)}
    for (i, j), _ in sorted(links.items(), key=lambda item: (-item[1], item[0])):
        a, b = group_of[i], group_of[j]
        if a == b:
            continue
        if all(
            same[x] is same[y] or (min(x, y), max(x, y)) in links
            for x in members[a]
            for y in members[b]
        ):
            for x in members[b]:
                group_of[x] = a
            members[a] += members.pop(b)
    return [sorted(g) for g in members.values() if len(g) > 1]
