"""What `claimx review` shows of a claim beside its sentence, field by field."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

if TYPE_CHECKING:
    from claimx.review import ReviewItem
    from claimx.store import ClaimsDocument, ClaimsFile


AgainstOption = typer.Option(
    None,
    "--against",
    metavar="FEED",
    help="Fact-checks (as for claimx match): a claim that matches one shows its verdict.",
)


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
    from claimx.desk.checkworthy import assess_document

    scores: dict[int, float] = {}
    for file in files:
        for article in file.articles:
            found = assess_document(article.document, article.text)
            for claim in article.claims:
                worthy = found.get(claim["id"])
                scores[id(claim)] = worthy.score if worthy else 0.0
    return lambda item: scores.get(id(item.claim), 0.0)


Earlier = Callable[["ClaimsDocument", dict[str, Any]], "str | None"]


def earlier_verdicts(feed: Path) -> Earlier:
    """What `review --against FEED` shows of a claim already checked: the best match's
    verdict, url and score (None without a match)."""
    from claimx.desk.index import load_index
    from claimx.desk.match import best_matches, query_of_document

    index, _ = load_index(feed)

    def shown(article: ClaimsDocument, claim: dict[str, Any]) -> str | None:
        found = best_matches(query_of_document(article.document, claim), index)
        if not found:
            return None
        best = found[0]
        said = (best.check.rating, best.check.url, best.check.date, f"score {best.score:.2f}")
        return f"{best.check.claim} — " + " · ".join(x for x in said if x)

    return shown


def desk_fields(
    article: ClaimsDocument, claim: dict[str, Any], earlier: Earlier | None = None
) -> list[tuple[str, str]]:
    """The claim's check-worthiness with its reasons, its verdict, and (with a feed) the
    verdict a fact-check matching it gave earlier."""
    from claimx.desk.checkworthy import assess_document
    from claimx.store.decisions import verdict_of

    worthy = assess_document(article.document, article.text).get(claim["id"])
    shown = f"{worthy.score:.2f}: {'; '.join(worthy.reasons) or 'no reason'}" if worthy else "—"
    verdict = verdict_of(claim.get("review"))
    said = "—"
    if verdict is not None:
        said = " · ".join(x for x in (verdict.rating.name, verdict.url, verdict.date) if x)
    fields = [("worth", shown), ("verdict", said)]
    if earlier is not None:
        fields.append(("checked", earlier(article, claim) or "no earlier fact-check found"))
    return fields
