"""Claims files as a SQLite database: articles, actors, mentions, claims, attributions, money
and chips with foreign keys (to their target columns, as Datasette labels them), and
full-text search over claim text configured as sqlite-utils does it (`claims_fts`, an FTS5
table with `content=` and its triggers), so that `sqlite-utils search` and Datasette's
`_search` find claims. Each claim's event keys (`claim_keys`), copy key and each article's
claim words (`article_words`, `db_index`) let `claimx summary` find recurring claims in SQL
(`db_summary`). The schema's version is the database's `user_version`.

Loading is incremental: a claims file already loaded and unchanged (size, modification time,
its decisions file's included) is skipped, a changed one replaced, in one transaction per
run taken with the write lock first: a second run waits for it (`WAIT` seconds) or refuses
(`Busy`). A damaged database file is an `InputError`, never a traceback."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from claimx.errors import Busy, InputError, OutputError
from claimx.store import claims_documents, claims_files
from claimx.store.layout import stamp
from claimx.story.db_index import ClaimIndex, claim_index
from claimx.story.db_schema import SCHEMA
from claimx.story.records import actor_ref

SCHEMA_VERSION = 3  # 1: foreign keys without target columns, a standalone FTS table;
# 2: no event keys (claim_keys, article_words, claims.copy_key) for `claimx summary`, and
# amounts of NUMERIC type (3e9 read back as 3000000000); now untyped, kept as written
WAIT = 5.0  # seconds a run waits for another one writing the same database


def load_into(
    path: Path,
    inputs: Iterable[str],
    *,
    on_error: Callable[[str], None] | None = None,
) -> tuple[int, int]:
    """Load claims files (or folders of them) into the database at `path`; return the
    articles added or replaced and those unchanged."""
    try:
        connection = sqlite3.connect(path, timeout=WAIT, isolation_level=None)
    except sqlite3.Error as err:  # cannot open or create it here
        raise OutputError(f"{path}: cannot open ({err})") from None
    try:
        _begin(connection, path)
        return _load(connection, inputs, on_error)
    except sqlite3.Error as err:
        if connection.in_transaction:
            connection.rollback()
        raise database_error(path, err, writing=True) from None
    finally:
        connection.close()


def database_error(
    path: Path, err: sqlite3.Error, *, writing: bool
) -> Busy | InputError | OutputError:
    """The claimx error of a SQLite error on the database at `path`: busy (another run
    writes it), damaged, or not writable (full, read-only)."""
    message = str(err)
    if isinstance(err, sqlite3.OperationalError) and ("locked" in message or "busy" in message):
        return Busy(f"{path}: another claimx run is writing to this database; try again later")
    if isinstance(err, sqlite3.OperationalError) and writing:
        return OutputError(f"{path}: cannot write ({message}); the database is as it was")
    unchanged = "; not changed" if writing else ""
    return InputError(f"{path}: a damaged database or not a claimx one ({message}){unchanged}")


def _begin(connection: sqlite3.Connection, path: Path) -> None:
    """Take the write lock (waiting for another run), check the database is claimx's and of
    this schema, create its tables in a new one."""
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("BEGIN IMMEDIATE")
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if tables and "articles" not in tables:  # someone else's database: leave it alone
        raise InputError(f"{path}: a database that is not claimx's; not changed")
    if tables and version != SCHEMA_VERSION:
        raise InputError(
            f"{path}: a database of another claimx version (schema {version or 1}, this claimx"
            f" writes schema {SCHEMA_VERSION}); load into a new file"
        )
    if not tables:
        for statement in statements(SCHEMA):
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def statements(script: str) -> list[str]:
    """The statements of a script (triggers kept whole), to run inside one transaction."""
    statements, current = [], ""
    for line in script.strip().splitlines(keepends=True):
        current += line
        if sqlite3.complete_statement(current):
            statements.append(current.strip())
            current = ""
    return statements


def _load(
    connection: sqlite3.Connection,
    inputs: Iterable[str],
    on_error: Callable[[str], None] | None,
) -> tuple[int, int]:
    """Load every input in the transaction `_begin` opened, then commit (a killed run leaves
    the database as it was)."""
    added = kept = 0
    for given in inputs:
        target = Path(given)
        if not target.exists():
            raise InputError(f"{given}: no such file or folder")
        for file in claims_files(target, empty_ok=True):
            version = stamp(file)  # the claims file's and its decisions'
            if _unchanged(connection, str(file), version):
                kept += 1
                continue
            try:
                documents = claims_documents(file, keep_copy=target.is_dir())
                rows = [claim_index(document, str(file)) for document in documents]
            except InputError as err:
                if on_error is None:
                    raise
                on_error(str(err))
                continue
            _delete(connection, str(file))
            for number, (document, index) in enumerate(zip(documents, rows, strict=True)):
                _insert(connection, str(file), number, version, document, index)
            added += 1
    connection.execute("COMMIT")
    return added, kept


def _unchanged(connection: sqlite3.Connection, file: str, version: tuple[int, int]) -> bool:
    row = connection.execute(
        "SELECT size, mtime_ns FROM articles WHERE file = ? AND doc = 0", (file,)
    ).fetchone()
    return row is not None and tuple(row) == version


def _insert(
    connection: sqlite3.Connection,
    file: str,
    number: int,
    version: tuple[int, int],
    document: dict[str, Any],
    index: ClaimIndex,
) -> None:
    meta = document.get("article") or {}
    date = meta.get("date")
    article = connection.execute(
        "INSERT INTO articles (file, doc, size, mtime_ns, sha256, source, title, date, url,"
        " publisher, lang, chars) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (file, number, *version, meta.get("sha256"), meta.get("source"),
         meta.get("title"), None if date is None else str(date), meta.get("url"),
         meta.get("publisher"), meta.get("lang"), meta.get("chars")),
    ).lastrowid  # fmt: skip
    assert article is not None
    ids = _insert_items(connection, article, document)
    claims = document.get("claims") or []
    for claim, (copy, keys) in zip(claims, index.claims, strict=True):
        row = _insert_claim(connection, article, claim, ids, copy)
        connection.executemany(
            "INSERT INTO claim_keys (claim_id, key, rare) VALUES (?, ?, ?)",
            [(row, key, rare) for key, rare in keys],
        )
    connection.executemany(
        "INSERT INTO article_words (article_id, word) VALUES (?, ?)",
        [(article, word) for word in index.words],
    )


def _insert_items(
    connection: sqlite3.Connection, article: int, document: dict[str, Any]
) -> dict[str, int | None]:
    """An article's actors (and their mentions), chips and money; their row ids."""
    ids: dict[str, int | None] = {}
    for actor in document.get("actors") or []:
        ref = actor_ref(actor)
        row = connection.execute(
            "INSERT INTO actors (article_id, local_id, key, name, kind, wikidata, roles)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            (article, actor["id"], ref.key, ref.name, ref.kind, ref.wikidata,
             json.dumps(actor.get("roles") or [], ensure_ascii=False)),
        ).lastrowid  # fmt: skip
        ids[actor["id"]] = row
        connection.executemany(
            'INSERT INTO mentions (actor_id, start, "end", text) VALUES (?, ?, ?, ?)',
            [(row, m["start"], m["end"], m["text"]) for m in actor.get("mentions", [])],
        )
    for chip in document.get("chips") or []:
        ids[chip["id"]] = connection.execute(
            "INSERT INTO chips (article_id, local_id, name, vendor, mentions)"
            " VALUES (?, ?, ?, ?, ?)",
            (article, chip["id"], chip["name"], chip.get("vendor"), len(chip.get("mentions", []))),
        ).lastrowid
    for item in document.get("money") or []:
        ids[item["id"]] = connection.execute(
            'INSERT INTO money (article_id, local_id, text, start, "end", amount, amount_max,'
            " currency, qualifier) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (article, item["id"], item["text"], item.get("start"), item.get("end"),
             item.get("amount"), item.get("amount_max"), item.get("currency"),
             item.get("qualifier")),
        ).lastrowid  # fmt: skip
    return ids


def _insert_claim(
    connection: sqlite3.Connection,
    article: int,
    claim: dict[str, Any],
    ids: dict[str, int | None],
    copy: str,
) -> int:
    review = claim.get("review") or {}
    row = connection.execute(
        'INSERT INTO claims (article_id, local_id, text, start, "end", modality,'
        " review_status, review_note, copy_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (article, claim["id"], claim["text"], claim["start"], claim["end"],
         claim.get("modality"), review.get("status"), review.get("note"), copy),
    ).lastrowid  # fmt: skip
    assert row is not None
    attribution = claim.get("attribution")
    if attribution:
        cue = attribution.get("cue") or {}
        connection.execute(
            "INSERT INTO attributions (claim_id, kind, source_actor_id, source_text, cue,"
            " cue_start, cue_end, quote) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (row, attribution.get("kind"), ids.get(attribution.get("source") or ""),
             attribution.get("source_text"), cue.get("text"), cue.get("start"),
             cue.get("end"), (attribution.get("quote") or {}).get("text")),
        )  # fmt: skip
    for table, column, key in (
        ("claim_actors", "actor_id", "actors"),
        ("claim_chips", "chip_id", "chips"),
        ("claim_money", "money_id", "money"),
    ):
        connection.executemany(
            f"INSERT INTO {table} (claim_id, {column}) VALUES (?, ?)",
            [(row, ids[i]) for i in claim.get(key, []) if ids.get(i) is not None],
        )
    return row


def _delete(connection: sqlite3.Connection, file: str) -> None:
    """Remove a claims file's articles and everything that hangs on them."""
    articles = [r[0] for r in connection.execute("SELECT id FROM articles WHERE file = ?", (file,))]
    for article in articles:  # the claims' full-text rows go with them (a trigger)
        connection.execute("DELETE FROM articles WHERE id = ?", (article,))
