"""The articles the desk works on: claims files and batch output folders read through the
store (review decisions joined), or articles extracted on the fly."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from claimx.api import Failure, cached_pipeline, extract_many
from claimx.articles import read_bytes
from claimx.errors import InputError
from claimx.formats import ReadOptions, read_units
from claimx.inputs import discover
from claimx.store import article_text, claims_documents, claims_files
from claimx.store.parse import extraction
from claimx.store.records import Extraction

CLAIMS_SUFFIXES = (".yaml", ".yml")
Report = Callable[[str], None]


@dataclass
class DeskArticle:
    """One article: where it was read, its extraction (decisions joined), its text."""

    file: str
    extraction: Extraction
    text: str | None


def read(
    inputs: Iterable[str], *, model: str | None = None, on_error: Report | None = None
) -> list[DeskArticle]:
    """Every article under `inputs`, in the order given; a file that cannot be read goes to
    `on_error` (InputError without one) and the others are kept."""
    articles: list[DeskArticle] = []
    news: list[str] = []
    for given in inputs:
        path = Path(given)
        if not path.exists():
            raise InputError(f"{given}: no such file or folder")
        if path.is_dir() and any(True for _ in path.rglob("*.yaml")):
            for file in claims_files(path, empty_ok=True):
                articles.extend(_read_claims(file, on_error))
        elif path.is_file() and path.suffix.lower() in CLAIMS_SUFFIXES:
            articles.extend(_read_claims(path, on_error))
        else:
            news.append(given)
    if news:
        articles.extend(_extract(news, model, on_error))
    return articles


def _read_claims(path: Path, on_error: Report | None) -> list[DeskArticle]:
    try:
        return [
            DeskArticle(str(path), extraction(d, str(path)), article_text(path, d))
            for d in claims_documents(path)
        ]
    except InputError as err:
        _report(on_error, str(err))
        return []


def _extract(inputs: list[str], model: str | None, on_error: Report | None) -> list[DeskArticle]:
    """Articles in any format `claimx batch` reads, extracted in this process."""
    files, _ = discover(inputs)
    found = []
    for file in files:
        try:
            units = read_units(read_bytes(file.path), file.rel, file.source, ReadOptions())
        except (InputError, OSError) as err:
            _report(on_error, f"{file.source}: {err}")
            continue
        for unit in units:
            if unit.article is None:
                _report(on_error, f"{unit.key}: {unit.error}")
            else:
                found.append(unit.article)
    out = []
    for article, result in zip(found, extract_many(found, cached_pipeline(model)), strict=True):
        if isinstance(result, Failure):
            _report(on_error, result.message)
        else:
            out.append(DeskArticle(article.source or "-", result, article.text))
    return out


def _report(on_error: Report | None, message: str) -> None:
    if on_error is None:
        raise InputError(message)
    on_error(message)
