"""`claimx summary` of a claimx database, aggregated in SQLite: the same summary as of the
claims files loaded into it, without every claim read into Python.

Candidate pairs of recurring claims come from the event keys `claimx db` stores
(`db_index`): the words rare by document frequency (counted over `article_words`) and the
keys every claim has whatever the collection, each verbatim copy class once, each claim
paired with the latest `max_postings` claims sharing a key, as `compare.candidates` does.
Only the claims of those pairs and of copies found in several articles are read; their
links, groups and contradictions are `summary`'s. The tables (articles, actors, chips,
money) are `db_tables`' GROUP BY queries. A database of schema 2 (no event keys) is
summarized the slow way, every claim read."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from claimx.story.compare import Rarity, event_of
from claimx.story.db import SCHEMA_VERSION, database_error
from claimx.story.db_read import open_database, read_articles
from claimx.story.db_rows import read_claims
from claimx.story.db_tables import tables
from claimx.story.records import ClaimRow, settings
from claimx.story.summary import group, story, summarize

_ORDER = """
CREATE TEMP TABLE art AS SELECT id, file, coalesce(nullif(publisher, ''), file) AS outlet,
    row_number() OVER (ORDER BY file, doc) AS rank FROM articles;
CREATE TEMP TABLE ordered (n INTEGER PRIMARY KEY, claim INTEGER, article INTEGER, copy TEXT);
INSERT INTO temp.ordered SELECT row_number() OVER (ORDER BY a.rank, c.id), c.id,
    c.article_id, c.copy_key FROM claims c JOIN temp.art a ON a.id = c.article_id;
CREATE TEMP TABLE firsts AS SELECT copy, min(n) AS n, count(DISTINCT article) AS articles
    FROM temp.ordered GROUP BY copy;
CREATE INDEX temp.firsts_copy ON firsts (copy);
"""
_KEYS = """
CREATE TEMP TABLE common AS SELECT word FROM article_words GROUP BY word HAVING count(*) > ?;
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
_WANTED = """
CREATE TEMP TABLE wanted AS SELECT o.n AS n, o.claim AS claim, o.article AS article,
    o.copy AS copy FROM temp.ordered o JOIN temp.firsts f ON f.copy = o.copy
    WHERE f.articles > 1 OR f.n IN (SELECT n FROM temp.paired) ORDER BY o.n;
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
    connection.executescript(_ORDER)
    claims, copies, pairs = _candidates(connection)
    recurring, contradictions = story(claims, _groups(connection, claims, copies, pairs))
    return {**tables(connection), "recurring": recurring, "contradictions": contradictions}


def _candidates(
    connection: sqlite3.Connection,
) -> tuple[list[ClaimRow], dict[int, list[int]], list[tuple[int, int]]]:
    """The claims read (by their order in the database), their copy classes (the first's
    number in that list → all of theirs) and the candidate pairs (by claim order)."""
    config = settings()
    articles = connection.execute("SELECT count(DISTINCT article) FROM temp.ordered").fetchone()
    limit = max(config["rare_articles"], config["rare_share"] * articles[0])
    connection.execute("CREATE TEMP TABLE common_limit AS SELECT ? AS value", (limit,))
    script = _KEYS.replace("?", "(SELECT value FROM temp.common_limit)", 1)
    connection.executescript(script)
    found = connection.execute(
        _PAIRS, (config["max_postings"], config["event_keys"] - 1)
    ).fetchall()
    connection.execute("CREATE TEMP TABLE paired (n INTEGER PRIMARY KEY)")
    connection.executemany(
        "INSERT OR IGNORE INTO temp.paired VALUES (?)", [(n,) for pair in found for n in pair]
    )
    connection.executescript(_WANTED)
    order = connection.execute("SELECT n, copy FROM temp.wanted ORDER BY n").fetchall()
    claims = read_claims(connection)
    local = {n: k for k, (n, _) in enumerate(order)}
    first: dict[str, int] = {}
    copies: dict[int, list[int]] = {}
    for k, (_, copy) in enumerate(order):
        copies.setdefault(first.setdefault(copy, k), []).append(k)
    return claims, copies, [(local[a], local[b]) for a, b in found]


def _groups(
    connection: sqlite3.Connection,
    claims: list[ClaimRow],
    copies: dict[int, list[int]],
    pairs: list[tuple[int, int]],
) -> list[list[int]]:
    """`recurring_groups` of the claims read, the collection's word rarity from SQL."""
    distinct = sorted(copies)
    rank = {k: x for x, k in enumerate(distinct)}
    words = _rarity(connection, {w for k in distinct for w in claims[k].words})
    events = [event_of(claims[k], words) for k in distinct]
    linked = [(rank[a], rank[b]) for a, b in pairs if claims[a].article is not claims[b].article]
    return group(claims, copies, events, linked)


def _rarity(connection: sqlite3.Connection, needed: set[str]) -> Rarity:
    """The document frequency of `needed` words over the whole database, and the limit."""
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
    limit = connection.execute("SELECT value FROM temp.common_limit").fetchone()[0]
    return Rarity(counts, limit)
