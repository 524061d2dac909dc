"""The typed model of claims files (claimx output format 2) and its plain-dict form."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from typing import Any

import yaml

from claimx.kinds import (
    ActorKind,
    AttributionKind,
    Modality,
    PercentUnit,
    Qualifier,
    ReviewStatus,
)

FORMAT_VERSION = 2  # 2: ids from names and text (claimx/ids.py), spans on one line
FORMATS = (1, 2)  # the versions claimx reads (review, summary, db)


class Flow(dict[str, Any]):
    """A record's mapping the writer puts on one line: an attribution, a money, percentage
    or chip item, the pipeline, a sentence's {start, end}."""


class FlowSpan(Flow):
    """A text span {start, end, text}: on one line, and so is a list of them."""


# Both are plain mappings to anyone else's YAML dumper: `yaml.safe_dump(x.to_dict())` works.
for _representer in (yaml.representer.SafeRepresenter, yaml.representer.Representer):
    for _flow in (Flow, FlowSpan):
        _representer.add_representer(_flow, _representer.represent_dict)


def is_claims_document(document: Any) -> bool:
    """Whether a parsed YAML document is claimx output of a version claimx reads."""
    return isinstance(document, dict) and document.get("claimx") in FORMATS and "claims" in document


@dataclass(frozen=True)
class TextSpan:
    """A span of the article: `article_text[start:end] == text`."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return FlowSpan(start=self.start, end=self.end, text=self.text)


@dataclass
class ActorRecord:
    id: str
    name: str
    kind: ActorKind
    roles: list[str]
    mentions: list[TextSpan]
    wikidata: str | None = None

    def to_dict(self) -> dict[str, Any]:
        identity = {"wikidata": self.wikidata} if self.wikidata else {}
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            **identity,
            "roles": list(self.roles),
            "mentions": [m.to_dict() for m in self.mentions],
        }


@dataclass
class ChipRecord:
    id: str
    name: str
    vendor: str | None
    mentions: list[TextSpan]

    def to_dict(self) -> dict[str, Any]:
        return Flow(
            id=self.id,
            name=self.name,
            vendor=self.vendor,
            mentions=[m.to_dict() for m in self.mentions],
        )


@dataclass
class MoneyRecord:
    id: str
    start: int
    end: int
    text: str
    amount: int | float | None
    currency: str | None
    qualifier: Qualifier
    amount_max: int | float | None = None

    def to_dict(self) -> dict[str, Any]:
        return _figure_dict(self, "amount_max")


@dataclass
class PercentRecord:
    """A percentage, or a change in percentage points: a figure, never money."""

    id: str
    start: int
    end: int
    text: str
    value: int | float
    unit: PercentUnit
    qualifier: Qualifier
    value_max: int | float | None = None

    def to_dict(self) -> dict[str, Any]:
        return _figure_dict(self, "value_max")


def _figure_dict(record: MoneyRecord | PercentRecord, upper: str) -> dict[str, Any]:
    """A figure's fields in order; its upper bound (the last field) only for a range."""
    out = Flow({f.name: getattr(record, f.name) for f in fields(record) if f.name != upper})
    if record.qualifier == "range":
        out[upper] = getattr(record, upper)
    return out


@dataclass
class Attribution:
    kind: AttributionKind
    source: str | None
    source_text: str | None
    cue: TextSpan
    quote: TextSpan | None = None

    def to_dict(self) -> dict[str, Any]:
        return Flow(
            kind=self.kind,
            source=self.source,
            source_text=self.source_text,
            cue=self.cue.to_dict(),
            quote=self.quote.to_dict() if self.quote else None,
        )


@dataclass
class Review:
    status: ReviewStatus = "pending"
    note: str | None = None
    original: dict[str, Any] | None = None  # after an edit: the fields as claimx gave them
    verdict: dict[str, Any] | None = None  # a fact-check's rating, url, date (store.decisions)

    def to_dict(self) -> dict[str, Any]:
        kept = {"original": self.original} if self.original is not None else {}
        if self.verdict is not None:
            kept["verdict"] = self.verdict
        return {"status": self.status, "note": self.note, **kept}


@dataclass
class ClaimRecord:
    id: str
    start: int
    end: int
    text: str
    sentence: tuple[int, int]
    actors: list[str]
    chips: list[str]
    money: list[str]
    attribution: Attribution | None
    modality: Modality
    hedges: list[TextSpan]
    review: Review | None = None
    percentages: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "id": self.id,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "sentence": Flow(start=self.sentence[0], end=self.sentence[1]),
            "actors": list(self.actors),
            "chips": list(self.chips),
            "money": list(self.money),
            **({"percentages": list(self.percentages)} if self.percentages else {}),
            "attribution": self.attribution.to_dict() if self.attribution else None,
            "modality": self.modality,
            "hedges": [h.to_dict() for h in self.hedges],
        }
        if self.review is not None:
            out["review"] = self.review.to_dict()
        return out


@dataclass
class ArticleInfo:
    source: str
    sha256: str
    lang: str
    chars: int
    title: str | None = None
    date: str | None = None
    url: str | None = None
    publisher: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "sha256": self.sha256,
            "lang": self.lang,
            "title": self.title,
            "date": self.date,
            "url": self.url,
            "publisher": self.publisher,
            "chars": self.chars,
        }


@dataclass
class Extraction:
    """Everything claimx found in one article: one output document."""

    article: ArticleInfo
    pipeline: dict[str, str]
    actors: list[ActorRecord] = field(default_factory=list)
    chips: list[ChipRecord] = field(default_factory=list)
    money: list[MoneyRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    percentages: list[PercentRecord] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The output-format document, keys in the documented order."""
        return {
            "claimx": FORMAT_VERSION,
            "article": self.article.to_dict(),
            "pipeline": Flow(self.pipeline),
            "actors": [a.to_dict() for a in self.actors],
            "chips": [c.to_dict() for c in self.chips],
            "money": [m.to_dict() for m in self.money],
            "percentages": [p.to_dict() for p in self.percentages],
            "claims": [c.to_dict() for c in self.claims],
        }
