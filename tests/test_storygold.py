"""The story scorer (claimx.story.gold) and the real-news story gate.

The gate runs claimx over the 80 real French news excerpts of ../shared/realnews (skipped
without it) and scores `summarize` against tests/storygold/realnews-stories.yaml, a story
gold annotated by hand by someone who never saw claimx's output (docs/story-gold.md).

Issue 26 asks for pair precision >= 0.90 and recall >= 0.70: claimx finds 8 of the gold's
11 pairs (recall 0.727) with no wrong pair (precision 1.0) and no contradiction. The three
others are not reached by claim-level matching without losing precision (paraphrases
sharing no word; a plural pronoun or description standing for what the sentence before
named; sides credited to different groups of signatories): `python tools/storygold.py
CACHE` explains each, docs/story-gold.md lists them. The recall floor is set just under
what claimx reaches, so that a change that loses a found pair fails here; raise it when
recall rises.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from claimx.batch import BatchOptions, run
from claimx.story import collect, summarize
from claimx.story.gold import Place, StoryGold, load_gold, score_story
from tests.conftest import SHARED

GOLD = Path(__file__).parent / "storygold" / "realnews-stories.yaml"
REALNEWS = SHARED / "realnews" / "fr"
PRECISION, RECALL, CONTRADICTIONS = 0.90, 0.72, 0.80


def appearance(file: str, start: int, end: int) -> dict[str, Any]:
    return {"file": f"out/{file}.yaml", "start": start, "end": end}


def test_pairs_are_scored_across_files_by_overlapping_spans() -> None:
    gold = StoryGold(
        groups=[[Place("a.txt", 0, 50), Place("b.txt", 10, 60), Place("c.txt", 0, 40)]],
        contradictions=[],
        not_contradictions=[((Place("a.txt", 100, 150), Place("d.txt", 0, 30)), "rounding")],
    )
    summary = {
        "recurring": [
            {  # a-b right; a-x and b-x wrong; a and a' in one file: no pair
                "appearances": [
                    appearance("a.txt", 5, 20), appearance("a.txt", 30, 45),
                    appearance("b.txt", 40, 80), appearance("x.txt", 0, 9),
                ]
            }
        ],
        "contradictions": [
            {"evidence": [appearance("a.txt", 120, 130), appearance("d.txt", 5, 10)]}
        ],
    }  # fmt: skip
    score = score_story(summary, gold)
    assert (score.predicted_pairs, score.right_pairs) == (5, 2)  # a-b twice, a-x twice, b-x
    assert (score.gold_pairs, score.found_pairs) == (3, 1)
    assert score.precision == pytest.approx(0.4) and score.recall == pytest.approx(1 / 3)
    assert score.contradictions == 1 and score.contradiction_precision == 0.0
    assert score.near_misses == ["rounding"]
    nothing = score_story({"recurring": [], "contradictions": []}, gold)
    assert nothing.precision == 1.0 and nothing.recall == 0.0 and nothing.f1 == 0.0


def test_the_gold_file_loads_and_locates_its_items() -> None:
    gold = load_gold(GOLD)
    assert len(gold.pairs) >= 10 and gold.contradictions == []
    if not REALNEWS.is_dir():
        pytest.skip("../shared/realnews is not present")
    places = [p for g in gold.groups for p in g] + [
        p for pair, _ in gold.not_contradictions for p in pair
    ]
    for place in places:
        text = (REALNEWS / place.file).read_text(encoding="utf-8-sig")
        assert 0 <= place.start < place.end <= len(text), place


@pytest.fixture(scope="module")
def realnews_summary(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    if not REALNEWS.is_dir():
        pytest.skip("../shared/realnews is not present")
    out = tmp_path_factory.mktemp("realnews-claims")
    run([str(REALNEWS)], BatchOptions(output_dir=out))
    return summarize(collect([str(out)]))


@pytest.mark.slow
def test_real_news_story_gate(realnews_summary: dict[str, Any]) -> None:
    score = score_story(realnews_summary, load_gold(GOLD))
    detail = {"figures": score.figures(), "wrong": score.wrong_pairs[:5]}
    assert score.precision >= PRECISION, detail
    assert score.recall >= RECALL, detail
    assert score.contradiction_precision >= CONTRADICTIONS, {
        **detail,
        "contradictions": score.wrong_contradictions,
        "near misses": score.near_misses,
    }


@pytest.mark.slow
def test_real_news_groups_name_their_event_and_hold_together(
    realnews_summary: dict[str, Any],
) -> None:
    for group in realnews_summary["recurring"]:
        assert group["event"] and len(group["event"]) <= 160
        assert len({Path(p["file"]).name for p in group["appearances"]}) == group["articles"]
