"""The terminal for interactive commands: single key presses, and an editable line."""

from __future__ import annotations

import sys


def read_key() -> str:
    """One key press from the terminal, without Enter; arrows as "left"/"right"."""
    import os
    import select
    import termios
    import tty

    fd = sys.stdin.fileno()
    saved = termios.tcgetattr(fd)
    try:
        tty.setcbreak(fd, termios.TCSANOW)  # keys typed ahead are kept (TCSAFLUSH drops them)
        data = os.read(fd, 1)
        if data == b"\x1b":
            while select.select([fd], [], [], 0.03)[0]:
                data += os.read(fd, 8)
            return {b"\x1b[D": "left", b"\x1b[C": "right"}.get(data, "escape")
        while data and data[0] >= 0xC0 and len(data) < 4:
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                data += os.read(fd, 1)
        return data.decode("utf-8", errors="replace")
    finally:
        termios.tcsetattr(fd, termios.TCSADRAIN, saved)


def ask(prompt: str, default: str) -> str | None:
    """A line of text, the default already typed in (editable); None on Ctrl-D."""
    try:
        import readline

        readline.set_startup_hook(lambda: readline.insert_text(default))
    except ImportError:  # pragma: no cover - readline is on every Linux and macOS Python
        readline = None  # type: ignore[assignment]
    try:
        return input(prompt)
    except EOFError:
        return None
    finally:
        if readline is not None:
            readline.set_startup_hook(None)
