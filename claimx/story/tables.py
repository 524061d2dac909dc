"""A summary as spreadsheet rows (CSV, UTF-8) and as terminal tables.

Every cell comes from claims files, articles or front matter: untrusted. A text cell that a
spreadsheet would read as a formula (it begins with `=`, `+`, `-`, `@`, a tab or a carriage
return) is neutralized as OWASP advises, with a leading `'`."""

from __future__ import annotations

from typing import Any

from claimx.story.records import ArticleClaims

CLAIM_COLUMNS = [
    "file", "date", "publisher", "title", "url", "claim", "start", "end", "text", "source",
    "source_kind", "attribution", "cue", "modality", "stance", "actors", "chips", "money",
    "currencies", "review", "recurring", "recurring_articles", "contradictions",
]  # fmt: skip
RECURRING_COLUMNS = [
    "recurring", "articles", "event", "text", "source", "figures", "chips", "first_date",
    "first_publisher", "first_file", "first_url", "appearances", "contradictions",
]  # fmt: skip


def claim_rows(articles: list[ArticleClaims], summary: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per claim, with its recurring claim and contradictions."""
    groups: dict[tuple[str, str], dict[str, Any]] = {}
    for group in summary["recurring"]:
        for place in group["appearances"]:
            groups[(place["file"], place["claim"])] = group
    conflicts: dict[tuple[str, str], list[str]] = {}
    for item in summary["contradictions"]:
        for place in item["evidence"]:
            conflicts.setdefault((place["file"], place["claim"]), []).append(item["id"])
    rows = []
    for article in articles:
        info = article.info
        for claim in article.claims:
            group = groups.get((info.file, claim.id))
            rows.append(
                {
                    "file": info.file,
                    "date": info.date,
                    "publisher": info.publisher,
                    "title": info.title,
                    "url": info.url,
                    "claim": claim.id,
                    "start": claim.start,
                    "end": claim.end,
                    "text": claim.text,
                    "source": claim.source.name if claim.source else claim.source_text,
                    "source_kind": claim.source.kind if claim.source else None,
                    "attribution": claim.kind,
                    "cue": claim.cue,
                    "modality": claim.modality,
                    "stance": claim.stance,
                    "actors": "; ".join(a.name for a in claim.actors),
                    "chips": "; ".join(claim.chips),
                    "money": "; ".join(_amount(m.amount) for m in claim.money),
                    "currencies": "; ".join(m.currency or "" for m in claim.money),
                    "review": claim.review,
                    "recurring": group["id"] if group else None,
                    "recurring_articles": group["articles"] if group else None,
                    "contradictions": "; ".join(conflicts.get((info.file, claim.id), [])),
                }
            )
    return rows


def recurring_rows(summary: dict[str, Any]) -> list[dict[str, Any]]:
    """One row per recurring claim."""
    conflicts: dict[str, list[str]] = {}
    for item in summary["contradictions"]:
        for place in item["evidence"]:
            if place.get("recurring"):
                conflicts.setdefault(place["recurring"], []).append(item["id"])
    rows = []
    for group in summary["recurring"]:
        first = group["first_appearance"]
        rows.append(
            {
                "recurring": group["id"],
                "articles": group["articles"],
                "event": group["event"],
                "text": group["text"],
                "source": (group["source"] or {}).get("name"),
                "figures": "; ".join(f["text"] for f in group["figures"]),
                "chips": "; ".join(group["chips"]),
                "first_date": first["date"],
                "first_publisher": first["publisher"],
                "first_file": first["file"],
                "first_url": first["url"],
                "appearances": "; ".join(f"{p['file']}#{p['claim']}" for p in group["appearances"]),
                "contradictions": "; ".join(sorted(set(conflicts.get(group["id"], [])))),
            }
        )
    return rows


def _amount(amount: float | None) -> str:
    if amount is None:
        return ""
    return str(int(amount)) if float(amount).is_integer() else str(amount)


def render(summary: dict[str, Any], console: Any) -> None:
    """The summary as rich tables on `console`."""
    from rich.table import Table

    articles = summary["articles"]
    console.print(
        f"{len(articles)} articles, {sum(a['claims'] for a in articles)} claims, "
        f"{len(summary['recurring'])} recurring, {len(summary['contradictions'])} contradictions"
    )
    table = Table(title="Recurring claims", show_lines=True)
    for column in ("id", "articles", "event", "claim", "source", "first appearance"):
        table.add_column(column, overflow="fold")
    for group in summary["recurring"]:
        first = group["first_appearance"]
        table.add_row(
            group["id"],
            str(group["articles"]),
            group["event"],
            group["text"],
            (group["source"] or {}).get("name") or "",
            " ".join(x for x in (first["date"], first["publisher"] or first["title"]) if x),
        )
    console.print(table)
    table = Table(title="Contradictions", show_lines=True)
    for column in ("id", "kind", "about", "what", "where"):
        table.add_column(column, overflow="fold")
    for item in summary["contradictions"]:
        where = "; ".join(
            " ".join(x for x in (p["publisher"] or p["title"], p["date"]) if x)
            for p in item["evidence"]
        )
        table.add_row(item["id"], item["kind"], ", ".join(item["about"]), item["summary"], where)
    console.print(table)
    table = Table(title="Actors")
    for column in ("actor", "kind", "articles", "cited", "by"):
        table.add_column(column, overflow="fold")
    for actor in summary["actors"][:30]:
        table.add_row(
            actor["name"],
            actor["kind"],
            str(actor["articles"]),
            str(actor["cited"]),
            ", ".join(actor["outlets"]),
        )
    console.print(table)
