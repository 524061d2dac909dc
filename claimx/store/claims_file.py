"""A claims file open for review: its documents and texts, its decisions joined to its claims
(`claimx.store.decisions`), saved back to the decisions file beside it, merged with the
decisions another review saved meanwhile. The claims file itself is never rewritten."""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimx.errors import ClaimxError, InputError
from claimx.store.decisions import (
    Decision,
    Key,
    edits_of,
    join,
    machine_key,
    read_decisions,
    write_decisions,
)
from claimx.store.layout import decisions_path
from claimx.store.reader import article_text, checked_documents

Stamp = tuple[tuple[int, int], tuple[int, int] | None]  # the claims and decisions files'


class SaveFailed(ClaimxError):
    """A decision could not be written (disk full, read-only folder, or the claims changed
    beyond merging); the files on disk are as they were."""


@dataclass(eq=False)  # compared by identity: documents are large, and mutable
class ClaimsDocument:
    """One document of a claims file, with its article text when it can be found."""

    document: dict[str, Any]
    text: str | None

    @property
    def claims(self) -> list[dict[str, Any]]:
        claims: list[dict[str, Any]] = self.document.get("claims") or []
        return claims

    def actor(self, actor_id: str | None) -> dict[str, Any] | None:
        return next((a for a in self.document.get("actors", []) if a["id"] == actor_id), None)

    def item(self, list_name: str, item_id: str) -> dict[str, Any] | None:
        return next((x for x in self.document.get(list_name, []) if x["id"] == item_id), None)


@dataclass(eq=False)
class ClaimsFile:
    """A claims file: its path, its documents (decisions joined), and what was on disk when
    last read or written (to merge with decisions saved by another review)."""

    path: Path
    articles: list[ClaimsDocument] = field(default_factory=list)
    stamp: Stamp = ((0, 0), None)
    baseline: list[Any] = field(default_factory=list)  # each claim's review on disk
    keys: list[tuple[int, str, Key]] = field(default_factory=list)  # each claim as claimx gave it
    orphans: list[Decision] = field(default_factory=list)  # decisions whose claim is gone

    def claims(self) -> Iterator[tuple[ClaimsDocument, dict[str, Any]]]:
        for article in self.articles:
            for claim in article.claims:
                yield article, claim

    @property
    def decisions_file(self) -> Path:
        return decisions_path(self.path)

    def save(self) -> None:
        """Write the decisions file atomically. Decisions another review saved meanwhile
        are kept: a claim this review did not change takes the other's decision (and
        edits). Raise SaveFailed when nothing could be written."""
        try:
            if _stamp(self.path) != self.stamp:
                self._merge()
            write_decisions(self.path, self.decisions())
            self.stamp = _stamp(self.path)
        except OSError as err:
            where = err.filename or self.decisions_file
            raise SaveFailed(f"{where}: cannot save ({err.strerror or err})") from None
        self.baseline = _reviews(self.articles)

    def decisions(self) -> list[Decision]:
        """Every decision on this file: on its claims, in order, then the orphans."""
        found = [
            Decision(doc, claim_id, key, claim["review"], edits_of(claim))
            for (doc, claim_id, key), (_, claim) in zip(self.keys, self.claims(), strict=True)
            if isinstance(claim.get("review"), dict)
        ]
        return found + self.orphans

    def _merge(self) -> None:
        try:
            disk = load(self.path)
        except InputError as err:
            raise SaveFailed(f"{err}; not saved (changed since it was opened)") from None
        if disk.keys != self.keys:
            raise SaveFailed(
                f"{self.path}: its claims changed since it was opened (a new run of batch?);"
                " not saved: open it again"
            )
        theirs = [claim for _, claim in disk.claims()]
        for (_, claim), other, before in zip(self.claims(), theirs, self.baseline, strict=True):
            if claim.get("review") == before and other.get("review") != before:
                claim.clear()
                claim.update(copy.deepcopy(other))  # their decision, and their edits
        self.orphans = disk.orphans


def load(path: Path) -> ClaimsFile:
    """Read a claims file and join its decisions; raise InputError when it is not one (or
    its decisions file cannot be read)."""
    documents = checked_documents(path)
    try:
        stamp = _stamp(path)
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err})") from err
    keys = [
        (number, claim["id"], machine_key(claim))
        for number, document in enumerate(documents)
        for claim in document["claims"]
    ]
    orphans = join(documents, read_decisions(path))
    articles = [ClaimsDocument(d, article_text(path, d)) for d in documents]
    return ClaimsFile(path, articles, stamp, _reviews(articles), keys, orphans)


def _stamp(path: Path) -> Stamp:
    stat = os.stat(path)
    try:
        side = os.stat(decisions_path(path))
    except FileNotFoundError:
        return (stat.st_size, stat.st_mtime_ns), None
    return (stat.st_size, stat.st_mtime_ns), (side.st_size, side.st_mtime_ns)


def _reviews(articles: list[ClaimsDocument]) -> list[Any]:
    return [copy.deepcopy(c.get("review")) for a in articles for c in a.claims]
