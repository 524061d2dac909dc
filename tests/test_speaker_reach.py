"""Speakers the parse hides: a relay inside a "selon" source, a subject after a set-off
participle, a speaker past "auprès de" the outlet asked. One table per mechanism, sentences
of our own, look-alikes beside them (tests/test_source_reach.py holds the earlier ones)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_speakers import attributions, check

# "Selon X interrogé par Y": X spoke to Y; the innermost source of the chain is X. A
# document's participle names its issuer instead ("un rapport publié par la Cour").
RELAYS_INSIDE_SELON = [
    (
        "Selon une source proche du dossier interrogée par Reuters, l'accord est imminent.",
        "une source proche du dossier",
        "l'accord est imminent",
    ),
    (
        "Selon un analyste interrogé par le journal Les Échos, le titre pourrait rebondir.",
        "un analyste",
        "le titre pourrait rebondir",
    ),
    (
        "Selon des proches de la ministre cités par Le Parisien, elle envisage de partir.",
        "des proches de la ministre",
        "elle envisage de partir",
    ),
    (
        "Selon un rapport publié par la Cour des comptes, le chantier a pris deux ans de retard.",
        "Cour des comptes",
        "le chantier a pris deux ans",
    ),
    (
        "Selon un communiqué diffusé par le groupe Mirvane, les ventes ont progressé de 4 %.",
        "Mirvane",
        "les ventes ont progressé",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), RELAYS_INSIDE_SELON)
def test_a_relay_inside_a_selon_source(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence, "according_to")


# A participle clause set off before the subject ("Interrogée par la radio, la ministre a
# indiqué …") often leaves the verb without a subject in the parse: the noun phrase between
# the comma and the verb group is it.
SUBJECTS_AFTER_A_SET_OFF_CLAUSE = [
    (
        "Interrogée par franceinfo, la ministre du Travail a indiqué que la réforme serait "
        "maintenue.",
        "la ministre du Travail",
        "la réforme serait maintenue",
    ),
    (
        "Interrogé par la radio locale, le directeur de l'usine a assuré que personne ne serait "
        "licencié.",
        "le directeur de l'usine",
        "personne ne serait licencié",
    ),
    (
        "Sollicitée par notre rédaction, la présidente du syndicat Solvane a affirmé que la "
        "grève continuerait.",
        "Solvane",
        "la grève continuerait",
    ),
    (
        "Interrogée par franceinfo, Élise Caradec a indiqué que la réforme serait maintenue.",
        "Élise Caradec",
        "la réforme serait maintenue",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), SUBJECTS_AFTER_A_SET_OFF_CLAUSE)
def test_a_subject_after_a_set_off_participle_clause(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


@pytest.mark.parametrize(
    "text",
    [
        # what the comma sets off is no speaker: a date, a place, a figure
        "Depuis le début de l'année, les prix de l'énergie ont augmenté de 12 %.",
        "Dans la nuit de lundi, la rivière a débordé sur trois communes.",
    ],
)
def test_a_phrase_after_a_comma_that_says_nothing(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


# After an inverted verb, "auprès de l'AFP" is whom the speaker told; the noun phrase after
# it speaks. A title before an apposed name belongs to it ("Me Julien Brun").
SPEAKERS_PAST_THE_OUTLET_ASKED = [
    (
        "« C'est une erreur », a réagi auprès de l'AFP l'avocat de la famille, Me Julien Brun.",
        "Julien Brun",
        "C'est une erreur",
    ),
    (
        "« Le site ne fermera pas », a assuré auprès de Reuters la directrice de l'usine, "
        "Claire Vautrin.",
        "Claire Vautrin",
        "Le site ne fermera pas",
    ),
    (
        "« Nous attendons des garanties », a expliqué à l'AFP le délégué syndical, "
        "Dr Hugo Lemaire.",
        "Hugo Lemaire",
        "Nous attendons des garanties",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), SPEAKERS_PAST_THE_OUTLET_ASKED)
def test_speakers_past_the_outlet_they_told(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence, "quote")


def test_a_relay_still_names_one_source(nlp: Language) -> None:
    found = attributions(nlp, "Selon un cadre interrogé par Le Monde, 300 postes sont menacés.")
    assert [f["source"] for f in found] == ["un cadre"]
