"""`claimx watch`: a folder followed as articles land in it, claims and alerts out."""

from __future__ import annotations

import json
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType
from typing import IO, Any

import typer

from claimx.cli.exit_codes import ExitCode
from claimx.cli.options import Lang, Model
from claimx.cli.output import warn
from claimx.errors import OutputError

EXAMPLES = """\
claimx watch news -o claims --alert actor:Nvidia --alert 'money>1e9:EUR'
    alerts as JSON Lines on stdout: an actor, an amount over a billion euros
claimx watch news -o claims -a chip:H20 --exec 'notify-send claimx {title}'
    a command run per alert, never through a shell
claimx watch news -o claims --alert contradiction:figure
    a figure disagreeing with another article of the folder
claimx watch news -o claims -a actor:Q182477 --alerts-file alerts.jsonl
    an actor by Wikidata id, alerts appended to a file
claimx watch news -o claims --alert 'checkworthy>0.8'
    the claims most worth checking, with their score and reasons
claimx watch news -o claims --alert factcheck --against factchecks.db
    claims already fact-checked (a feed or an index saved by claimx match)
"""


@contextmanager
def stop_on_signals() -> Iterator[tuple[threading.Event, list[int]]]:
    """An event set by Ctrl-C or SIGTERM (and the signals received), handlers restored
    at the end."""
    stop = threading.Event()
    received: list[int] = []

    def handler(signum: int, frame: FrameType | None) -> None:
        received.append(signum)
        stop.set()

    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield stop, received
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


def ended(received: list[int], what: str) -> None:
    """Say how a long-running command ended: Ctrl-C exits 130, SIGTERM 0."""
    if signal.SIGINT in received:
        warn(f"interrupted: {what}")
        raise typer.Exit(int(ExitCode.INTERRUPTED))
    if received:
        warn(f"stopped: {what}")


def watch(
    folder: Path = typer.Argument(..., metavar="DIR", hidden=True),
    output: Path = typer.Option(
        ..., "--output", "-o", metavar="OUT", help="Folder for the claims, as claimx batch."
    ),
    alert: list[str] = typer.Option(
        [],
        "--alert",
        "-a",
        metavar="RULE",
        help="actor:NAME, actor:Q123, money>AMOUNT:CUR, chip:NAME, contradiction, "
        "checkworthy>SCORE, factcheck; repeatable.",
    ),
    against: Path = typer.Option(
        None,
        "--against",
        metavar="FEED",
        help="The fact-checks of --alert factcheck, read once: ClaimReview objects (JSON "
        "array, DataFeed, JSON Lines) or an index saved by claimx match --save-index.",
    ),
    alerts_file: Path = typer.Option(
        None, "--alerts-file", metavar="FILE", help="Append alerts to FILE, not stdout."
    ),
    exec_: str = typer.Option(
        None,
        "--exec",
        metavar="COMMAND",
        help="Run COMMAND per alert (no shell; {title} {url} {text} {rule} {matched} "
        "{input} filled in; the alert's JSON on its stdin).",
    ),
    poll: bool = typer.Option(
        False, "--poll", help="Poll the folder instead of file-system events."
    ),
    settle: float = typer.Option(
        0.5, "--settle", metavar="SECONDS", min=0.0, help="Quiet time before a run starts."
    ),
    max_chars: int = typer.Option(
        1_000_000, "--max-chars", metavar="N", help="Skip (and report) longer articles."
    ),
    model: Model = None,
    lang: Lang = None,
) -> None:
    """Follow a folder of articles: extract each new or changed one, raise alerts.

    DIR: the folder where articles land (.txt, .md, .html, .json, .jsonl, as batch).

    Claims files, index and lock are claimx batch's own: the result is the one
    `claimx batch DIR -o OUT` gives, and a restart resumes from the index. Alerts are
    JSON Lines, one per claim that a rule matches, each sent once. Ctrl-C or SIGTERM
    stop it cleanly.

    checkworthy>SCORE: a claim's check-worthiness (as claimx rank) over SCORE, with its
    reasons. factcheck: a claim matching a fact-check of --against FEED (as claimx match),
    with its url, rating, score and why.
    """
    from claimx.batch import BatchOptions
    from claimx.formats import ReadOptions
    from claimx.live import CommandHook, Event, WatchOptions, parse_rule
    from claimx.live import watch as follow

    rules = tuple(parse_rule(text) for text in alert)
    read = ReadOptions(max_chars=max_chars, lang=lang.value if lang else None)
    options = WatchOptions(
        batch=BatchOptions(output_dir=output, model=model, jobs=1, read=read),
        rules=rules,
        settle=settle,
        poll=poll,
        hook=CommandHook(exec_) if exec_ else None,
        against=against,
    )

    def on_event(event: Event) -> None:
        if event.kind == "feed":
            warn(f"{event.input}: {event.message}")
        elif event.kind == "watching":
            warn(f"watching {folder} ({event.message}); claims in {output}")
        elif event.kind in ("failed", "hook"):
            warn(f"{event.input}: {event.message}")
        elif event.kind == "busy":
            warn(f"{output}: {event.message}; trying again")
        else:
            warn(f"{event.input}: {event.kind}, {event.message}")

    with _alert_stream(alerts_file) as stream, stop_on_signals() as (stop, received):

        def on_alert(item: dict[str, Any]) -> None:
            stream.write(json.dumps(item, ensure_ascii=False) + "\n")
            stream.flush()

        follow(folder, options, stop, on_alert, on_event)
    ended(received, "every article done so far is kept; run it again to go on")


@contextmanager
def _alert_stream(path: Path | None) -> Iterator[IO[str]]:
    if path is None:
        yield sys.stdout
        return
    try:
        handle = path.open("a", encoding="utf-8")
    except OSError as err:
        raise OutputError(f"{path}: cannot write ({err.strerror})") from None
    with handle:
        yield handle
