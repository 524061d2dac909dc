"""A fetched page or feed item as an article file: its main text (through the same
trafilatura reading as batch's `.html` inputs), front matter batch reads (title, date,
url, publisher), and a file name of its own."""

from __future__ import annotations

import calendar
import hashlib
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any
from urllib.parse import unquote, urlsplit

import yaml

from claimx.formats import ReadOptions, iso_date, read_units
from claimx.live.http import FetchFailed, Response

HTML_TYPES = ("text/html", "application/xhtml+xml", "")
SLUG_CHARS = 60


@dataclass(frozen=True)
class Meta:
    """What a feed says about an item, preferred to what the page says about itself."""

    title: str | None = None
    date: str | None = None
    publisher: str | None = None


def page_markdown(response: Response, meta: Meta) -> str:
    """The article of an HTML page as a `.md` file's text; FetchFailed when the page
    holds no article text or is not HTML."""
    if response.content_type not in HTML_TYPES:
        raise FetchFailed(f"not an HTML page ({response.content_type})")
    units = read_units(_utf8(response), "page.html", response.url, ReadOptions())
    unit = units[0]
    if unit.article is None:
        raise FetchFailed(unit.error or "no article text found in the page")
    article = unit.article
    front = {
        "title": _line(meta.title or article.title),
        "date": meta.date or article.date,
        "url": response.url,
        "publisher": _line(meta.publisher or article.publisher or urlsplit(response.url).hostname),
    }
    return markdown(front, article.text)


def markdown(front: dict[str, Any], text: str) -> str:
    """A `.md` file: YAML front matter (safe dump, Unicode unescaped, one line per
    field), then the text."""
    fields = {k: v for k, v in front.items() if v not in (None, "")}
    head = yaml.safe_dump(fields, allow_unicode=True, sort_keys=False, width=1_000_000)
    return f"---\n{head}---\n{text.strip()}\n"


def item_date(entry: Any) -> str | None:
    """A feed item's date as ISO 8601 (UTC, as feedparser normalises it)."""
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return datetime.fromtimestamp(calendar.timegm(parsed), timezone.utc).isoformat()
    return iso_date(entry.get("published") or entry.get("updated"))


def file_name(url: str) -> str:
    """Where a URL's article goes in the output folder: `HOST/SLUG-HASH.md`, the slug
    from the URL's last path segment, the hash of the whole URL keeping two apart."""
    parts = urlsplit(url)
    host = _slug(parts.hostname or "site", 100) or "site"
    if parts.port:
        host += f"-{parts.port}"
    segments = [s for s in unquote(parts.path).split("/") if s]
    last = re.sub(r"\.[A-Za-z0-9]{1,5}$", "", segments[-1]) if segments else "index"
    slug = _slug(last, SLUG_CHARS) or "article"
    tag = hashlib.sha256(url.encode("utf-8", "surrogateescape")).hexdigest()[:10]
    return f"{host}/{slug}-{tag}.md"


def _slug(text: str, limit: int) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:limit].strip("-")


def _line(value: str | None) -> str | None:
    """A title or a name on one line (a front matter field never spans lines)."""
    return " ".join(value.split()) if value else None


def _utf8(response: Response) -> bytes:
    """The body in UTF-8 when the server named another charset (else decoded as batch
    decodes files)."""
    charset = response.charset
    if not charset or charset.lower().replace("-", "") == "utf8":
        return response.body
    try:
        return response.body.decode(charset).encode("utf-8")
    except (LookupError, UnicodeDecodeError):
        return response.body
