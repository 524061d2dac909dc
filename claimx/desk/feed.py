"""Fact-checks to match claims against, read from a file of ClaimReview objects: a JSON
array, a schema.org DataFeed (its `dataFeedElement`, each a ClaimReview or a DataFeedItem
holding some), JSON Lines, or the SQLite index `claimx match --save-index` writes. Everything
read is untrusted: an object that is not a ClaimReview with a claim is counted and skipped,
a url that is not http(s) dropped."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from claimx.errors import InputError
from claimx.store.decisions import web_url

MAX_FEED_BYTES = 512 * 1024 * 1024


@dataclass(frozen=True)
class FactCheck:
    """One ClaimReview, as much of it as matching and display need."""

    number: int  # its place in the feed, from 0
    claim: str  # claimReviewed
    url: str | None = None
    rating: str | None = None  # reviewRating.alternateName
    date: str | None = None
    publisher: str | None = None  # the fact-checker (author.name)
    speaker: str | None = None  # who made the claim (itemReviewed.author.name)


@dataclass
class Feed:
    """The fact-checks of a feed, and how many objects were not ones."""

    checks: list[FactCheck]
    skipped: int = 0


def read_feed(path: Path) -> Feed:
    """The fact-checks in a JSON or JSON Lines file; InputError when it cannot be read."""
    try:
        if path.stat().st_size > MAX_FEED_BYTES:
            raise InputError(f"{path}: over {MAX_FEED_BYTES // 2**20} MB, not read")
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read ({err})") from None
    objects = list(_objects(text, path))
    checks: list[FactCheck] = []
    skipped = 0
    for item in objects:
        found = fact_check(item, len(checks))
        if found is None:
            skipped += 1
        else:
            checks.append(found)
    return Feed(checks, skipped)


def _objects(text: str, path: Path) -> Iterator[Any]:
    """The ClaimReview candidates of a JSON document or a JSON Lines file."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        data = None
        lines = [line for line in text.splitlines() if line.strip()]
        try:
            data = [json.loads(line) for line in lines]
        except json.JSONDecodeError as err:
            raise InputError(f"{path}: neither JSON nor JSON Lines ({err.msg})") from None
    yield from _unwrap(data)


def _unwrap(data: Any, depth: int = 0) -> Iterator[Any]:
    """ClaimReview objects out of arrays, DataFeeds, DataFeedItems and @graph lists."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data:
            yield from _unwrap(item, depth + 1)
    elif isinstance(data, dict):
        kind = data.get("@type")
        if kind == "DataFeed" or "dataFeedElement" in data:
            yield from _unwrap(data.get("dataFeedElement"), depth + 1)
        elif "@graph" in data:
            yield from _unwrap(data.get("@graph"), depth + 1)
        elif kind == "DataFeedItem" or ("item" in data and "claimReviewed" not in data):
            yield from _unwrap(data.get("item"), depth + 1)
        else:
            yield data
    else:
        yield data


def fact_check(data: Any, number: int) -> FactCheck | None:
    """A ClaimReview object as a FactCheck; None when it is not one with a claim."""
    if not isinstance(data, dict) or "ClaimReview" not in _types(data.get("@type")):
        return None
    claim = _text(data.get("claimReviewed"))
    if not claim:
        return None
    rating = data.get("reviewRating")
    item = data.get("itemReviewed")
    return FactCheck(
        number,
        claim,
        web_url(data.get("url")),
        _text(rating.get("alternateName")) if isinstance(rating, dict) else None,
        _text(data.get("datePublished")),
        _name(data.get("author")),
        _name(item.get("author")) if isinstance(item, dict) else None,
    )


def _types(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value.rsplit("/", 1)[-1]]
    if isinstance(value, list):
        return [v.rsplit("/", 1)[-1] for v in value if isinstance(v, str)]
    return []


def _text(value: Any, limit: int = 2000) -> str | None:
    """A string field, trimmed and bounded; None for anything else."""
    if not isinstance(value, str) or not value.strip():
        return None
    return " ".join(value.split())[:limit]


def _name(value: Any) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        return _text(value.get("name"), 200)
    return _text(value, 200)
