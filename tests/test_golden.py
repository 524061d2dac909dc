"""Golden outputs: claimx's YAML for every gold-set article, exactly as recorded.

A change that is meant to change the output records the files anew with
`python tools/golden.py` and shows the diff in its commit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools.golden import (
    GOLDEN,
    SHARED,
    digest,
    golden_name,
    own_articles,
    read_digests,
    render,
    shared_articles,
)

OWN = list(own_articles())


@pytest.mark.parametrize(("name", "path"), OWN, ids=[n for n, _ in OWN])
def test_own_article_output_is_the_golden_file(name: str, path: Path) -> None:
    expected = (GOLDEN / golden_name(name)).read_text(encoding="utf-8")
    assert render(name, path) == expected


@pytest.mark.slow
def test_shared_articles_output_matches_recorded_digests() -> None:
    if not SHARED.is_dir():
        pytest.skip("../shared is not present")
    recorded = read_digests()
    current = {name: digest(render(name, path)) for name, path in shared_articles()}
    assert current, "no article found in ../shared"
    assert sorted(n for n in current if recorded.get(n) != current[n]) == []
