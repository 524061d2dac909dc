"""Read the peer projects' French money specs from `../shared/peers/` as plain cases."""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

# Recognizers-Text names its units in French; claimx speaks ISO 4217. A minor unit maps to
# its major currency (None when the word alone does not name one) and a factor.
RT_UNITS: dict[str, tuple[str | None, Decimal]] = {
    "Dollar": ("USD", Decimal(1)),
    "Dollar États-Unis": ("USD", Decimal(1)),
    "Dollar Canadien": ("CAD", Decimal(1)),
    "Dollar Australien": ("AUD", Decimal(1)),
    "Dollar de Hong Kong": ("HKD", Decimal(1)),
    "Dollar néo-zélandais": ("NZD", Decimal(1)),
    "Mexican peso": ("MXN", Decimal(1)),
    "Euro": ("EUR", Decimal(1)),
    "Livre": ("GBP", Decimal(1)),
    "Yen Japonais": ("JPY", Decimal(1)),
    "Yuan Chinois": ("CNY", Decimal(1)),
    "Franc": ("FRF", Decimal(1)),
    "Franc Suisse": ("CHF", Decimal(1)),
    "Mark Finlandais": ("FIM", Decimal(1)),
    "Florins Néerlandais": ("NLG", Decimal(1)),
    "Roupie": ("INR", Decimal(1)),
    "Roupie indienne": ("INR", Decimal(1)),
    "Cent": (None, Decimal("0.01")),
    "Centimes": (None, Decimal("0.01")),
    "Pence": ("GBP", Decimal("0.01")),
    "Penny": ("GBP", Decimal("0.01")),
    "Pesewa": ("GHS", Decimal("0.01")),
}

DUCKLING_UNITS: dict[str, str | None] = {
    "Dollar": "USD",
    "USD": "USD",
    "EUR": "EUR",
    "Pound": "GBP",
    "GBP": "GBP",
    "ILS": "ILS",
    "Rial": "IRR",
    "Riyal": "SAR",
    "Unnamed": None,
}


@dataclass(frozen=True)
class Expected:
    """One amount a peer expects: character span, value(s), currency, qualifier."""

    start: int | None
    end: int | None
    amount: Decimal
    currency: str | None
    qualifier: str | None = None
    amount_max: Decimal | None = None


@dataclass(frozen=True)
class PeerCase:
    """One input text and the amounts expected in it."""

    id: str
    text: str
    expected: tuple[Expected, ...]


def recognizers_text(path: Path) -> list[PeerCase]:
    """The CurrencyModel cases; results without a value (a bare "dollar") are not amounts."""
    cases: list[PeerCase] = []
    for i, raw in enumerate(json.loads(path.read_text(encoding="utf-8"))):
        expected = []
        for result in raw["Results"]:
            value = result["Resolution"].get("value")
            if value is None:
                continue
            currency, factor = RT_UNITS[result["Resolution"]["unit"]]
            amount = Decimal(value.replace(",", ".")) * factor
            start, end = result.get("Start"), result.get("End")
            span_end = None if end is None else end + 1
            expected.append(Expected(start, span_end, amount, currency))
        cases.append(PeerCase(f"rt-{i:03d}", raw["Input"], tuple(expected)))
    return cases


_GROUP = re.compile(
    r"examples\s*\((?P<kind>simple|between|above|under)\s+(?P<unit>\w+)\s+(?P<value>[^)]*\)?)\)"
    r"\s*\[(?P<inputs>[^\]]*)\]"
)


def duckling(path: Path) -> list[PeerCase]:
    """The AmountOfMoney FR corpus: `examples (simple EUR 20) ["20€", ...]` groups."""
    cases: list[PeerCase] = []
    for group in _GROUP.finditer(path.read_text(encoding="utf-8")):
        kind, unit = group["kind"], DUCKLING_UNITS[group["unit"]]
        values = [Decimal(v) for v in re.findall(r"[\d.]+", group["value"])]
        qualifier = {"between": "range", "above": "at_least", "under": "at_most"}.get(kind)
        expected = Expected(
            None,
            None,
            values[0],
            unit,
            qualifier,
            values[1] if kind == "between" else None,
        )
        for text in ast.literal_eval("[" + group["inputs"] + "]"):
            cases.append(PeerCase(f"duckling-{len(cases):02d}", text, (expected,)))
    return cases
