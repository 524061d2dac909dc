"""A claimx database read back for `claimx summary`: its rows as the documents the story
compares (read-only, so that a database on read-only media is summarized too)."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Any

from claimx.errors import InputError
from claimx.story.db import WAIT, database_error
from claimx.story.records import ArticleClaims, from_document

ARTICLE_FIELDS = ("source", "title", "date", "url", "publisher", "sha256")
Local = dict[tuple[str, int], str]  # (table, row id) → the item's id in its article


def read_database(path: Path) -> list[ArticleClaims]:
    """The articles of a claimx database, as `claimx summary` compares them; a damaged or
    foreign database is an InputError, one being written a Busy error."""
    try:
        return _read(path)
    except sqlite3.Error as err:
        raise database_error(path, err, writing=False) from None


def _read(path: Path) -> list[ArticleClaims]:
    connection = open_database(path)
    try:
        return read_articles(connection)
    finally:
        connection.close()


def read_articles(connection: sqlite3.Connection) -> list[ArticleClaims]:
    """Every article of an open claimx database, every claim read, by file and document."""
    connection.row_factory = sqlite3.Row
    files: dict[int, str] = {}
    documents: dict[int, dict[str, Any]] = {}
    for row in connection.execute("SELECT * FROM articles ORDER BY file, doc"):
        files[row["id"]] = row["file"]
        documents[row["id"]] = {
            "article": {k: row[k] for k in ARTICLE_FIELDS},
            "actors": [], "chips": [], "money": [], "claims": [],
        }  # fmt: skip
    local = _items(connection, documents)
    _claims(connection, documents, local)
    connection.row_factory = None
    return [from_document(documents[i], files[i]) for i in documents]


def open_database(path: Path) -> sqlite3.Connection:
    """A claimx database opened read-only; a file that is not one is an InputError."""
    if not path.is_file():
        raise InputError(f"{path}: no such database")
    # read-only: a summary writes nothing, and reads a database on read-only media
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=WAIT)
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    if "articles" not in tables:
        connection.close()
        raise InputError(f"{path}: a database that is not claimx's")
    return connection


def _items(connection: sqlite3.Connection, documents: dict[int, dict[str, Any]]) -> Local:
    """Each article's actors, chips and money (mentions counted, not read)."""
    local: Local = {}
    counts = dict(connection.execute("SELECT actor_id, count(*) FROM mentions GROUP BY actor_id"))
    for row in connection.execute("SELECT * FROM actors ORDER BY id"):
        local[("actor", row["id"])] = row["local_id"]
        documents[row["article_id"]]["actors"].append(
            {"id": row["local_id"], "name": row["name"], "kind": row["kind"],
             "wikidata": row["wikidata"], "mentions": [None] * counts.get(row["id"], 0)}
        )  # fmt: skip
    for row in connection.execute("SELECT * FROM chips ORDER BY id"):
        local[("chip", row["id"])] = row["local_id"]
        documents[row["article_id"]]["chips"].append(
            {"id": row["local_id"], "name": row["name"], "vendor": row["vendor"],
             "mentions": [None] * (row["mentions"] or 0)}
        )  # fmt: skip
    for row in connection.execute("SELECT * FROM money ORDER BY id"):
        local[("money", row["id"])] = row["local_id"]
        documents[row["article_id"]]["money"].append(
            {"id": row["local_id"], **{k: row[k] for k in
             ("text", "amount", "amount_max", "currency", "qualifier")}}
        )  # fmt: skip
    return local


def _claims(
    connection: sqlite3.Connection, documents: dict[int, dict[str, Any]], local: Local
) -> None:
    links: dict[tuple[str, int], list[str]] = defaultdict(list)
    for table, column, kind in (
        ("claim_actors", "actor_id", "actor"),
        ("claim_chips", "chip_id", "chip"),
        ("claim_money", "money_id", "money"),
    ):
        for claim_id, item in connection.execute(f"SELECT claim_id, {column} FROM {table}"):
            links[(kind, claim_id)].append(local[(kind, item)])
    attributions = {r["claim_id"]: r for r in connection.execute("SELECT * FROM attributions")}
    for row in connection.execute("SELECT * FROM claims ORDER BY id"):
        found = attributions.get(row["id"])
        documents[row["article_id"]]["claims"].append(
            {
                "id": row["local_id"], "text": row["text"], "start": row["start"],
                "end": row["end"], "modality": row["modality"],
                "review": {"status": row["review_status"]} if row["review_status"] else None,
                "actors": links[("actor", row["id"])], "chips": links[("chip", row["id"])],
                "money": links[("money", row["id"])],
                "attribution": None if found is None else {
                    "kind": found["kind"], "source_text": found["source_text"],
                    "source": local.get(("actor", found["source_actor_id"])),
                    "cue": {"text": found["cue"]},
                },
            }
        )  # fmt: skip
