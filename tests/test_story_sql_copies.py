"""`claimx summary DATABASE` when most claims are copies (issue 26: a wire reprinted by many
outlets, the bench's 10,000 articles): copies stored once as a variant, only a few read as
claims, every appearance still written, in the files' order; the summary the files' one.
Claims invented here (tests/test_story_sql.py's `made_up`)."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from claimx.cli import app
from claimx.store.machine import write_claims
from claimx.story import collect, summarize
from claimx.story import db as story_db
from claimx.story.db_summary import summarize_database
from tests.test_story_sql import from_database, made_up, same, write_folder


def reprinted(seed: int, stories: int, times: int) -> list[list[dict[str, Any]]]:
    """Claims files of `stories` made-up documents each reprinted `times` times under other
    outlets and dates (some undated, some on one day), now and then two documents to a
    file, a copy's claim reviewed, hedged as a forecast, or naming other actors."""
    originals = made_up(seed, stories)
    files: list[list[dict[str, Any]]] = []
    for n in range(stories * times):
        document = copy.deepcopy(originals[n % stories])
        article = document["article"]
        article["publisher"] = f"Journal {n % 7}"
        article["date"] = None if n % 11 == 0 else f"2026-0{1 + n % 3}-0{1 + n % 4}"
        for k, claim in enumerate(document["claims"]):
            if (n + k) % 5 == 0:
                claim["review"] = {"status": "checked", "note": "vu"}
            if claim["modality"] == "hedged" and n % 3 == 0:
                claim["modality"] = "forecast"  # another variant of the same copy class
            if (n + k) % 4 == 0:
                claim["actors"] = claim["actors"][::-1]
        if n % 6 == 1 and files:
            files[-1].append(document)  # a second document in one claims file
        else:
            files.append([document])
    return files


def write_files(folder: Path, files: list[list[dict[str, Any]]]) -> Path:
    folder.mkdir()
    for n, documents in enumerate(files):
        write_claims(folder / f"{n:03d}.txt.yaml", documents)
    return folder


@pytest.mark.parametrize(("seed", "postings", "contradicts"), [(15, 200, True), (12, 2, False)])
def test_reprinted_claims_are_summarized_alike(
    seed: int, postings: int, contradicts: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimx.story.records import settings

    monkeypatch.setitem(settings(), "max_postings", postings)
    folder = write_files(tmp_path / "claims", reprinted(seed, 12, 8))
    database, summary = from_database(folder, tmp_path)
    assert max(len(group["appearances"]) for group in summary["recurring"]) > 8
    assert bool(summary["contradictions"]) is contradicts  # fewer candidates in a window of 2
    same(summary, summarize(collect([str(folder)])))
    assert "&id" not in yaml.safe_dump(summary["recurring"])  # nothing shared, nothing aliased
    with sqlite3.connect(database) as connection:
        variants, claims = connection.execute(
            "SELECT count(DISTINCT variant_id), count(*) FROM claims"
        ).fetchone()
    assert variants * 4 < claims  # copies share their variant (and its event keys)


def test_a_few_claims_of_each_variant_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimx.story import db_rows, db_story

    folder = write_files(tmp_path / "claims", reprinted(13, 10, 12))
    read: list[int] = []

    def spy(connection: sqlite3.Connection) -> list[Any]:
        found = db_rows.read_claims(connection)
        read.append(len(found))
        return found

    monkeypatch.setattr(db_story, "read_claims", spy)
    _, summary = from_database(folder, tmp_path)
    appearances = sum(len(group["appearances"]) for group in summary["recurring"])
    assert read and read[-1] * 2 < appearances
    same(summary, summarize(collect([str(folder)])))


def test_loading_in_two_runs_and_replacing_files_gives_the_files_summary(tmp_path: Path) -> None:
    files = reprinted(14, 8, 6)
    folder = write_files(tmp_path / "claims", files[: len(files) // 2])
    database = tmp_path / "claims.db"
    story_db.load_into(database, [str(folder)])  # new: indexes and full text made after
    for n, documents in enumerate(files[len(files) // 2 :], len(files) // 2):
        write_claims(folder / f"{n:03d}.txt.yaml", documents)
    write_claims(folder / "001.txt.yaml", made_up(15, 1))  # replaced: its variants may go
    added, kept = story_db.load_into(database, [str(folder)])
    assert added == len(files) - len(files) // 2 + 1 and kept == len(files) // 2 - 1
    same(summarize_database(database), summarize(collect([str(folder)])))
    with sqlite3.connect(database) as connection:
        orphans = connection.execute(
            "SELECT count(*) FROM claim_variants WHERE id NOT IN (SELECT variant_id FROM claims)"
        ).fetchone()[0]
        connection.execute("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")
        searched = connection.execute(
            "SELECT count(*) FROM claims_fts WHERE claims_fts MATCH 'automne'"
        ).fetchone()[0]
        told = connection.execute(
            "SELECT count(*) FROM claims WHERE text LIKE '%automne%'"
        ).fetchone()[0]
    assert orphans == 0 and searched == told > 0


def test_a_folder_given_twice_is_loaded_once(tmp_path: Path) -> None:
    folder = write_folder(tmp_path / "claims", made_up(16, 10))
    result = CliRunner().invoke(app, ["db", str(folder), str(folder), str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    assert "10 articles added or updated, 10 unchanged" in result.output
