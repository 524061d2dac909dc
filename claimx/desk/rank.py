"""Claims across articles ranked by check-worthiness: rows for a table, JSON or CSV."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from claimx.desk.checkworthy import CheckWorthy, assess_all
from claimx.desk.load import DeskArticle
from claimx.escape import csv_text
from claimx.store.records import ClaimRecord

COLUMNS = [
    "rank", "score", "file", "claim", "start", "end", "text", "source", "modality",
    "review", "reasons", "title", "date", "url",
]  # fmt: skip


@dataclass
class Ranked:
    """A claim of an article with its check-worthiness."""

    article: DeskArticle
    claim: ClaimRecord
    worthy: CheckWorthy


def ranked(articles: list[DeskArticle]) -> list[Ranked]:
    """Every claim of the articles, the most check-worthy first (then by file and place)."""
    out = []
    for article in articles:
        scores = assess_all(article.extraction, article.text)
        out += [Ranked(article, c, scores[c.id]) for c in article.extraction.claims]
    out.sort(key=lambda r: (-round(r.worthy.score, 6), r.article.file, r.claim.start))
    return out


def order(articles: list[DeskArticle]) -> dict[tuple[str, str], float]:
    """(file, claim id) → check-worthiness score: the key `--sort checkworthy` orders by."""
    return {(r.article.file, r.claim.id): r.worthy.score for r in ranked(articles)}


def rows(items: list[Ranked]) -> list[dict[str, Any]]:
    """One row per claim, in the given order, ranked from 1."""
    out = []
    for number, item in enumerate(items, 1):
        claim, info = item.claim, item.article.extraction.article
        attribution = claim.attribution
        out.append(
            {
                "rank": number,
                "score": round(item.worthy.score, 3),
                "file": item.article.file,
                "claim": claim.id,
                "start": claim.start,
                "end": claim.end,
                "text": claim.text,
                "source": attribution.source_text if attribution else None,
                "modality": claim.modality,
                "review": claim.review.status if claim.review else None,
                "reasons": list(item.worthy.reasons),
                "title": info.title,
                "date": info.date,
                "url": info.url,
            }
        )
    return out


def to_csv(table: list[dict[str, Any]]) -> str:
    """Rows as CSV (UTF-8 with a BOM; reasons joined by "; "; a cell a spreadsheet would
    take for a formula is quoted with a leading apostrophe, `claimx.escape`)."""
    return csv_text([joined(row) for row in table], COLUMNS, bom=True)


def joined(row: dict[str, Any]) -> dict[str, Any]:
    """A row with its lists (reasons) as one cell, joined by "; "."""
    return {k: "; ".join(map(str, v)) if isinstance(v, list) else v for k, v in row.items()}
