from __future__ import annotations

import pytest
from spacy.language import Language

from claimx.claims import doc_claims
from tests.conftest import blank_with

NLP = blank_with("claimx_sentences")


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("Nvidia vend des puces. AMD aussi.", 2),
        ("Les puces AI H20 de l'entreprise.\nLe H20 est bridé.", 2),
        ("M. Huang a parlé. Il a dit oui.", 2),
        ("« Nous vendrons. » Le PDG l'a dit.", 2),
        ("Il coûte 1.5 milliard. Fin.", 2),
        ("Une phrase sans point", 1),
        ("Titre\n\nPremier paragraphe. Second.", 3),
        ("Il a dit : « Non. Jamais. » Puis il est parti.", 3),
    ],
)
def test_sentence_count(text: str, count: int) -> None:
    doc = NLP(text)
    assert len([s for s in doc.sents if s.text.strip()]) == count


@pytest.mark.parametrize(
    "text",
    [
        "Le groupe a levé 1,3 Md€. Selon Reuters, il vise l'Asie.",
        "Les ventes ont atteint 2 Mds$. Selon Reuters, il vise l'Asie.",
        "Il a levé 20 M£. Selon Reuters, il vise l'Asie.",
    ],
)
def test_an_amount_in_symbols_ends_its_sentence(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert [s.text.split()[0] for s in doc.sents] == [text.split()[0], "Selon"]
    assert len(doc_claims(doc).money) == 1  # the amount is still read


def test_a_period_after_a_product_code_ends_its_sentence(nlp: Language) -> None:
    assert len(list(nlp("Le MI355X. Puis le H20.").sents)) == 2
