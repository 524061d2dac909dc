"""claimx_hedges on real-press shapes: irregular conditionals, hedging words and
adjectives, and the writer's own forecasts (modality `forecast`)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimx.claims import doc_claims
from claimx.components import hits as products


def hedges(nlp: Language, text: str) -> list[str]:
    return [h.text for h in products.hedges(nlp(text))]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Ce financement ferait grimper la valorisation à 10 milliards d'euros.", "ferait"),
        ("Le fonds obtiendrait un siège au conseil.", "obtiendrait"),
        ("Le groupe deviendrait le premier actionnaire.", "deviendrait"),
        ("La start-up investirait 2 milliards d'euros.", "investirait"),
        ("Le régulateur voudrait pousser les plateformes à agir.", "voudrait"),
        ("Le réseau social, soupçonné de fraude, conteste.", "soupçonné"),
        ("Le plan est censé relancer la production.", "censé"),
        ("La possible découverte de composants inquiète Washington.", "possible"),
        ("Le présumé fraudeur a été arrêté.", "présumé"),
        # a conditional the tagger reads as a present
        ("Les montants en jeu atteindraient près de 1,2 milliard de dollars.", "atteindraient"),
    ],
)
def test_hedge_cues(nlp: Language, text: str, cue: str) -> None:
    assert cue in hedges(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Il faudrait agir vite.",  # an obligation
        "Le groupe pourrait perdre des parts de marché.",  # a possibility, stated
        "Si la licence était refusée, le groupe paierait une amende.",  # a hypothesis
        "Les commandes arriveront le plus vite possible.",  # "possible" after the noun
        "« Nous ferions tout pour rester », a déclaré le PDG.",  # the speaker's own words
        "Le groupe déclarait alors des pertes.",  # an imperfect, not a conditional
    ],
)
def test_not_hedges(nlp: Language, text: str) -> None:
    assert hedges(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("La demande devrait croître de 20 % l'an prochain.", "forecast"),
        ("Les ventes devraient reculer au second semestre.", "forecast"),
        ("Le groupe aurait vendu ses parts.", "hedged"),
        ("Le groupe a vendu ses parts.", "asserted"),
    ],
)
def test_the_writers_forecast_has_a_modality_of_its_own(
    nlp: Language, text: str, modality: str
) -> None:
    claims = doc_claims(nlp(text)).claims
    assert [c.modality for c in claims] == [modality]


def test_a_forecast_inside_attributed_speech_is_reported(nlp: Language) -> None:
    claims = doc_claims(nlp("Selon Reuters, la demande devrait croître.")).claims
    assert [c.modality for c in claims] == ["reported"]


# In indirect speech the conditional is the speaker's (a future in the past, a
# prediction), not the press's hedge; after "selon" it is the press conditional.
@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("Le groupe a annoncé que l'usine serait prête en 2027.", "reported"),
        ("Les sénateurs affirment que ces puces donneraient un avantage à Pékin.", "reported"),
        ("Selon Reuters, le groupe aurait vendu ses parts.", "hedged"),
    ],
)
def test_the_conditional_in_indirect_speech(nlp: Language, text: str, modality: str) -> None:
    claims = doc_claims(nlp(text)).claims
    assert [c.modality for c in claims] == [modality]
