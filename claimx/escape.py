"""Escaping for where a value goes. Everything a report, CSV or JSON-LD takes from a claims
file, an article or its front matter is untrusted (claims folders are shared and edited by
hand): each output escapes it here, and only here.

- HTML: `text()` for element content, `attr()` for a quoted attribute value;
- CSV: `cell()`, a formula-like text neutralized as OWASP advises (a leading `'`), and
  `csv_text()`, rows written with every cell so;
- JSON in a script element: `script_json()`, with `<`, `>`, `&` as `\\u003c`...;
- urls: `web_url()` keeps http(s) urls only (no `javascript:`, `data:` or file paths).
"""

from __future__ import annotations

import csv
import html
import io
import json
from typing import Any
from urllib.parse import urlsplit

BOM = "\ufeff"  # spreadsheet programs read a CSV file as UTF-8 only with it
# A spreadsheet runs a cell beginning with one of these as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Characters that could close a script element or open markup, and the line separators that
# older JavaScript parsers read as line ends: each as its JSON \u escape.
SCRIPT_SAFE = str.maketrans({c: f"\\u{ord(c):04x}" for c in "<>&\u2028\u2029"})


def text(value: object) -> str:
    """`value` as HTML element content."""
    return html.escape("" if value is None else str(value), quote=False)


def attr(value: object) -> str:
    """`value` as a double- or single-quoted HTML attribute value."""
    return html.escape("" if value is None else str(value), quote=True)


def cell(value: Any) -> Any:
    """A CSV cell: None empty, a text a spreadsheet would run as a formula with a leading
    `'`; numbers as they are."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_text(rows: list[dict[str, Any]], columns: list[str], *, bom: bool = False) -> str:
    """CSV text quoted as spreadsheets expect (with a BOM when `bom`, for a file meant for a
    spreadsheet program); None as an empty cell, formula-like text neutralized."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: cell(row.get(k)) for k in columns})
    return (BOM if bom else "") + buffer.getvalue()


def script_json(document: object) -> str:
    """Pretty JSON (Unicode unescaped) that cannot break out of an HTML script element."""
    return json.dumps(document, ensure_ascii=False, indent=2).translate(SCRIPT_SAFE) + "\n"


def web_url(url: object) -> str | None:
    """`url` if it is an absolute http(s) url, else None."""
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    if any(ch.isspace() or ord(ch) < 32 for ch in url):
        return None
    return url
