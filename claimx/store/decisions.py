"""Review decisions, kept beside their claims file (`NAME.yaml.decisions.yaml`), so that a new
extraction never reads the old claims file to keep them. The store joins them to the claims
when it reads a claims file: each decision goes to the claim saying the same thing (its text,
cue and source as claimx gave them), wherever its offsets; a decision whose claim is gone stays
in the file, an orphan, never dropped. Decisions written inside claims files by earlier
versions (a claim's `review:`) are still read, the side file's winning.

A fact-check's verdict on a claim is part of its review (`review.verdict`: the rating's name
on the scale of `models/ratings.yaml`, the fact-check's url, the date), kept here with the
other decisions; `make_verdict` builds one, `verdict_of` reads one back from untrusted data."""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date as Date
from pathlib import Path
from typing import Any

import yaml

from claimx.errors import InputError, UsageError
from claimx.ratings import Rating, scale
from claimx.store.files import write_atomic
from claimx.store.layout import decisions_path
from claimx.store.serialize import load_untrusted_documents, load_untrusted_yaml, to_yaml

VERSION = 1
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_UNSAFE = re.compile(r"[\s\x00-\x1f\x7f<>\"\\]")
EDITED_FIELDS = ("text", "start", "end", "modality", "attribution")
Key = tuple[str, str | None, str | None]


def machine_key(claim: dict[str, Any]) -> Key:
    """What a claim says as claimx gave it, whatever its offsets: its text, cue and source
    (before any edit: from `review.original` when there is one)."""
    review = claim.get("review")
    original = review.get("original") if isinstance(review, dict) else None
    said = original if isinstance(original, dict) else claim
    attribution = said.get("attribution") or {}
    cue = attribution.get("cue") or {}
    return str(said.get("text")), cue.get("text"), attribution.get("source_text")


@dataclass
class Decision:
    """A review decision on one claim of one document of a claims file."""

    doc: int
    id: str
    key: Key
    review: dict[str, Any]
    edits: dict[str, Any] | None = None  # the claim's fields as an edit left them

    def to_dict(self) -> dict[str, Any]:
        text, cue, source = self.key
        out = {"doc": self.doc, "id": self.id, "text": text, "cue": cue, "source_text": source}
        out["review"] = copy.deepcopy(self.review)
        if self.edits:
            out["edits"] = copy.deepcopy(self.edits)
        return out

    @classmethod
    def from_dict(cls, data: Any) -> Decision | None:
        """A decision read back; None for an entry that is not one."""
        if not isinstance(data, dict) or not isinstance(data.get("review"), dict):
            return None
        edits = data.get("edits")
        key = (str(data.get("text")), data.get("cue"), data.get("source_text"))
        doc = data.get("doc")
        return cls(
            doc if isinstance(doc, int) else 0,
            str(data.get("id")),
            key,
            data["review"],
            edits if isinstance(edits, dict) else None,
        )

    def apply(self, claim: dict[str, Any]) -> None:
        """Put the decision on a claim; its edits only when the claim is where the edit
        found it (the same article text), as after a rerun its offsets may not hold."""
        claim["review"] = copy.deepcopy(self.review)
        original = self.review.get("original")
        if not self.edits or not isinstance(original, dict):
            return
        if (original.get("start"), original.get("end")) == (claim.get("start"), claim.get("end")):
            for name in EDITED_FIELDS:
                if name in self.edits:
                    claim[name] = copy.deepcopy(self.edits[name])


def read_decisions(claims: Path) -> list[Decision]:
    """The decisions kept beside a claims file (none when there is no side file);
    InputError when the side file cannot be read: nothing must overwrite it then."""
    path = decisions_path(claims)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return []
    except (OSError, UnicodeDecodeError) as err:
        raise InputError(f"{path}: cannot read ({err})") from None
    try:
        data = load_untrusted_yaml(text)
    except yaml.YAMLError:
        raise InputError(f"{path}: not a claimx decisions file (invalid YAML)") from None
    if not isinstance(data, dict) or not isinstance(data.get("decisions"), list):
        raise InputError(f"{path}: not a claimx decisions file")
    return [d for d in map(Decision.from_dict, data["decisions"]) if d is not None]


def write_decisions(claims: Path, decisions: list[Decision]) -> None:
    """Write the decisions on a claims file beside it, atomically (OSError)."""
    document = {
        "claimx_decisions": VERSION,
        "claims_file": claims.name,
        "decisions": [d.to_dict() for d in decisions],
    }
    write_atomic(decisions_path(claims), to_yaml([document]))


def join(documents: list[dict[str, Any]], decisions: list[Decision]) -> list[Decision]:
    """Apply decisions to the claims of a claims file's documents (in place), each to the
    claim saying the same thing (the same id first); return those that found no claim."""
    if not decisions:
        return []
    free: dict[tuple[int, Key], list[dict[str, Any]]] = {}
    for number, document in enumerate(documents):
        for claim in document.get("claims") or []:
            if isinstance(claim, dict):
                free.setdefault((number, machine_key(claim)), []).append(claim)
    orphans = []
    for decision in decisions:
        claims = free.get((decision.doc, decision.key))
        if not claims:
            orphans.append(decision)
            continue
        claim = next((c for c in claims if c.get("id") == decision.id), claims[0])
        claims.remove(claim)
        decision.apply(claim)
    return orphans


def keep_inline(claims: Path) -> None:
    """Before a claims file is written anew: move the decisions an earlier claimx wrote
    inside it to the side file (only when there is no side file yet; once there is, every
    decision is in it). An unreadable old file has nothing to keep. OSError from writing."""
    if decisions_path(claims).exists() or not claims.is_file():
        return
    try:
        text = claims.read_text(encoding="utf-8")
        if "review:" not in text:  # claims files of this version never hold decisions
            return
        documents = load_untrusted_documents(text)
    except (OSError, UnicodeDecodeError, yaml.YAMLError):
        return
    decisions = [
        Decision(number, str(claim.get("id")), machine_key(claim), claim["review"], edits_of(claim))
        for number, document in enumerate(documents)
        if isinstance(document, dict) and isinstance(document.get("claims"), list)
        for claim in document["claims"]
        if isinstance(claim, dict) and isinstance(claim.get("review"), dict)
    ]
    if decisions:
        write_decisions(claims, decisions)


def edits_of(claim: dict[str, Any]) -> dict[str, Any] | None:
    """An edited claim's fields as the edit left them; None when it was never edited."""
    review = claim.get("review")
    if not isinstance(review, dict) or not isinstance(review.get("original"), dict):
        return None
    return {name: copy.deepcopy(claim.get(name)) for name in EDITED_FIELDS}


@dataclass(frozen=True)
class Verdict:
    """A fact-check's verdict on a claim: its rating, the fact-check's url, its date."""

    rating: Rating
    url: str | None
    date: str | None


def web_url(value: object) -> str | None:
    """An http(s) url with a host, as given; None for anything else (another scheme,
    spaces or control characters, markup)."""
    if not isinstance(value, str) or _UNSAFE.search(value):
        return None
    scheme, _, rest = value.partition("://")
    if scheme.lower() not in ("http", "https") or not rest or rest.startswith(("/", ":")):
        return None
    return value


def make_verdict(rating: str, url: str | None, day: str | None = None) -> dict[str, Any]:
    """A verdict as a review keeps it; UsageError for a rating off the scale file or a url
    that is not http(s)."""
    found = scale().find(rating)
    if found is None:
        names = ", ".join(r.name for r in scale().ratings)
        raise UsageError(f"unknown rating {rating!r}: one of {names}")
    if url and web_url(url.strip()) is None:
        raise UsageError(f"{url!r}: a fact-check url must be http:// or https://")
    return {
        "rating": found.name,
        "url": url.strip() if url else None,
        "date": day or Date.today().isoformat(),
    }


def verdict_of(review: object) -> Verdict | None:
    """The verdict in a review read from a file (None without a valid one): a rating not on
    the scale gives none; a url that is not http(s), or a malformed date, is left out."""
    if not isinstance(review, dict) or not isinstance(review.get("verdict"), dict):
        return None
    data = review["verdict"]
    rating = scale().find(data["rating"]) if isinstance(data.get("rating"), str) else None
    if rating is None:
        return None
    day = data.get("date")
    day = day if isinstance(day, str) and _DATE.fullmatch(day) else None
    return Verdict(rating, web_url(data.get("url")), day)
