"""The folder the `contradiction` rule compares a new article with: the claims of every
other claims file, as `claimx summary` compares them: two claims telling one event from one
source (`claimx.story.compare.link`) that give one measure of one period different figures,
or state and hedge (or deny) one proposition (`claimx.story.contradict`)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimx.errors import InputError
from claimx.live.alerts import Hit
from claimx.store import claims_documents, claims_files
from claimx.store.records import Extraction
from claimx.story.compare import link
from claimx.story.contradict import figure_conflicts, stance_conflicts
from claimx.story.events import Rarity, event_of, rarity
from claimx.story.records import ClaimRow, from_document


class FolderClaims:
    """The claims of a claims folder by claims file (relative), kept up to date as the
    watcher hands it each new or changed article."""

    def __init__(self) -> None:
        self.rows: dict[str, list[ClaimRow]] = {}

    @classmethod
    def read(cls, out: Path) -> FolderClaims:
        """The claims files already in `out` (those that cannot be read left out)."""
        folder = cls()
        for path in claims_files(out, empty_ok=True):
            name = path.relative_to(out).as_posix()
            try:
                documents = claims_documents(path)
            except InputError:
                continue
            folder.rows[name] = [r for d in documents for r in from_document(d, name).claims]
        return folder

    def conflicts(
        self, extraction: Extraction, claims_file: str, kinds: frozenset[str]
    ) -> list[Hit]:
        """Each claim of `extraction` against every claim of the other files: one hit per
        disagreeing pair, in claim then file order. The article's claims replace what the
        folder held for its file."""
        rows = from_document(extraction.to_dict(), claims_file).claims
        records = {c.id: c for c in extraction.claims}
        others = {f: r for f, r in self.rows.items() if f != claims_file}
        words = rarity([*rows, *(c for found in others.values() for c in found)])
        hits: list[Hit] = []
        for row in rows:
            for _, found in sorted(others.items()):
                for other in found:
                    kind = _disagreement(row, other, kinds, words)
                    if kind is not None:
                        hits.append((records[row.id], [other.text], _fields(kind, other)))
        self.rows[claims_file] = rows
        return hits


def _disagreement(a: ClaimRow, b: ClaimRow, kinds: frozenset[str], words: Rarity) -> str | None:
    """How two claims of different articles contradict each other, if they do."""
    if not link(a, b, event_of(a, words), event_of(b, words)):
        return None  # not one event told by one source
    if "figure" in kinds and any(figure_conflicts([a, b])):
        return "figure"
    if "modality" in kinds and any(stance_conflicts([a, b])):
        return "modality"
    return None


def _fields(kind: str, other: ClaimRow) -> dict[str, Any]:
    return {
        "contradiction": {
            "kind": kind,
            "with": {
                "claims_file": other.article.file,
                "claim": other.id,
                "text": other.text,
                "stance": other.stance,
                "figures": [m.text for m in other.money],
                "outlet": other.article.outlet,
                "date": other.article.date,
                "url": other.article.url,
            },
        }
    }
