"""When two claims of different articles tell one event (claimx.story.compare), mechanism by
mechanism, on French sentences written for the test: the pairs that must be joined and the
look-alikes that must stay apart.

- an actor named in one claim and through coreference in the other ("le fabricant") is the
  same event unit;
- the source of one claim, when it is the only actor of an unattributed other, is an actor
  both tell of;
- words too common to name an event but used by at most a fifth of the articles support
  one: two units of them make the last unit of a pair one short;
- an ordinal is one word however written ("26e", "26ème", "vingt-sixième");
- the words of one family (models/story.yaml `word_families`: "lève", "levée"; "amende",
  "sanctionner") are one word.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimx.story.records import content_words
from tests.story_claims import claims_document, joined, recurring_both_ways

KINDS = {"Orkana": "organization", "Brightwave": "organization", "Vetrix": "organization",
         "Kelmar": "organization", "Léa Fontaine": "person"}  # fmt: skip


def document(number: int, text: str, source: str | None = None,
             actors: list[str] | None = None) -> dict[str, Any]:  # fmt: skip
    """A claims document of one claim: `actors` as the extractor resolved them (a name
    said, or an actor met through coreference), by default those named in `text`."""
    named = [n for n in KINDS if n in text] if actors is None else actors
    return claims_document(number, text, KINDS, named, source)


def fillers(count: int, *sentences: str) -> list[dict[str, Any]]:
    """`count` unrelated articles, the first ones each with one of `sentences`."""
    said = [*sentences, *[f"Le dossier suit son cours, étape {n}" for n in range(count)]]
    return [document(100 + n, said[n]) for n in range(count)]


THIRD = "Le fabricant travaille pour Vetrix et pour Brightwave"  # "le fabricant": Orkana


@pytest.mark.parametrize(
    ("second", "actors", "join"),
    [
        (THIRD, ["Orkana", "Vetrix", "Brightwave"], True),
        # another company met through coreference: two units only
        (THIRD, ["Kelmar", "Vetrix", "Brightwave"], False),
        # the same company, but neither client: one unit only
        ("Le fabricant travaille pour ses clients de Lyon", ["Orkana"], False),
    ],
)
def test_an_actor_named_or_met_through_coreference_is_one_unit(
    second: str, actors: list[str], join: bool
) -> None:
    first = document(1, "Orkana a équipé les usines de Brightwave et de Vetrix")
    assert joined(first, document(2, second, actors=actors)) is join


@pytest.mark.parametrize(
    ("second", "source", "join"),
    [
        ("Orkana arrête la production à Quimper et vend l'usine", None, True),
        # the speaker is one of two actors: not what both tell of
        ("Orkana et Brightwave arrêtent la production à Quimper et vendent l'usine", None, False),
        # said by someone else: not the speaker's own event
        ("Orkana arrête la production à Quimper et vend l'usine", "Léa Fontaine", False),
        # the same speaker, another plant
        ("Orkana arrête la production à Brest et vend l'entrepôt", None, False),
    ],
)
def test_a_speaker_is_the_actor_of_an_unattributed_claim_about_it_alone(
    second: str, source: str | None, join: bool
) -> None:
    first = document(1, "son usine de Quimper fermera en juin", source="Orkana")
    assert joined(first, document(2, second, source=source)) is join


FIRST = "Quimper exige des licences pour ses exportations de lithium"
SECOND = "le lithium de Quimper ne part plus sans licences, et les exportations ralentissent"


@pytest.mark.parametrize(
    ("second", "others", "join"),
    [
        # "licences" and "exportations" in 4 articles of 20: they support the event
        (SECOND, 2, True),
        # used by 9 of 20 articles: too common to support anything
        (SECOND, 7, False),
        # one supporting unit only
        ("le lithium de Quimper ne part plus sans licences, et les ventes ralentissent", 2,
         False),
        # supporting words alone never make an event: one unit of its own
        ("le cobalt de Quimper ne part plus sans licences, et les exportations ralentissent",
         2, False),
    ],
)  # fmt: skip
def test_less_rare_words_support_a_pair_one_unit_short(
    second: str, others: int, join: bool
) -> None:
    common = ["Les licences et les exportations du cuivre"] * others
    assert joined(document(1, FIRST), document(2, second), *fillers(18, *common)) is join


def test_the_database_summary_weighs_supporting_words_alike(tmp_path: Path) -> None:
    common = ["Les licences et les exportations du cuivre"] * 2
    documents = [document(1, FIRST), document(2, SECOND), *fillers(18, *common)]
    files, database = recurring_both_ways(tmp_path, documents)
    assert len(files) == 1
    assert database == files


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("la 26e licorne", "26e"),
        ("la 26ème licorne", "26e"),
        ("la vingt-sixième licorne", "26e"),
        ("la vingt et unième édition", "21e"),
        ("le quatre-vingt-dixième anniversaire", "90e"),
        ("la 21e édition", "21e"),
    ],
)
def test_an_ordinal_is_one_word_however_written(text: str, word: str) -> None:
    assert word in content_words(text)


@pytest.mark.parametrize(
    "text",
    ["vingt-six licornes", "le 26 mars", "une seconde licorne", "le premier trimestre"],
)
def test_cardinals_dates_and_first_or_second_are_no_ordinals(text: str) -> None:
    assert not {w for w in content_words(text) if w.endswith("e") and w[:-1].isdigit()}


@pytest.mark.parametrize(
    ("second", "join"),
    [
        ("Vetrix, vingt-sixième licorne française, recrute à Quimper", True),
        ("Vetrix, 26ème licorne française, recrute à Quimper", True),
        ("Vetrix, vingt-cinquième licorne française, recrute à Quimper", False),
        ("Vetrix, vingt-six licornes plus tard, recrute à Quimper", False),
    ],
)
def test_one_ordinal_written_in_words_or_digits_joins_claims(second: str, join: bool) -> None:
    first = document(1, "Vetrix est devenue la 26e licorne de l'Hexagone")
    assert joined(first, document(2, second)) is join


@pytest.mark.parametrize(
    "words", [("lève", "levée", "lever", "levées"), ("rachète", "rachat", "racheter"),
              ("amende", "amendes", "sanctionner", "sanction"), ("moratoire", "suspendre")],
)  # fmt: skip
def test_the_words_of_one_family_are_one_word(words: tuple[str, ...]) -> None:
    assert len({content_words(w) for w in words}) == 1


@pytest.mark.parametrize(
    ("first", "second", "join"),
    [
        ("Orkana va racheter la fonderie", "le rachat de la fonderie par Orkana est bouclé", True),
        # a sale is not a purchase: two units only
        ("Orkana va racheter la fonderie", "la vente de la fonderie par Orkana est bouclée", False),
        # another buyer
        ("Orkana va racheter la fonderie", "le rachat de la fonderie par Kelmar est bouclé", False),
        ("le régulateur va sanctionner la fonderie de Quimper",
         "une amende vise la fonderie de Quimper", True),
        # an inquiry is no fine
        ("le régulateur va sanctionner la fonderie de Quimper",
         "une enquête vise la fonderie de Quimper", False),
        # "levure" is not of the family of "lever"
        ("Orkana lève le voile sur sa fonderie", "une levure sort de la fonderie d'Orkana", False),
    ],
)  # fmt: skip
def test_words_of_one_family_join_claims(first: str, second: str, join: bool) -> None:
    assert joined(document(1, first), document(2, second)) is join


def test_the_database_summary_takes_word_families_alike(tmp_path: Path) -> None:
    documents = [
        document(1, "Orkana va racheter la fonderie"),
        document(2, "le rachat de la fonderie par Orkana est bouclé"),
        *fillers(4),
    ]
    files, database = recurring_both_ways(tmp_path, documents)
    assert len(files) == 1
    assert database == files
