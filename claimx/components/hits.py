"""What each claimx component leaves on a doc: span groups, which `DocBin` keeps.

Each component writes its results as a `doc.spans` group, through a `put_*` function
here, and the components after it (and `claimx.claims`, which builds the records) read
them back through the matching reader as typed hits, so that no component imports
another. What a span cannot carry in its label, `kb_id` and `id` lives in one list per
group in `doc.user_data` (kept by `DocBin(store_user_data=True)`), item `n` belonging to
the spans whose `id_` ends in `-n`:

| component | span groups (label / kb_id) | data | read as |
| --- | --- | --- | --- |
| claimx_chips | `claimx_chips` (chip / vendor) | | `ChipHit` |
| claimx_money | `claimx_money`, `claimx_percent` | values | `MoneyHit`, `PercentHit` |
| claimx_actors | `claimx_actors`, mentions (kind / Wikidata id) | name, roles | `Actor` |
| claimx_hedges | `claimx_hedges`, `claimx_forecasts` (kind) | | `Span` |
| claimx_clauses | `claimx_clauses` | | `Span` |
| claimx_attributions | `claimx_attributions` (kind), `claimx_cues` | source | `AttributionHit` |
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from typing import Any

from spacy.tokens import Doc, Span

from claimx.kinds import ActorKind, AttributionKind, PercentUnit, Qualifier
from claimx.text import fold

# The article's language, set by the library before the pipeline runs (read by money).
if not Doc.has_extension("claimx_lang"):
    Doc.set_extension("claimx_lang", default=None)

CHIPS = "claimx_chips"
MONEY = "claimx_money"
PERCENT = "claimx_percent"
ACTORS = "claimx_actors"
HEDGES = "claimx_hedges"
FORECASTS = "claimx_forecasts"
CLAUSES = "claimx_clauses"
CONTENTS = "claimx_attributions"
CUES = "claimx_cues"


@dataclass(frozen=True)
class ChipHit:
    """One chip mention: token span, canonical name, vendor (None when unknown)."""

    span: Span
    name: str
    vendor: str | None


@dataclass(frozen=True)
class MoneyHit:
    """One amount: exact character offsets, its token span and its value."""

    start: int
    end: int
    span: Span
    amount: int | float | None
    amount_max: int | float | None
    currency: str | None
    qualifier: Qualifier


@dataclass(frozen=True)
class PercentHit:
    """One percentage (unit "percent") or change in percentage points (unit "point")."""

    start: int
    end: int
    span: Span
    value: int | float
    value_max: int | float | None
    unit: PercentUnit
    qualifier: Qualifier


@dataclass
class Actor:
    """One real actor of an article and every mention of it."""

    name: str
    kind: ActorKind
    mentions: list[Span]
    roles: list[str] = field(default_factory=list)
    country: str | None = None  # its nationality, when the gazetteer or the text says it
    wikidata: str | None = None  # its Wikidata id, when models/wikidata.yaml knows it

    @property
    def first(self) -> int:
        return min(m.start_char for m in self.mentions)

    def opens_on(self, noun: str) -> bool:
        """Whether the name's first word is `noun`, folded ("ministère chinois du Commerce"
        opens on "ministere"): what a description of that noun may take up."""
        return fold(self.name).split()[:1] == [noun]


@dataclass
class AttributionHit:
    """One attributed statement: its kind, cue, content span and source."""

    kind: AttributionKind
    cue: Span
    content: Span
    source: Actor | None
    source_text: str | None
    quote: Span | None = None


def _tagged(span: Span, group: str, n: int, label: str = "", kb_id: str = "") -> Span:
    return Span(span.doc, span.start, span.end, label=label, kb_id=kb_id, span_id=f"{group}-{n}")


_NUMBERS: dict[int, int] = {}  # a span id's hash ("claimx_money-3") -> its number (3)


def _number(span: Span) -> int:
    number = _NUMBERS.get(span.id)
    if number is None:
        number = _NUMBERS[span.id] = int(span.id_.rsplit("-", 1)[1])
    return number


def _user_data(doc: Doc) -> dict[Any, Any]:
    """`doc.user_data`, whose keys may be tuples (spaCy types them as strings)."""
    data: dict[Any, Any] = doc.user_data
    return data


def _data(doc: Doc, group: str) -> tuple[dict[str, Any], ...]:
    """The data list of a group; after `DocBin`, lists come back as tuples."""
    return tuple(_user_data(doc).get(("claimx", group), ()))


def _pair(value: Any) -> tuple[int, int] | None:
    return None if value is None else (int(value[0]), int(value[1]))


def put_chips(doc: Doc, hits: list[ChipHit]) -> None:
    doc.spans[CHIPS] = [
        _tagged(h.span, CHIPS, n, h.name, h.vendor or "") for n, h in enumerate(hits)
    ]


def chips(doc: Doc) -> list[ChipHit]:
    return [ChipHit(s, s.label_, s.kb_id_ or None) for s in doc.spans.get(CHIPS, [])]


def put_figures(doc: Doc, group: str, hits: Sequence[MoneyHit | PercentHit]) -> None:
    """Money (`MONEY`) or percentages (`PERCENT`): token spans, values in the data."""
    doc.spans[group] = [_tagged(h.span, group, n) for n, h in enumerate(hits)]
    _user_data(doc)[("claimx", group)] = [
        {f.name: getattr(h, f.name) for f in fields(h) if f.name != "span"} for h in hits
    ]


def money(doc: Doc) -> list[MoneyHit]:
    data = _data(doc, MONEY)
    return [MoneyHit(span=s, **data[_number(s)]) for s in doc.spans.get(MONEY, [])]


def percentages(doc: Doc) -> list[PercentHit]:
    data = _data(doc, PERCENT)
    return [PercentHit(span=s, **data[_number(s)]) for s in doc.spans.get(PERCENT, [])]


def put_actors(doc: Doc, actors: list[Actor]) -> None:
    """Each mention a span labelled with its actor's kind, in text order."""
    group = [
        _tagged(m, ACTORS, n, actor.kind, actor.wikidata or "")
        for n, actor in enumerate(actors)
        for m in actor.mentions
    ]
    doc.spans[ACTORS] = sorted(group, key=lambda s: (s.start, s.end))
    _user_data(doc)[("claimx", ACTORS)] = [
        {"name": a.name, "roles": list(a.roles), "country": a.country} for a in actors
    ]


def actors(doc: Doc) -> list[Actor]:
    """The actors, in the order they were written, each with its mentions in order."""
    data = _data(doc, ACTORS)
    found: list[Actor] = []
    for item in data:
        roles = [str(r) for r in item["roles"]]
        found.append(Actor(item["name"], "person", [], roles, item["country"]))
    for span in doc.spans.get(ACTORS, []):
        actor = found[_number(span)]
        actor.kind = span.label_
        actor.wikidata = span.kb_id_ or None
        actor.mentions.append(span)
    return found


def put_hedges(doc: Doc, hedges: list[Span], forecasts: list[Span]) -> None:
    doc.spans[HEDGES] = hedges
    doc.spans[FORECASTS] = forecasts


def hedges(doc: Doc) -> list[Span]:
    return list(doc.spans.get(HEDGES, []))


def forecasts(doc: Doc) -> list[Span]:
    return list(doc.spans.get(FORECASTS, []))


def put_clauses(doc: Doc, clauses: list[Span]) -> None:
    doc.spans[CLAUSES] = clauses


def clauses(doc: Doc) -> list[Span]:
    """Clauses of time or contrast a comma opens (`claimx_clauses`), in order."""
    return list(doc.spans.get(CLAUSES, []))


def hedges_in(spans: list[Span], start: int, end: int) -> list[Span]:
    """The hedge spans inside the token range [start, end)."""
    return [h for h in spans if start <= h.start and h.end <= end]


def put_attributions(doc: Doc, hits: list[AttributionHit], speakers: list[Actor]) -> None:
    """Contents and cues as spans labelled with the kind; the source is an actor's
    number in `speakers` (the list `actors(doc)` gave) or free text."""
    number = {id(a): n for n, a in enumerate(speakers)}
    doc.spans[CONTENTS] = [_tagged(h.content, CONTENTS, n, h.kind) for n, h in enumerate(hits)]
    doc.spans[CUES] = [_tagged(h.cue, CUES, n, h.kind) for n, h in enumerate(hits)]
    _user_data(doc)[("claimx", CONTENTS)] = [
        {
            "source": None if h.source is None else number[id(h.source)],
            "source_text": h.source_text,
            "quote": None if h.quote is None else [h.quote.start, h.quote.end],
        }
        for h in hits
    ]


def attributions(doc: Doc, speakers: list[Actor]) -> list[AttributionHit]:
    """The attributions, their sources among `speakers` (as `actors(doc)` gave them)."""
    data = _data(doc, CONTENTS)
    cues = {_number(s): s for s in doc.spans.get(CUES, [])}
    found: list[AttributionHit] = []
    for content in doc.spans.get(CONTENTS, []):
        n = _number(content)
        item = data[n]
        quote = _pair(item["quote"])
        found.append(
            AttributionHit(
                content.label_,
                cues[n],
                content,
                None if item["source"] is None else speakers[item["source"]],
                item["source_text"],
                None if quote is None else doc[quote[0] : quote[1]],
            )
        )
    return found
