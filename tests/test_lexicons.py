"""The data files in models/: readable, with provenance, and free of duplicates."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimx.resources import models_dir
from claimx.text import fold

FILES = sorted(models_dir().glob("*.yaml"))


class _UniqueKeys(yaml.SafeLoader):
    """A safe loader that refuses a mapping key given twice."""


def _mapping(loader: _UniqueKeys, node: yaml.MappingNode) -> dict[Any, Any]:
    keys = [loader.construct_object(k) for k, _ in node.value]
    repeated = [k for k, n in Counter(map(str, keys)).items() if n > 1]
    if repeated:
        raise yaml.constructor.ConstructorError(None, None, f"repeated keys {repeated}")
    return loader.construct_mapping(node)


_UniqueKeys.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def repeated_items(value: Any, path: str = "") -> list[str]:
    """Every list item given twice (as written: "l'" and "l’", "K" and "k" are two)."""
    found: list[str] = []
    if isinstance(value, list):
        keys = [v if isinstance(v, str) else repr(v) for v in value]
        found += [f"{path}: {k}" for k, n in Counter(keys).items() if n > 1]
        for i, item in enumerate(value):
            found += repeated_items(item, f"{path}[{i}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            found += repeated_items(item, f"{path}.{key}")
    return found


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_data_file_has_no_repeated_key_or_item(path: Path) -> None:
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_UniqueKeys)
    assert repeated_items(data) == []


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_data_file_states_version_and_provenance(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert "Provenance:" in text.split("\n\n")[0]
    assert isinstance(yaml.safe_load(text).get("version"), int)


def test_repeated_items_are_found() -> None:
    assert repeated_items({"a": ["dire", "dire", "Dire"], "b": [["x"], ["y", "y"]]}) == [
        ".a: dire",
        ".b[1]: y",
    ]


def test_according_markers_are_listed_once_across_files() -> None:
    grammar = yaml.safe_load((models_dir() / "french.yaml").read_text(encoding="utf-8"))
    lexicon = yaml.safe_load((models_dir() / "attribution.yaml").read_text(encoding="utf-8"))
    markers = [*grammar["source_prepositions"], *lexicon["according_to"]]
    assert repeated_items([fold(m) for m in markers]) == []


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_word_lists_hold_no_yaml_booleans(path: Path) -> None:
    """YAML 1.1 reads a bare `on`, `off`, `yes` or `no` as a boolean: in a word list it
    must be quoted."""

    def listed_booleans(value: Any) -> list[Any]:
        if isinstance(value, list):
            return [v for v in value if isinstance(v, bool)] + [
                b for v in value for b in listed_booleans(v)
            ]
        if isinstance(value, dict):
            return [b for v in value.values() for b in listed_booleans(v)]
        return []

    assert listed_booleans(yaml.safe_load(path.read_text(encoding="utf-8"))) == []
