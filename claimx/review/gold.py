"""Reviewed claims become gold: a newsroom's review decisions written in the gold format
(`docs/gold-format.md`), so that `claimx eval` measures claimx on its own beat.

Accepted and edited claims are required items (with their edits); rejected ones are left
out, so that predicting them again costs precision; pending ones are optional. What the
reviewer did not look at (actors other than the sources, chips, money) is optional too.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimx.errors import UsageError
from claimx.review.decisions import status
from claimx.store import ClaimsDocument, ClaimsFile
from claimx.store.files import write_atomic
from claimx.store.serialize import to_yaml

EVIDENCE_CHARS = 60


def write_gold(files: list[ClaimsFile], folder: Path, force: bool = False) -> list[Path]:
    """Write NAME.gold.yaml and its article NAME.txt into `folder` for every reviewed
    article whose text is known; return the gold files written. Files already there are
    overwritten only with `force` (UsageError otherwise, before anything is written)."""
    planned: list[tuple[str, ClaimsDocument]] = []
    names: set[str] = set()
    for file in files:
        for number, article in enumerate(file.articles):
            if article.text is None or not any(status(c) != "pending" for c in article.claims):
                continue
            planned.append((_name(file.path, number, names), article))
    existing = [
        path
        for name, _ in planned
        for path in (folder / f"{name}.gold.yaml", folder / f"{name}.txt")
        if path.exists()
    ]
    if existing and not force:
        raise UsageError(f"{existing[0]} exists; use --force to overwrite the gold files")
    written: list[Path] = []
    for name, article in planned:
        assert article.text is not None
        write_atomic(folder / f"{name}.txt", article.text)
        target = folder / f"{name}.gold.yaml"
        write_atomic(target, to_yaml([gold_document(article, f"{name}.txt")]))
        written.append(target)
    return written


def gold_document(article: ClaimsDocument, file: str) -> dict[str, Any]:
    """One article's review decisions as a gold file's content."""
    assert article.text is not None
    document, text = article.document, article.text
    sources: dict[str, bool] = {}  # actor id → required
    attributions, hedged = [], []
    for claim in article.claims:
        decision = status(claim)
        if decision == "rejected":
            continue
        optional = decision == "pending"
        evidence = _evidence(claim, text)
        attribution = claim.get("attribution")
        if attribution:
            actor = article.actor(attribution.get("source"))
            if actor is not None:
                sources[actor["id"]] = sources.get(actor["id"], False) or not optional
            attributions.append(
                {
                    "source": actor["name"] if actor else attribution.get("source_text"),
                    "cue": (attribution.get("cue") or {}).get("text"),
                    "kind": attribution.get("kind"),
                    "evidence": evidence,
                    **({"optional": True} if optional else {}),
                }
            )
        if claim.get("modality") == "hedged":
            hedges = claim.get("hedges") or []
            cue = hedges[0]["text"] if hedges else (attribution or {}).get("cue", {}).get("text")
            hedged.append(
                {"cue": cue, "evidence": evidence, **({"optional": True} if optional else {})}
            )
    return {
        "file": file,
        "lang": (document.get("article") or {}).get("lang") or "fr",
        "actors": [
            {
                "name": actor["name"],
                "kind": actor["kind"],
                "aliases": sorted({actor["name"], *(m["text"] for m in actor.get("mentions", []))}),
                **({} if sources.get(actor["id"]) else {"optional": True}),
            }
            for actor in document.get("actors", [])
        ],
        "chips": [
            {"name": c["name"], "vendor": c.get("vendor"), "aliases": [c["name"]], "optional": True}
            for c in document.get("chips", [])
        ],
        "money": [
            {
                "text": m["text"],
                "amount": m.get("amount"),
                "currency": m.get("currency"),
                "optional": True,
            }
            for m in document.get("money", [])
        ],
        "attributions": attributions,
        "hedged": hedged,
        "notes": "written by claimx review from review decisions; optional items were not reviewed",
    }


def _evidence(claim: dict[str, Any], text: str) -> str:
    """A short substring of the claim found once in the text (the claim itself if none)."""
    content: str = claim["text"]
    if len(content) > EVIDENCE_CHARS:
        cut = content[:EVIDENCE_CHARS].rsplit(" ", 1)[0]
        if cut and text.count(cut) == 1:
            return cut
    return content


def _name(path: Path, number: int, taken: set[str]) -> str:
    stem = path.name.removesuffix(".yaml")
    for suffix in (".txt", ".md", ".html", ".json", ".jsonl"):
        stem = stem.removesuffix(suffix)
    name = stem if number == 0 else f"{stem}-{number + 1}"
    base, count = name, 1
    while name in taken:
        count += 1
        name = f"{base}-{count}"
    taken.add(name)
    return name
