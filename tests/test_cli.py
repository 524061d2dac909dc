"""Every command through Typer's CliRunner, with the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from spacy.language import Language
from typer.testing import CliRunner

from claimx.cli import app
from claimx.cli.exit_codes import ExitCode
from claimx.store.serialize import load_yaml_documents
from tests.conftest import GOLD_DIR

ARTICLE = GOLD_DIR / "03-tsmc-dement.txt"


@pytest.fixture
def runner(nlp: Language) -> CliRunner:  # nlp: the CLI reuses the session's cached model
    return CliRunner()


def without_source(document: dict[str, Any]) -> dict[str, Any]:
    article = dict(document["article"])
    article.pop("source")
    return {**document, "article": article}


def test_help_lists_commands() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    assert "extract" in result.output and "eval" in result.output


def test_file_and_stdin_give_same_claims(runner: CliRunner) -> None:
    from_file = runner.invoke(app, ["extract", str(ARTICLE)])
    from_stdin = runner.invoke(app, ["extract"], input=ARTICLE.read_bytes())
    assert from_file.exit_code == 0 and from_stdin.exit_code == 0
    a, b = load_yaml_documents(from_file.stdout)[0], load_yaml_documents(from_stdin.stdout)[0]
    assert b["article"]["source"] == "-"
    assert without_source(a) == without_source(b)
    assert a["claims"]


def test_json_carries_same_content(runner: CliRunner) -> None:
    as_yaml = runner.invoke(app, ["extract", str(ARTICLE)])
    as_json = runner.invoke(app, ["extract", "--format", "json", str(ARTICLE)])
    assert json.loads(as_json.stdout) == load_yaml_documents(as_yaml.stdout)[0]


def test_several_files_make_a_stream(runner: CliRunner) -> None:
    files = [str(p) for p in sorted(GOLD_DIR.glob("*.txt"))[:3]]
    result = runner.invoke(app, ["extract", *files])
    assert [d["article"]["source"] for d in load_yaml_documents(result.stdout)] == files
    lines = runner.invoke(app, ["extract", "-f", "jsonl", *files]).stdout.splitlines()
    assert [json.loads(line)["article"]["source"] for line in lines] == files


def test_empty_input(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract"], input=b"  \n")
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert result.stderr.strip() == "claimx: -: empty input, nothing to analyse"
    assert "Traceback" not in result.output


def test_missing_file_does_not_stop_the_others(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "absent.txt"
    result = runner.invoke(app, ["extract", str(missing), str(ARTICLE)])
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert f"{missing}: no such file" in result.stderr
    assert len(load_yaml_documents(result.stdout)) == 1


def test_binary_file(runner: CliRunner, tmp_path: Path) -> None:
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = runner.invoke(app, ["extract", str(binary)])
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "binary file" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_latin1_file_is_decoded(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes("Selon l'AFP, Huawei a levé 2 milliards d'euros.".encode("latin-1"))
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 0
    document = load_yaml_documents(result.stdout)[0]
    assert document["money"][0]["text"] == "2 milliards d'euros"
    assert "levé" in document["claims"][0]["text"]


def test_unknown_model(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "--model", "xx_no_such_model", str(ARTICLE)])
    assert result.exit_code == ExitCode.MODEL_ERROR
    assert "not installed" in result.stderr


def test_eval_json_and_thresholds(runner: CliRunner) -> None:
    gold = str(GOLD_DIR / "03-tsmc-dement.gold.yaml")
    result = runner.invoke(app, ["eval", gold, "--json"])
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert set(report["total"]) == {"actors", "chips", "money", "attributions", "hedged"}
    scores = {c: s["f1"] for c, s in report["total"].items()}
    beaten = min(scores, key=scores.__getitem__)
    if scores[beaten] < 1:  # a threshold above a score, inside [0, 1]
        impossible = runner.invoke(app, ["eval", gold, "--min", f"{beaten}=1"])
        assert impossible.exit_code == ExitCode.BELOW_THRESHOLD
        assert "below threshold" in impossible.stderr
    over = runner.invoke(app, ["eval", gold, "--min", "actors=1.01"])
    assert over.exit_code == ExitCode.USAGE and "between 0 and 1" in over.stderr
    bad = runner.invoke(app, ["eval", gold, "--min", "colour=0.5"])
    assert bad.exit_code == ExitCode.USAGE


def test_eval_table(runner: CliRunner) -> None:
    result = runner.invoke(app, ["eval", str(GOLD_DIR / "06-deepseek-h200.gold.yaml")])
    assert result.exit_code == 0
    assert "attributions" in result.stdout and "mean F1" in result.stdout


def test_eval_missing_gold(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["eval", str(tmp_path / "nothing")])
    assert result.exit_code == ExitCode.INPUT_ERROR


def test_extract_lang_option(runner: CliRunner) -> None:
    text = "Selon Reuters, OpenAI a levé 1,500 billion dollars."
    default = load_yaml_documents(runner.invoke(app, ["extract"], input=text).stdout)[0]
    english = load_yaml_documents(
        runner.invoke(app, ["extract", "--lang", "en"], input=text).stdout
    )[0]
    assert default["money"][0]["amount"] == 1.5 * 10**12
    assert english["money"][0]["amount"] == 1500 * 10**9
    assert english["article"]["lang"] == "en"


def test_an_overlong_article_fails_alone(runner: CliRunner, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("Nvidia vend des puces. " * 45_000, encoding="utf-8")  # 1,035,000 chars
    small = sorted(GOLD_DIR.glob("*.txt"))[0]
    result = runner.invoke(app, ["extract", str(big), str(small)])
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "over the limit" in result.stderr
    assert len(list(yaml.safe_load_all(result.stdout))) == 1
