"""Press shapes found on real news claimx had never seen (a survey of French copy, its
examples rewritten with names and facts of our own): words wedged in a verb group, cleft
sentences, a time set off by commas, requests and raised rates that report nothing. One
table per mechanism, look-alikes beside them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimx.claims import doc_claims
from tests.test_speakers import attributions, check, said

# A connective wedged between the auxiliary (or "vient") and the verb.
WEDGED_IN_THE_VERB_GROUP = [
    (
        "Le ministre de l'Industrie, Paul Serrat, a de son côté estimé que le plan de reprise "
        "restait fragile.",
        "Paul Serrat",
        "le plan de reprise restait fragile",
        "a de son côté estimé",
    ),
    (
        "La directrice de Quantix, Léa Marchetti, a pour sa part jugé que la levée serait "
        "bouclée en mars.",
        "Léa Marchetti",
        "la levée serait bouclée",
        "a pour sa part jugé",
    ),
    (
        "La Cnil vient en effet de confirmer qu'elle enquêtait sur l'application Zelia.",
        "Cnil",
        "elle enquêtait sur l'application",
        "vient en effet de confirmer",
    ),
    (
        "Le syndicat a par ailleurs indiqué que la grève continuerait.",
        "Le syndicat",
        "la grève continuerait",
        "a par ailleurs indiqué",
    ),
    (
        "La ministre a quant à elle affirmé que le texte serait voté.",
        "La ministre",
        "le texte serait voté",
        "a quant à elle affirmé",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence", "cue"), WEDGED_IN_THE_VERB_GROUP)
def test_a_connective_wedged_in_the_verb_group(
    nlp: Language, text: str, source: str, evidence: str, cue: str
) -> None:
    claim = said(nlp, text, evidence)
    assert (claim["source"], claim["cue"]) == (source, cue), claim


def test_a_wedged_connective_after_a_quote_names_the_new_speaker(nlp: Language) -> None:
    text = (
        "« Nous sommes prêts », a assuré le PDG de Quantix, Karim Benali. « Les commandes "
        "restent solides », a de son côté souligné Hélène Vasseur, directrice financière."
    )
    check(nlp, text, "Hélène Vasseur", "Les commandes restent solides", "quote")


# A cleft sentence reports the sentence (or the quotation) before it.
CLEFTS = [
    (
        "« La croissance restera faible cette année. » C'est ce qu'a affirmé le gouverneur "
        "de la banque centrale, Marc Duval, lundi à Paris.",
        "Marc Duval",
        "La croissance restera faible",
        "quote",
    ),
    (
        "Le groupe va fermer deux usines en Lorraine. C'est ce qu'ont indiqué mardi les "
        "syndicats de l'entreprise.",
        "les syndicats de l'entreprise",
        "Le groupe va fermer deux usines",
        "statement",
    ),
    (
        "Le groupe va fermer deux usines. C'est ce que la direction a annoncé mardi.",
        "la direction",
        "Le groupe va fermer deux usines",
        "statement",
    ),
    (
        "Quantix va lever 80 millions d'euros. C'est du moins ce qu'affirme le quotidien Les "
        "Echos.",
        "Les Échos",
        "Quantix va lever 80 millions",
        "statement",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence", "kind"), CLEFTS)
def test_a_cleft_sentence_reports_the_one_before(
    nlp: Language, text: str, source: str, evidence: str, kind: str
) -> None:
    check(nlp, text, source, evidence, kind)


def test_a_cleft_of_no_speech_reports_nothing(nlp: Language) -> None:
    assert not attributions(nlp, "Le groupe va fermer deux usines. C'est ce qui inquiète.")


# A time or a complement set off by commas between the verb and its content.
SET_OFF_BEFORE_THE_CONTENT = [
    (
        "L'Autorité de la concurrence a annoncé, mardi, avoir sanctionné trois fabricants.",
        "Autorité de la concurrence",
        "avoir sanctionné trois fabricants",
    ),
    (
        "Le groupe a indiqué, dans un communiqué, que le site fermerait.",
        "Le groupe",
        "le site fermerait",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), SET_OFF_BEFORE_THE_CONTENT)
def test_a_set_off_time_before_the_content(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


@pytest.mark.parametrize(
    ("text", "silent_cue"),
    [
        # a request to stay anonymous describes the source, it is no statement
        (
            "Le recours sera déposé avant le 10 mars, ont déclaré des personnes qui ont "
            "demandé à ne pas être identifiées.",
            "ont demandé",
        ),
        # rates raised, a time between the verb and its object
        ("La banque centrale a relevé il y a deux semaines ses taux de 25 points.", "a relevé"),
        ("La banque centrale a relevé mardi ses taux de 25 points de base.", "a relevé"),
    ],
)
def test_requests_and_raised_rates_report_nothing(
    nlp: Language, text: str, silent_cue: str
) -> None:
    assert all(f["cue"] != silent_cue for f in attributions(nlp, text))


def test_coordinated_groups_set_off_before_their_verb(nlp: Language) -> None:
    text = (
        "Si les salariés de Quantix s'inquiètent de la restructuration, les investisseurs et "
        "les marchés ont quant à eux salué des perspectives de croissance."
    )
    check(nlp, text, "les investisseurs et les marchés", "des perspectives de croissance")


def test_the_voice_of_a_body_the_ner_took_for_a_person(nlp: Language) -> None:
    text = "Kelvio, par la voix de son PDG Marc Duval, a annoncé que la levée était bouclée."
    check(nlp, text, "Marc Duval", "la levée était bouclée")


# A role whose holder is named after the body it heads, no comma: the holder speaks, not
# the person named before.
ROLES_NAMED_PAST_THEIR_BODY = [
    (
        "Dans une lettre adressée au président de l'autorité, Martin Serrat, le PDG de "
        "Canal+ Maxime Roux dénonce une décision « injuste ».",
        "Maxime Roux",
        "injuste",
    ),
    (
        "Le ministre des Transports, Paul Duval, a salué l'accord. « Le trafic sera normal "
        "samedi », a déclaré dimanche le PDG d'Air France Marc Morin.",
        "Marc Morin",
        "Le trafic sera normal",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), ROLES_NAMED_PAST_THEIR_BODY)
def test_a_role_named_past_its_body(nlp: Language, text: str, source: str, evidence: str) -> None:
    check(nlp, text, source, evidence)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Mediapart affirme que Xavier Niel négocie un rachat. Un porte-parole de Xavier "
            "Niel s'est refusé à tout commentaire.",
            "Xavier Niel",
        ),
        ("Selon un porte-parole de Marc Duval, le rachat est bouclé.", "Marc Duval"),
        # a person in another noun's complement does not speak
        ("Un proche de Marc Duval affirme que le rachat est bouclé.", "Un proche de Marc Duval"),
    ],
)
def test_a_spokesperson_speaks_for_the_person(nlp: Language, text: str, source: str) -> None:
    assert [f["source"] for f in attributions(nlp, text)][-1] == source


def test_initials_name_the_person_named_in_full(nlp: Language) -> None:
    text = (
        "La présidente de la banque, Christine Lagarde, a prévenu que les taux resteraient "
        "élevés. « La route est encore longue », a déclaré C. Lagarde."
    )
    check(nlp, text, "Christine Lagarde", "La route est encore longue", "quote")


@pytest.mark.parametrize(
    ("text", "kind", "source"),
    [
        (
            "Le ministère de l'Économie n'a pas pu commenter ces informations.",
            "no_comment",
            "ministère de l'Économie",
        ),
        ("Le groupe Atos a décliné toute demande d'interview.", "no_comment", "Atos"),
        (
            "Si l'on en croit Politico, la Commission prépare une amende.",
            "according_to",
            "Politico",
        ),
        (
            "Bloomberg avance un montant de 600 millions d'euros pour la levée.",
            "statement",
            "Bloomberg",
        ),
        (
            "Marc Duval a défendu le rachat. Il tacle « l'immobilisme » des autres opérateurs.",
            "statement",
            "Marc Duval",
        ),
    ],
)
def test_frames_of_the_press(nlp: Language, text: str, kind: str, source: str) -> None:
    found = attributions(nlp, text)
    assert (found[-1]["kind"], found[-1]["source"]) == (kind, source), found


def test_a_dateline_is_no_actor(nlp: Language) -> None:
    names = [
        a.name for a in doc_claims(nlp("BERLIN (Reuters) - Siemens prévoit 500 embauches.")).actors
    ]
    assert "Berlin" not in names and "BERLIN" not in names
    names = [
        a.name for a in doc_claims(nlp("EDF, le groupe public, a annoncé 500 embauches.")).actors
    ]
    assert "EDF" in names


def test_a_role_after_a_quote_takes_up_the_person_just_named(nlp: Language) -> None:
    text = (
        "Carole Marin s'est dite « inquiète » par la fermeture. « Je demande un moratoire », "
        "a lancé la présidente de la région."
    )
    check(nlp, text, "Carole Marin", "Je demande un moratoire", "quote")


def test_a_role_of_the_other_gender_does_not(nlp: Language) -> None:
    text = (
        "Marc Duval s'est dit inquiet. « Je demande un moratoire », a lancé la présidente de "
        "la région."
    )
    check(nlp, text, "la présidente de la région", "Je demande un moratoire", "quote")


# A second clause opened by a conjunction after a comma has its own speaker.
SECOND_CLAUSES = [
    (
        "Le site fermera en juin, selon FO, alors que la direction assure qu'aucune "
        "décision n'est prise.",
        ("FO", "Le site fermera en juin"),
        ("la direction", "aucune décision n'est prise"),
    ),
    (
        "Le ministre a assuré que le site resterait ouvert, mais la direction estime que rien "
        "n'est joué.",
        ("Le ministre", "le site resterait ouvert"),
        ("la direction", "rien n'est joué"),
    ),
]


@pytest.mark.parametrize(("text", "first", "second"), SECOND_CLAUSES)
def test_a_second_clause_has_its_own_speaker(
    nlp: Language, text: str, first: tuple[str, str], second: tuple[str, str]
) -> None:
    found = [(f["source"], f["text"]) for f in attributions(nlp, text)]
    assert found == [first, second]


@pytest.mark.parametrize(
    "text",
    [
        "Le groupe a avancé la date de sa publication au 3 mars.",
        "Le chantier avance à grands pas depuis 2024.",
    ],
)
def test_avancer_without_a_figure_of_money_reports_nothing(nlp: Language, text: str) -> None:
    assert not attributions(nlp, text)


def test_a_negated_infinitive_keeps_its_negation(nlp: Language) -> None:
    text = "Marc Durand affirme ne pas être inquiet pour la suite."
    check(nlp, text, "Marc Durand", "ne pas être inquiet")


@pytest.mark.parametrize(
    "text",
    [
        "La compagnie n'assurera que 83 % de ses vols jeudi.",  # "ne … que": only
        "Le ministre n'a dit que quelques mots.",
        "Le tribunal a condamné l'ancien maire à deux ans de prison.",  # a sentence passed
    ],
)
def test_restrictions_and_sentences_report_nothing(nlp: Language, text: str) -> None:
    assert not attributions(nlp, text)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Le ministre n'a pas dit que la taxe serait maintenue.", "Le ministre"),
        ("Le syndicat condamne fermement cette décision.", "Le syndicat"),
    ],
)
def test_their_look_alikes_still_report(nlp: Language, text: str, source: str) -> None:
    assert [f["source"] for f in attributions(nlp, text)] == [source]


def test_a_prefecture_is_no_presidency_named_after(nlp: Language) -> None:
    text = (
        "Le préfet a réuni les maires. Selon la préfecture, les digues seront renforcées. "
        "L'Élysée a indiqué que le président se rendrait sur place."
    )
    check(nlp, text, "la préfecture", "les digues seront renforcées")


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Selon les informations publiées par les agences régionales de santé, 300 lits "
            "ont fermé.",
            "agences régionales de santé",
        ),
        (
            "Le ministère de l'Intérieur a publié ses chiffres. Selon le décompte du "
            "ministère, 120 000 personnes ont manifesté.",
            "ministère de l'Intérieur",
        ),
    ],
)
def test_information_and_counts_speak_for_their_issuer(
    nlp: Language, text: str, source: str
) -> None:
    assert [f["source"] for f in attributions(nlp, text)][-1] == source


def test_our_own_information_is_no_source(nlp: Language) -> None:
    assert not attributions(nlp, "Selon nos informations, le contrat a été signé en mars.")
