"""What review decisions become: gold files for `claimx eval`; exports without a terminal;
Ctrl-C in a real terminal."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
import yaml
from spacy.language import Language
from typer.testing import CliRunner

from claimx.cli import app
from claimx.cli.exit_codes import ExitCode
from tests.test_review import claims_of, drive, make_claims


@pytest.fixture
def claims_file(nlp: Language, tmp_path: Path) -> Path:
    return make_claims(nlp, tmp_path)


def test_reviewed_claims_become_gold_that_eval_reads(claims_file: Path, tmp_path: Path) -> None:
    drive([claims_file], ["a", "r", "q"])  # accept the first claim, reject the second
    gold = tmp_path / "gold"
    result = CliRunner().invoke(app, ["review", str(claims_file), "--gold", str(gold)])
    assert result.exit_code == 0, result.output
    (written,) = sorted(gold.glob("*.gold.yaml"))
    data = yaml.safe_load(written.read_text(encoding="utf-8"))
    assert (gold / data["file"]).is_file()
    claims = claims_of(claims_file)
    required = [a for a in data["attributions"] if not a.get("optional")]
    assert len(required) == 1
    assert claims[0]["text"].startswith(required[0]["evidence"])  # a short, unique part
    assert required[0]["source"] == "Reuters"
    assert not any(claims[1]["text"].startswith(a["evidence"]) for a in data["attributions"])
    assert {a["name"] for a in data["actors"] if not a.get("optional")} == {"Reuters"}
    scores = CliRunner().invoke(app, ["eval", str(gold), "--json"])
    assert scores.exit_code == 0, scores.output
    attributions = json.loads(scores.stdout)["total"]["attributions"]
    assert attributions["recall"] == 1.0  # the accepted claim is found again
    assert attributions["precision"] < 1.0  # the rejected one counts against claimx


def test_nothing_decided_writes_no_gold(claims_file: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["review", str(claims_file), "--gold", str(tmp_path / "g")])
    assert result.exit_code == 0
    assert "0 gold files" in result.stderr


def test_export_needs_no_terminal(claims_file: Path, tmp_path: Path) -> None:
    drive([claims_file], ["a", "q"])
    export = tmp_path / "accepted.yaml"
    result = CliRunner().invoke(app, ["review", str(claims_file), "--export", str(export)])
    assert result.exit_code == 0, result.output
    assert len(yaml.safe_load(export.read_text(encoding="utf-8"))["claims"]) == 1


def test_ctrl_c_in_review_keeps_decisions_and_exits_130(claims_file: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(
        sys.executable,
        ["-c", "from claimx.cli import main; main()", "review", str(claims_file), "--no-color"],
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 120),
    )
    child.expect("a accept")
    child.send("a")
    child.expect(r"1/\d+ reviewed")
    child.sendintr()
    child.expect("interrupted")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == ExitCode.INTERRUPTED
    assert claims_of(claims_file)[0]["review"]["status"] == "accepted"
