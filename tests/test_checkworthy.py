"""Check-worthiness: scores from a claim's structure and words, its weights, `claimx rank`."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml
from spacy.language import Language
from typer.testing import CliRunner

from claimx.api import extract
from claimx.batch import BatchOptions, run
from claimx.cli import app
from claimx.desk.checkworthy import LABELS, CheckWorthy, Weights, assess_all, model
from claimx.desk.features import FEATURES, fold_chars
from claimx.desk.rank import COLUMNS, to_csv
from claimx.escape import BOM
from claimx.resources import data_path
from tools import fit_checkworthy

# Sentences written by us: one per kind the rule book names.
FACT = "Le ministère a infligé lundi une amende de 40 millions d'euros au groupe Solvix."
FORECAST = "Selon le cabinet Varlen, le marché des puces devrait tripler d'ici 2030."
OPINION = "« Je pense que ce texte est une erreur », a réagi le syndicat Sud-Rail."
QUESTION = "Faut-il vraiment interdire ces puces en Europe ?"
NO_COMMENT = "Le groupe Solvix a refusé de commenter."


def scores(nlp: Language, text: str) -> dict[str, CheckWorthy]:
    result = extract(text, nlp)
    found = assess_all(result, text)
    return {c.text: found[c.id] for c in result.claims}


def best(nlp: Language, text: str) -> CheckWorthy:
    found = scores(nlp, text)
    assert found, f"no claim in {text!r}"
    return max(found.values(), key=lambda c: c.score)


def test_a_dated_figure_of_a_past_act_outranks_forecast_opinion_question(nlp: Language) -> None:
    fact = best(nlp, FACT)
    for other in (FORECAST, OPINION, QUESTION, NO_COMMENT):
        found = scores(nlp, other)
        assert all(c.score < fact.score for c in found.values()), other
    assert 0.0 <= fact.score <= 1.0
    assert any(r.startswith("a figure (40 millions d'euros") for r in fact.reasons)
    assert any(r.startswith("a date (lundi") for r in fact.reasons)


def test_reasons_against_say_so_and_quote_the_words_as_written(nlp: Language) -> None:
    forecast = best(nlp, FORECAST)
    assert "against: a forecast (devrait)" in forecast.reasons
    text = "L'Autorité a ordonné la fermeture de l'usine, selon des sources proches du dossier."
    reasons = best(nlp, text).reasons
    assert any("Autorité" in r or "ordonné" in r for r in reasons), reasons


def test_scores_are_deterministic_and_rounded_in_output(nlp: Language) -> None:
    first, second = scores(nlp, FACT), scores(nlp, FACT)
    assert {k: v.to_dict() for k, v in first.items()} == {k: v.to_dict() for k, v in second.items()}
    for worthy in first.values():
        assert worthy.to_dict()["score"] == round(worthy.score, 3)


def test_folding_keeps_offsets() -> None:
    text = "Élu  l’an dernier\u00a0: «ŒUVRE»"
    assert len(fold_chars(text)) == len(text)
    assert fold_chars("L’Été") == "l'ete"


def test_weights_file_names_every_feature_and_nothing_else() -> None:
    data = yaml.safe_load(data_path("checkworthy.yaml").read_text(encoding="utf-8"))
    assert set(data["weights"]) == set(FEATURES) == set(LABELS)
    assert data["cross_validated"]["fitted"] >= 0.80
    assert model().weights["figure"] > 0 > model().weights["forecast"]


def test_score_is_the_logistic_of_the_weighted_features() -> None:
    weights = Weights(-1.0, {"figure": 2.0})
    values = [1.0 if name == "figure" else 0.0 for name in FEATURES]
    assert weights.score(values) == pytest.approx(1 / (1 + 2.718281828459045**-1.0))


@pytest.fixture(scope="module")
def claims_dir(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A batch output of two articles written by us."""
    news = tmp_path_factory.mktemp("news")
    (news / "a.txt").write_text(f"{FACT} {FORECAST} {NO_COMMENT}\n", encoding="utf-8")
    (news / "b.txt").write_text(f"{OPINION} {QUESTION} =SOMME(A1) a-t-il écrit.\n", "utf-8")
    out = tmp_path_factory.mktemp("out")
    run([str(news)], BatchOptions(output_dir=out))
    return out


def test_rank_orders_claims_across_articles_best_first(claims_dir: Path) -> None:
    result = CliRunner().invoke(app, ["rank", str(claims_dir), "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["rank"] for r in rows] == list(range(1, len(rows) + 1))
    assert [r["score"] for r in rows] == sorted((r["score"] for r in rows), reverse=True)
    assert rows[0]["file"].endswith("a.txt.yaml") and "40 millions" in rows[0]["text"]
    assert {r["file"].rsplit("/", 1)[-1] for r in rows} == {"a.txt.yaml", "b.txt.yaml"}


def test_rank_top_and_per_article(claims_dir: Path) -> None:
    result = CliRunner().invoke(app, ["rank", str(claims_dir), "-f", "json", "--per-article", "1"])
    rows = json.loads(result.stdout)
    assert len(rows) == 2 and len({r["file"] for r in rows}) == 2
    result = CliRunner().invoke(app, ["rank", str(claims_dir), "-f", "json", "-n", "1"])
    assert len(json.loads(result.stdout)) == 1


def test_rank_csv_is_spreadsheet_safe(claims_dir: Path) -> None:
    result = CliRunner().invoke(app, ["rank", str(claims_dir), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith(BOM)
    rows = list(csv.DictReader(io.StringIO(result.stdout[len(BOM) :])))
    assert rows and all(float(r["score"]) <= 1 for r in rows)
    row = {column: None for column in COLUMNS} | {"text": "=SOMME(A1)", "reasons": ["a", "b"]}
    written = next(csv.DictReader(io.StringIO(to_csv([row])[len(BOM) :])))
    assert written["text"] == "'=SOMME(A1)" and written["reasons"] == "a; b"


@pytest.mark.slow
def test_the_fit_is_deterministic_and_reproduces_the_weights_file(shared: Path) -> None:
    examples = fit_checkworthy.collect()
    assert fit_checkworthy.fit(examples) == fit_checkworthy.fit(examples) == model()
    figures = fit_checkworthy.cross_validate(examples)
    assert figures["fitted"] >= 0.80 > figures["first_three"]


def test_rank_table_and_refusals(claims_dir: Path, tmp_path: Path) -> None:
    table = CliRunner().invoke(app, ["rank", str(claims_dir)])
    assert table.exit_code == 0 and "40 millions" in table.stdout
    taken = tmp_path / "rank.csv"
    taken.write_text("mine", encoding="utf-8")
    refused = CliRunner().invoke(app, ["rank", str(claims_dir), "-o", str(taken)])
    assert refused.exit_code == 2 and taken.read_text(encoding="utf-8") == "mine"
    missing = CliRunner().invoke(app, ["rank", str(tmp_path / "nothing")])
    assert missing.exit_code == 3
    help_text = CliRunner().invoke(app, ["rank", "--help"]).stdout
    assert "Examples" in help_text
