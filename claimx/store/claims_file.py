"""A claims file open for review: its documents and texts, saved back atomically, merged
with the decisions another review saved meanwhile."""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimx.errors import ClaimxError, InputError
from claimx.store.files import write_atomic
from claimx.store.reader import article_text, checked_documents
from claimx.store.serialize import to_yaml


class SaveFailed(ClaimxError):
    """A decision could not be written (disk full, read-only file, or the file changed
    beyond merging); the claims file on disk is as it was."""


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
    """A claims file: its path, its documents, and what was on disk when last read or
    written (to merge with decisions saved by another review of the same file)."""

    path: Path
    articles: list[ClaimsDocument] = field(default_factory=list)
    stamp: tuple[int, int] = (0, 0)  # (size, mtime_ns) on disk
    baseline: list[Any] = field(default_factory=list)  # each claim's review on disk

    def claims(self) -> Iterator[tuple[ClaimsDocument, dict[str, Any]]]:
        for article in self.articles:
            for claim in article.claims:
                yield article, claim

    def save(self) -> None:
        """Write the file back atomically, every other field as it was. Decisions another
        review saved meanwhile are kept: a claim this review did not change takes the
        other's decision (and edits). Raise SaveFailed when nothing could be written."""
        try:
            if _stamp(self.path) != self.stamp:
                self._merge()
            write_atomic(self.path, to_yaml([a.document for a in self.articles]))
            self.stamp = _stamp(self.path)
        except OSError as err:
            raise SaveFailed(f"{self.path}: cannot save ({err.strerror or err})") from None
        self.baseline = _reviews(self.articles)

    def _merge(self) -> None:
        try:
            disk = load(self.path)
        except InputError as err:
            raise SaveFailed(f"{err}; not saved (changed since it was opened)") from None
        mine = list(self.claims())
        theirs = list(disk.claims())
        same = len(mine) == len(theirs) and all(
            (a["id"], a["text"]) == (b["id"], b["text"])
            for (_, a), (_, b) in zip(mine, theirs, strict=True)
        )
        if not same:
            raise SaveFailed(
                f"{self.path}: its claims changed since it was opened (a new run of batch?);"
                " not saved: open it again"
            )
        for (_, claim), (_, other), before in zip(mine, theirs, self.baseline, strict=True):
            if claim.get("review") == before and other.get("review") != before:
                claim.clear()
                claim.update(copy.deepcopy(other))  # their decision, and their edits


def load(path: Path) -> ClaimsFile:
    """Read a claims file; raise InputError when it is not one."""
    documents = checked_documents(path)
    try:
        stamp = _stamp(path)
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err})") from err
    articles = [ClaimsDocument(d, article_text(path, d)) for d in documents]
    return ClaimsFile(path, articles, stamp, _reviews(articles))


def _stamp(path: Path) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns


def _reviews(articles: list[ClaimsDocument]) -> list[Any]:
    return [copy.deepcopy(c.get("review")) for a in articles for c in a.claims]
