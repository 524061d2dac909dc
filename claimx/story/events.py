"""What in a claim names its event: its event keys (figures, chips, the actors it is about
other than its source, names and content words rare in the collection by document
frequency) said together in units, and its less rare supporting words. Time phrases,
function words and generic words never count. `compare` links claims by them; `claimx db`
stores the keys that do not depend on the collection (`key_terms`)."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from claimx.story.names import named_in
from claimx.story.records import ActorRef, ClaimRow, content_words, ordinals, settings
from claimx.text import fold

Key = object  # a word stem, ("figure", currency, amount), ("chip", name) or ("actor", key)


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
    """What in a claim names its event. `keys`: figures, chips, the actors it is about
    other than its source (named, or met through coreference: "le fabricant"), and the
    stems of salient words (names of those actors, rare content words; never time, generic
    or function words); `units`: the keys said together (a name with its actor, a phrase
    such as "terres rares"), each one piece of evidence; `named`: the name stems of the
    companies and people it is about, its source left out; `support`: its less rare words
    (`Rarity.supports`) in units likewise, which may make the last unit of a link."""

    keys: frozenset[Key]
    units: tuple[frozenset[Key], ...]
    named: frozenset[str]
    words: frozenset[str]
    support: tuple[frozenset[Key], ...] = ()

    @cached_property
    def specific(self) -> frozenset[Key]:
        """Its figures, chips and numbers."""
        return frozenset(k for k in self.keys if _specific(k))


def _frame(claim: ClaimRow) -> tuple[frozenset[str], list[ActorRef], dict[str, frozenset[str]]]:
    """What never names a claim's event (time, generic words, its source's name, its
    figures' and chips' words), the actors it is about other than its source (its actors
    and the known names its text says, `names.named_in`), and the stems each is named by."""
    config = settings()
    ignored = config["time_set"] | config["generic_set"]
    if claim.source is not None:
        ignored = ignored | content_words(claim.source.name)
    for figure in claim.money:  # a figure is one key, not its digits and unit words
        ignored = ignored | content_words(figure.text)
    for chip in claim.chips:
        ignored = ignored | content_words(chip)
    source = claim.source.key if claim.source else None
    said = [(a.name, a) for a in claim.actors] + list(named_in(claim.text))
    others: dict[str, ActorRef] = {}
    stems: dict[str, frozenset[str]] = {}
    for name, actor in said:
        if actor.key != source:
            others.setdefault(actor.key, actor)
            stems[actor.key] = stems.get(actor.key, frozenset()) | content_words(name)
    return ignored, list(others.values()), stems


def event_of(claim: ClaimRow, words: Rarity) -> Event:
    """The event keys of a claim, in units, given the collection's word rarity."""
    ignored, others, spoken = _frame(claim)
    names = frozenset().union(*spoken.values())
    units: list[frozenset[Key]] = [
        frozenset({("figure", figure.currency, figure.amount)})
        for figure in claim.money
        if figure.amount
    ]
    units += [frozenset({("chip", fold(chip))}) for chip in claim.chips]
    said, support = _phrases(claim.text, ignored, names, words)
    units += said
    for actor in others:  # its key joins its name's units, or is a unit of its own when
        stems = spoken[actor.key] - ignored  # named through coreference only
        if not stems:
            continue
        key: Key = ("actor", actor.key)
        holding = [n for n, unit in enumerate(units) if unit & stems]
        for n in holding:
            units[n] = units[n] | {key}
        if not holding:
            units.append(frozenset({key}))
    named = {
        w for a in others if a.kind in ("organization", "person") for w in spoken[a.key] - ignored
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
    for token in _TOKEN.findall(ordinals(fold(text))):
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
    """The event keys of a claim whatever the collection (figures, chips, the actors other
    than the source and their names' stems) and the words that are keys of it when rare:
    `event_of(claim, words).keys` is the first set and those of the second that `words`
    finds rare (a database stores both, `claimx.story.db`)."""
    ignored, others, spoken = _frame(claim)
    names = frozenset().union(*spoken.values())
    stems = {
        stem
        for token in _TOKEN.findall(ordinals(fold(claim.text)))
        if not (len(token) == 1 and not token.isdigit())
        for stem in (_stem(token),)
        if stem and stem not in ignored
    }
    keys: set[Key] = {("figure", f.currency, f.amount) for f in claim.money if f.amount}
    keys |= {("chip", fold(chip)) for chip in claim.chips}
    keys |= stems & names
    keys |= {("actor", a.key) for a in others if spoken[a.key] - ignored}
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
