"""What `claimx review` shows of a claim beside its sentence, field by field."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Any

from claimx.desk.checkworthy import assess_document
from claimx.store.decisions import verdict_of

if TYPE_CHECKING:
    from claimx.review import ReviewItem
    from claimx.store import ClaimsDocument, ClaimsFile


class ReviewOrder(str, Enum):
    file = "file"
    checkworthy = "checkworthy"


def source_text(claim: dict[str, Any]) -> str:
    attribution = claim.get("attribution") or {}
    return str(attribution.get("source_text") or "")


def claim_fields(article: ClaimsDocument, claim: dict[str, Any]) -> list[tuple[str, str]]:
    attribution = claim.get("attribution")
    review = claim.get("review") or {}

    def names(list_name: str, key: str) -> str:
        items = [article.item(list_name, i) for i in claim.get(list_name, [])]
        return ", ".join(str(x[key]) for x in items if x is not None) or "—"

    source = "—"
    if attribution:
        actor = article.actor(attribution.get("source"))
        source = actor["name"] if actor else (attribution.get("source_text") or "unnamed")
    return [
        ("source", source),
        ("kind", attribution["kind"] if attribution else "asserted by the article"),
        ("modality", str(claim.get("modality"))),
        ("hedges", ", ".join(h["text"] for h in claim.get("hedges", [])) or "—"),
        ("actors", names("actors", "name")),
        ("chips", names("chips", "name")),
        ("money", names("money", "text")),
        ("status", str(review.get("status", "pending"))),
        ("note", str(review.get("note") or "—")),
    ]


def checkworthy_order(files: list[ClaimsFile]) -> Callable[[ReviewItem], float]:
    """Each claim's check-worthiness score, for a queue ordered by it."""
    scores: dict[int, float] = {}
    for file in files:
        for article in file.articles:
            found = assess_document(article.document, article.text)
            for claim in article.claims:
                worthy = found.get(claim["id"])
                scores[id(claim)] = worthy.score if worthy else 0.0
    return lambda item: scores.get(id(item.claim), 0.0)


def desk_fields(article: ClaimsDocument, claim: dict[str, Any]) -> list[tuple[str, str]]:
    """The claim's check-worthiness with its reasons, and its verdict."""
    worthy = assess_document(article.document, article.text).get(claim["id"])
    shown = f"{worthy.score:.2f}: {'; '.join(worthy.reasons) or 'no reason'}" if worthy else "—"
    verdict = verdict_of(claim.get("review"))
    said = "—"
    if verdict is not None:
        said = " · ".join(x for x in (verdict.rating.name, verdict.url, verdict.date) if x)
    return [("worth", shown), ("verdict", said)]
