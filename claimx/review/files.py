"""Claims files: load them, find their article text, save them back atomically."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimx.articles import decode
from claimx.batch import INDEX_NAME
from claimx.errors import InputError
from claimx.files import write_atomic
from claimx.serialize import load_yaml_documents, to_yaml


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
    """A claims file: its path and its documents."""

    path: Path
    articles: list[ClaimsDocument] = field(default_factory=list)

    def claims(self) -> Iterator[tuple[ClaimsDocument, dict[str, Any]]]:
        for article in self.articles:
            for claim in article.claims:
                yield article, claim

    def save(self) -> None:
        """Write the file back atomically, every other field as it was."""
        write_atomic(self.path, to_yaml([a.document for a in self.articles]))


def load(path: Path) -> ClaimsFile:
    """Read a claims file; raise InputError when it is not one."""
    try:
        documents = load_yaml_documents(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read ({err})") from err
    except Exception as err:  # a YAML syntax error
        raise InputError(f"{path}: not a claims file (invalid YAML)") from err
    if not documents or not all(is_claims_document(d) for d in documents):
        raise InputError(f"{path}: not a claims file (claimx output format v1)")
    return ClaimsFile(path, [ClaimsDocument(d, article_text(path, d)) for d in documents])


def is_claims_document(document: Any) -> bool:
    return isinstance(document, dict) and document.get("claimx") == 1 and "claims" in document


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
    """Where a claims document's article text may be, in the order it is looked for."""
    places = [path.with_suffix(".txt")]
    source = (document.get("article") or {}).get("source")
    if isinstance(source, str) and source != "-":
        places += [Path(source), path.parent / source]
    return places


def _fits(text: str, document: dict[str, Any]) -> bool:
    info = document.get("article") or {}
    if info.get("chars") is not None and len(text) != info["chars"]:
        return False
    return all(text[c["start"] : c["end"]] == c["text"] for c in document.get("claims", []))
