"""The real-news gate: claimx on the 80 real French news excerpts in ../shared/realnews.

The texts belong to their publishers and are read from ../shared only (the test skips
without it). Floors are set per part (`tools/realnews.py`: r01-r40 the articles the rules
were first tuned on, r41-r80 the later beats; the read and check halves of the fixed
odd/even split), each just under what claimx reaches, so that a change that makes real-news
quality worse anywhere fails here; raise them when quality rises.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from claimx.evaluate import CATEGORIES, Report
from tests.conftest import SHARED
from tools.realnews import HALVES, PARTS, REALNEWS, SCORER, evaluate_realnews, part, strict_scores

# F1 floors per part: actors, chips, money, attributions, hedged.
FLOORS = {
    "all": (0.93, 0.99, 0.97, 0.89, 0.90),
    "r01-r40": (0.94, 0.99, 0.98, 0.90, 0.89),
    "r41-r80": (0.92, 0.99, 0.96, 0.88, 0.95),
    "read (odd)": (0.94, 0.99, 0.96, 0.93, 0.89),
    "check (even)": (0.92, 0.99, 0.98, 0.85, 0.91),
}
ACCURACY = {"actors": 0.95, "attributions": 0.96}
# The independent scorer of ../shared/tools, stricter on merged actors, per half.
STRICT = {
    "read (odd)": (0.94, 0.99, 0.96, 0.93, 0.89),
    "check (even)": (0.90, 0.99, 0.98, 0.85, 0.91),
}
ROWS = [(p, c, f) for p, floors in FLOORS.items() for c, f in zip(CATEGORIES, floors, strict=True)]


@pytest.fixture(scope="module")
def report() -> Report:
    if not (REALNEWS / "gold").is_dir():
        pytest.skip("../shared/realnews is not present")
    return evaluate_realnews()


def test_parts_cover_the_eighty_articles(report: Report) -> None:
    assert len(report.articles) == 80
    assert set(FLOORS) == set(PARTS)
    assert [len(part(report, h).articles) for h in HALVES] == [40, 40]


@pytest.mark.parametrize(("name", "category", "floor"), ROWS)
def test_real_news_f1_floor(report: Report, name: str, category: str, floor: float) -> None:
    score = part(report, name).total[category]
    assert score.f1 >= floor, score.to_dict()


@pytest.mark.parametrize(("category", "floor"), ACCURACY.items())
def test_real_news_accuracy_floor(report: Report, category: str, floor: float) -> None:
    accuracy = report.total[category].accuracy
    assert accuracy is not None and accuracy >= floor, report.total[category].to_dict()


@pytest.mark.parametrize("half", HALVES)
def test_real_news_strict_scorer_floors(half: str) -> None:
    if not SCORER.is_file() or not (REALNEWS / "gold").is_dir():
        pytest.skip("../shared/tools/score.py or ../shared/realnews is not present")
    done = strict_scores(half, str(Path(sys.executable).with_name("claimx")))
    assert done.returncode == 0, done.stdout[-1500:] + done.stderr[-1500:]
    rows = dict(re.findall(r"^(\w+)\s+[\d.]+\s+[\d.]+\s+([\d.]+)", done.stdout, re.M))
    for category, floor in zip(CATEGORIES, STRICT[half], strict=True):
        assert float(rows[category]) >= floor, (category, done.stdout)


def test_reference_article_stays_perfect() -> None:
    from claimx.evaluate import evaluate, find_gold

    examples = SHARED / "examples"
    if not examples.is_dir():
        pytest.skip("../shared/examples is not present")
    report = evaluate(find_gold(Path(examples)))
    assert report.mean_f1 == 1.0, report.total
