"""How quotations carry their speaker in the press: an incise inside the quotation marks
("« …, a lancé X, … »"). One table per mechanism, look-alikes beside them; texts are ours."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_speakers import attributions, said

# The speaker's incise inside the quotation marks, the quotation going on after it.
INCISES_INSIDE_THE_QUOTE = [
    (
        "« Nous irons jusqu'au bout, a lancé Sophie Binet, quel que soit le calendrier. »",
        "Sophie Binet",
        "quel que soit le calendrier",
        "a lancé",
    ),
    (
        "« Le service était plein, assure Nadia Duchet. Il y a rarement des urgences. »",
        "Nadia Duchet",
        "Le service était plein",
        "assure",
    ),
    (
        "« Cette réforme est injuste, estime la députée Claire Martin. Elle pénalise les "
        "plus fragiles. »",
        "Claire Martin",
        "Cette réforme est injuste",
        "estime",
    ),
    (
        "Marc Duval a pris la parole mardi. « Le groupe, affirme-t-il, ne fermera aucune usine. »",
        "Marc Duval",
        "ne fermera aucune usine",
        "affirme",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence", "cue"), INCISES_INSIDE_THE_QUOTE)
def test_an_incise_inside_the_quotation_names_its_speaker(
    nlp: Language, text: str, source: str, evidence: str, cue: str
) -> None:
    claim = said(nlp, text, evidence)
    assert (claim["kind"], claim["source"], claim["cue"]) == ("quote", source, cue), claim


@pytest.mark.parametrize(
    "text",
    [
        "« L'État doit agir, expliquer les règles et convaincre les élus. »",
        "« Nos clients, les banques et les assureurs, ont confirmé leurs commandes. »",
        "« Le texte, publié mardi, prévoit des sanctions lourdes. »",
        "« La Commission a annoncé, mardi, de nouvelles règles. »",
    ],
)
def test_commas_inside_a_quotation_name_no_speaker(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


def test_a_quotation_after_selon_is_no_part_of_the_source(nlp: Language) -> None:
    text = (
        "Les producteurs se prononcent pour un retour aux sources, qui passe selon eux « par "
        "un recentrage sur la création »."
    )
    found = attributions(nlp, text)
    quotes = [f for f in found if f["kind"] == "quote"]
    assert [(q["source"], q["cue"]) for q in quotes] == [("Les producteurs", "selon eux")], found


# A role of a body after a quote takes up the person just named, when the genders agree.
ROLES_OF_A_BODY_AFTER_A_QUOTE = [
    (
        "Dans un entretien, Maxime Sarda a annoncé une pause. « Ce sera une première », a "
        "détaillé le président du directoire de Canal+.",
        "Maxime Sarda",
    ),
    (
        "Dans un entretien, Anne Roux a annoncé une pause. « Ce sera une première », a "
        "détaillé la présidente du directoire de Canal+.",
        "Anne Roux",
    ),
    # Another gender: the body speaks.
    (
        "Dans un entretien, Anne Roux a annoncé une pause. « Ce sera une première », a "
        "détaillé le président du directoire de Canal+.",
        "Canal+",
    ),
]


@pytest.mark.parametrize(("text", "source"), ROLES_OF_A_BODY_AFTER_A_QUOTE)
def test_a_role_of_a_body_takes_up_the_person_just_named(
    nlp: Language, text: str, source: str
) -> None:
    assert said(nlp, text, "Ce sera une première")["source"] == source


@pytest.mark.parametrize("verb", ["a tweeté", "a posté", "a écrit"])
def test_a_post_reports_like_a_statement(nlp: Language, verb: str) -> None:
    text = f"« Nous soutenons les éleveurs », {verb} Marine Le Pen."
    claim = said(nlp, text, "Nous soutenons les éleveurs")
    assert (claim["source"], claim["cue"]) == ("Marine Le Pen", verb), claim


# A speaker's temper as the verb after a quote: the new speaker, not the one before.
@pytest.mark.parametrize(
    "verb",
    ["a cinglé", "s'agace", "s'emporte", "claironne", "peste", "s'insurge", "raille", "a grincé"],
)
def test_a_verb_of_temper_names_the_new_speaker(nlp: Language, verb: str) -> None:
    text = (
        f"« Nous tiendrons les délais », a assuré la ministre Claire Vautel. « Ce calendrier "
        f"est une fiction », {verb} Thomas Jolivet, membre du collège."
    )
    claim = said(nlp, text, "Ce calendrier est une fiction")
    assert (claim["source"], claim["cue"]) == ("Thomas Jolivet", verb), claim


def test_voila_ce_que_reports_the_sentence_before(nlp: Language) -> None:
    text = "« Nous ferons appel. » Voilà ce qu'a annoncé Me Nadia Kessel, avocate du maire."
    claim = said(nlp, text, "Nous ferons appel")
    assert claim["source"] == "Nadia Kessel", claim


def test_a_role_takes_up_the_person_a_cleft_put_forward(nlp: Language) -> None:
    text = (
        "C'est Paul Serrat qui a ouvert la séance. Le ministre de l'Industrie a promis « une "
        "réponse rapide » aux salariés."
    )
    assert said(nlp, text, "une réponse rapide")["source"] == "Paul Serrat"


@pytest.mark.parametrize(
    ("verb", "speaker"),
    [
        ("conclut", "Paul Vidal"),
        ("admet", "Paul Vidal"),
        ("reconnaît", "la maire de Lille"),
        ("soutient", "le ministre"),
        ("répond", "Paul Vidal"),
    ],
)
def test_a_present_with_a_wedge_before_its_speaker(nlp: Language, verb: str, speaker: str) -> None:
    # the morphologizer reads some presents before a comma as participles; no
    # participle ends so
    text = f"« C'est la deuxième fois », {verb}, non sans humour, {speaker}."
    claim = said(nlp, text, "la deuxième fois")
    assert claim["source"] == speaker, claim


def test_the_inverted_speaker_is_not_a_complement_s_name(nlp: Language) -> None:
    # the parser takes the platform's name for the verb's subject
    text = (
        "Marc Duval a appelé jeudi à la démission du patron de Vexor. « Le directeur de "
        "Vexor doit partir. Il n'y a pas d'autre solution », a fustigé le président "
        "américain sur sa plateforme Truth Social."
    )
    claim = said(nlp, text, "pas d'autre solution")
    assert claim["source"] == "le président américain", claim


@pytest.mark.parametrize("name", ["Annemie Vandewalle", "Marie Delorme"])
def test_a_speaker_after_a_wedge_whatever_the_tagger_read_of_the_name(
    nlp: Language, name: str
) -> None:
    text = (
        "« Ces promesses sont déconnectées de la réalité », a asséné, lors d'une conférence "
        f"de presse, {name}, responsable de l'audit."
    )
    assert said(nlp, text, "déconnectées")["source"] == name


# A speaker quoting another's statement: the statement is the other's, kind quote; the
# speaker's own words in the first person, a pronoun, or the speaker naming itself, are not.
REPORTED_IN_A_QUOTATION = [
    (
        "« Le gouvernement américain nous a assuré que les licences seraient accordées », a "
        "déclaré Orvane dans un communiqué.",
        {"Orvane", "gouvernement américain"},
    ),
    (
        "« La Commission a confirmé que l'enquête était close », a indiqué l'avocat de la "
        "société, Marc Duval.",
        {"Marc Duval", "Commission européenne"},
    ),
    ("« Nous pensons que le marché va ralentir », a déclaré Paul Henri.", {"Paul Henri"}),
    ("« Il a dit que tout irait bien », a raconté Claire Martin.", {"Claire Martin"}),
    (
        "L'Arcom a publié un référentiel. « L'Arcom se réjouit de constater que les outils "
        "existent », a-t-elle déclaré.",
        {"Arcom"},
    ),
]


@pytest.mark.parametrize(("text", "sources"), REPORTED_IN_A_QUOTATION)
def test_a_statement_reported_in_a_quotation_is_its_speaker_s(
    nlp: Language, text: str, sources: set[str]
) -> None:
    found = attributions(nlp, text)
    assert {f["source"] for f in found} == sources, found
    assert all(f["kind"] == "quote" for f in found), found
    assert len(found) == len(sources), found
