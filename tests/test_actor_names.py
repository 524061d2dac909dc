"""How one actor's names are joined and bounded, with invented French sentences: a short
name spelled out elsewhere, a short name that ends on a syllable, two spellings of one
name, a ministry's portfolio with its adjective; and names that are no actor (an event's
own name, the state's founding words)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_actor_shapes import actors


@pytest.mark.parametrize(
    ("text", "name", "mentions"),
    [
        (
            "Le RN a voté contre le texte. Le Rassemblement national dénonce une manœuvre.",
            "Rassemblement national",
            ["RN", "Rassemblement national"],
        ),
        (
            "La CGT refuse de signer. La Confédération générale du travail a confirmé son refus.",
            "Confédération générale du travail",
            ["CGT", "Confédération générale du travail"],
        ),
        (
            "L'Autorité de régulation de la communication audiovisuelle et numérique (Arcom) a "
            "sévi. L'Arcom donne un mois.",
            "Autorité de régulation de la communication audiovisuelle et numérique",
            [
                "Autorité de régulation de la communication audiovisuelle et numérique",
                "Arcom",
                "Arcom",
            ],
        ),
        (
            "STMicroelectronics investit à Crolles. ST Microelectronics emploie 4000 personnes.",
            "STMicroelectronics",
            ["STMicroelectronics", "ST Microelectronics"],
        ),
    ],
)
def test_one_actor_under_its_short_name_and_spellings(
    nlp: Language, text: str, name: str, mentions: list[str]
) -> None:
    found = actors(nlp, text)
    assert name in found, found
    assert sorted(found[name][1]) == sorted(mentions), found


def test_a_short_name_spelling_no_other_name_stays_apart(nlp: Language) -> None:
    found = actors(nlp, "Le RN a voté contre. La CGT a manifesté devant Renault.")
    assert {"RN", "CGT"} <= set(found), found


def test_a_person_is_never_joined_to_a_short_name(nlp: Language) -> None:
    found = actors(nlp, "Le PS soutient Paul Serrat. Paul Serrat a remercié le parti.")
    assert "Paul Serrat" in found and found["Paul Serrat"][0] == "person", found


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Le ministère chinois des Affaires étrangères a protesté.",
            "ministère chinois des Affaires étrangères",
        ),
        (
            "Le ministère de la Transition écologique a réagi.",
            "ministère de la Transition écologique",
        ),
        ("Le ministère des Armées américain a réagi.", "ministère des Armées"),
    ],
)
def test_a_portfolio_keeps_its_adjective_not_a_nationality(
    nlp: Language, text: str, name: str
) -> None:
    assert name in actors(nlp, text)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Le Mondial de l'automobile ouvre lundi, après le Salon de Genève.", "Salon de Genève"),
        (
            "Le Mondial de l'automobile ouvre lundi, après le Salon de Genève.",
            "Mondial de l'automobile",
        ),
        (
            "La Constitution interdit ce cumul, a rappelé le président de la République.",
            "République",
        ),
        (
            "La Constitution interdit ce cumul, a rappelé le président de la République.",
            "Constitution",
        ),
    ],
)
def test_an_event_or_the_state_s_founding_text_is_no_actor(
    nlp: Language, text: str, absent: str
) -> None:
    assert absent not in actors(nlp, text)


def test_a_city_opening_a_medium_s_name_is_the_medium(nlp: Language) -> None:
    found = actors(nlp, "Selon Paris Match, le couple s'est séparé.")
    assert found.get("Paris Match", ("", []))[0] == "media" and "Paris" not in found, found


def test_a_description_takes_up_a_body_of_the_other_kind_named_on_its_noun(
    nlp: Language,
) -> None:
    text = (
        "La croissance atteindrait 1 %, selon la Banque de France. L'investissement resterait "
        "faible, précise la banque centrale. La Banque centrale européenne publiera ses "
        "projections jeudi."
    )
    found = actors(nlp, text)
    assert "la banque centrale" in found["Banque de France"][1], found


def test_a_known_name_heading_a_longer_name_is_not_that_actor(nlp: Language) -> None:
    text = "La hausse, proposée par la Commission de régulation de l'énergie, entrera en vigueur."
    found = actors(nlp, text)
    assert "Commission de régulation de l'énergie" in found and "Commission européenne" not in found


@pytest.mark.parametrize(
    ("before", "body", "takes_up"),
    [
        ("La Commission de régulation de l'énergie a publié son avis.", None, False),
        ("Le ministère de l'Économie a publié son avis.", None, False),
        ("Le Conseil d'État a publié son avis.", None, False),
        # look-alike: a government named before is what "le gouvernement" takes up
        ("Le gouvernement japonais a publié son avis.", "gouvernement japonais", True),
    ],
)
def test_the_government_is_no_single_institution_named_before(
    nlp: Language, before: str, body: str | None, takes_up: bool
) -> None:
    found = actors(nlp, f"{before} Le gouvernement a annoncé qu'il modifierait la loi.")
    taken = [name for name, (_, mentions) in found.items() if "Le gouvernement" in mentions]
    assert taken == ([body] if takes_up else []), found
