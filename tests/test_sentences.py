from __future__ import annotations

import pytest

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
