"""Odd inputs never crash the pipeline, and every span still matches the text."""

from __future__ import annotations

import random

from spacy.language import Language
from spacy.tokens import Doc, Token

from claimx.api import to_extraction
from claimx.articles import Article
from claimx.components.quotes import parse_quotes, quoted_tokens
from claimx.components.sentences import _CLOSERS, _FINAL, _OPENERS, SentenceSetter
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
def reference_quotes(doc: Doc) -> list[tuple[int, int, str]]:
    """The quotation rule, token by token: (start, end, label) of each outermost one."""
    pairs = {"«": "»", "“": "”", '"': '"'}
    found: list[tuple[int, int, str]] = []
    stack: list[tuple[int, str]] = []
    for token in doc:
        text = token.text
        if "\n" in text or "\n" in token.whitespace_:
            if stack and token.i + 1 - stack[0][0] > 1:
                found.append((stack[0][0] + 1, token.i + 1, "open"))
            stack = []
            continue
        closing = text in ("»", "”") or (text == '"' and any(c == '"' for _, c in stack))
        if closing:
            depths = [d for d, (_, c) in enumerate(stack) if c == text]
            if not depths:
                continue
            if depths[-1] == 0 and token.i - stack[0][0] > 1:
                found.append((stack[0][0] + 1, token.i, "closed"))
            del stack[depths[-1] :]
        elif text in pairs:
            stack.append((token.i, pairs[text]))
    if stack and len(doc) - stack[0][0] > 1:
        found.append((stack[0][0] + 1, len(doc), "open"))
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
        expected = reference_quotes(doc)
        assert [(s.start, s.end, s.label_) for s in parse_quotes(doc)] == expected, text
        assert quoted_tokens(doc) == {i for s, e, _ in expected for i in range(s, e)}, text


def reference_opens(doc: Doc, token: Token) -> bool:
    """Whether a token opens a sentence, read token by token (claimx_sentences' rule as
    first written, over Token objects)."""
    if token.is_space:
        return False
    prev = doc[token.i - 1]
    if "\n" in prev.text or "\n" in prev.whitespace_:
        return True
    first = token.text[0]
    if not (first.isupper() or first.isdigit() or token.text in _OPENERS):
        return False
    if prev.is_space:
        prev = doc[prev.i - 1] if prev.i > 0 else prev
    j = prev.i
    while j > 0 and doc[j].text in _CLOSERS and doc[j - 1].text in _FINAL:
        j -= 1
    return doc[j].text in _FINAL


def test_sentence_cuts_match_token_walk() -> None:
    nlp = blank_with("claimx_sentences")
    assert isinstance(nlp.get_pipe("claimx_sentences"), SentenceSetter)
    for text in soups(11, 600):
        doc = nlp(text)
        expected = [t.i == 0 or reference_opens(doc, t) for t in doc]
        assert [bool(t.is_sent_start) for t in doc] == expected, text
