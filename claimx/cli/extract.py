"""`claimx extract`: articles in, claims out (YAML, JSON or JSON Lines) on stdout."""

from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING

import typer

from claimx.cli.options import Lang, Model
from claimx.cli.output import warn
from claimx.errors import PartialFailure, UsageError

if TYPE_CHECKING:
    from claimx.articles import Article


class Format(str, Enum):
    yaml = "yaml"
    json = "json"
    jsonl = "jsonl"


def extract(
    files: list[str] = typer.Argument(None, metavar="FILE", hidden=True),
    output_format: Format = typer.Option(
        Format.yaml,
        "--format",
        "-f",
        help="yaml: a document per article (a stream for several); "
        "json: an object, or an array for several; jsonl: a line per article.",
    ),
    model: Model = None,
    lang: Lang = None,
) -> None:
    """Extract actors, chips, money and claims from news articles.

    FILE: article files (UTF-8, UTF-16 or Windows-1252 text); none or '-': standard input.
    """
    from dataclasses import replace

    from claimx.articles import read_article
    from claimx.errors import InputError

    paths = files or ["-"]
    if paths.count("-") > 1:
        raise UsageError("standard input ('-') can be read only once")
    if "-" in paths and sys.stdin.isatty():
        raise UsageError("no input: give article files or pipe text into `claimx extract`")

    from claimx.api import MAX_CHARS, not_prose, too_long

    articles: list[Article] = []
    failed = 0
    for path in paths:
        try:
            article = read_article(path)
            if len(article.text) > MAX_CHARS:  # this article only: the others are printed
                raise InputError(too_long(article, MAX_CHARS))
            problem = not_prose(article)
            if problem:
                raise InputError(problem)
            articles.append(replace(article, lang=lang.value) if lang else article)
        except InputError as err:
            warn(str(err))
            failed += 1
    if articles:
        _write(articles, output_format, model, several=len(paths) > 1)
    if failed:
        raise PartialFailure()


def _write(
    articles: list[Article], output_format: Format, model: str | None, several: bool
) -> None:
    from claimx.api import cached_pipeline, extract_many
    from claimx.store.serialize import to_json, to_jsonl, to_yaml

    nlp = cached_pipeline(model)
    out = sys.stdout
    documents = (e.to_dict() for e in extract_many(articles, nlp))
    if output_format is Format.json:
        collected = list(documents)
        out.write(to_json(collected if several else collected[0]))
    else:
        for document in documents:
            out.write(to_yaml([document]) if output_format is Format.yaml else to_jsonl(document))
            out.flush()
