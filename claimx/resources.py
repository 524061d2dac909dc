"""Locate and read the pipeline definition and data files in `models/`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

_PACKAGE_DIR = Path(__file__).resolve().parent


def models_dir() -> Path:
    """Return the folder holding the pipeline definition and its data.

    An installed wheel carries it as `claimx/models`; a source checkout keeps it
    beside the package as `models/`.
    """
    for candidate in (_PACKAGE_DIR / "models", _PACKAGE_DIR.parent / "models"):
        if (candidate / "pipeline.cfg").is_file():
            return candidate
    raise FileNotFoundError("claimx data folder 'models/' not found; reinstall claimx")


def data_path(name: str) -> Path:
    """Resolve a data file name against `models/`; absolute paths pass through."""
    path = Path(name)
    return path if path.is_absolute() else models_dir() / path


# libyaml's parser when PyYAML has it (the same safe constructor and resolver: the same
# data, tests/test_resources.py), about eight times faster than the pure-Python one
SAFE_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=32)
def load_yaml(name: str) -> Any:
    """Read a YAML data file from `models/` (cached: data files are read-only)."""
    with data_path(name).open(encoding="utf-8") as f:
        return yaml.load(f, Loader=SAFE_LOADER)


def schema_path() -> Path:
    """The JSON Schema of the output format (version 2), shipped in the package."""
    return _PACKAGE_DIR / "schema" / "claimx-v2.schema.json"
