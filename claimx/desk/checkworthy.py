"""Check-worthiness: how worth checking a claim is, a score in [0, 1] with its reasons.

A post-step on built claim records (never inside a pipeline component): a logistic model
over the features of `claimx.desk.features`, its weights in `models/checkworthy.yaml`
(fitted by `tools/fit_checkworthy.py` on the hand gold `tests/checkworthy/realnews.yaml`).
The score is computed whenever claims are read, so a refit never needs a new extraction.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from typing import Any

from claimx.desk.features import FEATURES, Signal, signals
from claimx.errors import InputError
from claimx.resources import load_yaml
from claimx.store.parse import extraction
from claimx.store.records import ClaimRecord, Extraction

WEIGHTS_FILE = "checkworthy.yaml"
SHOWN = 0.1  # a feature's contribution below this (either way) is not given as a reason
# What a reader is shown for each feature.
LABELS = {
    "figure": "a figure",
    "number": "a number",
    "named_source": "a named source",
    "anonymous_source": "unnamed sources",
    "contested": "hedged or disputed",
    "comparison": "a comparison",
    "date": "a date",
    "actors": "named actors",
    "chips": "a named product",
    "event": "a concrete act",
    "forecast": "a forecast",
    "question": "a question",
    "opinion": "an opinion",
    "first_person": "first person",
    "vague": "vague",
    "context": "background",
    "no_comment": "no comment",
    "quotation": "a quotation",
    "short": "a fragment",
    "lead": "the article's lead",
}


@dataclass(frozen=True)
class Weights:
    """The logistic model: a bias and a weight per feature."""

    bias: float
    weights: dict[str, float]

    def score(self, values: list[float]) -> float:
        pairs = zip(FEATURES, values, strict=True)
        total = self.bias + sum(self.weights.get(name, 0.0) * v for name, v in pairs)
        return 1.0 / (1.0 + math.exp(-total))


@dataclass(frozen=True)
class CheckWorthy:
    """A claim's check-worthiness: its score and the reasons a reader sees."""

    score: float
    reasons: list[str]

    def to_dict(self) -> dict[str, Any]:
        return {"score": round(self.score, 3), "reasons": list(self.reasons)}


@cache
def model() -> Weights:
    """The weights of `models/checkworthy.yaml`."""
    data = load_yaml(WEIGHTS_FILE)
    weights = {str(k): float(v) for k, v in (data.get("weights") or {}).items()}
    return Weights(float(data.get("bias", 0.0)), weights)


def assess(
    claim: ClaimRecord, extraction: Extraction, text: str | None, weights: Weights | None = None
) -> CheckWorthy:
    """One claim's check-worthiness (text: the article's, for the claim's sentence)."""
    weights = weights or model()
    found = signals(claim, extraction, text)
    score = weights.score([s.value for s in found])
    return CheckWorthy(score, reasons(found, weights))


def assess_all(extraction: Extraction, text: str | None) -> dict[str, CheckWorthy]:
    """Every claim of an extraction, by claim id."""
    return {c.id: assess(c, extraction, text) for c in extraction.claims}


def assess_document(document: dict[str, Any], text: str | None) -> dict[str, CheckWorthy]:
    """Every claim of an output document (a plain dict, as the store reads it), by claim id;
    none for a document that is not one of the current format."""
    try:
        return assess_all(extraction(document), text)
    except InputError:
        return {}


def reasons(found: list[Signal], weights: Weights) -> list[str]:
    """The features that moved the score, the strongest first: "a figure (3 %)", and
    "against: a forecast (devrait)" for those that lowered it."""
    moved = [
        (weights.weights.get(s.name, 0.0) * s.value, s)
        for s in found
        if abs(weights.weights.get(s.name, 0.0) * s.value) >= SHOWN
    ]
    moved.sort(key=lambda pair: (-abs(pair[0]), pair[1].name))
    out = []
    for contribution, signal in moved:
        label = LABELS[signal.name] + (f" ({signal.evidence})" if signal.evidence else "")
        out.append(label if contribution > 0 else f"against: {label}")
    return out
