"""Later mentions found by name (claimx.components.actors.cluster._repeats): the same
places as spaCy's PhraseMatcher over the names' tokens."""

from __future__ import annotations

from types import SimpleNamespace
from typing import Any

import pytest
import spacy

from claimx.components.actors.cluster import _phrase_matches, _repeats
from claimx.components.actors.lexicon import ActorLexicon

TEXT = (
    "Marc Duval a parlé. Duval, puis Jean-Marc Roux et M. Roux ont répondu ; "
    "Nvidia Nvidia Nvidia. Anne Duval s'est tue, Duval aussi."
)


@pytest.fixture(scope="module")
def lex() -> Any:
    nlp = spacy.blank("fr")
    lexicon = SimpleNamespace(make_doc=nlp.make_doc, _words={})
    lexicon.words_of = lambda name: ActorLexicon.words_of(lexicon, name)  # type: ignore[arg-type]
    return lexicon


@pytest.mark.parametrize(
    "forms",
    [
        {"Marc Duval": {0}, "Duval": {0}, "Jean-Marc Roux": {1}, "Roux": {1}, "Nvidia": {2}},
        {"Nvidia Nvidia": {0}, "Absent": {1}, "Duval a": {2}},
        {},
    ],
)
def test_same_places_as_the_phrase_matcher(lex: Any, forms: dict[str, set[int]]) -> None:
    doc = lex.make_doc(TEXT)
    assert sorted(_repeats(doc, lex, forms)) == sorted(_phrase_matches(doc, lex, forms))


def test_a_shared_name_is_left_to_the_phrase_matcher(lex: Any) -> None:
    doc = lex.make_doc(TEXT)
    forms = {"Duval": {0, 1}, "Marc Duval": {0}, "Anne Duval": {1}}
    found = _repeats(doc, lex, forms)
    assert found == _phrase_matches(doc, lex, forms)  # the same order too
    assert {index for index, _, _ in found} == {0, 1}


def test_a_name_is_cut_as_alone(lex: Any) -> None:
    assert lex.words_of("Jean-Marc Roux") == tuple(t.orth for t in lex.make_doc("Jean-Marc Roux"))
    assert "Jean-Marc Roux" in lex._words
