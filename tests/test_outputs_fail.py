"""Outputs that cannot be written, and inputs the tokenizer would take minutes over: one
line, a named exit code, and nothing lost for the next run."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimx.batch import INDEX_NAME, BatchOptions, read_index, run
from claimx.cli import app
from claimx.cli.exit_codes import ExitCode
from tests.conftest import GOLD_DIR

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(GOLD_DIR.glob("*.txt"))]


def _folder(root: Path, count: int = 4) -> Path:
    folder = root / "in"
    folder.mkdir()
    for n in range(count):
        (folder / f"{n}.txt").write_text(TEXTS[n], encoding="utf-8")
    return folder


def _full(*_: Any, **__: Any) -> None:
    raise OSError(errno.ENOSPC, "No space left on device")


@pytest.mark.parametrize("where", ["a file", "under a file"])
def test_an_output_folder_that_cannot_be_is_one_line(tmp_path: Path, where: str) -> None:
    folder = _folder(tmp_path, 1)
    blocker = tmp_path / "notes.txt"
    blocker.write_text("x", encoding="utf-8")
    out = blocker if where == "a file" else blocker / "out"
    result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out)])
    assert result.exit_code == ExitCode.OUTPUT_ERROR
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output


def test_files_that_could_not_be_written_are_retried(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimx.batch import worker
    from claimx.store import files

    folder, out = _folder(tmp_path), tmp_path / "out"
    real = files.write_atomic

    def full_for_two(path: Path, text: str) -> None:
        if path.name.startswith(("1.", "3.")):
            _full()
        real(path, text)

    monkeypatch.setattr(worker, "write_atomic", full_for_two)
    first = run([str(folder)], BatchOptions(output_dir=out))
    assert [e.status for e in first.entries] == ["done", "failed", "done", "failed"]
    assert "No space left on device" in (first.entries[1].error or "")
    monkeypatch.setattr(worker, "write_atomic", real)  # space freed
    second = run([str(folder)], BatchOptions(output_dir=out))
    assert [e.status for e in second.entries] == ["skipped", "done", "skipped", "done"]


@pytest.mark.slow
def test_an_index_that_cannot_be_written_keeps_the_claims(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimx.batch import runner

    folder, out = _folder(tmp_path), tmp_path / "out"
    monkeypatch.setattr(runner, "write_atomic", _full)  # the index, at the end of the run
    result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(out)])
    assert result.exit_code == ExitCode.OUTPUT_ERROR
    assert "No space left on device" in result.stderr and "run the same command" in result.stderr
    assert len(list(out.glob("*.txt.yaml"))) == 4
    monkeypatch.undo()
    again = run([str(folder)], BatchOptions(output_dir=out))
    assert again.count("skipped") == 4  # the appended index lines were kept
    assert len(read_index(out, only=INDEX_NAME)) == 4


def test_summary_and_db_outputs_that_cannot_be_written(tmp_path: Path, nlp: Language) -> None:
    folder, out = _folder(tmp_path, 2), tmp_path / "out"
    run([str(folder)], BatchOptions(output_dir=out))
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    runner = CliRunner()
    summary = runner.invoke(app, ["summary", str(out), "-f", "csv", "-o", str(blocker / "x.csv")])
    assert summary.exit_code == ExitCode.OUTPUT_ERROR
    database = runner.invoke(app, ["db", str(out), str(blocker / "claims.db")])
    assert database.exit_code == ExitCode.OUTPUT_ERROR
    assert "Traceback" not in summary.output + database.output


@pytest.mark.parametrize(
    ("text", "refused"),
    [
        ("Bonjour. " + "[" * 3000 + "]" * 3000, True),
        ("<script>" + "a=b;c(d);" * 400 + "</script>", True),
        ("Voir https://exemple.fr/" + "dossier/page-1?id=2&x=y/" * 20 + " pour le détail.", False),
        ("Le rapport (" + "très " * 2000 + ") est long.", False),
        ("x" * 100_000, False),  # long, but nothing to split off
    ],
)
def test_runs_the_tokenizer_would_take_minutes_over_are_refused(text: str, refused: bool) -> None:
    from claimx.api import not_prose
    from claimx.articles import Article

    problem = not_prose(Article.from_text(text))
    assert (problem is not None) is refused
    if problem:
        assert "not prose" in problem and "without a space" in problem


def test_extract_refuses_one_such_file_and_prints_the_others(tmp_path: Path, nlp: Language) -> None:
    good = tmp_path / "good.txt"
    good.write_text(TEXTS[0], encoding="utf-8")
    bad = tmp_path / "brackets.txt"
    bad.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(bad), str(good)])
    assert result.exit_code == ExitCode.INPUT_ERROR
    assert "brackets.txt: not prose" in result.stderr
    assert "claimx: 2" in result.stdout


def test_a_lone_surrogate_is_replaced_one_for_one(nlp: Language) -> None:
    from claimx.api import extract
    from claimx.store.serialize import to_yaml

    text = "Selon l'AFP, Huawei \ud800 a levé 2 milliards d'euros."
    document = extract(text, nlp).to_dict()
    assert document["article"]["chars"] == len(text)
    money = document["money"][0]
    assert text[money["start"] : money["end"]] == money["text"]
    to_yaml([document]).encode("utf-8")  # writable as UTF-8


@pytest.mark.parametrize(
    ("data", "readable"),
    [
        (b"Selon l'AFP, Huawei a lev\xc3\xa9 2 milliards.\x00 Fin.", True),  # a stray NUL
        (b"Un texte." + b"\x00" * 3 + b" La suite du texte, assez longue pour compter.", True),
        (b"\x7fELF\x02\x01\x01" + b"\x00" * 200 + b"text", False),  # a binary
    ],
)
def test_stray_nul_bytes_do_not_make_a_file_binary(
    tmp_path: Path, nlp: Language, data: bytes, readable: bool
) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["extract", str(path)])
    if readable:
        assert result.exit_code == 0, result.output
        assert "\x00" not in result.stdout
    else:
        assert result.exit_code == ExitCode.INPUT_ERROR
        assert "binary file" in result.stderr
