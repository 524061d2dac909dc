"""The machine copy the writer keeps of each claims file it writes: the same documents as
JSON, hidden beside it (`.NAME.yaml.json`). Measured on news-length claims files, JSON reads
in about 1.2 ms a file where PyYAML's C loader takes 37 ms: a summary of a thousand files
stays within seconds. A copy counts only while the claims file is the one it was made from
(same size and modification time); otherwise, or without a copy (`claimx extract > FILE`,
a file edited by hand), the YAML is read. Folders that an earlier claimx wrote get their
copies the first time summary or db reads them."""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path
from typing import Any

from claimx.store.files import write_atomic
from claimx.store.layout import copy_path
from claimx.store.serialize import to_yaml

VERSION = 1


def write_claims(path: Path, documents: list[dict[str, Any]], text: str | None = None) -> None:
    """Write a claims file atomically (`text`, its YAML, when already made), then its
    machine copy (OSError)."""
    write_atomic(path, to_yaml(documents) if text is None else text)
    _write(path, documents, path.stat())


def write_copy(path: Path, documents: list[Any], stat: os.stat_result) -> None:
    """Keep the machine copy of a claims file read from its YAML (`stat`: the file as it
    was read; should it have changed since, the copy will not count). A folder that cannot
    be written just goes without."""
    with contextlib.suppress(OSError):
        _write(path, documents, stat)


def _write(path: Path, documents: list[Any], stat: os.stat_result) -> None:
    copy = {
        "claimx_copy": VERSION,
        "yaml": [stat.st_size, stat.st_mtime_ns],
        "documents": documents,
    }
    write_atomic(copy_path(path), json.dumps(copy, ensure_ascii=False, separators=(",", ":")))


def read_copy(path: Path) -> list[Any] | None:
    """The documents of a claims file from its machine copy, or None when there is no copy
    that matches the file as it is now."""
    try:
        stat = path.stat()
        raw = copy_path(path).read_bytes()
    except OSError:
        return None
    try:
        data = json.loads(raw)
    except (ValueError, RecursionError):  # cut short, or not ours
        return None
    if not isinstance(data, dict) or data.get("claimx_copy") != VERSION:
        return None
    if data.get("yaml") != [stat.st_size, stat.st_mtime_ns]:
        return None  # the claims file changed since (edited, copied without its times)
    documents = data.get("documents")
    return documents if isinstance(documents, list) else None


def has_copy(path: Path) -> bool:
    """Whether a claims file has a machine copy (that it still matches is not checked)."""
    return copy_path(path).is_file()
