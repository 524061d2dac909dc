"""A claimx database's articles, actors, chips and money tables for `claimx summary`, by
GROUP BY in SQLite: the rows `summary` makes of the articles, in the same order (ties in
the order each was first found, articles by file and document). Needs the temporary
table `art` (`ART`: each article's file, outlet and rank, its file's number).

`claimx db` keeps the actors, chips and money tables it makes so (`keep_tables`, the
table `summary_tables`: 0.8 s of a summary of 10,000 articles), and any change to the
rows they are made of drops them (`KEEP_TRIGGERS`: a hand edit, another program's
insert); the summary makes them again when none are kept, or those kept are not of this
format or not well formed."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

KEPT_FORMAT = 1  # of the tables `db` keeps, in summary_tables.format
ART = (
    """CREATE TEMP TABLE art (
    id INTEGER PRIMARY KEY, file TEXT, outlet TEXT, rank INTEGER, dated INTEGER, fileno INTEGER)""",
    """INSERT INTO temp.art SELECT id, file, coalesce(nullif(publisher, ''), file),
    row_number() OVER (ORDER BY file, doc),
    dense_rank() OVER (ORDER BY coalesce(date, '') = '', coalesce(date, ''), file),
    dense_rank() OVER (ORDER BY file)
    FROM articles""",
)
KEEP_TABLE = """
CREATE TABLE IF NOT EXISTS summary_tables (
    name TEXT PRIMARY KEY, format INTEGER NOT NULL, json TEXT NOT NULL);
"""
_CHANGES = [(t, e) for t in ("actors", "chips", "money") for e in ("INSERT", "UPDATE", "DELETE")]
_CHANGES += [("articles", "DELETE"), ("articles", "UPDATE OF file, doc, publisher")]
KEEP_TRIGGERS = "".join(
    f"CREATE TRIGGER IF NOT EXISTS [{table}_{event.split()[0].lower()}_unkeep] AFTER {event}"
    f" ON [{table}] BEGIN\n  DELETE FROM summary_tables;\nEND;\n"
    for table, event in _CHANGES
)
_KEPT = {  # each kept table's rows' keys
    "actors": {"name", "kind", "wikidata", "articles", "mentions", "cited", "outlets"},
    "chips": {"name", "vendor", "articles", "mentions"},
    "money": {"amount", "currency", "articles", "texts"},
}
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
    """The summary's `articles`, `actors`, `chips` and `money` (the last three as `db`
    kept them, if it did)."""
    articles = [
        {"file": f, "title": t, "date": d, "url": u, "publisher": p, "claims": n}
        for f, t, d, u, p, n in connection.execute(_ARTICLES)
    ]
    return {"articles": articles, **(kept_tables(connection) or _grouped(connection))}


def keep_tables(connection: sqlite3.Connection) -> None:
    """Make the actors, chips and money tables and keep them in `summary_tables` (in the
    transaction the caller holds: `claimx db`, once its rows are written)."""
    connection.execute("DROP TABLE IF EXISTS temp.art")
    for statement in ART:
        connection.execute(statement)
    try:  # rows edited by hand into what JSON cannot hold: none kept, made by the summary
        text = json.dumps(_grouped(connection), ensure_ascii=False, separators=(",", ":"))
    except (TypeError, ValueError):
        text = None
    connection.execute("DROP TABLE temp.art")
    connection.execute("DELETE FROM summary_tables")
    if text is None:
        return
    connection.execute(
        "INSERT INTO summary_tables (name, format, json) VALUES ('tables', ?, ?)",
        (KEPT_FORMAT, text),
    )


def kept_tables(connection: sqlite3.Connection) -> dict[str, list[dict[str, Any]]] | None:
    """The actors, chips and money tables `db` kept, if it kept them in this format and
    they are well formed (a table's rows with their keys), else None."""
    known = connection.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'summary_tables'"
    ).fetchone()
    row = (
        known
        and connection.execute(
            "SELECT json FROM summary_tables WHERE name = 'tables' AND format = ?", (KEPT_FORMAT,)
        ).fetchone()
    )
    if not row or not isinstance(row[0], str):
        return None
    try:
        found = json.loads(row[0])
    except ValueError:
        return None
    if not isinstance(found, dict) or set(found) != set(_KEPT):
        return None
    for name, keys in _KEPT.items():
        rows = found[name]
        if not isinstance(rows, list) or any(
            not isinstance(r, dict) or set(r) != keys for r in rows
        ):
            return None
    return {name: found[name] for name in _KEPT}


def _grouped(connection: sqlite3.Connection) -> dict[str, list[dict[str, Any]]]:
    """The actors, chips and money tables, made by GROUP BY (needs `temp.art`)."""
    return {
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
