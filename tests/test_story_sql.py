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
from claimx.story import collect, db_read, summarize
from claimx.story import db as story_db
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


ACTORS = [
    ("Nvidia", "organization"), ("Reuters", "media"), ("Jensen Huang", "person"),
    ("Brightwave", "organization"), ("Orkana", "organization"), ("Léa Fontaine", "person"),
]  # fmt: skip
PLACES = ["Grenoble", "Crolles", "Rousset", "Dunkerque", "Valenciennes", "Douai"]
THINGS = ["puces", "batteries", "wafers", "capteurs", "mémoires", "serveurs"]
VERBS = ["investira", "dépensera", "a promis", "engagera", "prévoit"]
FIGURES = [("3 milliards d'euros", 3e9), ("3,5 milliards d'euros", 3.5e9),
           ("800 millions d'euros", 8e8), ("environ 3 milliards d'euros", 3e9)]  # fmt: skip


def made_up(seed: int, count: int) -> list[dict[str, Any]]:
    """`count` claims documents of invented claims: a few stories told again and again,
    reworded, copied verbatim (a wire), with figures, chips, sources and unrelated claims."""
    import random

    rng = random.Random(seed)
    wire = [f"{t} seront produits à {p} dès l'automne" for t in THINGS[:3] for p in PLACES[:2]]
    documents = []
    for n in range(count):
        actors = [
            {"id": f"A{k}", "name": name, "kind": kind, "mentions": [{"start": 0, "end": 1,
             "text": name}] * rng.randint(0, 3)}
            for k, (name, kind) in enumerate(ACTORS, 1)
        ]  # fmt: skip
        money = [
            {"id": f"M{k}", "text": text, "amount": int(amount) if n % 3 else amount,
             "currency": "EUR",
             "qualifier": "about" if text.startswith("environ") else "exact"}
            for k, (text, amount) in enumerate(FIGURES, 1)
        ]  # fmt: skip
        claims = []
        for c in range(rng.randint(0, 6)):
            who, verb, place, thing = (rng.choice(x) for x in (ACTORS[::3], VERBS, PLACES, THINGS))
            figure = rng.randrange(len(FIGURES))
            text = rng.choice([
                f"{who[0]} {verb} {FIGURES[figure][0]} dans une usine de {thing} à {place}",
                f"L'usine de {thing} de {place} coûtera {FIGURES[figure][0]}",
                rng.choice(wire),
                f"Le marché des {thing} reste tendu selon les analystes de {place}",
            ])  # fmt: skip
            claims.append(
                {
                    "id": f"C{c + 1}", "text": text, "start": 10 * c, "end": 10 * c + len(text),
                    "modality": rng.choice(["asserted", "asserted", "hedged", "forecast"]),
                    "actors": rng.sample([f"A{k}" for k in range(1, 7)], 2),
                    "chips": ["K1"] if thing == "puces" and rng.random() < 0.5 else [],
                    "money": [f"M{figure + 1}"] if FIGURES[figure][0] in text else [],
                    "attribution": rng.choice([None, {"kind": "statement", "source":
                        rng.choice(["A2", "A3", "A6"]), "cue": {"text": "a dit"}}]),
                }
            )  # fmt: skip
        documents.append(
            {
                "claimx": 1,
                "article": {"source": f"a{n}.txt", "title": f"Article {n}",
                            "date": None if n % 7 == 0 else f"2026-0{1 + n % 9}-1{n % 10}",
                            "publisher": rng.choice([None, "", "La Gazette", "Le Courrier"])},
                "actors": actors,
                "chips": [{"id": "K1", "name": "H20", "vendor": "Nvidia", "mentions": []}],
                "money": money,
                "claims": claims,
            }
        )  # fmt: skip
    return documents


def write_folder(folder: Path, documents: list[dict[str, Any]]) -> Path:
    from claimx.store.machine import write_claims

    folder.mkdir()
    for n, document in enumerate(documents):
        write_claims(folder / f"{n:03d}.txt.yaml", [document])
    return folder


@pytest.mark.parametrize(("seed", "postings"), [(1, 200), (2, 3), (3, 1)])
def test_made_up_claims_are_summarized_alike(
    seed: int, postings: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimx.story.records import settings

    monkeypatch.setitem(settings(), "max_postings", postings)  # the window of candidates
    folder = write_folder(tmp_path / "claims", made_up(seed, 80))
    _, summary = from_database(folder, tmp_path)
    assert summary["recurring"] and summary["contradictions"]
    same(summary, summarize(collect([str(folder)])))


def lone(n: int) -> dict[str, Any]:
    """An article with one claim no other article tells (invented words of its own)."""
    text = f"Le club de Vallon{n} recrute le demi de mêlée Pirlo{n} pour la saison"
    claim = {"id": "C1", "text": text, "start": 0, "end": len(text), "modality": "asserted"}
    return {"claimx": 1, "article": {"source": f"lone{n}.txt"}, "actors": [], "chips": [],
            "money": [], "claims": [claim]}  # fmt: skip


def test_only_the_candidate_claims_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimx.story import db_rows, db_summary

    documents = made_up(4, 30) + [lone(n) for n in range(40)]
    folder = write_folder(tmp_path / "claims", documents)
    read: list[str] = []

    def spy(connection: sqlite3.Connection) -> list[Any]:
        found = db_rows.read_claims(connection)
        read.extend(claim.text for claim in found)
        return found

    monkeypatch.setattr(db_summary, "read_claims", spy)
    _, summary = from_database(folder, tmp_path)
    assert read and not [text for text in read if "Vallon" in text]  # no lone claim read
    same(summary, summarize(collect([str(folder)])))


def test_a_changed_file_and_the_cli_give_the_files_summary(tmp_path: Path) -> None:
    from claimx.store.machine import write_claims

    folder = write_folder(tmp_path / "claims", made_up(5, 40))
    database, _ = from_database(folder, tmp_path)
    write_claims(folder / "007.txt.yaml", made_up(6, 1))  # replaced: its keys go with it
    runner = CliRunner()
    assert (
        "1 articles added or updated, 39 unchanged"
        in runner.invoke(app, ["db", str(folder), str(database)]).output
    )
    from_db = runner.invoke(app, ["summary", str(database), "-f", "json"])
    from_files = runner.invoke(app, ["summary", str(folder), "-f", "json"])
    assert from_db.exit_code == from_files.exit_code == 0, from_db.output
    same(json.loads(from_db.stdout), json.loads(from_files.stdout))


@pytest.mark.parametrize("version", [2, 3, 4])
def test_a_database_of_an_older_schema_is_summarized_every_claim_read(
    version: int, tmp_path: Path
) -> None:
    folder = write_folder(tmp_path / "claims", made_up(7, 30))
    database, summary = from_database(folder, tmp_path)
    with sqlite3.connect(database) as connection:
        # 2: no event keys at all; 3: keys, but no variants to read them by; 4: the keys
        # and words of older story settings
        if version == 2:
            connection.execute("DROP TABLE claim_keys")
            connection.execute("DROP TABLE article_words")
        connection.execute(f"PRAGMA user_version = {version}")
    same(summarize_database(database), summary)
    before = database.read_bytes()
    refused = CliRunner().invoke(app, ["db", str(folder), str(database)])
    assert refused.exit_code == 3 and f"schema {version}" in refused.stderr
    assert "new file" in refused.stderr
    assert database.read_bytes() == before
