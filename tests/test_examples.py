"""The team's example articles (`examples/`): the README's main command works on them, and
claimx finds what their gold files say."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from claimx.cli import app
from claimx.evaluate import evaluate, find_gold

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
FLOORS = {"actors": 0.95, "chips": 1.0, "money": 1.0, "attributions": 0.95, "hedged": 0.95}


def test_every_example_has_its_gold_file() -> None:
    texts = sorted(p.stem for p in EXAMPLES.glob("*.txt"))
    golds = sorted(p.name.removesuffix(".gold.yaml") for p in EXAMPLES.glob("*.gold.yaml"))
    assert texts and texts == golds


@pytest.mark.parametrize(("category", "floor"), FLOORS.items())
def test_examples_floor(category: str, floor: float) -> None:
    report = evaluate(find_gold(EXAMPLES))
    assert report.total[category].f1 >= floor, report.total[category].to_dict()


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.txt")), ids=lambda p: p.name)
def test_the_readme_main_command_runs_on_each_example(path: Path) -> None:
    result = CliRunner().invoke(app, ["extract", str(path)])
    assert result.exit_code == 0, result.output
    document = yaml.safe_load(result.stdout)
    text = path.read_text(encoding="utf-8")
    assert document["claims"]
    for claim in document["claims"]:
        assert text[claim["start"] : claim["end"]] == claim["text"]
