"""The summary's actors, chips and money tables `claimx db` keeps (issue 26): the same as
made by the summary, following every run that adds, replaces or removes rows, dropped by a
change made by hand, ignored when not well formed, added to a database of schema 5."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.store.machine import write_claims
from claimx.story import collect, db_tables, summarize
from claimx.story import db as story_db
from claimx.story.db_summary import summarize_database
from tests.test_story_sql import made_up, same, write_folder

PARTS = ("actors", "chips", "money")


def kept(database: Path) -> dict[str, Any] | None:
    with sqlite3.connect(database) as connection:
        return db_tables.kept_tables(connection)


def made(database: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """The summary with its tables made by GROUP BY, whatever is kept."""
    with monkeypatch.context() as patch:
        patch.setattr(db_tables, "kept_tables", lambda connection: None)
        return summarize_database(database)


def follows(database: Path, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The tables kept are the ones the summary makes, and the files' summary is it."""
    found = kept(database)
    assert found is not None
    summary, remade = summarize_database(database), made(database, monkeypatch)
    for part in PARTS:
        assert json.dumps(found[part]) == json.dumps(remade[part]), part
    same(summary, remade)
    same(summary, summarize(collect([str(folder)])))


def test_the_tables_kept_follow_added_replaced_and_removed_rows(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    documents = made_up(21, 40)
    folder = write_folder(tmp_path / "claims", documents[:30])
    database = tmp_path / "claims.db"
    story_db.load_into(database, [str(folder)])
    follows(database, folder, monkeypatch)
    for n, document in enumerate(documents[30:], 30):  # added
        write_claims(folder / f"{n:03d}.txt.yaml", [document])
    changed = made_up(22, 3)  # replaced: other actors, figures and outlets
    changed[0]["actors"] = changed[0]["actors"][:2]
    changed[1]["money"][0]["amount"] = 1.5e9
    changed[2]["article"]["publisher"] = "L'Écho « neuf »"
    for n, document in zip((3, 4, 5), changed, strict=True):
        write_claims(folder / f"{n:03d}.txt.yaml", [document])
    write_claims(folder / "006.txt.yaml", documents[31:33])  # two documents, then one:
    story_db.load_into(database, [str(folder)])
    follows(database, folder, monkeypatch)
    write_claims(folder / "006.txt.yaml", documents[31:32])  # a document removed
    write_claims(folder / "007.txt.yaml", [{**documents[7], "actors": [], "money": []}])
    assert story_db.load_into(database, [str(folder)]) == (2, 38)
    follows(database, folder, monkeypatch)


def test_a_change_by_hand_drops_them_and_a_run_keeps_them_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_folder(tmp_path / "claims", made_up(23, 20))
    database = tmp_path / "claims.db"
    story_db.load_into(database, [str(folder)])
    edits = [
        "UPDATE actors SET name = 'Quelqu''un d''autre' WHERE id = 1",
        "DELETE FROM chips WHERE id = 1",
        "INSERT INTO money (article_id, local_id, text, amount, currency)"
        " VALUES (2, 'M9', '7 euros', 7, 'EUR')",
        "UPDATE articles SET publisher = 'Autre' WHERE id = 3",
        "DELETE FROM articles WHERE id = 4",
    ]
    for edit in edits:
        with sqlite3.connect(database) as connection:
            connection.execute(edit)
        assert kept(database) is None, edit  # the summary makes them, from the rows edited
        summary = summarize_database(database)
        same(summary, made(database, monkeypatch))
        story_db.load_into(database, [str(folder)])  # kept again (the article deleted: loaded)
        assert kept(database) is not None
        same(summarize_database(database), made(database, monkeypatch))
    assert "Quelqu'un d'autre" in {a["name"] for a in summary["actors"]}
    with sqlite3.connect(database) as connection:  # a review edited: the tables stay
        connection.execute("UPDATE claims SET review_status = 'accepted' WHERE id = 2")
    assert kept(database) is not None


@pytest.mark.parametrize(
    "stored",
    [
        (1, "{"),
        (1, "[]"),
        (1, '{"actors": [], "chips": []}'),
        (1, '{"actors": [{"name": "X"}], "chips": [], "money": []}'),
        (1, '{"actors": 3, "chips": [], "money": []}'),
        (2, '{"actors": [], "chips": [], "money": []}'),
    ],
)
def test_tables_kept_not_well_formed_or_of_another_format_are_made_again(
    stored: tuple[int, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_folder(tmp_path / "claims", made_up(24, 15))
    database = tmp_path / "claims.db"
    story_db.load_into(database, [str(folder)])
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE summary_tables SET format = ?, json = ?", stored)
    assert kept(database) is None
    same(summarize_database(database), summarize(collect([str(folder)])))
    result = CliRunner().invoke(app, ["summary", str(database), "-f", "json"])
    assert result.exit_code == 0, result.output
    same(json.loads(result.stdout), made(database, monkeypatch))


def test_a_database_of_schema_5_is_summarized_then_brought_to_6(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = write_folder(tmp_path / "claims", made_up(25, 20))
    database = tmp_path / "claims.db"
    story_db.load_into(database, [str(folder)])
    with sqlite3.connect(database) as connection:  # as schema 5 wrote it
        for (name,) in connection.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%unkeep'"
        ).fetchall():
            connection.execute(f"DROP TRIGGER [{name}]")
        connection.execute("DROP TABLE summary_tables")
        connection.execute("DROP INDEX claims_variant")
        connection.execute("CREATE INDEX claims_variant ON claims (variant_id, article_id)")
        connection.execute("PRAGMA user_version = 5")
    files = summarize(collect([str(folder)]))
    same(summarize_database(database), files)  # in SQL, its tables made
    write_claims(folder / "002.txt.yaml", made_up(26, 1))
    result = CliRunner().invoke(app, ["db", str(folder), str(database)])
    assert result.exit_code == 0, result.output
    with sqlite3.connect(database) as connection:
        assert connection.execute("PRAGMA user_version").fetchone()[0] == 6
        plan = connection.execute(
            "EXPLAIN QUERY PLAN SELECT start, local_id, review_status FROM claims"
            " WHERE variant_id = 1"
        ).fetchall()
    assert "COVERING INDEX claims_variant" in str(plan)  # widened
    follows(database, folder, monkeypatch)
    with sqlite3.connect(database) as connection:
        connection.execute("DELETE FROM actors WHERE id = 1")
    assert kept(database) is None  # its triggers made too


def test_a_database_without_recurring_claims_is_summarized(tmp_path: Path) -> None:
    lone = made_up(27, 1)[0]
    lone["claims"] = lone["claims"][:1] or [
        {"id": "C1", "text": "Le port de Brume rouvre", "start": 0, "end": 23}
    ]
    folder = write_folder(tmp_path / "claims", [lone])
    database = tmp_path / "claims.db"
    story_db.load_into(database, [str(folder)])
    summary = summarize_database(database)
    assert summary["recurring"] == summary["contradictions"] == []
    same(summary, summarize(collect([str(folder)])))
    result = CliRunner().invoke(app, ["summary", str(database), "-f", "json"])
    assert result.exit_code == 0, result.output
    same(json.loads(result.stdout), summary)
