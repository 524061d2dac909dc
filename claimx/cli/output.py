"""Shared CLI helpers: messages on stderr."""

from __future__ import annotations

import sys


def warn(message: str) -> None:
    """One line for the user on stderr."""
    sys.stderr.write(f"claimx: {message}\n")
    sys.stderr.flush()
