"""Who speaks, as a careful reader finds it: one table per mechanism, sentences of our own,
with look-alikes that must give nothing."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language


def attributions(nlp: Language, text: str) -> list[dict[str, Any]]:
    """(kind, source name or text, cue, claim text) of each attributed claim."""
    body = nlp(text)._.claimx
    names = {a.id: a.name for a in body.actors}
    found = []
    for claim in body.claims:
        a = claim.attribution
        if a is not None:
            source = names.get(a.source or "", a.source_text)
            found.append({"kind": a.kind, "source": source, "cue": a.cue.text, "text": claim.text})
    return found


def check(nlp: Language, text: str, source: str, evidence: str, kind: str | None = None) -> None:
    found = [f for f in attributions(nlp, text) if evidence in f["text"]]
    assert found, attributions(nlp, text)
    assert found[0]["source"] == source, found
    if kind is not None:
        assert found[0]["kind"] == kind, found


# A participle or gerund clause speaks with its sentence's speaker.
PARTICIPLES = [
    (
        "Le ministre a salué l'accord, précisant que les usines ouvriraient en 2027.",
        "Le ministre",
        "les usines ouvriraient",
    ),
    (
        "L'ONG a publié son rapport mardi, ajoutant que les stocks avaient doublé.",
        "L'ONG",
        "les stocks avaient doublé",
    ),
    (
        "Le syndicat a réagi en appelant à une grève nationale, tout en dénonçant les "
        "suppressions de postes.",
        "Le syndicat",
        "les suppressions de postes",
    ),
    (
        "Le fondeur a démenti, assurant « ne jamais avoir livré ces composants ».",
        "Le fondeur",
        "ne jamais avoir livré",
    ),
    (
        "Les robots seront taxés, a déclaré jeudi la commissaire Lena Varga, précisant que "
        "la mesure entrerait en vigueur en mars.",
        "Lena Varga",
        "la mesure entrerait en vigueur",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), PARTICIPLES)
def test_participles_take_the_speaker_of_their_sentence(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence, "statement" if "«" not in text else "quote")


# Relative "qui": its antecedent speaks, if it is someone.
RELATIVES = [
    (
        "Orbital Data, qui a levé 40 millions d'euros l'an dernier, a précisé que les "
        "embauches reprendraient.",
        "Orbital Data",
        "les embauches reprendraient",
    ),
    (
        "C'est Karim Belhadj, le directeur du laboratoire, qui a annoncé que le prototype "
        "était prêt.",
        "Karim Belhadj",
        "le prototype était prêt",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), RELATIVES)
def test_relative_qui_speaks_for_its_antecedent(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


# Things that cannot speak: no statement, whatever the verb.
@pytest.mark.parametrize(
    "text",
    [
        "Ces chiffres confirment que la demande ralentit.",
        "Un procès aurait pu s'ouvrir en décembre, menaçant la survie de la start-up.",
        "La hausse des prix annonce que l'hiver sera difficile.",
        "Les ventes ont été livrées selon un calendrier précis.",
    ],
)
def test_what_cannot_speak_makes_no_statement(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []
