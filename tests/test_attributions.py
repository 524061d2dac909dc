"""claimx_attributions and claimx_hedges with the real French pipeline."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from claimx.claims import doc_claims
from claimx.components.attributions import er_forms
from claimx.resources import load_yaml


def claims(nlp: Language, text: str) -> list[dict[str, Any]]:
    doc = nlp(text)
    return [c.to_dict() for c in doc_claims(doc).claims]


def attributed(nlp: Language, text: str) -> list[dict[str, Any]]:
    return [c for c in claims(nlp, text) if c["attribution"]]


# text, kind, source (name or text), evidence inside the claim span
CASES = [
    (
        "Selon Reuters, Nvidia prépare une nouvelle puce.",
        "according_to",
        "Reuters",
        "Nvidia prépare une nouvelle puce",
    ),
    (
        "Nvidia prépare une nouvelle puce, selon Reuters.",
        "according_to",
        "Reuters",
        "Nvidia prépare une nouvelle puce",
    ),
    (
        "D'après Bloomberg, Intel va supprimer des postes.",
        "according_to",
        "Bloomberg",
        "Intel va supprimer des postes",
    ),
    (
        "Selon des sources proches du dossier, l'accord est signé.",
        "according_to",
        "des sources proches du dossier",
        "l'accord est signé",
    ),
    (
        "Huawei a déclaré que ses puces étaient prêtes.",
        "statement",
        "Huawei",
        "ses puces étaient prêtes",
    ),
    (
        "Le ministre a affirmé que la Chine trichait.",
        "statement",
        "Le ministre",
        "la Chine trichait",
    ),
    (
        "AMD a indiqué qu'elle investirait en Europe.",
        "statement",
        "AMD",
        "elle investirait en Europe",
    ),
    (
        "Samsung assure avoir résolu le problème.",
        "statement",
        "Samsung",
        "avoir résolu le problème",
    ),
    (
        "Microsoft a promis 3 milliards d'euros pour la France.",
        "statement",
        "Microsoft",
        "3 milliards d'euros",
    ),
    (
        "« Nous sommes prêts », a déclaré Jensen Huang.",
        "quote",
        "Jensen Huang",
        "Nous sommes prêts",
    ),
    (
        "Lisa Su a présenté la puce. « La demande explose », a-t-elle ajouté.",
        "quote",
        "Lisa Su",
        "La demande explose",
    ),
    ("Intel a refusé de commenter.", "no_comment", "Intel", "refusé de commenter"),
    (
        "Nvidia n'a pas souhaité commenter ces informations.",
        "no_comment",
        "Nvidia",
        "souhaité commenter",
    ),
    ("TSMC s'est refusé à tout commentaire.", "no_comment", "TSMC", "refusé à tout commentaire"),
    ("AMD n'a pas donné suite à nos questions.", "no_comment", "AMD", "donné suite"),
    ("Huawei dément avoir acheté des puces.", "denial", "Huawei", "avoir acheté des puces"),
    (
        "Le ministre, Clara Chappaz, qui a salué « un signal fort », était présente.",
        "quote",
        "Clara Chappaz",
        "un signal fort",
    ),
    (
        "Lisa Su dirige AMD. « Nous livrons déjà », a-t-elle déclaré.",
        "quote",
        "Lisa Su",
        "Nous livrons déjà",
    ),
    (
        "Microsoft va investir en France, a annoncé l'Élysée jeudi.",
        "statement",
        "Élysée",
        "Microsoft va investir en France",
    ),
    (
        "Le ministère nie que des licences aient été accordées.",
        "denial",
        "Le ministère",
        "des licences aient été accordées",
    ),
]


# More sentences of our own: every cue kind, incises, quotes over several sentences, sources
# after a colon, chains, pronouns, and the press conditional. Each row: text, kind, the
# source as written (resolved), text inside the claim, and the claim's modality.
TABLE = [
    # according_to
    (
        "D'après le Financial Times, Apple négocie avec Baidu.",
        "according_to",
        "le Financial Times",
        "Apple négocie avec Baidu",
        "reported",
    ),
    (
        "Selon le Wall Street Journal, Microsoft réduit ses commandes.",
        "according_to",
        "le Wall Street Journal",
        "Microsoft réduit ses commandes",
        "reported",
    ),
    (
        "À en croire Bloomberg, la fusion est compromise.",
        "according_to",
        "Bloomberg",
        "la fusion est compromise",
        "reported",
    ),
    (
        "Selon Reuters, qui cite des responsables américains, la licence a été suspendue.",
        "according_to",
        "Reuters, qui cite des responsables américains",
        "la licence a été suspendue",
        "reported",
    ),
    (
        "Selon des documents consultés par l'AFP, Huawei a stocké des puces.",
        "according_to",
        "des documents consultés par l'AFP",
        "Huawei a stocké des puces",
        "reported",
    ),
    (
        "Selon plusieurs analystes, la demande va ralentir.",
        "according_to",
        "plusieurs analystes",
        "la demande va ralentir",
        "reported",
    ),
    (
        "Nvidia va lancer une puce pour la Chine, rapporte Reuters.",
        "according_to",
        "Reuters",
        "Nvidia va lancer une puce",
        "reported",
    ),
    (
        "Selon une source proche du dossier, l'accord pourrait être signé.",
        "according_to",
        "une source proche du dossier",
        "l'accord pourrait être signé",
        "reported",
    ),
    (
        "Selon le ministère, 40 entreprises sont concernées.",
        "according_to",
        "le ministère",
        "40 entreprises sont concernées",
        "reported",
    ),
    (
        "« Un accord est proche », selon un diplomate.",
        "quote",  # evidence inside quotation marks: a quote, whatever the cue
        "un diplomate",
        "Un accord est proche",
        "reported",
    ),
    (
        "Selon la presse japonaise, Sony investit dans les capteurs.",
        "according_to",
        "la presse japonaise",
        "Sony investit dans les capteurs",
        "reported",
    ),
    (
        "Cité par Les Echos, un dirigeant affirme que la baisse est passagère.",
        "according_to",
        "Les Echos",
        "la baisse est passagère",
        "reported",
    ),
    (
        "D'après les estimations du cabinet Gartner, le marché atteindra 500 milliards de dollars.",
        "according_to",
        "les estimations du cabinet Gartner",
        "le marché atteindra",
        "reported",
    ),
    (
        "Toujours selon l'AFP, trois usines seraient concernées.",
        "according_to",
        "l'AFP",
        "trois usines seraient concernées",
        "hedged",
    ),
    (
        "Aux dires de ses proches, le fondateur songe à vendre.",
        "according_to",
        "ses proches",
        "le fondateur songe à vendre",
        "reported",
    ),
    (
        "De l'avis de plusieurs experts, la règle est inapplicable.",
        "according_to",
        "plusieurs experts",
        "la règle est inapplicable",
        "reported",
    ),
    (
        "Selon Reuters, Huawei aurait commandé des millions de puces.",
        "according_to",
        "Reuters",
        "Huawei aurait commandé",
        "hedged",
    ),
    (
        "Le contrat aurait été signé en secret, selon des sources.",
        "according_to",
        "des sources",
        "Le contrat aurait été signé",
        "hedged",
    ),
    (
        "Selon des informations non confirmées, le PDG démissionnerait.",
        "according_to",
        "des informations non confirmées",
        "le PDG démissionnerait",
        "hedged",
    ),
    (
        "Selon deux responsables cités par le Wall Street Journal, l'usine fermera.",
        "according_to",
        "The Wall Street Journal",  # anonymous people: the relay named is the source
        "l'usine fermera",
        "reported",
    ),
    (
        "Selon la ministre de l'Économie, Clara Martin, le déficit se réduit.",
        "according_to",
        "la ministre de l'Économie, Clara Martin",
        "le déficit se réduit",
        "reported",
    ),
    # statements, forward and as incises
    (
        "Le porte-parole a précisé que les exportations restaient interdites.",
        "statement",
        "Le porte-parole",
        "les exportations restaient interdites",
        "reported",
    ),
    (
        "La Commission européenne a estimé que le texte était conforme.",
        "statement",
        "Commission européenne",
        "le texte était conforme",
        "reported",
    ),
    (
        "Jensen Huang a expliqué que la Chine restait un marché clé.",
        "statement",
        "Jensen Huang",
        "la Chine restait un marché clé",
        "reported",
    ),
    (
        "Le gouvernement a annoncé que le plan serait présenté en mars.",
        "statement",
        "Le gouvernement",
        "le plan serait présenté en mars",
        "reported",
    ),
    (
        "Les analystes ont souligné que la marge avait baissé.",
        "statement",
        "Les analystes",
        "la marge avait baissé",
        "reported",
    ),
    (
        "Intel a confirmé qu'il fermerait l'usine.",
        "statement",
        "Intel",
        "il fermerait l'usine",
        "reported",
    ),
    (
        "Le sénateur a averti que la loi serait contestée.",
        "statement",
        "Le sénateur",
        "la loi serait contestée",
        "reported",
    ),
    (
        "Pékin a assuré que les terres rares seraient livrées.",
        "statement",
        "Pékin",
        "les terres rares seraient livrées",
        "reported",
    ),
    (
        "La Maison Blanche a fait savoir que l'accord était prêt.",
        "statement",
        "Maison Blanche",
        "l'accord était prêt",
        "reported",
    ),
    (
        "Les États-Unis ont fait savoir qu'ils maintiendraient les sanctions.",
        "statement",
        "Les États-Unis",
        "ils maintiendraient les sanctions",
        "reported",
    ),
    (
        "Satya Nadella estime que l'IA transformera le travail.",
        "statement",
        "Satya Nadella",
        "l'IA transformera le travail",
        "reported",
    ),
    (
        "AMD affirme que ses ventes progressent.",
        "statement",
        "AMD",
        "ses ventes progressent",
        "reported",
    ),
    (
        "Le régulateur a reconnu que l'enquête avait pris du retard.",
        "statement",
        "Le régulateur",
        "l'enquête avait pris du retard",
        "reported",
    ),
    (
        "Le ministre a ajouté que le calendrier serait tenu.",
        "statement",
        "Le ministre",
        "le calendrier serait tenu",
        "reported",
    ),
    (
        "Qualcomm a indiqué vouloir racheter Intel.",
        "statement",
        "Qualcomm",
        "vouloir racheter Intel",
        "reported",
    ),
    (
        "La Commission a rappelé que les règles s'appliquent à tous.",
        "statement",
        "Commission européenne",
        "les règles s'appliquent à tous",
        "reported",
    ),
    (
        "Washington a prévenu que de nouvelles sanctions étaient prêtes.",
        "statement",
        "Washington",
        "de nouvelles sanctions étaient prêtes",
        "reported",
    ),
    (
        "Nvidia a annoncé un investissement de 5 milliards de dollars.",
        "statement",
        "Nvidia",
        "un investissement de 5 milliards",
        "reported",
    ),
    (
        "L'accord sera signé demain, a précisé le ministre.",
        "statement",
        "le ministre",
        "L'accord sera signé demain",
        "reported",
    ),
    (
        "Nous avons besoin de puces, explique la directrice.",
        "statement",
        "la directrice",
        "Nous avons besoin de puces",
        "reported",
    ),
    (
        "Le ministre a affirmé que Pékin prendrait des mesures.",
        "statement",
        "Le ministre",
        "Pékin prendrait des mesures",
        "reported",
    ),
    (
        "Le président aurait dit que les droits de douane baisseraient.",
        "statement",
        "Le président",
        "les droits de douane baisseraient",
        "hedged",
    ),
    (
        "La ministre, Anne Martin, juge au contraire que la règle protège l'industrie.",
        "statement",
        "Anne Martin",
        "la règle protège l'industrie",
        "reported",
    ),
    (
        "Le contrat est signé, a indiqué jeudi le ministère.",
        "statement",
        "le ministère",
        "Le contrat est signé",
        "reported",
    ),
    # quotes: speaker after, before a colon, over several sentences, partial
    (
        "« Nous n'avons rien à cacher », a affirmé le porte-parole de Huawei.",
        "quote",
        "le porte-parole de Huawei",
        "Nous n'avons rien à cacher",
        "reported",
    ),
    ("« C'est une erreur », estime Lisa Su.", "quote", "Lisa Su", "C'est une erreur", "reported"),
    (
        "« Le marché chinois reste essentiel », juge le directeur financier de Nvidia.",
        "quote",
        "le directeur financier de Nvidia",
        "Le marché chinois reste essentiel",
        "reported",
    ),
    (
        "Jensen Huang a déclaré : « La Chine est un marché énorme. »",
        "quote",
        "Jensen Huang",
        "La Chine est un marché énorme",
        "reported",
    ),
    (
        "Le ministre de l'Économie : « Nous ne céderons pas. »",
        "quote",
        "Le ministre de l'Économie",
        "Nous ne céderons pas",
        "reported",
    ),
    (
        "Jensen Huang, PDG de Nvidia : « La Chine est un marché énorme. »",
        "quote",
        "Jensen Huang",
        "un marché énorme",
        "reported",
    ),
    (
        "Sam Altman l'a dit sans détour : « Nous avons besoin de plus de puces. »",
        "quote",
        "Sam Altman",
        "Nous avons besoin de plus de puces",
        "reported",
    ),
    (
        "« Nous investirons. Nous embaucherons. Nous produirons ici », a promis le PDG.",
        "quote",
        "le PDG",
        "Nous investirons. Nous embaucherons. Nous produirons ici",
        "reported",
    ),
    (
        "« Les règles changent. Il faut s'adapter », a expliqué Sundar Pichai.",
        "quote",
        "Sundar Pichai",
        "Les règles changent. Il faut s'adapter",
        "reported",
    ),
    (
        "“Nous sommes prêts”, a dit Sam Altman.",
        "quote",
        "Sam Altman",
        "Nous sommes prêts",
        "reported",
    ),
    (
        '"Ce n\'est pas négociable", a répété le ministre.',
        "quote",
        "le ministre",
        "Ce n'est pas négociable",
        "reported",
    ),
    (
        "« Personne ne nous a consultés », a regretté un industriel.",
        "quote",
        "un industriel",
        "Personne ne nous a consultés",
        "reported",
    ),
    (
        "« Nous respectons toutes les lois », a répondu un porte-parole de TikTok.",
        "quote",
        "un porte-parole de TikTok",
        "Nous respectons toutes les lois",
        "reported",
    ),
    (
        "Le ministre a qualifié la décision de « provocation ».",
        "statement",  # one word in quotation marks is no verbatim quote
        "Le ministre",
        "provocation",
        "reported",
    ),
    (
        "Le chancelier a salué « une étape historique » pour l'Europe.",
        "quote",
        "Le chancelier",
        "une étape historique",
        "reported",
    ),
    (
        "Le président a promis de « tout faire » pour l'industrie.",
        "quote",
        "Le président",
        "tout faire",
        "reported",
    ),
    # refusals to comment
    (
        "Le ministère du Commerce n'a pas répondu aux sollicitations.",
        "no_comment",
        "ministère du Commerce",
        "répondu aux sollicitations",
        "reported",
    ),
    ("Contacté, Samsung n'a pas réagi.", "no_comment", "Samsung", "n'a pas réagi", "reported"),
    (
        "Microsoft s'est refusé à tout commentaire.",
        "no_comment",
        "Microsoft",
        "tout commentaire",
        "reported",
    ),
    (
        "Apple a décliné tout commentaire.",
        "no_comment",
        "Apple",
        "décliné tout commentaire",
        "reported",
    ),
    (
        "Interrogé, le porte-parole n'a pas souhaité s'exprimer.",
        "no_comment",
        "le porte-parole",
        "souhaité s'exprimer",
        "reported",
    ),
    (
        "Huawei n'a pas donné suite à nos demandes.",
        "no_comment",
        "Huawei",
        "donné suite",
        "reported",
    ),
    (
        "La Maison Blanche n'a fait aucun commentaire.",
        "no_comment",
        "Maison Blanche",
        "aucun commentaire",
        "reported",
    ),
    (
        "Nvidia n'était pas joignable dans l'immédiat.",
        "no_comment",
        "Nvidia",
        "pas joignable",
        "reported",
    ),
    (
        "Meta n'a pas voulu commenter ces chiffres.",
        "no_comment",
        "Meta",
        "voulu commenter",
        "reported",
    ),
    (
        "Sollicité par nos soins, le cabinet du ministre n'a pas donné suite.",
        "no_comment",
        "le cabinet du ministre",
        "donné suite",
        "reported",
    ),
    (
        "Google a refusé de s'exprimer sur le sujet.",
        "no_comment",
        "Google",
        "refusé de s'exprimer",
        "reported",
    ),
    # denials
    (
        "Nvidia a démenti avoir vendu des puces à l'armée chinoise.",
        "denial",
        "Nvidia",
        "avoir vendu des puces",
        "denied",
    ),
    ("Le Kremlin nie toute implication.", "denial", "Kremlin", "toute implication", "denied"),
    (
        "Intel conteste les conclusions de l'enquête.",
        "denial",
        "Intel",
        "les conclusions de l'enquête",
        "denied",
    ),
    (
        "ByteDance rejette les accusations de la Commission.",
        "denial",
        "ByteDance",
        "les accusations",
        "denied",
    ),
    (
        "Le groupe qualifie ces informations de fausses.",
        "denial",
        "Le groupe",
        "ces informations",
        "denied",
    ),
    (
        "Pékin dément que ses entreprises aient contourné les sanctions.",
        "denial",
        "Pékin",
        "ses entreprises aient contourné",
        "denied",
    ),
    ("TSMC a catégoriquement démenti ces rumeurs.", "denial", "TSMC", "ces rumeurs", "denied"),
    (
        "L'entreprise nie toute responsabilité.",
        "denial",
        "L'entreprise",
        "toute responsabilité",
        "denied",
    ),
    (
        "Le Pentagone a nié toute implication dans l'opération.",
        "denial",
        "Pentagone",
        "toute implication",
        "denied",
    ),
    (
        "Anthropic conteste fermement cette interprétation.",
        "denial",
        "Anthropic",
        "cette interprétation",
        "denied",
    ),
    (
        "Le fabricant récuse toute entorse aux règles.",
        "denial",
        "Le fabricant",
        "toute entorse",
        "denied",
    ),
    (
        "Huawei réfute les accusations d'espionnage.",
        "denial",
        "Huawei",
        "les accusations d'espionnage",
        "denied",
    ),
    # pronoun sources, resolved to the actor named before
    (
        "Gina Raimondo a visité l'usine. Elle a affirmé que la production reprendrait.",
        "statement",
        "Gina Raimondo",
        "la production reprendrait",
        "reported",
    ),
    (
        "Xi Jinping a reçu les patrons. Selon lui, la coopération est essentielle.",
        "according_to",
        "Xi Jinping",
        "la coopération est essentielle",
        "reported",
    ),
    (
        "AMD a publié ses résultats. Elle a indiqué que les marges progressaient.",
        "statement",
        "AMD",
        "les marges progressaient",
        "reported",
    ),
    (
        "Lisa Su a pris la parole. « La demande reste forte », estime-t-elle.",
        "quote",
        "Lisa Su",
        "La demande reste forte",
        "reported",
    ),
    (
        "Reuters a interrogé des ingénieurs. Toujours selon l'agence, les tests ont échoué.",
        "according_to",
        "l'agence",
        "les tests ont échoué",
        "reported",
    ),
    (
        "Mark Zuckerberg a présenté Llama. Il a assuré que le modèle resterait ouvert.",
        "statement",
        "Mark Zuckerberg",
        "le modèle resterait ouvert",
        "reported",
    ),
    (
        "Lisa Su dirige AMD. Interrogée, la dirigeante a reconnu que Nvidia menait.",
        "statement",
        "Lisa Su",
        "Nvidia menait",
        "reported",
    ),
    # an unresolved pronoun still marks the statement as someone's
    (
        "Les sénateurs ont écrit au président. Ils estiment que la règle est trop faible.",
        "statement",
        "Les sénateurs",  # the pronoun takes up the agreeing subject before it
        "la règle est trop faible",
        "reported",
    ),
]


@pytest.mark.parametrize(("text", "kind", "source", "evidence", "modality"), TABLE)
def test_attribution_table(
    nlp: Language, text: str, kind: str, source: str, evidence: str, modality: str
) -> None:
    found = [c for c in attributed(nlp, text) if evidence in str(c["text"])]
    assert found, [c["text"] for c in claims(nlp, text)]
    claim = found[0]
    assert (claim["attribution"]["kind"], claim["attribution"]["source_text"]) == (kind, source)
    assert claim["modality"] == modality
    cue = claim["attribution"]["cue"]
    assert text[cue["start"] : cue["end"]] == cue["text"]


def test_a_chain_of_citations_is_one_attribution(nlp: Language) -> None:
    found = attributed(
        nlp, "Selon deux responsables cités par le Wall Street Journal, l'usine fermera."
    )
    assert len(found) == 1


def test_a_spokesperson_speaks_for_the_organization(nlp: Language) -> None:
    doc = nlp("« Nous respectons toutes les lois », a répondu un porte-parole de TikTok.")
    body = doc_claims(doc)
    claim = next(c for c in body.claims if c.attribution)
    tiktok = next(a for a in body.actors if a.name == "TikTok")
    assert claim.attribution is not None
    assert claim.attribution.source == tiktok.id
    assert claim.attribution.source_text == "un porte-parole de TikTok"


def test_a_quote_over_several_sentences_is_one_claim(nlp: Language) -> None:
    text = "« Nous investirons. Nous embaucherons. Nous produirons ici », a promis le PDG."
    found = claims(nlp, text)
    assert len(found) == 1 and found[0]["attribution"]["kind"] == "quote"


@pytest.mark.parametrize(("text", "kind", "source", "evidence"), CASES)
def test_attribution(nlp: Language, text: str, kind: str, source: str, evidence: str) -> None:
    found = attributed(nlp, text)
    assert found, "no attribution found"
    match = [c for c in found if evidence in str(c["text"])]
    assert match, [c["text"] for c in found]
    attribution = match[0]["attribution"]
    assert isinstance(attribution, dict)
    assert attribution["kind"] == kind
    assert attribution["source_text"] == source


@pytest.mark.parametrize(
    "text",
    [
        "Nvidia a vendu des puces en Chine.",
        "OpenAI s'est associée à Oracle pour une initiative appelée Stargate.",
        "Le déclaré d'impôts est en retard.",
        "Il a adopté l'approche \"l'Amérique d'abord\" du président.",
        "Les déclarations du ministre ont surpris.",
        "L'annonce a été faite à Paris.",
        "La réponse de Pékin ne s'est pas fait attendre.",
        "Le commentaire du ministre a été mal compris.",
        "Intel affiche une perte de 2 milliards de dollars.",
        "Selon toute vraisemblance, le vote aura lieu en mars.",
        "Le tarif change selon que le client est un particulier ou une entreprise.",
        "Le titre du groupe accusait une baisse de 3 % à la clôture.",
        "Il a refusé de signer le contrat.",
        "Un démenti a été publié.",
        "Les ingénieurs ont travaillé toute la nuit.",
        "La déclaration commune sera publiée demain.",
        "Apple a présenté un nouvel iPhone.",
        "L'usine tourne à plein régime depuis mars.",
        "Le débat sur les exportations a commencé hier.",
        "La directive impose des contrôles plus stricts.",
        "Personne n'a été blessé dans l'incendie de l'usine.",
        "Les résultats de Nvidia ont dépassé les attentes.",
        "Le juge a tranché.",
        "Le juge que le tribunal a désigné est absent.",
    ],
)
def test_no_attribution(nlp: Language, text: str) -> None:
    assert attributed(nlp, text) == []


@pytest.mark.parametrize(
    "text", ["Huawei a confirmé", "Le ministre a déclaré", "Intel dément", "« Oui », a-t-il dit"]
)
def test_reporting_verb_at_the_end_of_the_text(nlp: Language, text: str) -> None:
    assert len(claims(nlp, text)) <= 1  # no content to attribute, and no crash


def test_two_statements_in_one_sentence(nlp: Language) -> None:
    text = "Intel a qualifié la règle « d'absurde » et a déclaré qu'elle freinerait l'innovation."
    found = attributed(nlp, text)
    # one word in quotation marks is no verbatim quote
    assert [c["attribution"]["kind"] for c in found] == ["statement", "statement"]
    assert found[1]["text"] == "elle freinerait l'innovation"


def test_pronoun_source_resolves(nlp: Language) -> None:
    text = (
        "Donald Trump a rencontré des patrons. "
        "Il aurait dit à Intel qu'il fallait produire aux États-Unis."
    )
    found = attributed(nlp, text)
    assert found[0]["attribution"]["source_text"] == "Donald Trump"
    assert found[0]["modality"] == "hedged"


@pytest.mark.parametrize(
    ("text", "modality", "cue"),
    [
        ("Nvidia aurait conclu un accord avec Pékin.", "hedged", "aurait"),
        ("Le contrat serait en cours de négociation.", "hedged", "serait"),
        ("Huawei semble avoir rattrapé son retard.", "hedged", "semble"),
        ("Le soi-disant accord n'existe pas.", "hedged", "soi-disant"),
        ("Apparemment, Intel a renoncé.", "hedged", "Apparemment"),
        ("Le présumé fraudeur a été arrêté.", "hedged", "présumé"),
        ("Nvidia a conclu un accord avec Pékin.", "asserted", None),
        ("Il paraît que l'usine fermera.", "hedged", "paraît"),
        ("Prétendument, les puces ont été revendues.", "hedged", "Prétendument"),
        ("Nvidia serait en train de développer une nouvelle puce.", "hedged", "serait"),
        ("La puce semble plus rapide que prévu.", "hedged", "semble"),
        ("Le groupe reverserait une partie de ses gains à l'État.", "hedged", "reverserait"),
        ("Le groupe déclarait une partie de ses gains à l'État.", "asserted", None),
        ("Si Intel perdait ce contrat, il fermerait une usine.", "asserted", None),
        ("Nvidia devrait publier ses comptes mardi.", "forecast", None),  # the writer forecasts
        ("TSMC pourrait construire une usine en Europe.", "asserted", None),
    ],
)
def test_modality(nlp: Language, text: str, modality: str, cue: str | None) -> None:
    found = claims(nlp, text)
    assert len(found) == 1
    assert found[0]["modality"] == modality
    hedges = [h["text"] for h in found[0]["hedges"]]
    assert hedges == ([cue] if cue else [])


def test_er_forms() -> None:
    rules = load_yaml("attribution.yaml")["er_verbs"]
    assert {"déclare", "déclaré", "déclarait", "déclarerait"} <= er_forms("déclarer", rules)
    assert {"annonçait", "annonce"} <= er_forms("annoncer", rules)
    assert {"partageait", "partage"} <= er_forms("partager", rules)
    assert {"envoie", "envoyé"} <= er_forms("envoyer", rules)
    assert er_forms("dire", rules) == {"dire"}


def test_reporting_lexicon_size() -> None:
    from claimx.resources import load_yaml

    verbs = load_yaml("attribution.yaml")["reporting_verbs"]
    assert len(set(verbs["clause"]) | set(verbs["object"])) >= 150


# Multi-word reporting verbs: text, kind, source, evidence inside the content, cue text.
PHRASAL = [
    (
        "Le ministre a laissé entendre que les licences seraient suspendues.",
        "statement",
        "Le ministre",
        "les licences seraient suspendues",
        "a laissé entendre",
    ),
    (
        "Samsung a mis en garde contre une pénurie de mémoire.",
        "statement",
        "Samsung",
        "une pénurie de mémoire",
        "a mis en garde contre",
    ),
    (
        "Le fondeur s'inscrit en faux contre ces accusations.",
        "denial",
        "Le fondeur",
        "ces accusations",
        "s'inscrit en faux contre",
    ),
    (
        "Les analystes ont fait valoir que la demande restait forte.",
        "statement",
        "Les analystes",
        "la demande restait forte",
        "ont fait valoir",
    ),
    (
        "La Commission a fait savoir qu'elle ouvrirait une enquête.",
        "statement",
        "Commission européenne",
        "elle ouvrirait une enquête",
        "a fait savoir",
    ),
]


@pytest.mark.parametrize(("text", "kind", "source", "evidence", "cue"), PHRASAL)
def test_multi_word_reporting_verbs(
    nlp: Language, text: str, kind: str, source: str, evidence: str, cue: str
) -> None:
    found = [c for c in attributed(nlp, text) if evidence in str(c["text"])]
    assert found, [c["text"] for c in claims(nlp, text)]
    attribution = found[0]["attribution"]
    assert (attribution["kind"], attribution["source_text"]) == (kind, source)
    assert attribution["cue"]["text"] == cue


@pytest.mark.parametrize(
    "text",
    [
        "Le gardien a mis en garde le chien dans sa niche.",  # no content after "contre"
        "Elle a laissé entendre sa voix.",
        "Il s'est inscrit en master d'informatique.",
    ],
)
def test_multi_word_look_alikes_are_not_attributions(nlp: Language, text: str) -> None:
    assert attributed(nlp, text) == []
