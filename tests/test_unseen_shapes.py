"""Shapes a survey of unseen press copy found missing (December 2026), in our own
sentences: refusing to confirm or disclose as a no-comment, people in a case or a party
as speakers, saying no more than ("se contente d'indiquer"). One table per mechanism,
look-alikes beside them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_speakers import attributions

NO_COMMENTS = [
    ("Vexor ferme son site, une information que la direction n'a pas souhaité confirmer.", 1),
    ("Le gouvernement n'a jamais souhaité communiquer sur le coût du projet.", 1),
    ("Le ministre a refusé de confirmer la date du sommet.", 1),
    ("Orvane a communiqué sur sa stratégie lors d'un salon.", 0),
    ("Orvane a confirmé la date du lancement.", 0),
]


@pytest.mark.parametrize(("text", "count"), NO_COMMENTS)
def test_refusing_to_confirm_or_disclose_is_a_no_comment(
    nlp: Language, text: str, count: int
) -> None:
    found = [f for f in attributions(nlp, text) if f["kind"] == "no_comment"]
    assert len(found) == count, attributions(nlp, text)


SPEAKERS = [
    ("Le suspect a affirmé qu'il était innocent.", "Le suspect"),
    ("Le lanceur d'alerte a affirmé que les données avaient fuité.", "Le lanceur d'alerte"),
    ("« Ce budget est injuste », martèle le socialiste.", "le socialiste"),
    ("« Ce budget est injuste », a expliqué le haut-fonctionnaire.", "le haut-fonctionnaire"),
    (
        "La ministre Claire Martin se contente d'indiquer que le dossier est à l'étude.",
        "Claire Martin",
    ),
    ("Le porte-parole se borne à rappeler que la loi s'applique.", "Le porte-parole"),
]


@pytest.mark.parametrize(("text", "source"), SPEAKERS)
def test_speakers_the_press_names_this_way(nlp: Language, text: str, source: str) -> None:
    found = attributions(nlp, text)
    assert [f["source"] for f in found] == [source], found


# Look-alikes: a carrier's word without an infinitive of speech.
NOT_SPEECH = [
    "Le groupe se contente d'une marge de 3 %.",
    "La hausse se borne à 2 % cette année.",
]


@pytest.mark.parametrize("text", NOT_SPEECH)
def test_look_alikes_report_nothing(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


def test_a_no_comment_in_the_speaker_s_own_quotation_is_the_quotation(nlp: Language) -> None:
    text = "« Je n'ai pas de commentaire à faire sur ce dossier », a dit l'avocate Marie Dosé."
    found = attributions(nlp, text)
    assert [(f["kind"], f["source"]) for f in found] == [("quote", "Marie Dosé")], found


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Le quotidien Nikkei a rapporté que Tokyo préparait un plan. Tokyo compte investir "
            "10 milliards, selon le rapport.",
            "Nikkei",
        ),
        (
            "La Cour des comptes juge ce plan irréaliste, selon un rapport publié lundi.",
            "Cour des comptes",
        ),
    ],
)
def test_a_definite_document_is_the_one_named_before(nlp: Language, text: str, source: str) -> None:
    found = [f for f in attributions(nlp, text) if f["kind"] == "according_to"]
    assert [f["source"] for f in found] == [source], attributions(nlp, text)


# A relative "ce que" after a comma reports the clause before it; a "ce que" that is an
# object inside the clause does not.
CE_QUE = [
    (
        "Le site de Lyon fermera en juin, ce qu'a confirmé la direction du groupe Vexor.",
        "statement",
    ),
    ("Le site de Lyon fermera en juin, ce que la ministre Claire Martin a confirmé.", "statement"),
    ("Le site de Lyon fermera en juin, ce que conteste le syndicat CGT.", "denial"),
]


@pytest.mark.parametrize(("text", "kind"), CE_QUE)
def test_ce_que_after_a_comma_reports_the_clause_before(
    nlp: Language, text: str, kind: str
) -> None:
    found = attributions(nlp, text)
    assert [(f["kind"], f["text"]) for f in found] == [(kind, "Le site de Lyon fermera en juin")]


def test_ce_que_as_an_object_reports_nothing(nlp: Language) -> None:
    assert attributions(nlp, "Le groupe a vendu ce que ses clients voulaient.") == []


# What a text provides is no statement; a forecast by someone who speaks still is.
PROVISIONS = [
    ("Les plateformes devront ouvrir leurs données, comme le prévoit le DMA.", None),
    ("Le délai est de trente jours, stipule le contrat.", None),
    ("Les prix vont monter cette année, comme le prévoit la Banque de France.", "Banque de France"),
    ("« Les prix vont monter », prévoit un analyste.", "un analyste"),
]


@pytest.mark.parametrize(("text", "source"), PROVISIONS)
def test_a_provision_is_no_statement(nlp: Language, text: str, source: str | None) -> None:
    found = attributions(nlp, text)
    assert [f["source"] for f in found] == ([] if source is None else [source]), found


def test_pour_x_inside_a_quotation_is_the_speaker_s_words(nlp: Language) -> None:
    quoted = "« Pour Renault, cette usine est un symbole », détaillent les syndicalistes de la CGT."
    assert [f["kind"] for f in attributions(nlp, quoted)] == ["quote"]
    plain = attributions(nlp, "Pour Renault, cette usine est un symbole.")
    assert [(f["kind"], f["source"]) for f in plain] == [("according_to", "Renault")]
