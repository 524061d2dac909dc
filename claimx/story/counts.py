"""A story's tables across articles: its actors (mentions, citations, outlets), chips and
money figures, as plain data (`summary`; `db_tables` makes the same in SQL)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from claimx.story.records import ActorRef, ArticleClaims


def actor_row(actor: ActorRef) -> dict[str, Any]:
    """An actor as a summary names it."""
    return {"name": actor.name, "kind": actor.kind, "wikidata": actor.wikidata}


def actors_table(articles: list[ArticleClaims]) -> list[dict[str, Any]]:
    """Each actor (by key) with its articles, mentions, citations and citing outlets."""
    names: dict[str, ActorRef] = {}
    mentions: dict[str, int] = defaultdict(int)
    found_in: dict[str, set[str]] = defaultdict(set)
    cited: dict[str, int] = defaultdict(int)
    cited_by: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for actor, count in article.actors:
            names.setdefault(actor.key, actor)
            mentions[actor.key] += count
            found_in[actor.key].add(article.info.file)
        for claim in article.claims:
            if claim.source is not None:
                cited[claim.source.key] += 1
                cited_by[claim.source.key].add(article.info.outlet)
    rows = [
        {
            **actor_row(actor),
            "articles": len(found_in[key]),
            "mentions": mentions[key],
            "cited": cited[key],
            "outlets": sorted(cited_by[key]),
        }
        for key, actor in names.items()
    ]
    return sorted(rows, key=lambda r: (-r["articles"], -r["cited"], r["name"]))


def chips_table(articles: list[ArticleClaims]) -> list[dict[str, Any]]:
    """Each chip with its articles and mentions."""
    rows: dict[str, dict[str, Any]] = {}
    for article in articles:
        for name, vendor, count in article.chips:
            row = rows.setdefault(
                name, {"name": name, "vendor": vendor, "articles": 0, "mentions": 0}
            )
            row["articles"] += 1
            row["mentions"] += count
    return sorted(rows.values(), key=lambda r: (-r["articles"], r["name"]))


def money_table(articles: list[ArticleClaims]) -> list[dict[str, Any]]:
    """Each amount (with its currency) with its articles and the ways it was written."""
    rows: dict[tuple[Any, Any], dict[str, Any]] = {}
    for article in articles:
        for figure in article.money:
            key = (figure.amount, figure.currency)
            row = rows.setdefault(
                key,
                {"amount": figure.amount, "currency": figure.currency, "texts": [], "files": set()},
            )
            if figure.text not in row["texts"]:
                row["texts"].append(figure.text)
            row["files"].add(article.info.file)
    out = [
        {
            "amount": r["amount"],
            "currency": r["currency"],
            "articles": len(r["files"]),
            "texts": r["texts"],
        }
        for r in rows.values()
    ]
    return sorted(out, key=lambda r: (-r["articles"], r["currency"] or "", r["amount"] or 0))
