"""Alert rules on what claimx extracts, and the alerts they raise.

A rule is `KIND:VALUE` or `KIND>VALUE` (`>=` too), one grammar for every kind:

- `actor:NAME` or `actor:Q182477`: an actor by name (its name, id or a mention, any
  case) or by Wikidata id;
- `money>AMOUNT:CUR`: an amount over a threshold in a currency (`money>1e9:EUR`,
  `money>=500M:USD`; suffixes k, M, Md/G/bn);
- `chip:NAME`: a chip by catalog id or name (`chip:H20`);
- `contradiction` (or `contradiction:figure`, `contradiction:modality`): a claim that
  disagrees with one of another article of the folder (a `Folder` tells, see
  `claimx.live.contradictions`);
- `checkworthy>SCORE` (`>=` too): a claim whose check-worthiness (`claimx.desk.checkworthy`,
  rounded to 3 places as shown) passes SCORE, in [0, 1];
- `factcheck`: a claim matching a known fact-check (`claimx.desk.match`, above its
  threshold), once the rule is given a feed (`claimx.live.factchecks.with_feed`).

A rule raises one alert per claim that involves what it matched (an actor as a claim's
actor or source, its money, its chips), or one for the article when no claim does; a
folder rule one per pair of claims; `checkworthy` one per claim passing, `factcheck` one
per claim and fact-check matched. Each kind registers in `KINDS`; `PLANNED` names kinds
refused, with that reason, until some part of claimx provides them.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from claimx.desk.checkworthy import assess_all
from claimx.errors import UsageError
from claimx.store.records import ClaimRecord, Extraction

_RULE = re.compile(r"(?P<kind>[a-z][a-z-]*)(?:(?P<op>>=|>|:)(?P<arg>.+))?", re.S)
_SCALE = {"": 1, "k": 10**3, "m": 10**6, "md": 10**9, "g": 10**9, "bn": 10**9, "b": 10**9}
_AMOUNT = re.compile(r"(\d+(?:[.,]\d+)?(?:e\d+)?)\s*(k|m|md|g|bn|b)?", re.I)

# A found thing: the ids of the records it covers, and what to show of it.
Found = tuple[set[str], list[str]]
# What a rule raises: the claim (None: the article), what to show, fields for the alert.
Hit = tuple[ClaimRecord | None, list[str], dict[str, Any]]
# A rule judging each claim itself: its hits on an extraction (text: the article's, or None).
Judge = Callable[[Extraction, str | None], list[Hit]]
CONFLICTS = frozenset({"figure", "modality"})
# What may change from one run to the next without making a new alert (a refit, a feed).
VOLATILE = frozenset({"score", "reasons", "why"})


class Folder(Protocol):
    """The claims of the other articles of a folder, for the rules comparing with them."""

    def conflicts(
        self, extraction: Extraction, claims_file: str, kinds: frozenset[str]
    ) -> list[Hit]: ...


@dataclass(frozen=True)
class Rule:
    """One `--alert` rule: its text as given and what it finds in an extraction, or how it
    judges each claim (`judge`), or the kinds of disagreement it asks a `Folder` for."""

    text: str
    kind: str
    find: Callable[[Extraction], Found] | None = None
    conflicts: frozenset[str] = frozenset()
    judge: Judge | None = None

    def hits(
        self,
        extraction: Extraction,
        claims_file: str,
        folder: Folder | None,
        text: str | None = None,
    ) -> list[Hit]:
        """(claim, matched texts, fields) per claim involving what the rule found; (None,
        …) for the article when no claim does; nothing when it found nothing."""
        if self.judge is not None:
            return self.judge(extraction, text)
        if self.kind == "factcheck":
            raise UsageError(f"--alert {self.text!r} needs a feed of fact-checks (--against)")
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


def _checkworthy(text: str, op: str, arg: str) -> Rule:
    try:
        threshold = float(arg.strip())
    except ValueError:
        threshold = -1.0
    if op not in (">", ">=") or not 0.0 <= threshold <= 1.0:
        raise ValueError("checkworthy>SCORE or checkworthy>=SCORE, SCORE in [0, 1]")

    def judge(extraction: Extraction, article_text: str | None) -> list[Hit]:
        scores = assess_all(extraction, article_text)
        hits: list[Hit] = []
        for claim in extraction.claims:
            worthy = scores[claim.id].to_dict()  # the score as every command shows it
            score = worthy["score"]
            if score > threshold or (op == ">=" and score == threshold):
                hits.append((claim, list(worthy["reasons"]), {"checkworthy": worthy}))
        return hits

    return Rule(text, "checkworthy", judge=judge)


def _factcheck(text: str, op: str, arg: str) -> Rule:
    if op or arg:
        raise ValueError("factcheck, with the feed given by --against FEED")
    return Rule(text, "factcheck")  # judged once given a feed: `factchecks.with_feed`


def _contradiction(text: str, op: str, arg: str) -> Rule:
    kinds = CONFLICTS if not op else frozenset({arg.strip()})
    if op not in ("", ":") or not kinds <= CONFLICTS:
        raise ValueError("contradiction, contradiction:figure or :modality")
    return Rule(text, "contradiction", conflicts=kinds)


# A kind's rule from the rule's text, its operator and argument ("" when absent);
# ValueError saying the kind's grammar when they do not fit.
Maker = Callable[[str, str, str], Rule]


def _finding(kind: str, make: Callable[[str, str], Callable[[Extraction], Found]]) -> Maker:
    return lambda text, op, arg: Rule(text, kind, make(op, arg))


KINDS: dict[str, Maker] = {
    "actor": _finding("actor", _actor),
    "money": _finding("money", _money),
    "chip": _finding("chip", _chip),
    "contradiction": _contradiction,
    "checkworthy": _checkworthy,
    "factcheck": _factcheck,
}
GRAMMAR = {"money": "money>…", "checkworthy": "checkworthy>…", "contradiction": "", "factcheck": ""}
PLANNED: dict[str, str] = {}  # kind → what it needs, for kinds not in this claimx yet


def parse_rule(text: str) -> Rule:
    """A rule from its text; UsageError saying the grammar when it does not parse."""
    match = _RULE.fullmatch(text.strip())
    kind = match.group("kind") if match else ""
    if kind in PLANNED:
        raise UsageError(f"--alert {text!r}: {PLANNED[kind]} are not in this claimx yet")
    if match is None or kind not in KINDS:
        known = ", ".join(GRAMMAR.get(k, f"{k}:…") or k for k in KINDS)
        raise UsageError(f"--alert {text!r}: not a rule (known kinds: {known})")
    try:
        return KINDS[kind](text.strip(), match.group("op") or "", match.group("arg") or "")
    except ValueError as err:
        raise UsageError(f"--alert {text!r}: {err}") from None


def alerts(
    extraction: Extraction,
    rules: list[Rule],
    input_key: str,
    claims_file: str,
    folder: Folder | None = None,
    text: str | None = None,
) -> list[dict[str, Any]]:
    """The alerts `rules` raise on one article (text: the article's, for check-worthiness;
    the claims' own text without it), in rule then claim order; each has an id stable
    across reruns (the same claim of the same input under the same rule, and what it was
    found to disagree with or to match; not its scores or reasons)."""
    article = extraction.article
    raised: list[dict[str, Any]] = []
    for rule in rules:
        for claim, shown, fields in rule.hits(extraction, claims_file, folder, text):
            what = [claim.id, claim.text] if claim else sorted(shown)
            key = json.dumps([input_key, rule.text, *what, _lasting(fields)], sort_keys=True)
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


def _lasting(fields: dict[str, Any]) -> dict[str, Any]:
    """The fields that tell an alert apart: without scores and reasons (`VOLATILE`)."""
    return {
        name: _lasting(value) if isinstance(value, dict) else value
        for name, value in fields.items()
        if name not in VOLATILE
    }


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
