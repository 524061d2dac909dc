"""Peer specs: every French money case of Recognizers-Text and Duckling, run through claimx_money.

The cases live in `../shared/peers/` (MIT and BSD licences kept there); the ones claimx
does not pass are listed with their reasons in `tests/peers/failures.yaml`.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimx.components import hits as products
from claimx.components.hits import MoneyHit
from tests.conftest import SHARED, blank_with
from tests.peers.load import PeerCase, duckling, recognizers_text

NLP = blank_with("claimx_money")
PEERS = SHARED / "peers"
RT_FILE = PEERS / "recognizers-text" / "French" / "NumberWithUnit" / "CurrencyModel.json"
DUCKLING_FILE = PEERS / "duckling" / "AmountOfMoney-FR-Corpus.hs"
FAILURES: dict[str, list[dict[str, Any]]] = yaml.safe_load(
    (Path(__file__).parent / "peers" / "failures.yaml").read_text(encoding="utf-8")
)


def _cases(suite: str, path: Path, load: Any) -> list[Any]:
    if not path.is_file():
        return [pytest.param(None, marks=pytest.mark.skip(reason=f"{path} is not present"))]
    listed = {entry["id"]: entry for entry in FAILURES[suite]}
    params = []
    for case in load(path):
        marks = []
        if case.id in listed:
            assert listed[case.id]["text"] == case.text, f"{case.id} moved in the peer file"
            marks.append(pytest.mark.xfail(reason=listed[case.id]["reason"], strict=True))
        params.append(pytest.param(case, id=case.id, marks=marks))
    return params


def _same(value: int | float | None, expected: Decimal | None) -> bool:
    if value is None or expected is None:
        return value is None and expected is None
    return abs(Decimal(str(value)) - expected) < Decimal("0.000001")


def _found(case: PeerCase, hits: list[MoneyHit]) -> list[str]:
    """What the peer expects and claimx did not give, or gave in excess."""
    problems = []
    if len(hits) != len(case.expected):
        problems.append(f"{len(hits)} amounts found, {len(case.expected)} expected")
    for want in case.expected:
        match = [
            h
            for h in hits
            # The peer's span excludes qualifiers ("environ"); claimx's span includes them.
            if (want.start is None or want.end is None or h.start <= want.start < want.end <= h.end)
            and _same(h.amount, want.amount)
            and h.currency == want.currency
            and (want.qualifier is None or h.qualifier == want.qualifier)
            and (want.amount_max is None or _same(h.amount_max, want.amount_max))
        ]
        if not match:
            problems.append(f"missing {want}")
    return problems


@pytest.mark.parametrize("case", _cases("recognizers-text", RT_FILE, recognizers_text))
def test_recognizers_text_currency(case: PeerCase) -> None:
    hits = products.money(NLP(case.text))
    assert _found(case, hits) == [], [(h.span.text, h.amount, h.currency) for h in hits]


@pytest.mark.parametrize("case", _cases("duckling", DUCKLING_FILE, duckling))
def test_duckling_amount_of_money(case: PeerCase) -> None:
    hits = products.money(NLP(case.text))
    assert _found(case, hits) == [], [(h.span.text, h.amount, h.currency) for h in hits]


def test_recognizers_text_pass_rate(shared: Path) -> None:
    cases = recognizers_text(RT_FILE)
    assert len(cases) == 114
    assert len(FAILURES["recognizers-text"]) <= 0.1 * len(cases)


def test_failures_have_reasons() -> None:
    for suite, entries in FAILURES.items():
        for entry in entries:
            assert entry["verdict"] in {"unsupported", "disputed"}, (suite, entry)
            assert len(entry["reason"]) > 40, (suite, entry)
