from decimal import Decimal

import pytest

from claimx.numbers import parse_digits, parse_words, to_json_number
from claimx.resources import load_yaml

WORDS = load_yaml("money.yaml")["number_words"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("1 500", "fr", "1500"),
        ("1\u00a0500", "fr", "1500"),
        ("1\u202f500\u202f000", "fr", "1500000"),
        ("1,5", "fr", "1.5"),
        ("1.5", "en", "1.5"),
        ("1,500", "en", "1500"),
        ("1.500", "fr", "1500"),
        ("12,345", "fr", "12.345"),
        ("2.50", "fr", "2.50"),
        ("125.000,50", "fr", "125000.50"),
        ("1,234,567.89", "en", "1234567.89"),
        ("10 000,00", "fr", "10000.00"),
        ("42", "fr", "42"),
    ],
)
def test_parse_digits(text: str, lang: str, expected: str) -> None:
    assert parse_digits(text, lang) == Decimal(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("un", 1),
        ("vingt-cinq", 25),
        ("vingt et un", 21),
        ("soixante-dix", 70),
        ("soixante et onze", 71),
        ("quatre-vingts", 80),
        ("quatre-vingt-dix-neuf", 99),
        ("cent", 100),
        ("deux cents", 200),
        ("deux cent cinquante", 250),
        ("mille", 1000),
        ("trois mille deux cents", 3200),
        ("neuf", 9),
    ],
)
def test_parse_words(text: str, expected: int) -> None:
    assert parse_words(text, WORDS) == Decimal(expected)


@pytest.mark.parametrize("bad", ["", "douze pommes", "banane"])
def test_parse_words_rejects(bad: str) -> None:
    with pytest.raises(ValueError):
        parse_words(bad, WORDS)


def test_json_number() -> None:
    assert to_json_number(Decimal("1500000000.0")) == 1500000000
    assert isinstance(to_json_number(Decimal("3")), int)
    assert to_json_number(Decimal("29.99")) == pytest.approx(29.99)
