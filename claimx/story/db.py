"""Claims files as a SQLite database: articles, actors, mentions, claims, attributions, money
and chips with foreign keys (to their target columns, as Datasette labels them), and
full-text search over claim text configured as sqlite-utils does it (`claims_fts`, an FTS5
table with `content=` and its triggers), so that `sqlite-utils search` and Datasette's
`_search` find claims. Each claim's copy class and variant (`claim_copies`,
`claim_variants`), each variant's event keys (`claim_keys`) and each article's claim words
(`article_words`, `db_index`) let `claimx summary` find recurring claims in SQL
(`db_summary`), and the summary's actors, chips and money tables are kept (`db_tables`).
The schema's version is the database's `user_version`; a database of schema 5 is brought
to 6 (the tables kept added), one older is refused in one line (load into a new file).

Loading is incremental: a claims file already loaded and unchanged (size, modification time,
its decisions file's included) is skipped, a changed one replaced, in one transaction per
run taken with the write lock first: a second run waits for it (`WAIT` seconds) or refuses
(`Busy`). A damaged database file is an `InputError`, never a traceback."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable
from pathlib import Path

from claimx.errors import Busy, InputError, OutputError
from claimx.store import claims_documents, claims_files
from claimx.store.layout import stamp
from claimx.story.db_index import claim_index
from claimx.story.db_schema import INDEXES, TABLES, TRIGGERS
from claimx.story.db_tables import KEEP_TABLE, KEEP_TRIGGERS, keep_tables
from claimx.story.db_write import Writer, drop_orphans

SCHEMA_VERSION = 6  # 1: foreign keys without target columns, a standalone FTS table;
# 2: no event keys (claim_keys, article_words, claims.copy_key) for `claimx summary`, and
# amounts of NUMERIC type (3e9 read back as 3000000000); now untyped, kept as written;
# 3: event keys for every claim (not once per variant), a copy key but no variant;
# 4: the tables of 5, the event keys and words of story settings 3 (no names said in a
# claim, no word families: models/story.yaml version 4);
# 5: the tables of 6 but the summary's tables kept (`summary_tables`, `db_tables`), and
# `claims_variant` without the places, ids and reviews: a run on it adds them (migrated,
# in its transaction), a summary makes the tables
SQL_SUMMARY = 5  # the oldest schema `claimx summary` reads in SQL (`db_summary`)
FLUSH = 500  # claims files whose rows are gathered before they are written
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
        new = _begin(connection, path)
        return _load(connection, inputs, on_error, new=new)
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


def _begin(connection: sqlite3.Connection, path: Path) -> bool:
    """Take the write lock (waiting for another run), check the database is claimx's and of
    this schema, create its tables in a new one (whether it is new)."""
    connection.execute("PRAGMA foreign_keys = ON")
    connection.execute("BEGIN IMMEDIATE")
    tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
    version = connection.execute("PRAGMA user_version").fetchone()[0]
    if tables and "articles" not in tables:  # someone else's database: leave it alone
        raise InputError(f"{path}: a database that is not claimx's; not changed")
    if tables and version == SQL_SUMMARY:  # add the summary's tables kept, widen an index
        connection.execute("DROP INDEX IF EXISTS claims_variant")
        for statement in statements(KEEP_TABLE + KEEP_TRIGGERS + INDEXES):
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    elif tables and version != SCHEMA_VERSION:
        raise InputError(
            f"{path}: a database of another claimx version (schema {version or 1}, this claimx"
            f" writes schema {SCHEMA_VERSION}); load into a new file"
        )
    if not tables:
        for statement in statements(TABLES + KEEP_TABLE):
            connection.execute(statement)
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    return not tables


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
    *,
    new: bool,
) -> tuple[int, int]:
    """Load every input in the transaction `_begin` opened, then commit (a killed run leaves
    the database as it was); a new database's indexes are made once it is loaded."""
    added = kept = replaced = 0
    writer, written = Writer(connection), set()
    for given in inputs:
        target = Path(given)
        if not target.exists():
            raise InputError(f"{given}: no such file or folder")
        for file in claims_files(target, empty_ok=True):
            version = stamp(file)  # the claims file's and its decisions'
            if str(file) in written or (not new and _unchanged(connection, str(file), version)):
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
            replaced += 0 if new else _delete(connection, str(file))
            for number, (document, index) in enumerate(zip(documents, rows, strict=True)):
                writer.add(str(file), number, version, document, index)
            added += 1
            written.add(str(file))
            if added % FLUSH == 0:
                writer.flush()
    writer.flush()
    if replaced:
        drop_orphans(connection)
    if new:  # the full-text index at once, then what keeps it and lookups fast
        connection.execute("INSERT INTO claims_fts (claims_fts) VALUES ('rebuild')")
        for statement in statements(TRIGGERS + KEEP_TRIGGERS + INDEXES):
            connection.execute(statement)
    if new or added or replaced or not _kept(connection):  # the summary's tables, again
        keep_tables(connection)
    connection.execute("COMMIT")
    return added, kept


def _kept(connection: sqlite3.Connection) -> bool:
    """Whether the summary's tables are kept (none after a change made by hand)."""
    return connection.execute("SELECT 1 FROM summary_tables").fetchone() is not None


def _unchanged(connection: sqlite3.Connection, file: str, version: tuple[int, int]) -> bool:
    row = connection.execute(
        "SELECT size, mtime_ns FROM articles WHERE file = ? AND doc = 0", (file,)
    ).fetchone()
    return row is not None and tuple(row) == version


def _delete(connection: sqlite3.Connection, file: str) -> int:
    """Remove a claims file's articles and everything that hangs on them; how many."""
    articles = [r[0] for r in connection.execute("SELECT id FROM articles WHERE file = ?", (file,))]
    for article in articles:  # the claims' full-text rows go with them (a trigger)
        connection.execute("DELETE FROM articles WHERE id = ?", (article,))
    return len(articles)
