"""The recurring claims and contradictions of a claimx database's summary, from the copy
classes that group (`db_summary`), without a `ClaimRow` per appearance.

Each group's appearances are read as rows and put in the summary's order (earliest date
first, undated after, by file and place). Copies of one variant (`db_index`) say the same,
so only a few are read as claims: of each variant, its first appearance, its last and its
first in another article than the first's. That is every claim `summary.story` looks at beyond the
appearances (the first, the source and figures it keeps, the pairs of articles it
compares), so `story` of those claims is the files' story; then each group's articles are
counted and its appearances written from the rows, the variant's own fields copied."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from itertools import groupby
from operator import itemgetter
from typing import Any

from claimx.story.db_rows import read_claims
from claimx.story.records import ArticleRef, ClaimRow
from claimx.story.summary import appearance, article_info, story

_MEMBERS = """
SELECT k.grp, c.id, c.article_id, c.variant_id, c.local_id, c.start, c."end", c.review_status,
    a.dated, a.rank, k.rank
FROM temp.groups k JOIN claim_variants v ON v.copy_id = k.copy
    JOIN claims c ON c.variant_id = v.id JOIN temp.art a ON a.id = c.article_id
"""
_ARTICLES = "SELECT id, file, source, title, date, url, publisher, sha256 FROM articles"
Row = tuple[Any, ...]  # a _MEMBERS row
_GROUP, _CLAIM, _ARTICLE, _VARIANT, _LOCAL, _START, _END, _REVIEW, _DATED = range(9)
# `summary`'s order of a group's appearances: earliest date first, undated after, by file
# (`dated`, the articles' rank in that order), by place; ties as the group lists them: by
# the rank of their copy class, then in claim order (their article's rank, their id)
_ORDER = itemgetter(0, _DATED, _START, 10, 9, 1)


def grouped_story(
    connection: sqlite3.Connection, classes: Sequence[tuple[int, int, int]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The recurring claims and contradictions of the groups of copy classes `classes`
    (copy class, group, its first claim's rank), groups numbered as `summary.group` lists
    them before it orders them."""
    connection.execute("CREATE TEMP TABLE groups (copy INTEGER PRIMARY KEY, grp INTEGER, rank)")
    connection.executemany("INSERT INTO temp.groups VALUES (?, ?, ?)", classes)
    rows = connection.execute(_MEMBERS).fetchall()
    rows.sort(key=_ORDER)
    found = [list(g) for _, g in groupby(rows, itemgetter(_GROUP))]
    counted = [(len({row[_ARTICLE] for row in g}), g) for g in found]
    counted = sorted(
        ((n, g) for n, g in counted if n > 1), key=lambda c: (-c[0], _ORDER(c[1][0])[1:3])
    )
    groups = [g for _, g in counted]
    chosen = [_chosen(g) for g in groups]
    claims = _read(connection, [g[x] for g, xs in zip(groups, chosen, strict=True) for x in xs])
    numbers, start = [], 0
    for picked in chosen:
        numbers.append(list(range(start, start + len(picked))))
        start += len(picked)
    recurring, contradictions = story(claims, numbers)
    articles = _articles(connection)
    for item, (articles_in, members), picked, taken in zip(
        recurring, counted, chosen, numbers, strict=True
    ):
        template: dict[int, dict[str, Any]] = {}  # each variant's, from its first claim read
        for x, number in zip(picked, taken, strict=True):
            template.setdefault(members[x][_VARIANT], appearance(claims[number]))
        item["articles"] = articles_in
        item["appearances"] = _appearances(members, template, articles)
    return recurring, contradictions


def _chosen(rows: list[Row]) -> list[int]:
    """The places in a group of the appearances read as claims: of each variant, its first,
    its last and its first in another article than the first's."""
    first: dict[int, int] = {}
    last: dict[int, int] = {}
    other: dict[int, int] = {}
    for x, row in enumerate(rows):
        variant = row[_VARIANT]
        at = first.setdefault(variant, x)
        last[variant] = x
        if variant not in other and row[_ARTICLE] != rows[at][_ARTICLE]:
            other[variant] = x
    return sorted({*first.values(), *last.values(), *other.values()})


def _read(connection: sqlite3.Connection, rows: list[Row]) -> list[ClaimRow]:
    """The claims of `rows`, in their order (`read_claims` of the table `wanted`)."""
    connection.execute("DROP TABLE IF EXISTS temp.wanted")
    connection.execute("CREATE TEMP TABLE wanted (n INTEGER PRIMARY KEY, claim, article)")
    connection.executemany(
        "INSERT INTO temp.wanted VALUES (?, ?, ?)",
        [(n, row[_CLAIM], row[_ARTICLE]) for n, row in enumerate(rows)],
    )
    return read_claims(connection)


def _articles(connection: sqlite3.Connection) -> dict[int, dict[str, Any]]:
    """Each article's fields in an appearance."""
    return {row[0]: article_info(ArticleRef(*row[1:])) for row in connection.execute(_ARTICLES)}


def _appearances(
    rows: list[Row], template: dict[int, dict[str, Any]], articles: dict[int, dict[str, Any]]
) -> list[dict[str, Any]]:
    """A group's appearances: its variant's own (`summary`'s appearance of a claim of it),
    with each row's article, claim id, place and review."""
    found = []
    for row in rows:
        appearance = template[row[_VARIANT]].copy()
        appearance.update(articles[row[_ARTICLE]])
        appearance["claim"] = row[_LOCAL]
        appearance["start"] = row[_START]
        appearance["end"] = row[_END]
        appearance["review"] = row[_REVIEW] or None
        # its own figures, as `summary` makes them: nothing shared (YAML would alias it)
        money = appearance["money"]
        appearance["money"] = [figure.copy() for figure in money] if money else []
        found.append(appearance)
    return found
