"""What `claimx review` shows of a claim beside its sentence, field by field."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from claimx.store import ClaimsDocument


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
