"""`claimx show`: an article with its spans highlighted, then its claims."""

from __future__ import annotations

import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from claimx.cli.options import Color, Model
from claimx.cli.output import warn
from claimx.errors import NoInput, PartialFailure, UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from claimx.story import ArticleClaims

EXAMPLES = """\
claimx show examples/ai-act-fine.txt
    an article, extracted on the fly: its text highlighted, then its claims
claimx show examples --only hedged --no-pager
    every article of a folder, only the hedged claims, without paging
claimx show OUT/news/a.txt.yaml --ids
    a claims file written by extract or batch, with each claim's id
claimx show OUT --only money --format yaml
    the claims about money of a batch output, as YAML
"""


class ShowFormat(str, Enum):
    table = "table"
    yaml = "yaml"
    json = "json"


def show(
    files: list[str] = typer.Argument(..., metavar="FILE", hidden=True),
    only: list[str] = typer.Option(
        [],
        "--only",
        metavar="FILTER",
        help="Only these claims: attributed, hedged, denied, money or chips; repeatable "
        "(claims passing any).",
        show_default=False,
    ),
    output_format: ShowFormat = typer.Option(
        ShowFormat.table,
        "--format",
        "-f",
        metavar="FORMAT",
        help="table: the text highlighted and a table of claims; yaml or json: the "
        "selected claims, one record each.",
    ),
    ids: bool = typer.Option(False, "--ids", help="Show each claim's id in the table."),
    color: Color = None,
    pager: bool = typer.Option(
        None, "--pager/--no-pager", help="Page long output (default: on a terminal)."
    ),
    model: Model = None,
) -> None:
    """Show articles with actors, chips, money, attribution cues and hedges highlighted.

    FILE: claims files (from extract or batch), folders of them, articles or folders of
    articles (extracted on the fly).
    """
    from claimx.render import ONLY
    from claimx.story import collect

    for name in only:
        if name not in ONLY:
            raise UsageError(f"--only takes one of {', '.join(ONLY)}; got {name!r}")
    problems: list[str] = []
    articles = collect(files, model=model, on_error=problems.append, keep=True)
    for problem in problems:
        warn(problem)
    if not articles:
        raise NoInput("nothing to show: no claims files or articles in the inputs")
    if output_format is ShowFormat.table:
        _table(articles, only, ids, color, pager)
    else:
        _records(articles, only, output_format)
    if problems:
        raise PartialFailure()


def _table(
    articles: list[ArticleClaims],
    only: list[str],
    ids: bool,
    color: bool | None,
    pager: bool | None,
) -> None:
    from rich.console import Console

    if color is None:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    # No width given: the terminal's, or COLUMNS, or the terminal that stdin or stderr
    # is (piped through `cat`), or 80.
    console = Console(force_terminal=color, no_color=not color, highlight=False)
    use_pager = pager if pager is not None else (sys.stdout.isatty() and sys.stdin.isatty())
    if use_pager:
        with console.capture() as captured:
            _render(console, articles, only, color, ids)
        _page(captured.get(), console.height)
    else:
        _render(console, articles, only, color, ids)


def _records(articles: list[ArticleClaims], only: list[str], output_format: ShowFormat) -> None:
    from claimx.render import claim_record, keep
    from claimx.store.serialize import to_json, to_yaml

    documents = []
    for article in articles:
        document = article.document or {}
        claims = [c for c in document.get("claims", []) if keep(c, only)]
        documents.append(
            {
                "file": article.info.file,
                "title": article.info.title,
                "claims": [claim_record(document, c) for c in claims],
            }
        )
    sys.stdout.write(to_yaml(documents) if output_format is ShowFormat.yaml else to_json(documents))


# Less's options for paging: quit at once when it fits (F), colours (R), the output left on
# the screen after quitting (X); as git sets them when LESS is not set.
LESS_OPTIONS = "FRX"


def _page(output: str, height: int) -> None:
    """Output that fits the screen is printed; longer output goes through the pager, left on
    the screen after quitting, with its colours (LESS=FRX; a user's own LESS is kept, with
    R added for the colours)."""
    import pydoc

    if output.count("\n") < height:
        sys.stdout.write(output)
        return
    less = os.environ.get("LESS")
    if less is None:
        os.environ["LESS"] = LESS_OPTIONS
    elif "R" not in less.replace("-", "") and "raw-control-chars" not in less.lower():
        os.environ["LESS"] = f"{less} -R".strip()
    pydoc.pager(output)


def _render(
    console: Console, articles: list[ArticleClaims], only: list[str], color: bool, ids: bool
) -> None:
    from rich.rule import Rule
    from rich.text import Text

    from claimx.render import claims_table, highlight, keep, legend, marks

    for article in articles:
        label, document, text = article.info.file, article.document or {}, article.text
        title = article.info.title
        console.print(Rule(style="dim"))
        heading = Text(label + (f" — {title}" if title else ""), style="bold")  # never markup
        console.print(heading, overflow="fold")  # the whole name, however long
        claims = [c for c in document.get("claims", []) if keep(c, only)]
        if text is None:
            console.print(Text(_no_text(label, document)))
        else:
            console.print(legend(color))
            console.print()
            console.print(highlight(text, marks(document), color=color))
        console.print()
        console.print(claims_table(document, claims, ids=ids))
        reviewed = sum(
            1 for c in claims if (c.get("review") or {}).get("status", "pending") != "pending"
        )
        console.print(
            Text(
                f"{len(claims)} claims"
                + (f" ({', '.join(only)})" if only else "")
                + f", {reviewed} reviewed; {len(document.get('actors', []))} actors, "
                f"{len(document.get('chips', []))} chips, {len(document.get('money', []))} amounts"
            )
        )


def _no_text(label: str, document: dict[str, Any]) -> str:
    from claimx.store import text_changed

    source = (document.get("article") or {}).get("source")
    if label.endswith((".yaml", ".yml")) and text_changed(Path(label), document):
        return f"(the article text at {source} changed since these claims were made: claims only)"
    return f"(article text not found beside {label} or at {source}: claims only)"
