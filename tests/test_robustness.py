"""Odd inputs never crash the pipeline, and every span still matches the text."""

from __future__ import annotations

import random

from spacy.language import Language

from claimx.api import to_extraction
from claimx.articles import Article
from tests.test_output import spans

# Cue words, punctuation and amounts, shuffled into sentences the rules never expect.
PIECES = [
    "Selon",
    "selon",
    "Reuters",
    ",",
    "a",
    "déclaré",
    "que",
    "«",
    "»",
    '"',
    "dément",
    "refusé",
    "de",
    "commenter",
    "Il",
    "aurait",
    "dit",
    ".",
    ":",
    "et",
    "qui",
    "entre",
    "5",
    "10",
    "milliards",
    "dollars",
    "-t-il",
    "estime",
    "Le",
    "PDG",
    "H20",
    "l'entreprise",
    "\n",
    "lui",
    "$",
    "€",
    "plus",
    "d'",
    "Huang",
    "Nvidia",
]


def test_random_token_soup(nlp: Language) -> None:
    rng = random.Random(20261129)
    texts = [" ".join(rng.choice(PIECES) for _ in range(rng.randint(1, 12))) for _ in range(400)]
    for doc in nlp.pipe(texts, batch_size=64):
        document = to_extraction(doc, Article.from_text(doc.text), {"model": "", "claimx": ""})
        for span in spans(document.to_dict()):
            assert doc.text[span["start"] : span["end"]] == span["text"]
