"""The rows `claimx db` writes for claims documents, gathered and inserted many at a time
(`executemany`, ids given by the writer): articles, actors and their mentions, chips,
money, claims, their attributions and links, and the index of `db_index` (each copy
class and variant once, a variant's event keys once, each article's words)."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from typing import Any

from claimx.story.db_index import ClaimIndex, ClaimKeys
from claimx.story.records import actor_ref

_INSERTS = {  # in the order of their foreign keys
    "articles": "INSERT INTO articles (id, file, doc, size, mtime_ns, sha256, source, title,"
    " date, url, publisher, lang, chars) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "actors": "INSERT INTO actors (id, article_id, local_id, key, name, kind, wikidata, roles,"
    " mentions, cited) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "mentions": 'INSERT INTO mentions (actor_id, start, "end", text) VALUES (?, ?, ?, ?)',
    "chips": "INSERT INTO chips (id, article_id, local_id, name, vendor, mentions)"
    " VALUES (?, ?, ?, ?, ?, ?)",
    "money": 'INSERT INTO money (id, article_id, local_id, text, start, "end", amount,'
    " amount_max, currency, qualifier) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "claim_copies": "INSERT INTO claim_copies (id, hash) VALUES (?, ?)",
    "claim_variants": "INSERT INTO claim_variants (id, hash, copy_id) VALUES (?, ?, ?)",
    "claim_keys": "INSERT INTO claim_keys (variant_id, key, rare) VALUES (?, ?, ?)",
    "claims": 'INSERT INTO claims (id, article_id, local_id, text, start, "end", modality,'
    " review_status, review_note, variant_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    "attributions": "INSERT INTO attributions (claim_id, kind, source_actor_id, source_text,"
    " cue, cue_start, cue_end, quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
    "claim_actors": "INSERT INTO claim_actors (claim_id, actor_id) VALUES (?, ?)",
    "claim_chips": "INSERT INTO claim_chips (claim_id, chip_id) VALUES (?, ?)",
    "claim_money": "INSERT INTO claim_money (claim_id, money_id) VALUES (?, ?)",
    "article_words": "INSERT INTO article_words (article_id, word) VALUES (?, ?)",
}
_NUMBERED = ("articles", "actors", "chips", "money", "claims")
_LINKS = (("claim_actors", "actors"), ("claim_chips", "chips"), ("claim_money", "money"))


class Writer:
    """Rows gathered for many documents, written by `flush` (in the transaction the caller
    holds: the ids it gives are the next free ones)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.rows: dict[str, list[tuple[Any, ...]]] = {table: [] for table in _INSERTS}
        self.next = {t: _next_id(connection, t) for t in (*_NUMBERED, "claim_copies")}
        self.next["claim_variants"] = _next_id(connection, "claim_variants")
        self.copies = dict(connection.execute("SELECT hash, id FROM claim_copies").fetchall())
        self.variants = dict(connection.execute("SELECT hash, id FROM claim_variants").fetchall())

    def add(
        self,
        file: str,
        number: int,
        version: tuple[int, int],
        document: dict[str, Any],
        index: ClaimIndex,
    ) -> None:
        """One claims document's rows (its `number` in its file)."""
        meta = document.get("article") or {}
        date = meta.get("date")
        article = self._id("articles")
        self.rows["articles"].append(
            (article, file, number, *version, meta.get("sha256"), meta.get("source"),
             meta.get("title"), None if date is None else str(date), meta.get("url"),
             meta.get("publisher"), meta.get("lang"), meta.get("chars"))
        )  # fmt: skip
        ids = self._items(article, document)
        claims = document.get("claims") or []
        for claim, keys in zip(claims, index.claims, strict=True):
            self._claim(article, claim, ids, self._variant(keys))
        self.rows["article_words"].extend((article, word) for word in index.words)

    def flush(self) -> None:
        """Write the rows gathered, table by table."""
        for table, statement in _INSERTS.items():
            if self.rows[table]:
                self.connection.executemany(statement, self.rows[table])
                self.rows[table] = []

    def _id(self, table: str) -> int:
        number = self.next[table]
        self.next[table] = number + 1
        return number

    def _items(self, article: int, document: dict[str, Any]) -> dict[str, int]:
        """An article's actors (and their mentions), chips and money; their row ids."""
        ids: dict[str, int] = {}
        actors = document.get("actors") or []
        cited = Counter(
            (claim.get("attribution") or {}).get("source") for claim in document.get("claims") or []
        )
        last = {actor["id"]: k for k, actor in enumerate(actors)}  # the one a source names
        for k, actor in enumerate(actors):
            ref, named = actor_ref(actor), cited[actor["id"]] if last[actor["id"]] == k else 0
            row = ids[actor["id"]] = self._id("actors")
            self.rows["actors"].append(
                (row, article, actor["id"], ref.key, ref.name, ref.kind, ref.wikidata,
                 _roles(actor.get("roles")),
                 len(actor.get("mentions", [])), named)
            )  # fmt: skip
            self.rows["mentions"].extend(
                (row, m["start"], m["end"], m["text"]) for m in actor.get("mentions", [])
            )
        for chip in document.get("chips") or []:
            row = ids[chip["id"]] = self._id("chips")
            self.rows["chips"].append(
                (row, article, chip["id"], chip["name"], chip.get("vendor"),
                 len(chip.get("mentions", [])))
            )  # fmt: skip
        for item in document.get("money") or []:
            row = ids[item["id"]] = self._id("money")
            self.rows["money"].append(
                (row, article, item["id"], item["text"], item.get("start"), item.get("end"),
                 item.get("amount"), item.get("amount_max"), item.get("currency"),
                 item.get("qualifier"))
            )  # fmt: skip
        return ids

    def _variant(self, keys: ClaimKeys) -> int:
        """The id of a claim's variant, its copy class and event keys written the first
        time it is seen."""
        found = self.variants.get(keys.variant)
        if found is not None:
            return int(found)
        copy = self.copies.get(keys.copy)
        if copy is None:
            copy = self.copies[keys.copy] = self._id("claim_copies")
            self.rows["claim_copies"].append((copy, keys.copy))
        variant = self.variants[keys.variant] = self._id("claim_variants")
        self.rows["claim_variants"].append((variant, keys.variant, copy))
        self.rows["claim_keys"].extend((variant, key, rare) for key, rare in keys.keys)
        return variant

    def _claim(
        self, article: int, claim: dict[str, Any], ids: dict[str, int], variant: int
    ) -> None:
        review = claim.get("review") or {}
        row = self._id("claims")
        self.rows["claims"].append(
            (row, article, claim["id"], claim["text"], claim["start"], claim["end"],
             claim.get("modality"), review.get("status"), review.get("note"), variant)
        )  # fmt: skip
        attribution = claim.get("attribution")
        if attribution:
            cue = attribution.get("cue") or {}
            self.rows["attributions"].append(
                (row, attribution.get("kind"), ids.get(attribution.get("source") or ""),
                 attribution.get("source_text"), cue.get("text"), cue.get("start"),
                 cue.get("end"), (attribution.get("quote") or {}).get("text"))
            )  # fmt: skip
        for table, key in _LINKS:
            self.rows[table].extend((row, ids[i]) for i in claim.get(key, []) if i in ids)


def _roles(roles: Any) -> str:
    return json.dumps(roles, ensure_ascii=False) if roles else "[]"


def _next_id(connection: sqlite3.Connection, table: str) -> int:
    return int(connection.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0])


def drop_orphans(connection: sqlite3.Connection) -> None:
    """Remove the variants (and their keys) and copy classes no claim has any more (after
    files were replaced)."""
    connection.execute(
        "DELETE FROM claim_variants WHERE id NOT IN (SELECT variant_id FROM claims"
        " WHERE variant_id IS NOT NULL)"
    )
    connection.execute(
        "DELETE FROM claim_copies WHERE id NOT IN (SELECT copy_id FROM claim_variants)"
    )
