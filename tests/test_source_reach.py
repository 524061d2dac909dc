"""Where a source is looked for, and where not: one table per mechanism, sentences of our
own, with look-alikes that must give nothing (see tests/test_speakers.py for the rest)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_speakers import attributions, check

# A pronoun stands for someone who speaks, not for a name inside the quotation before it.
PRONOUNS_PAST_QUOTATIONS = [
    (
        "La CNIL a publié sa décision mardi. Selon la commission, « la société Orvane et la "
        "société Delio n'ont pas protégé leurs serveurs ». En outre, souligne-t-elle, « les "
        "contrôles étaient insuffisants ».",
        "Cnil",
        "les contrôles étaient insuffisants",
    ),
    (
        "Le ministre Paul Serrat a reçu les syndicats. « Le groupe Telvia doit revoir son "
        "plan », a-t-il insisté. Puis, ajoute-t-il, « la mine Ferrand restera ouverte ».",
        "Paul Serrat",
        "la mine Ferrand restera ouverte",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), PRONOUNS_PAST_QUOTATIONS)
def test_pronouns_do_not_stand_for_names_inside_quotations(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


# "selon nos informations": the outlet's own work is the article itself, no source; the
# people it talks to are one.
@pytest.mark.parametrize(
    "text",
    [
        "D'après nos informations, le groupe Telvia prépare une levée de fonds.",
        "Selon nos informations, Arm prépare sa propre puce.",
        "Selon notre décompte, la société Orvane a supprimé 300 postes.",
        "Selon nos calculs, le fonds Arvelle a perdu un tiers de sa valeur.",
    ],
)
def test_the_outlets_own_findings_name_no_source(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


MARKERS = [
    (
        "Selon nos sources, la société Orvane va supprimer 300 postes.",
        "nos sources",
        "va supprimer 300 postes",
    ),
    (
        "Aux yeux de l'économiste Marc Duval, la mesure restera sans effet.",
        "Marc Duval",
        "la mesure restera sans effet",
    ),
    (
        "Du point de vue de la Banque de France, la hausse des taux est terminée.",
        "Banque de France",
        "la hausse des taux est terminée",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), MARKERS)
def test_markers_of_a_point_of_view(nlp: Language, text: str, source: str, evidence: str) -> None:
    check(nlp, text, source, evidence, "according_to")


# A role's participle ("chargée de", "délégué aux") is part of the role, and a name set off
# after it speaks; a participle clause after the speaker ("interrogé par l'AFP") is not.
ROLES_AND_PARTICIPLES = [
    (
        "« Le site ouvrira en mars », s'est réjouie sur X la ministre chargée de l'Industrie, "
        "Claire Vasseur, saluant les équipes.",
        "Claire Vasseur",
        "Le site ouvrira en mars",
    ),
    (
        "« La ligne rouvrira », a déclaré le ministre délégué aux Transports, Jean Morel.",
        "Jean Morel",
        "La ligne rouvrira",
    ),
    (
        "« Rien n'est décidé », a affirmé le porte-parole interrogé par l'AFP.",
        "le porte-parole",
        "Rien n'est décidé",
    ),
    (
        "Un porte-parole de Telvia interrogé par Reuters a démenti toute fuite.",
        "Un porte-parole de Telvia",
        "toute fuite",
    ),
    (
        "L'opération « constitue un premier jalon », a déclaré le nouveau directeur général "
        "de Telvia nommé en mai Jean Morel lors de l'assemblée générale.",
        "Jean Morel",
        "un premier jalon",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), ROLES_AND_PARTICIPLES)
def test_roles_participles_and_the_press_asking(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


# An -ir verb's present ("avertit", "réagit") is a finite verb even where the tagger reads a
# participle; a real participle without auxiliary still reports nothing.
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        ("« Le marché va ralentir », avertit l'économiste Marc Duval.", "Marc Duval", "ralentir"),
        ("La CNIL avertit les opérateurs que les contrôles vont se durcir.", "Cnil", "durcir"),
    ],
)
def test_present_of_ir_verbs(nlp: Language, text: str, source: str, evidence: str) -> None:
    check(nlp, text, source, evidence)


def test_a_participle_without_auxiliary_is_not_a_cue(nlp: Language) -> None:
    assert attributions(nlp, "Une entreprise avertie par la CNIL en vaut deux.") == []


# "Pour elle, …", "Pour lui, …": a point of view given to whom the pronoun stands for; a
# pronoun chain ("Elle a reçu … . Elle juge") keeps its antecedent past other names.
PRONOUN_VIEWS_AND_CHAINS = [
    (
        "La directrice de Telvia, Nadia Berthier, a présenté son plan. Pour elle, la "
        "consolidation du marché est désormais indispensable.",
        "Nadia Berthier",
        "la consolidation du marché",
    ),
    (
        "Le ministre Jean Morel a visité l'usine. Pour lui, le site doit rester ouvert.",
        "Jean Morel",
        "le site doit rester ouvert",
    ),
    (
        "L'entrepreneuse Ana Ruiz a lancé un fonds. Elle a reçu le soutien de Paul Serrat et "
        "de la banque Orvane. Elle juge que l'Europe investit trop peu dans le climat.",
        "Ana Ruiz",
        "investit trop peu",
    ),
    (
        "Le ministre Jean Morel a reçu Paul Serrat. Il lui a remis un rapport. Il estime que "
        "la réforme est urgente.",
        "Jean Morel",
        "la réforme est urgente",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), PRONOUN_VIEWS_AND_CHAINS)
def test_pronoun_points_of_view_and_chains(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Pour 2025, le groupe prévoit une hausse.",
        "Pour ce faire, la société a levé 20 millions d'euros.",
    ],
)
def test_pour_before_a_time_or_a_purpose_gives_no_view(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


# A document speaks for whoever issued it: its complement, a participle's agent ("publié
# par"), or a body described but never named.
DOCUMENTS = [
    (
        "La fréquentation a progressé de 7 %, d'après les chiffres du comité régional du tourisme.",
        "comité régional du tourisme",
        "La fréquentation a progressé",
    ),
    (
        "Un défaut peut bloquer les freins, précise l'avis de rappel publié par l'agence NHTSA.",
        "NHTSA",
        "Un défaut peut bloquer les freins",
    ),
    (
        "Selon un rapport publié jeudi par le régulateur, les prix ont doublé.",
        "le régulateur",
        "les prix ont doublé",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), DOCUMENTS)
def test_documents_speak_for_their_issuer(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


# "le parquet", "la commission" name one kind of institution: they take up an actor whose
# name opens on them, never whatever body came before.
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        (
            "La justice belge enquête sur le Parlement européen. Le parquet fédéral a indiqué "
            "à la presse que cinq perquisitions avaient été menées.",
            "Le parquet fédéral",
            "cinq perquisitions",
        ),
        (
            "La Commission européenne a infligé une amende à Telvia. La commission juge que le "
            "groupe a abusé de sa position.",
            "Commission européenne",
            "a abusé de sa position",
        ),
    ],
)
def test_institution_nouns_take_up_their_own_kind(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


# A description with its trade before a name ("l'agence de communication Avelis", "le fonds
# d'investissement Arvelle") makes the name an actor of that kind, and never lets the
# description take up a body named later (the AFP the agency did not answer).
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        (
            "L'agence de communication Avelis, mise en cause, n'a pas répondu aux sollicitations "
            "de l'AFP.",
            "Avelis",
            "n'a pas répondu",
        ),
        ("Le fonds d'investissement Arvelle a démenti toute cession.", "Arvelle", "toute cession"),
        (
            "L'agence de presse Kyodo affirme que le sommet est reporté.",
            "Kyodo",
            "le sommet est reporté",
        ),
    ],
)
def test_descriptions_with_their_trade_name_an_actor(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


# Fears and suspicions with a noun phrase are statements ("redoutent un ralentissement");
# a description split from its name by the parse still gives the name; a capital speaks for
# its country when the article names it.
MORE_SPEAKERS = [
    (
        "Le titre a reculé de 4 %. Des analystes redoutent un ralentissement durable.",
        "analystes",
        "un ralentissement durable",
    ),
    (
        "L'Autorité de la concurrence a ouvert une enquête. L'autorité soupçonne quatre "
        "fabricants de s'être entendus sur les prix.",
        "Autorité de la concurrence",
        "quatre fabricants",
    ),
    ("L'assureur Axa a démenti qu'il s'agisse d'un plan validé.", "Axa", "un plan validé"),
    (
        "L'Iran est accusé d'avoir livré des drones. Téhéran nie avoir fourni la moindre arme.",
        "Iran",
        "la moindre arme",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), MORE_SPEAKERS)
def test_fears_split_descriptions_and_capitals(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


# Between an inverted verb and its speaker, a complement set off by commas ("a confirmé
# mardi, dans un entretien au Figaro, la ministre"); and presents the tagger reads as
# participles ("lance", "avertit") are finite verbs.
INVERTED_PAST_COMPLEMENTS = [
    (
        "« Le plan est un échec », a asséné, lors d'une conférence de presse, Anne Morel, "
        "responsable de l'audit.",
        "Anne Morel",
        "Le plan est un échec",
    ),
    (
        "« L'usine ouvrira », a confirmé mardi, dans un entretien au Figaro, la ministre "
        "Claire Vasseur.",
        "Claire Vasseur",
        "L'usine ouvrira",
    ),
    (
        "« Nous allons tout changer », lance Jensen Huang devant ses clients.",
        "Jensen Huang",
        "tout changer",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), INVERTED_PAST_COMPLEMENTS)
def test_inverted_speakers_past_set_off_complements(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Une initiative appelée Horizon a été lancée.",
        "Le programme, lancé en mars, compte 40 membres.",
    ],
)
def test_participles_of_er_verbs_still_report_nothing(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


# Objects that are statements only in some shapes: a forecast with a figure, a judgement
# with "comme"; and a quotation that opens on the verb, its subject before it.
OBJECT_SHAPES = [
    (
        "Le fabricant Norvia prévoit un chiffre d'affaires de 3,6 milliards de dollars pour le "
        "trimestre.",
        "Norvia",
        "3,6 milliards",
    ),
    (
        "Depuis des années, le gouvernement américain considère Telvia comme une menace.",
        "gouvernement américain",
        "comme une menace",
    ),
    (
        "Dans un communiqué publié lundi, le gouvernement « dément que des contrats aient été "
        "signés avec la société Orvane ».",
        "le gouvernement",
        "des contrats aient été signés",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), OBJECT_SHAPES)
def test_forecasts_judgements_and_quotations_opening_on_the_verb(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


@pytest.mark.parametrize(
    "text",
    [
        "Le groupe prévoit la construction d'une usine à Lyon.",
        "Le tribunal jugera l'affaire en mars.",
        "Les deux pays ont trouvé un accord commercial.",
    ],
)
def test_plans_trials_and_qualified_nouns_say_nothing(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


# A role's complement is the body the person serves ("le patron de Telvia, Jean Morel"), so
# the person named speaks; a name's word the tagger read as a verb ("sur France Inter")
# does not end the search for "que"; a relay after a "selon" source ("selon X, cité par Y")
# belongs to its cue, and X speaks.
RELAYS_AND_ROLES = [
    (
        "Le patron de Telvia, Jean Morel, a assuré dans un entretien au Parisien que l'usine "
        "resterait ouverte.",
        "Jean Morel",
        "l'usine resterait ouverte",
    ),
    ("Le PDG d'Orvane, Luc Dana, estime que le marché va rebondir.", "Luc Dana", "rebondir"),
    (
        "Le ministre Paul Serrat a affirmé mardi sur France Inter que les prix allaient baisser.",
        "Paul Serrat",
        "les prix allaient baisser",
    ),
    (
        "Selon le syndicat Solidaires, cité par Le Figaro, 300 postes sont menacés.",
        "Solidaires",
        "300 postes sont menacés",
    ),
    (
        "300 postes sont menacés, selon Marc Duval, cité par Le Figaro.",
        "Marc Duval",
        "300 postes sont menacés",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), RELAYS_AND_ROLES)
def test_roles_names_and_relays(nlp: Language, text: str, source: str, evidence: str) -> None:
    check(nlp, text, source, evidence)


def test_a_relay_is_not_a_second_source(nlp: Language) -> None:
    found = attributions(nlp, "Selon Marc Duval, cité par Le Figaro, 300 postes sont menacés.")
    assert [f["source"] for f in found] == ["Marc Duval"]


# A numbered description ("les deux groupes", "les deux responsables") stands for the last
# actors of its kind, people for a role, before or after the verb.
@pytest.mark.parametrize(
    ("text", "speakers"),
    [
        (
            "Le groupe Telvia et la société Orvane ont annoncé leur fusion. Les deux groupes "
            "assurent qu'aucun emploi ne sera supprimé.",
            {"Telvia", "Orvane"},
        ),
        (
            "Le ministre Paul Serrat et la commissaire Lena Varga ont tenu une conférence de "
            "presse. « L'accord est signé », ont déclaré les deux responsables.",
            {"Paul Serrat", "Lena Varga"},
        ),
    ],
)
def test_numbered_descriptions_are_joint_speakers(
    nlp: Language, text: str, speakers: set[str]
) -> None:
    last = [f for f in attributions(nlp, text) if f["cue"] in ("assurent", "ont déclaré")]
    assert {f["source"] for f in last} == speakers


# A bare role with an adjective ("L'ancien commissaire") stands for the person named as a
# subject in the sentence before, unless another role was given them; more nouns of bodies.
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        (
            "Thierry Breton a quitté la Commission. L'ancien commissaire affirme que l'Europe a "
            "perdu du temps.",
            "Thierry Breton",
            "perdu du temps",
        ),
        (
            "Le député Marc Duval a rencontré Paul Serrat. Le ministre a promis que la loi serait "
            "votée.",
            "Le ministre",
            "la loi serait votée",
        ),
        (
            "Le Medef a publié une note. L'organisation patronale juge que la réforme est urgente.",
            "Medef",
            "la réforme est urgente",
        ),
    ],
)
def test_bare_roles_and_bodies_take_up_who_was_named(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


# A plural noun of people heads a phrase that can speak though no list names it; a word of
# the phrase with such an ending does not ("un chiffre d'affaires").
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        ("« Tout est prêt », ont assuré les organisateurs.", "les organisateurs", "Tout est prêt"),
        ("Les manifestants affirment que la police a chargé.", "Les manifestants", "a chargé"),
    ],
)
def test_plural_nouns_of_people_can_speak(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


def test_a_figure_is_never_a_speaker(nlp: Language) -> None:
    text = "Le fabricant, qui vend des puces, prévoit un chiffre d'affaires de 3 milliards."
    assert all("chiffre" not in f["source"] for f in attributions(nlp, text))


# An incise after a lead without a verb ("Pour l'heure, explique X, …"): the statement runs
# on after it.
def test_an_incise_after_a_verbless_lead_takes_the_rest(nlp: Language) -> None:
    text = "Pour l'heure, explique le porte-parole du groupe, aucune décision n'a été prise."
    check(nlp, text, "le porte-parole du groupe", "aucune décision n'a été prise")


# A pronoun that names no actor takes up the agreeing description that was the subject just
# before ("Le gouvernement … Il prévoit"; "L'entreprise, a-t-elle précisé, …"), never one of
# another gender; demonstratives ("Celui-ci") are pronouns too.
PRONOUNS_OF_DESCRIPTIONS = [
    (
        "Le gouvernement a présenté son budget. Il prévoit que le déficit baissera en 2027.",
        "Le gouvernement",
        "le déficit baissera",
    ),
    (
        "Les sénateurs ont voté le texte. Ils jugent que la réforme va trop loin.",
        "Les sénateurs",
        "va trop loin",
    ),
    (
        "L'entreprise, a-t-elle précisé, ne compte pas licencier.",
        "L'entreprise",
        "ne compte pas licencier",
    ),
    (
        "Le ministre a reçu Jean Morel. Celui-ci a affirmé que le site resterait ouvert.",
        "Jean Morel",
        "le site resterait ouvert",
    ),
    ("La ministre a visité l'usine. Il a estimé que le site était rentable.", "Il", "rentable"),
]


@pytest.mark.parametrize(("text", "source", "evidence"), PRONOUNS_OF_DESCRIPTIONS)
def test_pronouns_take_up_agreeing_descriptions(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


# "on" with where it was said ("assure-t-on à l'Élysée"), and more refusals to comment.
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        ("« Rien n'est décidé », indique-t-on à l'Élysée.", "Élysée", "Rien n'est décidé"),
        (
            "Contactée, la direction de Telvia n'a pas fait de commentaire.",
            "la direction de Telvia",
            "n'a pas fait de commentaire",
        ),
        ("Le ministre n'a pas pu être joint.", "Le ministre", "n'a pas pu être joint"),
    ],
)
def test_where_on_speaks_and_refusals(nlp: Language, text: str, source: str, evidence: str) -> None:
    check(nlp, text, source, evidence)


# A speaker describing their own state: the attribute is the statement.
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        ("Le syndicat s'est dit très inquiet pour l'avenir du site.", "Le syndicat", "inquiet"),
        (
            "Le ministre Paul Serrat s'est montré confiant quant à l'issue des négociations.",
            "Paul Serrat",
            "confiant",
        ),
        ("Le groupe Telvia se dit prêt à investir 2 milliards d'euros.", "Telvia", "prêt à"),
    ],
)
def test_self_descriptions(nlp: Language, text: str, source: str, evidence: str) -> None:
    check(nlp, text, source, evidence)


def test_a_thing_shown_solid_says_nothing(nlp: Language) -> None:
    assert attributions(nlp, "Le bâtiment s'est montré solide pendant la tempête.") == []


# A verb after a subject with a name in apposition is no incise, even where the tagger reads
# it as a noun ("Patrick Martin, juge ces chiffres …").
def test_a_verb_after_an_apposed_name_is_no_incise(nlp: Language) -> None:
    text = "Le président du Medef, Patrick Martin, juge ces chiffres « alarmants »."
    check(nlp, text, "Patrick Martin", "alarmants")
    text = "La croissance, juge l'économiste Marc Duval, restera faible."
    check(nlp, text, "Marc Duval", "restera faible")


# Whom a letter was sent to never speaks; a participle in the lead does not make it a clause.
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        (
            "Dans un courriel adressé à ses salariés, le PDG de Telvia, Jean Morel, annonce la "
            "fermeture du site.",
            "Jean Morel",
            "la fermeture du site",
        ),
        (
            "Dans une lettre adressée au Premier ministre, les maires demandent un moratoire.",
            "les maires",
            "un moratoire",
        ),
    ],
)
def test_letters_and_their_addressees(nlp: Language, text: str, source: str, evidence: str) -> None:
    check(nlp, text, source, evidence)


# "selon" a person named by what they do ("un délégué syndical"); a role set off after a
# "selon" source belongs to it, and the content starts after it.
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        (
            "Le groupe Telvia n'exclut pas de fermer le site, selon un délégué syndical.",
            "un délégué syndical",
            "n'exclut pas de fermer",
        ),
        (
            "Selon Marc Duval, analyste chez Bryan Garnier, le titre reste cher.",
            "Marc Duval",
            "le titre reste cher",
        ),
    ],
)
def test_selon_people_and_their_roles(nlp: Language, text: str, source: str, evidence: str) -> None:
    check(nlp, text, source, evidence)


def test_a_role_after_selon_is_not_content(nlp: Language) -> None:
    found = attributions(nlp, "Selon Marc Duval, analyste chez Bryan Garnier, le titre reste cher.")
    assert all("analyste" not in f["text"] for f in found)
