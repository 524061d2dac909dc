"""What review decisions become: gold files for `claimx eval`; exports without a terminal;
Ctrl-C in a real terminal."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

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
    again = CliRunner().invoke(app, ["review", str(claims_file), "--gold", str(gold)])
    assert again.exit_code == ExitCode.USAGE and "--force" in again.stderr
    forced = CliRunner().invoke(app, ["review", str(claims_file), "--gold", str(gold), "--force"])
    assert forced.exit_code == 0
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


@pytest.mark.slow
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


def test_two_reviews_of_one_file_keep_each_others_decisions(claims_file: Path) -> None:
    from claimx import review as lib

    first, second = (
        lib.ReviewQueue([lib.load(claims_file)]),
        lib.ReviewQueue([lib.load(claims_file)]),
    )
    first.decide("accepted")  # claim 1, in one terminal
    second.skip()
    second.decide("rejected")  # claim 2, in another, opened before the first decision
    statuses = [c.get("review", {}).get("status") for c in claims_of(claims_file)[:2]]
    assert statuses == ["accepted", "rejected"]
    assert second.items[0].claim["review"]["status"] == "accepted"  # merged into its view


def test_a_file_rewritten_meanwhile_is_not_overwritten(claims_file: Path) -> None:
    from claimx import review as lib
    from claimx.store import SaveFailed

    queue = lib.ReviewQueue([lib.load(claims_file)])
    data = yaml.safe_load(claims_file.read_text(encoding="utf-8"))
    data["claims"] = data["claims"][1:]  # a rerun found other claims
    claims_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    before = claims_file.read_bytes()
    with pytest.raises(SaveFailed, match="changed since it was opened"):
        queue.decide("accepted")
    assert claims_file.read_bytes() == before
    assert "review" not in queue.current.claim  # as it was, not half-decided


def test_a_decision_that_cannot_be_saved_is_not_recorded(
    claims_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    from claimx.store import decisions as files

    def full(*_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    before = claims_file.read_bytes()
    monkeypatch.setattr(files, "write_atomic", full)
    session, output = drive([claims_file], ["a", "q"])
    assert "(No space left on device): the decision is not recorded" in " ".join(output.split())
    assert session.queue.position == 0 and "review" not in session.queue.current.claim
    assert claims_file.read_bytes() == before


@pytest.mark.parametrize(
    ("change", "reason"),
    [
        (lambda d: d.update(claims="oops"), "'claims' is not a list"),
        (lambda d: d["claims"][0].pop("id"), "claim 1: 'id' is missing"),
        (lambda d: d["claims"][1].update(start="12"), "claim 2: 'start' is missing or not a int"),
        (lambda d: d["claims"][0].update(end=True), "claim 1: 'end'"),
        (lambda d: d["claims"].append("text"), "is not a mapping"),
        (lambda d: d["claims"][0].update(attribution="x"), "'attribution' is not a mapping"),
        (lambda d: d["claims"][0].update(review=["accepted"]), "'review' is not a mapping"),
        (lambda d: d["claims"][0].update(actors="A1"), "'actors' is not a list"),
        (lambda d: d.update(actors=[{"name": "x"}]), "'actors' is not a list of items"),
        (lambda d: d.update(article="x"), "'article' is not a mapping"),
    ],
)
def test_malformed_claims_files_are_refused_with_a_reason(
    claims_file: Path, change: Any, reason: str
) -> None:
    from claimx import review as lib
    from claimx.errors import InputError

    data = yaml.safe_load(claims_file.read_text(encoding="utf-8"))
    change(data)
    claims_file.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    with pytest.raises(InputError, match=reason.replace("(", r"\(")):
        lib.load(claims_file)


def test_an_alias_bomb_is_refused_at_once(tmp_path: Path) -> None:
    from claimx import review as lib
    from claimx.errors import InputError

    lines = ["claimx: 1", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]
    bomb = tmp_path / "bomb.yaml"
    bomb.write_text("\n".join([*lines, "claims: [*a9]"]) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="aliases"):
        lib.load(bomb)


def test_a_bad_file_in_a_folder_costs_only_itself(claims_file: Path, tmp_path: Path) -> None:
    drive([claims_file], ["a", "q"])
    (claims_file.parent / "broken.yaml").write_text("claimx: 1\nclaims: oops\n", "utf-8")
    export = tmp_path / "out" / "accepted.yaml"
    result = CliRunner().invoke(app, ["review", str(claims_file.parent), "--export", str(export)])
    assert result.exit_code == 0, result.output
    assert "skipped" in result.stderr and "broken.yaml" in result.stderr
    assert len(yaml.safe_load(export.read_text(encoding="utf-8"))["claims"]) == 1


def test_an_edit_keeps_what_claimx_said(claims_file: Path) -> None:
    original = claims_of(claims_file)[0]
    drive([claims_file], ["e", "m", "1", "q"])  # modality: asserted
    claim = claims_of(claims_file)[0]
    assert claim["review"]["status"] == "edited"
    assert claim["modality"] == "asserted"
    kept = claim["review"]["original"]
    assert kept["modality"] == original["modality"] != "asserted"
    assert kept["attribution"] == original["attribution"]
    drive([claims_file], ["e", "m", "3", "q"])  # a second edit keeps the first original
    assert claims_of(claims_file)[0]["review"]["original"]["modality"] == original["modality"]


def test_a_finished_file_reopens_to_revise(claims_file: Path) -> None:
    count = len(claims_of(claims_file))
    drive([claims_file], ["a"] * count)
    _, output = drive([claims_file], ["r", "q"])
    assert "revising from the first" in output
    assert claims_of(claims_file)[0]["review"]["status"] == "rejected"


def test_a_folder_moved_with_its_claims_keeps_its_texts(
    nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import shutil

    from claimx import review as lib

    folder = tmp_path / "desk" / "news"
    folder.mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "desk")
    claims = make_claims(nlp, folder)  # article.source is "…/news/depeche.txt" as given
    moved = tmp_path / "archive"
    shutil.move(str(folder), moved)
    os.chdir(tmp_path)
    assert lib.load(moved / claims.name).articles[0].text is not None


def test_a_folder_given_through_dot_dot_is_reviewed(
    nlp: Language, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`claimx review ../out` reads the folder as `claimx review out` does: only hidden
    names below the folder are left out."""
    (tmp_path / "out").mkdir()
    drive([make_claims(nlp, tmp_path / "out")], ["a", "q"])
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    result = CliRunner().invoke(app, ["review", "../out", "--export", "accepted.yaml"])
    assert result.exit_code == 0, result.output
    export = tmp_path / "work" / "accepted.yaml"
    assert len(yaml.safe_load(export.read_text(encoding="utf-8"))["claims"]) == 1


def test_decisions_go_beside_the_claims_file_which_is_never_rewritten(claims_file: Path) -> None:
    original = claims_file.read_bytes()
    drive([claims_file], ["a", "e", "m", "1", "n", "q"], ["à revoir"])
    assert claims_file.read_bytes() == original
    side = claims_file.with_name(claims_file.name + ".decisions.yaml")
    kept = yaml.safe_load(side.read_text(encoding="utf-8"))
    assert kept["claimx_decisions"] == 1 and kept["claims_file"] == claims_file.name
    statuses = [(d["id"], d["review"]["status"]) for d in kept["decisions"]]
    claims = claims_of(claims_file)
    assert statuses == [
        (c["id"], s) for c, s in zip(claims, ("accepted", "edited", "pending"), strict=False)
    ]
    assert kept["decisions"][1]["edits"]["modality"] == "asserted" == claims[1]["modality"]
    assert claims[2]["review"] == {"status": "pending", "note": "à revoir"}


def test_summary_and_db_read_the_decisions_file(claims_file: Path, tmp_path: Path) -> None:
    from claimx.story import collect
    from claimx.story.db import load_into
    from claimx.story.db_read import read_database

    drive([claims_file], ["a", "q"])
    rows = collect([str(claims_file)])[0].claims
    assert [r.review for r in rows[:2]] == ["accepted", None]
    database = tmp_path / "claims.db"
    assert load_into(database, [str(claims_file)]) == (1, 0)
    drive([claims_file], ["r", "q"])  # the first pending claim: the second
    assert load_into(database, [str(claims_file)]) == (1, 0)  # only its decisions changed
    assert [r.review for r in read_database(database)[0].claims[:2]] == ["accepted", "rejected"]


def test_an_unreadable_decisions_file_is_refused_not_overwritten(claims_file: Path) -> None:
    from claimx import review as lib
    from claimx.errors import InputError

    side = claims_file.with_name(claims_file.name + ".decisions.yaml")
    side.write_text("decisions: [unclosed\n", encoding="utf-8")
    with pytest.raises(InputError, match="decisions file"):
        lib.load(claims_file)
    assert side.read_text(encoding="utf-8") == "decisions: [unclosed\n"
