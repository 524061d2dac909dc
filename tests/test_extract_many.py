"""`extract_many` never raises mid-stream: each article gives its extraction or its failure."""

from __future__ import annotations

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from claimx.api import Failure, extract_many
from claimx.articles import Article
from claimx.store.records import Extraction
from tests.conftest import blank_with


@Language.component("claimx_test_boom")
def boom(doc: Doc) -> Doc:
    """A component that fails on one text, as a bug would."""
    if "BOOM" in doc.text:
        raise RuntimeError("a component failed")
    return doc


def fragile() -> Language:
    nlp = blank_with("claimx_sentences", "claimx_chips")
    nlp.add_pipe("claimx_test_boom", first=True)
    return nlp


GOOD = [f"Nvidia vend des puces H20 en Chine, numéro {n}." for n in range(5)]


def test_one_bad_article_in_a_batch_costs_only_itself() -> None:
    texts = [*GOOD[:2], "BOOM: la dépêche qui fait tomber le composant.", *GOOD[2:]]
    articles = [Article.from_text(t, f"a{n}.txt") for n, t in enumerate(texts)]
    results = list(extract_many(articles, fragile(), batch_size=4))
    assert len(results) == len(articles)
    failures = [r for r in results if isinstance(r, Failure)]
    assert [f.article.source for f in failures] == ["a2.txt"]
    assert "extraction failed: RuntimeError: a component failed" in failures[0].message
    good = [r for r in results if isinstance(r, Extraction)]
    assert [e.article.source for e in good] == ["a0.txt", "a1.txt", "a3.txt", "a4.txt", "a5.txt"]


def test_refused_articles_are_failures_in_their_place(nlp: Language) -> None:
    articles = [
        Article.from_text(GOOD[0], "good.txt"),
        Article.from_text("   ", "empty.txt"),
        Article.from_text("[" * 1000 + "]" * 1000, "brackets.txt"),
        Article.from_text(GOOD[1], "other.txt"),
    ]
    results = list(extract_many(iter(articles), nlp))
    kinds = [type(r).__name__ for r in results]
    assert kinds == ["Extraction", "Failure", "Failure", "Extraction"]
    assert "empty input" in results[1].message  # type: ignore[union-attr]
    assert "not prose" in results[2].message  # type: ignore[union-attr]


def test_a_refused_article_alone_gives_its_failure() -> None:
    """A refused article never reaches the pipeline (here one without components)."""
    nlp = spacy.blank("fr")
    results = list(extract_many([Article.from_text("", "empty.txt")], nlp))
    assert isinstance(results[0], Failure)
