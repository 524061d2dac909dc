"""The folder the `contradiction` rule compares a new article with: the claims of every
other claims file, as `claimx summary` compares them (`claimx.story.compare`): a figure
given differently about the same actors and topic, or the same claim stated in one
article and hedged or denied in the other."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimx.errors import InputError
from claimx.live.alerts import Hit
from claimx.store import claims_documents, claims_files
from claimx.store.records import Extraction
from claimx.story.compare import disagree_on_figure, is_same_claim
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
        hits: list[Hit] = []
        for row in rows:
            for other_file, others in sorted(self.rows.items()):
                if other_file == claims_file:
                    continue
                for other in others:
                    kind = _disagreement(row, other, kinds)
                    if kind is not None:
                        hits.append((records[row.id], [other.text], _fields(kind, other)))
        self.rows[claims_file] = rows
        return hits


def _disagreement(a: ClaimRow, b: ClaimRow, kinds: frozenset[str]) -> str | None:
    if "figure" in kinds and disagree_on_figure(a, b):
        return "figure"
    if "modality" in kinds and a.stance != b.stance and is_same_claim(a, b):
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
