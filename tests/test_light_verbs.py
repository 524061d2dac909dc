"""Light verbs report only with a noun of speech or feeling as their object ("a exprimé
son inquiétude", "a soulevé des questions", models/attribution.yaml speech_objects); with
any other object they report nothing ("a émis des obligations"). Our own sentences."""

from __future__ import annotations

import pytest
from spacy.language import Language

from tests.test_speakers import attributions

LIGHT_VERBS = [
    ("Le sénateur Paul Henri a soulevé des inquiétudes sur le projet.", "Paul Henri"),
    (
        "La ministre Claire Martin a exprimé son inquiétude quant à la hausse des prix.",
        "Claire Martin",
    ),
    ("Marc Duval a émis des réserves sur le calendrier du projet.", "Marc Duval"),
    ("Le groupe a émis des obligations pour 500 millions d'euros.", None),
    ("Les ouvriers de Vexor ont soulevé la charge avec une grue.", None),
    ("Anne Roux a exprimé un désir de voyager.", None),
]


@pytest.mark.parametrize(("text", "source"), LIGHT_VERBS)
def test_a_light_verb_reports_with_a_noun_of_speech(
    nlp: Language, text: str, source: str | None
) -> None:
    found = attributions(nlp, text)
    assert [f["source"] for f in found] == ([] if source is None else [source]), found
