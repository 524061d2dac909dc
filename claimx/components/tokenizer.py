"""Tokenizer rules a component brings into the pipeline it joins."""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.util import compile_suffix_regex


def add_suffixes(nlp: Language, patterns: list[str]) -> None:
    """Add suffix patterns to `nlp`'s tokenizer, keeping those already there (each
    added once, so a component added twice, or a saved pipeline loaded, changes nothing)."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer) or not patterns:
        return
    search = tokenizer.suffix_search
    current = getattr(getattr(search, "__self__", None), "pattern", None)
    if not isinstance(current, str):
        tokenizer.suffix_search = compile_suffix_regex(
            [*(nlp.Defaults.suffixes or []), *patterns]
        ).search
        return
    missing = [p for p in patterns if f"{p}$" not in current]
    if missing:
        joined = "|".join([current, *(f"{p}$" for p in missing)])
        tokenizer.suffix_search = re.compile(joined).search
