"""The writer's own clause closing a sentence an attribution took (claimx.claims): after a
quotation's speaker, a clause of time or contrast ("après que", "alors que", "tandis que",
"depuis que") with a verb is a claim of its own, the writer's. Sentences written by us."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimx.claims import doc_claims

MADE = [
    (
        "« Nous sommes ravis », se félicite Marie Dupont, directrice de l'association, après "
        "que la société Alpha est devenue la 12e licorne du pays.",
        "la société Alpha est devenue la 12e licorne du pays",
    ),
    (
        "« Rien ne change pour les ménages », a déclaré le ministre, alors que la dette a "
        "atteint 3 000 milliards d'euros.",
        "la dette a atteint 3 000 milliards d'euros",
    ),
    (
        "« Le site ouvrira en mai », assure Paul Girard, tandis que l'usine de Lyon a fermé "
        "ses portes en janvier.",
        "l'usine de Lyon a fermé ses portes en janvier",
    ),
]

NOT_MADE = [
    # the clause quotes the speaker again: their words, not the writer's
    "« Nous avançons », affirme Jean Martin, alors que ses concurrents auraient pris « dix "
    "mois d'avance ».",
    # no clause: a noun phrase after the speaker
    "« Nous avançons », affirme Jean Martin, après la réunion du conseil d'administration.",
    # no verb in what follows the opener
    "« Nous avançons », affirme Jean Martin, alors que rien.",
]


def _writers(nlp: Language, text: str) -> list[str]:
    return [c.text for c in doc_claims(nlp(text)).claims if c.attribution is None]


@pytest.mark.parametrize(("text", "clause"), MADE)
def test_a_writers_clause_after_the_speaker_is_a_claim(
    nlp: Language, text: str, clause: str
) -> None:
    claims = doc_claims(nlp(text)).claims
    attributed = [c for c in claims if c.attribution is not None]
    assert attributed and all(clause not in c.text for c in attributed)
    writers = [c for c in claims if c.attribution is None]
    assert [c.text for c in writers] == [clause]
    assert writers[0].modality == "asserted"
    assert text[writers[0].start : writers[0].end] == clause


@pytest.mark.parametrize("text", NOT_MADE)
def test_no_writers_clause_without_a_clause_of_their_own(nlp: Language, text: str) -> None:
    assert _writers(nlp, text) == []


def test_a_sentence_no_attribution_took_stays_whole(nlp: Language) -> None:
    text = "Le titre a reculé de 2 %, alors que l'indice a progressé de 1 %."
    assert _writers(nlp, text) == [text.rstrip(".")]
