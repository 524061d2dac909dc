"""Where alerts go besides the JSON Lines stream: a command run for each, never through a
shell (`--exec 'notify-send claimx {title}'`)."""

from __future__ import annotations

import json
import shlex
import subprocess
from typing import Any

from claimx.errors import UsageError

HOOK_TIMEOUT = 30.0
FIELDS = ("rule", "input", "title", "url", "text", "matched")


class CommandHook:
    """A command line split once (shell quoting rules, no shell); in each argument
    `{rule}`, `{input}`, `{title}`, `{url}`, `{text}` (the claim) and `{matched}` are
    replaced by the alert's values, and the alert's JSON is given on standard input."""

    def __init__(self, command: str, timeout: float = HOOK_TIMEOUT) -> None:
        try:
            self.argv = shlex.split(command)
        except ValueError as err:
            raise UsageError(f"--exec {command!r}: {err}") from None
        if not self.argv:
            raise UsageError("--exec takes a command")
        self.timeout = timeout

    def __call__(self, alert: dict[str, Any]) -> str | None:
        """Run the command for one alert; None, or what went wrong in one line."""
        values = _values(alert)
        argv = [_fill(arg, values) for arg in self.argv]
        try:
            done = subprocess.run(
                argv,
                input=json.dumps(alert, ensure_ascii=False).encode("utf-8"),
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=self.timeout,
                check=False,
            )
        except FileNotFoundError:
            return f"--exec: {argv[0]}: no such command"
        except subprocess.TimeoutExpired:
            return f"--exec: {argv[0]} took over {self.timeout:g} s and was stopped"
        except OSError as err:
            return f"--exec: {argv[0]}: {err.strerror}"
        return f"--exec: {argv[0]} exited with {done.returncode}" if done.returncode else None


def _values(alert: dict[str, Any]) -> dict[str, str]:
    claim = alert.get("claim") or {}
    article = alert.get("article") or {}
    return {
        "rule": str(alert.get("rule") or ""),
        "input": str(alert.get("input") or ""),
        "title": str(article.get("title") or ""),
        "url": str(article.get("url") or ""),
        "text": str(claim.get("text") or ""),
        "matched": ", ".join(str(m) for m in alert.get("matched") or []),
    }


def _fill(arg: str, values: dict[str, str]) -> str:
    for name in FIELDS:
        arg = arg.replace("{" + name + "}", values[name])
    return arg
