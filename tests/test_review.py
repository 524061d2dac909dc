"""`claimx show` and `claimx review`: views, the review loop driven by keys, a real terminal."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from rich.console import Console
from spacy.language import Language
from typer.testing import CliRunner

from claimx import review as lib
from claimx.api import extract
from claimx.articles import read_article
from claimx.cli import app
from claimx.cli.exit_codes import ExitCode
from claimx.cli.review import FOOTER, Session
from claimx.render import Mark, highlight
from claimx.store.serialize import to_yaml

ARTICLE = (
    "Selon Reuters, Nvidia aurait vendu pour 2 milliards de dollars de puces H20 en Chine.\n"
    "Le PDG de Nvidia, Jensen Huang, a déclaré que la demande restait forte.\n"
    "TSMC dément avoir livré des puces à Huawei.\n"
    "Le ministère du Commerce a refusé de commenter.\n"
)


def make_claims(nlp: Language, folder: Path, name: str = "depeche.txt") -> Path:
    article_path = folder / name
    article_path.write_text(ARTICLE, encoding="utf-8")
    document = extract(read_article(str(article_path)), nlp).to_dict()
    claims_path = folder / f"{name}.yaml"
    claims_path.write_text(to_yaml([document]), encoding="utf-8")
    return claims_path


@pytest.fixture
def claims_file(nlp: Language, tmp_path: Path) -> Path:
    return make_claims(nlp, tmp_path)


def drive(paths: list[Path], keys: str | list[str], answers: list[str] = ()) -> tuple[Session, str]:  # type: ignore[assignment]
    """Run a review session on `paths` with scripted keys and answers."""
    key_iter: Iterator[str] = iter(keys)
    answer_iter = iter(answers)
    console = Console(file=io.StringIO(), width=100, no_color=True)
    files = [lib.load(p) for p in paths]
    session = Session(
        files, console, lambda: next(key_iter, "q"), lambda _p, _d: next(answer_iter), color=False
    )
    session.run()
    output = console.file.getvalue()  # type: ignore[attr-defined]
    return session, output


def without_review(document: dict[str, Any]) -> dict[str, Any]:
    copy = yaml.safe_load(to_yaml([document]))
    for claim in copy["claims"]:
        claim.pop("review", None)
    return copy  # type: ignore[no-any-return]


def claims_of(path: Path) -> list[dict[str, Any]]:
    """A claims file's claims with their decisions, as the store joins them (decisions are
    kept in the file beside it, `NAME.yaml.decisions.yaml`)."""
    return [claim for _, claim in lib.load(path).claims()]


def test_fixture_has_claims_of_every_kind(claims_file: Path) -> None:
    claims = claims_of(claims_file)
    kinds = {c["attribution"]["kind"] for c in claims if c["attribution"]}
    assert {"according_to", "statement", "denial", "no_comment"} <= kinds
    assert lib.load(claims_file).articles[0].text == ARTICLE


def test_accept_reject_note_back_and_quit(claims_file: Path) -> None:
    before = yaml.safe_load(claims_file.read_text(encoding="utf-8"))
    _, output = drive([claims_file], ["a", "r", "n", "b", "b", "s", "q"], ["à vérifier"])
    assert FOOTER in output
    claims = claims_of(claims_file)
    assert claims[0]["review"] == {"status": "accepted", "note": None}
    assert claims[1]["review"] == {"status": "rejected", "note": None}
    assert claims[2]["review"] == {"status": "pending", "note": "à vérifier"}
    assert all("review" not in c for c in claims[3:])
    after = yaml.safe_load(claims_file.read_text(encoding="utf-8"))
    assert without_review(after) == without_review(before)  # nothing else changed


def test_untouched_parts_are_byte_identical(claims_file: Path) -> None:
    original = claims_file.read_text(encoding="utf-8")
    drive([claims_file], ["s", "s", "q"])
    assert claims_file.read_text(encoding="utf-8") == original  # skipping writes nothing
    drive([claims_file], ["a", "q"])
    changed = claims_file.read_text(encoding="utf-8")
    first_claim = changed.index(f"- id: {claims_of(claims_file)[0]['id']}")
    assert changed[:first_claim] == original[:first_claim]


def test_reopening_resumes_at_first_pending(claims_file: Path) -> None:
    drive([claims_file], ["a", "a", "q"])
    session, output = drive([claims_file], ["q"])
    assert session.position == 2
    assert f"({claims_of(claims_file)[2]['id']})" in output and "2/" in output


def test_edit_source_kind_and_modality(claims_file: Path) -> None:
    # C1 according_to, C2 statement, C3 denial, C4 no_comment (see the fixture test)
    keys = ["s", "e", "s", "e", "k", "3", "e", "m", "3"]
    drive([claims_file], keys, ["reuters"])
    after = claims_of(claims_file)
    assert after[1]["attribution"]["source_text"] == "Reuters"  # matched, case aside
    reuters = next(
        a for a in yaml.safe_load(claims_file.read_text())["actors"] if a["name"] == "Reuters"
    )
    assert after[1]["attribution"]["source"] == reuters["id"]
    assert after[2]["attribution"]["kind"] == "statement"
    assert after[3]["modality"] == "hedged"
    assert [c["review"]["status"] for c in after[1:]] == ["edited"] * 3
    assert "review" not in after[0]


def test_edit_claim_boundaries(claims_file: Path) -> None:
    shorter = "aurait vendu pour 2 milliards de dollars de puces H20 en Chine"
    drive([claims_file], ["e", "t", "q"], [shorter])
    edited = claims_of(claims_file)[0]
    assert edited["text"] == shorter
    assert ARTICLE[edited["start"] : edited["end"]] == shorter
    _, output = drive([claims_file], ["b", "e", "t", "q"], ["pas dans la phrase"])
    assert "not in the claim's sentence" in output
    assert claims_of(claims_file)[0]["text"] == shorter


def test_cancelled_edit_changes_nothing(claims_file: Path) -> None:
    original = claims_file.read_text(encoding="utf-8")
    _, output = drive([claims_file], ["e", "x", "e", "k", "9", "q"])
    assert claims_file.read_text(encoding="utf-8") == original
    assert "edit cancelled" in output


def test_folder_is_reviewed_file_by_file(nlp: Language, tmp_path: Path) -> None:
    first = make_claims(nlp, tmp_path, "a.txt")
    second = make_claims(nlp, tmp_path, "b.txt")
    count = len(claims_of(first))
    session, output = drive(lib.claims_files(tmp_path), ["a"] * (count + 1) + ["q"])
    assert "file 2/2" in output
    assert claims_of(second)[0]["review"]["status"] == "accepted"
    assert f"{count + 1} accepted" in session.summary()


def test_export_carries_the_evidence(claims_file: Path) -> None:
    drive([claims_file], ["a", "r", "q"])
    exported = lib.export([lib.load(claims_file)])
    assert len(exported) == 1
    entry = exported[0]
    assert entry["status"] == "accepted"
    assert entry["attribution"]["source"] == "Reuters"
    assert entry["evidence"]["sentence"].startswith("Selon Reuters")
    assert entry["money"][0]["amount"] == 2_000_000_000
    assert entry["article"]["source"].endswith("depeche.txt")


def test_review_without_a_terminal_explains_itself(claims_file: Path) -> None:
    result = CliRunner().invoke(app, ["review", str(claims_file)])
    assert result.exit_code == ExitCode.USAGE
    assert "needs a terminal" in result.stderr


@pytest.mark.slow
def test_review_in_a_real_terminal(claims_file: Path) -> None:
    pexpect = pytest.importorskip("pexpect")
    export = claims_file.parent / "accepted.yaml"
    child = pexpect.spawn(
        sys.executable,
        [
            "-c",
            "from claimx.cli import main; main()",
            "review",
            str(claims_file),
            "--export",
            str(export),
            "--no-color",
        ],
        encoding="utf-8",
        timeout=30,
        dimensions=(40, 120),
    )
    child.expect("a accept")
    child.send("a")  # no Enter: single keys
    child.expect(r"1/\d+ reviewed")
    child.send("r")
    child.expect(r"2/\d+ reviewed")
    child.send("n")
    child.expect("note: ")
    child.sendline("source à rappeler")
    child.expect("source à rappeler")
    child.send("q")
    child.expect("1 accepted, 1 rejected")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    claims = claims_of(claims_file)
    assert [c.get("review", {}).get("status") for c in claims[:3]] == [
        "accepted",
        "rejected",
        "pending",
    ]
    assert claims[2]["review"]["note"] == "source à rappeler"
    assert yaml.safe_load(export.read_text(encoding="utf-8"))["claims"][0]["status"] == "accepted"


def test_show_without_colour_marks_spans(claims_file: Path) -> None:
    result = CliRunner().invoke(app, ["show", str(claims_file), "--no-color"])
    assert result.exit_code == 0, result.output
    assert "[Reuters]" in result.stdout and "{H20}" in result.stdout
    assert "<2 milliards de dollars>" in result.stdout
    assert "~aurait~" in result.stdout
    assert "\x1b[" not in result.stdout
    assert "legend:" in result.stdout and "claims" in result.stdout


def test_show_with_colour_styles_spans(claims_file: Path) -> None:
    result = CliRunner().invoke(app, ["show", str(claims_file), "--color"])
    assert result.exit_code == 0
    assert "\x1b[" in result.stdout
    assert "[Reuters]" not in result.stdout


def test_show_only_filters_claims(claims_file: Path) -> None:
    result = CliRunner().invoke(app, ["show", str(claims_file), "--no-color", "--only", "denied"])
    assert result.exit_code == 0
    assert "1 claims (denied)" in result.stdout
    bad = CliRunner().invoke(app, ["show", str(claims_file), "--only", "nope"])
    assert bad.exit_code == ExitCode.USAGE


def test_show_a_folder_of_claims(nlp: Language, tmp_path: Path) -> None:
    make_claims(nlp, tmp_path, "a.txt")
    make_claims(nlp, tmp_path, "b.txt")
    result = CliRunner().invoke(app, ["show", str(tmp_path), "--no-color"])
    assert result.exit_code == 0
    assert result.stdout.count("4 claims, 0 reviewed") == 2


def test_show_extracts_an_article_on_the_fly(claims_file: Path, nlp: Language) -> None:
    article = claims_file.parent / "depeche.txt"
    result = CliRunner().invoke(app, ["show", str(article), "--no-color"])
    assert result.exit_code == 0
    assert "[Jensen Huang]" in result.stdout


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ([Mark(0, 5, "actor")], "[Selon] Reuters"),
        ([Mark(0, 13, "cue"), Mark(6, 13, "actor")], "|Selon [Reuters]|"),
        ([Mark(6, 13, "actor"), Mark(6, 13, "hedge")], "Selon [~Reuters~]"),
        ([], "Selon Reuters"),
    ],
)
def test_marks_nest(spans: list[Mark], expected: str) -> None:
    assert highlight("Selon Reuters", spans, color=False).plain == expected
