"""`claimx summary` of a claimx database, aggregated in SQLite: the same summary as of the
claims files loaded into it, without every claim read into Python.

Candidate pairs of recurring claims come from the event keys `claimx db` stores once per
variant (`db_index`): the words rare by document frequency (counted over `article_words`
for the words that are keys when rare, then for those of the claims read) and the keys
every claim has whatever the collection, each verbatim copy class once, each claim paired
with the latest `max_postings` claims sharing a key, as `compare.candidates` does. Only
the first claim of each copy class paired or found in several articles is read, then
linked (complete linkage); the classes that group or say something alone (a claim in no
group changes no other group) are expanded into their appearances by `db_story`, which
reads a few claims of each variant, so the groups and contradictions are `summary`'s. The
tables (articles, actors, chips, money) are `db_tables`' GROUP BY queries, or those
`claimx db` kept. A database of an older schema (2: no event keys, 3: no variants, 4:
keys of older settings) is summarized the slow way, every claim read."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path
from typing import Any

from claimx.story.db import SQL_SUMMARY, database_error, statements
from claimx.story.db_json import Rendered
from claimx.story.db_read import open_database, read_articles
from claimx.story.db_rows import read_claims
from claimx.story.db_story import grouped_story
from claimx.story.db_tables import ART, tables
from claimx.story.events import Rarity, event_of, rare_limits
from claimx.story.records import settings
from claimx.story.summary import linked_groups, says_something, summarize

SHIFT = 32  # a claim's place in the summary's order: its article's rank, then its id
MASK = (1 << SHIFT) - 1

_ORDER = f"""
CREATE TEMP TABLE firsts AS SELECT v.copy_id AS copy, min(x.n) AS n,
    max(x.last) > min(x.first) AS several
    FROM (SELECT c.variant_id AS variant, min((a.rank << {SHIFT}) + c.id) AS n,
          min(c.article_id) AS first, max(c.article_id) AS last
          FROM claims c JOIN temp.art a ON a.id = c.article_id GROUP BY c.variant_id) x
    JOIN claim_variants v ON v.id = x.variant GROUP BY v.copy_id;
CREATE INDEX temp.firsts_n ON firsts (n);
CREATE TEMP TABLE df (word TEXT PRIMARY KEY, articles INTEGER);
INSERT INTO temp.df SELECT word, count(*) FROM article_words
    WHERE word IN (SELECT key FROM claim_keys WHERE rare = 1) GROUP BY word;
"""
_COMMON = """
CREATE TEMP TABLE common AS SELECT word FROM temp.df WHERE articles > ?
"""
_KEYS = f"""
CREATE INDEX temp.common_word ON common (word);
CREATE TEMP TABLE ranked AS SELECT n, key, row_number() OVER (PARTITION BY key ORDER BY n) AS r
    FROM (SELECT f.n AS n, k.key AS key FROM temp.firsts f
          JOIN claims c ON c.id = f.n & {MASK} JOIN claim_keys k ON k.variant_id = c.variant_id
          WHERE k.rare = 0 OR k.key NOT IN (SELECT word FROM temp.common));
CREATE INDEX temp.ranked_key ON ranked (key, r);
"""
_PAIRS = """
SELECT a.n, b.n FROM temp.ranked a JOIN temp.ranked b ON b.key = a.key AND b.r > a.r
    AND b.r <= a.r + ? GROUP BY a.n, b.n HAVING count(*) >= ?
"""
_MORE_DF = """
INSERT INTO temp.df SELECT word, count(*) FROM article_words
    WHERE word IN (SELECT word FROM temp.needed EXCEPT SELECT word FROM temp.df) GROUP BY word
"""
_FIRSTS = f"""
CREATE TEMP TABLE wanted AS SELECT f.n AS n, c.id AS claim, c.article_id AS article,
    f.copy AS copy, f.several AS several FROM temp.firsts f JOIN claims c ON c.id = f.n & {MASK}
    WHERE f.several OR f.n IN (SELECT n FROM temp.paired) ORDER BY f.n;
"""


def summarize_database(path: Path, *, rendered: bool = False) -> dict[str, Any]:
    """The summary of the claimx database at `path` (`summarize` of its articles); with
    `rendered`, each recurring claim's appearances are their JSON text made in SQLite
    (`Rendered`, for `summary_json`: no Python object per appearance). A damaged or
    foreign database is an InputError, one being written a Busy error."""
    summary = _summary(path)
    if not rendered:
        for item in summary["recurring"]:
            if isinstance(item["appearances"], Rendered):
                item["appearances"] = item["appearances"].value()
    return summary


def _summary(path: Path) -> dict[str, Any]:
    """The summary, its recurring claims' appearances `Rendered` (a database of an older
    schema: lists, every claim read)."""
    try:
        connection = open_database(path)
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            if version < SQL_SUMMARY:  # no variants: every claim read, as before
                return summarize(read_articles(connection))
            return _summarize(connection)
        finally:
            connection.close()
    except sqlite3.Error as err:
        raise database_error(path, err, writing=False) from None


def _summarize(connection: sqlite3.Connection) -> dict[str, Any]:
    connection.execute("BEGIN")  # one snapshot, whatever a `claimx db` commits meanwhile
    for statement in ART:
        connection.execute(statement)
    _run(connection, _ORDER)
    classes = _classes(connection, *_candidates(connection))
    recurring, contradictions = grouped_story(connection, classes)
    counted = tables(connection)
    connection.rollback()  # all read: a `claimx db` waiting to write goes on
    return {**counted, "recurring": recurring, "contradictions": contradictions}


def _candidates(
    connection: sqlite3.Connection,
) -> tuple[list[tuple[int, int]], tuple[float, float]]:
    """The candidate pairs of distinct claims (by claim order), as `compare.candidates`,
    and the most articles a rare word and a supporting word are in."""
    config = settings()
    articles = connection.execute("SELECT count(DISTINCT article_id) FROM claims").fetchone()
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


def _classes(
    connection: sqlite3.Connection, found: list[tuple[int, int]], limit: tuple[float, float]
) -> list[tuple[int, int, int]]:
    """The copy classes of the recurring groups to be, each with its group (numbered as
    `summary.group` lists them: the linked groups, then the classes alone that say
    something) and its rank: the first claim of each class paired or found in several
    articles read, then linked (complete linkage)."""
    _run(connection, _FIRSTS)
    order = connection.execute("SELECT n, copy, several FROM temp.wanted ORDER BY n").fetchall()
    firsts = read_claims(connection)
    words = _rarity(connection, {w for c in firsts for w in c.words}, limit)
    events = [event_of(c, words) for c in firsts]
    rank = {n: x for x, (n, _, _) in enumerate(order)}
    pairs = [
        (rank[a], rank[b])
        for a, b in found
        if firsts[rank[a]].article is not firsts[rank[b]].article
    ]
    linked = linked_groups(firsts, events, pairs)
    group_of = {x: number for number, g in enumerate(linked) for x in g}
    for x, (_, _, several) in enumerate(order):  # in several articles: a story alone
        if x not in group_of and several and says_something(firsts[x], events[x]):
            group_of[x] = len(linked) + x
    return [(order[x][1], number, x) for x, number in group_of.items()]


def _run(connection: sqlite3.Connection, script: str) -> None:
    """A script's statements in the open transaction (`executescript` would commit it)."""
    for statement in statements(script):
        connection.execute(statement)


def _rarity(connection: sqlite3.Connection, needed: set[str], limit: tuple[float, float]) -> Rarity:
    """The document frequency of `needed` words over the whole database, and the limits."""
    connection.execute("CREATE TEMP TABLE needed (word TEXT PRIMARY KEY)")
    connection.executemany("INSERT INTO temp.needed VALUES (?)", [(w,) for w in needed])
    connection.execute(_MORE_DF)
    counts = Counter(
        dict(
            connection.execute(
                "SELECT d.word, d.articles FROM temp.needed n JOIN temp.df d ON d.word = n.word"
            ).fetchall()
        )
    )
    return Rarity(counts, *limit)
