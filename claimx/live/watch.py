"""`watch()`: a folder of articles followed as it changes, through batch's own code.

Each time files land or change in the folder (watchdog's file-system events; polling
where those are not available), `claimx.batch.run` runs on the folder with the watch's
options: the same discovery, skip-unchanged, claims files, index and lock as `claimx
batch`, so a restart resumes from the index and the result is the one batch would give.
The claims of each new or changed article then go through the alert rules (a
`factcheck` rule's feed loaded once, before the first file); an alert is
sent once (its id is remembered in a state file of the output folder, saved atomically
right after it is sent), at least once across a kill.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingObserver

from claimx.api import cached_pipeline
from claimx.batch import BatchOptions, Entry, Progress, read_index, run
from claimx.errors import Busy, InputError, OutputError
from claimx.live.alerts import Folder, Rule, alerts
from claimx.live.contradictions import FolderClaims
from claimx.live.factchecks import with_feed
from claimx.live.watch_state import WatchState, version
from claimx.store import article_text, claims_documents
from claimx.store.files import exclusive
from claimx.store.parse import extraction as parsed
from claimx.store.records import Extraction

WATCH_LOCK = ".claimx-watch-lock"
BUSY_RETRY = 2.0  # seconds before trying again when a `claimx batch` holds the folder


@dataclass(frozen=True)
class WatchOptions:
    batch: BatchOptions  # its output_dir is the claims folder
    rules: tuple[Rule, ...] = ()
    settle: float = 0.5  # seconds without a new event before a run starts
    poll: bool = False  # poll instead of file-system events (network filesystems)
    poll_interval: float = 1.0
    # Run after each alert is sent and remembered (`--exec`); a problem in one line or None.
    hook: Callable[[dict[str, Any]], str | None] | None = None
    against: Path | None = None  # the fact-checks of the `factcheck` rules (`--against`)


@dataclass(frozen=True)
class Event:
    """What the watcher tells its caller: `feed` (the fact-checks loaded, with how many),
    `watching` (with how), `done` (an article, with its claim count), `failed` (an
    article, with the reason), `busy` (a batch holds the folder), `hook` (an alert's
    command went wrong)."""

    kind: str
    input: str = ""
    message: str | None = None


class _Stop(Exception):
    """Raised from batch's progress callback to end a run at a chunk's end."""


def watch(
    folder: Path,
    options: WatchOptions,
    stop: threading.Event,
    on_alert: Callable[[dict[str, Any]], None],
    on_event: Callable[[Event], None] | None = None,
) -> None:
    """Follow `folder` until `stop` is set; alerts go to `on_alert` as they are raised.
    UsageError for a `factcheck` rule whose feed (`against`) cannot be read."""
    out = options.batch.output_dir
    if out is None:
        raise OutputError("watch needs an output folder")
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder")
    tell = on_event or (lambda e: None)
    rules, feed = with_feed(options.rules, options.against)  # once, before any article
    if feed is not None:
        skipped = f", {feed.skipped} object(s) not ClaimReviews skipped" if feed.skipped else ""
        tell(Event("feed", str(feed.path), f"{len(feed.index.checks)} fact-check(s){skipped}"))
    options = replace(options, rules=rules)
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{out}: cannot write ({err.strerror})") from None
    try:
        with exclusive(out, WATCH_LOCK):
            _Watcher(folder, out, options, stop, on_alert, tell).loop()
    except Busy:
        raise Busy(f"{out}: another claimx watch is writing there") from None


class _Watcher:
    def __init__(
        self,
        folder: Path,
        out: Path,
        options: WatchOptions,
        stop: threading.Event,
        on_alert: Callable[[dict[str, Any]], None],
        on_event: Callable[[Event], None],
    ) -> None:
        self.folder, self.out, self.options, self.stop = folder, out, options, stop
        self.on_alert, self.on_event = on_alert, on_event
        self.pending = _Pending()
        self.state = WatchState(out, baseline=read_index(out))
        self.failures: set[str] = set()  # failed article versions already told
        # The folder's claims, read once, for the rules that compare with them.
        self.others: Folder | None = (
            FolderClaims.read(out) if any(r.conflicts for r in options.rules) else None
        )

    def loop(self) -> None:
        cached_pipeline(self.options.batch.model)  # loaded once, before the first file
        if self.stop.is_set():
            return
        observer = self._observer()
        try:
            self.pending.mark()  # what landed while no watch ran
            while not self.stop.is_set():
                if not self.pending.dirty.wait(0.2):
                    continue
                self._settle()
                if not self.stop.is_set():
                    self.pending.take()  # changes from now on make another run
                    self._cycle()
        finally:
            observer.stop()
            observer.join()

    def _observer(self) -> BaseObserver:
        handler = _Changes(self.folder, self.out, self.pending)
        if not self.options.poll:
            observer: BaseObserver = Observer()
            try:
                observer.schedule(handler, str(self.folder), recursive=True)
                observer.start()
                self.on_event(Event("watching", message="file-system events"))
                return observer
            except OSError:  # no inotify left, or none here: poll instead
                pass
        observer = PollingObserver(timeout=self.options.poll_interval)
        observer.schedule(handler, str(self.folder), recursive=True)
        observer.start()
        self.on_event(Event("watching", message=f"polling every {self.options.poll_interval:g} s"))
        return observer

    def _settle(self) -> None:
        """Wait until no change came for `settle` seconds, or the first change waiting
        is 4 × settle old: a steady stream of files is taken in runs, not held back."""
        settle = self.options.settle
        while not self.stop.is_set():
            quiet, age = self.pending.ages()
            if quiet >= settle or age >= 4 * settle:
                return
            self.stop.wait(min(settle - quiet, 4 * settle - age))

    def _cycle(self) -> None:
        try:
            report = run([str(self.folder)], self.options.batch, on_progress=self._progress)
        except _Stop:
            return
        except Busy:
            self.on_event(Event("busy", message="a claimx batch holds the output folder"))
            self.stop.wait(BUSY_RETRY)
            self.pending.mark()
            return
        for entry in report.entries:
            self._after(entry)

    def _progress(self, progress: Progress) -> None:
        if self.stop.is_set():
            raise _Stop()

    def _after(self, entry: Entry) -> None:
        if entry.status == "failed":
            if version(entry) not in self.failures:
                self.failures.add(version(entry))
                self.on_event(Event("failed", entry.input, entry.error))
            return
        if entry.status == "done":
            self.on_event(Event("done", entry.input, f"{entry.claims} claims"))
        if self.state.seen.get(entry.input) == version(entry) or not entry.output:
            return
        try:
            articles = _articles(self.out / entry.output)
        except InputError as err:
            self.on_event(Event("failed", entry.input, str(err)))
            return
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        rules = list(self.options.rules)
        for extraction, text in articles:
            raised = alerts(extraction, rules, entry.input, entry.output, self.others, text)
            for alert in (a for a in raised if a["alert"] not in self.state.sent):
                self._send({**alert, "time": now})
        self.state.seen[entry.input] = version(entry)
        self.state.save()

    def _send(self, alert: dict[str, Any]) -> None:
        """An alert out, remembered at once (a kill in between sends it again: at least
        once), then its command, which a kill may cut short but never runs twice."""
        self.on_alert(alert)
        self.state.sent.add(alert["alert"])
        self.state.save()
        if self.options.hook is not None:
            problem = self.options.hook(alert)
            if problem:
                self.on_event(Event("hook", alert["input"], problem))


def _articles(path: Path) -> list[tuple[Extraction, str | None]]:
    """The articles of a claims file, each with its text (the copy beside it) when found."""
    return [(parsed(d, str(path)), article_text(path, d)) for d in claims_documents(path)]


class _Pending:
    """Changes not run yet: set from the observer's thread, taken by the watcher's."""

    def __init__(self) -> None:
        self.dirty = threading.Event()
        self._lock = threading.Lock()
        self._first: float | None = None
        self._last = 0.0

    def mark(self) -> None:
        with self._lock:
            self._last = time.monotonic()
            if self._first is None:
                self._first = self._last
            self.dirty.set()

    def ages(self) -> tuple[float, float]:
        """Seconds since the last change, and since the first one waiting."""
        with self._lock:
            now = time.monotonic()
            first = self._first if self._first is not None else now
            return now - self._last, now - first

    def take(self) -> None:
        with self._lock:
            self._first = None
            self.dirty.clear()


class _Changes(FileSystemEventHandler):
    """Marks changes outside the claims folder and hidden files as pending."""

    def __init__(self, folder: Path, out: Path, pending: _Pending) -> None:
        self.folder = folder.resolve()
        self.out = out.resolve()
        self.pending = pending

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "")]
        if any(self._ours(p) for p in paths if p):
            self.pending.mark()

    def _ours(self, raw: str | bytes) -> bool:
        path = Path(raw.decode("utf-8", "surrogateescape") if isinstance(raw, bytes) else raw)
        path = path.resolve()
        if path.is_relative_to(self.out) or not path.is_relative_to(self.folder):
            return False
        return not any(part.startswith(".") for part in path.relative_to(self.folder).parts)
