"""`claimx summary`: a folder's story across articles; `claimx db`: a folder as SQLite."""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from claimx.cli.match import claimreview_text
from claimx.cli.options import Model
from claimx.cli.output import warn, write_output
from claimx.cli.rank import sort_by_checkworthy
from claimx.errors import NoInput, PartialFailure, UsageError

if TYPE_CHECKING:
    from claimx.story import ArticleClaims


EXAMPLES = """\
claimx summary examples
    a folder of articles, extracted on the fly: actors, recurring claims, contradictions
claimx summary claims -f csv -o claims.csv
    a batch output, a row per claim, for a spreadsheet
claimx summary claims.db -f json | jq .
    a claimx database, as JSON
"""
DB_EXAMPLES = """\
claimx db claims claims.db
    a batch output into SQLite (a rerun loads only what changed)
datasette claims.db
    then browse it (tables articles, actors, claims, money, chips…)
"""
REPORT_EXAMPLES = """\
claimx report examples -o report.html
    a folder of articles, extracted on the fly, as one HTML page
claimx report claims -o report.html --title "Puces: la semaine"
    a batch output, with a title of your own
"""


class SummaryFormat(str, Enum):
    table = "table"
    yaml = "yaml"
    json = "json"
    csv = "csv"
    csv_recurring = "csv-recurring"
    jsonld = "jsonld"
    claimreview = "claimreview"


class ClaimOrder(str, Enum):
    file = "file"
    checkworthy = "checkworthy"


SortOption = typer.Option(
    ClaimOrder.file,
    "--sort",
    metavar="ORDER",
    help="file (claims in article order) or checkworthy (each article's claims, and the "
    "articles, the most worth checking first; articles from a database keep their order).",
)


def summary(
    inputs: list[str] = typer.Argument(..., metavar="INPUT", hidden=True),
    output_format: SummaryFormat = typer.Option(
        SummaryFormat.table,
        "--format",
        "-f",
        metavar="FORMAT",
        help="table (on the terminal), yaml, json (on one line), csv (a row per claim), "
        "csv-recurring (a row per recurring claim), jsonld (schema.org Claim objects), "
        "claimreview (schema.org ClaimReview of the claims with a verdict).",
    ),
    publisher: str = typer.Option(
        None, "--publisher", metavar="NAME", help="claimreview: the fact-checker's name."
    ),
    site: str = typer.Option(
        None, "--site", metavar="URL", help="claimreview: the fact-checker's site (https://…)."
    ),
    sort: ClaimOrder = SortOption,
    output: Path = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE if it exists."),
    bom: bool = typer.Option(
        False,
        "--bom",
        help="Begin CSV with a byte-order mark (for spreadsheet programs); "
        "the default for CSV written to FILE, never on stdout otherwise.",
    ),
    model: Model = None,
) -> None:
    """The story of many articles: actors, chips, money, recurring claims, contradictions.

    INPUT: claims files, batch output folders, claimx databases (.db), or articles and
    folders of articles (extracted on the fly).
    """
    from claimx.story import summarize

    if output_format is SummaryFormat.claimreview:
        _refuse_existing(output, force)
        text, failed = claimreview_text(inputs, publisher, site, model)
        write_output(text, output)
        if failed:
            raise PartialFailure()
        return
    by_score = sort is ClaimOrder.checkworthy
    every_claim = output_format in (SummaryFormat.csv, SummaryFormat.jsonld)
    if by_score or every_claim or not _one_database(inputs):
        articles, failed = _articles(inputs, output, force, model, keep=by_score)
        scores = sort_by_checkworthy(articles) if by_score else None
        result = summarize(articles)
    else:  # aggregated in SQLite, not every claim read (csv and jsonld list every claim)
        articles, failed, scores = [], False, None
        rendered = output_format is SummaryFormat.json  # appearances as JSON text, from SQLite
        result = _database_summary(Path(inputs[0]), output, force, rendered)
    if output_format is SummaryFormat.table and output is None:
        from rich.console import Console

        from claimx.story.tables import render

        render(result, Console(highlight=False))
    else:
        write_output(
            _summary_text(output_format, result, articles, scores, bom or bool(output)), output
        )
    if failed:
        raise PartialFailure()


def _summary_text(
    output_format: SummaryFormat,
    result: dict[str, Any],
    articles: list[Any],
    scores: dict[tuple[str, str], float] | None,
    bom: bool,
) -> str | bytes:
    """The summary in a written format (the tables as plain text for `table`; JSON as
    UTF-8 bytes, a database's appearances made by SQLite)."""
    from claimx.escape import csv_text
    from claimx.store.serialize import to_yaml
    from claimx.story.db_json import summary_json
    from claimx.story.tables import (
        CLAIM_COLUMNS,
        RECURRING_COLUMNS,
        claim_rows,
        recurring_rows,
        render,
    )

    if output_format is SummaryFormat.table:
        import io

        from rich.console import Console

        buffer = io.StringIO()
        render(result, Console(file=buffer, highlight=False, no_color=True, width=120))
        return buffer.getvalue()
    if output_format is SummaryFormat.csv:
        rows = claim_rows(articles, result)
        if scores is not None:
            rows.sort(key=lambda row: -scores.get((row["file"], row["claim"]), 0.0))
        return csv_text(rows, CLAIM_COLUMNS, bom=bom)
    if output_format is SummaryFormat.csv_recurring:
        return csv_text(recurring_rows(result), RECURRING_COLUMNS, bom=bom)
    if output_format is SummaryFormat.jsonld:
        from claimx.story.jsonld import claims_jsonld, jsonld_text

        return jsonld_text(claims_jsonld(articles, result))
    if output_format is SummaryFormat.json:
        return summary_json(result)  # one line: a folder's summary runs to megabytes (jq reads it)
    return to_yaml([result])


def db(
    inputs: list[str] = typer.Argument(..., metavar="INPUT", hidden=True),
    database: Path = typer.Argument(..., metavar="DATABASE", hidden=True),
) -> None:
    """Load claims into a SQLite database, incrementally (for Datasette, sqlite-utils).

    INPUT: claims files or batch output folders. DATABASE: the SQLite file, created or
    updated: claims files loaded before and unchanged are skipped, changed ones replaced.
    """
    from claimx.story.db import load_into

    problems: list[str] = []
    added, kept = load_into(database, inputs, on_error=problems.append)
    for problem in problems:
        warn(problem)
    if not (added or kept or problems):
        raise NoInput(f"no claims files in {', '.join(inputs)}")
    warn(f"{database}: {added} articles added or updated, {kept} unchanged")
    if problems:
        raise PartialFailure()


def report(
    inputs: list[str] = typer.Argument(..., metavar="INPUT", hidden=True),
    output: Path = typer.Option(..., "--output", "-o", metavar="FILE", help="The HTML file."),
    title: str = typer.Option(None, "--title", help="The page title (default: from INPUT)."),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE if it exists."),
    sort: ClaimOrder = SortOption,
    model: Model = None,
) -> None:
    """A self-contained HTML report: texts highlighted, claims, recurring claims.

    INPUT: claims files, batch output folders, or articles and folders of articles
    (extracted on the fly).
    """
    from claimx.story import summarize
    from claimx.story.html import report_html

    articles, failed = _articles(inputs, output, force, model, keep=True)
    if sort is ClaimOrder.checkworthy:
        sort_by_checkworthy(articles)
    if title is None:
        single = articles[0].info.title if len(articles) == 1 else None
        title = single or f"claimx: the story of {len(articles)} articles"
    write_output(report_html(articles, summarize(articles), title), output)
    warn(f"{output}: {len(articles)} articles")
    if failed:
        raise PartialFailure()


def _articles(
    inputs: list[str], output: Path | None, force: bool, model: str | None, keep: bool
) -> tuple[list[ArticleClaims], bool]:
    """The articles of `inputs` (each unreadable file reported on its own line), and whether
    some failed; refuse an existing output without --force, and inputs without claims."""
    from claimx.story import collect

    _refuse_existing(output, force)
    problems: list[str] = []
    articles = collect(inputs, model=model, on_error=problems.append, keep=keep)
    for problem in problems:
        warn(problem)
    if not articles:
        raise NoInput("no claims in the inputs")
    return articles, bool(problems)


def _refuse_existing(output: Path | None, force: bool) -> None:
    if output is not None and output.exists() and not force:
        raise UsageError(f"{output} exists; use --force to overwrite it")


def _one_database(inputs: list[str]) -> bool:
    from claimx.story.load import DB_SUFFIXES

    return len(inputs) == 1 and Path(inputs[0]).suffix.lower() in DB_SUFFIXES


def _database_summary(
    database: Path, output: Path | None, force: bool, rendered: bool
) -> dict[str, Any]:
    """The summary of one claimx database, in SQLite; refuse an existing output without
    --force, and a database without articles."""
    from claimx.story import summarize_database

    _refuse_existing(output, force)
    result = summarize_database(database, rendered=rendered)
    if not result["articles"]:
        raise NoInput("no claims in the inputs")
    return result
