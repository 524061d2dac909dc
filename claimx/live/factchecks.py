"""The `factcheck` alert rule given its feed: the fact-checks `claimx match` reads (a JSON
array, a schema.org DataFeed, JSON Lines, or an index saved by `claimx match --save-index`),
loaded and indexed once, each claim of each article then matched against them as `claimx
match` does (`claimx.desk.match`, its threshold in `models/match.yaml`)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from claimx.desk.index import FeedIndex, load_index
from claimx.desk.load import DeskArticle
from claimx.desk.match import Match, best_matches, query_of
from claimx.errors import InputError, OutputError, UsageError
from claimx.live.alerts import Hit, Judge, Rule
from claimx.store.records import Extraction

MEMO_CAP = 50_000  # claims remembered as matched (wire copies matched once); then forgotten


@dataclass(frozen=True)
class Feed:
    """A feed of fact-checks ready to match against: its index, and what was skipped."""

    path: Path
    index: FeedIndex
    skipped: int  # objects of the feed that were not ClaimReviews with a claim


def load_feed(path: Path) -> Feed:
    """The feed at `path`, indexed in memory (a saved index opened read-only); UsageError
    in one line when it cannot be read (`--against` names a file that is no feed)."""
    if not path.is_file():
        raise UsageError(f"--against {path}: no such file")
    try:
        index, skipped = load_index(path)
    except (InputError, OutputError) as err:
        raise UsageError(f"--against {err}") from None
    except (sqlite3.Error, ValueError, TypeError) as err:  # a saved index damaged inside
        raise UsageError(f"--against {path}: not a usable fact-check index ({err})") from None
    return Feed(path, index, skipped)


def with_feed(rules: tuple[Rule, ...], feed: Path | None) -> tuple[tuple[Rule, ...], Feed | None]:
    """The rules, each `factcheck` rule judging claims against the feed at `feed` (loaded
    once, here), and that feed; UsageError for a `factcheck` rule without a feed, a feed
    without one, or a feed that cannot be read."""
    wanted = any(rule.kind == "factcheck" for rule in rules)
    if feed is None:
        if wanted:
            raise UsageError("--alert factcheck needs the fact-checks: --against FEED")
        return rules, None
    if not wanted:
        raise UsageError("--against FEED is for --alert factcheck")
    loaded = load_feed(feed)
    judge = matcher(loaded.index)
    bound = tuple(replace(r, judge=judge) if r.kind == "factcheck" else r for r in rules)
    return bound, loaded


def matcher(index: FeedIndex) -> Judge:
    """A `factcheck` rule's judge: one hit per claim and fact-check it matches, the best
    first, with the fact-check, the score and why under `factcheck`."""

    def judge(extraction: Extraction, text: str | None) -> list[Hit]:
        if len(index.memo) > MEMO_CAP:
            index.memo.clear()
        article = DeskArticle("", extraction, text)
        hits: list[Hit] = []
        for claim in extraction.claims:
            for found in best_matches(query_of(claim, article), index):
                hits.append((claim, [found.check.claim], {"factcheck": fields(found)}))
        return hits

    return judge


def fields(found: Match) -> dict[str, Any]:
    """What an alert tells of a matched fact-check."""
    check = found.check
    return {
        "claim": check.claim,
        "url": check.url,
        "rating": check.rating,
        "date": check.date,
        "publisher": check.publisher,
        "speaker": check.speaker,
        "score": found.score,
        "why": list(found.why),
    }
