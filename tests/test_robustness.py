"""Odd inputs never crash the pipeline, and every span still matches the text."""

from __future__ import annotations

import random

from spacy.language import Language
from spacy.tokens import Doc

from claimx.api import to_extraction
from claimx.articles import Article
from claimx.components.attributions import _quote_spans
from claimx.components.hedges import quoted_tokens
from claimx.components.sentences import SentenceSetter
from tests.conftest import blank_with
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


# The fast paths (marks found in the text, sentence cuts found by a regex) against the
# plain token-by-token definitions they replace.
def reference_quoted(doc: Doc) -> set[int]:
    inside: set[int] = set()
    depth, straight_open = 0, False
    for token in doc:
        if token.text in ("«", "“"):
            depth += 1
        elif token.text in ("»", "”"):
            depth = max(depth - 1, 0)
        elif token.text == '"':
            straight_open = not straight_open
        elif depth or straight_open:
            inside.add(token.i)
        if "\n" in token.text:
            depth, straight_open = 0, False
    return inside


def reference_quote_spans(doc: Doc) -> list[tuple[int, int]]:
    pairs = {"«": "»", "“": "”", '"': '"'}
    found, open_at, closer = [], None, ""
    for token in doc:
        if "\n" in token.text:
            open_at = None
        elif open_at is None and token.text in pairs:
            open_at, closer = token.i, pairs[token.text]
        elif open_at is not None and token.text == closer:
            if token.i - open_at > 1:
                found.append((open_at + 1, token.i))
            open_at = None
    return found


def soups(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    pieces = [*PIECES, "“", "”", "!", "?", "…", "...", "\n\n", "  ", "Ils", "(", ")", "«Oui»"]
    joins = [" ", "", " ", "\n"]
    return [
        "".join(rng.choice(pieces) + rng.choice(joins) for _ in range(rng.randint(1, 25)))
        for _ in range(count)
    ]


def test_quote_marks_match_token_walk() -> None:
    nlp = blank_with()
    for text in soups(7, 600):
        doc = nlp(text)
        assert quoted_tokens(doc) == reference_quoted(doc), text
        assert [(s.start, s.end) for s in _quote_spans(doc)] == reference_quote_spans(doc), text


def test_sentence_cuts_match_token_walk() -> None:
    nlp = blank_with("claimx_sentences")
    setter = nlp.get_pipe("claimx_sentences")
    assert isinstance(setter, SentenceSetter)
    for text in soups(11, 600):
        doc = nlp(text)
        expected = [t.i == 0 or setter._starts(doc, t) for t in doc]
        assert [bool(t.is_sent_start) for t in doc] == expected, text
