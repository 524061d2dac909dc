"""`claimx batch --shard I/N`: plain job arrays that together do one run's work."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimx.batch import INDEX_NAME, BatchOptions, Shard, merge_indexes, read_index, run
from claimx.cli import app
from claimx.cli.exit_codes import ExitCode
from claimx.errors import Busy
from claimx.store.files import exclusive
from tests.conftest import GOLD_DIR

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(GOLD_DIR.glob("*.txt"))]


def _folder(root: Path, count: int) -> Path:
    folder = root / "in"
    for n in range(count):
        sub = folder / f"day{n % 3}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{n:02d}.txt").write_text(TEXTS[n % len(TEXTS)], encoding="utf-8")
    return folder


def _outputs(out: Path) -> dict[str, bytes]:
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in out.rglob("*")
        if p.is_file() and not p.name.startswith((".", "claimx-index"))
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1/3", Shard(1, 3)), ("3/3", Shard(3, 3)), ("1/1", Shard(1, 1)), (" 2/ 4", Shard(2, 4))],
)
def test_shard_parse(text: str, expected: Shard) -> None:
    assert Shard.parse(text) == expected


@pytest.mark.parametrize("text", ["0/3", "4/3", "3", "a/b", "", "1/0", "-1/3", "1/3/5"])
def test_shard_parse_refuses(text: str) -> None:
    with pytest.raises(ValueError, match="I/N"):
        Shard.parse(text)


def test_every_path_is_in_exactly_one_shard() -> None:
    paths = [f"wire/day{n % 7}/depeche-{n:03d}.txt" for n in range(300)]
    shards = [Shard(i, 4) for i in range(1, 5)]
    owners = [[s.number for s in shards if s.holds(p)] for p in paths]
    assert all(len(o) == 1 for o in owners)
    sizes = [sum(1 for o in owners if o == [s.number]) for s in shards]
    assert min(sizes) > 40  # spread, not all in one
    assert Shard(2, 4).holds(paths[0]) == Shard(2, 4).holds(paths[0])


def test_three_shards_give_one_runs_files(tmp_path: Path, nlp: Language) -> None:
    folder = _folder(tmp_path, 24)
    whole, sharded = tmp_path / "whole", tmp_path / "sharded"
    run([str(folder)], BatchOptions(output_dir=whole))
    parts = []
    for number in (1, 2, 3):
        report = run([str(folder)], BatchOptions(output_dir=sharded, shard=Shard(number, 3)))
        parts.append({e.file for e in report.entries})
        assert (sharded / f"claimx-index.shard-{number}-of-3.jsonl").is_file()
    assert not set.intersection(*parts)
    assert set.union(*parts) == set(read_index(whole))
    assert _outputs(sharded) == _outputs(whole)
    assert merge_indexes(sharded) == 24
    assert read_index(sharded) == read_index(whole)
    assert not list(sharded.glob("claimx-index.shard-*"))
    again = run([str(folder)], BatchOptions(output_dir=sharded))
    assert again.count("skipped") == 24


def test_a_whole_run_merges_the_shards_it_finds(tmp_path: Path, nlp: Language) -> None:
    folder = _folder(tmp_path, 9)
    out = tmp_path / "out"
    first = run([str(folder)], BatchOptions(output_dir=out, shard=Shard(1, 2)))
    report = run([str(folder)], BatchOptions(output_dir=out))
    assert report.count("skipped") == len(first.entries)
    assert report.count("done") == 9 - len(first.entries)
    assert len(read_index(out, only=INDEX_NAME)) == 9
    assert not list(out.glob("claimx-index.shard-*"))


def test_shards_share_a_folder_that_a_whole_run_cannot(tmp_path: Path, nlp: Language) -> None:
    folder = _folder(tmp_path, 3)
    out = tmp_path / "out"
    out.mkdir()
    with exclusive(out, shared=True):  # a shard at work
        with pytest.raises(Busy):
            run([str(folder)], BatchOptions(output_dir=out))
        run([str(folder)], BatchOptions(output_dir=out, shard=Shard(2, 2)))
        with exclusive(out, Shard(1, 2).lock_name), pytest.raises(Busy):
            run([str(folder)], BatchOptions(output_dir=out, shard=Shard(1, 2)))


@pytest.mark.slow
def test_cli_shard_and_merge(tmp_path: Path, nlp: Language) -> None:
    folder = _folder(tmp_path, 4)
    out = tmp_path / "out"
    runner = CliRunner()
    for number in (1, 2):
        shard = f"{number}/2"
        result = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--shard", shard])
        assert result.exit_code == 0, result.output
        assert f"shard-{number}-of-2" in result.output
    result = runner.invoke(app, ["merge", str(out)])
    assert result.exit_code == 0, result.output
    assert "4 articles" in result.output
    assert len(read_index(out, only=INDEX_NAME)) == 4
    bad = runner.invoke(app, ["batch", str(folder), "-o", str(out), "--shard", "3/2"])
    assert bad.exit_code == ExitCode.USAGE
    assert "I/N" in bad.output
    nothing = runner.invoke(app, ["merge", str(tmp_path)])
    assert nothing.exit_code == ExitCode.NO_INPUT
    assert "no claimx batch index" in nothing.output
