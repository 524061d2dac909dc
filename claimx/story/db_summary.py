"""`claimx summary` of a claimx database, aggregated in SQLite: the same summary as of the
claims files loaded into it, without every claim read into Python.

Candidate pairs of recurring claims come from the event keys `claimx db` stores
(`db_index`): the words rare by document frequency (counted over `article_words`) and the
keys every claim has whatever the collection, each verbatim copy class once, each claim
paired with the latest `max_postings` claims sharing a key, as `compare.candidates` does.
Only the first claim of each copy class paired or found in several articles is read, then
linked (complete linkage), then every copy of the classes that group or say something
alone (a claim in no group changes no other group); their groups and contradictions are
`summary`'s, so the summary is the files' one. The tables (articles, actors, chips,
money) are `db_tables`' GROUP BY queries. A database of schema 2 (no event keys) is
summarized the slow way, every claim read."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from claimx.story.db import SCHEMA_VERSION, database_error, statements
from claimx.story.db_read import open_database, read_articles
from claimx.story.db_rows import read_claims
from claimx.story.db_tables import tables
from claimx.story.events import Event, Rarity, event_of, rare_limits
from claimx.story.records import ClaimRow, settings
from claimx.story.summary import group, linked_groups, says_something, story, summarize

_ORDER = """
CREATE TEMP TABLE art (id INTEGER PRIMARY KEY, file TEXT, outlet TEXT, rank INTEGER);
INSERT INTO temp.art SELECT id, file, coalesce(nullif(publisher, ''), file),
    row_number() OVER (ORDER BY file, doc) FROM articles;
CREATE TEMP TABLE ordered (n INTEGER PRIMARY KEY, claim INTEGER, article INTEGER, copy TEXT);
INSERT INTO temp.ordered SELECT row_number() OVER (ORDER BY a.rank, c.id), c.id,
    c.article_id, c.copy_key FROM claims c JOIN temp.art a ON a.id = c.article_id;
CREATE TEMP TABLE firsts AS SELECT copy, min(n) AS n, count(DISTINCT article) AS articles
    FROM temp.ordered GROUP BY copy;
CREATE INDEX temp.firsts_copy ON firsts (copy);
"""
_COMMON = """
CREATE TEMP TABLE common AS SELECT word FROM article_words GROUP BY word HAVING count(*) > ?
"""
_KEYS = """
CREATE INDEX temp.common_word ON common (word);
CREATE TEMP TABLE ranked AS SELECT n, key, row_number() OVER (PARTITION BY key ORDER BY n) AS r
    FROM (SELECT f.n AS n, k.key AS key FROM temp.firsts f JOIN temp.ordered o ON o.n = f.n
          JOIN claim_keys k ON k.claim_id = o.claim
          WHERE k.rare = 0 OR k.key NOT IN (SELECT word FROM temp.common));
CREATE INDEX temp.ranked_key ON ranked (key, r);
"""
_PAIRS = """
SELECT a.n, b.n FROM temp.ranked a JOIN temp.ranked b ON b.key = a.key AND b.r > a.r
    AND b.r <= a.r + ? GROUP BY a.n, b.n HAVING count(*) >= ?
"""
_FIRSTS = """
CREATE TEMP TABLE wanted AS SELECT o.n AS n, o.claim AS claim, o.article AS article,
    o.copy AS copy, f.articles AS articles FROM temp.ordered o JOIN temp.firsts f ON f.n = o.n
    WHERE f.articles > 1 OR f.n IN (SELECT n FROM temp.paired) ORDER BY o.n;
"""
_COPIES = """
DROP TABLE temp.wanted;
CREATE TEMP TABLE wanted AS SELECT o.n AS n, o.claim AS claim, o.article AS article,
    o.copy AS copy FROM temp.ordered o WHERE o.copy IN (SELECT copy FROM temp.kept) ORDER BY o.n;
"""


def summarize_database(path: Path) -> dict[str, Any]:
    """The summary of the claimx database at `path` (`summarize` of its articles); a
    damaged or foreign database is an InputError, one being written a Busy error."""
    try:
        connection = open_database(path)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version < SCHEMA_VERSION:  # no event keys: every claim read, as before
                return summarize(read_articles(connection))
            return _summarize(connection)
        finally:
            connection.close()
    except sqlite3.Error as err:
        raise database_error(path, err, writing=False) from None


def _summarize(connection: sqlite3.Connection) -> dict[str, Any]:
    connection.execute("BEGIN")  # one snapshot, whatever a `claimx db` commits meanwhile
    _run(connection, _ORDER)
    claims, copies, events, pairs = _grouped(connection, *_candidates(connection))
    counted = tables(connection)
    connection.rollback()  # all read: a `claimx db` waiting to write goes on
    recurring, contradictions = story(claims, group(claims, copies, events, pairs))
    return {**counted, "recurring": recurring, "contradictions": contradictions}


def _candidates(
    connection: sqlite3.Connection,
) -> tuple[list[tuple[int, int]], tuple[float, float]]:
    """The candidate pairs of distinct claims (by claim order), as `compare.candidates`,
    and the most articles a rare word and a supporting word are in."""
    config = settings()
    articles = connection.execute("SELECT count(DISTINCT article) FROM temp.ordered").fetchone()
    limit = rare_limits(articles[0])
    connection.execute(_COMMON, (limit[0],))
    _run(connection, _KEYS)
    found = connection.execute(
        _PAIRS, (config["max_postings"], config["event_keys"] - 1)
    ).fetchall()
    connection.execute("CREATE TEMP TABLE paired (n INTEGER PRIMARY KEY)")
    connection.executemany(
        "INSERT OR IGNORE INTO temp.paired VALUES (?)", [(n,) for pair in found for n in pair]
    )
    return found, limit


def _grouped(
    connection: sqlite3.Connection, found: list[tuple[int, int]], limit: tuple[float, float]
) -> tuple[list[ClaimRow], dict[int, list[int]], list[Event], list[tuple[int, int]]]:
    """The claims of the recurring groups to be (the first of each copy class paired or
    found in several articles read, linked, then every copy of those that group or say
    something), their copy classes, the classes' events and their candidate pairs."""
    _run(connection, _FIRSTS)
    order = connection.execute("SELECT n, copy, articles FROM temp.wanted ORDER BY n").fetchall()
    firsts = read_claims(connection)
    words = _rarity(connection, {w for c in firsts for w in c.words}, limit)
    events = [event_of(c, words) for c in firsts]
    rank = {n: x for x, (n, _, _) in enumerate(order)}
    pairs = [
        (rank[a], rank[b])
        for a, b in found
        if firsts[rank[a]].article is not firsts[rank[b]].article
    ]
    grouped = {x for g in linked_groups(firsts, events, pairs) for x in g}
    kept = [
        x
        for x, (_, _, articles) in enumerate(order)
        if x in grouped or (articles > 1 and says_something(firsts[x], events[x]))
    ]
    connection.execute("CREATE TEMP TABLE kept (copy TEXT PRIMARY KEY)")
    connection.executemany("INSERT INTO temp.kept VALUES (?)", [(order[x][1],) for x in kept])
    _run(connection, _COPIES)
    copy_of = connection.execute("SELECT copy FROM temp.wanted ORDER BY n").fetchall()
    claims = read_claims(connection)
    first: dict[str, int] = {}
    copies: dict[int, list[int]] = {}
    for k, (copy,) in enumerate(copy_of):
        copies.setdefault(first.setdefault(copy, k), []).append(k)
    again = {x: y for y, x in enumerate(kept)}
    kept_pairs = [(again[x], again[y]) for x, y in pairs if x in again and y in again]
    return claims, copies, [events[x] for x in kept], kept_pairs


def _run(connection: sqlite3.Connection, script: str) -> None:
    """A script's statements in the open transaction (`executescript` would commit it)."""
    for statement in statements(script):
        connection.execute(statement)


def _rarity(connection: sqlite3.Connection, needed: set[str], limit: tuple[float, float]) -> Rarity:
    """The document frequency of `needed` words over the whole database, and the limits."""
    connection.execute("CREATE TEMP TABLE needed (word TEXT PRIMARY KEY)")
    connection.executemany("INSERT INTO temp.needed VALUES (?)", [(w,) for w in needed])
    counts = Counter(
        dict(
            connection.execute(
                "SELECT w.word, count(*) FROM temp.needed n JOIN article_words w"
                " ON w.word = n.word GROUP BY w.word"
            ).fetchall()
        )
    )
    return Rarity(counts, *limit)
