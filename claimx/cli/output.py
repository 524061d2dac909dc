"""Shared CLI helpers: messages on stderr, errors to exit codes."""

from __future__ import annotations

import sys
from typing import NoReturn

import typer

from claimx.cli.exit_codes import ExitCode


def warn(message: str) -> None:
    """One line for the user on stderr."""
    sys.stderr.write(f"claimx: {message}\n")
    sys.stderr.flush()


def fail(message: str, code: ExitCode) -> NoReturn:
    """Print one line on stderr and exit with `code`."""
    warn(message)
    raise typer.Exit(int(code))
