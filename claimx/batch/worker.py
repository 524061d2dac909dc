"""Extracting one chunk of files: in this process or a worker that loaded the pipeline once."""

from __future__ import annotations

import os
import signal
from typing import TYPE_CHECKING, Any

from claimx.articles import read_bytes
from claimx.batch.lifetime import Inherited, end_with
from claimx.batch.state import BatchOptions, Entry
from claimx.errors import InputError, ModelError
from claimx.formats import ReadOptions, Unit, read_units, reason
from claimx.inputs import InputFile
from claimx.store.decisions import keep_inline
from claimx.store.files import write_atomic
from claimx.store.layout import claims_path, text_copy
from claimx.store.machine import write_claims
from claimx.store.reader import written_for
from claimx.store.serialize import to_yaml

if TYPE_CHECKING:
    from spacy.language import Language

# The pipeline of a worker process, loaded once by `init_worker`.
_WORKER_NLP: Language | None = None
_WORKER_ERROR: str | None = None


def init_worker(model: str | None, parent: int, held: tuple[Inherited, ...] = ()) -> None:
    """Load the pipeline once per worker; the parent process handles Ctrl-C. The worker
    ends with its parent and holds the output folder's locks (`held`) until it ends.

    A failure is kept for the first task to report: an initializer that raises makes
    the pool start new workers for ever.
    """
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    end_with(parent, held)
    global _WORKER_NLP, _WORKER_ERROR
    from claimx.api import load_pipeline

    try:
        _WORKER_NLP = load_pipeline(model)
    except Exception as err:  # reported by work_on, in the parent
        _WORKER_ERROR = str(err) or type(err).__name__


def work_on(
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
    from claimx.api import Failure, extract_many

    units: list[tuple[InputFile, os.stat_result | None, Unit]] = []
    for file in chunk:
        stat, file_units = _read(file, options.read)
        units.extend((file, stat, unit) for unit in file_units)
    good = [u for _, _, u in units if u.article is not None]
    articles = [u.article for u in good if u.article is not None]
    with nlp.memory_zone():  # one path for every article: its extraction or its failure
        results = [
            reason(r.message, r.article.source) if isinstance(r, Failure) else r.to_dict()
            for r in extract_many(articles, nlp, batch_size=options.batch_size)
        ]
    done = {id(u): r for u, r in zip(good, results, strict=True)}
    entries: list[Entry] = []
    documents: list[str] = []
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
            text = _record(entry, options, unit, result, owned)
            if text is not None:
                documents.append(text)
        entries.append(entry)
    return entries, documents


def _record(
    entry: Entry, options: BatchOptions, unit: Unit, document: dict[str, Any], owned: set[str]
) -> str | None:
    """Fill in a done entry and write its outputs; the YAML text when streaming."""
    entry.actors = len(document["actors"])
    entry.chips = len(document["chips"])
    entry.money = len(document["money"])
    entry.claims = len(document["claims"])
    text = to_yaml([document])
    if options.output_dir is None:
        entry.status = "done"
        return text
    entry.output = unit.name + ".yaml"
    problem, retry = _write_outputs(options, unit, (document, text), owned)
    if problem is None:
        entry.status = "done"
    else:
        entry.output, entry.error = None, problem
    if retry:  # no space, no permission: the next run tries this file again
        entry.size = entry.mtime_ns = 0
    return None


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
        problem = " ".join(f"{type(err).__name__}: {err}".split())  # one line
        return stat, [Unit(file.rel, file.rel, error=f"unreadable ({problem})")]


def _write_outputs(
    options: BatchOptions, unit: Unit, claims: tuple[dict[str, Any], str], owned: set[str]
) -> tuple[str | None, bool]:
    """Write the claims (the document and its YAML) and the analysed text; (None or a
    problem, whether a later run should try again). Review decisions are in their own
    file, which a rerun leaves alone: the store joins them to the new claims (only those
    an earlier claimx wrote inside the claims file are moved out first)."""
    out = options.output_dir
    assert out is not None and unit.article is not None
    target = claims_path(out, unit.name)
    try:
        mine = unit.name + ".yaml" in owned or written_for(target, unit.article.source)
        if target.exists() and not options.force and not mine:
            return f"{target} exists and was not written by claimx batch (use --force)", False
        keep_inline(target)
        # The text the offsets refer to, beside the claims, for every kind of input: a
        # claims folder moved or shared stays readable without the inputs.
        write_atomic(text_copy(target), unit.article.text)
        write_claims(target, [claims[0]], claims[1])
    except OSError as err:
        return f"cannot write {target} ({err.strerror})", True
    return None, False
