"""What a batch run knows: its inputs, options, index entries and progress."""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from claimx import __version__
from claimx.formats import ReadOptions
from claimx.inputs import InputFile
from claimx.store.layout import (
    INDEX_NAME,
    SHARD_INDEXES,
    SHARD_LOCKS,
    shard_index_name,
    shard_lock_name,
)

CHUNK_FILES = 16


@dataclass
class Entry:
    """One line of the index: what became of one input article."""

    input: str
    status: str  # done | skipped | failed
    output: str | None = None
    error: str | None = None
    actors: int = 0
    chips: int = 0
    money: int = 0
    claims: int = 0
    file: str = ""
    size: int = 0
    mtime_ns: int = 0
    options: str = ""

    @classmethod
    def from_json(cls, line: str) -> Entry | None:
        try:
            data = json.loads(line)
            return cls(**{k: v for k, v in data.items() if k in cls.__dataclass_fields__})
        except (json.JSONDecodeError, TypeError, AttributeError):
            return None  # a line cut short by a kill, or not ours


@dataclass(frozen=True)
class Shard:
    """Shard `number` of `count` (1-based, `--shard 2/3`): the input files whose relative
    path hashes to it, so that N plain jobs together do one run's work."""

    number: int
    count: int

    @classmethod
    def parse(cls, text: str) -> Shard:
        number, slash, count = text.partition("/")
        try:
            shard = cls(int(number), int(count))
        except ValueError:
            shard = cls(0, 0)
        if not slash or not 1 <= shard.number <= shard.count:
            raise ValueError(f"--shard takes I/N with 1 <= I <= N (e.g. 2/3); got {text!r}")
        return shard

    def holds(self, rel: str) -> bool:
        digest = hashlib.sha256(rel.encode("utf-8", "surrogateescape")).digest()
        return int.from_bytes(digest[:8], "big") % self.count == self.number - 1

    @property
    def index_name(self) -> str:
        return shard_index_name(self.number, self.count)

    @property
    def lock_name(self) -> str:
        return shard_lock_name(self.number, self.count)


@dataclass(frozen=True)
class BatchOptions:
    """Everything that decides what a batch run does."""

    output_dir: Path | None  # None: stream YAML documents to the caller
    model: str | None = None
    jobs: int = 1
    force: bool = False
    read: ReadOptions = field(default_factory=ReadOptions)
    batch_size: int = 16
    engine: str = "local"  # local | dask: where chunks run, never what they give
    scheduler: str | None = None  # a Dask scheduler's address; None: a LocalCluster
    shard: Shard | None = None

    @property
    def index_name(self) -> str:
        return self.shard.index_name if self.shard else INDEX_NAME

    def fingerprint(self) -> str:
        """A digest of what changes the output: unchanged inputs with it are skipped."""
        data = {"claimx": __version__, "model": self.model, "read": self.read.fingerprint()}
        return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


@dataclass
class Progress:
    """Where a run is: passed to the caller's callback after each chunk of files."""

    files_total: int
    files_done: int = 0
    articles: int = 0
    failed: int = 0
    skipped: int = 0
    started: float = field(default_factory=time.monotonic)

    @property
    def rate(self) -> float:
        """Articles per second so far."""
        return self.articles / max(time.monotonic() - self.started, 1e-9)


@dataclass
class Report:
    """The outcome of a run: one entry per input article, what was ignored, and the inputs
    given another name in the output tree (another input bears theirs)."""

    entries: list[Entry]
    ignored: list[str]
    seconds: float
    renamed: list[tuple[str, str]] = field(default_factory=list)

    def count(self, status: str) -> int:
        return sum(1 for e in self.entries if e.status == status)

    @property
    def failed(self) -> list[Entry]:
        return [e for e in self.entries if e.status == "failed"]


def read_index(output_dir: Path, only: str | None = None) -> dict[str, Entry]:
    """The last entry of each input in an output folder's index and in the indexes of
    its shard runs not merged yet (or in the index named `only`)."""
    names = [only] if only else [INDEX_NAME, *shard_indexes(output_dir)]
    entries: dict[str, Entry] = {}
    for name in names:
        index = output_dir / name
        if index.is_file():
            for line in index.read_text(encoding="utf-8").splitlines():
                entry = Entry.from_json(line)
                if entry is not None:
                    entries[entry.input] = entry
    return entries


def shard_indexes(output_dir: Path) -> list[str]:
    """The names of the shard runs' indexes in an output folder."""
    return sorted(p.name for p in output_dir.glob(SHARD_INDEXES) if p.is_file())


def shard_locks(output_dir: Path) -> list[str]:
    """The names of the shard runs' lock files in an output folder."""
    return sorted(p.name for p in output_dir.glob(SHARD_LOCKS) if p.is_file())


def entry_line(entry: Entry) -> str:
    """An index line. The index says what became of each article, done or failed, whichever
    run did it: a file skipped as unchanged is written as done (as an uninterrupted run
    writes it); `skipped` is a run's report only."""
    data = asdict(entry)
    if data["status"] == "skipped":
        data["status"] = "done"
    return json.dumps(data, ensure_ascii=False, sort_keys=False) + "\n"


def order_key(entry: Entry) -> tuple[int, str]:
    _, _, number = entry.input.partition("#")
    return (int(number) if number.isdigit() else 0, entry.input)


def unchanged(
    file: InputFile, previous: dict[str, Entry], fingerprint: str, out: Path | None
) -> list[Entry] | None:
    """The previous entries of a file not modified since, with the same options."""
    if out is None:
        return None
    try:
        stat = os.stat(file.path)
    except OSError:
        return None
    kept = [
        e
        for key, e in previous.items()
        if e.file == file.rel and (key == file.rel or key.startswith(file.rel + "#"))
    ]
    if not kept:
        return None
    for entry in kept:
        same = (entry.size, entry.mtime_ns, entry.options) == (
            stat.st_size,
            stat.st_mtime_ns,
            fingerprint,
        )
        if not same:
            return None
        if entry.status != "failed" and not (entry.output and (out / entry.output).is_file()):
            return None
    return kept


def as_skipped(entry: Entry) -> Entry:
    if entry.status in ("done", "skipped"):
        return Entry(**{**asdict(entry), "status": "skipped"})
    return entry
