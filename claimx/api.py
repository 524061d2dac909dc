"""The claimx library API: load the pipeline, extract claims from articles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING

from claimx import __version__
from claimx.articles import Article
from claimx.claims import doc_claims
from claimx.errors import InputError, ModelError
from claimx.repetition import repetitive
from claimx.resources import models_dir
from claimx.store.records import ArticleInfo, Extraction
from claimx.token_match import prime as prime_token_match

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc


def pipeline_config() -> dict[str, object]:
    """The pipeline definition `models/pipeline.cfg`, interpolated."""
    from thinc.api import Config

    return dict(Config().from_disk(models_dir() / "pipeline.cfg"))


def load_pipeline(model: str | None = None) -> Language:
    """Load a base spaCy pipeline and add the claimx components to it.

    model: name or path of the base pipeline; default from `models/pipeline.cfg`
    (fr_core_news_md). A pipeline saved with `nlp.to_disk` (claimx components included)
    is loaded as it is, as fast as the default.
    """
    import spacy

    import claimx.components.factories  # noqa: F401  (registers the factories)
    from claimx.components.base import DataComponent

    config = pipeline_config()
    settings = config["claimx"]
    assert isinstance(settings, dict)
    components = config["components"]
    assert isinstance(components, dict)
    base = str(model or settings["base"])
    # The fast token_match, filed under the base's own pattern; a pipeline claimx saved
    # (nlp.to_disk) holds the fast pattern already, and the stock one is still compiled
    # when spaCy's French module is imported: file it under the stock model's.
    prime_token_match(base) or prime_token_match(str(settings["base"]))
    try:
        nlp = spacy.load(base, exclude=list(settings.get("exclude") or []))
    except OSError as err:
        raise ModelError(_missing_model(base)) from err
    if set(settings["after"]) <= set(nlp.pipe_names):  # saved with its claimx components
        return nlp
    added = []
    for name in settings["before_parser"]:
        where = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
        added.append(nlp.add_pipe(name, config=dict(components.get(name) or {}), **where))
    for name in settings["after"]:
        added.append(nlp.add_pipe(name, config=dict(components.get(name) or {})))
    for component in added:
        if isinstance(component, DataComponent):
            component.initialize(nlp=nlp)  # its data files, from models/
    nlp.meta.setdefault("claimx", __version__)
    return nlp


def _missing_model(base: str) -> str:
    """What to do about a base pipeline spaCy cannot load: a folder, or a package name."""
    if "/" in base or "\\" in base or base.startswith(".") or Path(base).exists():
        return f"no spaCy pipeline at {base} (a folder written by nlp.to_disk, with config.cfg)"
    package = base.replace("_", "-")
    return f"spaCy pipeline {base!r} is not installed; install it with `pip install {package}`"


@lru_cache(maxsize=4)
def cached_pipeline(model: str | None = None) -> Language:
    """`load_pipeline(model)`, loaded once per process."""
    return load_pipeline(model)


def model_label(nlp: Language) -> str:
    """The base pipeline as written in the output: "fr_core_news_md 3.8.0"."""
    return f"{nlp.meta.get('lang', '')}_{nlp.meta.get('name', '')} {nlp.meta.get('version', '')}"


def extract(
    text: str | Article,
    nlp: Language | None = None,
    *,
    source: str = "-",
    lang: str | None = None,
) -> Extraction:
    """Extract actors, chips, money and claims from one article.

    lang: the article's language when it differs from the pipeline's ("en" reads
    "billion" as 10^9 and "1,500" as 1500).
    """
    article = text if isinstance(text, Article) else Article.from_text(text, source, lang)
    result = next(extract_many([article], nlp))
    if isinstance(result, Failure):
        raise InputError(result.message)
    return result


MAX_CHARS = 1_000_000  # spaCy's own limit for one doc (`nlp.max_length`)


def too_long(article: Article, limit: int) -> str:
    """The message for an article longer than the pipeline reads in one piece."""
    return (
        f"{article.source}: {len(article.text):,} characters, over the limit of {limit:,}; "
        "split it into parts"
    )


# spaCy's tokenizer splits punctuation off a word one character at a time: a run without
# spaces holding thousands of punctuation marks ("[[[…]]]", a minified script) takes
# minutes, quadratically. No prose has one.
MAX_RUN_PUNCTUATION = 500
_RUN = re.compile(rf"\S{{{MAX_RUN_PUNCTUATION},}}")


def not_prose(article: Article) -> str | None:
    """The message for a text the tokenizer would take minutes over, or None."""
    for run in _RUN.finditer(article.text):
        marks = sum(1 for ch in run.group() if not ch.isalnum())
        if marks > MAX_RUN_PUNCTUATION:
            return (
                f"{article.source}: not prose: {len(run.group()):,} characters without a space, "
                f"{marks:,} of them punctuation, at character {run.start():,}; nothing analysed"
            )
    return None


@dataclass(frozen=True)
class Failure:
    """An article `extract_many` could not analyse, and why (a message naming it)."""

    article: Article
    message: str


def refusal(article: Article, max_length: int) -> str | None:
    """Why an article is not analysed at all (empty, too long, not prose, repetitive), or
    None."""
    if not article.text.strip():
        return f"{article.source}: empty input, nothing to analyse"
    if len(article.text) > max_length:
        return too_long(article, max_length)
    return not_prose(article) or repetitive(article)


def extract_many(
    articles: Iterable[str | Article], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[Extraction | Failure]:
    """Extract from many articles (texts or `Article`s), streamed through `nlp.pipe` in
    batches: one result per article, in order, its extraction or its `Failure`; never
    raises mid-stream. A batch the pipeline fails on is run again an article at a time, so
    one bad article costs only itself. A text's source is its place: "#1", "#2"…"""
    nlp = nlp or cached_pipeline(None)
    pipeline = {"model": model_label(nlp), "claimx": __version__}
    stream = (
        a if isinstance(a, Article) else Article.from_text(a, f"#{n}")
        for n, a in enumerate(articles, 1)
    )
    while batch := list(islice(stream, batch_size)):
        yield from _extract_batch(nlp, batch, pipeline, batch_size)


def _extract_batch(
    nlp: Language, batch: list[Article], pipeline: dict[str, str], batch_size: int
) -> list[Extraction | Failure]:
    refused = {n: Failure(a, p) for n, a in enumerate(batch) if (p := refusal(a, nlp.max_length))}
    ready = [a for n, a in enumerate(batch) if n not in refused]
    done: list[Extraction | Failure]
    try:
        docs = ((_make_doc(nlp, a), a) for a in ready)
        done = [
            to_extraction(doc, article, pipeline)
            for doc, article in nlp.pipe(docs, as_tuples=True, batch_size=batch_size)
        ]
    except Exception:  # one article broke the batch: find which, the others are kept
        done = [_extract_one(nlp, a, pipeline) for a in ready]
    found = iter(done)
    return [refused[n] if n in refused else next(found) for n in range(len(batch))]


def _extract_one(nlp: Language, article: Article, pipeline: dict[str, str]) -> Extraction | Failure:
    try:
        return to_extraction(nlp(_make_doc(nlp, article)), article, pipeline)
    except Exception as err:  # a failure of the pipeline on this text: this article only
        return Failure(article, f"{article.source}: extraction failed: {type(err).__name__}: {err}")


def _make_doc(nlp: Language, article: Article) -> Doc:
    doc = nlp.make_doc(article.text)
    doc._.claimx_lang = article.lang
    doc.user_data["claimx_text"] = article.text  # saves rebuilding it from tokens
    return doc


def to_extraction(doc: Doc, article: Article, pipeline: dict[str, str]) -> Extraction:
    """Wrap a processed doc's claims with the article's metadata."""
    body = doc_claims(doc)
    info = ArticleInfo(
        source=article.source,
        sha256=article.sha256,
        lang=article.lang or str(doc.lang_),
        chars=len(doc.text),
        title=article.title,
        date=article.date,
        url=article.url,
        publisher=article.publisher,
    )
    return Extraction(
        info,
        dict(pipeline),
        body.actors,
        body.chips,
        body.money,
        body.claims,
        body.percentages,
    )
