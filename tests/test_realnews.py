"""The real-news gate: claimx on the 40 real French news excerpts in ../shared/realnews.

The texts belong to their publishers and are read from ../shared only (the test skips
without it). The floors sit just under what claimx reaches, so that a change that makes
real-news quality worse fails here; raise them when quality rises.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from claimx.evaluate import Report, evaluate, find_gold
from tests.conftest import SHARED

REALNEWS = SHARED / "realnews"
FLOORS = {"actors": 0.91, "chips": 0.99, "money": 0.98, "attributions": 0.87, "hedged": 0.89}
ACCURACY = {"actors": 0.96, "attributions": 0.94}
# The independent scorer of ../shared/tools, stricter on merged actors.
STRICT = {"actors": 0.89, "chips": 0.99, "money": 0.98, "attributions": 0.87, "hedged": 0.89}


@pytest.fixture(scope="module")
def report() -> Report:
    if not (REALNEWS / "gold").is_dir():
        pytest.skip("../shared/realnews is not present")
    return evaluate(find_gold(REALNEWS / "gold", REALNEWS))


@pytest.mark.parametrize(("category", "floor"), FLOORS.items())
def test_real_news_f1_floor(report: Report, category: str, floor: float) -> None:
    assert len(report.articles) == 40
    assert report.total[category].f1 >= floor, report.total[category].to_dict()


@pytest.mark.parametrize(("category", "floor"), ACCURACY.items())
def test_real_news_accuracy_floor(report: Report, category: str, floor: float) -> None:
    accuracy = report.total[category].accuracy
    assert accuracy is not None and accuracy >= floor, report.total[category].to_dict()


def test_real_news_strict_scorer_floors() -> None:
    scorer = SHARED / "tools" / "score.py"
    if not scorer.is_file() or not (REALNEWS / "gold").is_dir():
        pytest.skip("../shared/tools/score.py or ../shared/realnews is not present")
    claimx = Path(sys.executable).with_name("claimx")
    bars = [f"--min={category}={floor}" for category, floor in STRICT.items()]
    args = ["--gold", str(REALNEWS / "gold"), "--corpus", str(REALNEWS), "--claimx", str(claimx)]
    done = subprocess.run(
        [sys.executable, str(scorer), *args, *bars], capture_output=True, text=True, timeout=600
    )
    assert done.returncode == 0, done.stdout[-1500:] + done.stderr[-1500:]


def test_reference_article_stays_perfect() -> None:
    examples = SHARED / "examples"
    if not examples.is_dir():
        pytest.skip("../shared/examples is not present")
    report = evaluate(find_gold(Path(examples)))
    assert report.mean_f1 == 1.0, report.total
