"""Shared CLI helpers: messages on stderr, a command's text to stdout or a file."""

from __future__ import annotations

import sys
from pathlib import Path


def warn(message: str) -> None:
    """One line for the user on stderr."""
    sys.stderr.write(f"claimx: {message}\n")
    sys.stderr.flush()


def write_output(text: str | bytes, output: Path | None) -> None:
    """Text (or UTF-8 bytes) on stdout, or into a file written atomically (OutputError when
    it cannot be)."""
    if output is None:
        binary = getattr(sys.stdout, "buffer", None)  # none on a stream of text only
        if isinstance(text, bytes) and binary is not None:
            sys.stdout.flush()
            binary.write(text)
            binary.flush()
            return
        sys.stdout.write(text.decode() if isinstance(text, bytes) else text)
        sys.stdout.flush()
        return
    from claimx.errors import OutputError
    from claimx.store.files import write_atomic

    try:
        write_atomic(output, text)
    except OSError as err:
        raise OutputError(f"{output}: cannot write ({err.strerror or err})") from None
