"""Where things are in a claims folder: claims files, their text copies and side files,
the batch index and its shard indexes, the lock; and the one rule for which `*.yaml`
files of a folder are claims files."""

from __future__ import annotations

from pathlib import Path

from claimx.errors import InputError

CLAIMS_SUFFIX = ".yaml"  # `NAME.yaml` holds the claims of the input `NAME`
TEXT_SUFFIX = ".txt"  # `NAME.txt` beside it: the text its offsets refer to
INDEX_NAME = "claimx-index.jsonl"
SHARD_INDEXES = "claimx-index.shard-*.jsonl"  # one per `--shard I/N` run, until merged
LOCK_NAME = ".claimx-lock"
SHARD_LOCKS = ".claimx-lock.shard-*-of-*"  # one per `--shard I/N` run, until merged
TEMP_MARK = ".claimx-tmp-"
DECISIONS_SUFFIX = ".decisions.yaml"  # `NAME.yaml.decisions.yaml`: its review decisions
ORPHANS_MARK = ".reviews-"  # `NAME.yaml.reviews-STAMP.yaml`: orphans, by claimx 0.2 and before


def claims_path(folder: Path, name: str) -> Path:
    """The claims file of the input named `name` (its path in the output tree)."""
    return folder / (name + CLAIMS_SUFFIX)


def text_copy(claims: Path) -> Path:
    """The text copy beside a claims file: `NAME.txt` for `NAME.yaml`."""
    return claims.with_suffix(TEXT_SUFFIX)


def copy_path(claims: Path) -> Path:
    """The writer's machine copy of a claims file (JSON, hidden): `.NAME.yaml.json`."""
    return claims.with_name(f".{claims.name}.json")


def decisions_path(claims: Path) -> Path:
    """The side file of a claims file's review decisions."""
    return claims.with_name(claims.name + DECISIONS_SUFFIX)


def stamp(claims: Path) -> tuple[int, int]:
    """(size, mtime_ns) of a claims file with its decisions: it changes when either does
    (OSError when the claims file cannot be read)."""
    stat = claims.stat()
    try:
        side = decisions_path(claims).stat()
    except FileNotFoundError:
        return stat.st_size, stat.st_mtime_ns
    return stat.st_size + side.st_size, max(stat.st_mtime_ns, side.st_mtime_ns)


def shard_index_name(number: int, count: int) -> str:
    return f"claimx-index.shard-{number}-of-{count}.jsonl"


def shard_lock_name(number: int, count: int) -> str:
    return f"{LOCK_NAME}.shard-{number}-of-{count}"


def is_side_file(path: Path) -> bool:
    """Whether a `*.yaml` file of a claims folder is one of claimx's side files."""
    return ORPHANS_MARK in path.name or path.name.endswith(CLAIMS_SUFFIX + DECISIONS_SUFFIX)


def claims_files(target: Path, *, empty_ok: bool = False) -> list[Path]:
    """The claims files under a folder (a batch output), sorted; or the file itself.
    Hidden files and folders below `target` and side files are left out; the folder
    itself may be anywhere (`../out`). InputError when there are none (unless
    `empty_ok`)."""
    if target.is_file():
        return [target]
    if not target.is_dir():
        raise InputError(f"{target}: no such file or folder")
    found = [
        path
        for path in sorted(target.rglob("*" + CLAIMS_SUFFIX))
        if not is_side_file(path)
        and not any(part.startswith(".") for part in path.relative_to(target).parts)
    ]
    if not found and not empty_ok:
        raise InputError(f"{target}: no claims files (*.yaml) in this folder")
    return found
