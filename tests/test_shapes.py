"""Reported-speech shapes of the French press, written and annotated by someone who had not
seen claimx (tests/shapes/README.md), scored by tools/shapes.py.

The odd ids are read while working, the even ids never: the floors hold each half just
under what claimx reaches, so that a change losing shapes fails here.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from tools.shapes import Outcome, judge, load_shapes, report, same_source

READ_FLOOR, CHECK_FLOOR, LOOK_ALIKES_FLOOR = 0.86, 0.72, 0.90


@pytest.mark.parametrize(
    ("expected", "found", "same"),
    [
        ("Cour des comptes", "Cour des comptes européenne", True),
        ("parquet fédéral belge", "Le parquet fédéral", True),
        ("Telvia", "Un porte-parole de Telvia", True),
        ("Marc Duval", "Ana Ruiz", False),
        ("Marc Duval", "", False),
    ],
)
def test_sources_are_compared_loosely_but_not_emptily(
    expected: str, found: str, same: bool
) -> None:
    assert same_source(expected, found) is same


def test_every_item_locates_its_evidence_once() -> None:
    items = load_shapes()
    assert len(items) >= 150
    assert len({i["id"] for i in items}) == len(items)
    for item in items:
        assert item["text"].count(item["evidence"]) == 1, item["id"]


@pytest.mark.slow
def test_shapes_pass_rates_hold(nlp: Language) -> None:
    outcomes = [judge(nlp, item) for item in load_shapes()]

    def rate(part: list[Outcome]) -> float:
        return sum(o.passed for o in part) / len(part)

    detail = report(outcomes)
    assert rate([o for o in outcomes if o.read_half]) >= READ_FLOOR, detail
    assert rate([o for o in outcomes if not o.read_half]) >= CHECK_FLOOR, detail
    look_alikes = [o for o in outcomes if o.item["source"] is None]
    assert rate(look_alikes) >= LOOK_ALIKES_FLOOR, detail
