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


EXAMPLES = """\
claimx extract examples/export-controls-denial.txt
    the claims of an article, as YAML
claimx extract --format jsonl news/*.txt > claims.jsonl
    several articles, a JSON line each
pdftotext rapport.pdf - | claimx extract -
    text from standard input
"""


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

    from claimx.api import MAX_CHARS, refusal

    articles: list[Article] = []
    failed = 0
    for path in paths:
        try:
            article = read_article(path)
        except InputError as err:
            warn(str(err))
            failed += 1
            continue
        problem = refusal(article, MAX_CHARS)  # said before the pipeline loads
        if problem:
            warn(problem)
            failed += 1
        else:
            articles.append(replace(article, lang=lang.value) if lang else article)
    if articles:
        failed += _write(articles, output_format, model, several=len(paths) > 1)
    if failed:
        raise PartialFailure()


def _write(articles: list[Article], output_format: Format, model: str | None, several: bool) -> int:
    """Extract and print each article (its failure said on stderr); return the failures."""
    from claimx.api import Failure, cached_pipeline, extract_many
    from claimx.store.serialize import to_json, to_jsonl, to_yaml

    out = sys.stdout
    collected = []
    failed = 0
    for result in extract_many(articles, cached_pipeline(model)):
        if isinstance(result, Failure):
            warn(result.message)
            failed += 1
        elif output_format is Format.json:
            collected.append(result.to_dict())
        else:
            document = result.to_dict()
            out.write(to_yaml([document]) if output_format is Format.yaml else to_jsonl(document))
            out.flush()
    if output_format is Format.json and collected:
        out.write(to_json(collected if several else collected[0]))
    return failed
