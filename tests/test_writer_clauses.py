"""The writer's own clause closing a sentence an attribution took (claimx_clauses, then
claimx.claims): after a quotation's speaker, a clause of time or contrast ("après que",
"alors que", "tandis que", "depuis que") with a verb is a claim of its own, the writer's.
Sentences written by us."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimx.api import extract
from claimx.claims import doc_claims
from claimx.story import summarize
from claimx.story.records import from_document

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


FIRST = (
    "« L'écosystème mûrit enfin », se réjouit Claire Bonnet, présidente de la fédération "
    "Numérique Ouest, après que la société Vetrix est devenue la 14e licorne française, "
    "valorisée à plus d'un milliard de dollars."
)
SAME = (
    "La société Vetrix est devenue une licorne, valorisée à plus d'un milliard de dollars "
    "après une levée de fonds de 200 millions d'euros, a annoncé mardi son fondateur."
)
OTHER = (
    "La société Kelmar est devenue une licorne, valorisée à plus d'un milliard de dollars "
    "après une levée de fonds de 150 millions d'euros, a annoncé jeudi son fondateur."
)


def test_a_writers_clause_joins_the_story_another_outlet_tells(nlp: Language) -> None:
    """The clause after the speaker tells the event another outlet reports (the same
    company become a unicorn); another company's like sentence stays apart."""
    texts = {"courrier": FIRST, "gazette": SAME, "hebdo": OTHER}
    articles = [
        from_document(extract(text, nlp, source=f"{name}.txt").to_dict(), f"{name}.txt")
        for name, text in texts.items()
    ]
    groups = [{p["file"] for p in g["appearances"]} for g in summarize(articles)["recurring"]]
    assert {"courrier.txt", "gazette.txt"} in groups
    assert not any("hebdo.txt" in g and len(g) > 1 for g in groups)
