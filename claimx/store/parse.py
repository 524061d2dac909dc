"""Output documents read back into the typed records of `claimx.store.records`: the model
reads as well as it writes (`Extraction.to_dict` undoes `extraction`, key for key)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimx.errors import InputError
from claimx.store.reader import claims_documents
from claimx.store.records import (
    ActorRecord,
    ArticleInfo,
    Attribution,
    ChipRecord,
    ClaimRecord,
    Extraction,
    MoneyRecord,
    PercentRecord,
    Review,
    TextSpan,
)


def read_extractions(path: Path) -> list[Extraction]:
    """The documents of a claims file as typed records, decisions joined; InputError when
    it is not a claims file of the current format."""
    return [extraction(d, str(path)) for d in claims_documents(path)]


def extraction(document: dict[str, Any], where: str = "document") -> Extraction:
    """An output document (format 2) as typed records; InputError when it is not one."""
    try:
        return Extraction(
            article=ArticleInfo(**document["article"]),
            pipeline=dict(document["pipeline"]),
            actors=[_actor(a) for a in document["actors"]],
            chips=[_chip(c) for c in document["chips"]],
            money=[MoneyRecord(**m) for m in document["money"]],
            claims=[_claim(c) for c in document["claims"]],
            percentages=[PercentRecord(**p) for p in document.get("percentages") or []],
        )
    except (KeyError, TypeError, AttributeError) as err:
        raise InputError(f"{where}: not a claims document of format 2 ({err!r})") from None


def _span(data: dict[str, Any]) -> TextSpan:
    return TextSpan(data["start"], data["end"], data["text"])


def _spans(items: list[dict[str, Any]]) -> list[TextSpan]:
    return [_span(item) for item in items]


def _actor(data: dict[str, Any]) -> ActorRecord:
    return ActorRecord(
        id=data["id"],
        name=data["name"],
        kind=data["kind"],
        roles=list(data["roles"]),
        mentions=_spans(data["mentions"]),
        wikidata=data.get("wikidata"),
    )


def _chip(data: dict[str, Any]) -> ChipRecord:
    return ChipRecord(data["id"], data["name"], data["vendor"], _spans(data["mentions"]))


def _attribution(data: dict[str, Any] | None) -> Attribution | None:
    if data is None:
        return None
    quote = data.get("quote")
    return Attribution(
        data["kind"], data["source"], data["source_text"], _span(data["cue"]),
        _span(quote) if quote else None,
    )  # fmt: skip


def _claim(data: dict[str, Any]) -> ClaimRecord:
    review = data.get("review")
    sentence = data["sentence"]
    return ClaimRecord(
        id=data["id"],
        start=data["start"],
        end=data["end"],
        text=data["text"],
        sentence=(sentence["start"], sentence["end"]),
        actors=list(data["actors"]),
        chips=list(data["chips"]),
        money=list(data["money"]),
        attribution=_attribution(data["attribution"]),
        modality=data["modality"],
        hedges=_spans(data["hedges"]),
        review=None if review is None else Review(**review),
        percentages=list(data.get("percentages") or []),
    )
