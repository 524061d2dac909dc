"""The claims `db_summary` needs, read from a claimx database straight into `ClaimRow`s:
each as `from_document` makes it from the claims file the database holds (its article,
source, actors, chips and figures shared between claims that name the same rows)."""

from __future__ import annotations

import sqlite3
from collections import defaultdict

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
SELECT l.claim_id, l.{0} FROM temp.wanted w JOIN {1} l ON l.claim_id = w.claim ORDER BY l.rowid
"""
_FIGURE = ("text", "amount", "amount_max", "currency", "qualifier")
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
    for key, name, kind, wikidata in connection.execute(_ACTORS):
        ref = actor_ref({"name": name, "kind": kind, "wikidata": wikidata})
        actors[key] = refs.setdefault((ref.name, ref.kind, ref.wikidata), ref)
    money: dict[int, Figure] = {
        row[0]: figure_of(dict(zip(_FIGURE, row[1:], strict=True)))
        for row in connection.execute(_MONEY)
    }
    chips: dict[int, str] = dict(connection.execute(_CHIPS).fetchall())
    links: dict[str, dict[int, list[int]]] = {}
    for name, column, table in (
        ("actors", "actor_id", "claim_actors"),
        ("chips", "chip_id", "claim_chips"),
        ("money", "money_id", "claim_money"),
    ):
        found: dict[int, list[int]] = defaultdict(list)
        for claim, item in connection.execute(_LINKS.format(column, table)):
            found[claim].append(item)
        links[name] = found
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
            actors=[actors[i] for i in links["actors"].get(claim, ()) if i in actors],
            chips=[chips[i] for i in links["chips"].get(claim, ()) if i in chips],
            money=[money[i] for i in links["money"].get(claim, ()) if i in money],
            review=review or None,
            words=content_words(text),
        )
        for (claim, article, local, text, start, end, modality, review, kind, source,
             source_text, cue) in connection.execute(_CLAIMS)
    ]  # fmt: skip
