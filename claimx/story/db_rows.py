"""The claims `db_summary` needs, read from a claimx database straight into `ClaimRow`s:
each as `from_document` makes it from the claims file the database holds (its article,
source, actors, chips and figures shared between claims that name the same rows)."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping
from itertools import groupby
from operator import itemgetter
from typing import TypeVar

from claimx.story.records import (
    ActorRef,
    ArticleRef,
    ClaimRow,
    Figure,
    actor_ref,
    content_words,
    figure_of,
)

_ARTICLES = """
SELECT id, file, source, title, date, url, publisher, sha256 FROM articles
WHERE id IN (SELECT article FROM temp.wanted)
"""
_ACTORS = """
SELECT id, name, kind, wikidata FROM actors WHERE article_id IN (SELECT article FROM temp.wanted)
"""
_MONEY = """
SELECT id, text, amount, amount_max, currency, qualifier FROM money
WHERE article_id IN (SELECT article FROM temp.wanted)
"""
_CHIPS = "SELECT id, name FROM chips WHERE article_id IN (SELECT article FROM temp.wanted)"
_LINKS = """
SELECT l.claim_id, l.{0} FROM temp.wanted w JOIN {1} l ON l.claim_id = w.claim
ORDER BY l.claim_id, l.rowid
"""
_FIGURE = ("text", "amount", "amount_max", "currency", "qualifier")
T = TypeVar("T")
_CLAIMS = """
SELECT c.id, c.article_id, c.local_id, c.text, c.start, c."end", c.modality, c.review_status,
    t.kind, t.source_actor_id, t.source_text, t.cue
FROM temp.wanted w JOIN claims c ON c.id = w.claim LEFT JOIN attributions t ON t.claim_id = c.id
ORDER BY w.n
"""


def read_claims(connection: sqlite3.Connection) -> list[ClaimRow]:
    """The claims listed in the temporary table `wanted` (columns n, claim, article), in the
    order of n."""
    articles = {row[0]: ArticleRef(*row[1:]) for row in connection.execute(_ARTICLES)}
    refs: dict[tuple[str, str, str | None], ActorRef] = {}
    actors: dict[int, ActorRef] = {}
    for key, name, kind, wikidata in connection.execute(_ACTORS):  # one ActorRef for alike
        ref = refs.get((name, kind, wikidata))
        if ref is None:
            ref = actor_ref({"name": name, "kind": kind, "wikidata": wikidata})
            refs[(name, kind, wikidata)] = ref
        actors[key] = ref
    figures: dict[tuple[object, ...], Figure] = {}
    money: dict[int, Figure] = {}
    for key, *item in connection.execute(_MONEY):  # 3e9 and 3000000000 kept apart
        alike = (*item, type(item[1]), type(item[2]))
        figure = figures.get(alike)
        if figure is None:
            figure = figures[alike] = figure_of(dict(zip(_FIGURE, item, strict=True)))
        money[key] = figure
    chips: dict[int, str] = dict(connection.execute(_CHIPS).fetchall())
    claim_actors = _links(connection, "actor_id", "claim_actors", actors)
    claim_chips = _links(connection, "chip_id", "claim_chips", chips)
    claim_money = _links(connection, "money_id", "claim_money", money)
    return [
        ClaimRow(
            article=articles[article],
            id=local,
            text=text,
            start=start,
            end=end,
            modality=modality or "asserted",
            kind=kind,
            source=actors.get(source) if source is not None else None,
            source_text=source_text,
            cue=cue,
            actors=claim_actors.get(claim, []),
            chips=claim_chips.get(claim, []),
            money=claim_money.get(claim, []),
            review=review or None,
            words=content_words(text),
        )
        for (claim, article, local, text, start, end, modality, review, kind, source,
             source_text, cue) in connection.execute(_CLAIMS)
    ]  # fmt: skip


def _links(
    connection: sqlite3.Connection, column: str, table: str, items: Mapping[int, T]
) -> dict[int, list[T]]:
    """Each wanted claim's items of one kind, in the order they were written."""
    rows = connection.execute(_LINKS.format(column, table))
    return {
        claim: [items[i] for _, i in found if i in items]
        for claim, found in groupby(rows, key=itemgetter(0))
    }
