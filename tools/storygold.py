"""claimx's story of ../shared/realnews/fr scored against the real-news story gold, with
each gold pair explained: the claims overlapping each side, their sources and event keys,
and why no recurring group joins them.

    python tools/storygold.py CACHE            # run the batch into CACHE once, then score
    python tools/storygold.py CACHE --pairs    # and every gold pair, found or missed
    python tools/storygold.py CACHE --wrong    # and the predicted pairs the gold lacks

CACHE is a claims folder (`claimx batch ../shared/realnews/fr -o CACHE`); it is filled when
empty and reused as it is otherwise (delete it after changing extraction). The texts belong
to their publishers: they are read from ../shared, never copied.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from itertools import product
from pathlib import Path
from typing import Any

from claimx.batch import BatchOptions, run
from claimx.story import collect, summarize
from claimx.story.compare import linked, near
from claimx.story.events import Event, event_of, key_text, rarity
from claimx.story.gold import Pair, Place, article_name, load_gold, score_story
from claimx.story.records import ClaimRow

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT.parent / "shared" / "realnews" / "fr"
GOLD = ROOT / "tests" / "storygold" / "realnews-stories.yaml"


def claims_of(cache: Path) -> list[ClaimRow]:
    """The claims of the real-news articles, extracted into `cache` once."""
    if not any(cache.glob("*.yaml")):
        run([str(REALNEWS)], BatchOptions(output_dir=cache))
    return [c for article in collect([str(cache)]) for c in article.claims]


def overlapping(claims: Sequence[ClaimRow], place: Place) -> list[int]:
    """The numbers of the claims whose span overlaps `place`."""
    spans = [Place(article_name(c.article.file), c.start, c.end) for c in claims]
    return [n for n, span in enumerate(spans) if span.matches(place)]


def describe(claim: ClaimRow, event: Event) -> str:
    source = claim.source.name if claim.source else claim.source_text
    keys = sorted(key_text(k) for k in event.keys)
    text = " ".join(claim.text.split())
    return (
        f"    [{claim.start}-{claim.end}] {claim.modality}, source {source!r}\n"
        f"      {text[:160]}\n      keys {keys}  units {len(event.units)}"
    )


def explain(
    pair: Pair, claims: Sequence[ClaimRow], events: Sequence[Event], group_of: dict[int, int]
) -> list[str]:
    """Lines on one gold pair: each side's claims, then why each couple is or is not joined."""
    lines = []
    sides = [overlapping(claims, place) for place in pair]
    for place, side in zip(pair, sides, strict=True):
        lines.append(f"  {place.file} [{place.start}-{place.end}]")
        lines += [describe(claims[n], events[n]) for n in side] or ["    no claim overlaps"]
    for x, y in product(*sides):
        strength, why = linked(claims[x], claims[y], events[x], events[y])
        shared = sorted(key_text(k) for k in events[x].keys & events[y].keys)
        together = x in group_of and group_of.get(x) == group_of.get(y)
        weak = not strength and near(claims[x], claims[y], events[x], events[y])
        verdict = (
            "grouped" if together
            else "linked, not grouped" if strength
            else f"{why}; near (a source the other names), no group holds it" if weak
            else why
        )  # fmt: skip
        lines.append(f"    {claims[x].start}-{claims[y].start}: {verdict}; shared {shared}")
    return lines


def groups_of(summary: dict[str, Any], claims: Sequence[ClaimRow]) -> dict[int, int]:
    """Claim number → number of its recurring group in `summary`."""
    number = {(article_name(c.article.file), c.start, c.end): n for n, c in enumerate(claims)}
    return {
        number[(article_name(p["file"]), p["start"], p["end"])]: g
        for g, group in enumerate(summary["recurring"])
        for p in group["appearances"]
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("cache", type=Path, help="claims folder (filled when empty)")
    parser.add_argument("--pairs", action="store_true", help="explain every gold pair")
    parser.add_argument("--wrong", action="store_true", help="list predicted pairs not in gold")
    args = parser.parse_args(argv)
    if not REALNEWS.is_dir():
        print(f"{REALNEWS} is not present", file=sys.stderr)
        return 1
    args.cache.mkdir(parents=True, exist_ok=True)
    claims = claims_of(args.cache)
    summary = summarize(collect([str(args.cache)]))
    gold = load_gold(GOLD)
    score = score_story(summary, gold)
    print(score.figures())
    words = rarity(claims)
    events = [event_of(c, words) for c in claims]
    group_of = groups_of(summary, claims)
    for pair in gold.pairs:
        found = pair not in score.missed_pairs
        if found and not args.pairs:
            continue
        print(("FOUND " if found else "MISSED ") + " / ".join(p.file[:3] for p in pair))
        print("\n".join(explain(pair, claims, events, group_of)))
    if args.wrong:
        for a, b in score.wrong_pairs:
            print(f"WRONG {a.file} [{a.start}-{a.end}] / {b.file} [{b.start}-{b.end}]")
    for item in summary["contradictions"]:
        print("CONTRADICTION", item["summary"], [p["file"] for p in item["evidence"]])
    return 0


if __name__ == "__main__":
    sys.exit(main())
