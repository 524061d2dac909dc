"""Help as a newcomer reads it: plain argument names, no type tags, an Examples section.

Every command is registered with `ClaimxCommand` and its module's `EXAMPLES`, a text of
command lines, each followed by an indented line saying what it does: a new command is one
line in claimx/cli/__init__.py, `command("rank", rank.rank, rank.EXAMPLES)`.
tests/test_help.py checks every registered command's help.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from typer.core import TyperCommand

if TYPE_CHECKING:  # Typer's own Click (vendored since Typer 0.20)
    from typer._click import Context, HelpFormatter

# Typer's type tags: `--title <str>`, `{FILE}...` in the usage line, `[x>=0]` ranges.
_TAG = re.compile(r" <[^<>]+>")
_RANGE = re.compile(r"(?:-?[\d.]+<=?x(?:<=?-?[\d.]+)?|x[<>]=?-?[\d.]+)")
_REQUIRED = re.compile(r"^\{(.+)\}((?:\.\.\.)?)$")


class ClaimxCommand(TyperCommand):
    """A Typer command whose help has no type tags and ends with its examples."""

    def collect_usage_pieces(self, ctx: Context) -> list[str]:
        return [_REQUIRED.sub(r"\1\2", piece) for piece in super().collect_usage_pieces(ctx)]

    def format_options(self, ctx: Context, formatter: HelpFormatter) -> None:
        records = []
        for param in self.get_params(ctx):
            record = param.get_help_record(ctx)
            if record is not None:
                name = (param.name or "value").upper()
                records.append((_TAG.sub(f" {name}", record[0]), _untag(record[1])))
        if records:
            with formatter.section("Options"):
                formatter.write_dl(records)

    def format_epilog(self, ctx: Context, formatter: HelpFormatter) -> None:
        if not self.epilog:
            return
        with formatter.section("Examples"):
            for line in self.epilog.rstrip().splitlines():  # as written: never rewrapped
                formatter.write(f"{'':>{formatter.current_indent}}{line}\n")


def _untag(text: str) -> str:
    """A help text without the range Typer appends (`[default: 0; x>=0]` → `[default: 0]`)."""
    text = _RANGE.sub("", text)
    text = re.sub(r"\[(?:; )+", "[", re.sub(r"(?:; )+\]", "]", text))
    return re.sub(r"\s*\[\]", "", text)
