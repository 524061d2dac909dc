"""`claimx -V`: the versions a bug report needs, found without importing spaCy."""

from __future__ import annotations

import json
import os
from importlib import metadata
from pathlib import Path


def versions() -> list[str]:
    """claimx's, spaCy's and the base model's (CLAIMX_MODEL, or the default) versions."""
    from claimx import __version__

    model = os.environ.get("CLAIMX_MODEL") or default_model()
    return [
        f"claimx {__version__}",
        f"spaCy {_installed('spacy') or 'not installed'}",
        f"model {model} {_model_version(model) or 'not installed'}",
    ]


def default_model() -> str:
    """The base pipeline models/pipeline.cfg names, read without thinc's config system."""
    from configparser import ConfigParser

    from claimx.resources import models_dir

    config = ConfigParser(interpolation=None)
    config.read(models_dir() / "pipeline.cfg", encoding="utf-8")
    return str(json.loads(config["claimx"]["base"]))


def _installed(distribution: str) -> str | None:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return None


def _model_version(model: str) -> str | None:
    """A pipeline package's version, or the one in a pipeline folder's meta.json."""
    meta = Path(model) / "meta.json"
    if meta.is_file():
        try:
            version = json.loads(meta.read_text(encoding="utf-8")).get("version")
        except (OSError, ValueError, AttributeError):
            return None
        return str(version) if version else None
    return _installed(model.replace("_", "-"))
