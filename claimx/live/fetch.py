"""`fetch()`: feeds and pages in, one `.md` article file per page out.

RSS and Atom feeds are read by feedparser; each item's page, and each page given
directly, goes through the polite client (`http`) and trafilatura (`pages`). A rerun asks
only for what changed (conditional requests, validators in the state file); an existing
file is never overwritten unless `update` is asked, and even then only a file this
command wrote and nobody edited since. Each failure is one outcome; the others go on.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from claimx.errors import OutputError
from claimx.live.http import Client, ClientOptions, FetchFailed, Response
from claimx.live.pages import HTML_TYPES, Meta, file_name, item_date, page_markdown
from claimx.live.state import FetchState, Seen, digest
from claimx.store.files import write_atomic

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")


@dataclass(frozen=True)
class FetchOptions:
    client: ClientOptions = field(default_factory=ClientOptions)
    update: bool = False  # rewrite a file fetch wrote before when its page changed


@dataclass(frozen=True)
class Outcome:
    """What became of one URL: saved, updated, unchanged, kept (an existing file left
    alone) or failed."""

    url: str
    status: str
    file: str | None = None  # relative to the output folder
    message: str | None = None


@dataclass
class FetchReport:
    outcomes: list[Outcome] = field(default_factory=list)
    requests: int = 0

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "failed"]


def fetch(
    sources: Iterable[str],
    out: Path,
    options: FetchOptions | None = None,
    *,
    client: Client | None = None,
    on_outcome: Callable[[Outcome], None] | None = None,
    stopped: Callable[[], bool] = lambda: False,
) -> FetchReport:
    """Fetch feeds and pages into `out`; each URL's outcome to `on_outcome` as it comes.
    When `stopped()` turns true, the run ends before its next page (what was saved is
    kept; a feed whose items were not all seen is read in full next time)."""
    options = options or FetchOptions()
    client = client or Client(options.client)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise OutputError(f"{out}: cannot write ({err.strerror})") from None
    run = _Run(out, options, client, FetchState(out), FetchReport(), on_outcome, stopped)
    for source in sources:
        if stopped():
            break
        run.source(source)
    run.report.requests = client.requests
    return run.report


@dataclass
class _Run:
    out: Path
    options: FetchOptions
    client: Client
    state: FetchState
    report: FetchReport
    on_outcome: Callable[[Outcome], None] | None
    stopped: Callable[[], bool]
    done: set[str] = field(default_factory=set)

    def tell(self, outcome: Outcome) -> None:
        self.report.outcomes.append(outcome)
        if self.on_outcome is not None:
            self.on_outcome(outcome)

    def source(self, url: str) -> None:
        """A URL given by the user: a feed (its items followed) or a page."""
        seen = self.state.get(url)
        lost = seen.file is not None and not (self.out / seen.file).is_file()
        try:  # a page whose file was removed since is asked for in full
            response = self.client.get(url, *((None, None) if lost else _validators(seen)))
        except FetchFailed as err:
            self.tell(Outcome(url, "failed", message=str(err)))
            return
        if response.not_modified:
            self.tell(Outcome(url, "unchanged", seen.file))
            return
        feed = _as_feed(response)
        if feed is None:
            self.page(url, Meta(), response)
            return
        self.items(url, response, feed)
        if self.stopped():
            return
        # The feed's validators only once its items are done: a run killed or stopped
        # midway reads the whole feed again.
        self.state.remember(url, Seen(response.etag, response.last_modified))
        self._save_state()

    def items(self, url: str, response: Response, feed: Any) -> None:
        publisher = feed.feed.get("title") or urlsplit(response.url).hostname
        for number, entry in enumerate(feed.entries, 1):
            if self.stopped():
                return
            link = entry.get("link")
            if not link:
                self.tell(Outcome(f"{url}#{number}", "failed", message="feed item without a link"))
                continue
            meta = Meta(entry.get("title"), item_date(entry), publisher)
            self.page(urljoin(response.url, link), meta)

    def page(self, url: str, meta: Meta, response: Response | None = None) -> None:
        if url in self.done:
            return
        self.done.add(url)
        seen = self.state.get(url)
        saved = seen.file is not None and (self.out / seen.file).is_file()
        try:
            if response is None:
                if saved and not (seen.etag or seen.last_modified or self.options.update):
                    self.tell(Outcome(url, "unchanged", seen.file))  # nothing to ask with
                    return
                response = self.client.get(url, *(_validators(seen) if saved else (None, None)))
            if response.not_modified:
                self.tell(Outcome(url, "unchanged", seen.file))
                return
            text = page_markdown(response, meta)
        except FetchFailed as err:
            self.tell(Outcome(url, "failed", message=str(err)))
            return
        self.tell(self.keep(url, seen, response, text))

    def keep(self, url: str, seen: Seen, response: Response, text: str) -> Outcome:
        """Write an article's file unless that would overwrite what it must not."""
        name = seen.file or file_name(url)
        target = self.out / name
        data = text.encode("utf-8")
        status = "saved"
        if target.exists():
            try:
                current = digest(target.read_bytes()) if target.is_file() else None
            except OSError as err:
                return Outcome(url, "failed", name, f"cannot read {target} ({err.strerror})")
            if current == digest(data):
                status = "unchanged"
            elif seen.sha256 is None:
                return Outcome(url, "kept", name, "exists, not written by claimx fetch; kept")
            elif not self.options.update:
                return Outcome(url, "kept", name, "changed since it was saved; kept (--update)")
            elif current != seen.sha256:
                return Outcome(url, "kept", name, "edited since claimx fetch wrote it; kept")
            else:
                status = "updated"
        try:
            if status != "unchanged":
                write_atomic(target, text)
        except OSError as err:
            return Outcome(url, "failed", name, f"cannot write {target} ({err.strerror})")
        self.state.remember(url, Seen(response.etag, response.last_modified, name, digest(data)))
        self._save_state()
        return Outcome(url, status, name)

    def _save_state(self) -> None:
        try:
            self.state.save()
        except OSError as err:
            raise OutputError(f"{self.state.path}: cannot write ({err.strerror})") from None


def _validators(seen: Seen) -> tuple[str | None, str | None]:
    return seen.etag, seen.last_modified


def _as_feed(response: Response) -> Any | None:
    """The parsed feed, or None for a page (HTML; a feed served as HTML is still one)."""
    head = response.body[:512].lstrip(b"\xef\xbb\xbf \t\r\n")
    if response.content_type in HTML_TYPES and not head.startswith((b"<?xml", b"<rss", b"<feed")):
        return None
    # A stream, never bytes or str: feedparser would take those for a path or a URL.
    parsed = feedparser.parse(
        io.BytesIO(response.body),
        response_headers={
            "content-type": response.content_type
            + (f"; charset={response.charset}" if response.charset else ""),
            "content-location": response.url,
        },
    )
    if parsed.get("version") or response.content_type in FEED_TYPES:
        return parsed
    return None
