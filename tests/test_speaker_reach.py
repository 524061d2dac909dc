"""Speakers the parse hides: a relay inside a "selon" source, a subject after a set-off
participle, a speaker past "auprès de" the outlet asked. One table per mechanism, sentences
of our own, look-alikes beside them (tests/test_source_reach.py holds the earlier ones)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_speakers import attributions, check, said

# "Selon X interrogé par Y", "selon X, cité par Y": the chain rule gives the innermost
# source *named*: X when X names someone (a person, an institution, a definite body), Y
# when X leaves them anonymous ("une source proche du dossier", "deux responsables",
# "des proches de X"). A document's participle names its issuer ("publié par la Cour").
RELAYS_INSIDE_SELON = [
    (
        "Selon une source proche du dossier interrogée par Reuters, l'accord est imminent.",
        "Reuters",
        "l'accord est imminent",
    ),
    (
        "Selon plusieurs sources citées par Le Monde, l'usine fermera en juin.",
        "Le Monde",
        "l'usine fermera en juin",
    ),
    (
        "Selon des proches de Paul Serrat cités par Le Parisien, il envisage de partir.",
        "Le Parisien",
        "il envisage de partir",
    ),
    (
        "Selon Marc Duval, interrogé par Le Figaro, 300 postes sont menacés.",
        "Marc Duval",
        "300 postes sont menacés",
    ),
    (
        "Selon le ministère, cité par Reuters, l'usine fermera en juin.",
        "le ministère",
        "l'usine fermera en juin",
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
    assert [f["source"] for f in found] == ["Le Monde"]


def test_an_anonymous_source_with_no_relay_named_stays_as_written(nlp: Language) -> None:
    found = attributions(nlp, "Selon des sources concordantes, 300 postes sont menacés.")
    assert [f["source"] for f in found] == ["des sources concordantes"]


# A verb that carries an infinitive reports through it for its own subject: "vient
# d'annoncer" (a recent past), "a tenu à préciser" (an emphasis), before or after the
# quotation; the same verbs with no reporting infinitive report nothing.
CARRIED_INFINITIVES = [
    (
        "Le groupe Orvane vient de reconnaître que ses serveurs avaient été piratés.",
        "Orvane",
        "ses serveurs avaient été piratés",
    ),
    (
        "La ministre venait de déclarer que la réforme serait retirée.",
        "La ministre",
        "la réforme serait retirée",
    ),
    (
        "La directrice a tenu à préciser qu'aucun salarié ne serait licencié.",
        "La directrice",
        "aucun salarié ne serait licencié",
    ),
    (
        "« Nous ne fermerons pas le site », vient d'assurer la direction de Telvia.",
        "la direction de Telvia",
        "Nous ne fermerons pas le site",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), CARRIED_INFINITIVES)
def test_infinitives_carried_by_venir_de_and_tenir_a(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Le syndicat vient de Lyon pour annoncer la grève.",
        "Le projet vient de démarrer à Nantes.",
        "La société tient à son indépendance.",
        "Le groupe a écrit au ministre pour demander un délai.",
    ],
)
def test_other_infinitives_report_nothing(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


# An adverb may sit inside a multi-word reporting verb: "mettent notamment en avant".
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        (
            "Les analystes de Kepler mettent notamment en avant la solidité du bilan.",
            "Les analystes de Kepler",
            "la solidité du bilan",
        ),
        (
            "Le ministre a mis aussitôt en garde contre une hausse des prix.",
            "Le ministre",
            "une hausse des prix",
        ),
    ],
)
def test_an_adverb_inside_a_multi_word_verb(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


def test_a_multi_word_verb_of_no_speech_stays_silent(nlp: Language) -> None:
    assert attributions(nlp, "Les salariés mettent enfin en place un comité.") == []


# "Comme l'a indiqué X, …", "Ainsi que le rappelle X, …": the verb takes up the rest of
# the sentence with its clitic; X speaks, what follows the comma is said (a role set off
# after X aside). "Comme prévu", "comme le montre le graphique" report nothing.
COMME_INCISES = [
    (
        "Comme l'a indiqué le ministre, la réforme sera votée en juin.",
        "le ministre",
        "la réforme sera votée en juin",
    ),
    (
        "Comme le rappelle l'Insee, le chômage a reculé au troisième trimestre.",
        "Insee",
        "le chômage a reculé",
    ),
    (
        "Comme le souligne Marc Duval, économiste chez Oddo, la dette reste élevée.",
        "Marc Duval",
        "la dette reste élevée",
    ),
    (
        "Ainsi que l'a confirmé la direction de Telvia, le site fermera en 2026.",
        "la direction de Telvia",
        "le site fermera en 2026",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), COMME_INCISES)
def test_comme_l_a_indique(nlp: Language, text: str, source: str, evidence: str) -> None:
    claim = said(nlp, text, evidence)
    assert claim["source"] == source, claim
    assert claim["text"].startswith(evidence[:6]), claim  # not the speaker or the role


@pytest.mark.parametrize(
    "text",
    [
        "Comme prévu, la réforme sera votée en juin.",
        "Comme le montre le graphique, les ventes ont chuté.",
        "Comme l'a fait Renault, le groupe réduira ses coûts.",
    ],
)
def test_comme_without_a_reporting_verb_says_nothing(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


# A reporting verb the tagger read as a name keeps its subject: "Le groupe anticipe …".
def test_a_verb_tagged_as_a_name_still_reports(nlp: Language) -> None:
    text = "Le groupe anticipe une marge opérationnelle de 12 % cette année."
    found = attributions(nlp, text)
    assert [(f["source"], f["cue"]) for f in found] == [("Le groupe", "anticipe")]


def test_a_noun_with_a_copula_is_no_verb(nlp: Language) -> None:
    assert attributions(nlp, "Cette décision est une critique du gouvernement.") == []


# "on" speaks for whoever is where it says: "explique-t-on chez Kelvio", "assure-t-on dans
# l'entourage du ministre", "indique-t-on à Bercy".
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        ("« Nous tiendrons », insiste-t-on chez Kelvio.", "Kelvio", "Nous tiendrons"),
        (
            "Le plan sera maintenu, assure-t-on dans l'entourage du ministre.",
            "l'entourage du ministre",
            "Le plan sera maintenu",
        ),
    ],
)
def test_on_and_where_it_speaks(nlp: Language, text: str, source: str, evidence: str) -> None:
    check(nlp, text, source, evidence)


# A one-word quotation of an adverb after the verb is how, not what, the speaker said.
@pytest.mark.parametrize(
    ("text", "evidence"),
    [
        (
            "Gérard Larcher a démenti « catégoriquement » avoir rémunéré des collaborateurs.",
            "avoir rémunéré des collaborateurs",
        ),
        ("Le groupe Orvane a démenti « formellement » ces informations.", "ces informations"),
    ],
)
def test_a_quoted_adverb_is_not_the_content(nlp: Language, text: str, evidence: str) -> None:
    found = attributions(nlp, text)
    assert [f["text"] for f in found] == [evidence]


# A relative clause inside the subject names who read the document, not who speaks.
def test_the_reader_of_a_document_is_not_its_voice(nlp: Language) -> None:
    text = "Le rapport, que Le Monde a pu consulter, estime que le projet a dérapé."
    assert [f["source"] for f in attributions(nlp, text)] == ["Le rapport"]


# "il" and "elle" agree with a person's gender where the text or the first name gives it
# ("Mme", "Anne"); a first name both sexes bear ("Dominique") agrees with both.
PRONOUNS_BY_GENDER = [
    (
        "Anne Roux a rencontré Jean Morel à Paris. « Rien n'est décidé », a-t-elle confié.",
        "Anne Roux",
    ),
    (
        "Anne Roux a rencontré Jean Morel à Paris. « Rien n'est décidé », a-t-il confié.",
        "Jean Morel",
    ),
    (
        "Mme Vautrin a reçu le préfet Paul Serrat. « Rien n'est décidé », a-t-elle confié.",
        "Vautrin",
    ),
    (
        "Dominique Pons a rencontré Paul Serrat. « Rien n'est décidé », a-t-elle confié.",
        "Dominique Pons",
    ),
]


@pytest.mark.parametrize(("text", "source"), PRONOUNS_BY_GENDER)
def test_pronouns_agree_with_a_persons_gender(nlp: Language, text: str, source: str) -> None:
    check(nlp, text, source, "Rien n'est décidé", "quote")


# A bare role ("le ministre") takes up the description it repeats, not the last person named.
def test_a_bare_role_repeats_its_description(nlp: Language) -> None:
    text = (
        "Le ministre de l'Économie a reçu le patron de Telvia. Jean Morel lui a présenté son "
        "plan. « Le dialogue est ouvert », a déclaré le ministre."
    )
    check(nlp, text, "le ministre", "Le dialogue est ouvert", "quote")


def test_a_bare_role_still_takes_up_the_person_named_with_it(nlp: Language) -> None:
    text = (
        "Le ministre de l'Économie, Bruno Le Maire, a présenté le budget. Jean Morel a critiqué "
        "le texte. « Nous tiendrons », a assuré le ministre."
    )
    check(nlp, text, "Bruno Le Maire", "Nous tiendrons", "quote")


# A word before an inverted pronoun is a verb whatever its tag ("tranche-t-il" read as a
# number); a manner complement may stand between an inverted verb and its speaker.
@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Jean Morel n'y va pas par quatre chemins. « Ce plan est une erreur », tranche-t-il.",
            "Jean Morel",
        ),
        ("« Ce plan est une erreur », juge sans détour Jean Morel.", "Jean Morel"),
        # a form the lexicon does not list, known by its lemma
        (
            "Jean Morel a présenté son plan. « Ce plan est une erreur », rappelle-t-il.",
            "Jean Morel",
        ),
    ],
)
def test_inverted_verbs_whatever_their_tag(nlp: Language, text: str, source: str) -> None:
    check(nlp, text, source, "Ce plan est une erreur", "quote")


def test_the_noun_of_an_inverted_verb_says_nothing(nlp: Language) -> None:
    assert attributions(nlp, "La tranche de 10 % a été versée aux salariés.") == []


# Guidance: "table sur" with a percentage or an amount of money in an
# indefinite object report the company's forecast; without a figure, with a definite
# object, or "la mise sur le marché" they say nothing. "relever" with a possessive object
# raises a figure ("a relevé ses prévisions").
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        (
            "Le groupe table sur une croissance de 5 % de ses ventes en 2025.",
            "Le groupe",
            "une croissance",
        ),
        ("Renault table sur une hausse de 10 % de son bénéfice.", "Renault", "une hausse de 10 %"),
    ],
)
def test_guidance_with_a_figure(nlp: Language, text: str, source: str, evidence: str) -> None:
    check(nlp, text, source, evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Le groupe table sur la reprise du marché chinois.",
        "Le groupe vise le marché chinois.",
        "L'enquête vise 200 sites.",
        "Elles visent les groupes Orvane et Telvia avec 500 millions d'euros.",
        "La mise sur le marché du vaccin est prévue en 2025 pour 10 % des patients.",
        "Le groupe a relevé ses prévisions pour 2025.",
        "Kepler a relevé son objectif de cours à 45 euros.",
    ],
)
def test_guidance_look_alikes_say_nothing(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


def test_relever_with_an_object_of_its_own_still_reports(nlp: Language) -> None:
    check(
        nlp, "Le rapport relève des irrégularités dans les comptes.", "Le rapport", "irrégularités"
    )


# "dit" with its subject is a present ("Le groupe dit vouloir …"), not a bare participle
# ("un texte dit de référence"); a compound the tokenizer split still speaks ("la start-up").
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        ("Le groupe dit vouloir doubler ses capacités d'ici 2027.", "Le groupe", "doubler"),
        ("La start-up assure avoir levé 50 millions d'euros.", "La start-up", "avoir levé"),
    ],
)
def test_present_forms_and_split_compounds(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


def test_a_participle_of_dire_after_a_noun_says_nothing(nlp: Language) -> None:
    assert attributions(nlp, "Un texte écrit par les syndicats circule dans l'usine.") == []
