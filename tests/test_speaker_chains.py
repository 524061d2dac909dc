"""Speakers carried from one sentence to the next: a pronoun that continues the speaker
before it, a quotation after a sentence in which someone takes the floor; and outlets
named after a contracted article or a descriptor. Sentences of our own, look-alikes beside
them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimx.claims import doc_claims
from tests.test_speakers import attributions, check, said

# A pronoun naming no actor continues the last speaker, in its sentence or the one before,
# when it agrees: a subject inside what the speaker said is no candidate.
PRONOUNS_CONTINUING_A_SPEAKER = [
    (
        "Le bureau d'études pense que la marge va reculer. Il estime aussi que le titre "
        "est trop cher.",
        "Le bureau d'études",
        "le titre est trop cher",
    ),
    (
        "Un porte-parole du syndicat a indiqué que la grève serait levée. Il a ajouté que "
        "le calendrier restait ouvert.",
        "Un porte-parole du syndicat",
        "le calendrier restait ouvert",
    ),
    (
        "La direction précise que le plan ne touchera pas l'usine. Elle ajoute que les "
        "salaires seront maintenus.",
        "La direction",
        "les salaires seront maintenus",
    ),
    (
        "Les analystes soulignent que la demande faiblit. Ils jugent que la baisse va durer.",
        "Les analystes",
        "la baisse va durer",
    ),
    (
        "Selon l'analyste, la valeur reste chère. Il juge que le recul n'est pas fini.",
        "l'analyste",
        "le recul n'est pas fini",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), PRONOUNS_CONTINUING_A_SPEAKER)
def test_a_pronoun_continues_the_speaker_before(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


# No chain: a subject of the narration between, or a pronoun that does not agree.
BROKEN_CHAINS = [
    (
        "Les analystes soulignent que la demande faiblit. Le groupe a publié ses comptes "
        "mardi. Il estime que la reprise viendra.",
        "la reprise viendra",
        "Les analystes",
    ),
    (
        "Le porte-parole a indiqué que la mesure serait levée. Elle a ajouté que le "
        "calendrier restait ouvert.",
        "le calendrier restait ouvert",
        "Le porte-parole",
    ),
    (
        "La direction précise que le plan ne touchera pas l'usine. Ils ajoutent que les "
        "salaires seront maintenus.",
        "les salaires seront maintenus",
        "La direction",
    ),
]


@pytest.mark.parametrize(("text", "evidence", "not_source"), BROKEN_CHAINS)
def test_no_chain_past_another_subject_or_a_disagreeing_pronoun(
    nlp: Language, text: str, evidence: str, not_source: str
) -> None:
    claim = said(nlp, text, evidence)
    assert claim["source"] != not_source, claim


# A sentence that is all quotation after a sentence in which a speaker takes the floor
# without saying what: the speaker's words, the floor verb (or "être" + manner) its cue.
QUOTES_AFTER_TAKING_THE_FLOOR = [
    (
        "Marc Duval s'est exprimé lors d'une conférence de presse. « Le site restera "
        "ouvert jusqu'en 2030. »",
        "Marc Duval",
        "Le site restera ouvert",
        "s'est exprimé",
    ),
    (
        "Interrogé par les sénateurs, le directeur juridique de Ternel, Luc Morin, a été "
        "clair. « Non, je ne peux pas le garantir. »",
        "Luc Morin",
        "je ne peux pas le garantir",
        "a été clair",
    ),
    (
        "La ministre du Travail a réagi dans la soirée. « Cette décision est une faute "
        "lourde pour les salariés. »",
        "ministre du Travail",
        "Cette décision est une faute",
        "a réagi",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence", "cue"), QUOTES_AFTER_TAKING_THE_FLOOR)
def test_a_quote_after_a_speaker_takes_the_floor(
    nlp: Language, text: str, source: str, evidence: str, cue: str
) -> None:
    claim = said(nlp, text, evidence)
    assert source in claim["source"], claim
    assert (claim["kind"], claim["cue"]) == ("quote", cue), claim


@pytest.mark.parametrize(
    "text",
    [
        # a visit is no taking the floor
        "Marc Duval a visité l'usine mardi. « Le site restera ouvert jusqu'en 2030. »",
        # a sentence of the narration between
        "Le ministre s'est exprimé mardi. Le texte sera examiné en juin. « Rien n'est joué. »",
        # the quotation is part of the writer's sentence
        "Le ministre a réagi mardi. Les « cavaliers législatifs » seront retirés du texte.",
    ],
)
def test_a_quote_after_no_floor_taking_stays_unattributed(nlp: Language, text: str) -> None:
    assert not [f for f in attributions(nlp, text) if f["kind"] == "quote"]


# An outlet whose name opens on an article, written after a contraction ("du Figaro",
# "des Echos"), or an unknown outlet a descriptor introduces ("la radio publique X").
OUTLETS = [
    ("D'après les informations du Figaro, la société prépare un plan social.", "Le Figaro"),
    ("Selon une enquête des Echos, la société prépare un plan social.", "Les Échos"),
    ("Selon les informations du Parisien, la société prépare un plan social.", "Le Parisien"),
    ("La radio publique Ondalis rapporte que le texte sera retiré.", "Ondalis"),
    ("Le média en ligne Korvane indique que le texte sera retiré.", "Korvane"),
    ("Selon la télévision publique Velaris, le texte sera retiré.", "Velaris"),
]


@pytest.mark.parametrize(("text", "source"), OUTLETS)
def test_outlets_after_a_contraction_or_a_descriptor(nlp: Language, text: str, source: str) -> None:
    found = attributions(nlp, text)
    assert [f["source"] for f in found] == [source], found


def test_a_capitalised_word_after_a_contraction_inside_another_name(nlp: Language) -> None:
    body = doc_claims(nlp("La Coupe du Monde de football commence demain au Qatar."))
    assert "Le Monde" not in [a.name for a in body.actors]


def test_an_outlet_told_after_a_contraction_is_the_addressee(nlp: Language) -> None:
    text = "Le ministre a confié au Monde que la taxe serait maintenue."
    assert "Le Monde" in [a.name for a in doc_claims(nlp(text)).actors]
    check(nlp, text, "Le ministre", "la taxe serait maintenue")


# A title, its portfolio and a name with no comma between: the NER runs the portfolio (or
# the body) and the name together; the person named speaks, before or after the verb.
TITLES_PORTFOLIOS_AND_NAMES = [
    (
        "Les conditions sont strictes, a déclaré le secrétaire au Commerce Howard Lutnick "
        "lors d'une audition mardi.",
        "Howard Lutnick",
    ),
    (
        "Le secrétaire au Commerce Howard Lutnick a déclaré que les conditions étaient strictes.",
        "Howard Lutnick",
    ),
    (
        "La ministre déléguée chargée du Numérique Clara Chappaz a estimé que le texte "
        "était équilibré.",
        "Clara Chappaz",
    ),
    (
        "L'Union répondra, a assuré le commissaire européen au Commerce Maros Sefcovic.",
        "Maros Sefcovic",
    ),
    ("Le patron de Kelvio Marc Duval assure que la levée est bouclée.", "Marc Duval"),
    (
        "Le porte-parole du gouvernement Paul Serrat a affirmé que le budget serait tenu.",
        "Paul Serrat",
    ),
    (
        "La présidente de la Commission Ursula von der Leyen a affirmé que l'Europe tiendrait bon.",
        "Ursula von der Leyen",
    ),
]


@pytest.mark.parametrize(("text", "source"), TITLES_PORTFOLIOS_AND_NAMES)
def test_a_title_its_portfolio_and_a_name(nlp: Language, text: str, source: str) -> None:
    found = attributions(nlp, text)
    assert [f["source"] for f in found] == [source], found
    body = doc_claims(nlp(text))
    kinds = {a.name: a.kind for a in body.actors}
    assert kinds[source] == "person", kinds
    assert not any(source in name for name in kinds if name != source), kinds  # no run-on


def test_a_body_before_a_name_stays_a_body(nlp: Language) -> None:
    body = doc_claims(nlp("Le patron de Kelvio Marc Duval assure que la levée est bouclée."))
    assert {a.name: a.kind for a in body.actors}.get("Kelvio") == "organization"


@pytest.mark.parametrize(
    "text",
    [
        # a portfolio is no actor
        "Le secrétaire au Commerce Howard Lutnick a déclaré que les conditions étaient strictes.",
        "La ministre déléguée chargée du Numérique Clara Chappaz a estimé que le texte était "
        "équilibré.",
    ],
)
def test_the_portfolio_before_a_name_is_no_actor(nlp: Language, text: str) -> None:
    names = [a.name for a in doc_claims(nlp(text)).actors]
    assert names and all(name in text and " " in name for name in names), names


# "on" after a place opening the sentence speaks for whoever is there.
ON_AFTER_AN_OPENING_PLACE = [
    ("Du côté de Kelvio, on assure que la levée est bouclée.", "Kelvio"),
    ("Chez Renault, on indique que le plan sera présenté en juin.", "Renault"),
    ("Au sein du gouvernement, on reconnaît que le calendrier est serré.", "gouvernement"),
    ("Dans l'entourage du ministre, on assure que rien n'est décidé.", "l'entourage du ministre"),
]


@pytest.mark.parametrize(("text", "source"), ON_AFTER_AN_OPENING_PLACE)
def test_on_after_an_opening_place(nlp: Language, text: str, source: str) -> None:
    assert [f["source"] for f in attributions(nlp, text)] == [source]


@pytest.mark.parametrize(
    "text",
    [
        "En France, on estime que la taxe sera maintenue.",  # a country's "on" is anyone
        "On estime que la taxe sera maintenue.",
    ],
)
def test_on_with_no_place_stays_on(nlp: Language, text: str) -> None:
    assert [f["source"].lower() for f in attributions(nlp, text)] == ["on"]
