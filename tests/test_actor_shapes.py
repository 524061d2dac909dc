"""Shapes of actors by family, each with invented French sentences, real and invented names,
and look-alikes that must give no actor (or another one): names that hold a company's word,
a lone word read as a person, events named anywhere, names the tagger took for common
nouns."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimx.components import hits as products


def actors(nlp: Language, text: str) -> dict[str, tuple[str, list[str]]]:
    doc = nlp(text)
    return {a.name: (a.kind, [m.text for m in a.mentions]) for a in products.actors(doc)}


def kind_of(nlp: Language, text: str, name: str) -> str | None:
    found = actors(nlp, text)
    return found[name][0] if name in found else None


# A name holding a company's or an institution's word is a body, whatever the NER read.
@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Selon Felix Capital, la levée sera bouclée en juin.", "Felix Capital", "organization"),
        ("Pour Norvel Systèmes, la demande reste forte.", "Norvel Systèmes", "organization"),
        ("Marc Duval Partners a refusé de commenter.", "Marc Duval Partners", "organization"),
        ("Le Tony Blair Institute a publié un rapport.", "Tony Blair Institute", "organization"),
        ("Selon Karim Belkadi Technologies, le marché ralentit.", None, "organization"),
        # look-alikes: persons stay persons
        ("Selon Marc Duval, la levée sera bouclée en juin.", "Marc Duval", "person"),
        ("Ana Ruiz a refusé de commenter.", "Ana Ruiz", "person"),
    ],
)
def test_a_name_with_a_company_word_is_a_body(
    nlp: Language, text: str, name: str | None, kind: str
) -> None:
    found = actors(nlp, text)
    if name is None:  # whatever the NER cut, no person holds the company's word
        assert not any(k == "person" and "Technologies" in n for n, (k, _) in found.items())
        return
    assert found[name][0] == kind, found


# A lone word the NER reads once as a person is the body of that name, not a second actor.
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "La start-up Kelvio lève 40 millions d'euros. Kelvio emploie 80 personnes. "
            "Selon Kelvio, les ventes ont doublé.",
            "Kelvio",
        ),
        (
            "Le fonds Arvelle entre au capital. Arvelle détient désormais 12 %. "
            "Pour Arvelle, l'opération est rentable.",
            "Arvelle",
        ),
    ],
)
def test_a_lone_word_is_one_actor_whatever_its_kind(nlp: Language, text: str, name: str) -> None:
    found = actors(nlp, text)
    assert [n for n in found if n == name] == [name]
    assert found[name][0] == "organization"
    assert len(found[name][1]) == 3


# An event's or a programme's name is no actor, wherever the text uses it, even where the
# NER read its first mention with its noun or not at all.
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Lors du salon du Bourget, le groupe a signé trois contrats. Le Bourget ouvre lundi.",
            "Bourget",
        ),
        (
            "Le sommet économique Invest Valoria réunit 200 patrons. Invest Valoria durera "
            "deux jours.",
            "Invest Valoria",
        ),
        (
            "Avant le forum Tech Horizon, Kelvio a annoncé un accord. Tech Horizon a attiré "
            "10 000 visiteurs.",
            "Tech Horizon",
        ),
    ],
)
def test_an_event_named_anywhere_is_no_actor(nlp: Language, text: str, absent: str) -> None:
    assert absent not in actors(nlp, text)


def test_a_company_beside_an_event_stays(nlp: Language) -> None:
    found = actors(nlp, "Au salon Vivatech, Kelvio a présenté son robot. Kelvio vise l'Asie.")
    assert "Vivatech" not in found
    assert "Kelvio" in found


# A name the tagger took for a common noun is a body where it acts (a subject inside a
# sentence); its other mentions follow it. Where it does not act, it is no actor.
@pytest.mark.parametrize(
    ("text", "name", "is_actor"),
    [
        (
            "Le plan vise à soutenir Eutelsat. Soutenu par l'État, Eutelsat a toutefois besoin "
            "de nouveaux investisseurs.",
            "Eutelsat",
            True,
        ),
        ("Le plan prévoit une aide publique à Eutelsat.", "Eutelsat", False),
    ],
)
def test_a_name_read_as_a_noun_acts(nlp: Language, text: str, name: str, is_actor: bool) -> None:
    found = actors(nlp, text)
    assert (name in found) is is_actor, found
    if is_actor:
        assert found[name] == ("organization", [name, name])


def owner_of(nlp: Language, text: str, mention: str) -> str | None:
    """The actor one of whose mentions is written `mention` (the last such mention)."""
    owner = None
    for name, (_, mentions) in actors(nlp, text).items():
        if mention in mentions:
            owner = name
    return owner


# Which actor a description takes up: the name it is in apposition to, the actor the text
# introduced with the same noun, never the subject of its own clause; look-alikes: a
# description in a clause that depends on its subject's verb, a name after a complement.
@pytest.mark.parametrize(
    ("text", "mention", "owner"),
    [
        (
            "Google a signé un accord avec Meta, la société mère de Facebook.",
            "la société mère",
            "Meta",
        ),
        (
            "Microsoft a conclu un accord de dix ans avec Oracle, la société américaine de "
            "logiciels.",
            "la société américaine",
            "Oracle",
        ),
        (
            "Le géant américain du commerce en ligne Amazon va investir en France. Microsoft a "
            "aussi annoncé un plan de 500 emplois. Le géant américain avait promis 2 000 postes.",
            "Le géant américain",
            "Amazon",
        ),
        (
            "La start-up Kelvio lève 40 millions d'euros. Le fonds Arvelle mène le tour. "
            "Microsoft a salué l'opération. La start-up compte recruter 80 personnes.",
            "La start-up",
            "Kelvio",
        ),
        (
            "Mistral AI lève deux milliards d'euros. ASML prendrait un siège au conseil "
            "d'administration de la start-up.",
            "la start-up",
            "Mistral AI",
        ),
        # look-alikes
        ("Nvidia a indiqué que le groupe allait investir en Europe.", "le groupe", "Nvidia"),
        (
            "Le gouvernement de Giorgia Meloni a réagi lundi. Le gouvernement a ensuite "
            "convoqué l'ambassadeur.",
            "Le gouvernement",
            None,
        ),
    ],
)
def test_which_actor_a_description_takes_up(
    nlp: Language, text: str, mention: str, owner: str | None
) -> None:
    found = owner_of(nlp, text, mention)
    if owner is None:  # never the person the complement names
        assert found != "Giorgia Meloni", actors(nlp, text)
    else:
        assert found == owner, actors(nlp, text)


# A company's name the NER cut in pieces is one name: pieces side by side one of which it
# read as a company, a word in capitals it left out before one. Look-alike: a company and a
# country make a subsidiary, another actor.
@pytest.mark.parametrize(
    ("text", "name", "count"),
    [
        (
            "Les analystes de TPICAP Midcap relèvent leur objectif. Selon TPICAP Midcap, le "
            "titre reste cher.",
            "TPICAP Midcap",
            2,
        ),
        ("Les équipes de TP ICAP Midcap restent prudentes, indique la note.", "TP ICAP Midcap", 1),
    ],
)
def test_a_company_name_cut_in_pieces_is_whole(
    nlp: Language, text: str, name: str, count: int
) -> None:
    found = actors(nlp, text)
    assert list(found) == [name], found
    assert found[name] == ("organization", [name] * count)


def test_a_company_and_its_country_stay_two_actors(nlp: Language) -> None:
    found = actors(nlp, "Microsoft France a recruté 200 ingénieurs. Microsoft a confirmé.")
    assert {"Microsoft France", "Microsoft"} <= set(found), found


# An actor named again under another name right after a marker ("alias", "dit") is one actor;
# look-alikes: two names side by side without a marker, "dit" as a reporting verb.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Jean Morel, alias « Johnny Morel », a été arrêté mardi. Johnny Morel nie les faits.",
            {"Jean Morel": 3},
        ),
        ("Le trafiquant Wei Zhang, dit Harry Zhang, a été inculpé.", {"Wei Zhang": 2}),
        ("Selon Ana Ruiz, Marc Duval a démissionné.", {"Ana Ruiz": 1, "Marc Duval": 1}),
        (
            "« Le marché reste fragile », dit Marc Duval à Ana Ruiz.",
            {"Marc Duval": 1, "Ana Ruiz": 1},
        ),
    ],
)
def test_an_alias_is_the_same_actor(nlp: Language, text: str, expected: dict[str, int]) -> None:
    found = actors(nlp, text)
    persons = {name: len(mentions) for name, (kind, mentions) in found.items() if kind == "person"}
    assert persons == expected, found


# A description noun written with a capital in a company's own words ("Le Groupe") is a
# description of that company, not a name of its own.
@pytest.mark.parametrize("noun", ["Groupe", "Société", "Fonds"])
def test_a_capitalised_description_is_no_name(nlp: Language, noun: str) -> None:
    text = f"« Le {noun} a réalisé un trimestre solide », a déclaré Capgemini dans un communiqué."
    assert noun not in actors(nlp, text)


# A description introduces a body past its adjectives and its trade ("le groupe asiatique de
# prêt-à-porter discount Valdora", "le fonds d'investissement américain Orvane").
@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "La Cnil a infligé au groupe asiatique de prêt-à-porter discount Valdora une amende "
            "de 150 millions d'euros.",
            "Valdora",
        ),
        ("Le fonds d'investissement américain Orvane entre au capital.", "Orvane"),
        ("La société de gestion Arvelle a relevé sa note.", "Arvelle"),
    ],
)
def test_a_description_with_its_trade_introduces_a_body(
    nlp: Language, text: str, name: str
) -> None:
    assert actors(nlp, text).get(name, ("?",))[0] == "organization", actors(nlp, text)


# A known name matches only with a capital of its own, not the article's that opens a
# sentence: "La commission nationale …" is not "la Commission" (the European one).
@pytest.mark.parametrize(
    ("text", "is_actor"),
    [
        ("La commission nationale des marchés a publié un avis.", False),
        ("La Commission a publié un avis.", True),
    ],
)
def test_a_known_name_needs_a_capital_past_its_article(
    nlp: Language, text: str, is_actor: bool
) -> None:
    assert ("Commission européenne" in actors(nlp, text)) is is_actor


# A description whose topic was last named two sentences back or more, with another body of
# its kind named since, takes up neither; the subject of the sentence before still wins.
@pytest.mark.parametrize(
    ("text", "mention", "owner"),
    [
        (
            "Hugging Face a levé 40 millions de dollars l'an dernier. Ses ventes ont doublé "
            "depuis. Un contrat a été signé avec Microsoft et avec Oracle. La société prévoit "
            "de recruter.",
            "La société",
            None,
        ),
        (
            "Hugging Face a refusé une offre de Microsoft et d'Oracle. La société préfère rester "
            "indépendante.",
            "La société",
            "Hugging Face",
        ),
    ],
)
def test_a_description_between_two_bodies(
    nlp: Language, text: str, mention: str, owner: str | None
) -> None:
    assert owner_of(nlp, text, mention) == owner, actors(nlp, text)


# A short name in capitals defined after a body described in lower case is an actor, here
# and again; look-alikes: a parenthesis after a thing, not a body, or after a verb.
@pytest.mark.parametrize(
    ("text", "name", "count"),
    [
        (
            "Des attaques ont visé le service public de santé (NHS) britannique. Le NHS a "
            "porté plainte.",
            "NHS",
            2,
        ),
        (
            "Plusieurs hôpitaux du service régional de secours (SRSO) ont été touchés.",
            "SRSO",
            1,
        ),
        ("Le marché du pétrole brut (WTXL) recule de 2 %.", None, 0),
        ("Les ventes ont reculé (HT) sur le trimestre.", None, 0),
    ],
)
def test_a_short_name_after_a_described_body(
    nlp: Language, text: str, name: str | None, count: int
) -> None:
    found = actors(nlp, text)
    if name is None:
        assert not any(n.isupper() for n in found), found
    else:
        assert found.get(name) == ("organization", [name] * count), found


# A role opening on a preposition before a comma and a name that goes on into its clause
# frames the sentence ("Pour l'analyste, X résoudra"); closed by a comma it is the name's.
@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Pour l'analyste, Marc Duval a sous-estimé le risque.", "Marc Duval", None),
        (
            "Selon le PDG de Nvidia, Jensen Huang, la demande reste forte.",
            "Jensen Huang",
            "PDG de Nvidia",
        ),
        ("Le PDG de Nvidia, Jensen Huang, a démenti.", "Jensen Huang", "PDG de Nvidia"),
    ],
)
def test_a_framing_role_is_no_title(nlp: Language, text: str, name: str, role: str | None) -> None:
    roles = {a.name: a.roles for a in products.actors(nlp(text))}
    assert name in roles, roles
    assert roles[name] == ([role] if role else []), roles


# A body named by a public institution's noun is a government's; an agency only when
# national or federal (else a news agency or a firm); look-alike: a company's name.
@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Selon la Cour des comptes, le plan a coûté trop cher.", "Cour des comptes", "government"),
        (
            "Le Conseil supérieur du numérique a rendu un avis défavorable.",
            "Conseil supérieur du numérique",
            "government",
        ),
        (
            "L'Agence nationale des fréquences a ouvert une enquête.",
            "Agence nationale des fréquences",
            "government",
        ),
        ("Selon Valtrix Systems, la demande reste forte.", "Valtrix Systems", "organization"),
    ],
)
def test_a_public_body_is_a_government(nlp: Language, text: str, name: str, kind: str) -> None:
    assert kind_of(nlp, text, name) == kind, actors(nlp, text)


# A description with a complement before a name types it ("le géant du secteur Valmora"); a
# lone word the NER read as a person among companies is a company. Look-alikes: persons.
@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Certaines entreprises, comme le géant du secteur Valmora, refusent.", "Valmora", None),
        ("Le projet réunit Bouygues, EDF, RTE et Kernatis.", "Kernatis", None),
        ("Le spécialiste de la cybersécurité Orvane a levé 30 millions.", "Orvane", None),
        ("Le projet réunit Bouygues et Marc Duval.", "Marc Duval", "person"),
    ],
)
def test_a_name_among_companies_or_after_a_described_trade(
    nlp: Language, text: str, name: str, kind: str | None
) -> None:
    found = kind_of(nlp, text, name)
    if kind is None:  # never a person: a company, or nothing
        assert found in ("organization", None) and found != "person", actors(nlp, text)
    else:
        assert found == kind, actors(nlp, text)
