"""Input formats: the articles in a news file, whatever its kind.

`.txt` (the whole file), `.md` (YAML front matter for title, date, url, source),
`.html`/`.htm` (main text extracted with trafilatura, metadata from the page),
`.json` (an object, or a list of objects, one article each) and `.jsonl` (one object
per line). Each file gives `Unit`s: an article, or the reason it could not be read.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from email.utils import parsedate_to_datetime
from pathlib import PurePosixPath
from typing import Any

import yaml

from claimx.articles import Article, clean_text, decode
from claimx.errors import InputError
from claimx.store.serialize import load_untrusted_yaml

FORMATS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".json": "json",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
}
DEFAULT_TEXT_FIELDS = ("text", "content", "body", "article", "texte", "contenu")
DEFAULT_META_FIELDS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "titre"),
    "date": ("date", "published", "published_at", "pubDate", "datePublished", "created_at"),
    "url": ("url", "link", "lien"),
    "publisher": ("source", "publisher", "site_name", "media", "outlet"),
}
_CONTAINERS = ("articles", "items", "entries", "records", "results", "data", "documents")
_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.S)
_FRENCH_MONTHS = {
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
}


@dataclass(frozen=True)
class ReadOptions:
    """How to read inputs: JSON fields, the longest text analysed, the language."""

    text_fields: tuple[str, ...] = DEFAULT_TEXT_FIELDS
    meta_fields: Mapping[str, tuple[str, ...]] = field(
        default_factory=lambda: dict(DEFAULT_META_FIELDS)
    )
    max_chars: int = 1_000_000
    lang: str | None = None

    def fingerprint(self) -> dict[str, Any]:
        """What of these options changes the output (for resuming a batch)."""
        return {
            "text_fields": list(self.text_fields),
            "meta_fields": {k: list(v) for k, v in sorted(self.meta_fields.items())},
            "max_chars": self.max_chars,
            "lang": self.lang,
        }


@dataclass
class Unit:
    """One article of an input file, or why it could not be read.

    key: the input as the index names it ("news/a.txt", "feeds/day.jsonl#3");
    name: the output path without extension, relative to the output folder;
    own_text: whether the analysed text differs from the file (HTML, front matter,
    JSON), so that it is saved beside the claims, offsets referring to it.
    """

    key: str
    name: str
    article: Article | None = None
    error: str | None = None
    own_text: bool = False


def format_of(path: str) -> str:
    """The input format for a file name; unknown extensions are read as text."""
    return FORMATS.get(PurePosixPath(path).suffix.lower(), "text")


def read_units(data: bytes, rel: str, source: str, options: ReadOptions) -> list[Unit]:
    """Split one input file's bytes into units.

    rel: the file's path relative to the batch's output tree (POSIX);
    source: the path as given, written as `article.source`.
    """
    kind = format_of(rel)
    try:
        if kind in ("json", "jsonl"):
            return _records(data, rel, source, options, kind)
        text = decode(data, source)
        sha = hashlib.sha256(data).hexdigest()
        if kind == "markdown":
            article, own = _markdown(text, source, sha, options)
        elif kind == "html":
            article, own = _html(text, source, sha, options), True
        else:
            article, own = Article(text=text, source=source, sha256=sha, lang=options.lang), False
        return [_checked(Unit(rel, rel, article, own_text=own), options)]
    except InputError as err:
        return [Unit(rel, rel, error=reason(str(err), source))]


def _markdown(text: str, source: str, sha: str, options: ReadOptions) -> tuple[Article, bool]:
    match = _FRONT_MATTER.match(text)
    if match is None:
        return Article(text=text, source=source, sha256=sha, lang=options.lang), False
    try:
        meta = load_untrusted_yaml(match.group(1)) or {}
    except yaml.YAMLError as err:
        problem = getattr(err, "problem", None) or str(err) or "not YAML"
        raise InputError(f"{source}: invalid front matter ({problem})") from err
    if not isinstance(meta, dict):
        raise InputError(f"{source}: front matter is not a mapping of fields")
    body = text[match.end() :]
    return _article(body, source, sha, meta, options), True


def _html(text: str, source: str, sha: str, options: ReadOptions) -> Article:
    import trafilatura

    page = trafilatura.bare_extraction(
        text, with_metadata=True, include_comments=False, include_tables=False
    )
    body = getattr(page, "text", None) if page is not None else None
    if not body or not body.strip():
        raise InputError(f"{source}: no article text found in the page")
    meta = {
        "title": getattr(page, "title", None),
        "date": getattr(page, "date", None),
        "url": getattr(page, "url", None),
        "source": getattr(page, "sitename", None),
    }
    return _article(body, source, sha, meta, options)


def _records(data: bytes, rel: str, source: str, options: ReadOptions, kind: str) -> list[Unit]:
    text = decode(data, source)
    raw: list[tuple[int, Any, str | None]] = []  # (number, record, parse error)
    if kind == "jsonl":
        for number, line in enumerate(text.splitlines(), 1):
            if not line.strip():
                continue
            try:
                raw.append((number, json.loads(line), None))
            except json.JSONDecodeError as err:
                raw.append((number, None, f"line {number}: invalid JSON ({err.msg})"))
            except RecursionError:  # "[[[[…" 100,000 deep: this line only
                raw.append((number, None, f"line {number}: JSON nested too deeply"))
    else:
        try:
            parsed = json.loads(text)
        except json.JSONDecodeError as err:
            raise InputError(f"{source}: invalid JSON ({err.msg}, line {err.lineno})") from err
        items = parsed if isinstance(parsed, list) else [parsed]
        if isinstance(parsed, dict) and not any(f in parsed for f in options.text_fields):
            # A feed export: {"articles": [...]}, {"items": [...]}…
            lists = [v for k, v in parsed.items() if k in _CONTAINERS and isinstance(v, list)]
            if lists:
                items = lists[0]
        raw = [(number, item, None) for number, item in enumerate(items, 1)]
    if not raw:
        raise InputError(f"{source}: no records")
    units = []
    label = "line" if kind == "jsonl" else "record"
    for number, record, error in raw:
        key, name = f"{rel}#{number}", f"{rel}/{number:05d}"
        if error is None:
            try:
                article = _record(record, f"{source}#{number}", options, f"{label} {number}")
                units.append(_checked(Unit(key, name, article, own_text=True), options))
                continue
            except InputError as err:
                error = str(err)
        units.append(Unit(key, name, error=error))
    return units


def _record(record: Any, source: str, options: ReadOptions, where: str) -> Article:
    if not isinstance(record, dict):
        raise InputError(f"{where}: not a JSON object")
    text = next((record[f] for f in options.text_fields if isinstance(record.get(f), str)), None)
    if text is None:
        raise InputError(f"{where}: no text field (looked for {', '.join(options.text_fields)})")
    text = clean_text(text)  # a "\\ud800" escape: a lone surrogate, as in any input
    sha = hashlib.sha256(text.encode("utf-8")).hexdigest()
    return _article(text, source, sha, record, options)


def _article(
    text: str, source: str, sha: str, meta: Mapping[str, Any], options: ReadOptions
) -> Article:
    def first(name: str) -> Any:
        fields = options.meta_fields.get(name, ())
        return next((meta[f] for f in fields if meta.get(f) not in (None, "")), None)

    def string(value: Any) -> str | None:
        return clean_text(str(value)) if value is not None else None

    return Article(
        text=text,
        source=source,
        sha256=sha,
        title=string(first("title")),
        date=iso_date(first("date")),
        url=string(first("url")),
        publisher=string(first("publisher")),
        lang=string(meta.get("lang") or options.lang or "") or None,
    )


def _checked(unit: Unit, options: ReadOptions) -> Unit:
    article = unit.article
    assert article is not None
    if not article.text.strip():
        return Unit(unit.key, unit.name, error="empty article text")
    if len(article.text) > options.max_chars:
        return Unit(
            unit.key,
            unit.name,
            error=f"too long: {len(article.text):,} characters, over --max-chars "
            f"{options.max_chars:,}",
        )
    return unit


def reason(message: str, source: str) -> str:
    """An error message without the file name the index already shows."""
    prefix = f"{source}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def iso_date(value: Any) -> str | None:
    """A date as ISO 8601, from what news files carry; None when it cannot be read.

    >>> iso_date("15 juillet 2025")
    '2025-07-15'
    >>> iso_date("Tue, 15 Jul 2025 10:00:00 +0200")
    '2025-07-15T10:00:00+02:00'
    """
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if not text:
        return None
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return date.fromisoformat(text).isoformat()
        return datetime.fromisoformat(text.replace("Z", "+00:00")).isoformat()
    except ValueError:
        pass
    french = re.fullmatch(r"(?:\w+\s+)?(\d{1,2})(?:er)?\s+(\w+)\s+(\d{4})", text.lower())
    if french and french.group(2) in _FRENCH_MONTHS:
        day, year = int(french.group(1)), int(french.group(3))
        try:
            return date(year, _FRENCH_MONTHS[french.group(2)], day).isoformat()
        except ValueError:
            return None
    numeric = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if numeric:  # French order: day/month/year
        day, month, year = (int(g) for g in numeric.groups())
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    try:
        return parsedate_to_datetime(text).isoformat()
    except (TypeError, ValueError, IndexError):
        return None
