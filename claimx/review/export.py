"""The reviewed claims with their evidence, self-contained, for archiving."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimx.review.decisions import status
from claimx.store import ClaimsDocument, ClaimsFile
from claimx.store.decisions import verdict_of
from claimx.store.files import write_atomic
from claimx.store.serialize import to_yaml


def export(
    files: list[ClaimsFile], statuses: tuple[str, ...] = ("accepted", "edited")
) -> list[dict[str, Any]]:
    """The reviewed claims with their evidence, self-contained, for archiving."""
    return [
        _exported(file, article, claim)
        for file in files
        for article, claim in file.claims()
        if status(claim) in statuses
    ]


def _verdict(claim: dict[str, Any]) -> dict[str, Any]:
    """A claim's verdict as exported, when it has one."""
    found = verdict_of(claim.get("review"))
    if found is None:
        return {}
    return {"verdict": {"rating": found.rating.name, "url": found.url, "date": found.date}}


def _exported(file: ClaimsFile, article: ClaimsDocument, claim: dict[str, Any]) -> dict[str, Any]:
    """One reviewed claim with its evidence."""
    info = article.document.get("article") or {}
    attribution = claim.get("attribution")
    sentence = claim.get("sentence") or {}
    source = article.actor(attribution.get("source")) if attribution else None
    return {
        "claim": claim["text"],
        "status": status(claim),
        "note": (claim.get("review") or {}).get("note"),
        **_verdict(claim),
        "modality": claim.get("modality"),
        "attribution": (
            {
                "kind": attribution.get("kind"),
                "source": source["name"] if source else attribution.get("source_text"),
                "source_kind": source["kind"] if source else None,
                "cue": (attribution.get("cue") or {}).get("text"),
                "quote": (attribution.get("quote") or {}).get("text"),
            }
            if attribution
            else None
        ),
        "hedges": [h["text"] for h in claim.get("hedges", [])],
        "actors": [
            {"name": a["name"], "kind": a["kind"], "roles": a.get("roles", [])}
            for a in (article.actor(i) for i in claim.get("actors", []))
            if a is not None
        ],
        "chips": [
            {"name": c["name"], "vendor": c.get("vendor")}
            for c in (article.item("chips", i) for i in claim.get("chips", []))
            if c is not None
        ],
        "money": [
            {
                k: m.get(k)
                for k in ("text", "amount", "amount_max", "currency", "qualifier")
                if k in m
            }
            for m in (article.item("money", i) for i in claim.get("money", []))
            if m is not None
        ],
        "evidence": {
            "sentence": (
                article.text[sentence["start"] : sentence["end"]]
                if article.text is not None and sentence
                else None
            ),
            "start": claim["start"],
            "end": claim["end"],
        },
        "article": {
            k: info.get(k) for k in ("source", "title", "date", "url", "publisher", "sha256")
        },
        "claims_file": str(file.path),
        "claim_id": claim["id"],
    }


def write_export(files: list[ClaimsFile], path: Path) -> int:
    """Write the export of `files` to `path` (atomically); return how many claims."""
    claims = export(files)
    write_atomic(path, to_yaml([{"claimx_export": 1, "claims": claims}]))
    return len(claims)
