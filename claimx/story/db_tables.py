"""A claimx database's articles, actors, chips and money tables for `claimx summary`, by
GROUP BY in SQLite: the rows `summary` makes of the articles, in the same order (ties in
the order each was first found, articles by file and document). Needs the temporary
table `art` (`db_summary`: each article's file, outlet and rank, its file's number)."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

_SHIFT = 1 << 32  # a row's place: its article's rank, then its id
_ARTICLES = """
SELECT a.file, a.title, a.date, a.url, a.publisher,
    (SELECT count(*) FROM claims c WHERE c.article_id = a.id)
FROM articles a JOIN temp.art r ON r.id = a.id ORDER BY r.rank
"""
_ACTORS = f"""
SELECT g.key, x.name, x.kind, x.wikidata, g.files, g.mentions, g.cited, g.outlets
FROM (SELECT x.key AS key, min(r.rank * {_SHIFT} + x.id) AS place,
        count(DISTINCT r.fileno) AS files, sum(coalesce(x.mentions, 0)) AS mentions,
        sum(coalesce(x.cited, 0)) AS cited,
        json_group_array(DISTINCT r.outlet) FILTER (WHERE x.cited > 0) AS outlets
    FROM actors x JOIN temp.art r ON r.id = x.article_id GROUP BY x.key) g
JOIN actors x ON x.id = g.place % {_SHIFT}
ORDER BY g.place
"""
_CHIPS = f"""
SELECT x.name, min(r.rank * {_SHIFT} + x.id) AS place, x.vendor, count(*),
    sum(coalesce(x.mentions, 0))
FROM chips x JOIN temp.art r ON r.id = x.article_id GROUP BY x.name ORDER BY place
"""
_AMOUNT = "CASE WHEN typeof(x.amount) IN ('integer', 'real') THEN x.amount END"
_MONEY = f"""
SELECT {_AMOUNT} AS value, x.currency, min(r.rank * {_SHIFT} + x.id) AS place,
    count(DISTINCT r.fileno)
FROM money x JOIN temp.art r ON r.id = x.article_id GROUP BY value, x.currency ORDER BY place
"""
_TEXTS = f"""
SELECT {_AMOUNT} AS value, x.currency, x.text, min(r.rank * {_SHIFT} + x.id) AS place
FROM money x JOIN temp.art r ON r.id = x.article_id GROUP BY value, x.currency, x.text
ORDER BY place
"""


def tables(connection: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    """The summary's `articles`, `actors`, `chips` and `money`."""
    articles = [
        {"file": f, "title": t, "date": d, "url": u, "publisher": p, "claims": n}
        for f, t, d, u, p, n in connection.execute(_ARTICLES)
    ]
    return {
        "articles": articles,
        "actors": _actors(connection),
        "chips": _chips(connection),
        "money": _money(connection),
    }


def _actors(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = [
        {
            "name": name,
            "kind": kind,
            "wikidata": wikidata,
            "articles": files,
            "mentions": mentions,
            "cited": cited,
            "outlets": sorted(o for o in json.loads(outlets) if o is not None),
        }
        for _, name, kind, wikidata, files, mentions, cited, outlets in connection.execute(_ACTORS)
    ]
    return sorted(rows, key=lambda r: (-r["articles"], -r["cited"], r["name"]))


def _chips(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    rows = [
        {"name": name, "vendor": vendor, "articles": count, "mentions": mentions}
        for name, _, vendor, count, mentions in connection.execute(_CHIPS)
    ]
    return sorted(rows, key=lambda r: (-r["articles"], r["name"]))


def _money(connection: sqlite3.Connection) -> list[dict[str, Any]]:
    texts: dict[tuple[Any, Any], list[str]] = {}
    for amount, currency, text, _ in connection.execute(_TEXTS):
        texts.setdefault((amount, currency), []).append(text)
    rows = [
        {
            "amount": amount,
            "currency": currency,
            "articles": files,
            "texts": texts[(amount, currency)],
        }
        for amount, currency, _, files in connection.execute(_MONEY)
    ]
    return sorted(rows, key=lambda r: (-r["articles"], r["currency"] or "", r["amount"] or 0))
