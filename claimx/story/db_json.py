"""The appearances of a database's recurring claims as JSON text made in SQLite, and the
summary's JSON spliced from it: the bytes `json.dumps(summary, ensure_ascii=False,
separators=(",", ":"))` gives, without a Python object per appearance.

An appearance is `summary.appearance` of its claim: fields of its article, of its row
(claim id, place, review) and of its variant (text, source, modality, stance, figures: the
same for every copy). Python renders each article's fields and each variant's once
(`json.dumps`); SQLite joins them with each row's own fields, its text quoted by
`json_quote` (checked on each connection to escape as the JSON writer does, else
`json.dumps` itself as a SQL function), a float by Python."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

DUMPS = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
ROW_FIELDS = ("claim", "start", "end", "review")  # a row's own, beside its article's
_NUMBER = "CASE typeof({0}) WHEN 'real' THEN claimx_json({0}) ELSE {1}({0}) END"
_REVIEW = "CASE WHEN {0} IS NULL OR {0} = '' THEN 'null' ELSE {1}({0}) END"
# SQLite's json_quote escapes text as the JSON writer does (checked on each connection:
# `prepare`); a number is written as Python writes it; a float by Python itself
_QUOTE, _PYTHON = "json_quote", "claimx_json"


def slots(quote: str) -> dict[str, str]:
    """A row's own fields as JSON (from the temporary table `members`, m), its text
    quoted by the SQL function `quote`; its article's fields (`a.json`)."""
    return {
        "article": "a.json",
        "claim": f"{quote}(m.local)",
        "start": _NUMBER.format("m.start", quote),
        "end": _NUMBER.format("m.stop", quote),
        "review": _REVIEW.format("m.review", quote),
    }


_PROBE = "".join(map(chr, range(0x80))) + "é€’\u2028\u2029\U0001f600\ufeff\x85\xa0"


@dataclass(frozen=True)
class Rendered:
    """A JSON array's items as UTF-8 text (`[` and `]` left out)."""

    text: bytes

    def value(self) -> list[Any]:
        found: list[Any] = json.loads(b"[" + self.text + b"]")
        return found


def prepare(connection: sqlite3.Connection) -> str:
    """Make the SQL function `claimx_json` (`json.dumps`) and return the function that
    quotes text as the JSON writer does: SQLite's `json_quote` when it gives the same
    text on a probe of every ASCII character and a few others, else `claimx_json`."""
    connection.create_function(_PYTHON, 1, DUMPS, deterministic=True)
    found = connection.execute(f"SELECT {_QUOTE}(?)", (_PROBE,)).fetchone()[0]
    return _QUOTE if found == DUMPS(_PROBE) else _PYTHON


def template(shown: Mapping[str, Any], article: Mapping[str, Any]) -> Template:
    """An appearance `shown` as constant JSON text around slots, in its key order: `article`
    for its article's fields (together, as `article_info` gives them), a row field's name
    for the row's; the variant's own fields are written into the text."""
    texts, names, separator = [""], list[str](), "{"
    for key, value in shown.items():
        if key in article:
            if names and names[-1] == "article" and texts[-1] == "":
                continue  # the article's next field: in its slot already
            if "article" in names:
                raise ValueError(f"an appearance's fields out of order: {list(shown)}")
            texts[-1] += separator
            names.append("article")
            texts.append("")
        else:
            texts[-1] += f"{separator}{DUMPS(key)}:"
            if key in ROW_FIELDS:
                names.append(key)
                texts.append("")
            else:
                texts[-1] += DUMPS(value)
        separator = ","
    texts[-1] += "}"
    return Template(tuple(texts), tuple(names))


@dataclass(frozen=True)
class Template:
    """An appearance's JSON: `texts[0]`, the first slot's value, `texts[1]`... the last text."""

    texts: tuple[str, ...]
    slots: tuple[str, ...]


def fragment_sql(layout: Sequence[str], quote: str, *, merged: bool = False) -> str:
    """The SQL expression of an appearance's JSON text, its variant's texts in the columns
    t0, t1… of `v`, its article's fields in `a.json`, its row in `m` (`temp.members`),
    text quoted by `quote` (`prepare`); `merged`: `a.json` holds t0 and t1 around the
    article's fields (the same for every variant: `merged_ends`): two concatenations
    fewer an appearance."""
    parts, fields = ["v.t0"], slots(quote)
    for number, slot in enumerate(layout, 1):
        parts += [f"({fields[slot]})", f"v.t{number}"]
    if merged:
        parts[:3] = ["a.json"]
    return " || ".join(parts)


def merged_ends(layout: Sequence[str], templates: Iterable[Template]) -> tuple[str, str] | None:
    """The texts before and after an appearance's article fields when they come first and
    every template has the same (keys only: the variant's own fields come later)."""
    ends = {t.texts[:2] for t in templates}
    if not layout or layout[0] != "article" or len(ends) != 1:
        return None
    ((before, after),) = ends
    return before, after


def article_json(info: Mapping[str, Any]) -> str:
    """An article's fields in an appearance, as JSON without braces."""
    return DUMPS(dict(info))[1:-1]


def summary_json(summary: Mapping[str, Any]) -> bytes:
    """A summary as one line of JSON (UTF-8), its recurring claims' appearances lists or
    `Rendered` text: the line `json.dumps(summary, ensure_ascii=False, separators=(",",
    ":"))` writes of it with the appearances as lists (`to_jsonl`)."""
    parts = [b"{"]
    for number, (key, value) in enumerate(summary.items()):
        parts.append(f"{',' if number else ''}{DUMPS(key)}:".encode())
        if key == "recurring":
            parts.append(b"[")
            for place, item in enumerate(value):
                parts.append(b"," if place else b"")
                parts += _item(item)
            parts.append(b"]")
        else:
            parts.append(DUMPS(value).encode())
    parts.append(b"}\n")
    return b"".join(parts)


def _item(item: Mapping[str, Any]) -> list[bytes]:
    """A recurring claim's JSON, its appearances as they are if `Rendered`."""
    parts = [b"{"]
    for number, (key, value) in enumerate(item.items()):
        parts.append(f"{',' if number else ''}{DUMPS(key)}:".encode())
        if isinstance(value, Rendered):
            parts += [b"[", value.text, b"]"]
        else:
            parts.append(DUMPS(value).encode())
    parts.append(b"}")
    return parts
