"""`claimx eval`: score extraction against gold annotations."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from claimx.cli.options import Model
from claimx.errors import BelowThreshold, UsageError

EXAMPLES = """\
claimx eval examples
    precision, recall and F1 over the gold files of a folder
claimx eval gold/ --corpus news/ --detail
    gold files apart from their articles; every miss listed
claimx eval examples --min mean=0.9 --min money=0.95
    exit 5 when a score falls below its threshold (F1 between 0 and 1)
"""


def _thresholds(values: list[str]) -> dict[str, float]:
    from claimx.evaluate.report import CATEGORIES

    out: dict[str, float] = {}
    for value in values:
        name, _, number = value.partition("=")
        if name not in (*CATEGORIES, "mean") or not number:
            raise UsageError(
                f"--min takes CATEGORY=F1 with CATEGORY one of {', '.join(CATEGORIES)}, mean; "
                f"got {value!r}"
            )
        try:
            out[name] = float(number)
        except ValueError:
            raise UsageError(f"--min {value!r}: {number!r} is not a number") from None
        if not 0 <= out[name] <= 1:
            raise UsageError(f"--min {value!r}: an F1 lies between 0 and 1; got {number}")
    return out


def eval_(
    gold: Path = typer.Argument(..., metavar="GOLD", hidden=True),
    corpus: Path = typer.Option(
        None,
        "--corpus",
        metavar="DIR",
        help="Folder of the articles (default: beside each gold file).",
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the scores as JSON."),
    detail: bool = typer.Option(
        False,
        "--detail",
        help="List every miss per article: missed and extra items, actor merges "
        "(one entry for two real actors), wrong attribution kinds.",
    ),
    minimum: list[str] = typer.Option(
        [],
        "--min",
        metavar="CATEGORY=F1",
        help="Fail (exit 5) when F1 is below: CATEGORY=F1, e.g. money=0.9; repeatable.",
    ),
    model: Model = None,
) -> None:
    """Score claimx against gold annotations: precision, recall, F1 per category.

    GOLD: a gold file (*.gold.yaml) or a folder of them (docs/gold-format.md).

    Gold items marked optional are not counted: a prediction matching only optional
    items is neither a hit nor a false positive, and missing one costs no recall.
    """
    from claimx.evaluate import evaluate, find_gold

    thresholds = _thresholds(minimum)
    report = evaluate(find_gold(gold, corpus), model)

    if as_json:
        document = report.to_dict(detail=detail)
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        if detail:
            _print_misses(report)
        _print_table(report)

    scores = {c: s.f1 for c, s in report.total.items()} | {"mean": report.mean_f1}
    below = [f"{c} F1 {scores[c]:.3f} < {t}" for c, t in thresholds.items() if scores[c] < t]
    if below:
        raise BelowThreshold("below threshold: " + "; ".join(below))


def _print_misses(report: object) -> None:
    from claimx.evaluate import Report

    assert isinstance(report, Report)
    out = sys.stdout
    for name, scores in report.articles.items():
        lines = [f"  {c}: {m}" for c, s in scores.items() for m in s.misses]
        if lines:
            out.write(f"{name}\n" + "\n".join(lines) + "\n")


def _print_table(report: object) -> None:
    from rich.console import Console
    from rich.table import Table

    from claimx.evaluate import Report

    assert isinstance(report, Report)
    table = Table(title=f"claimx eval: {len(report.articles)} article(s)")
    for column in ("category", "precision", "recall", "F1", "accuracy", "predicted", "gold"):
        table.add_column(column, justify="left" if column == "category" else "right")
    for category, score in report.total.items():
        accuracy = "-" if score.accuracy is None else f"{score.accuracy:.3f}"
        table.add_row(
            category,
            f"{score.precision:.3f}",
            f"{score.recall:.3f}",
            f"{score.f1:.3f}",
            accuracy,
            str(score.n_pred),
            str(score.n_gold),
        )
    table.add_section()
    table.add_row("mean F1", "", "", f"{report.mean_f1:.3f}", "", "", "")
    console = Console()
    console.print(table)
    console.print(OPTIONAL_NOTE, highlight=False)


OPTIONAL_NOTE = (
    "gold: the required items. predicted: claimx's items, less those matching only optional "
    "gold items (neither rewarded nor punished, as docs/gold-format.md says)."
)
