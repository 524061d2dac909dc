"""Claims across articles, flattened: each claim with its article, source, actors, chips and
figures resolved, ready to be compared with the claims of other articles."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from typing import Any

from claimx.ids import identity_table
from claimx.numbers import parse_words
from claimx.resources import load_yaml
from claimx.text import fold


@dataclass(frozen=True, eq=False)  # one per article: compared by identity, and fast
class ArticleRef:
    """Where a claim appeared."""

    file: str  # the claims file (or the article, when extracted on the fly)
    source: str | None = None
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None
    sha256: str | None = None

    @property
    def outlet(self) -> str:
        return self.publisher or self.file


@dataclass(frozen=True)
class ActorRef:
    """An actor of one article, with the key that joins it across articles."""

    name: str
    kind: str
    wikidata: str | None = None

    @property
    def key(self) -> str:
        return self.wikidata or f"{self.kind}:{fold(self.name)}"


@dataclass(frozen=True)
class Figure:
    """A normalized amount of money."""

    text: str
    amount: float | None
    currency: str | None
    qualifier: str = "exact"
    amount_max: float | None = None


@dataclass
class ClaimRow:
    """One claim of one article."""

    article: ArticleRef
    id: str
    text: str
    start: int
    end: int
    modality: str
    kind: str | None = None  # the attribution's kind
    source: ActorRef | None = None
    source_text: str | None = None
    cue: str | None = None
    actors: list[ActorRef] = field(default_factory=list)
    chips: list[str] = field(default_factory=list)
    money: list[Figure] = field(default_factory=list)
    review: str | None = None
    words: frozenset[str] = frozenset()

    @property
    def stance(self) -> str:
        """stated, hedged or denied: how the article presents the claim."""
        if self.modality == "denied" or self.kind == "denial":
            return "denied"
        if self.modality in ("hedged", "forecast"):
            return "hedged"
        return "stated"

    @cached_property
    def about(self) -> frozenset[str]:
        """The keys of the actors it is about, its source included."""
        keys = {a.key for a in self.actors}
        if self.source is not None:
            keys.add(self.source.key)
        return frozenset(keys)


@dataclass
class ArticleClaims:
    """One article's actors, chips, money and claims."""

    info: ArticleRef
    actors: list[tuple[ActorRef, int]]  # with their mention counts
    chips: list[tuple[str, str | None, int]]  # name, vendor, mentions
    money: list[Figure]
    claims: list[ClaimRow]
    document: dict[str, Any] | None = None  # kept for reports (`collect(keep=True)`)
    text: str | None = None


@cache
def settings() -> dict[str, Any]:
    data: dict[str, Any] = load_yaml("story.yaml")
    data["function_set"] = frozenset(fold(w) for w in data["function_words"])
    stem = data["stem"]
    data["family_of"] = {  # a word's stem -> its family's (the family's name's stem)
        fold(word)[:stem]: fold(name)[:stem]
        for name, words in data["word_families"].items()
        for word in (name, *words)
    }
    for name in ("time", "generic", "period", "part"):
        words = [fold(w) for w in data[f"{name}_words"]]
        # as content_words gives them (stems), and whole (short words, "t1")
        data[f"{name}_set"] = frozenset(words) | frozenset(w[: data["stem"]] for w in words)
    return data


@cache
def wikidata() -> dict[str, str]:
    """Folded actor name or alias → Wikidata id, from models/wikidata.yaml."""
    return identity_table(load_yaml("wikidata.yaml"))


def actor_ref(actor: dict[str, Any]) -> ActorRef:
    """An output document's actor, with its Wikidata id (its own, else the table's)."""
    identity = actor.get("wikidata") or wikidata().get(fold(actor["name"]))
    return ActorRef(actor["name"], actor["kind"], identity)


_WORD = re.compile(r"\w+")


@cache
def _ordinal_pattern() -> tuple[re.Pattern[str], frozenset[str]]:
    """Ordinals in folded text: digits and a suffix ("26e", "26eme"), or number words
    ending in an ordinal word ("vingt-sixieme", "vingt et unieme"); and the endings of the
    ordinal words (a text with none of them and no digit before a letter has no ordinal)."""
    config = settings()
    ordinal, cardinal = (sorted(config[k], key=len, reverse=True) for k in
                         ("ordinal_words", "cardinal_words"))  # fmt: skip
    suffixes = "|".join(sorted(config["ordinal_suffixes"], key=len, reverse=True))
    words = rf"(?:(?:{'|'.join(cardinal)})[\s-]+(?:et[\s-]+)?)*(?:{'|'.join(ordinal)})"
    pattern = re.compile(rf"\b(?:(?P<digits>\d+)(?:{suffixes})|(?P<words>{words}))\b")
    return pattern, frozenset(w[-4:] for w in ordinal)


_DIGIT_LETTER = re.compile(r"\d[a-z]")


def ordinals(folded: str) -> str:
    """Folded text with each ordinal written as digits and "e": "la vingt-sixieme" and
    "la 26eme" are "la 26e"."""
    pattern, endings = _ordinal_pattern()
    if not _DIGIT_LETTER.search(folded) and not any(e in folded for e in endings):
        return folded  # most sentences: the pattern need not run

    def number(found: re.Match[str]) -> str:
        if found["digits"]:
            return f"{int(found['digits'])}e"
        config = settings()
        values = {**config["cardinal_words"], **config["ordinal_words"]}
        return f"{parse_words(found['words'], values)}e"

    return pattern.sub(number, folded)


@lru_cache(maxsize=1 << 16)  # outlets reprinting a wire repeat its sentences verbatim
def content_words(text: str) -> frozenset[str]:
    """The stems of a text's content words (numbers and ordinals kept whole), a word of a
    family (`word_families`: "lève", "levée", "lever") as its family's."""
    config = settings()
    stem, skip, family = config["stem"], config["function_set"], config["family_of"]
    words = set()
    for word in _WORD.findall(ordinals(fold(text))):
        if word.isdigit():
            words.add(word)
        elif len(word) > 2 and word not in skip:
            words.add(family.get(word[:stem], word[:stem]))
    return frozenset(words)


def from_document(
    document: dict[str, Any], file: str, keep: bool = False, text: str | None = None
) -> ArticleClaims:
    """An output document (format 1 or 2) as comparable records (with the document and its
    text when `keep`)."""
    meta = document.get("article") or {}
    info = ArticleRef(
        file=file,
        source=meta.get("source"),
        title=meta.get("title"),
        date=_text(meta.get("date")),
        url=meta.get("url"),
        publisher=meta.get("publisher"),
        sha256=meta.get("sha256"),
    )
    actors = {a["id"]: actor_ref(a) for a in document.get("actors") or []}
    chips = {c["id"]: c for c in document.get("chips") or []}
    money = {m["id"]: figure_of(m) for m in document.get("money") or []}
    rows = []
    for claim in document.get("claims") or []:
        attribution = claim.get("attribution") or {}
        rows.append(
            ClaimRow(
                article=info,
                id=_checked(claim["id"], str),
                text=_checked(claim["text"], str),
                start=_checked(claim["start"], int),
                end=_checked(claim["end"], int),
                modality=claim.get("modality") or "asserted",
                kind=attribution.get("kind"),
                source=actors.get(attribution.get("source") or ""),
                source_text=attribution.get("source_text"),
                cue=(attribution.get("cue") or {}).get("text"),
                actors=[actors[i] for i in claim.get("actors", []) if i in actors],
                chips=[chips[i]["name"] for i in claim.get("chips", []) if i in chips],
                money=[money[i] for i in claim.get("money", []) if i in money],
                review=(claim.get("review") or {}).get("status"),
                words=content_words(claim["text"]),
            )
        )
    return ArticleClaims(
        info=info,
        actors=[(actors[a["id"]], len(a.get("mentions", []))) for a in document.get("actors", [])],
        chips=[(c["name"], c.get("vendor"), len(c.get("mentions", []))) for c in chips.values()],
        money=list(money.values()),
        claims=rows,
        document=document if keep else None,
        text=text if keep else None,
    )


def figure_of(item: dict[str, Any]) -> Figure:
    """A claims document's money item as a Figure (its amount a finite number or None)."""
    return Figure(
        text=_checked(item["text"], str),
        amount=_number(item.get("amount")),
        currency=_text(item.get("currency")),
        qualifier=_text(item.get("qualifier")) or "exact",
        amount_max=_number(item.get("amount_max")),
    )


def _number(value: Any) -> float | None:
    """An amount as a number; anything else (edited by hand) as no amount."""
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return value if math.isfinite(value) else None


def _checked(value: Any, kind: type) -> Any:
    """`value` if it is a `kind` (not a bool): a claims file edited by hand is refused as
    malformed (a TypeError, reported by the reader), never a traceback later."""
    if not isinstance(value, kind) or isinstance(value, bool):
        raise TypeError(f"{value!r} is not a {kind.__name__}")
    return value


def _text(value: Any) -> str | None:
    return None if value is None else str(value)
