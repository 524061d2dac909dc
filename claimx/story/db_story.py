"""The recurring claims and contradictions of a claimx database's summary, from the copy
classes that group (`db_summary`), without a Python object per appearance.

Each group's appearances are put in the summary's order in SQLite (earliest date first,
undated after, by file and place: the temporary table `members`, numbered in that order).
Copies of one variant (`db_index`) say the same, so only a few are read as claims: of each
variant, its first appearance, its last and its first in another article than the first's.
That is every claim `summary.story` looks at beyond the appearances (the first, the source
and figures it keeps, the pairs of articles it compares), so `story` of those claims is the
files' story; each group's appearances are then JSON text made in SQLite (`db_json`), the
variant's fields rendered once."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from typing import Any

from claimx.story.db import statements
from claimx.story.db_json import (
    Rendered,
    Template,
    article_json,
    fragment_sql,
    merged_ends,
    prepare,
    template,
)
from claimx.story.db_rows import read_claims
from claimx.story.records import ArticleRef
from claimx.story.summary import appearance, article_info, story

# `summary`'s order of a group's appearances: earliest date first, undated after, by file
# (`dated`, the articles' rank in that order), by place; ties as the group lists them: by
# the rank of their copy class, then in claim order (their article's rank, their id). The
# group and `dated` make one number, an article's rank and a claim's id another (as in
# `db_summary`): SQLite sorts by four terms in a third of the time it takes for six. The
# groups' variants first (CROSS JOIN: in that order), then their claims by `claims_variant`,
# not every claim of the database scanned for those of a group.
_MEMBERS = """
CREATE TEMP TABLE members (pos INTEGER PRIMARY KEY, grp INTEGER, claim INTEGER,
    article INTEGER, variant INTEGER, dated INTEGER, local, start, stop, review);
INSERT INTO temp.members (grp, claim, article, variant, dated, local, start, stop, review)
SELECT k.grp, c.id, c.article_id, c.variant_id, a.dated, c.local_id, c.start, c."end",
    c.review_status
FROM temp.groups k CROSS JOIN claim_variants v ON v.copy_id = k.copy
    CROSS JOIN claims c ON c.variant_id = v.id JOIN temp.art a ON a.id = c.article_id
ORDER BY k.grp * (SELECT max(dated) + 1 FROM temp.art) + a.dated, c.start, k.rank,
    (a.rank << 32) + c.id;
"""
_GROUPS = """
SELECT g.grp, g.articles, g.lo, g.hi, m.dated, m.start
FROM (SELECT grp, count(DISTINCT article) AS articles, min(pos) AS lo, max(pos) AS hi
      FROM temp.members GROUP BY grp) g JOIN temp.members m ON m.pos = g.lo
"""
# of each variant: its first appearance, its last, its first in another article
_CHOSEN = """
CREATE TEMP TABLE leads (variant INTEGER PRIMARY KEY, pos INTEGER, article INTEGER, last INTEGER);
INSERT INTO temp.leads SELECT x.variant, m.pos, m.article, x.last
    FROM (SELECT variant, min(pos) AS first, max(pos) AS last FROM temp.members
          GROUP BY variant) x JOIN temp.members m ON m.pos = x.first;
CREATE TEMP TABLE chosen AS SELECT pos FROM temp.leads UNION SELECT last FROM temp.leads
    UNION SELECT min(m.pos) FROM temp.members m JOIN temp.leads l ON l.variant = m.variant
        WHERE m.article != l.article GROUP BY m.variant;
"""
_PICKED = """
SELECT m.grp, m.claim, m.article, m.variant FROM temp.chosen p JOIN temp.members m
    ON m.pos = p.pos ORDER BY p.pos
"""
# every article: cheaper than finding those of the appearances among them
_ARTICLES = "SELECT id, file, source, title, date, url, publisher, sha256 FROM articles"
# group_concat takes the rows as the ordered subquery gives them (an aggregate over a
# subquery with ORDER BY is not flattened); the tests compare the bytes with the writer's
_FRAGMENTS = """
SELECT group_concat(json, ',') FROM (SELECT {0} AS json FROM temp.members m
    JOIN temp.article_json a ON a.id = m.article JOIN temp.variant_json v ON v.id = m.variant
    WHERE m.pos BETWEEN ? AND ? ORDER BY m.pos)
"""
Group = tuple[int, int, int, int]  # a group's number, articles, first and last place


def grouped_story(
    connection: sqlite3.Connection, classes: Sequence[tuple[int, int, int]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The recurring claims and contradictions of the groups of copy classes `classes`
    (copy class, group, its first claim's rank), groups numbered as `summary.group` lists
    them before it orders them; each recurring claim's appearances `Rendered`."""
    connection.execute("CREATE TEMP TABLE groups (copy INTEGER PRIMARY KEY, grp INTEGER, rank)")
    connection.executemany("INSERT INTO temp.groups VALUES (?, ?, ?)", classes)
    _run(connection, _MEMBERS)
    groups = _groups(connection)
    _run(connection, _CHOSEN)
    picked: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    for grp, claim, article, variant in connection.execute(_PICKED):
        picked[grp].append((claim, article, variant))
    rows = [row for grp, *_ in groups for row in picked[grp]]
    claims = _read(connection, rows)
    numbers, start = [], 0
    for grp, *_ in groups:
        numbers.append(list(range(start, start + len(picked[grp]))))
        start += len(picked[grp])
    recurring, contradictions = story(claims, numbers)
    shown: dict[int, dict[str, Any]] = {}  # each variant's appearance, from its first claim
    for (_, _, variant), claim in zip(rows, claims, strict=True):
        shown.setdefault(variant, appearance(claim))
    texts = _appearances(connection, shown, [(lo, hi) for _, _, lo, hi in groups])
    for item, (_, articles, _, _), text in zip(recurring, groups, texts, strict=True):
        item["articles"] = articles
        item["appearances"] = Rendered(text)
    return recurring, contradictions


def _groups(connection: sqlite3.Connection) -> list[Group]:
    """The groups found in several articles, in the summary's order: most articles first,
    then by their first appearance."""
    found = sorted(
        (row for row in connection.execute(_GROUPS) if row[1] > 1),
        key=lambda row: (-row[1], row[4], row[5], row[0]),
    )
    return [(grp, articles, lo, hi) for grp, articles, lo, hi, _, _ in found]


def _read(connection: sqlite3.Connection, rows: list[tuple[int, int, int]]) -> list[Any]:
    """The claims of `rows` (claim, article, variant), in their order (`read_claims`)."""
    connection.execute("DROP TABLE IF EXISTS temp.wanted")
    connection.execute("CREATE TEMP TABLE wanted (n INTEGER PRIMARY KEY, claim, article)")
    connection.executemany(
        "INSERT INTO temp.wanted VALUES (?, ?, ?)",
        [(n, claim, article) for n, (claim, article, _) in enumerate(rows)],
    )
    return read_claims(connection)


def _appearances(
    connection: sqlite3.Connection, shown: dict[int, dict[str, Any]], ranges: list[tuple[int, int]]
) -> list[bytes]:
    """The JSON text (UTF-8) of the appearances in each range of places (`db_json`), from each
    variant's appearance `shown` (of one of its claims) and each article's fields."""
    if not ranges:  # no recurring claim
        return []
    articles = {row[0]: article_info(ArticleRef(*row[1:])) for row in connection.execute(_ARTICLES)}
    templates: dict[int, Template] = {}
    for variant, fields in shown.items():
        templates[variant] = template(fields, next(iter(articles.values())))
    slots = {t.slots for t in templates.values()}
    if len(slots) != 1:
        raise ValueError(f"appearances of different fields: {slots}")
    (layout,) = slots
    width = len(layout) + 1
    columns = ", ".join(f"t{n}" for n in range(width))
    connection.execute(f"CREATE TEMP TABLE variant_json (id INTEGER PRIMARY KEY, {columns})")
    connection.executemany(
        f"INSERT INTO temp.variant_json VALUES (?{', ?' * width})",
        [(variant, *t.texts) for variant, t in templates.items()],
    )
    ends = merged_ends(layout, templates.values())
    before, after = ends or ("", "")
    connection.execute("CREATE TEMP TABLE article_json (id INTEGER PRIMARY KEY, json TEXT)")
    connection.executemany(
        "INSERT INTO temp.article_json VALUES (?, ?)",
        [(key, before + article_json(info) + after) for key, info in articles.items()],
    )
    query = _FRAGMENTS.format(fragment_sql(layout, prepare(connection), merged=ends is not None))
    connection.text_factory = bytes  # UTF-8 as SQLite made it, never a Python str
    try:
        return [connection.execute(query, bounds).fetchone()[0] for bounds in ranges]
    finally:
        connection.text_factory = str


def _run(connection: sqlite3.Connection, script: str) -> None:
    """A script's statements in the open transaction (`executescript` would commit it)."""
    for statement in statements(script):
        connection.execute(statement)
