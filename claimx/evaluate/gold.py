"""Gold annotation files (`docs`: the gold format) and the articles they annotate."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from claimx.errors import GoldError, NoInput
from claimx.store.serialize import load_untrusted_yaml


@dataclass(frozen=True)
class GoldArticle:
    """A gold file and the article it annotates."""

    path: Path
    article: Path
    data: dict[str, Any]


def load_gold(path: Path, corpus: Path | None = None) -> GoldArticle:
    """Read one gold file; its article is relative to the gold file or to `corpus`."""
    try:
        data = load_untrusted_yaml(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        reason = " ".join(str(err).split())  # one line, whatever the parser said
        raise GoldError(f"{path}: cannot read gold file ({reason})") from None
    if not isinstance(data, dict) or "file" not in data:
        raise GoldError(f"{path}: not a gold file (no 'file' key)")
    candidates = [path.parent / data["file"]]
    if corpus is not None:
        candidates.insert(0, corpus / data["file"])
    for candidate in candidates:
        if candidate.is_file():
            return GoldArticle(path, candidate, data)
    raise GoldError(f"{path}: article {data['file']!r} not found")


def find_gold(path: Path, corpus: Path | None = None) -> list[GoldArticle]:
    """Gold files under a folder (`*.gold.yaml`), or the one file given."""
    if path.is_dir():
        files = sorted(path.rglob("*.gold.yaml"))
        if not files:
            raise NoInput(f"{path}: no gold files (*.gold.yaml) in this folder")
        return [load_gold(f, corpus) for f in files]
    if not path.is_file():
        raise GoldError(f"{path}: no such gold file or folder")
    return [load_gold(path, corpus)]
