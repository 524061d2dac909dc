"""The claimx library API: load the pipeline, extract claims from articles."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from claimx import __version__
from claimx.articles import Article
from claimx.errors import InputError, ModelError
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
    (fr_core_news_md).
    """
    import spacy

    import claimx.components  # noqa: F401  (registers the factories)
    from claimx.components.base import DataComponent

    config = pipeline_config()
    settings = config["claimx"]
    assert isinstance(settings, dict)
    components = config["components"]
    assert isinstance(components, dict)
    base = str(model or settings["base"])
    prime_token_match(base)
    try:
        nlp = spacy.load(base, exclude=list(settings.get("exclude") or []))
    except OSError as err:
        raise ModelError(
            f"spaCy pipeline {base!r} is not installed; install it with "
            f"`pip install {str(base).replace('_', '-')}`"
        ) from err
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
    return next(extract_many([article], nlp))


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


def extract_many(
    articles: Iterable[Article], nlp: Language | None = None, batch_size: int = 16
) -> Iterator[Extraction]:
    """Extract from many articles, streamed through `nlp.pipe` in batches."""
    nlp = nlp or cached_pipeline(None)
    pipeline = {"model": model_label(nlp), "claimx": __version__}

    def checked(items: Iterable[Article]) -> Iterator[tuple[Doc, Article]]:
        for article in items:
            if not article.text.strip():
                raise InputError(f"{article.source}: empty input, nothing to analyse")
            if len(article.text) > nlp.max_length:
                raise InputError(too_long(article, nlp.max_length))
            problem = not_prose(article)
            if problem:
                raise InputError(problem)
            doc = nlp.make_doc(article.text)
            doc._.claimx_lang = article.lang
            doc.user_data["claimx_text"] = article.text  # saves rebuilding it from tokens
            yield doc, article

    for doc, article in nlp.pipe(checked(articles), as_tuples=True, batch_size=batch_size):
        yield to_extraction(doc, article, pipeline)


def to_extraction(doc: Doc, article: Article, pipeline: dict[str, str]) -> Extraction:
    """Wrap a processed doc's claims with the article's metadata."""
    body = doc._.claimx
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
