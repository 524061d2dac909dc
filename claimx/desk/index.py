"""A feed of fact-checks indexed for matching: SQLite with FTS5 full-text search over their
word stems, their figures, vectors and the words' document frequencies. Built in memory from
a feed, or saved to a file (claimx's own database of fact-checks) and opened again."""

from __future__ import annotations

import json
import math
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from claimx.desk.feed import FactCheck, Feed, read_feed
from claimx.desk.words import figures, stems, vector
from claimx.errors import InputError, OutputError
from claimx.store.decisions import web_url
from claimx.text import fold

FORMAT = "claimx-factchecks 1"
SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
CREATE TABLE checks (number INTEGER PRIMARY KEY, claim TEXT NOT NULL, url TEXT, rating TEXT,
    date TEXT, publisher TEXT, speaker TEXT, stems TEXT NOT NULL, figures TEXT NOT NULL,
    vector BLOB);
CREATE VIRTUAL TABLE checks_fts USING fts5(stems, content='checks', content_rowid='number');
"""
FIELDS = "number, claim, url, rating, date, publisher, speaker, stems, figures, vector"


@dataclass(frozen=True)
class Indexed:
    """A fact-check with what it is compared on."""

    check: FactCheck
    stems: frozenset[str]
    figures: frozenset[float]
    vector: np.ndarray | None


class FeedIndex:
    """The fact-checks of a feed, searchable by words."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self.checks: dict[int, Indexed] = {}
        frequency: Counter[str] = Counter()
        for row in db.execute(f"SELECT {FIELDS} FROM checks ORDER BY number"):
            indexed = _indexed(row)
            self.checks[indexed.check.number] = indexed
            frequency.update(indexed.stems)
        total = max(len(self.checks), 1)
        self.idf = {w: math.log(1 + total / n) for w, n in frequency.items()}
        self.unseen = math.log(1 + total)  # a word no fact-check has
        # Per fact-check, computed once: its words' weight, its text folded (for actors).
        self.weight = {n: self.weigh(c.stems) for n, c in self.checks.items()}
        self.memo: dict[object, object] = {}  # a claim told again is matched once (wires)
        self.folded = {
            n: fold(f"{c.check.claim} {c.check.speaker or ''}") for n, c in self.checks.items()
        }

    def weigh(self, words: Iterable[str]) -> float:
        """Words weighed by their rarity in the feed (inverse document frequency)."""
        return sum(self.idf.get(w, self.unseen) for w in words)

    @classmethod
    def build(cls, feed: Feed, path: Path | None = None) -> FeedIndex:
        """Index a feed, in memory or into a new file (OutputError when it cannot be)."""
        where = ":memory:" if path is None else str(path)
        try:
            db = sqlite3.connect(where)
            db.executescript(SCHEMA)
            with db:
                db.execute("INSERT INTO meta VALUES ('format', ?)", (FORMAT,))
                db.executemany(
                    f"INSERT INTO checks ({FIELDS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (_row(check) for check in feed.checks),
                )
                db.execute("INSERT INTO checks_fts (rowid, stems) SELECT number, stems FROM checks")
        except sqlite3.Error as err:
            raise OutputError(f"{where}: cannot write the index ({err})") from None
        return cls(db)

    @classmethod
    def open(cls, path: Path) -> FeedIndex:
        """A saved index; InputError when the file is not one."""
        try:
            db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
            found = db.execute("SELECT value FROM meta WHERE key = 'format'").fetchone()
        except sqlite3.Error:
            raise InputError(f"{path}: not a claimx fact-check index") from None
        if not found or found[0] != FORMAT:
            raise InputError(f"{path}: not a claimx fact-check index ({FORMAT})")
        try:
            return cls(db)
        except (sqlite3.Error, ValueError, TypeError, KeyError) as err:  # damaged inside
            raise InputError(f"{path}: a damaged claimx fact-check index ({err})") from None

    def candidates(self, words: list[str], limit: int, rarest: int) -> list[Indexed]:
        """The fact-checks sharing words with `words` (its `rarest` ones in the feed: a word
        most fact-checks have adds little), the best by bm25 first."""
        known = {w for w in words if w in self.idf}  # a word no fact-check has finds none
        ranked = sorted(known, key=lambda w: (-self.idf[w], w))
        unique = sorted(ranked[:rarest])
        if not unique:
            return []
        query = " OR ".join(f'"{w}"' for w in unique)  # stems are \\w+: nothing to escape
        rows = self.db.execute(
            "SELECT rowid FROM checks_fts WHERE checks_fts MATCH ? ORDER BY bm25(checks_fts) "
            "LIMIT ?",
            (query, limit),
        )
        return [self.checks[number] for (number,) in rows]


def _row(check: FactCheck) -> tuple[object, ...]:
    mean = vector(check.claim)
    return (
        check.number,
        check.claim,
        check.url,
        check.rating,
        check.date,
        check.publisher,
        check.speaker,
        " ".join(stems(check.claim)),
        json.dumps(sorted(figures(check.claim))),
        None if mean is None else mean.astype(np.float32).tobytes(),
    )


def _indexed(row: tuple[object, ...]) -> Indexed:
    number, claim, url, rating, date, publisher, speaker, words, numbers, blob = row

    def text(value: object) -> str | None:
        return None if value is None else str(value)[:2000]

    check = FactCheck(
        int(str(number)),
        str(claim)[:2000],
        web_url(url),  # the file may not be ours: checked again
        text(rating),
        text(date),
        text(publisher),
        text(speaker),
    )
    mean = np.frombuffer(blob, dtype=np.float32) if isinstance(blob, bytes) else None
    return Indexed(
        check,
        frozenset(str(words).split()),
        frozenset(float(x) for x in json.loads(str(numbers))),
        mean,
    )


SQLITE_HEADER = b"SQLite format 3\x00"


def load_index(feed: Path, save: Path | None = None) -> tuple[FeedIndex, int]:
    """The index of a feed file: a saved index opened as it is, or a JSON / JSON Lines feed
    indexed (into `save` when given, a new file). Returns it with the number of objects of
    the feed that were not ClaimReviews (skipped)."""
    try:
        with feed.open("rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except OSError as err:
        raise InputError(f"{feed}: cannot read ({err.strerror or err})") from None
    if head == SQLITE_HEADER:
        return FeedIndex.open(feed), 0
    found = read_feed(feed)
    if not found.checks:
        raise InputError(f"{feed}: no ClaimReview with a claim in it")
    return FeedIndex.build(found, save), found.skipped
