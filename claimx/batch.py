"""Batch extraction: folders of news files in, one claims file per article out.

`run()` finds the input files, skips those done by an earlier run with the same
options, and extracts the rest, in this process (`jobs=1`) or in worker processes
that each load the pipeline once. Articles go through `nlp.pipe` in batches inside
`nlp.memory_zone()`, so memory stays flat over long runs. Every output file is
written atomically, and the index (`claimx-index.jsonl`, a line per input article)
is appended as work completes: an interrupted run loses nothing already written.
"""

from __future__ import annotations

import fnmatch
import hashlib
import json
import multiprocessing
import os
import signal
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimx import __version__
from claimx.articles import read_bytes
from claimx.errors import ClaimxError, InputError, ModelError
from claimx.files import remove_stale_temps, write_atomic
from claimx.formats import FORMATS, ReadOptions, Unit, read_units, reason

if TYPE_CHECKING:
    from spacy.language import Language

INDEX_NAME = "claimx-index.jsonl"
CHUNK_FILES = 16


@dataclass(frozen=True)
class InputFile:
    """A file to read: where it is, how it was given, its place in the output tree."""

    path: str
    source: str
    rel: str


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
class BatchOptions:
    """Everything that decides what a batch run does."""

    output_dir: Path | None  # None: stream YAML documents to the caller
    model: str | None = None
    jobs: int = 1
    force: bool = False
    read: ReadOptions = field(default_factory=ReadOptions)
    batch_size: int = 16

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
    """The outcome of a run: one entry per input article, and what was ignored."""

    entries: list[Entry]
    ignored: list[str]
    seconds: float

    def count(self, status: str) -> int:
        return sum(1 for e in self.entries if e.status == status)

    @property
    def failed(self) -> list[Entry]:
        return [e for e in self.entries if e.status == "failed"]


# -- finding inputs ------------------------------------------------------------


def discover(
    inputs: Iterable[str], globs: Iterable[str] = (), excludes: Iterable[str] = ()
) -> tuple[list[InputFile], list[str]]:
    """The files to read under `inputs`, and those ignored (other extensions, hidden).

    One folder mirrors its tree into the output; several inputs are kept apart under
    their own names. Raise InputError for an input that does not exist.
    """
    inputs = list(inputs)
    globs, excludes = list(globs), list(excludes)
    found: list[InputFile] = []
    ignored: list[str] = []
    for given in inputs:
        path = Path(given)
        if not path.exists():
            raise InputError(f"{given}: no such file or folder")
        prefix = "" if len(inputs) == 1 else _safe_name(path) + "/"
        if path.is_file():
            found.append(InputFile(str(path), given, prefix or path.name))
            continue
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            rel = file.relative_to(path).as_posix()
            if any(part.startswith(".") for part in file.relative_to(path).parts):
                continue  # hidden files and folders, our own temporary files
            if globs and not any(_matches(rel, g) for g in globs):
                continue
            if any(_matches(rel, e) for e in excludes):
                continue
            if not globs and file.suffix.lower() not in FORMATS:
                ignored.append(str(file))
                continue
            found.append(InputFile(str(file), str(file), prefix + rel))
    return found, ignored


def _matches(rel: str, pattern: str) -> bool:
    return fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel.rsplit("/", 1)[-1], pattern)


def _safe_name(path: Path) -> str:
    name = path.resolve().name
    return name or "root"


# -- the index -----------------------------------------------------------------


def read_index(output_dir: Path) -> dict[str, Entry]:
    """The last entry of each input in an output folder's index."""
    index = output_dir / INDEX_NAME
    entries: dict[str, Entry] = {}
    if index.is_file():
        for line in index.read_text(encoding="utf-8").splitlines():
            entry = Entry.from_json(line)
            if entry is not None:
                entries[entry.input] = entry
    return entries


def _entry_line(entry: Entry) -> str:
    return json.dumps(asdict(entry), ensure_ascii=False, sort_keys=False) + "\n"


# -- running -------------------------------------------------------------------


def run(
    inputs: Iterable[str],
    options: BatchOptions,
    *,
    globs: Iterable[str] = (),
    excludes: Iterable[str] = (),
    on_progress: Callable[[Progress], None] | None = None,
    on_document: Callable[[str], None] | None = None,
) -> Report:
    """Extract claims from every article under `inputs`.

    on_progress: called after each chunk of files; on_document: receives each YAML
    document, in input order, when `options.output_dir` is None (streaming).
    """
    started = time.monotonic()
    files, ignored = discover(inputs, globs, excludes)
    out = options.output_dir
    previous: dict[str, Entry] = {}
    if out is not None:
        if out.exists() and not out.is_dir():
            raise ClaimxError(f"{out}: exists and is not a folder")
        out.mkdir(parents=True, exist_ok=True)
        remove_stale_temps(out)
        previous = read_index(out)
    fingerprint = options.fingerprint()
    progress = Progress(files_total=len(files))
    entries: dict[str, list[Entry]] = {}
    todo: list[InputFile] = []
    for file in files:
        kept = _unchanged(file, previous, fingerprint, out) if not options.force else None
        if kept is None:
            todo.append(file)
        else:
            entries[file.rel] = [_as_skipped(e) for e in kept]
            progress.files_done += 1
            progress.skipped += len(kept)
    if on_progress is not None:
        on_progress(progress)

    index = (out / INDEX_NAME).open("a", encoding="utf-8") if out is not None else None
    try:
        # Workers take chunks of files; many small ones keep them busy to the end.
        size = (
            CHUNK_FILES
            if options.jobs <= 1
            else max(1, min(CHUNK_FILES, len(todo) // (options.jobs * 16)))
        )
        chunks = [todo[i : i + size] for i in range(0, len(todo), size)]
        pending: dict[int, list[str]] = {}
        next_to_stream = 0
        for number, (done, documents) in _process(chunks, options, fingerprint, previous):
            for entry in done:
                entries.setdefault(entry.file, []).append(entry)
                if index is not None:
                    index.write(_entry_line(entry))
            if index is not None:
                index.flush()
            progress.files_done += len({e.file for e in done})
            progress.articles += sum(1 for e in done if e.status == "done")
            progress.failed += sum(1 for e in done if e.status == "failed")
            if on_document is not None:  # stream in input order
                pending[number] = documents
                while next_to_stream in pending:
                    for document in pending.pop(next_to_stream):
                        on_document(document)
                    next_to_stream += 1
            if on_progress is not None:
                on_progress(progress)
    finally:
        if index is not None:
            index.close()
    ordered = [e for file in files for e in sorted(entries.get(file.rel, []), key=_order)]
    if out is not None:
        # Compact: one line per input, this run's in input order, then the earlier runs'
        # entries for files this run did not look at (another --glob, say).
        seen = {file.rel for file in files}
        others = [e for e in previous.values() if e.file not in seen]
        write_atomic(out / INDEX_NAME, "".join(_entry_line(e) for e in [*ordered, *others]))
    return Report(ordered, ignored, time.monotonic() - started)


def _order(entry: Entry) -> tuple[int, str]:
    _, _, number = entry.input.partition("#")
    return (int(number) if number.isdigit() else 0, entry.input)


def _unchanged(
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


def _as_skipped(entry: Entry) -> Entry:
    if entry.status in ("done", "skipped"):
        return Entry(**{**asdict(entry), "status": "skipped"})
    return entry


def _process(
    chunks: list[list[InputFile]],
    options: BatchOptions,
    fingerprint: str,
    previous: dict[str, Entry],
) -> Iterator[tuple[int, tuple[list[Entry], list[str]]]]:
    """(chunk number, result) as chunks complete, in worker processes when jobs > 1."""
    if not chunks:
        return
    jobs = max(1, min(options.jobs, len(chunks)))
    outputs: dict[str, set[str]] = {}  # the outputs an earlier run wrote, by input file
    for entry in previous.values():
        if entry.output:
            outputs.setdefault(entry.file, set()).add(entry.output)

    def owned(chunk: list[InputFile]) -> set[str]:
        return set().union(*(outputs.get(f.rel, set()) for f in chunk))

    if jobs == 1:
        from claimx.api import cached_pipeline

        nlp = cached_pipeline(options.model)
        for number, chunk in enumerate(chunks):
            yield number, process_chunk(nlp, chunk, options, fingerprint, owned(chunk))
        return
    context = multiprocessing.get_context("spawn")  # explicit: fork would copy a loaded model
    pool = context.Pool(jobs, initializer=_init_worker, initargs=(options.model,))
    try:
        work = [
            (number, chunk, options, fingerprint, owned(chunk))
            for number, chunk in enumerate(chunks)
        ]
        yield from pool.imap_unordered(_work, work)
        pool.close()
    except BaseException:
        pool.terminate()  # Ctrl-C or an error: stop the workers now
        raise
    finally:
        pool.join()


_WORKER_NLP: Language | None = None
_WORKER_ERROR: str | None = None


def _init_worker(model: str | None) -> None:
    """Load the pipeline once per worker; the parent process handles Ctrl-C.

    A failure is kept for the first task to report: an initializer that raises makes
    the pool start new workers for ever.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    global _WORKER_NLP, _WORKER_ERROR
    from claimx.api import load_pipeline

    try:
        _WORKER_NLP = load_pipeline(model)
    except Exception as err:  # reported by _work, in the parent
        _WORKER_ERROR = str(err) or type(err).__name__


def _work(
    args: tuple[int, list[InputFile], BatchOptions, str, set[str]],
) -> tuple[int, tuple[list[Entry], list[str]]]:
    number, chunk, options, fingerprint, owned = args
    if _WORKER_NLP is None:
        raise ModelError(_WORKER_ERROR or "the pipeline did not load")
    return number, process_chunk(_WORKER_NLP, chunk, options, fingerprint, owned)


def process_chunk(
    nlp: Language,
    chunk: list[InputFile],
    options: BatchOptions,
    fingerprint: str,
    owned: set[str],
) -> tuple[list[Entry], list[str]]:
    """Read, extract and write a few files; return their index entries (and the YAML
    documents when streaming)."""
    from claimx.api import extract_many
    from claimx.serialize import to_yaml

    units: list[tuple[InputFile, os.stat_result | None, Unit]] = []
    for file in chunk:
        stat, file_units = _read(file, options.read)
        units.extend((file, stat, unit) for unit in file_units)
    entries: list[Entry] = []
    documents: list[str] = []
    good = [(f, s, u) for f, s, u in units if u.article is not None]
    with nlp.memory_zone():
        results = _extract_each(nlp, [u.article for _, _, u in good], options, extract_many)
    done = {id(u): r for (_, _, u), r in zip(good, results, strict=True)}
    for file, stat, unit in units:
        entry = Entry(
            input=unit.key,
            status="failed",
            file=file.rel,
            size=stat.st_size if stat else 0,
            mtime_ns=stat.st_mtime_ns if stat else 0,
            options=fingerprint,
        )
        result = done.get(id(unit))
        if unit.error is not None or result is None:
            entry.error = unit.error or "not analysed"
        elif isinstance(result, str):
            entry.error = result
        else:
            document = result
            entry.actors = len(document["actors"])
            entry.chips = len(document["chips"])
            entry.money = len(document["money"])
            entry.claims = len(document["claims"])
            text = to_yaml([document])
            if options.output_dir is None:
                documents.append(text)
                entry.status = "done"
            else:
                entry.output = unit.name + ".yaml"
                problem = _write_outputs(options, unit, text, owned)
                if problem is None:
                    entry.status = "done"
                else:
                    entry.output, entry.error = None, problem
        entries.append(entry)
    return entries, documents


def _read(file: InputFile, read: ReadOptions) -> tuple[os.stat_result | None, list[Unit]]:
    try:
        stat = os.stat(file.path)
    except OSError as err:
        return None, [Unit(file.rel, file.rel, error=f"cannot read ({err.strerror})")]
    try:
        data = read_bytes(file.path)
    except InputError as err:
        return stat, [Unit(file.rel, file.rel, error=reason(str(err), file.path))]
    try:
        return stat, read_units(data, file.rel, file.source, read)
    except Exception as err:  # a parser's own failure (HTML, YAML…): this file only
        return stat, [Unit(file.rel, file.rel, error=f"unreadable ({type(err).__name__}: {err})")]


def _extract_each(
    nlp: Language, articles: list[Any], options: BatchOptions, extract_many: Any
) -> list[dict[str, Any] | str]:
    """Output documents (or an error message each), batch by batch; a batch that fails
    is retried one article at a time so that one bad article costs only itself."""
    results: list[dict[str, Any] | str] = []
    for start in range(0, len(articles), options.batch_size):
        batch = articles[start : start + options.batch_size]
        try:
            results.extend(
                e.to_dict() for e in extract_many(batch, nlp, batch_size=options.batch_size)
            )
        except Exception:
            for article in batch:
                try:
                    results.append(next(extract_many([article], nlp)).to_dict())
                except Exception as err:
                    results.append(f"extraction failed: {type(err).__name__}: {err}")
    return results


def _write_outputs(
    options: BatchOptions, unit: Unit, yaml_text: str, owned: set[str]
) -> str | None:
    """Write the claims, and the analysed text when it is not the file's; None or a problem."""
    out = options.output_dir
    assert out is not None and unit.article is not None
    target = out / (unit.name + ".yaml")
    if target.exists() and not options.force and unit.name + ".yaml" not in owned:
        return f"{target} exists and was not written by claimx batch (use --force)"
    try:
        if unit.own_text:
            write_atomic(out / (unit.name + ".txt"), unit.article.text)
        write_atomic(target, yaml_text)
    except OSError as err:
        return f"cannot write {target} ({err.strerror})"
    return None
