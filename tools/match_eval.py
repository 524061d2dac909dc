"""Measure `claimx match` on the matching test set (tests/match/).

The feed is the 240 fact-checks of tests/match/related.yaml (40 about claims of
../shared/realnews) and tests/match/unrelated.yaml (200 about nothing there), as ClaimReview
objects; the claims are claimx's on the 80 articles of ../shared/realnews. A claim whose
sentence a related fact-check names has that fact-check; every other claim has none.

    python tools/match_eval.py            # the figures
    python tools/match_eval.py --misses   # and every miss, for reading
    python tools/match_eval.py --feed F   # write the feed as a JSON array to F

Figures: precision at 1 (of the claims that have a fact-check and get a match, the share
whose best match is theirs), recall (the claims that have a fact-check whose best match is
theirs; also counted by fact-check: one of the claims of its sentences found it), and the
share of the claims with no fact-check that get no match above the threshold.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from claimx.api import Failure, cached_pipeline, extract_many
from claimx.articles import read_article
from claimx.desk.feed import Feed, fact_check
from claimx.desk.index import FeedIndex
from claimx.desk.load import DeskArticle
from claimx.desk.match import best_matches, query_of

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT.parent / "shared" / "realnews" / "fr"
SET = ROOT / "tests" / "match"


def review_object(entry: dict[str, Any], number: int) -> dict[str, Any]:
    """A test-set entry as a ClaimReview object."""
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://verif.example/{number:03d}",
        "claimReviewed": entry["claim"],
        "datePublished": "2026-11-30",
        "author": {"@type": "Organization", "name": "Vérif", "url": "https://verif.example"},
        "reviewRating": {"@type": "Rating", "alternateName": entry["rating"]},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Thing", "name": entry["speaker"]}},
    }


def entries() -> tuple[list[dict[str, Any]], int]:
    """Every test-set entry, the related ones first, and how many are related."""
    related = yaml.safe_load((SET / "related.yaml").read_text(encoding="utf-8"))["checks"]
    unrelated = yaml.safe_load((SET / "unrelated.yaml").read_text(encoding="utf-8"))["checks"]
    return related + unrelated, len(related)


def feed_objects() -> list[dict[str, Any]]:
    return [review_object(e, n) for n, e in enumerate(entries()[0])]


def targets() -> dict[tuple[str, int, int], int]:
    """(article number, start, end) of a sentence → the fact-check that checks it."""
    found = {}
    for number, entry in enumerate(entries()[0]):
        for target in entry.get("targets") or []:
            article, span = target.split(":")
            start, end = span.split("-")
            found[(article, int(start), int(end))] = number
    return found


@dataclass
class Outcome:
    article: str
    claim: str
    expected: int | None
    got: int | None
    score: float | None


def run() -> list[Outcome]:
    feed = Feed([c for n, o in enumerate(feed_objects()) if (c := fact_check(o, n))])
    index = FeedIndex.build(feed)
    wanted = targets()
    paths = sorted(REALNEWS.glob("r*.txt"))
    articles = [read_article(str(p)) for p in paths]
    outcomes = []
    for path, article, result in zip(
        paths, articles, extract_many(articles, cached_pipeline()), strict=True
    ):
        if isinstance(result, Failure):
            raise SystemExit(result.message)
        desk = DeskArticle(str(path), result, article.text)
        prefix = path.name[:3]
        for claim in result.claims:
            expected = next(
                (n for (a, s, e), n in wanted.items() if a == prefix and s <= claim.start <= e),
                None,
            )
            found = best_matches(query_of(claim, desk), index)
            top = found[0] if found else None
            outcomes.append(
                Outcome(
                    path.name,
                    claim.text,
                    expected,
                    top.check.number if top else None,
                    top.score if top else None,
                )
            )
    return outcomes


def figures(outcomes: list[Outcome]) -> dict[str, float]:
    having = [o for o in outcomes if o.expected is not None]
    matched = [o for o in having if o.got is not None]
    right = [o for o in having if o.got == o.expected]
    none = [o for o in outcomes if o.expected is None]
    checks = {o.expected for o in having}
    found = {o.expected for o in right}
    return {
        "claims_with_a_fact_check": len(having),
        "precision_at_1": len(right) / len(matched) if matched else 1.0,
        "recall_by_claim": len(right) / len(having) if having else 1.0,
        "recall_by_fact_check": len(found) / len(checks) if checks else 1.0,
        "claims_without": len(none),
        "no_match_without": sum(o.got is None for o in none) / len(none) if none else 1.0,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--misses", action="store_true", help="print every miss")
    parser.add_argument("--feed", type=Path, help="write the feed (a JSON array) here")
    args = parser.parse_args(argv)
    if args.feed:
        args.feed.write_text(json.dumps(feed_objects(), ensure_ascii=False, indent=1), "utf-8")
        return 0
    if not REALNEWS.is_dir():
        print(f"{REALNEWS}: not found", file=sys.stderr)
        return 2
    outcomes = run()
    for key, value in figures(outcomes).items():
        print(f"{key}: {value:.3f}" if isinstance(value, float) else f"{key}: {value}")
    if args.misses:
        for o in outcomes:
            if o.got != o.expected:
                print(f"{o.article[:3]} expected {o.expected} got {o.got} ({o.score}): {o.claim}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
