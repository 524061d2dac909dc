"""The scorer on hand-made documents, and the quality gates CI enforces."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from claimx.evaluate import evaluate, find_gold, score_document
from tests.conftest import GOLD_DIR

TEXT = "Selon NPR, Huang a vendu 5 milliards de dollars de H20."


def doc(**parts: Any) -> dict[str, Any]:
    return {"actors": [], "chips": [], "money": [], "claims": [], **parts}


def actor(i: int, name: str, kind: str, *mentions: str) -> dict[str, Any]:
    return {
        "id": f"A{i}",
        "name": name,
        "kind": kind,
        "roles": [],
        "mentions": [{"start": 0, "end": 0, "text": m} for m in (name, *mentions)],
    }


GOLD = {
    "actors": [
        {"name": "Jensen Huang", "kind": "person", "aliases": ["Huang"]},
        {"name": "NPR", "kind": "media", "aliases": ["NPR"]},
        {"name": "Chine", "kind": "country", "aliases": ["Chine"], "optional": True},
    ],
    "chips": [{"name": "H20", "vendor": "Nvidia", "aliases": ["H20"]}],
    "money": [{"text": "5 milliards de dollars", "amount": 5e9, "currency": "USD"}],
    "attributions": [
        {"source": "NPR", "cue": "Selon NPR", "kind": "according_to", "evidence": "a vendu"}
    ],
    "hedged": [],
}


def test_duplicate_actor_is_a_false_positive() -> None:
    scores = score_document(
        doc(
            actors=[
                actor(1, "Jensen Huang", "person"),
                actor(2, "Huang", "person"),
                actor(3, "NPR", "media"),
            ]
        ),
        GOLD,
        TEXT,
    )
    assert scores["actors"].recall == 1.0
    assert scores["actors"].precision == pytest.approx(2 / 3)


def test_optional_actor_neither_rewarded_nor_punished() -> None:
    scores = score_document(
        doc(actors=[actor(1, "NPR", "organization"), actor(2, "Chine", "country")]), GOLD, TEXT
    )
    assert scores["actors"].precision == 1.0
    assert scores["actors"].recall == 0.5
    assert scores["actors"].accuracy == 0.0  # NPR's kind is wrong


def test_money_and_chips() -> None:
    money = [
        {
            "id": "M1",
            "start": 25,
            "end": 47,
            "text": "5 milliards de dollars",
            "amount": 5_010_000_000,
            "currency": "USD",
            "qualifier": "exact",
        }
    ]
    chips = [
        {
            "id": "K1",
            "name": "H-20",
            "vendor": "AMD",
            "mentions": [{"start": 51, "end": 54, "text": "H20"}],
        }
    ]
    scores = score_document(doc(money=money, chips=chips), GOLD, TEXT)
    assert scores["money"].f1 == 1.0  # within 0.5 %
    assert scores["chips"].f1 == 1.0
    assert scores["chips"].accuracy == 0.0
    money[0]["currency"] = "EUR"
    assert score_document(doc(money=money), GOLD, TEXT)["money"].f1 == 0.0


def test_attribution_needs_the_right_source() -> None:
    claim: dict[str, Any] = {
        "id": "C1",
        "start": 11,
        "end": 54,
        "text": TEXT[11:54],
        "sentence": {"start": 0, "end": 55},
        "actors": [],
        "chips": [],
        "money": [],
        "modality": "reported",
        "hedges": [],
        "attribution": {
            "kind": "according_to",
            "source": "A1",
            "source_text": "NPR",
            "cue": {"start": 0, "end": 9, "text": "Selon NPR"},
            "quote": None,
        },
    }
    good = score_document(doc(actors=[actor(1, "NPR", "media")], claims=[claim]), GOLD, TEXT)
    assert good["attributions"].f1 == 1.0
    claim["attribution"]["source_text"] = "Reuters"
    bad = score_document(doc(actors=[actor(1, "Reuters", "media")], claims=[claim]), GOLD, TEXT)
    assert bad["attributions"].f1 == 0.0


def test_reference_article_quality(shared: Path) -> None:
    report = evaluate(find_gold(shared / "examples" / "nvidia-h20.gold.yaml"))
    total = report.total
    assert report.mean_f1 >= 0.85
    assert total["attributions"].recall == 1.0
    assert total["hedged"].recall == 1.0
    assert total["chips"].f1 == 1.0


# Floors a little under the current figures: a regression fails CI.
DEV_FLOORS = {"actors": 0.96, "chips": 0.97, "money": 0.97, "attributions": 0.93, "hedged": 0.9}
# Kind accuracy for actors and attributions, vendor accuracy for chips (issues 4 and 5).
DEV_ACCURACY = {"actors": 0.9, "chips": 0.97, "attributions": 0.9}


def test_development_gold_set_quality() -> None:
    report = evaluate(find_gold(GOLD_DIR))
    assert len(report.articles) >= 16
    for category, floor in DEV_FLOORS.items():
        assert report.total[category].f1 >= floor, (category, report.total[category].to_dict())
    for category, floor in DEV_ACCURACY.items():
        accuracy = report.total[category].accuracy
        assert accuracy is not None and accuracy >= floor, (category, accuracy)


def test_held_out_set_quality() -> None:
    """tests/heldout: four articles annotated after the rules were written, never tuned on.

    The gate is loose on purpose (it catches a collapse, not a point), so that nobody is
    tempted to tune on these articles.
    """
    report = evaluate(find_gold(Path(__file__).parent / "heldout"))
    assert len(report.articles) == 4
    assert report.mean_f1 >= 0.85, report.total


def test_misses_list_merges_extras_and_missed_items() -> None:
    gold = {
        "actors": [
            {"name": "Jensen Huang", "kind": "person", "aliases": ["Huang"]},
            {"name": "Nvidia", "kind": "organization", "aliases": ["Nvidia"]},
            {"name": "NPR", "kind": "media", "aliases": ["NPR"]},
        ],
        "attributions": [
            {"source": "NPR", "cue": "Selon NPR", "kind": "according_to", "evidence": "a vendu"}
        ],
    }
    merged = actor(1, "Nvidia", "organization", "Huang")  # one entry for two real actors
    scores = score_document(doc(actors=[merged, actor(2, "Reuters", "media")]), gold, TEXT)
    misses = scores["actors"].misses
    assert "merged: Nvidia = Jensen Huang + Nvidia" in misses
    assert "extra: Reuters" in misses
    assert "missed: NPR" in misses
    assert scores["attributions"].misses == ["missed: NPR / Selon NPR"]


def test_eval_detail_prints_the_misses(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimx.cli import app

    gold = sorted(GOLD_DIR.glob("*.gold.yaml"))[0]
    result = CliRunner().invoke(app, ["eval", str(gold), "--detail", "--json"])
    assert result.exit_code == 0, result.output
    article = next(iter(json.loads(result.stdout)["articles"].values()))
    assert all(isinstance(article[c]["misses"], list) for c in article)


@pytest.mark.parametrize(
    "content",
    [
        b"file: a.txt\nactors: [1, 2\n",  # malformed YAML
        b"a: &x [1]\nfile: a.txt\nb: *x\n",  # an alias: refused, as in every file claimx reads
        b"\xff\xfe\x00 file: a.txt\n",  # not UTF-8
    ],
)
def test_an_unreadable_gold_file_is_one_line_exit_3(tmp_path: Path, content: bytes) -> None:
    from typer.testing import CliRunner

    from claimx.cli import app

    (tmp_path / "a.txt").write_text("Selon Reuters, Nvidia a vendu des puces.", encoding="utf-8")
    (tmp_path / "a.gold.yaml").write_bytes(content)
    result = CliRunner().invoke(app, ["eval", str(tmp_path / "a.gold.yaml")])
    assert result.exit_code == 3, result.output
    assert len(result.stderr.strip().splitlines()) == 1 and "cannot read gold file" in result.stderr
