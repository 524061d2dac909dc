"""claimx_money on a blank French pipeline: the rule layer alone."""

from __future__ import annotations

import pytest

from tests.conftest import blank_with

NLP = blank_with("claimx_money")
B = 1_000_000_000
M = 1_000_000

# text, expected span text, amount, currency, qualifier, amount_max
CASES = [
    (
        "Il a investi 500 milliards de dollars.",
        "500 milliards de dollars",
        500 * B,
        "USD",
        "exact",
        None,
    ),
    ("Un budget de 1,5 milliard d'euros.", "1,5 milliard d'euros", 1.5 * B, "EUR", "exact", None),
    ("Un budget de 1,5 milliard d’euros.", "1,5 milliard d’euros", 1.5 * B, "EUR", "exact", None),
    (
        "Il vaut environ 3 millions de dollars.",
        "environ 3 millions de dollars",
        3 * M,
        "USD",
        "about",
        None,
    ),
    (
        "Près de 300 000 dollars par serveur.",
        "Près de 300 000 dollars",
        300_000,
        "USD",
        "about",
        None,
    ),
    (
        "Plus de 10 milliards de dollars.",
        "Plus de 10 milliards de dollars",
        10 * B,
        "USD",
        "at_least",
        None,
    ),
    (
        "Une amende de plus d'un milliard de dollars.",
        "plus d'un milliard de dollars",
        B,
        "USD",
        "at_least",
        None,
    ),
    ("Jusqu'à 2 millions d'euros.", "Jusqu'à 2 millions d'euros", 2 * M, "EUR", "at_most", None),
    ("Au moins 5 Md$ seront engagés.", "Au moins 5 Md$", 5 * B, "USD", "at_least", None),
    ("Il coûte 1,5 Md$.", "1,5 Md$", 1.5 * B, "USD", "exact", None),
    (
        "Entre 4 et 5 milliards d'euros.",
        "Entre 4 et 5 milliards d'euros",
        4 * B,
        "EUR",
        "range",
        5 * B,
    ),
    (
        "entre 30 000 et 40 000 dollars",
        "entre 30 000 et 40 000 dollars",
        30_000,
        "USD",
        "range",
        40_000,
    ),
    (
        "de 5 à 10 milliards de dollars",
        "de 5 à 10 milliards de dollars",
        5 * B,
        "USD",
        "range",
        10 * B,
    ),
    (
        "Des centaines de millions d'euros.",
        "Des centaines de millions d'euros",
        None,
        "EUR",
        "vague",
        None,
    ),
    (
        "plusieurs milliards de dollars",
        "plusieurs milliards de dollars",
        None,
        "USD",
        "vague",
        None,
    ),
    (
        "un accord de plusieurs dizaines de milliards de dollars",
        "plusieurs dizaines de milliards de dollars",
        None,
        "USD",
        "vague",
        None,
    ),
    ("Il a payé $75 millions.", "$75 millions", 75 * M, "USD", "exact", None),
    ("Il a payé 94 000 $.", "94 000 $", 94_000, "USD", "exact", None),
    ("Prix: 20€ seulement.", "20€", 20, "EUR", "exact", None),
    ("Un crédit de EUR 1000.", "EUR 1000", 1000, "EUR", "exact", None),
    ("Le fonds: £ 50 millions.", "£ 50 millions", 50 * M, "GBP", "exact", None),
    ("Un plan de 100 milliards de yuans.", "100 milliards de yuans", 100 * B, "CNY", "exact", None),
    ("Cinq millions de yens ont été versés.", "Cinq millions de yens", 5 * M, "JPY", "exact", None),
    ("11 000 milliards de wons", "11 000 milliards de wons", 11_000 * B, "KRW", "exact", None),
    ("10 000 francs suisses", "10 000 francs suisses", 10_000, "CHF", "exact", None),
    (
        "125 millions de dollars australiens",
        "125 millions de dollars australiens",
        125 * M,
        "AUD",
        "exact",
        None,
    ),
    (
        "2 milliards de dollars de Hong Kong",
        "2 milliards de dollars de Hong Kong",
        2 * B,
        "HKD",
        "exact",
        None,
    ),
    (
        "40 milliards de dollars taïwanais",
        "40 milliards de dollars taïwanais",
        40 * B,
        "TWD",
        "exact",
        None,
    ),
    ("100 roupies indiennes", "100 roupies indiennes", 100, "INR", "exact", None),
    ("deux cents millions d'euros", "deux cents millions d'euros", 200 * M, "EUR", "exact", None),
    ("vingt-cinq dollars", "vingt-cinq dollars", 25, "USD", "exact", None),
    ("3 billions d'euros", "3 billions d'euros", 3_000_000_000_000, "EUR", "exact", None),
    ("US$ 2 milliards", "US$ 2 milliards", 2 * B, "USD", "exact", None),
    ("125.000,50 $", "125.000,50 $", 125_000.5, "USD", "exact", None),
]


@pytest.mark.parametrize(("text", "span", "amount", "currency", "qualifier", "amount_max"), CASES)
def test_money(
    text: str,
    span: str,
    amount: float | None,
    currency: str,
    qualifier: str,
    amount_max: float | None,
) -> None:
    doc = NLP(text)
    hits = doc._.claimx_money
    assert len(hits) == 1, [h.span.text for h in hits]
    hit = hits[0]
    assert text[hit.start : hit.end] == span
    assert hit.currency == currency
    assert hit.qualifier == qualifier
    if amount is None:
        assert hit.amount is None
    else:
        assert hit.amount == pytest.approx(amount)
    if amount_max is not None:
        assert hit.amount_max == pytest.approx(amount_max)


@pytest.mark.parametrize(
    "text",
    [
        "Un impôt pouvant aller jusqu'à 100 % des bénéfices.",
        "La croissance atteint 12,5 % cette année.",
        "Il a vendu un million de TPU.",
        "En 2025, 300 ingénieurs ont été recrutés.",
        "Il a commandé 50 000 puces H20.",
    ],
)
def test_not_money(text: str) -> None:
    assert NLP(text)._.claimx_money == []


def test_english_billion_is_short_scale() -> None:
    nlp = blank_with()
    nlp.add_pipe("claimx_money", config={"lang": "en"})
    hit = nlp("They raised 3 billion dollars.")._.claimx_money[0]
    assert hit.amount == 3 * B


def test_two_amounts_in_one_sentence() -> None:
    doc = NLP("Il a investi 2 milliards d'euros puis 3 millions de dollars.")
    assert [(h.amount, h.currency) for h in doc._.claimx_money] == [(2 * B, "EUR"), (3 * M, "USD")]
