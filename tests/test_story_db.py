"""`claimx db` as its users open it (Datasette, sqlite-utils), and as hostile folders treat
it: two runs at once, a damaged file, another version's database (issues 26 and 27)."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimx.batch import BatchOptions, run
from claimx.cli import app
from claimx.story import db as story_db

STORY = Path(__file__).parent / "story"
TABLES = (
    "articles", "actors", "mentions", "chips", "money", "claims", "attributions",
    "claim_actors", "claim_chips", "claim_money", "claim_copies", "claim_variants", "claim_keys",
    "article_words",
)  # fmt: skip


@pytest.fixture(scope="module")
def claims(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("story")
    run([str(STORY)], BatchOptions(output_dir=out))
    return out


@pytest.fixture(scope="module")
def database(claims: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("db") / "claims.db"
    result = CliRunner().invoke(app, ["db", str(claims), str(path)])
    assert result.exit_code == 0, result.output
    return path


def test_foreign_keys_name_their_target_columns_and_the_schema_has_a_version(
    database: Path,
) -> None:
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == story_db.SCHEMA_VERSION
        keys = [
            row
            for table in TABLES
            for row in connection.execute(f"PRAGMA foreign_key_list({table})")
        ]
        assert len(keys) >= 12
        assert all(row[4] == "id" for row in keys)  # (id, seq, table, from, to, ...)


def test_full_text_search_follows_inserts_replacements_and_deletes(
    claims: Path, tmp_path: Path
) -> None:
    import shutil

    folder = Path(shutil.copytree(claims, tmp_path / "claims"))
    path = tmp_path / "claims.db"
    story_db.load_into(path, [str(folder)])
    changed = next(folder.glob("courrier-samsung*.yaml"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert story_db.load_into(path, [str(folder)]) == (1, 5)
    with sqlite3.connect(path) as connection:
        connection.execute("INSERT INTO claims_fts (claims_fts) VALUES ('integrity-check')")
        found = connection.execute(
            "SELECT claims.text FROM claims JOIN claims_fts ON claims_fts.rowid = claims.id"
            " WHERE claims_fts MATCH 'livraisons'"
        ).fetchall()
        assert len(found) == 2 and all("HBM" in text for (text,) in found)


def test_sqlite_utils_finds_a_claim_by_a_word(database: Path) -> None:
    import sqlite_utils

    table = sqlite_utils.Database(database)["claims"]
    assert isinstance(table, sqlite_utils.db.Table)
    assert table.detect_fts() == "claims_fts"
    command = Path(sys.executable).with_name("sqlite-utils")
    done = subprocess.run(
        [str(command), "search", str(database), "claims", "livraisons", "-c", "text"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    rows = json.loads(done.stdout)
    assert len(rows) == 2 and all("HBM" in row["text"] for row in rows)


def test_datasette_serves_every_table_with_labels_and_search(database: Path) -> None:
    from datasette.app import Datasette

    async def pages() -> dict[str, tuple[int, object]]:
        datasette = Datasette([str(database)])
        await datasette.invoke_startup()
        name = database.stem
        paths = [f"/{name}/{table}" for table in TABLES] + [
            f"/{name}/{table}.json?_labels=on&_shape=array" for table in TABLES
        ]
        paths.append(f"/{name}/claims.json?_search=livraisons&_shape=array")
        out: dict[str, tuple[int, object]] = {}
        for path in paths:
            response = await datasette.client.get(path)
            body = response.json() if ".json" in path and response.status_code == 200 else None
            out[path] = (response.status_code, body)
        return out

    answers = asyncio.run(pages())
    assert {path: status for path, (status, _) in answers.items() if status != 200} == {}
    found = answers[f"/{database.stem}/claims.json?_search=livraisons&_shape=array"][1]
    assert isinstance(found, list) and len(found) == 2
    labelled = answers[f"/{database.stem}/attributions.json?_labels=on&_shape=array"][1]
    assert isinstance(labelled, list) and labelled
    assert all(isinstance(row["claim_id"], dict) for row in labelled)  # {value, label}


def test_a_run_waits_for_another_then_refuses_in_one_line(
    claims: Path, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(story_db, "WAIT", 0.2)
    other = sqlite3.connect(database, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another run holds the write lock
    try:
        result = CliRunner().invoke(app, ["db", str(claims), str(database)])
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 7
    assert result.stderr.count("\n") == 1 and "another claimx run" in result.stderr


@pytest.mark.slow
def test_two_runs_at_once_load_each_article_once(claims: Path, tmp_path: Path) -> None:
    command = Path(sys.executable).with_name("claimx")
    path = tmp_path / "claims.db"
    runs = [
        subprocess.Popen(
            [str(command), "db", str(claims), str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(3)
    ]
    for process in runs:
        _, stderr = process.communicate(timeout=120)
        assert process.returncode in (0, 7), stderr
        assert "Traceback" not in stderr and stderr.count("\n") == 1, stderr
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT count(*), count(DISTINCT file) FROM articles").fetchone()
    assert rows == (6, 6)


def damage(path: Path) -> None:
    """Overwrite pages after the first: SQLite reads the file as 'malformed'."""
    data = bytearray(path.read_bytes())
    data[4096 : 4096 * 7] = b"Z" * (4096 * 6)
    path.write_bytes(bytes(data))


@pytest.mark.parametrize("damaged", ["pages", "header"])
def test_a_damaged_database_is_one_line_and_exit_3(
    claims: Path, database: Path, tmp_path: Path, damaged: str
) -> None:
    path = tmp_path / "damaged.db"
    path.write_bytes(database.read_bytes())
    if damaged == "pages":
        damage(path)
    else:
        path.write_bytes(b"SQLite format 3\x00" + b"\x01" * 5000)
    before = path.read_bytes()
    for command in (["db", str(claims), str(path)], ["summary", str(path)]):
        result = CliRunner().invoke(app, command)
        assert result.exit_code == 3, result.output
        assert result.stderr.count("\n") == 1 and "damaged database" in result.stderr
        assert result.exception is None or isinstance(result.exception, SystemExit)
    assert path.read_bytes() == before


def test_a_database_of_the_older_schema_is_not_changed(claims: Path, tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as connection:  # schema 1: no user_version
        connection.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, file TEXT)")
    before = path.read_bytes()
    result = CliRunner().invoke(app, ["db", str(claims), str(path)])
    assert result.exit_code == 3
    assert "schema 1" in result.stderr and "new file" in result.stderr
    assert path.read_bytes() == before
