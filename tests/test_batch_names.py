"""Batch inputs and outputs that must not collide or drift: inputs of one name, the index of
a resumed run, the lock files of shards, records that hold what no encoding can write."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest
import yaml
from spacy.language import Language
from typer.testing import CliRunner

from claimx.batch import INDEX_NAME, BatchOptions, Progress, Shard, merge_indexes, run
from claimx.cli import app
from claimx.cli.exit_codes import ExitCode
from claimx.inputs import discover
from claimx.store.files import exclusive
from claimx.store.serialize import load_yaml_documents
from tests.conftest import GOLD_DIR

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(GOLD_DIR.glob("*.txt"))]


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _front(title: str, body: str) -> str:
    return "---\n" + yaml.safe_dump({"title": title, "source": "Le Blog"}) + "---\n" + body


def _titles(out: Path) -> dict[str, str | None]:
    return {
        p.relative_to(out).as_posix(): load_yaml_documents(p.read_text("utf-8"))[0]["article"].get(
            "title"
        )
        for p in sorted(out.rglob("*.yaml"))
    }


def test_folders_of_one_name_and_a_folder_named_like_the_renamed_one(tmp_path: Path) -> None:
    for parent in ("a/news", "b/news", "c/news-2"):
        _write(tmp_path / parent / "x.txt", "Texte.")
    files, _ = discover([str(tmp_path / p) for p in ("a/news", "b/news", "c/news-2")])
    rels = [f.rel for f in files]
    assert len(set(rels)) == 3, rels
    assert rels[0] == "news/x.txt" and rels[2] == "news-2/x.txt"  # given names kept first
    assert rels[1] == "news-3/x.txt"


def test_files_of_one_name_keep_their_extension(tmp_path: Path) -> None:
    for parent in ("m1", "m2", "m3"):
        _write(tmp_path / parent / "f.md", "Texte.")
    _write(tmp_path / "m4" / "f-2.md", "Texte.")
    given = [str(tmp_path / p) for p in ("m1/f.md", "m2/f.md", "m3/f.md", "m4/f-2.md")]
    rels = [f.rel for f in discover(given)[0]]
    assert rels == ["f.md", "f-3.md", "f-4.md", "f-2.md"]


def test_names_differing_only_in_case_are_kept_apart(tmp_path: Path) -> None:
    # A shared folder on SMB or a Mac holds `News` and `news` as one.
    _write(tmp_path / "a" / "News" / "x.txt", "Texte.")
    _write(tmp_path / "b" / "news" / "x.txt", "Texte.")
    given = [str(tmp_path / "a" / "News"), str(tmp_path / "b" / "news")]
    rels = [f.rel for f in discover(given)[0]]
    assert len({r.casefold() for r in rels}) == 2, rels


def test_one_input_given_twice_is_read_once(tmp_path: Path) -> None:
    _write(tmp_path / "news" / "x.txt", "Texte.")
    files, _ = discover([str(tmp_path / "news"), str(tmp_path / "news") + "/"])
    assert [f.rel for f in files] == ["x.txt"]


def test_same_name_cases_give_distinct_outputs_with_titles(tmp_path: Path, nlp: Language) -> None:
    for n, parent in enumerate(("a/news", "b/news", "c/news-2")):
        _write(tmp_path / parent / "x.md", _front(f"Titre {parent}", TEXTS[n]))
    out = tmp_path / "out"
    given = [str(tmp_path / p) for p in ("a/news", "b/news", "c/news-2")]
    result = CliRunner().invoke(app, ["batch", *given, "-o", str(out), "-j", "1"])
    assert result.exit_code == ExitCode.OK, result.output
    assert "not written by claimx" not in result.output
    assert result.output.count("written as") == 1  # the renamed input, reported once
    assert f"b{os.sep}news: written as {out / 'news-3'}" in result.output
    titles = sorted(str(title) for title in _titles(out).values())
    assert titles == ["Titre a/news", "Titre b/news", "Titre c/news-2"]
    lines = (out / INDEX_NAME).read_text("utf-8").splitlines()
    assert len(lines) == 3 and len({json.loads(line)["input"] for line in lines}) == 3

    for n, parent in enumerate(("m1", "m2")):
        _write(tmp_path / parent / "f.md", _front(f"Billet {parent}", TEXTS[n]))
    out2 = tmp_path / "out2"
    given = [str(tmp_path / "m1" / "f.md"), str(tmp_path / "m2" / "f.md")]
    result = CliRunner().invoke(app, ["batch", *given, "-o", str(out2), "-j", "1"])
    assert result.exit_code == ExitCode.OK, result.output
    named = _titles(out2)
    assert named == {"f.md.yaml": "Billet m1", "f-2.md.yaml": "Billet m2"}
    # the front matter was read as such: it is not in the analysed text
    assert "title:" not in (out2 / "f-2.md.txt").read_text("utf-8")


def test_a_resumed_runs_index_is_an_uninterrupted_runs(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    for n in range(20):
        _write(folder / f"{n:02d}.txt", TEXTS[n % len(TEXTS)])
    _write(folder / "vide.txt", "")
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    run([str(folder)], BatchOptions(output_dir=whole))

    def stop(progress: Progress) -> None:
        if progress.files_done > 0:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run([str(folder)], BatchOptions(output_dir=resumed), on_progress=stop)
    report = run([str(folder)], BatchOptions(output_dir=resumed))
    assert report.count("skipped") > 0  # this run's report says what it skipped…
    # …and the index says what became of each article, as an uninterrupted run's does
    assert (resumed / INDEX_NAME).read_bytes() == (whole / INDEX_NAME).read_bytes()
    again = run([str(folder)], BatchOptions(output_dir=whole))
    assert again.count("skipped") == 20
    assert (resumed / INDEX_NAME).read_bytes() == (whole / INDEX_NAME).read_bytes()


def test_no_lock_file_stays_when_done(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    for n in range(4):
        _write(folder / f"{n}.txt", TEXTS[n])
    out = tmp_path / "out"
    run([str(folder)], BatchOptions(output_dir=out))
    assert not list(out.glob(".claimx-lock*"))
    for number in (1, 2):
        run([str(folder)], BatchOptions(output_dir=out, shard=Shard(number, 2), force=True))
    assert not list(out.glob(".claimx-lock.shard-*"))  # each shard removes its own
    (out / Shard(2, 2).lock_name).touch()  # the lock file of a shard killed
    merge_indexes(out)
    assert not list(out.glob(".claimx-lock*"))
    (out / Shard(1, 2).lock_name).touch()
    run([str(folder)], BatchOptions(output_dir=out, shard=Shard(1, 2)))
    run([str(folder)], BatchOptions(output_dir=out))
    assert not list(out.glob(".claimx-lock*"))
    assert not list(out.glob("claimx-index.shard-*"))


def test_a_lock_file_removed_before_it_was_locked_is_not_held(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A process that opened the lock file just before its holder removed it (and then
    locked that file, free now) must lock the folder's current lock file instead."""
    import fcntl

    lock = tmp_path / ".claimx-lock"
    flock = fcntl.flock
    removed: list[bool] = []

    def holder_done_meanwhile(handle: Any, operation: int) -> None:
        if not removed:
            removed.append(True)
            lock.unlink()  # the holder ends, removing it
            lock.touch()  # and another run creates the next one
        flock(handle, operation)

    monkeypatch.setattr(fcntl, "flock", holder_done_meanwhile)
    with exclusive(tmp_path) as fd:
        assert removed
        assert os.fstat(fd).st_ino == lock.stat().st_ino
    assert not lock.exists()


@pytest.mark.parametrize("suffix", [".json", ".jsonl"])
def test_a_record_with_a_lone_surrogate_costs_only_itself(
    tmp_path: Path, nlp: Language, suffix: str
) -> None:
    good = {"title": "Bon", "text": TEXTS[0]}
    bad = {"title": "Mauvais \\ud800", "text": TEXTS[1][:200] + " \\udfff fin."}
    records = [json.dumps(good), json.dumps(bad).replace("\\\\ud", "\\ud")]
    data = "\n".join(records) + "\n" if suffix == ".jsonl" else "[" + ",".join(records) + "]"
    _write(tmp_path / "in" / f"flux{suffix}", data)
    assert "\\ud800" in data  # a JSON escape of a lone surrogate, as a bad exporter writes
    report = run([str(tmp_path / "in")], BatchOptions(output_dir=tmp_path / "out"))
    by_input = {e.input: e for e in report.entries}
    assert by_input[f"flux{suffix}#1"].status == "done"
    # As everywhere in claimx, a lone surrogate (a bad decoding upstream) becomes U+FFFD,
    # one character for one: the record is analysed, its offsets true to the text kept.
    assert by_input[f"flux{suffix}#2"].status == "done", by_input[f"flux{suffix}#2"].error
    text = (tmp_path / "out" / f"flux{suffix}" / "00002.txt").read_text("utf-8")
    assert text.endswith("\ufffd fin.")
    assert _titles(tmp_path / "out")[f"flux{suffix}/00002.yaml"] == "Mauvais \ufffd"
