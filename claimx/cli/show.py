"""`claimx show`: an article with its spans highlighted, then its claims."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from claimx.cli.options import Color, Model
from claimx.cli.output import warn
from claimx.errors import PartialFailure, UsageError

if TYPE_CHECKING:
    from rich.console import Console


def show(
    files: list[Path] = typer.Argument(..., metavar="FILE", hidden=True),
    only: list[str] = typer.Option(
        [],
        "--only",
        metavar="FILTER",
        help="Only these claims: attributed, hedged, denied, money or chips; repeatable "
        "(claims passing any).",
        show_default=False,
    ),
    color: Color = None,
    pager: bool = typer.Option(
        None, "--pager/--no-pager", help="Page long output (default: on a terminal)."
    ),
    model: Model = None,
) -> None:
    """Show articles with actors, chips, money, attribution cues and hedges highlighted.

    FILE: claims files (YAML from extract or batch), folders of them, or articles.
    """
    from rich.console import Console

    from claimx.errors import InputError
    from claimx.render import ONLY

    for name in only:
        if name not in ONLY:
            raise UsageError(f"--only takes one of {', '.join(ONLY)}; got {name!r}")
    if color is None:
        color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    console = Console(
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=False,
        width=None if sys.stdout.isatty() else 100,
    )
    failed = 0
    views: list[tuple[str, dict[str, Any], str | None]] = []
    for path in files:
        try:
            views.extend(_load(path, model))
        except InputError as err:  # this file only; a missing model stops the command
            warn(str(err))
            failed += 1
    use_pager = pager if pager is not None else (sys.stdout.isatty() and sys.stdin.isatty())
    if use_pager:
        with console.capture() as captured:
            _render(console, views, only, color)
        _page(captured.get(), console.height)
    else:
        _render(console, views, only, color)
    if failed:
        raise PartialFailure()


def _page(output: str, height: int) -> None:
    """Output that fits the screen is printed; longer output goes through the pager, with
    its colours (`less -R`, added to the user's own LESS options)."""
    import pydoc

    if output.count("\n") < height:
        sys.stdout.write(output)
        return
    less = os.environ.get("LESS", "")
    if "R" not in less.replace("-", ""):
        os.environ["LESS"] = f"{less} -R".strip()
    pydoc.pager(output)


def _load(path: Path, model: str | None) -> list[tuple[str, dict[str, Any], str | None]]:
    """(label, document, article text) for a claims file, or an article extracted now."""
    from claimx import review
    from claimx.errors import InputError

    if path.is_dir():  # a batch output: every claims file in it, other YAML skipped
        views = []
        for file in review.claims_files(path):
            try:
                views += [(str(file), a.document, a.text) for a in review.load(file).articles]
            except InputError:
                continue
        return views
    if path.suffix in (".yaml", ".yml"):
        try:
            claims = review.load(path)
            return [(str(path), a.document, a.text) for a in claims.articles]
        except InputError:
            if path.suffix == ".yml":
                raise
    from claimx.api import cached_pipeline, extract
    from claimx.articles import read_article

    article = read_article(str(path))
    document = extract(article, cached_pipeline(model)).to_dict()
    return [(str(path), document, article.text)]


def _render(
    console: Console,
    views: list[tuple[str, dict[str, Any], str | None]],
    only: list[str],
    color: bool,
) -> None:
    from rich.rule import Rule

    from claimx.render import claims_table, highlight, keep, legend, marks
    from claimx.store import text_changed

    for label, document, text in views:
        info = document.get("article") or {}
        title = info.get("title")
        console.print(Rule(f"{label}" + (f" — {title}" if title else ""), style="dim"))
        claims = [c for c in document.get("claims", []) if keep(c, only)]
        if text is None:
            changed = label.endswith((".yaml", ".yml")) and text_changed(Path(label), document)
            console.print(
                f"(the article text at {info.get('source')} changed since these claims were "
                "made: claims only)"
                if changed
                else f"(article text not found beside {label} or at {info.get('source')}: "
                "claims only)"
            )
        else:
            console.print(legend(color))
            console.print()
            console.print(highlight(text, marks(document), color=color))
        console.print()
        console.print(claims_table(document, claims))
        reviewed = sum(
            1 for c in claims if (c.get("review") or {}).get("status", "pending") != "pending"
        )
        console.print(
            f"{len(claims)} claims"
            + (f" ({', '.join(only)})" if only else "")
            + f", {reviewed} reviewed; {len(document.get('actors', []))} actors, "
            f"{len(document.get('chips', []))} chips, {len(document.get('money', []))} amounts"
        )
