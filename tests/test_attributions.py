"""claimx_attributions and claimx_hedges with the real French pipeline."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from claimx.components.attributions import er_forms


def claims(nlp: Language, text: str) -> list[dict[str, Any]]:
    doc = nlp(text)
    return [c.to_dict() for c in doc._.claimx.claims]


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
    assert [c["attribution"]["kind"] for c in found] == ["quote", "statement"]
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
        ("Si Intel perdait ce contrat, il fermerait une usine.", "asserted", None),
        ("Nvidia devrait publier ses comptes mardi.", "asserted", None),
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
    assert {"déclare", "déclaré", "déclarait", "déclarerait"} <= er_forms("déclarer")
    assert "annonçait" in er_forms("annoncer")


def test_reporting_lexicon_size() -> None:
    from claimx.resources import load_yaml

    verbs = load_yaml("attribution.yaml")["reporting_verbs"]
    assert len(set(verbs["clause"]) | set(verbs["object"])) >= 150
