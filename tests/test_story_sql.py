"""`claimx summary DATABASE` aggregated in SQLite (issue 26): the same summary as of the
claims files loaded into the database, on the team's texts (tests/story, tests/storycase),
on the real news of the story gold (with ../shared), on claims made up to stress copies,
figures and rare words; without reading every claim into Python."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimx.batch import BatchOptions, run
from claimx.cli import app
from claimx.story import collect, summarize
from claimx.story import db as story_db
from claimx.story import db_read
from claimx.story.db_summary import summarize_database

TESTS = Path(__file__).parent
REALNEWS = TESTS.parent.parent / "shared" / "realnews"


def same(one: dict[str, Any], two: dict[str, Any]) -> None:
    """Two summaries alike, part by part (JSON text: an amount 3e9 is 3000000000.0 in
    both), so that a difference names its part."""
    for part in ("articles", "actors", "chips", "money", "recurring", "contradictions"):
        assert json.dumps(one[part], sort_keys=True) == json.dumps(two[part], sort_keys=True), part
    assert set(one) == set(two)


def from_database(folder: Path, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    database = tmp_path / f"{folder.name}.db"
    story_db.load_into(database, [str(folder)])
    return database, summarize_database(database)


@pytest.fixture(scope="module")
def team(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The batch outputs of the team's story texts."""
    found = {}
    for name in ("story", "storycase"):
        out = tmp_path_factory.mktemp(name)
        run([str(TESTS / name)], BatchOptions(output_dir=out))
        found[name] = out
    return found


@pytest.mark.slow
@pytest.mark.parametrize("name", ["story", "storycase"])
def test_the_database_summary_is_the_files_summary(
    team: dict[str, Path], name: str, tmp_path: Path
) -> None:
    database, summary = from_database(team[name], tmp_path)
    assert summary["recurring"]  # something to compare
    same(summary, summarize(collect([str(team[name])])))
    same(summary, summarize(db_read.read_database(database)))


@pytest.mark.slow
def test_the_database_summary_is_the_files_summary_on_real_news(
    nlp: Language, tmp_path: Path
) -> None:
    if not REALNEWS.is_dir():
        pytest.skip("../shared/realnews is not present")
    out = tmp_path / "claims"
    run([str(REALNEWS)], BatchOptions(output_dir=out))
    _, summary = from_database(out, tmp_path)
    same(summary, summarize(collect([str(out)])))
