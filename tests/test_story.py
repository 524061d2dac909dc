"""A folder's story: recurring claims, contradictions, CSV, JSON-LD, SQLite, HTML."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimx.batch import BatchOptions, run
from claimx.cli import app
from claimx.escape import BOM
from claimx.escape import csv_text as to_csv
from claimx.resources import schema_path
from claimx.story import collect, summarize
from claimx.story.compare import same_figure
from claimx.story.records import ArticleClaims, Figure, content_words, from_document
from claimx.story.tables import CLAIM_COLUMNS, claim_rows

STORY = Path(__file__).parent / "story"


def document(claims: list[dict[str, Any]], **article: Any) -> dict[str, Any]:
    """A claims document (format 2) with the actors, chips and money its claims name."""
    actors = [
        {"id": "A1", "name": "Nvidia", "kind": "organization", "mentions": []},
        {"id": "A2", "name": "Reuters", "kind": "media", "mentions": []},
        {"id": "A3", "name": "Jensen Huang", "kind": "person", "mentions": []},
    ]
    money = [
        {"id": f"M{n}", "text": text, "amount": amount, "currency": "EUR", "qualifier": q}
        for n, (text, amount, q) in enumerate(
            [("3 milliards d'euros", 3e9, "exact"), ("3,5 milliards d'euros", 3.5e9, "exact"),
             ("environ 3 milliards d'euros", 3e9, "about")], 1)
    ]  # fmt: skip
    full = []
    for n, claim in enumerate(claims, 1):
        source = claim.pop("source", None)
        full.append(
            {
                "id": f"C{n}", "start": 0, "end": len(claim["text"]), "modality": "asserted",
                "actors": ["A1"], "chips": [], "money": [],
                "attribution": {"kind": "statement", "source": source, "cue": {"text": "a dit"}}
                if source else None,
                **claim,
            }
        )  # fmt: skip
    return {
        "claimx": 1,
        "article": {"source": "x.txt", "title": None, "date": None, "publisher": None, **article},
        "actors": actors,
        "chips": [{"id": "K1", "name": "H20", "vendor": "Nvidia", "mentions": []}],
        "money": money,
        "claims": full,
    }


def articles_of(*documents: dict[str, Any]) -> list[ArticleClaims]:
    return [from_document(d, f"article-{n}.yaml") for n, d in enumerate(documents)]


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        (Figure("500 milliards de dollars", 5e11, "USD"), Figure("$500bn", 5e11, "USD"), True),
        (Figure("109 milliards", 109e9, "EUR"), Figure("100 milliards", 1e11, "EUR"), False),
        (Figure("environ 100", 100, "EUR", "about"), Figure("103", 103, "EUR"), True),
        (Figure("environ 100", 100, "EUR", "about"), Figure("110", 110, "EUR"), False),
        (Figure("100 €", 100, "EUR"), Figure("100 $", 100, "USD"), False),
        (Figure("des", None, "EUR", "vague"), Figure("des", None, "EUR"), False),
    ],
)
def test_same_figure(a: Figure, b: Figure, same: bool) -> None:
    assert same_figure(a, b) is same
    assert same_figure(b, a) is same


def test_content_words_meet_across_inflections_and_skip_function_words() -> None:
    assert content_words("Nvidia investira") & content_words("Nvidia va investir")
    assert content_words("il a dit que le, la, les") == frozenset()
    assert "2029" in content_words("d'ici 2029")


CLAIM = "Nvidia investira 3 milliards d'euros dans un centre de recherche à Grenoble"


@pytest.mark.parametrize(
    ("first", "second", "same"),
    [
        ({"text": CLAIM}, {"text": CLAIM}, True),
        (  # reworded, same figure
            {"text": CLAIM, "money": ["M1"]},
            {"text": "Le groupe va investir 3 milliards d'euros à Grenoble", "money": ["M1"]},
            True,
        ),
        ({"text": CLAIM, "source": "A3"}, {"text": CLAIM}, True),  # a copy drops the source
        ({"text": CLAIM, "source": "A3"}, {"text": CLAIM, "source": "A2"}, False),
        ({"text": CLAIM}, {"text": "Le Parlement a adopté un texte sur la cybersécurité"}, False),
    ],
)  # fmt: skip
def test_same_claim(first: dict[str, Any], second: dict[str, Any], same: bool) -> None:
    recurring = summarize(articles_of(document([first]), document([second])))["recurring"]
    assert bool(recurring) is same


def test_claims_of_one_article_never_recur() -> None:
    (one,) = articles_of(document([{"text": CLAIM}, {"text": CLAIM}]))
    assert summarize([one])["recurring"] == []


def test_a_figure_given_differently_is_a_contradiction_and_the_same_is_not() -> None:
    figures = [document([{"text": CLAIM, "money": [m]}], date=d) for m, d in
               (("M1", "2026-03-02"), ("M3", "2026-03-01"), ("M2", "2026-03-03"))]  # fmt: skip
    summary = summarize(articles_of(*figures))
    (group,) = summary["recurring"]
    assert group["articles"] == 3
    assert group["first_appearance"]["date"] == "2026-03-01"
    (conflict,) = [c for c in summary["contradictions"] if c["kind"] == "figure"]
    assert "3,5 milliards d'euros" in conflict["summary"]


@pytest.fixture(scope="module")
def story(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The batch output of the team's story articles (tests/story)."""
    out = tmp_path_factory.mktemp("story")
    run([str(STORY)], BatchOptions(output_dir=out))
    return out


def test_summary_groups_each_story_and_finds_the_planted_contradictions(story: Path) -> None:
    result = CliRunner().invoke(app, ["summary", str(story), "--format", "json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)
    by_files = {
        frozenset(Path(p["file"]).name.split("-")[1] for p in g["appearances"]): g
        for g in summary["recurring"]
    }
    nvidia = max(summary["recurring"], key=lambda g: g["articles"])
    assert nvidia["articles"] == 3
    assert "Grenoble" in nvidia["text"]
    assert nvidia["first_appearance"]["publisher"] == "Le Courrier du Numérique"
    assert {p["date"] for p in nvidia["appearances"]} == {"2026-03-02", "2026-03-03", "2026-03-04"}
    assert {f["amount"] for f in nvidia["figures"]} == {3e9, 3.5e9}
    samsung = next(g for g in summary["recurring"] if "HBM" in g["text"])
    assert samsung["articles"] == 2
    assert samsung["source"]["name"] == "Reuters"
    assert not any("parlement" in key for key in by_files)  # the unrelated article
    kinds = {c["kind"]: c for c in summary["contradictions"]}
    assert "3,5 milliards d'euros" in kinds["figure"]["summary"]
    assert {Path(p["file"]).name for p in kinds["modality"]["evidence"]} == {
        "courrier-samsung-hbm.md.yaml",
        "hebdo-samsung-hbm.md.yaml",
    }
    actors = {a["name"]: a for a in summary["actors"]}
    assert actors["Reuters"]["wikidata"] == "Q130879"
    assert actors["Nvidia"]["articles"] == 3


def test_summary_reads_articles_too(story: Path) -> None:
    from_files = summarize(collect([str(story)]))
    from_articles = summarize(collect([str(STORY)]))
    assert len(from_articles["recurring"]) == len(from_files["recurring"])
    assert [c["kind"] for c in from_articles["contradictions"]] == [
        c["kind"] for c in from_files["contradictions"]
    ]


def test_csv_round_trips_quotes_newlines_and_accents() -> None:
    text = 'Le « géant » a dit "non",\nà Pékin; puis: ça'
    articles = articles_of(document([{"text": text}], publisher="Éditions; « L'Écho »"))
    written = to_csv(claim_rows(articles, summarize(articles)), CLAIM_COLUMNS, bom=True)
    assert written.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(written.removeprefix(BOM), newline="")))
    assert len(rows) == 1
    assert rows[0]["text"] == text
    assert rows[0]["publisher"] == "Éditions; « L'Écho »"
    assert list(rows[0]) == CLAIM_COLUMNS


def test_cli_csv_has_a_row_per_claim(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "claims.csv"
    result = CliRunner().invoke(app, ["summary", str(story), "-f", "csv", "-o", str(out)])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert len(rows) == sum(len(a.claims) for a in collect([str(story)]))
    assert any(r["recurring"] and r["contradictions"] for r in rows)
    again = CliRunner().invoke(app, ["summary", str(story), "-f", "csv", "-o", str(out)])
    assert again.exit_code == 2  # not overwritten without --force
    recurring = CliRunner().invoke(app, ["summary", str(story), "-f", "csv-recurring"])
    groups = list(csv.DictReader(io.StringIO(recurring.stdout, newline="")))
    assert [g["recurring"] for g in groups] == ["R1", "R2", "R3"]
    assert groups[0]["articles"] == "3"


def test_jsonld_validates_against_its_schema(story: Path) -> None:
    import jsonschema

    result = CliRunner().invoke(app, ["summary", str(story), "-f", "jsonld"])
    data = json.loads(result.stdout)
    schema = json.loads((schema_path().parent / "claims-jsonld.schema.json").read_text())
    jsonschema.validate(data, schema)
    grouped = [c for c in data["@graph"] if len(c["appearance"]) == 3]
    assert grouped and grouped[0]["firstAppearance"]["datePublished"] == "2026-03-02"
    authors = [c["author"] for c in data["@graph"] if c.get("author", {}).get("name") == "Reuters"]
    assert authors[0]["sameAs"].endswith("/Q130879")
    assert authors[0]["@type"] == "NewsMediaOrganization"


def test_database_is_incremental_searchable_and_summarized_alike(
    story: Path, tmp_path: Path
) -> None:
    import shutil

    story = Path(shutil.copytree(story, tmp_path / "claims"))
    database = tmp_path / "claims.db"
    runner = CliRunner()
    first = runner.invoke(app, ["db", str(story), str(database)])
    assert first.exit_code == 0, first.output
    assert "6 articles added" in first.output
    again = runner.invoke(app, ["db", str(story), str(database)])
    assert "0 articles added or updated, 6 unchanged" in again.output
    with sqlite3.connect(database) as connection:
        found = connection.execute(
            "SELECT claims.text FROM claims_fts JOIN claims ON claims.id = claims_fts.rowid"
            " WHERE claims_fts MATCH 'livraisons'"
        ).fetchall()
        assert len(found) == 2 and all("HBM" in text for (text,) in found)
        claims = connection.execute("SELECT count(*) FROM claims").fetchone()[0]
        reuters = connection.execute(
            "SELECT count(*) FROM attributions JOIN actors ON actors.id = source_actor_id"
            " WHERE actors.wikidata = 'Q130879'"
        ).fetchone()[0]
        assert reuters == 2
    changed = next(story.glob("courrier-samsung*.yaml"))
    changed.write_text(changed.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    third = runner.invoke(app, ["db", str(story), str(database)])
    assert "1 articles added or updated, 5 unchanged" in third.output
    with sqlite3.connect(database) as connection:
        assert connection.execute("SELECT count(*) FROM claims").fetchone()[0] == claims
        assert connection.execute("SELECT count(*) FROM claims_fts").fetchone()[0] == claims
    from_db, from_files = summarize(collect([str(database)])), summarize(collect([str(story)]))
    assert json.dumps(from_db["recurring"]) == json.dumps(from_files["recurring"])
    assert from_db["contradictions"] == from_files["contradictions"]


def test_a_malformed_claims_file_costs_only_itself(story: Path, tmp_path: Path) -> None:
    import shutil

    folder = tmp_path / "claims"
    shutil.copytree(story, folder)
    (folder / "broken.yaml").write_text("claimx: 1\nclaims: oops\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["summary", str(folder), "-f", "json"])
    assert result.exit_code == 3
    assert "broken.yaml: not a claims file" in result.stderr
    assert len(json.loads(result.stdout)["articles"]) == 6


def test_known_actors_carry_their_wikidata_id(nlp: Language) -> None:
    from claimx.api import extract
    from claimx.articles import Article

    text = "Selon Reuters, la société Brightwave a vendu des puces, a déclaré Léa Fontaine."
    actors = {a["name"]: a for a in extract(Article.from_text(text), nlp).to_dict()["actors"]}
    assert actors["Reuters"]["wikidata"] == "Q130879"
    assert "wikidata" not in actors["Léa Fontaine"]


def test_many_claims_files_are_read_in_parallel_alike(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shutil

    from claimx.story import load

    for n in range(34):  # 204 claims files read from YAML (no machine copies): two workers
        skip = shutil.ignore_patterns("*.txt", ".*.json")
        shutil.copytree(story, tmp_path / f"day{n:02d}", ignore=skip)
    (tmp_path / "day07" / "broken.yaml").write_text("claimx: 1\nclaims: oops\n", "utf-8")
    problems: list[str] = []
    parallel = summarize(collect([str(tmp_path)], on_error=problems.append))
    monkeypatch.setattr(load, "PARALLEL_FROM", 10**9)
    ignored: list[str] = []
    sequential = summarize(collect([str(tmp_path)], on_error=ignored.append))
    assert json.dumps(parallel) == json.dumps(sequential)
    assert len(parallel["articles"]) == 204
    broken = tmp_path / "day07" / "broken.yaml"
    assert problems == [f"{broken}: not a claims file (claimx output format)"]


def test_an_alias_bomb_among_claims_files_is_refused(story: Path, tmp_path: Path) -> None:
    import shutil

    folder = Path(shutil.copytree(story, tmp_path / "claims"))
    lines = ["claimx: 2", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    (folder / "bomb.yaml").write_text("\n".join([*lines, "claims: [*a9]"]) + "\n", "utf-8")
    problems: list[str] = []
    articles = collect([str(folder)], on_error=problems.append)
    assert len(articles) == 6
    assert problems == [f"{folder / 'bomb.yaml'}: not a claims file (YAML aliases)"]


def test_the_tables_go_to_a_file_as_plain_text(story: Path, tmp_path: Path) -> None:
    out = tmp_path / "summary.txt"
    result = CliRunner().invoke(app, ["summary", str(story), "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert "Recurring claims" in text and "Contradictions" in text and "\x1b[" not in text


def test_someone_elses_database_is_left_alone(story: Path, tmp_path: Path) -> None:
    database = tmp_path / "theirs.db"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE budget (line TEXT)")
    before = database.read_bytes()
    result = CliRunner().invoke(app, ["db", str(story), str(database)])
    assert result.exit_code == 3
    assert "not claimx's" in result.stderr
    assert database.read_bytes() == before
