"""Claims files: load them, find their article text, save them back atomically."""

from __future__ import annotations

import copy
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimx.articles import decode
from claimx.batch import INDEX_NAME
from claimx.errors import ClaimxError, InputError
from claimx.files import write_atomic
from claimx.records import is_claims_document
from claimx.serialize import to_yaml


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
    from claimx.story.load import read_documents

    documents = read_documents(path)
    try:
        stamp = _stamp(path)
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err})") from err
    if not documents or not all(is_claims_document(d) for d in documents):
        raise InputError(f"{path}: not a claims file (claimx output format)")
    for document in documents:
        problem = malformed(document)
        if problem:
            raise InputError(f"{path}: not a claims file ({problem})")
    articles = [ClaimsDocument(d, article_text(path, d)) for d in documents]
    return ClaimsFile(path, articles, stamp, _reviews(articles))


def malformed(document: dict[str, Any]) -> str | None:
    """What makes a claims document unusable for review, or None."""
    claims = document.get("claims")
    if not isinstance(claims, list):
        return "'claims' is not a list"
    for name in ("actors", "chips", "money"):
        items = document.get(name, [])
        if not isinstance(items, list) or not all(
            isinstance(i, dict) and isinstance(i.get("id"), str) for i in items
        ):
            return f"'{name}' is not a list of items with ids"
    if not isinstance(document.get("article", {}), dict):
        return "'article' is not a mapping"
    for number, claim in enumerate(claims, 1):
        if not isinstance(claim, dict):
            return f"claim {number} is not a mapping"
        for key, kind in (("id", str), ("text", str), ("start", int), ("end", int)):
            value = claim.get(key)
            if not isinstance(value, kind) or isinstance(value, bool):
                return f"claim {number}: '{key}' is missing or not a {kind.__name__}"
        for key in ("attribution", "review", "sentence"):
            if claim.get(key) is not None and not isinstance(claim[key], dict):
                return f"claim {number}: '{key}' is not a mapping"
        for key in ("actors", "chips", "money", "hedges"):
            if not isinstance(claim.get(key, []), list):
                return f"claim {number}: '{key}' is not a list"
    return None


def _stamp(path: Path) -> tuple[int, int]:
    stat = os.stat(path)
    return stat.st_size, stat.st_mtime_ns


def _reviews(articles: list[ClaimsDocument]) -> list[Any]:
    return [copy.deepcopy(c.get("review")) for a in articles for c in a.claims]


def claims_files(target: Path) -> list[Path]:
    """The claims files under a folder (a batch output), sorted; or the file itself."""
    if target.is_file():
        return [target]
    if not target.is_dir():
        raise InputError(f"{target}: no such file or folder")
    found = [
        p
        for p in sorted(target.rglob("*.yaml"))
        if p.name != INDEX_NAME and not any(part.startswith(".") for part in p.parts)
    ]
    if not found:
        raise InputError(f"{target}: no claims files (*.yaml) in this folder")
    return found


def article_text(path: Path, document: dict[str, Any]) -> str | None:
    """The text a claims document's offsets refer to, or None when it cannot be found.

    Looked for beside the claims file (`NAME.txt` for `NAME.yaml`, as `claimx batch`
    saves it), then at `article.source`; accepted only when every claim's span matches it.
    """
    for candidate in _text_places(path, document):
        try:
            text = decode(candidate.read_bytes(), str(candidate))
        except (OSError, InputError):
            continue
        if _fits(text, document):
            return text
    return None


def text_changed(path: Path, document: dict[str, Any]) -> bool:
    """Whether an article text is there but no longer the one the claims were made on."""
    return any(c.is_file() for c in _text_places(path, document))


def _text_places(path: Path, document: dict[str, Any]) -> list[Path]:
    """Where a claims document's article text may be, in the order it is looked for: the
    text copy beside it (batch), the source as given, relative to the claims file, and the
    source's file name beside the claims file (a folder moved with its claims)."""
    places = [path.with_suffix(".txt")]
    source = (document.get("article") or {}).get("source")
    if isinstance(source, str) and source != "-":
        places += [Path(source), path.parent / source, path.parent / Path(source).name]
    return places


def _fits(text: str, document: dict[str, Any]) -> bool:
    info = document.get("article") or {}
    if info.get("chars") is not None and len(text) != info["chars"]:
        return False
    return all(text[c["start"] : c["end"]] == c["text"] for c in document.get("claims", []))
