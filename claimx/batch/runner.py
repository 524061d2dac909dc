"""`run()`: skip what is unchanged, extract the rest, keep the index."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from claimx.batch.pool import in_workers
from claimx.batch.state import (
    CHUNK_FILES,
    BatchOptions,
    Entry,
    Progress,
    Report,
    as_skipped,
    entry_line,
    order_key,
    read_index,
    shard_indexes,
    shard_locks,
    unchanged,
)
from claimx.batch.worker import process_chunk
from claimx.errors import NoInput, OutputError
from claimx.inputs import InputFile, discover, renamed
from claimx.store.files import exclusive, remove_stale_temps, write_atomic
from claimx.store.layout import INDEX_NAME


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
    out = options.output_dir
    if out is None:
        return _run(inputs, options, globs, excludes, on_progress, on_document)
    if out.exists() and not out.is_dir():
        raise OutputError(f"{out}: exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
        # Two batches on one folder would rewrite each other's index; the shards of one
        # batch share the folder, each holding its own shard's lock.
        # The workers hold the locks too: a lock is free when every process of this
        # batch has ended (`claimx.batch.lifetime`).
        with exclusive(out, shared=options.shard is not None) as lock:
            if options.shard is None:
                return _run(inputs, options, globs, excludes, on_progress, on_document, (lock,))
            with exclusive(out, options.shard.lock_name) as own:
                return _run(inputs, options, globs, excludes, on_progress, on_document, (lock, own))
    except OSError as err:  # the folder, its lock or its index: nothing more can be kept
        where = err.filename or out
        raise OutputError(
            f"{where}: cannot write ({err.strerror or err}); the claims written so far are "
            "kept: run the same command again to finish"
        ) from None


def merge_indexes(out: Path) -> int:
    """Merge the indexes of the shard runs in `out` into its index; return its entries."""
    if not (out / INDEX_NAME).is_file() and not shard_indexes(out):
        raise NoInput(f"{out}: no claimx batch index here")
    with exclusive(out):
        entries = sorted(read_index(out).values(), key=lambda e: (e.file.split("/"), order_key(e)))
        write_atomic(out / INDEX_NAME, "".join(entry_line(e) for e in entries))
        _drop_shard_files(out)
        remove_stale_temps(out)
    return len(entries)


def _drop_shard_files(out: Path) -> None:
    """Remove the shards' indexes, merged, and their lock files. Called with the folder's
    lock held exclusively: a shard takes its own lock only while it shares the folder's,
    so that no shard is at work and none can take a lock file removed here."""
    for name in [*shard_indexes(out), *shard_locks(out)]:
        (out / name).unlink(missing_ok=True)


def _run(
    inputs: Iterable[str],
    options: BatchOptions,
    globs: Iterable[str],
    excludes: Iterable[str],
    on_progress: Callable[[Progress], None] | None,
    on_document: Callable[[str], None] | None,
    locks: tuple[int, ...] = (),
) -> Report:
    started = time.monotonic()
    inputs = list(inputs)
    files, ignored = discover(inputs, globs, excludes, options.output_dir)
    shard = options.shard
    if shard is not None:
        files = [file for file in files if shard.holds(file.rel)]
    out = options.output_dir
    previous: dict[str, Entry] = {}
    if out is not None:
        if shard is None:  # a shard leaves the others' temporary files alone
            remove_stale_temps(out)
        previous = read_index(out)
    fingerprint = options.fingerprint()
    progress = Progress(files_total=len(files))
    entries: dict[str, list[Entry]] = {}
    todo = _to_do(files, options, previous, progress, entries)
    if on_progress is not None:
        on_progress(progress)

    index = (out / options.index_name).open("a", encoding="utf-8") if out is not None else None
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
        for number, (done, documents) in _process(chunks, options, fingerprint, previous, locks):
            for entry in done:
                entries.setdefault(entry.file, []).append(entry)
                if index is not None:
                    index.write(entry_line(entry))
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
    ordered = [e for file in files for e in sorted(entries.get(file.rel, []), key=order_key)]
    if out is not None:
        _compact(out, options, files, ordered, previous)
    return Report(ordered, ignored, time.monotonic() - started, renamed(inputs))


def _to_do(
    files: list[InputFile],
    options: BatchOptions,
    previous: dict[str, Entry],
    progress: Progress,
    entries: dict[str, list[Entry]],
) -> list[InputFile]:
    """The files to extract; those unchanged since an earlier run keep their entries."""
    fingerprint = options.fingerprint()
    todo: list[InputFile] = []
    for file in files:
        kept = None if options.force else unchanged(file, previous, fingerprint, options.output_dir)
        if kept is None:
            todo.append(file)
        else:
            entries[file.rel] = [as_skipped(e) for e in kept]
            progress.files_done += 1
            progress.skipped += len(kept)
    return todo


def _compact(
    out: Path,
    options: BatchOptions,
    files: list[InputFile],
    ordered: list[Entry],
    previous: dict[str, Entry],
) -> None:
    """Compact the index: one line per input, this run's in input order, then the earlier
    runs' entries for files this run did not look at (another --glob, say). A shard's
    index keeps its own earlier entries only; a whole run merges the shards'."""
    seen = {file.rel for file in files}
    shard = options.shard
    earlier = previous if shard is None else read_index(out, only=options.index_name)
    others = [e for e in earlier.values() if e.file not in seen]
    write_atomic(out / options.index_name, "".join(entry_line(e) for e in [*ordered, *others]))
    if shard is None:
        _drop_shard_files(out)


def _process(
    chunks: list[list[InputFile]],
    options: BatchOptions,
    fingerprint: str,
    previous: dict[str, Entry],
    locks: tuple[int, ...],
) -> Iterator[tuple[int, tuple[list[Entry], list[str]]]]:
    """(chunk number, result) as chunks complete, in worker processes when jobs > 1
    (which hold the folder's `locks` while they live)."""
    if not chunks:
        return
    jobs = max(1, min(options.jobs, len(chunks)))
    outputs: dict[str, set[str]] = {}  # the outputs an earlier run wrote, by input file
    for entry in previous.values():
        if entry.output:
            outputs.setdefault(entry.file, set()).add(entry.output)

    def owned(chunk: list[InputFile]) -> set[str]:
        return set().union(*(outputs.get(f.rel, set()) for f in chunk))

    if jobs == 1 and options.engine == "local":
        from claimx.api import cached_pipeline

        nlp = cached_pipeline(options.model)
        for number, chunk in enumerate(chunks):
            yield number, process_chunk(nlp, chunk, options, fingerprint, owned(chunk))
        return
    tasks = [
        (number, chunk, options, fingerprint, owned(chunk)) for number, chunk in enumerate(chunks)
    ]
    if options.engine == "dask":
        from claimx.batch.dask_engine import on_dask

        yield from on_dask(tasks, jobs, options.scheduler)
        return
    yield from in_workers(tasks, jobs, options.model, locks)
