"""Bodies the text names for itself: short names defined in a parenthesis, names a
description introduces, and acronyms followed by a number (indexes, not actors)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimx.claims import doc_claims
from claimx.components import hits as products
from claimx.components.actors.acronyms import _initials_in_order


def actors(nlp: Language, text: str) -> dict[str, tuple[str, list[str]]]:
    doc = nlp(text)
    return {a.name: (a.kind, [m.text for m in a.mentions]) for a in products.actors(doc)}


# A one-word parenthesis after a body's name defines its short name, here and later.
SHORT_NAMES = [
    (
        "L'Office national des réseaux électriques (Onre) a publié un avis. "
        "L'Onre estime que la demande va doubler.",
        "Office national des réseaux électriques",
        2,
    ),
    (
        "La Haute Autorité des plateformes numériques (HAPN) a ouvert une enquête. "
        "Selon la HAPN, trois sites sont visés.",
        "Haute Autorité des plateformes numériques",
        2,
    ),
    (
        "Le Conseil supérieur de la cybersécurité (CSC) s'est réuni lundi. Le CSC a rendu "
        "un avis favorable.",
        "Conseil supérieur de la cybersécurité",
        2,
    ),
]


@pytest.mark.parametrize(("text", "name", "short_mentions"), SHORT_NAMES)
def test_a_short_name_defined_in_a_parenthesis(
    nlp: Language, text: str, name: str, short_mentions: int
) -> None:
    found = actors(nlp, text)
    holder = [mentions for _, mentions in found.values() if name in mentions]
    assert holder, found
    short = [m for m in holder[0] if " " not in m]
    assert len(short) >= short_mentions, holder


@pytest.mark.parametrize(
    ("short", "name", "expected"),
    [
        ("Anssi", "Agence nationale de la sécurité des systèmes d'information", True),
        ("CSC", "Conseil supérieur de la cybersécurité", True),
        ("Onre", "Office national des réseaux électriques", True),
        ("Paris", "Agence nationale des fréquences", False),  # not its initials
        ("BCE", "Commission européenne", False),
    ],
)
def test_initials_in_order(short: str, name: str, expected: bool) -> None:
    assert _initials_in_order(short, name) is expected


def test_a_dateline_is_no_short_name(nlp: Language) -> None:
    found = actors(nlp, "Le ministre Paul Estrade (Paris) a confirmé la vente.")
    assert all("Paris" not in mentions for _, mentions in found.values()), found


# A description after a singular article introduces the body it names.
DESCRIBED = [
    ("La start-up Kelvio a levé 20 millions d'euros.", "Kelvio", "organization"),
    ("Le fonds Arvelle a pris une participation.", "Arvelle", "organization"),
    ("Le cabinet Ternel estime que le marché va ralentir.", "Ternel", "organization"),
    ("La start-up lyonnaise Orvanne Robotics recrute.", "Orvanne Robotics", "organization"),
    ("Le quotidien Nordpost a publié le document.", "Nordpost", "media"),
]


@pytest.mark.parametrize(("text", "name", "kind"), DESCRIBED)
def test_a_description_introduces_a_body(nlp: Language, text: str, name: str, kind: str) -> None:
    found = actors(nlp, text)
    assert found.get(name, ("", []))[0] == kind, found


def test_no_body_from_a_plural(nlp: Language) -> None:
    found = actors(nlp, "Les fonds Arvelle et Norsk ont gagné 3 %.")
    assert "Arvelle" not in found, found


# An acronym followed by a number names an index or a series.
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Le CAC 40 a reculé de 2 %.", "Cyberspace Administration of China"),
        ("Le SBF 120 a suivi le mouvement.", "SBF"),
        ("Le FTSE 100 a gagné 1 % à Londres.", "FTSE"),
    ],
)
def test_an_acronym_with_a_number_is_no_actor(nlp: Language, text: str, absent: str) -> None:
    assert absent not in actors(nlp, text)


def test_an_acronym_without_a_number_stays_an_actor(nlp: Language) -> None:
    assert "Cyberspace Administration of China" in actors(nlp, "La CAC a publié un règlement.")


# "a déclaré à l'AFP vendredi soir, une porte-parole de X": past the addressee, a time
# and a comma, the speaker.
def test_the_addressee_is_not_the_speaker(nlp: Language) -> None:
    text = (
        "« Rien ne bouge pour le moment », a déclaré à l'AFP vendredi soir, une porte-parole "
        "de la Cnil, gendarme des données."
    )
    body = doc_claims(nlp(text))
    names = {a.id: a.name for a in body.actors}
    sources = [names.get(c.attribution.source or "") for c in body.claims if c.attribution]
    assert sources == ["Cnil"], sources


def test_a_role_before_a_parenthesis_and_its_name(nlp: Language) -> None:
    text = (
        "Le projet de Paul Estrade a provoqué une levée de boucliers. La cheffe du Parti vert "
        "(PV, gauche), Ana Ruiz, a exigé des comptes."
    )
    found = actors(nlp, text)
    assert "La cheffe du Parti vert" in found["Ana Ruiz"][1], found
    assert "La cheffe" not in found.get("Paul Estrade", ("", []))[1], found


# Descriptions: before the name (an article opening on "L'opérateur annonce"), with an
# ordinal, never through a possessive.
DESCRIPTIONS = [
    (
        "L'opérateur annonce que des données ont été dérobées. Le groupe Orvanne a porté plainte.",
        "Orvanne",
        "L'opérateur",
    ),
    (
        "Le fabricant Norvia a été visé par une attaque. Le deuxième fabricant du pays a "
        "confirmé l'incident.",
        "Norvia",
        "Le deuxième fabricant",
    ),
]


@pytest.mark.parametrize(("text", "name", "mention"), DESCRIPTIONS)
def test_a_description_takes_up_its_body(nlp: Language, text: str, name: str, mention: str) -> None:
    found = actors(nlp, text)
    assert mention in found.get(name, ("", []))[1], found


def test_a_possessive_is_not_its_owner(nlp: Language) -> None:
    found = actors(nlp, "Reuters a révélé l'affaire. Norvia a publié sur son site un démenti.")
    assert "son site" not in found.get("Reuters", ("", []))[1], found


def test_a_name_the_ner_cut_in_two_is_joined(nlp: Language) -> None:
    # The halves side by side, both from the NER: one organization.
    from claimx.components.actors.candidates import Candidate, _joined

    doc = nlp.make_doc("Le courtier Norbridge Midcap relève sa cible.")
    first = Candidate(doc[2:3], "organization", "Norbridge", False)
    second = Candidate(doc[3:4], "organization", "Midcap", False)
    known = Candidate(doc[3:4], "organization", "Midcap", True)
    assert [c.name for c in _joined([first, second])] == ["Norbridge Midcap"]
    assert [c.name for c in _joined([first, known])] == ["Norbridge", "Midcap"]


# A name after an event's or a programme's noun is the event's, wherever the text uses it.
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "L'annonce a été faite lors du sommet Choose France. Choose France réunit 200 patrons.",
            "Choose France",
        ),
        ("Le salon Vivatech ouvre mercredi à Paris.", "Vivatech"),
        ("Le programme Horizon Europe finance la recherche.", "Horizon Europe"),
    ],
)
def test_an_event_is_no_actor(nlp: Language, text: str, absent: str) -> None:
    assert absent not in actors(nlp, text)


def test_a_known_actor_after_an_event_noun_stays(nlp: Language) -> None:
    assert "Nvidia" in actors(nlp, "Le projet Nvidia a été présenté. Nvidia a confirmé.")


# A one-letter name is an actor only where the text makes it one: a subject, or described.
@pytest.mark.parametrize(
    ("text", "is_actor"),
    [
        ("Le message a été publié sur X, puis supprimé.", False),
        ("La plateforme X a supprimé le message.", True),
    ],
)
def test_a_letter_is_an_actor_only_in_context(nlp: Language, text: str, is_actor: bool) -> None:
    assert ("X" in actors(nlp, text)) is is_actor


@pytest.mark.parametrize("word", ["R&D", "VPN", "PME"])
def test_technologies_and_economic_acronyms_are_no_actors(nlp: Language, word: str) -> None:
    text = f"Les entreprises investissent dans la {word} et les {word} suivent."
    assert word not in actors(nlp, text)


# Public bodies named by their noun and a place or a people: "le tribunal administratif de
# Lyon", "l'ambassade de Chine", "les autorités japonaises"; and countries that act as the
# agent of a measure ("mis en place par les États-Unis et les Pays-Bas"), not as places.
BODIES_AND_AGENTS = [
    ("Le tribunal administratif de Lyon a rejeté la requête.", "tribunal administratif de Lyon"),
    ("L'ambassade de Chine a dénoncé une ingérence.", "ambassade de Chine"),
    ("Les autorités japonaises affirment que le réseau est démantelé.", "autorités japonaises"),
    ("Ces contrôles ont été mis en place par les États-Unis et les Pays-Bas.", "Pays-Bas"),
    ("Après l'annonce par les États-Unis d'un plan, la bourse a monté.", "États-Unis"),
]


@pytest.mark.parametrize(("text", "name"), BODIES_AND_AGENTS)
def test_public_bodies_and_acting_countries(nlp: Language, text: str, name: str) -> None:
    assert name in actors(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Le groupe a ouvert une usine aux États-Unis et au Japon.",
        "Le vol passe par le Japon avant d'arriver en Corée du Sud.",
    ],
)
def test_countries_as_places_are_not_actors(nlp: Language, text: str) -> None:
    assert not {"États-Unis", "Japon", "Corée du Sud"} & set(actors(nlp, text))


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Microsoft France a reconnu devant le Sénat que les données étaient exposées.",
            "Microsoft France",
        ),
        ("Le directeur de Google France, Paul Serrat, a démissionné.", "Google France"),
    ],
)
def test_a_company_and_a_country_name_its_subsidiary(nlp: Language, text: str, name: str) -> None:
    assert name in actors(nlp, text)


def test_a_country_after_a_preposition_is_no_subsidiary(nlp: Language) -> None:
    assert "Apple" in actors(nlp, "Apple a investi en France cette année.")


@pytest.mark.parametrize(
    "text",
    [
        "Silver Lake et Oracle détiendront chacun 15 % de la coentreprise.",
        "Oracle et Silver Lake détiendront chacun 15 % de la coentreprise.",
    ],
)
def test_a_name_coordinated_with_a_company_is_a_company(nlp: Language, text: str) -> None:
    assert actors(nlp, text).get("Silver Lake", ("", []))[0] == "organization"


def test_places_coordinated_together_stay_places(nlp: Language) -> None:
    assert actors(nlp, "Le groupe a des usines à Lyon et à Grenoble.") == {}
