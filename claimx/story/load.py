"""The articles a summary is about: claims files, batch output folders, claimx databases,
or articles extracted on the fly."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

from claimx.errors import InputError
from claimx.store import INDEX_NAME, article_text, claims_documents, claims_files
from claimx.store.machine import has_copy
from claimx.story.db_read import read_database
from claimx.story.records import ArticleClaims, from_document

DB_SUFFIXES = (".db", ".sqlite", ".sqlite3")
PARALLEL_FROM = 100  # claims files read from YAML per worker process, at least


def collect(
    inputs: Iterable[str],
    *,
    model: str | None = None,
    on_error: Callable[[str], None] | None = None,
    keep: bool = False,
) -> list[ArticleClaims]:
    """Every article under `inputs`; a file that cannot be read is passed to `on_error`
    (or raises InputError when there is no `on_error`) and the others are kept. With
    `keep`, each article keeps its output document and its text (for reports)."""
    articles: list[ArticleClaims] = []
    news: list[str] = []
    for given in inputs:
        path = Path(given)
        if not path.exists():
            raise InputError(f"{given}: no such file or folder")
        if path.suffix.lower() in DB_SUFFIXES:
            articles.extend(read_database(path))
        elif path.is_dir() and _holds_claims(path):
            articles.extend(_read_many(claims_files(path, empty_ok=True), on_error, keep))
        elif path.is_file() and path.suffix.lower() in (".yaml", ".yml"):
            articles.extend(_read_claims(path, on_error, keep, in_folder=False))
        else:
            news.append(given)
    if news:
        articles.extend(_extract(news, model, on_error, keep))
    return articles


def _read_many(
    files: list[Path], on_error: Callable[[str], None] | None, keep: bool
) -> list[ArticleClaims]:
    """Claims files read in worker processes when many have no machine copy (one per core);
    from their copies they read faster here than worker processes start (measured: 1,000
    files, 1.6 s here against 4.4 s in two workers)."""
    from_yaml = sum(1 for file in files if not has_copy(file))
    jobs = min(os.cpu_count() or 1, from_yaml // PARALLEL_FROM)
    if jobs <= 1:
        return [a for file in files for a in _read_claims(file, on_error, keep)]
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    size = max(1, len(files) // (jobs * 8))
    chunks = [files[i : i + size] for i in range(0, len(files), size)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context) as pool:
        results = list(pool.map(_read_chunk, chunks, [keep] * len(chunks)))
    articles: list[ArticleClaims] = []
    for found, problems in results:
        articles.extend(found)
        for problem in problems:
            _report(on_error, problem)
    return articles


def _read_chunk(files: list[Path], keep: bool) -> tuple[list[ArticleClaims], list[str]]:
    problems: list[str] = []
    return [a for f in files for a in _read_claims(f, problems.append, keep)], problems


def _holds_claims(folder: Path) -> bool:
    """A batch output, or a folder with claimx's claims files in it; a folder of articles
    (beside their gold files, say) is extracted instead."""
    if (folder / INDEX_NAME).exists():
        return True
    return any(has_copy(f) or _claims_head(f) for f in claims_files(folder, empty_ok=True))


def _claims_head(path: Path) -> bool:
    """Whether a YAML file begins as claimx's output does (a `claimx:` format line)."""
    try:
        with path.open("rb") as file:
            head = file.read(512).decode("utf-8", errors="replace")
    except OSError:
        return False
    return any(line.startswith("claimx:") for line in head.splitlines()[:3])


def _read_claims(
    path: Path, on_error: Callable[[str], None] | None, keep: bool, in_folder: bool = True
) -> list[ArticleClaims]:
    """The articles of a claims file; one found in a folder (a batch output) gets its
    machine copy if an earlier claimx wrote it without one."""
    try:
        return [
            from_document(d, str(path), keep, article_text(path, d) if keep else None)
            for d in claims_documents(path, keep_copy=in_folder)
        ]
    except (InputError, KeyError, TypeError, AttributeError) as err:
        _report(
            on_error, str(err) if isinstance(err, InputError) else f"{path}: malformed claims file"
        )
        return []


def _extract(
    inputs: list[str], model: str | None, on_error: Callable[[str], None] | None, keep: bool
) -> list[ArticleClaims]:
    """Articles (any format `claimx batch` reads), extracted in this process."""
    from claimx.api import Failure, cached_pipeline, extract_many
    from claimx.articles import read_bytes
    from claimx.formats import ReadOptions, read_units
    from claimx.inputs import discover

    files, _ = discover(inputs)
    articles = []
    for file in files:
        try:
            units = read_units(read_bytes(file.path), file.rel, file.source, ReadOptions())
        except (InputError, OSError) as err:
            units = []
            _report(on_error, f"{file.source}: {err}")
        for unit in units:
            if unit.article is None:
                _report(on_error, f"{unit.key}: {unit.error}")
            else:
                articles.append(unit.article)
    found = []
    results = extract_many(articles, cached_pipeline(model))
    for article, result in zip(articles, results, strict=True):  # one result per article
        if isinstance(result, Failure):
            _report(on_error, result.message)
        else:
            found.append(from_document(result.to_dict(), article.source or "-", keep, article.text))
    return found


def _report(on_error: Callable[[str], None] | None, message: str) -> None:
    if on_error is None:
        raise InputError(message)
    on_error(message)
