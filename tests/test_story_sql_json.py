"""`claimx summary DATABASE -f json` written from JSON text SQLite makes (issue 26,
`db_json`): byte for byte the line the JSON writer gives of the same summary, on claims
whose texts, ids, titles, outlets and reviews hold what a JSON writer must escape (quotes,
backslashes, control characters, line and paragraph separators, accents, emoji), on
copies reprinted many times, and when SQLite's own quoting cannot be trusted. Texts
invented here."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.store.serialize import to_jsonl
from claimx.story import collect, db_json, db_story, summarize
from claimx.story import db as story_db
from claimx.story import summary as summary_module
from claimx.story.db_json import DUMPS, Rendered, summary_json
from claimx.story.db_summary import summarize_database
from tests.test_story_sql_copies import reprinted, write_files

HOSTILE = [
    '« guillemets » "droits" et \\ barre, \\u00e9 écrit à la main',
    "ligne\nsuivante\ttabulée\r\x0b\x0c\x1f\x7f et \x08",
    "séparateurs\u2028de ligne\u2029 — 12 € et ’apostrophe’",
    "emoji 😀, \ufeff marque, \u0085 et \u00a0 insécable",
    "</script><b>&amp; 'simples'",
]


def hostile(seed: int) -> list[list[dict[str, Any]]]:
    """Reprinted claims files whose every text a reader sees or a writer escapes is
    hostile: claim texts and ids, titles, outlets, sources, reviews."""
    files = reprinted(seed, 6, 6)
    for n, documents in enumerate(files):
        for document in documents:
            article = document["article"]
            article["title"] = f"{HOSTILE[n % len(HOSTILE)]} n°{n}"
            if n % 3 == 0:
                article["publisher"] = HOSTILE[(n + 1) % len(HOSTILE)]
            for actor in document["actors"][:1]:
                actor["name"] = f'Agence "{HOSTILE[2][:12]}"'
            for k, claim in enumerate(document["claims"]):
                claim["id"] = f"C{k}{HOSTILE[k % len(HOSTILE)][:6]}"
                claim["text"] += f" {HOSTILE[len(claim['text']) % len(HOSTILE)]}"
                if (n + k) % 4 == 1:
                    claim["review"] = {"status": HOSTILE[k % len(HOSTILE)], "note": "vu"}
    return files


def output(arguments: list[str]) -> bytes:
    result = CliRunner().invoke(app, arguments)
    assert result.exit_code == 0, result.output
    return result.stdout_bytes


@pytest.mark.parametrize("seed", [21, 22])
def test_the_json_is_the_writers_line_on_hostile_texts(seed: int, tmp_path: Path) -> None:
    folder = write_files(tmp_path / "claims", hostile(seed))
    database = tmp_path / "claims.db"
    story_db.load_into(database, [str(folder)])
    rendered = output(["summary", str(database), "-f", "json"])
    summary = summarize_database(database)
    assert sum(len(g["appearances"]) for g in summary["recurring"]) > 20
    assert any(ord(c) < 0x20 for g in summary["recurring"] for c in g["text"])
    assert rendered == to_jsonl(summary).encode()  # the writer's line, byte for byte
    assert rendered == output(["summary", str(folder), "-f", "json"])  # the files' summary
    assert json.loads(rendered) == json.loads(to_jsonl(summarize(collect([str(folder)]))))
    written = tmp_path / "out.json"
    output(["summary", str(database), "-f", "json", "-o", str(written)])
    assert written.read_bytes() == rendered


def test_the_json_is_the_same_when_python_quotes_every_row(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An SQLite whose quoting differs from the JSON writer's on the probe (here `upper`
    stands for its json_quote): each row's text is quoted by Python, the same line."""
    folder = write_files(tmp_path / "claims", hostile(23))
    database = tmp_path / "claims.db"
    story_db.load_into(database, [str(folder)])
    expected = summary_json(summarize_database(database, rendered=True))
    with sqlite3.connect(":memory:") as connection:
        assert db_json.prepare(connection) == "json_quote"
        monkeypatch.setattr(db_json, "_QUOTE", "upper")
        assert db_json.prepare(connection) == "claimx_json"
    assert summary_json(summarize_database(database, rendered=True)) == expected


def test_the_json_is_the_same_with_the_article_texts_not_merged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Templates whose texts around the article's fields differ (not merged into each
    article's JSON): each appearance joined from all its parts, the same line."""
    folder = write_files(tmp_path / "claims", hostile(24))
    database = tmp_path / "claims.db"
    story_db.load_into(database, [str(folder)])
    expected = summary_json(summarize_database(database, rendered=True))
    assert expected == to_jsonl(summarize_database(database)).encode()
    monkeypatch.setattr(db_story, "merged_ends", lambda layout, templates: None)
    assert summary_json(summarize_database(database, rendered=True)) == expected


def test_article_texts_are_merged_only_when_every_template_has_the_same() -> None:
    layout = ("article", "claim", "review")
    one = db_json.Template(("{", ',"claim":', ',"text":"a","review":', "}"), layout)
    two = db_json.Template(("{", ',"claim":', ',"text":"b","review":', "}"), layout)
    other = db_json.Template(("{", ',"id":', ',"text":"a","review":', "}"), layout)
    assert db_json.merged_ends(layout, [one, two]) == ("{", ',"claim":')
    assert db_json.merged_ends(layout, [one, other]) is None
    assert db_json.merged_ends(("claim", "article", "review"), [one]) is None
    merged = db_json.fragment_sql(layout, "json_quote", merged=True)
    assert merged.startswith("a.json || (json_quote(m.local)) || v.t2")


def test_rows_edited_by_hand_are_written_as_python_writes_them(tmp_path: Path) -> None:
    """A place that is a float or text, a review that is a number, an empty review: each
    row's JSON as `json.dumps` writes what the database holds."""
    folder = write_files(tmp_path / "claims", hostile(24))
    database = tmp_path / "claims.db"
    story_db.load_into(database, [str(folder)])
    with sqlite3.connect(database) as connection:
        connection.execute("UPDATE claims SET start = 1e16 WHERE id % 5 = 0")
        connection.execute("UPDATE claims SET start = 0.1 WHERE id % 5 = 1")
        connection.execute("UPDATE claims SET \"end\" = 'loin' WHERE id % 5 = 2")
        connection.execute('UPDATE claims SET "end" = NULL WHERE id % 5 = 3')
        connection.execute("UPDATE claims SET review_status = '' WHERE id % 7 = 0")
        connection.execute("UPDATE claims SET review_status = 12 WHERE id % 7 = 1")
    summary = summarize_database(database, rendered=True)
    shown = [a for g in summary["recurring"] for a in g["appearances"].value()]
    assert {type(a["start"]) for a in shown} >= {int, float}
    assert {type(a["end"]) for a in shown} >= {int, str, type(None)}
    assert "12" in {a["review"] for a in shown}
    for group in summary["recurring"]:
        text = group["appearances"].text
        assert text == DUMPS(group["appearances"].value())[1:-1].encode()


def test_the_appearances_are_no_python_objects(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """An appearance dict is made once per variant, not per appearance."""
    folder = write_files(tmp_path / "claims", reprinted(25, 4, 30))
    database = tmp_path / "claims.db"
    story_db.load_into(database, [str(folder)])
    made: list[int] = []
    real = summary_module.appearance

    def counted(*arguments: Any) -> dict[str, Any]:
        made.append(1)
        return real(*arguments)

    monkeypatch.setattr(db_story, "appearance", counted)
    summary = summarize_database(database, rendered=True)
    groups = summary["recurring"]
    assert groups and all(isinstance(g["appearances"], Rendered) for g in groups)
    appearances = sum(len(g["appearances"].value()) for g in groups)
    assert 0 < len(made) * 4 < appearances


def test_a_summary_without_rendered_parts_is_the_writers_line() -> None:
    summary = {
        "articles": [{"title": HOSTILE[1], "n": 3e9, "m": 0.1, "k": None, "b": True}],
        "recurring": [
            {"id": "R1", "appearances": [{"text": t} for t in HOSTILE], "after": [1.5]},
            {"appearances": []},
            {},
        ],
        "contradictions": [],
        "": {"\x00": "😀"},
    }
    assert summary_json(summary) == to_jsonl(summary).encode()
    rendered = {**summary, "recurring": [{"appearances": Rendered(b"")}]}
    assert summary_json(rendered) == b'{"articles":' + DUMPS(summary["articles"]).encode() + (
        b',"recurring":[{"appearances":[]}],"contradictions":[],"":{"\\u0000":"\xf0\x9f\x98\x80"}}\n'
    )
