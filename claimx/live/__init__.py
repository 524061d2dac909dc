"""Live news: feeds and pages fetched into a folder, the folder watched, alerts out.

By concern: `http` (the polite client: robots.txt, delays, conditional requests, caps),
`pages` (a page's main text as an article file with front matter), `state` (what fetch
remembers), `fetch` (feeds and pages to files), `alerts` (rules and the alerts they
raise), `contradictions` (the folder the `contradiction` rule compares with), `factchecks`
(the feed the `factcheck` rule matches claims against), `watch` and
`watch_state` (a folder followed through `claimx.batch.run`), `hooks` (a command run per
alert). Imports downwards only: batch, story, desk, store, formats.
"""

from claimx.live.alerts import KINDS, PLANNED, Rule, alerts, parse_rule
from claimx.live.contradictions import FolderClaims
from claimx.live.factchecks import load_feed, with_feed
from claimx.live.fetch import FetchOptions, FetchReport, Outcome, fetch
from claimx.live.hooks import CommandHook
from claimx.live.http import Client, ClientOptions, FetchFailed
from claimx.live.watch import Event, WatchOptions, watch

__all__ = [
    "KINDS",
    "PLANNED",
    "Client",
    "ClientOptions",
    "CommandHook",
    "Event",
    "FetchFailed",
    "FetchOptions",
    "FetchReport",
    "FolderClaims",
    "Outcome",
    "Rule",
    "WatchOptions",
    "alerts",
    "fetch",
    "load_feed",
    "parse_rule",
    "watch",
    "with_feed",
]
