"""Review decisions carried over when claimx writes a claims file anew (a rerun after the
article changed, `--force`): each decision goes to the new claim saying the same thing, and
a decision whose claim is gone is kept in a file beside it, never dropped."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import yaml

from claimx.store.files import write_atomic
from claimx.store.layout import orphans_path
from claimx.store.serialize import load_untrusted_yaml, to_yaml

Key = tuple[str, str, str]


def _key(claim: dict[str, Any]) -> Key:
    """What a claim says, whatever its offsets: its text, cue and source as written."""
    attribution = claim.get("attribution") or {}
    cue = attribution.get("cue") or {}
    return str(claim.get("text")), str(cue.get("text")), str(attribution.get("source_text"))


def _decided(claim: Any) -> bool:
    review = claim.get("review") if isinstance(claim, dict) else None
    return isinstance(review, dict) and (
        review.get("status", "pending") != "pending" or bool(review.get("note"))
    )


def carry_reviews(old: Path, document: dict[str, Any]) -> list[dict[str, Any]]:
    """Copy the decisions of the claims file `old` onto `document`'s claims; return the
    decided claims that have no counterpart in it (an unreadable `old` carries nothing)."""
    try:
        previous = load_untrusted_yaml(old.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return []
    claims = previous.get("claims") if isinstance(previous, dict) else None
    if not isinstance(claims, list):
        return []
    free: dict[Key, list[dict[str, Any]]] = {}
    for claim in document.get("claims", []):
        free.setdefault(_key(claim), []).append(claim)
    orphans = []
    for claim in filter(_decided, claims):
        matches = free.get(_key(claim))
        if matches:
            matches.pop(0)["review"] = dict(claim["review"])
        else:
            orphans.append(claim)
    return orphans


def keep_orphans(target: Path, orphans: list[dict[str, Any]]) -> Path:
    """Write decided claims whose article changed beside their claims file, in a file of
    their own per rewrite (`NAME.yaml.reviews-YYYYmmddTHHMMSS.yaml`)."""
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S")
    path = orphans_path(target, stamp)
    document = {
        "claimx_reviews": 1,
        "note": "review decisions on claims that a later run no longer found in the article",
        "claims_file": target.name,
        "claims": orphans,
    }
    write_atomic(path, to_yaml([document]))
    return path
