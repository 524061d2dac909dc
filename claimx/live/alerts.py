"""Alert rules on what claimx extracts, and the alerts they raise.

A rule is `KIND:VALUE` or `KIND>VALUE` (`>=` too), one grammar for every kind:

- `actor:NAME` or `actor:Q182477`: an actor by name (its name, id or a mention, any
  case) or by Wikidata id;
- `money>AMOUNT:CUR`: an amount over a threshold in a currency (`money>1e9:EUR`,
  `money>=500M:USD`; suffixes k, M, Md/G/bn);
- `chip:NAME`: a chip by catalog id or name (`chip:H20`);
- `contradiction` (or `contradiction:figure`, `contradiction:modality`): a claim that
  disagrees with one of another article of the folder (a `Folder` tells, see
  `claimx.live.contradictions`).

A rule raises one alert per claim that involves what it matched (an actor as a claim's
actor or source, its money, its chips), or one for the article when no claim does; a
folder rule one per pair of claims. Kinds that other parts of claimx will provide
(check-worthiness, fact-check matches) register in `KINDS` the same way; until then
`PLANNED` names them and a rule using one is refused with that reason.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from claimx.errors import UsageError
from claimx.store.records import ClaimRecord, Extraction

_RULE = re.compile(r"(?P<kind>[a-z][a-z-]*)(?:(?P<op>>=|>|:)(?P<arg>.+))?", re.S)
_SCALE = {"": 1, "k": 10**3, "m": 10**6, "md": 10**9, "g": 10**9, "bn": 10**9, "b": 10**9}
_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)?(?:e\d+)?)\s*(k|m|md|g|bn|b)?", re.I)

# A found thing: the ids of the records it covers, and what to show of it.
Found = tuple[set[str], list[str]]
# What a rule raises: the claim (None: the article), what to show, fields for the alert.
Hit = tuple[ClaimRecord | None, list[str], dict[str, Any]]
CONFLICTS = frozenset({"figure", "modality"})


class Folder(Protocol):
    """The claims of the other articles of a folder, for the rules comparing with them."""

    def conflicts(
        self, extraction: Extraction, claims_file: str, kinds: frozenset[str]
    ) -> list[Hit]: ...


@dataclass(frozen=True)
class Rule:
    """One `--alert` rule: its text as given and what it finds in an extraction (or, with
    no `find`, the kinds of disagreement it asks a `Folder` for)."""

    text: str
    kind: str
    find: Callable[[Extraction], Found] | None = None
    conflicts: frozenset[str] = frozenset()

    def hits(self, extraction: Extraction, claims_file: str, folder: Folder | None) -> list[Hit]:
        """(claim, matched texts, fields) per claim involving what the rule found; (None,
        …) for the article when no claim does; nothing when it found nothing."""
        if self.find is None:
            return folder.conflicts(extraction, claims_file, self.conflicts) if folder else []
        ids, shown = self.find(extraction)
        if not ids:
            return []
        claims = [c for c in extraction.claims if ids & _claim_ids(c)]
        if not claims:
            return [(None, shown, {})]
        return [(claim, shown, {}) for claim in claims]


def _claim_ids(claim: ClaimRecord) -> set[str]:
    source = {claim.attribution.source} if claim.attribution and claim.attribution.source else set()
    return {*claim.actors, *claim.chips, *claim.money, *source}


def _actor(op: str, arg: str) -> Callable[[Extraction], Found]:
    wanted = " ".join(arg.split()).casefold()
    if op != ":" or not wanted:
        raise ValueError("actor:NAME or actor:Q123 (a Wikidata id)")
    by_id = re.fullmatch(r"q\d+", wanted) is not None

    def find(extraction: Extraction) -> Found:
        found = [
            a
            for a in extraction.actors
            if (by_id and (a.wikidata or "").casefold() == wanted)
            or wanted in {a.name.casefold(), a.id.casefold()}
            or any(" ".join(m.text.split()).casefold() == wanted for m in a.mentions)
        ]
        return {a.id for a in found}, [a.name for a in found]

    return find


def _money(op: str, arg: str) -> Callable[[Extraction], Found]:
    amount, _, currency = arg.strip().partition(":")
    match = _AMOUNT.fullmatch(amount.strip().replace("_", ""))
    currency = currency.strip().upper()
    if op not in (">", ">=") or match is None or not re.fullmatch(r"[A-Z]{3}", currency):
        raise ValueError("money>AMOUNT:CUR, e.g. money>1e9:EUR or money>=500M:USD")
    threshold = float(match.group(1).replace(",", ".")) * _SCALE[(match.group(2) or "").lower()]

    def over(value: float) -> bool:
        return value >= threshold if op == ">=" else value > threshold

    def find(extraction: Extraction) -> Found:
        found = [
            m
            for m in extraction.money
            if m.currency == currency
            and any(v is not None and over(v) for v in (m.amount, m.amount_max))
        ]
        return {m.id for m in found}, [m.text for m in found]

    return find


def _chip(op: str, arg: str) -> Callable[[Extraction], Found]:
    wanted = " ".join(arg.split()).casefold()
    if op != ":" or not wanted:
        raise ValueError("chip:NAME, e.g. chip:H20")

    def find(extraction: Extraction) -> Found:
        found = [c for c in extraction.chips if wanted in {c.id.casefold(), c.name.casefold()}]
        return {c.id for c in found}, [c.name for c in found]

    return find


KINDS: dict[str, Callable[[str, str], Callable[[Extraction], Found]]] = {
    "actor": _actor,
    "money": _money,
    "chip": _chip,
}
PLANNED = {
    "checkworthy": "check-worthiness scores",
    "factcheck": "matches with known fact-checks",
}


def parse_rule(text: str) -> Rule:
    """A rule from its text; UsageError saying the grammar when it does not parse."""
    match = _RULE.fullmatch(text.strip())
    kind = match.group("kind") if match else ""
    if kind == "contradiction" and match is not None:
        return _contradiction(text.strip(), match.group("op"), match.group("arg"))
    if kind in PLANNED:
        raise UsageError(f"--alert {text!r}: {PLANNED[kind]} are not in this claimx yet")
    if match is None or kind not in KINDS:
        known = ", ".join(
            [*(f"{k}:…" if k != "money" else "money>…" for k in KINDS), "contradiction"]
        )
        raise UsageError(f"--alert {text!r}: not a rule (known kinds: {known})")
    try:
        find = KINDS[kind](match.group("op") or "", match.group("arg") or "")
    except ValueError as err:
        raise UsageError(f"--alert {text!r}: {err}") from None
    return Rule(text.strip(), kind, find)


def _contradiction(text: str, op: str | None, arg: str | None) -> Rule:
    kinds = CONFLICTS if op is None else frozenset({(arg or "").strip()})
    if (op not in (None, ":")) or not kinds <= CONFLICTS:
        raise UsageError(f"--alert {text!r}: contradiction, contradiction:figure or :modality")
    return Rule(text, "contradiction", conflicts=kinds)


def alerts(
    extraction: Extraction,
    rules: list[Rule],
    input_key: str,
    claims_file: str,
    folder: Folder | None = None,
) -> list[dict[str, Any]]:
    """The alerts `rules` raise on one article, in rule then claim order; each has an id
    stable across reruns (the same claim of the same input under the same rule, and what
    it was found to disagree with)."""
    article = extraction.article
    raised: list[dict[str, Any]] = []
    for rule in rules:
        for claim, shown, fields in rule.hits(extraction, claims_file, folder):
            what = [claim.id, claim.text] if claim else sorted(shown)
            key = json.dumps([input_key, rule.text, *what, fields], sort_keys=True)
            raised.append(
                {
                    "alert": hashlib.sha256(key.encode()).hexdigest()[:16],
                    "rule": rule.text,
                    "input": input_key,
                    "claims_file": claims_file,
                    "article": {
                        "title": article.title,
                        "date": article.date,
                        "url": article.url,
                        "publisher": article.publisher,
                    },
                    "matched": shown,
                    "claim": _claim(claim) if claim else None,
                    **fields,
                }
            )
    return raised


def _claim(claim: ClaimRecord) -> dict[str, Any]:
    attribution = claim.attribution
    return {
        "id": claim.id,
        "text": claim.text,
        "start": claim.start,
        "end": claim.end,
        "modality": claim.modality,
        "source": attribution.source_text if attribution else None,
    }
