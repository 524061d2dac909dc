"""What each claimx component leaves on a doc, read by the components after it.

Each component writes its results to a `doc._` attribute (typed here, so that no
component imports another) and to a `doc.spans` group of the same name:

| component | `doc._` | record |
| --- | --- | --- |
| claimx_chips | `claimx_chips` | `ChipHit` |
| claimx_money | `claimx_money`, `claimx_percent` | `MoneyHit`, `PercentHit` |
| claimx_actors | `claimx_actors` | `Actor` |
| claimx_hedges | `claimx_hedges` | `Span` |
| claimx_attributions | `claimx_attributions` | `AttributionHit` |
| claimx_claims | `claimx` | `claimx.records` |
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span

from claimx.kinds import ActorKind, AttributionKind, PercentUnit, Qualifier

for _name in (
    "claimx_chips",
    "claimx_money",
    "claimx_percent",
    "claimx_lang",
    "claimx_actors",
    "claimx_hedges",
    "claimx_attributions",
    "claimx",
):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


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


@dataclass
class AttributionHit:
    """One attributed statement: its kind, cue, content span and source."""

    kind: AttributionKind
    cue: Span
    content: Span
    source: Actor | None
    source_text: str | None
    quote: Span | None = None
