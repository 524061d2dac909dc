"""Who a source phrase names, in shapes of real press copy (our own sentences): documents
and their issuers, words reported through a noun ("les dires de X"), a subject with a
participle set off by commas. One table per mechanism, look-alikes beside them."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_speakers import attributions, said

# A document speaks for its issuer, wherever the issuer is named.
ISSUERS = [
    ("Une étude, publiée mardi par l'Insee, estime que le chômage va monter.", "Insee"),
    ("Selon une étude publiée par l'Insee, le chômage va monter.", "Insee"),
    ("Un rapport de la Cour des comptes estime que le chômage va monter.", "Cour des comptes"),
    ("Selon le témoignage de Claire Martin, le chômage va monter.", "Claire Martin"),
    ("Selon les dires de Marc Duval, le chômage va monter.", "Marc Duval"),
]


@pytest.mark.parametrize(("text", "source"), ISSUERS)
def test_a_document_or_words_speak_for_their_issuer(nlp: Language, text: str, source: str) -> None:
    assert said(nlp, text, "le chômage va monter")["source"] == source


def test_a_relative_of_a_person_is_no_person(nlp: Language) -> None:
    claim = said(nlp, "Selon un proche de Claire Martin, le chômage va monter.", "chômage")
    assert claim["source"] == "un proche de Claire Martin", claim


def test_a_subject_with_a_participle_set_off_is_no_incise(nlp: Language) -> None:
    text = "Un rapport, révélé lundi, préconise la fermeture d'un service d'urgences sur dix."
    found = attributions(nlp, text)
    assert [f["text"] for f in found] == ["la fermeture d'un service d'urgences sur dix"], found
    assert found[0]["source"] == "Un rapport, révélé lundi", found


def test_a_statement_before_a_set_off_participle_is_still_an_incise(nlp: Language) -> None:
    text = (
        "De nouvelles règles, annoncées mardi, entreront en vigueur en juin, précise la "
        "Commission européenne."
    )
    claim = said(nlp, text, "entreront en vigueur")
    assert claim["source"] == "Commission européenne", claim


@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        (
            "Renault, le constructeur automobile, a annoncé mardi la fermeture de son usine.",
            "Renault",
            "la fermeture de son usine",
        ),
        (
            "Capgemini, le groupe de services, a indiqué jeudi que son usine serait prête.",
            "Capgemini",
            "son usine serait prête",
        ),
        (
            "Paul Serrat a rencontré les opérateurs. Il a par ailleurs assuré que le réseau "
            "serait prêt.",
            "Paul Serrat",
            "le réseau serait prêt",
        ),
        (
            "La banque table sur 0,7 % de croissance. Le ministre Paul Serrat avait, lui, "
            "annoncé lundi s'attendre à 0,9 %.",
            "Paul Serrat",
            "s'attendre à 0,9 %",
        ),
    ],
)
def test_a_subject_set_off_or_a_wedge_keeps_its_speaker(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    assert said(nlp, text, evidence)["source"] == source


def test_a_pronoun_after_selon_is_the_whole_source(nlp: Language) -> None:
    text = "Les syndicats dénoncent la réforme, selon eux la direction veut « tout fermer »."
    found = [f for f in attributions(nlp, text) if f["cue"].startswith("selon")]
    assert found and all(f["source"] != "direction" and "direction" not in f["cue"] for f in found)


def test_no_answer_after_being_contacted_is_a_no_comment(nlp: Language) -> None:
    found = attributions(nlp, "Contactée par Le Monde, la Commission européenne n'a pas répondu.")
    assert [(f["kind"], f["source"]) for f in found] == [("no_comment", "Commission européenne")], (
        found
    )


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        ("La cour d'appel a confirmé le jugement de première instance.", False),
        ("La cour d'appel a infirmé la condamnation de l'ancien maire.", False),
        ("Le ministère a confirmé l'information mardi.", True),
    ],
)
def test_a_court_upholding_its_judgment_says_nothing(
    nlp: Language, text: str, reports: bool
) -> None:
    assert bool(attributions(nlp, text)) is reports


# A dateline's dash, a name set off before the description the parse took for the subject.
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        (
            "Paris (AFP) - Kelvora a annoncé mardi avoir levé 100 millions d'euros.",
            "Kelvora",
            "avoir levé",
        ),
        (
            "Nexora, le promoteur immobilier, a annoncé mardi qu'il supprimerait 500 postes.",
            "Nexora",
            "500 postes",
        ),
    ],
)
def test_the_name_before_a_dash_or_a_description(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    assert said(nlp, text, evidence)["source"] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "« La justice se trompe », a réagi l'avocat de Me Paul Serrat, Jean-Luc Morvan.",
            "Jean-Luc Morvan",
        ),
        (
            "« Le client est innocent », a déclaré l'avocat de Me Paul Serrat.",
            "l'avocat de Me Paul Serrat",
        ),
    ],
)
def test_a_person_after_a_title_in_a_complement_does_not_speak(
    nlp: Language, text: str, source: str
) -> None:
    assert attributions(nlp, text)[0]["source"] == source


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Le projet aurait vu Martin Bouygues entrer au capital. Lors d'une rencontre, la "
            "patronne d'Orange a déclaré « la consolidation est inévitable ».",
            "Orange",
        ),
        (
            "Anne Roux a pris la tête du groupe. La patronne a déclaré « la consolidation est "
            "inévitable ».",
            "Anne Roux",
        ),
    ],
)
def test_a_role_takes_up_only_a_person_of_its_gender(nlp: Language, text: str, source: str) -> None:
    assert said(nlp, text, "la consolidation est inévitable")["source"] == source


# A judgement in the passive is its judge's statement; being judged in court is none.
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        (
            "Le gouvernement maintient des prévisions de croissance jugées trop optimistes par "
            "la Cour des comptes.",
            "Cour des comptes",
            "trop optimistes",
        ),
        (
            "Ces déclarations ont été jugées « irresponsables » par les syndicats de médecins.",
            "les syndicats de médecins",
            "irresponsables",
        ),
        ("Le projet a été qualifié de « désastre » par Paul Serrat.", "Paul Serrat", "désastre"),
    ],
)
def test_a_judgement_in_the_passive_is_its_judge_s(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    assert said(nlp, text, evidence)["source"] == source


@pytest.mark.parametrize(
    "text",
    [
        "La décision a été jugée par le tribunal de Paris.",
        "Le rapport publié par la Cour des comptes a été présenté mardi.",
        "Le texte a été adopté par le Parlement mardi.",
    ],
)
def test_a_participle_with_its_agent_and_no_judgement_reports_nothing(
    nlp: Language, text: str
) -> None:
    assert attributions(nlp, text) == []


# Speakers named together: a plural pronoun after a list of names, a list set off after
# the noun it details.
@pytest.mark.parametrize(
    ("text", "evidence", "sources"),
    [
        (
            "La lettre est signée par la CGT, FO et la CFDT. « Nous refusons ce plan », "
            "écrivent-ils au ministre.",
            "Nous refusons ce plan",
            ["CGT", "FO", "CFDT"],
        ),
        (
            "Nvidia et AMD ont publié leurs résultats. Ils estiment que la demande restera forte.",
            "la demande restera forte",
            ["Nvidia", "AMD"],
        ),
        (
            "Les deux géants de la distribution, Auchan et Casino, ont annoncé mardi une "
            "« alliance aux achats ».",
            "alliance aux achats",
            ["Auchan", "Casino"],
        ),
    ],
)
def test_speakers_named_together(
    nlp: Language, text: str, evidence: str, sources: list[str]
) -> None:
    found = [f["source"] for f in attributions(nlp, text) if evidence in f["text"]]
    assert found == sources


def test_a_plural_pronoun_after_one_name_stays_one_speaker(nlp: Language) -> None:
    text = "Nvidia a publié ses résultats. Ils estiment que la demande restera forte."
    assert [f["source"] for f in attributions(nlp, text)] == ["Nvidia"]


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "L'Autorité avait été saisie par plusieurs éditeurs et agences de presse qui "
            "estimaient que les règles n'avaient pas été respectées.",
            "plusieurs éditeurs et agences de presse",
        ),
        (
            # the antecedent's noun phrase, not the copular clause it is the attribute of
            "Le collectif est une association qui estime que les règles n'avaient pas été "
            "respectées.",
            "une association",
        ),
    ],
)
def test_a_relative_s_antecedent_is_its_whole_noun_phrase(
    nlp: Language, text: str, source: str
) -> None:
    assert said(nlp, text, "les règles n'avaient pas")["source"] == source


@pytest.mark.parametrize(
    ("text", "reports"),
    [
        ("Certains experts y voient une réponse tactique à court terme.", True),
        ("Les analystes y ont vu un signal de reprise.", True),
        ("Le ministre voit les syndicats mardi.", False),
        ("Le ministre a vu les syndicats mardi.", False),
    ],
)
def test_y_voir_reports_a_view(nlp: Language, text: str, reports: bool) -> None:
    assert bool(attributions(nlp, text)) is reports


@pytest.mark.parametrize(
    ("seat", "source"), [("L'Élysée", "Élysée"), ("La Maison Blanche", "Maison Blanche")]
)
def test_the_presidency_is_the_seat_named_before(nlp: Language, seat: str, source: str) -> None:
    text = f"{seat} a reçu les patrons lundi. Le groupe créera 3 000 emplois, selon la présidence."
    assert said(nlp, text, "3 000 emplois")["source"] == source


@pytest.mark.parametrize(
    ("text", "evidence", "sources"),
    [
        (
            "Le Parisien affirme que le ministre partira. L'Opinion confirme l'information. Le "
            "remaniement aura lieu lundi, selon les deux journaux.",
            "Le remaniement aura lieu lundi",
            ["Le Parisien", "L'Opinion"],
        ),
        (
            "Le budget est insincère, selon la députée (LR) de l'Orne, Claire Vautel.",
            "Le budget est insincère",
            ["Claire Vautel"],
        ),
        (
            "Le budget est insincère, selon le ministre du Commerce, Paul Serrat.",
            "Le budget est insincère",
            ["Paul Serrat"],
        ),
    ],
)
def test_who_selon_names_after_its_description(
    nlp: Language, text: str, evidence: str, sources: list[str]
) -> None:
    found = [f for f in attributions(nlp, text) if f["cue"].lower().startswith("selon")]
    assert [f["source"] for f in found if evidence in f["text"]] == sources, found


def test_who_asked_is_not_who_did_not_answer(nlp: Language) -> None:
    text = "Contactée par Le Figaro sur le sujet, l'institution n'a pas répondu."
    assert [f["source"] for f in attributions(nlp, text)] != ["Le Figaro"]


def test_a_body_s_own_page_is_no_medium_named_before(nlp: Language) -> None:
    text = (
        "Le trafic est perturbé, a précisé sur RMC un cadre. A Paris, selon le site de la "
        "SNCF, les RER A et B sont touchés."
    )
    assert said(nlp, text, "les RER A et B")["source"] == "SNCF"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "Le ministre a salué l'accord. Et d'ajouter que les usines resteraient ouvertes.",
            [("Le ministre", "l'accord"), ("Le ministre", "les usines resteraient ouvertes")],
        ),
        ("Il est temps de préciser que rien n'est décidé.", []),
        ("Et de deux : le groupe ferme une usine.", []),
    ],
)
def test_the_narrative_infinitive_speaks_for_the_speaker_before(
    nlp: Language, text: str, found: list[tuple[str, str]]
) -> None:
    assert [(f["source"], f["text"]) for f in attributions(nlp, text)] == found


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Les salaires stagnent, alerte Force Ouvrière.", "Force Ouvrière"),
        ("Le trafic reprendra lundi, comme l'a annoncé la SNCF.", "SNCF"),
        ("Le trafic reprendra lundi, comme le constate la CGT.", "CGT"),
    ],
)
def test_an_incise_after_the_clause_it_reports(nlp: Language, text: str, source: str) -> None:
    assert said(nlp, text, "")["source"] == source


def test_comme_le_prevoit_a_text_reports_nothing(nlp: Language) -> None:
    assert attributions(nlp, "Le trafic reprendra lundi, comme le prévoit la loi.") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Mais pour Hugo Lemaire, ce n'est pas suffisant.", "Hugo Lemaire"),
        ("Et pour les syndicats, la réforme est injuste.", "les syndicats"),
        ("Mais pour 2025, les prévisions restent prudentes.", None),
    ],
)
def test_pour_x_after_a_leading_conjunction(nlp: Language, text: str, source: str | None) -> None:
    assert [f["source"] for f in attributions(nlp, text)] == ([source] if source else [])


@pytest.mark.parametrize(
    ("text", "source"),
    [
        (
            "Le site reste fermé, a indiqué une porte-parole de la mairie, confirmant une "
            "information du Courrier picard.",
            "une porte-parole de la mairie",
        ),
        (
            "Le site reste fermé, a indiqué Marie Delorme, en précisant que les travaux dureront.",
            "Marie Delorme",
        ),
        (
            # look-alike: a comma inside the name's own complement ends nothing
            "Le site reste fermé, a indiqué Marie Delorme, adjointe au maire.",
            "Marie Delorme",
        ),
    ],
)
def test_a_participle_set_off_after_an_inverted_subject_is_not_its_name(
    nlp: Language, text: str, source: str
) -> None:
    assert said(nlp, text, "Le site reste fermé")["source"] == source


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("Selon Reuters, Vexor affirme avoir proposé un accord dès janvier.", "Vexor"),
        (
            "D'après des documents consultés par l'AFP, la ministre a assuré que la loi passerait.",
            "la ministre",
        ),
        ("Vexor affirme avoir proposé un accord dès janvier, selon Reuters.", "Vexor"),
        # look-alikes: a negated or conditional verb inside reports only the outer source
        ("Selon Reuters, Vexor n'a pas démontré que l'accord tenait.", None),
        ("Selon Le Monde, le patron se serait montré rassurant devant les salariés.", None),
        ("Pour la Commission, Vexor n'a pas démontré que l'accord tenait.", None),
    ],
)
def test_a_report_inside_selon_is_the_chain_s_inner_speaker(
    nlp: Language, text: str, inner: str | None
) -> None:
    found = attributions(nlp, text)
    outer = [f for f in found if f["kind"] == "according_to"]
    assert len(outer) == 1, found
    reported = [f["source"] for f in found if f["kind"] != "according_to"]
    assert reported == ([inner] if inner else []), found


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("La start-up Kelvio a annoncé une levée de fonds.", "Kelvio"),
        ("La start-up Kelvio revendique 200 clients en France.", "Kelvio"),
        ("L'assureur Vexia a annoncé une levée de fonds.", "Vexia"),
    ],
)
def test_a_descriptor_split_by_the_tokenizer_still_names_its_body(
    nlp: Language, text: str, source: str
) -> None:
    found = attributions(nlp, text)
    assert [f["source"] for f in found] == [source], found


@pytest.mark.parametrize(
    ("text", "attribute"),
    [
        ("La direction se dit confiante dans la reprise des ventes.", "confiante"),
        ("La direction se déclare satisfaite du résultat.", "satisfaite"),
        ("Le maire se dit victime d'une manœuvre.", "victime"),
        ("La ministre se dit inquiète.", "inquiète"),
    ],
)
def test_a_speaker_s_self_description_whatever_the_tagger_read(
    nlp: Language, text: str, attribute: str
) -> None:
    claim = said(nlp, text, attribute)
    assert claim["text"].startswith(attribute) and claim["source"].lower().startswith(
        text.split()[0].lower()
    ), claim


def test_a_reflexive_self_description_verb_before_a_determiner_describes_nothing(
    nlp: Language,
) -> None:
    assert attributions(nlp, "La direction se montre la plus prudente du secteur.") == []


@pytest.mark.parametrize(
    "noun", ["Le préfet", "La rectrice", "L'urgentiste", "Le bâtonnier", "La médiatrice"]
)
def test_a_person_named_by_office_or_trade_speaks(nlp: Language, noun: str) -> None:
    claim = said(nlp, f"{noun} a annoncé que les routes resteraient fermées.", "les routes")
    assert claim["source"] == noun, claim


def test_a_figure_as_subject_still_says_nothing(nlp: Language) -> None:
    assert attributions(nlp, "Ces chiffres confirment que les routes resteraient fermées.") == []


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Aux yeux des syndicats, le projet sera abandonné.", "syndicats"),
        ("De l'aveu même de Marc Duval, le projet sera abandonné.", "Marc Duval"),
        ("De l'aveu du PDG, le projet sera abandonné.", "PDG"),
        ("De source syndicale, le projet sera abandonné.", "source syndicale"),
        ("Le projet sera abandonné, de sources concordantes.", "sources concordantes"),
    ],
)
def test_according_to_markers_with_the_article_joined_or_a_qualified_source(
    nlp: Language, text: str, source: str
) -> None:
    claim = said(nlp, text, "projet sera abandonné")
    assert claim["kind"] == "according_to" and claim["source"] == source, claim


@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        ("Vexor a suspendu sa production, invoquant une pénurie de puces.", "Vexor", "pénurie"),
        ("Le groupe a fermé le site, prétextant une baisse des commandes.", "Le groupe", "baisse"),
        ("Le salarié allègue qu'il a été licencié sans motif.", "Le salarié", "sans motif"),
    ],
)
def test_a_reason_given_is_reported(nlp: Language, text: str, source: str, evidence: str) -> None:
    assert said(nlp, text, evidence)["source"] == source
