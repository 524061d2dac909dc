"""The case of issue 26, on seven articles the team wrote (tests/storycase): two stories told
by several outlets (an investment plan by three, an acquisition by two) and two unrelated
articles that share only generic phrases with them ("dans les années à venir", "investir",
"batteries"). Each story is grouped across its outlets, nothing unrelated is joined, and a
sum spent in one quarter is no contradiction of a yearly plan."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from claimx.batch import BatchOptions, run
from claimx.story import collect, summarize

CASE = Path(__file__).parent / "storycase"
pytestmark = pytest.mark.slow  # extracts seven articles: an integration test


def story_of(file: str) -> str:
    """The story an article tells, from the name the team gave it."""
    name = Path(file).name
    return next((s for s in ("brightwave", "orkana") if s in name), name)


@pytest.fixture(scope="module")
def summary(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    out = tmp_path_factory.mktemp("storycase")
    run([str(CASE)], BatchOptions(output_dir=out))
    return summarize(collect([str(out)]))


def test_each_story_is_grouped_across_its_outlets_and_nothing_else(summary: dict[str, Any]) -> None:
    groups = summary["recurring"]
    stories = [{story_of(p["file"]) for p in g["appearances"]} for g in groups]
    assert all(len(found) == 1 for found in stories), stories  # nothing unrelated joined
    plan = max((g for g in groups if "brightwave" in stories[groups.index(g)]), key=len)
    assert plan["articles"] == 3 and "Brightwave" in plan["event"]
    assert {p["publisher"] for p in plan["appearances"]} == {
        "Le Courrier Éco", "Tech Hebdo", "La Gazette du Nord"
    }  # fmt: skip
    assert any(g["articles"] == 2 and "Vetrix" in g["event"] for g in groups)
    assert not any("fonderie" in s or "batteries-usagees" in s for f in stories for s in f)


def test_a_quarter_spent_is_no_contradiction_of_a_yearly_plan(summary: dict[str, Any]) -> None:
    assert summary["contradictions"] == []
