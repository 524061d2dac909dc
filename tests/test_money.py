"""claimx_money on a blank French pipeline: the rule layer alone."""

from __future__ import annotations

import pytest

from claimx.components import hits as products
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
    # separators: no-break and thin spaces, dots, decimals
    ("Un chèque de 12\u00a0500 euros.", "12\u00a0500 euros", 12_500, "EUR", "exact", None),
    ("Une prime de 2\u202f000 dollars.", "2\u202f000 dollars", 2000, "USD", "exact", None),
    ("Il a levé 1.250.000 euros.", "1.250.000 euros", 1_250_000, "EUR", "exact", None),
    ("La puce coûte 2,50 dollars.", "2,50 dollars", 2.5, "USD", "exact", None),
    ("Un budget de 0,8 milliard d'euros.", "0,8 milliard d'euros", 0.8 * B, "EUR", "exact", None),
    ("Un tour de table de 6,6 Mds€.", "6,6 Mds€", 6.6 * B, "EUR", "exact", None),
    ("Un rachat à 19 Mrd $.", "19 Mrd $", 19 * B, "USD", "exact", None),
    ("Une levée de 40 M€ cette année.", "40 M€", 40 * M, "EUR", "exact", None),
    ("Un salaire de 120 k€ par an.", "120 k€", 120_000, "EUR", "exact", None),
    ("Une amende de 4,2 Md€.", "4,2 Md€", 4.2 * B, "EUR", "exact", None),
    ("Une cagnotte de 3 mille euros.", "3 mille euros", 3000, "EUR", "exact", None),
    (
        "Le fonds pèse 2 000 milliards de dollars.",
        "2 000 milliards de dollars",
        2000 * B,
        "USD",
        "exact",
        None,
    ),
    # number words
    ("Un milliard de dollars a été promis.", "Un milliard de dollars", B, "USD", "exact", None),
    (
        "Cent millions d'euros de subventions.",
        "Cent millions d'euros",
        100 * M,
        "EUR",
        "exact",
        None,
    ),
    ("trois cent mille dollars", "trois cent mille dollars", 300_000, "USD", "exact", None),
    ("quatre-vingt-dix-neuf euros", "quatre-vingt-dix-neuf euros", 99, "EUR", "exact", None),
    (
        "vingt et un millions de dollars",
        "vingt et un millions de dollars",
        21 * M,
        "USD",
        "exact",
        None,
    ),
    (
        "soixante-quinze millions de dollars",
        "soixante-quinze millions de dollars",
        75 * M,
        "USD",
        "exact",
        None,
    ),
    (
        "deux milliards et demi de dollars",
        "deux milliards et demi de dollars",
        2.5 * B,
        "USD",
        "exact",
        None,
    ),
    ("un million et demi d'euros", "un million et demi d'euros", 1.5 * M, "EUR", "exact", None),
    ("deux milliards et demi", None, None, None, None, None),
    # currencies
    (
        "Un prêt de 300 millions de livres sterling.",
        "300 millions de livres sterling",
        300 * M,
        "GBP",
        "exact",
        None,
    ),
    (
        "Un contrat de 50 milliards de roubles.",
        "50 milliards de roubles",
        50 * B,
        "RUB",
        "exact",
        None,
    ),
    (
        "Une usine à 8 000 milliards de wons sud-coréens.",
        "8 000 milliards de wons sud-coréens",
        8000 * B,
        "KRW",
        "exact",
        None,
    ),
    (
        "Un chiffre de 15 milliards de yuans chinois.",
        "15 milliards de yuans chinois",
        15 * B,
        "CNY",
        "exact",
        None,
    ),
    (
        "Un budget de 900 milliards de renminbi.",
        "900 milliards de renminbi",
        900 * B,
        "CNY",
        "exact",
        None,
    ),
    ("Un dividende de 12 CHF par action.", "12 CHF", 12, "CHF", "exact", None),
    ("Le titre vaut HK$ 380.", "HK$ 380", 380, "HKD", "exact", None),
    (
        "Un marché de 5 000 milliards de NT$.",
        "5 000 milliards de NT$",
        5000 * B,
        "TWD",
        "exact",
        None,
    ),
    (
        "Il a payé 2 milliards de dollars canadiens.",
        "2 milliards de dollars canadiens",
        2 * B,
        "CAD",
        "exact",
        None,
    ),
    (
        "Une aide de 500 millions de roupies.",
        "500 millions de roupies",
        500 * M,
        "INR",
        "exact",
        None,
    ),
    (
        "Un marché de 10 milliards de francs CFA.",
        "10 milliards de francs CFA",
        10 * B,
        "XOF",
        "exact",
        None,
    ),
    (
        "En 1995, le projet coûtait 3 milliards de francs.",
        "3 milliards de francs",
        3 * B,
        "FRF",
        "exact",
        None,
    ),
    (
        "Un rachat de 7 milliards de dollars américains.",
        "7 milliards de dollars américains",
        7 * B,
        "USD",
        "exact",
        None,
    ),
    ("Un prix de 4 999 ¥.", "4 999 ¥", 4999, "JPY", "exact", None),
    ("Une offre à 1,3 milliard de $ US.", "1,3 milliard de $ US", 1.3 * B, "USD", "exact", None),
    # minor units
    ("Le titre a perdu 34 cents.", "34 cents", 0.34, None, "exact", None),
    ("Le ticket passe à 20 centimes d'euro.", "20 centimes d'euro", 0.2, "EUR", "exact", None),
    ("L'action gagne 470 pence.", "470 pence", 4.7, "GBP", "exact", None),
    ("Le café coûte 3 euros 50.", "3 euros 50", 3.5, "EUR", "exact", None),
    ("Il coûte 2 dollars et 5 cents.", "2 dollars et 5 cents", 2.05, "USD", "exact", None),
    # qualifiers
    (
        "Quelque 40 millions d'euros manquent.",
        "Quelque 40 millions d'euros",
        40 * M,
        "EUR",
        "about",
        None,
    ),
    (
        "autour de 2 milliards de dollars",
        "autour de 2 milliards de dollars",
        2 * B,
        "USD",
        "about",
        None,
    ),
    (
        "de l'ordre de 5 milliards d'euros",
        "de l'ordre de 5 milliards d'euros",
        5 * B,
        "EUR",
        "about",
        None,
    ),
    (
        "au minimum 1 million de dollars",
        "au minimum 1 million de dollars",
        M,
        "USD",
        "at_least",
        None,
    ),
    ("pas plus de 30 euros", "pas plus de 30 euros", 30, "EUR", "at_most", None),
    ("moins d'un milliard de dollars", "moins d'un milliard de dollars", B, "USD", "at_most", None),
    ("exactement 1 234 euros", "exactement 1 234 euros", 1234, "EUR", "exact", None),
    # ranges and vague amounts
    ("de 3 à 4 milliards d'euros", "de 3 à 4 milliards d'euros", 3 * B, "EUR", "range", 4 * B),
    (
        "entre 200 et 300 millions de dollars",
        "entre 200 et 300 millions de dollars",
        200 * M,
        "USD",
        "range",
        300 * M,
    ),
    (
        "entre 2 millions et 3 milliards de dollars",
        "entre 2 millions et 3 milliards de dollars",
        2 * M,
        "USD",
        "range",
        3 * B,
    ),
    ("10-15 milliards de dollars", "10-15 milliards de dollars", 10 * B, "USD", "range", 15 * B),
    (
        "entre 1,5 et 2 milliards d'euros",
        "entre 1,5 et 2 milliards d'euros",
        1.5 * B,
        "EUR",
        "range",
        2 * B,
    ),
    ("des milliards de dollars", "des milliards de dollars", None, "USD", "vague", None),
    ("quelques millions d'euros", "quelques millions d'euros", None, "EUR", "vague", None),
    (
        "des dizaines de milliards de yuans",
        "des dizaines de milliards de yuans",
        None,
        "CNY",
        "vague",
        None,
    ),
]


@pytest.mark.parametrize(("text", "span", "amount", "currency", "qualifier", "amount_max"), CASES)
def test_money(
    text: str,
    span: str | None,
    amount: float | None,
    currency: str | None,
    qualifier: str | None,
    amount_max: float | None,
) -> None:
    doc = NLP(text)
    hits = products.money(doc)
    if span is None:
        assert hits == [], [h.span.text for h in hits]
        return
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
        "Il a écrit neuf livres sur la Chine.",
        "Deux cents salariés ont manifesté.",
        "Le texte compte 300 pages et 12 chapitres.",
        "Il a vendu 2 millions de serveurs.",
        "La loi de 2022 vise 45 000 entreprises.",
        "Entre 2020 et 2024, rien n'a changé.",
        "Selon lui, la marge est de 5 points.",
        "Le dollar a progressé face au yen.",
        "Il est arrivé à 10 h 30 avec 3 conseillers.",
    ],
)
def test_not_money(text: str) -> None:
    assert products.money(NLP(text)) == []


# text, span, value, unit, qualifier, value_max
PERCENT_CASES = [
    ("La croissance atteint 12,5 % cette année.", "12,5 %", 12.5, "percent", "exact", None),
    ("Un impôt de 100% des bénéfices.", "100%", 100, "percent", "exact", None),
    ("Les ventes ont bondi de 20 pour cent.", "20 pour cent", 20, "percent", "exact", None),
    ("Il détient environ 7 % du capital.", "environ 7 %", 7, "percent", "about", None),
    ("plus de 40 % des puces", "plus de 40 %", 40, "percent", "at_least", None),
    ("entre 10 et 15 % du marché", "entre 10 et 15 %", 10, "percent", "range", 15),
    ("de 5 % à 8 % par an", "de 5 % à 8 %", 5, "percent", "range", 8),
    (
        "Le taux gagne 0,25 point de pourcentage.",
        "0,25 point de pourcentage",
        0.25,
        "point",
        "exact",
        None,
    ),
    (
        "Une baisse de trois points de pourcentage.",
        "trois points de pourcentage",
        3,
        "point",
        "exact",
        None,
    ),
    ("cinquante pour cent des parts", "cinquante pour cent", 50, "percent", "exact", None),
]


@pytest.mark.parametrize(("text", "span", "value", "unit", "qualifier", "value_max"), PERCENT_CASES)
def test_percent(
    text: str, span: str, value: float, unit: str, qualifier: str, value_max: float | None
) -> None:
    doc = NLP(text)
    assert products.money(doc) == []
    hits = products.percentages(doc)
    assert [(text[h.start : h.end], h.unit, h.qualifier) for h in hits] == [(span, unit, qualifier)]
    assert hits[0].value == pytest.approx(value)
    assert hits[0].value_max == (None if value_max is None else pytest.approx(value_max))


def test_money_and_percent_apart() -> None:
    doc = NLP("Le chiffre d'affaires, 3 milliards d'euros, progresse de 12 %.")
    assert [h.span.text for h in products.money(doc)] == ["3 milliards d'euros"]
    assert [h.span.text for h in products.percentages(doc)] == ["12 %"]


EN = blank_with()
EN.add_pipe("claimx_money", config={"lang": "en"})

# English-language articles: short-scale billion, decimal point, comma thousands.
EN_CASES = [
    ("They raised 3 billion dollars.", "3 billion dollars", 3 * B, "USD", "exact", None),
    ("a $1.5bn deal", "$1.5bn", 1.5 * B, "USD", "exact", None),
    ("a $2.3 billion contract", "$2.3 billion", 2.3 * B, "USD", "exact", None),
    ("The fine was £3.2bn.", "£3.2bn", 3.2 * B, "GBP", "exact", None),
    ("It costs $1,500 per card.", "$1,500", 1500, "USD", "exact", None),
    ("Revenue hit $30,000,000.", "$30,000,000", 30 * M, "USD", "exact", None),
    ("It sold for €2.99.", "€2.99", 2.99, "EUR", "exact", None),
    ("Sales of $500mn last year.", "$500mn", 500 * M, "USD", "exact", None),
    ("a $1tn market", "$1tn", 1_000_000_000_000, "USD", "exact", None),
    ("more than $10 billion", "more than $10 billion", 10 * B, "USD", "at_least", None),
    ("nearly $7 billion", "nearly $7 billion", 7 * B, "USD", "about", None),
    ("up to $25 million", "up to $25 million", 25 * M, "USD", "at_most", None),
    ("about 400 million euros", "about 400 million euros", 400 * M, "EUR", "about", None),
    (
        "at least 2 trillion yen",
        "at least 2 trillion yen",
        2_000_000_000_000,
        "JPY",
        "at_least",
        None,
    ),
    ("several billion dollars", "several billion dollars", None, "USD", "vague", None),
    (
        "hundreds of millions of dollars",
        "hundreds of millions of dollars",
        None,
        "USD",
        "vague",
        None,
    ),
]


@pytest.mark.parametrize(
    ("text", "span", "amount", "currency", "qualifier", "amount_max"), EN_CASES
)
def test_money_english(
    text: str,
    span: str | None,
    amount: float | None,
    currency: str | None,
    qualifier: str | None,
    amount_max: float | None,
) -> None:
    hits = products.money(EN(text))
    if span is None:
        assert hits == [], [h.span.text for h in hits]
        return
    assert [(text[h.start : h.end], h.currency, h.qualifier) for h in hits] == [
        (span, currency, qualifier)
    ]
    assert hits[0].amount == (None if amount is None else pytest.approx(amount))


@pytest.mark.parametrize(
    ("lang", "amount"), [(None, 3 * 10**12), ("fr", 3 * 10**12), ("en", 3 * B)]
)
def test_article_language_decides_billion(lang: str | None, amount: int) -> None:
    doc = NLP.make_doc("Ils ont levé 3 billions de dollars.")
    doc._.claimx_lang = lang
    assert products.money(NLP(doc))[0].amount == amount


def test_two_amounts_in_one_sentence() -> None:
    doc = NLP("Il a investi 2 milliards d'euros puis 3 millions de dollars.")
    assert [(h.amount, h.currency) for h in products.money(doc)] == [(2 * B, "EUR"), (3 * M, "USD")]


@pytest.mark.parametrize(
    ("text", "currencies"),
    [
        # a minor unit with no currency of its own takes the article's only currency
        ("Le bénéfice atteint 2,14$ par action, contre 53 cents un an plus tôt.", ["USD", "USD"]),
        ("Le dividende est de 53 cents.", [None]),
        ("Il a payé 2 euros et 3 dollars, puis 53 cents.", ["EUR", "USD", None]),
    ],
)
def test_minor_units_take_the_articles_currency(text: str, currencies: list[str | None]) -> None:
    assert [h.currency for h in products.money(NLP(text))] == currencies
