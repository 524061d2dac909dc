"""What `claimx db` stores beside a claims document so that `claimx summary` finds recurring
claims in SQL (`claimx.story.db_summary`): what a claim's verbatim copies share (its copy
class), all it says beside where it is said (its variant: text, modality, source, actors,
chips and figures; the copies of a wire reprinted by many outlets are one variant), each
variant's event keys (those it has whatever the collection, and the words that are keys
when rare), and each article's claim words (their document frequency tells which words are
rare)."""

from __future__ import annotations

import hashlib
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
    """An article's index rows: for each claim (in order), its copy class and variant (as
    hashes) and the variant's event keys (key text, 1 when it counts only if rare, else
    0); the article's claim words."""

    claims: list[ClaimKeys]
    words: list[str]


@dataclass(frozen=True)
class ClaimKeys:
    """A claim's copy class, its variant and the variant's event keys."""

    copy: str
    variant: str
    keys: tuple[tuple[str, int], ...]


def claim_index(document: dict[str, Any], file: str) -> ClaimIndex:
    """The index rows of one claims document (a malformed one is an InputError)."""
    try:
        rows = from_document(document, file).claims
    except (KeyError, TypeError, AttributeError, ValueError):
        raise InputError(f"{file}: malformed claims file") from None
    claims = []
    words: set[str] = set()
    for claim in rows:
        variant = _hash(_said(claim))
        found = _KNOWN.get(variant)
        if found is None:  # what a variant says decides its copy class and event keys
            if len(_KNOWN) >= _KNOWN_MOST:
                _KNOWN.clear()
            said = (claim.text, claim.source, tuple(claim.actors), tuple(claim.money))
            found = _KNOWN[variant] = ClaimKeys(
                _hash(copy_key(claim)), variant, _keys(*said, tuple(claim.chips))
            )
        claims.append(found)
        words |= claim.words
    return ClaimIndex(claims, sorted(words))


_KNOWN: dict[str, ClaimKeys] = {}  # by variant: a wire's claim, reprinted, is indexed once
_KNOWN_MOST = 1 << 16


def _hash(value: object) -> str:
    """A digest of plain data (strings, numbers, None, in tuples and lists; `repr` tells an
    int from a float and is the same in every Python 3)."""
    return hashlib.blake2b(repr(value).encode(), digest_size=16).hexdigest()


def _said(claim: ClaimRow) -> list[object]:
    """All a claim says beside its article, id, place and review: alike for two claims
    exactly when they are read back as one `ClaimRow` but for those (an amount's type
    kept: 3e9 and 3000000000 apart)."""

    def actor(ref: ActorRef | None) -> list[str | None] | None:
        return None if ref is None else [ref.name, ref.kind, ref.wikidata]

    figures = [
        [m.text, m.amount, type(m.amount).__name__, m.currency, m.qualifier, m.amount_max,
         type(m.amount_max).__name__]
        for m in claim.money
    ]  # fmt: skip
    return [
        claim.text, claim.modality, claim.kind, actor(claim.source), claim.source_text,
        claim.cue, [actor(a) for a in claim.actors], claim.chips, figures,
    ]  # fmt: skip


_NOWHERE = ArticleRef("")


@lru_cache(maxsize=1 << 14)  # variants alike but for their modality, kind or cue
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
