"""Review decisions on claims, and the queue a reviewer works through.

Decisions go into each claim's `review:` mapping (status pending | accepted | rejected |
edited, and a note); every change is saved at once, atomically, in the decisions file beside
the claims file (`claimx.store`), the claims file itself left as it was. Edits build their
values through `claimx.store.records`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from claimx.errors import ClaimxError
from claimx.kinds import REVIEW_STATUSES, AttributionKind, Modality, ReviewStatus
from claimx.store import ClaimsDocument, ClaimsFile, SaveFailed
from claimx.store.decisions import EDITED_FIELDS, make_verdict
from claimx.store.records import Attribution, TextSpan


class EditRefused(ClaimxError):
    """An edit that cannot be made; the claim is left as it was."""


def status(claim: dict[str, Any]) -> ReviewStatus:
    review = claim.get("review") or {}
    value = review.get("status", "pending")
    return value if value in REVIEW_STATUSES else "pending"


def set_review(claim: dict[str, Any], status_: str, note: str | None = None) -> None:
    """Record a decision (and keep an existing note unless a new one is given)."""
    if status_ not in REVIEW_STATUSES:
        raise ValueError(f"unknown review status {status_!r}")
    review = dict(claim.get("review") or {})
    review["status"] = status_
    review["note"] = note if note is not None else review.get("note")
    claim["review"] = review


@dataclass
class ReviewItem:
    """One claim of the queue, with its document and file."""

    file: ClaimsFile
    article: ClaimsDocument
    claim: dict[str, Any]


class ReviewQueue:
    """The claims of some files in order, a position, and the decisions on them."""

    def __init__(
        self, files: list[ClaimsFile], order: Callable[[ReviewItem], float] | None = None
    ) -> None:
        """order: a score per claim, the highest first (`--sort checkworthy`); file order
        without one."""
        self.files = files
        self.items = [ReviewItem(f, a, c) for f in files for a, c in f.claims()]
        if order is not None:
            self.items.sort(key=lambda item: -order(item))  # stable: file order among ties
        pending = [i for i, item in enumerate(self.items) if status(item.claim) == "pending"]
        # A file whose every claim is decided opens at its first claim, to revise.
        self.revising = not pending and bool(self.items)
        self.position = pending[0] if pending else 0

    @property
    def done(self) -> bool:
        return self.position >= len(self.items)

    @property
    def current(self) -> ReviewItem:
        return self.items[self.position]

    # -- moving -------------------------------------------------------------
    def skip(self) -> None:
        self.position = min(self.position + 1, len(self.items))

    def back(self) -> None:
        self.position = max(0, self.position - 1)

    # -- deciding -----------------------------------------------------------
    def decide(self, decision: ReviewStatus, before: dict[str, Any] | None = None) -> None:
        """Accept, reject or mark edited the current claim, save, and move on. `before`:
        the claim before an edit. When saving fails (SaveFailed), the claim is as before."""
        item = self.current
        saved = copy.deepcopy(before if before is not None else item.claim)
        set_review(item.claim, decision)
        self._save(item, saved)
        self.skip()

    def verdict(self, rating: str, url: str | None) -> None:
        """Record a fact-check's verdict on the current claim (a rating of the scale, the
        fact-check's url), save, and move on; a pending claim becomes accepted (a claim
        one has checked is a claim). UsageError for a rating or url refused."""
        item = self.current
        saved = copy.deepcopy(item.claim)
        found = make_verdict(rating, url)
        keep = status(item.claim)
        set_review(item.claim, "accepted" if keep == "pending" else keep)
        item.claim["review"]["verdict"] = found
        self._save(item, saved)
        self.skip()

    def note(self, text: str) -> None:
        """Set (or, empty, clear) the current claim's note, keeping its status."""
        item = self.current
        saved = copy.deepcopy(item.claim)
        set_review(item.claim, status(item.claim), text.strip() or None)
        self._save(item, saved)

    @staticmethod
    def _save(item: ReviewItem, saved: dict[str, Any]) -> None:
        try:
            item.file.save()
        except SaveFailed:
            item.claim.clear()
            item.claim.update(saved)
            raise

    # -- editing (in memory until `decide("edited")`) -------------------------
    def _remember(self) -> dict[str, Any]:
        """The current claim, its values as claimx gave them kept under `review.original`
        before its first edit."""
        claim = self.current.claim
        review = dict(claim.get("review") or {"status": "pending", "note": None})
        review.setdefault("original", {k: copy.deepcopy(claim.get(k)) for k in EDITED_FIELDS})
        claim["review"] = review
        return claim

    def set_kind(self, kind: AttributionKind | None) -> None:
        """Change the attribution kind; None: asserted by the article itself."""
        claim = self._remember()
        attribution = claim.get("attribution")
        if kind is None:
            claim["attribution"] = None
        elif attribution:
            attribution["kind"] = kind
        else:
            cue = TextSpan(claim["start"], claim["end"], claim["text"])
            claim["attribution"] = Attribution(kind, None, None, cue).to_dict()

    def set_modality(self, modality: Modality) -> None:
        self._remember()["modality"] = modality

    def set_source(self, answer: str) -> None:
        """The source: an actor of the article (by id or name), or free text."""
        item = self.current
        attribution = item.claim.get("attribution")
        if attribution is None:
            raise EditRefused("this claim has no attribution: set its kind first (e, k)")
        attribution = self._remember()["attribution"]
        folded = answer.strip().casefold()
        actor = next(
            (
                a
                for a in item.article.document.get("actors", [])
                if folded in (a["id"].casefold(), a["name"].casefold())
            ),
            None,
        )
        attribution["source"] = actor["id"] if actor else None
        attribution["source_text"] = actor["name"] if actor else (answer.strip() or None)

    def set_text(self, wanted: str) -> bool:
        """New claim boundaries, found in the claim's sentence; whether they changed."""
        item = self.current
        claim, text = item.claim, item.article.text
        if text is None:
            raise EditRefused("the article text was not found: the boundaries cannot be checked")
        wanted = wanted.strip()
        if not wanted or wanted == claim["text"]:
            return False
        sentence = claim.get("sentence") or {"start": claim["start"], "end": claim["end"]}
        start = text.find(wanted, sentence["start"], sentence["end"])
        if start < 0:
            raise EditRefused("that text is not in the claim's sentence: unchanged")
        self._remember()
        claim["start"], claim["end"], claim["text"] = start, start + len(wanted), wanted
        return True

    # -- counting -----------------------------------------------------------
    def counts(self) -> dict[ReviewStatus, int]:
        found: dict[ReviewStatus, int] = {s: 0 for s in REVIEW_STATUSES}
        for item in self.items:
            found[status(item.claim)] += 1
        return found

    @property
    def reviewed(self) -> int:
        return len(self.items) - self.counts()["pending"]

    def summary(self) -> str:
        parts = ", ".join(f"{n} {s}" for s, n in self.counts().items())
        return f"{len(self.items)} claims in {len(self.files)} file(s): {parts}"
