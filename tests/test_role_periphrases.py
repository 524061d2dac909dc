"""A description the press writes for an office ("l'édile", "le chef de l'État", "le DG")
takes up the person named with that office, as its title would (models/attribution.yaml
role_periphrases); with no holder named, it stays as written. A phrase naming no actor
speaks by its head ("l'annonce du report" does not). Our own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_speakers import attributions, said

TAKEN_UP = [
    (
        "Jean Morel, maire de Vernon, a présenté le budget. « Nous ne lèverons pas les "
        "impôts », a assuré l'édile.",
        "Nous ne lèverons pas les impôts",
        "Jean Morel",
    ),
    (
        "Pierre Dubois, maire de Brives, a réuni le conseil. Le premier magistrat de la ville "
        "a précisé que les travaux commenceraient en mai.",
        "les travaux commenceraient en mai",
        "Pierre Dubois",
    ),
    (
        "Paul Henri, directeur général d'Orvane, a présenté les comptes. Le DG a ajouté que "
        "la marge progresserait.",
        "la marge progresserait",
        "Paul Henri",
    ),
    (
        "Sophie Lenoir, ministre de l'Économie, a reçu les banques. Le locataire de Bercy a "
        "estimé que le crédit resterait cher.",
        "le crédit resterait cher",
        "Sophie Lenoir",
    ),
]

# A title set before the name with a comma is the person's role, however long, and
# whatever the NER read it as ("le président de la République" tagged as a person).
TITLES_BEFORE = [
    (
        "Le président de la République, Emmanuel Macron, a reçu les patrons. « C'est une "
        "étape historique », a salué le chef de l'État.",
        "C'est une étape historique",
        "Emmanuel Macron",
    ),
    (
        "La ministre déléguée chargée du Numérique et de l'IA, Clara Chapuis, a présenté le "
        "plan. « Nous irons vite », a assuré la ministre.",
        "Nous irons vite",
        "Clara Chapuis",
    ),
    (
        "Le procureur Rémi Valade a requis dix ans de prison. « Les faits sont graves », a dit "
        "le procureur de la République.",
        "Les faits sont graves",
        "Rémi Valade",
    ),
]

# Look-alikes: no one named holds the office, or the name after the periphrase is another.
AS_WRITTEN = [
    (
        "Paul Henri, directeur financier d'Orvane, a présenté les comptes. Le DG a ajouté que "
        "la marge progresserait.",
        "la marge progresserait",
        "Le DG",
    ),
    (
        "Pierre Dubois, maire de Brives, a réuni le conseil. Le premier magistrat de Tulle a "
        "précisé que les travaux commenceraient en mai.",
        "les travaux commenceraient en mai",
        "Le premier magistrat de Tulle",
    ),
    (
        "Pierre Dubois, maire de Brives, a réuni le conseil. Le maire de Tulle a précisé que "
        "les travaux commenceraient en mai.",
        "les travaux commenceraient en mai",
        "Le maire de Tulle",
    ),
]


@pytest.mark.parametrize(("text", "content", "source"), TAKEN_UP + TITLES_BEFORE + AS_WRITTEN)
def test_a_periphrasis_takes_up_the_holder_of_its_office(
    nlp: Language, text: str, content: str, source: str
) -> None:
    assert said(nlp, text, content)["source"] == source


# A source phrase naming no actor speaks by its head, not by a word of its complements.
HEADS = [
    ("La baisse du nombre d'investisseurs confirme que le marché ralentit.", None),
    ("L'annonce du report de la publication des comptes montre que le groupe hésite.", None),
    ("Les analystes de la banque estiment que le marché ralentit.", "Les analystes de la banque"),
    ("Beaucoup dans le secteur craignent que le marché ralentit.", "Beaucoup dans le secteur"),
    ("Des sources proches du dossier affirment que le marché ralentit.", "Des sources proches"),
    ("Un ancien cadre de la société assure que le marché ralentit.", "Un ancien cadre"),
    ("Des membres du conseil estiment que le marché ralentit.", "Des membres du conseil"),
]


@pytest.mark.parametrize(("text", "source"), HEADS)
def test_a_phrase_speaks_by_its_head(nlp: Language, text: str, source: str | None) -> None:
    found = [f for f in attributions(nlp, text) if f["kind"] == "statement"]
    if source is None:
        assert found == []
    else:
        assert len(found) == 1 and found[0]["source"].startswith(source), found
