"""`claimx fetch`: feeds and article pages saved as `.md` articles for batch and watch."""

from __future__ import annotations

from pathlib import Path

import typer

from claimx.cli.output import warn
from claimx.cli.watch import ended, stop_on_signals
from claimx.errors import PartialFailure, UsageError

EXAMPLES = """\
claimx fetch https://example.org/flux.xml -o news
    a feed's items saved as news/HOST/NAME.md with their front matter
claimx fetch https://example.org/flux.xml https://example.org/a/1.html -o news
    a feed and a page; a rerun fetches only what changed
claimx fetch https://example.org/flux.xml -o news --every 600 &
claimx watch news -o claims --alert actor:Nvidia
    every ten minutes, each new article extracted as it lands
"""


def fetch(
    sources: list[str] = typer.Argument(..., metavar="FEED_OR_URL", hidden=True),
    output: Path = typer.Option(
        ..., "--output", "-o", metavar="DIR", help="Folder for the articles (HOST/NAME.md)."
    ),
    delay: float = typer.Option(
        1.0,
        "--delay",
        metavar="SECONDS",
        min=0.0,
        help="Between two requests to one host (robots.txt's Crawl-delay if longer).",
    ),
    timeout: float = typer.Option(
        20.0, "--timeout", metavar="SECONDS", min=0.1, help="For a whole response."
    ),
    max_bytes: int = typer.Option(
        5_000_000, "--max-bytes", metavar="N", min=1, help="Larger pages are refused."
    ),
    max_redirects: int = typer.Option(
        5, "--max-redirects", metavar="N", min=0, help="Redirects followed per URL."
    ),
    update: bool = typer.Option(
        False,
        "--update",
        help="Rewrite articles saved before whose page changed (never a file edited since).",
    ),
    every: float = typer.Option(
        0.0,
        "--every",
        metavar="SECONDS",
        min=0.0,
        help="Fetch again every SECONDS until Ctrl-C or SIGTERM (0: once).",
    ),
) -> None:
    """Fetch RSS/Atom feeds and article pages into a folder of .md articles.

    FEED_OR_URL: feeds (each item's page is fetched) and article pages, http(s).

    Each page's main text (trafilatura) is saved with front matter (title, date, url,
    publisher) that claimx batch and watch read. It names itself claimx, honours
    robots.txt, waits between requests to a host, and asks only for what changed since
    the last run (ETag, Last-Modified, kept in DIR/.claimx-fetch.json). An existing file
    is never overwritten unless --update asks. Paths saved go to stdout; each failure is
    one line on stderr (exit 3), the others are fetched.
    """
    from claimx.live import Client, ClientOptions, FetchOptions, Outcome
    from claimx.live import fetch as fetch_all

    bad = [s for s in sources if not s.startswith(("http://", "https://"))]
    if bad:
        raise UsageError(f"{bad[0]}: not an http(s) URL")
    options = FetchOptions(
        client=ClientOptions(
            delay=delay, timeout=timeout, max_bytes=max_bytes, max_redirects=max_redirects
        ),
        update=update,
    )

    def tell(outcome: Outcome) -> None:
        if outcome.status in ("saved", "updated"):
            typer.echo(str(output / (outcome.file or "")))
        elif outcome.status in ("failed", "kept"):
            where = f" ({outcome.file})" if outcome.status == "kept" else ""
            warn(f"{outcome.url}: {outcome.message}{where}")

    failed = 0
    with stop_on_signals() as (stop, received):
        while not stop.is_set():
            # Ctrl-C and SIGTERM end a run before its next request, even during a delay;
            # each run reads the sites' robots.txt anew.
            client = Client(options.client, sleep=stop.wait)
            report = fetch_all(
                sources, output, options, client=client, on_outcome=tell, stopped=stop.is_set
            )
            failed = len(report.failed)
            warn(
                f"{report.count('saved')} saved, {report.count('updated')} updated, "
                f"{report.count('unchanged')} unchanged, {report.count('kept')} kept, "
                f"{failed} failed ({report.requests} requests)"
            )
            if not every or stop.wait(every):
                break
    ended(received, "the articles saved so far are kept")
    if failed and not every:
        raise PartialFailure()
