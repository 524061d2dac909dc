"""What `claimx db` stores beside a claims document so that `claimx summary` finds recurring
claims in SQL (`claimx.story.db_summary`): each claim's event keys (those it has whatever
the collection, and the words that are keys when rare), what its verbatim copies share,
and each article's claim words (their document frequency tells which words are rare)."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from typing import Any

from claimx.errors import InputError
from claimx.story.compare import copy_key, key_terms, key_text
from claimx.story.records import from_document


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
        always, rare = key_terms(claim)
        keys = sorted({(key_text(k), 0) for k in always} | {(w, 1) for w in rare})
        copy = json.dumps(copy_key(claim), ensure_ascii=False, default=str)
        claims.append((hashlib.blake2b(copy.encode(), digest_size=16).hexdigest(), keys))
        words |= claim.words
    return ClaimIndex(claims, sorted(words))
