"""What `claimx db` stores beside a claims document so that `claimx summary` finds recurring
claims in SQL (`claimx.story.db_summary`): each claim's event keys (those it has whatever
the collection, and the words that are keys when rare), what its verbatim copies share,
and each article's claim words (their document frequency tells which words are rare)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from claimx.errors import InputError
from claimx.story.compare import copy_key
from claimx.story.events import key_terms, key_text
from claimx.story.records import (
    ActorRef,
    ArticleRef,
    ClaimRow,
    Figure,
    content_words,
    from_document,
)


@dataclass(frozen=True)
class ClaimIndex:
    """An article's index rows: for each claim (in order), its copy key and its event keys
    (key text, 1 when it counts only if rare, else 0); the article's claim words."""

    claims: list[tuple[str, list[tuple[str, int]]]]
    words: list[str]


def claim_index(document: dict[str, Any], file: str) -> ClaimIndex:
    """The index rows of one claims document (a malformed one is an InputError)."""
    try:
        rows = from_document(document, file).claims
    except (KeyError, TypeError, AttributeError, ValueError):
        raise InputError(f"{file}: malformed claims file") from None
    claims = []
    words: set[str] = set()
    for claim in rows:
        said = (claim.text, claim.source, tuple(claim.actors), tuple(claim.money))
        keys = _keys(*said, tuple(claim.chips))
        copy = json.dumps(copy_key(claim), ensure_ascii=False, default=str)
        claims.append((hashlib.blake2b(copy.encode(), digest_size=16).hexdigest(), list(keys)))
        words |= claim.words
    return ClaimIndex(claims, sorted(words))


_NOWHERE = ArticleRef("")


@lru_cache(maxsize=1 << 14)  # a wire's claim, reprinted by many outlets, is indexed once
def _keys(
    text: str,
    source: ActorRef | None,
    actors: tuple[ActorRef, ...],
    money: tuple[Figure, ...],
    chips: tuple[str, ...],
) -> tuple[tuple[str, int], ...]:
    """A claim's event keys as text, each with 1 when it counts only if rare, by what they
    depend on: its text, source, actors, figures and chips."""
    claim = ClaimRow(_NOWHERE, "", text, 0, 0, "asserted", source=source, actors=list(actors),
                     chips=list(chips), money=list(money), words=content_words(text))  # fmt: skip
    always, rare = key_terms(claim)
    return tuple(sorted({(key_text(k), 0) for k in always} | {(w, 1) for w in rare}))
