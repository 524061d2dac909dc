"""The value of a matched amount or percentage: number, scale, unit, qualifier."""

from __future__ import annotations

import re
from decimal import Decimal

from spacy.tokens import Span

from claimx.components.hits import MoneyHit, PercentHit
from claimx.components.money.lexicon import MoneyLexicon, _key, _Unit
from claimx.numbers import parse_digits, parse_words, to_json_number


def unit_of(lex: MoneyLexicon, groups: dict[str, str | None], n: int) -> _Unit | None:
    text = groups.get(f"cur{n}") or groups.get(f"sub{n}")
    if text is None:
        return None
    unit = lex.unit_of[_key(text)]
    named = groups.get(f"of{n}")
    if named:  # "20 centimes d'euro"
        unit = _Unit(lex.unit_of[_key(named)].currency, unit.factor)
    return unit


def money_hit(
    lex: MoneyLexicon, span: Span, m: re.Match[str], kind: str, lang: str
) -> MoneyHit | None:
    groups = m.groupdict()
    start, end = m.span()
    if kind == "vague":
        unit = unit_of(lex, groups, 1)
        currency = unit.currency if unit else None
        return MoneyHit(start, end, span, None, None, currency, "vague")
    symbol = groups.get("sym")
    unit = unit_of(lex, groups, 2) or unit_of(lex, groups, 1)
    if unit is None and symbol:
        unit = lex.unit_of[_key(symbol)]
    if unit is None:
        return None
    if kind == "range":
        if not is_range(lex, groups):
            return None
        high = value_of(lex, lang, groups["num2"], groups["scale2"], groups["half2"])
        low = value_of(
            lex, lang, groups["num1"], groups["scale1"] or groups["scale2"], groups["half1"]
        )
        if low is None or high is None or low >= high:
            return None
        return MoneyHit(
            start,
            end,
            span,
            to_json_number(low * unit.factor),
            to_json_number(high * unit.factor),
            unit.currency,
            "range",
        )
    number = groups.get("num1") or groups.get("num2")
    scale = groups.get("scale1") or groups.get("scale2")
    half = groups.get("half1") or groups.get("half2")
    if not symbol and not scale and not names_money(lex, groups, number):
        return None
    value = value_of(lex, lang, number, scale, half)
    if value is None:
        return None
    value *= unit.factor
    if groups.get("minor_bare"):
        value += Decimal(groups["minor_bare"]) / 100
    elif groups.get("minor") and groups.get("minor_sub"):
        minor = value_of(lex, lang, groups["minor"], None)
        if minor is None:
            return None
        value += minor * lex.unit_of[_key(groups["minor_sub"])].factor
    qualifier = lex.qualifier_of.get(_key(groups["qual"] or ""), "exact")
    return MoneyHit(start, end, span, to_json_number(value), None, unit.currency, qualifier)


def names_money(lex: MoneyLexicon, groups: dict[str, str | None], number: str | None) -> bool:
    """Whether an amount with no scale and no symbol is money, not everyday words.

    "deux livres" are books and "deux cents" is 200: such a word makes money only
    after digits ("12 cents") or with a scale word.
    """
    word = groups.get("cur2") or groups.get("sub2") or ""
    if _key(word) in lex.needs_scale:
        return False
    is_number_word = _key(word) in lex.number_words
    return not (is_number_word and number is not None and not number[0].isdigit())


def percent_hit(
    lex: MoneyLexicon, span: Span, m: re.Match[str], kind: str, lang: str
) -> PercentHit | None:
    groups = m.groupdict()
    start, end = m.span()
    unit = lex.percent_unit_of[_key(groups.get("sign2") or groups["sign1"] or "")]
    low = value_of(lex, lang, groups["num1"], None)
    if low is None:
        return None
    if kind == "percent_range":
        high = value_of(lex, lang, groups["num2"], None)
        if not is_range(lex, groups) or high is None or low >= high:
            return None
        return PercentHit(
            start, end, span, to_json_number(low), to_json_number(high), unit, "range"
        )
    qualifier = lex.qualifier_of.get(_key(groups["qual"] or ""), "exact")
    return PercentHit(start, end, span, to_json_number(low), None, unit, qualifier)


def is_range(lex: MoneyLexicon, groups: dict[str, str | None]) -> bool:
    """ "entre … et", "de … à", or a dash with no lead word."""
    lead = (groups["lead"] or "").strip().lower()
    sep = (groups["sep"] or "").lower()
    return lex.range_leads.get(lead) == sep or (lead == "" and sep in lex.unled_separators)


def value_of(
    lex: MoneyLexicon, lang: str, number: str | None, scale: str | None, half: str | None = None
) -> Decimal | None:
    if not number:
        return None
    try:
        if number[0].isdigit():
            value = parse_digits(number, lang)
        else:
            value = parse_words(number, lex.number_words)
    except ValueError:
        return None
    if scale:
        values = lex.scale_of.get(scale) or lex.scale_of.get(scale.lower())
        if values is None:
            return None
        factor = values.get(lang, values["fr"])
        if half:
            value += Decimal("0.5")
        value *= factor
    return value
