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

from claimx import __version__
from claimx.cli import batch as batch_command
from claimx.cli import eval as eval_command
from claimx.cli import extract as extract_command
from claimx.cli import match as match_command
from claimx.cli import rank as rank_command
from claimx.cli import review as review_command
from claimx.cli import show as show_command
from claimx.cli import summary as summary_command
from claimx.cli.exit_codes import ExitCode, exit_code
from claimx.cli.output import warn
from claimx.errors import ClaimxError

app = typer.Typer(
    name="claimx",
    help="Turn French tech-policy news into structured, checkable claims.",
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


app.command("extract")(boundary(extract_command.extract))
app.command("batch")(boundary(batch_command.batch))
app.command("merge")(boundary(batch_command.merge))
app.command("show")(boundary(show_command.show))
app.command("review")(boundary(review_command.review))
app.command("eval")(boundary(eval_command.eval_))
app.command("summary")(boundary(summary_command.summary))
app.command("db")(boundary(summary_command.db))
app.command("report")(boundary(summary_command.report))
app.command("rank")(boundary(rank_command.rank))
app.command("match")(boundary(match_command.match))


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimx {__version__}")
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
        help="Show the version and exit.",
        show_default=False,
    ),
) -> None:
    """Turn French tech-policy news into structured, checkable claims.

    Settings from the environment: CLAIMX_MODEL (the base spaCy pipeline, as --model),
    CLAIMX_SCHEDULER (a Dask scheduler for batch, as --scheduler), NO_COLOR (no colours).
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
    from claimx.api import cached_pipeline

    if cached_pipeline.cache_info().currsize:
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
