"""The one reader of claims files: their documents, checked, and the article text their
offsets refer to."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from claimx.articles import decode
from claimx.errors import InputError
from claimx.store.decisions import join, read_decisions
from claimx.store.layout import text_copy
from claimx.store.machine import read_copy, write_copy
from claimx.store.records import is_claims_document
from claimx.store.serialize import load_untrusted_documents, load_untrusted_yaml


def read_documents(path: Path) -> list[Any]:
    """The YAML documents of a file from anywhere: from the writer's machine copy when it
    matches the file, else by PyYAML's C loader without aliases (no alias bomb). InputError
    when unreadable."""
    return _read(path)[0]


def _read(path: Path) -> tuple[list[Any], os.stat_result | None]:
    """The documents, and the file's state when they were read from its YAML."""
    copied = read_copy(path)
    if copied is not None:
        return copied, None
    try:
        stat = path.stat()
        return load_untrusted_documents(path.read_text(encoding="utf-8")), stat
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read ({err})") from None
    except Exception as err:  # a YAML syntax error, or aliases
        reason = "YAML aliases" if "aliases" in str(err) else "invalid YAML"
        raise InputError(f"{path}: not a claims file ({reason})") from None


def claims_documents(path: Path, *, keep_copy: bool = False) -> list[dict[str, Any]]:
    """The claimx documents of a claims file, its review decisions joined to its claims;
    raise InputError when it is not one. `keep_copy`: a claims file read from its YAML (an
    earlier claimx wrote it) gets the machine copy the writer would have kept, when its
    folder can be written (for folders read again and again: summary, db)."""
    documents, stat = _read(path)
    if not documents or not all(
        is_claims_document(d) and isinstance(d["claims"], list) for d in documents
    ):
        raise InputError(f"{path}: not a claims file (claimx output format)")
    if keep_copy and stat is not None:
        write_copy(path, documents, stat)
    join(documents, read_decisions(path))
    return documents


def checked_documents(path: Path) -> list[dict[str, Any]]:
    """The claimx documents of a file, each checked for what review and show rely on;
    InputError, with the reason, when it is not a usable claims file."""
    documents = read_documents(path)
    if not documents or not all(is_claims_document(d) for d in documents):
        raise InputError(f"{path}: not a claims file (claimx output format)")
    for document in documents:
        problem = malformed(document)
        if problem:
            raise InputError(f"{path}: not a claims file ({problem})")
    return documents


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
        problem = _malformed_claim(claim)
        if problem:
            return f"claim {number}{problem}"
    return None


def _malformed_claim(claim: Any) -> str | None:
    if not isinstance(claim, dict):
        return " is not a mapping"
    for key, kind in (("id", str), ("text", str), ("start", int), ("end", int)):
        value = claim.get(key)
        if not isinstance(value, kind) or isinstance(value, bool):
            return f": '{key}' is missing or not a {kind.__name__}"
    for key in ("attribution", "review", "sentence"):
        if claim.get(key) is not None and not isinstance(claim[key], dict):
            return f": '{key}' is not a mapping"
    for key in ("actors", "chips", "money", "hedges"):
        if not isinstance(claim.get(key, []), list):
            return f": '{key}' is not a list"
    return None


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
    places = [text_copy(path)]
    source = (document.get("article") or {}).get("source")
    if isinstance(source, str) and source != "-":
        places += [Path(source), path.parent / source, path.parent / Path(source).name]
    return places


def _fits(text: str, document: dict[str, Any]) -> bool:
    info = document.get("article") or {}
    if info.get("chars") is not None and len(text) != info["chars"]:
        return False
    return all(text[c["start"] : c["end"]] == c["text"] for c in document.get("claims", []))


def written_for(path: Path, source: str | None) -> bool:
    """Whether an existing file is claimx's own claims file for the article `source` (say,
    written by a batch killed before its index line): its head names that source."""
    try:
        with path.open(encoding="utf-8") as f:
            head = f.read(4096)
    except (OSError, UnicodeDecodeError):
        return False
    head = head.split("\nactors:", 1)[0]  # the format version and the article block
    try:
        document = load_untrusted_yaml(head)
    except yaml.YAMLError:
        return False
    if not isinstance(document, dict) or "claimx" not in document:
        return False
    article = document.get("article")
    return isinstance(article, dict) and article.get("source") == source
