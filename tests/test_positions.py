"""The shared index of token positions (claimx.docs.positions, Ids.where)."""

from __future__ import annotations

import pytest
import spacy
from spacy.attrs import LIKE_NUM, LOWER, ORTH
from spacy.tokens import MorphAnalysis

from claimx.columns import (
    Ids,
    forget_positions,
    has_morph,
    morph_has,
    positions_of,
    values_of,
    words,
)
from claimx.docs import text_of, words_text

TEXT = "Le groupe a annoncé 3 milliards, puis le Groupe a démenti ; le groupe se tait. 12 fois"


@pytest.fixture(scope="module")
def nlp() -> spacy.language.Language:
    return spacy.blank("fr")


@pytest.mark.parametrize(
    ("attr", "words"),
    [
        (LOWER, ["groupe"]),
        (LOWER, ["groupe", "le", "absent"]),
        (ORTH, ["Groupe"]),
        (LOWER, ["absent"]),
        (LOWER, []),
    ],
)
def test_where_equals_a_scan_of_every_token(
    nlp: spacy.language.Language, attr: int, words: list[str]
) -> None:
    doc = nlp(TEXT)
    ids = Ids(nlp.vocab.strings.add(w) for w in words)
    expected = [t.i for t in doc if t.vocab.strings[t.orth if attr == ORTH else t.lower] in words]
    assert ids.where(doc, attr) == expected
    assert ids.where(doc, attr) == expected  # from the kept index


def test_numbers_by_like_num(nlp: spacy.language.Language) -> None:
    doc = nlp(TEXT)
    assert positions_of(doc, LIKE_NUM, [1]) == [t.i for t in doc if t.like_num]


def test_index_of_another_doc_is_not_reused(nlp: spacy.language.Language) -> None:
    doc = nlp(TEXT)
    values_of(doc, LOWER)
    other = nlp("groupe")
    other.user_data.update(doc.user_data)  # a stale index, as a copied user_data would be
    assert Ids([nlp.vocab.strings.add("groupe")]).where(other, LOWER) == [0]


def test_forget_positions_leaves_other_user_data(nlp: spacy.language.Language) -> None:
    doc = nlp(TEXT)
    doc.user_data["mine"] = 1
    values_of(doc, LOWER)
    forget_positions(doc)
    assert doc.user_data == {"mine": 1}


@pytest.mark.parametrize(
    ("analysis", "feature", "expected"),
    [
        ("Tense=Pres|VerbForm=Part", "VerbForm=Part", True),
        ("Tense=Pres|VerbForm=Part", "Tense=Pres", True),
        ("Gender=Masc|Number=Sing|Tense=Past|VerbForm=Part", "Tense=Pres", False),
        ("Number=Sing,Plur", "Number=Plur", True),  # a field with two values
        ("Number=Sing", "Number=Sing,Plur", False),
        ("", "VerbForm=Part", False),
        ("VerbForm=Inf", "VerbForm=In", False),  # whole values, not prefixes
    ],
)
def test_has_morph_equals_morph_get(
    nlp: spacy.language.Language, analysis: str, feature: str, expected: bool
) -> None:
    doc = nlp("précisant")
    doc[0].morph = MorphAnalysis(nlp.vocab, analysis)
    field, value = feature.split("=", 1)
    assert has_morph(doc[0], feature) is expected
    assert morph_has(doc, words(doc).morph[0], feature) is expected
    assert (value in doc[0].morph.get(field, [])) is expected


def test_words_equal_the_token_properties(nlp: spacy.language.Language) -> None:
    doc = nlp("Selon elle, « le groupe » a démenti.")
    heads = [2, 0, 0, 4, 5, 5, 7, 7, 7, 7]  # backwards and forwards, and roots
    pos = ["ADP", "PRON", "PUNCT", "PUNCT", "DET", "NOUN", "PUNCT", "AUX", "VERB", "PUNCT"]
    for token, head, tag in zip(doc, heads, pos, strict=True):
        token.head, token.pos_ = doc[head], tag
        token.lemma_, token.dep_ = token.lower_ + "-l", "dep" if head != token.i else "ROOT"
        token.morph = MorphAnalysis(
            nlp.vocab, "Number=Sing|VerbForm=Fin" if token.i % 2 else "Number=Plur"
        )
    listed = words(doc)
    for t in doc:
        assert listed.text[t.i] == t.text and listed.lower[t.i] == t.lower_
        assert listed.pos[t.i] == t.pos_ and listed.dep[t.i] == t.dep_
        assert listed.lemma[t.i] == t.lemma_ and listed.head[t.i] == t.head.i
        assert listed.idx[t.i] == t.idx and listed.punct[t.i] is t.is_punct
        for feature in ("Number=Sing", "Number=Plur", "VerbForm=Fin"):
            assert morph_has(doc, listed.morph[t.i], feature) is has_morph(t, feature)
    assert words(doc) is listed  # kept for the next component
    forget_positions(doc)
    assert words(doc) is not listed


def test_words_text_slices_what_the_tokens_cover(nlp: spacy.language.Language) -> None:
    doc = nlp("« Le groupe », a-t-il dit,\nn'annoncera rien  avant jeudi.")
    listed = words(doc)
    for start in range(len(doc) + 1):
        for end in range(start, len(doc) + 1):
            assert words_text(doc, listed, start, end) == text_of(doc, start, end)
            assert words_text(doc, listed, start, end) == doc[start:end].text
