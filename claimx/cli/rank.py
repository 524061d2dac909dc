"""`claimx rank`: claims across articles, the most worth checking first."""

from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from claimx.cli.options import Model
from claimx.cli.output import warn, write_output
from claimx.errors import NoInput, PartialFailure, UsageError

if TYPE_CHECKING:
    from claimx.story import ArticleClaims


class RankFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


EXAMPLES = """\
claimx rank claims
    the claims of a batch folder, the most worth checking first, with reasons
claimx rank claims --per-article 3 -n 20
    a desk's morning list
claimx rank claims/news/a.txt.yaml -f csv -o rank.csv
    as a spreadsheet
claimx rank news/article.txt -f json
    an article, extracted on the fly
"""


def rank(
    inputs: list[str] = typer.Argument(..., metavar="INPUT", hidden=True),
    output_format: RankFormat = typer.Option(
        RankFormat.table,
        "--format",
        "-f",
        metavar="FORMAT",
        help="table (on the terminal), json (an array) or csv (UTF-8 with a BOM).",
    ),
    top: int = typer.Option(
        None, "--top", "-n", min=1, metavar="N", help="Only the N most check-worthy claims."
    ),
    per_article: int = typer.Option(
        None, "--per-article", min=1, metavar="N", help="At most N claims of each article."
    ),
    output: Path = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE if it exists."),
    model: Model = None,
) -> None:
    """Rank claims across articles by check-worthiness, with the reasons for each score.

    INPUT: claims files, batch output folders, or articles (extracted on the fly). The
    score (0 to 1) weighs a claim's figures, named or unnamed sources, comparisons, dates,
    actors and acts against forecasts, questions, opinions and first-person accounts
    (weights in models/checkworthy.yaml).
    """
    from claimx.desk.load import read
    from claimx.desk.rank import ranked, rows, to_csv
    from claimx.store.serialize import to_json

    if output is not None and output.exists() and not force:
        raise UsageError(f"{output} exists; use --force to overwrite it")
    problems: list[str] = []
    articles = read(inputs, model=model, on_error=problems.append)
    for problem in problems:
        warn(problem)
    if not articles:
        raise NoInput("no claims in the inputs")
    items = ranked(articles)
    if per_article is not None:
        seen: dict[str, int] = {}
        items = [r for r in items if _count(seen, r.article.file) <= per_article]
    table = rows(items[:top] if top else items)
    if output_format is RankFormat.json:
        write_output(to_json(table), output)
    elif output_format is RankFormat.csv:
        write_output(to_csv(table), output)
    else:
        write_output(_table(table, output is None), output)
    if problems:
        raise PartialFailure()


def _count(seen: dict[str, int], file: str) -> int:
    seen[file] = seen.get(file, 0) + 1
    return seen[file]


def _table(table: list[dict[str, Any]], terminal: bool) -> str:
    """The rows as a terminal table (plain text, 120 columns, when written to a file)."""
    import io

    from rich.console import Console
    from rich.table import Table

    view = Table(show_lines=False, expand=False)
    for name in ("#", "score", "claim", "source", "why", "file"):
        view.add_column(name, overflow="fold")
    for row in table:
        view.add_row(
            str(row["rank"]),
            f"{row['score']:.2f}",
            row["text"],
            row["source"] or "",
            "; ".join(row["reasons"]),
            f"{row['file']} {row['claim']}",
        )
    buffer = io.StringIO()
    console = Console(
        file=buffer,
        highlight=False,
        no_color=not terminal,
        width=None if terminal and sys.stdout.isatty() else 120,
        force_terminal=terminal and sys.stdout.isatty(),
    )
    console.print(view)
    return buffer.getvalue()


def sort_by_checkworthy(articles: list[ArticleClaims]) -> dict[tuple[str, str], float]:
    """`--sort checkworthy` for summary and report: each article's claims, then the
    articles, the most check-worthy first (in place; articles read without their document,
    from a database, keep their order, after the others). Returns (file, claim id) → score."""
    from claimx.desk.checkworthy import assess_document

    scores: dict[tuple[str, str], float] = {}
    best: dict[int, float] = {}
    for article in articles:
        found = assess_document(article.document, article.text) if article.document else {}
        for claim in article.claims:
            worthy = found.get(claim.id)
            scores[(article.info.file, claim.id)] = worthy.score if worthy else 0.0
        article.claims.sort(key=lambda c: -scores[(article.info.file, c.id)])
        if article.document:  # what the HTML report's claims table lists
            listed = article.document.get("claims") or []
            listed.sort(key=lambda c: -scores.get((article.info.file, c.get("id")), 0.0))
        ranked_first = article.claims[0] if article.claims else None
        best[id(article)] = scores[(article.info.file, ranked_first.id)] if ranked_first else 0.0
    articles.sort(key=lambda a: -best[id(a)])
    return scores
