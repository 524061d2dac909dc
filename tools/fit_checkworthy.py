"""Fit the check-worthiness weights on the hand gold; report cross-validated figures.

The gold (`tests/checkworthy/realnews.yaml`, rule book `docs/checkworthiness.md`) marks every
sentence of ../shared/realnews r01-r80 check-worthy or not. Each claim claimx extracts is
labelled by the gold sentence it starts in. The model is a logistic regression over the
features of `claimx.desk.features`, fitted by plain gradient descent from zero with an L2
penalty: deterministic, nothing downloaded.

    python tools/fit_checkworthy.py           # figures by article fold, then fit on all and
                                              # write models/checkworthy.yaml
    python tools/fit_checkworthy.py --check   # the figures only

The figure that matters to a desk is the precision of the top 3 claims of each article (the
claims a fact-checker would look at first), cross-validated by article: each article is
ranked by weights fitted without it.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import yaml

from claimx.api import Failure, cached_pipeline, extract_many
from claimx.articles import read_article
from claimx.desk.checkworthy import Weights
from claimx.desk.features import FEATURES, signals

ROOT = Path(__file__).resolve().parent.parent
REALNEWS = ROOT.parent / "shared" / "realnews" / "fr"
GOLD = ROOT / "tests" / "checkworthy" / "realnews.yaml"
OUTPUT = ROOT / "models" / "checkworthy.yaml"
FOLDS = 10
TOP = 3
L2 = 0.02
STEPS = 4000
RATE = 0.5
# Weights written by hand from the features' meaning, before any fitting; compared with the
# fitted ones.
HAND = {
    "figure": 1.5,
    "number": 0.8,
    "named_source": 0.5,
    "anonymous_source": 0.8,
    "contested": 1.0,
    "comparison": 0.6,
    "date": 0.5,
    "actors": 0.5,
    "chips": 0.3,
    "event": 0.8,
    "forecast": -1.5,
    "question": -2.0,
    "opinion": -1.0,
    "first_person": -0.8,
    "vague": -0.6,
    "context": -0.5,
    "no_comment": -2.0,
    "quotation": -0.3,
    "short": -1.5,
}


@dataclass
class Example:
    """One claim: its article, position, features and gold label."""

    article: str
    start: int
    features: np.ndarray
    worthy: bool


def gold_units() -> dict[str, list[dict[str, object]]]:
    data = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    return dict(data["articles"])


def label(units: list[dict[str, object]], start: int) -> bool | None:
    """The gold label of the sentence a claim starts in (None outside every sentence)."""
    for unit in units:
        if int(str(unit["start"])) <= start < int(str(unit["end"])) + 1:
            return bool(unit["checkworthy"])
    return None


def collect() -> list[Example]:
    """Every claim of the gold's articles, with its features and label."""
    golds = gold_units()
    names = sorted(golds)
    articles = [read_article(str(REALNEWS / name)) for name in names]
    examples: list[Example] = []
    results = extract_many(articles, cached_pipeline())
    for name, article, result in zip(names, articles, results, strict=True):
        if isinstance(result, Failure):
            raise SystemExit(f"{name}: not extracted")
        for claim in result.claims:
            worthy = label(golds[name], claim.start)
            if worthy is None:
                continue
            values = [s.value for s in signals(claim, result, article.text)]
            examples.append(Example(name, claim.start, np.array(values), worthy))
    return examples


def fit(examples: list[Example]) -> Weights:
    """Logistic regression by gradient descent from zero (the bias not penalized)."""
    x = np.array([np.concatenate(([1.0], e.features)) for e in examples])
    y = np.array([1.0 if e.worthy else 0.0 for e in examples])
    w = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], L2)
    penalty[0] = 0.0
    for _ in range(STEPS):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        w -= RATE * (x.T @ (p - y) / len(y) + penalty * w)
    weights = {f: round(float(v), 3) for f, v in zip(FEATURES, w[1:], strict=True)}
    return Weights(round(float(w[0]), 3), weights)


def top_precision(examples: list[Example], weights: Weights) -> tuple[int, int]:
    """(check-worthy, taken) over the top claims of each article, ties by position."""
    by_article: dict[str, list[Example]] = {}
    for e in examples:
        by_article.setdefault(e.article, []).append(e)
    worthy = taken = 0
    for claims in by_article.values():
        ranked = sorted(claims, key=lambda e: (-weights.score(list(e.features)), e.start))
        worthy += sum(e.worthy for e in ranked[:TOP])
        taken += len(ranked[:TOP])
    return worthy, taken


def cross_validate(examples: list[Example]) -> dict[str, float]:
    """Top-3 precision by article fold (articles dealt in name order) for the fitted and
    the hand weights and the article's first claims (first_three), the base rate of claims, and
    the fitted model's accuracy."""
    names = sorted({e.article for e in examples})
    totals = {"fitted": [0, 0], "hand": [0, 0], "first_three": [0, 0], "accuracy": [0, 0]}
    hand = Weights(0.0, HAND)
    first_three = Weights(0.0, {})  # every score equal: the first 3 claims of the article
    for k in range(FOLDS):
        held = set(names[k::FOLDS])
        train = [e for e in examples if e.article not in held]
        test = [e for e in examples if e.article in held]
        fitted = fit(train)
        for key, weights in (("fitted", fitted), ("hand", hand), ("first_three", first_three)):
            right, taken = top_precision(test, weights)
            totals[key][0] += right
            totals[key][1] += taken
        totals["accuracy"][0] += sum(
            (fitted.score(list(e.features)) >= 0.5) == e.worthy for e in test
        )
        totals["accuracy"][1] += len(test)
    out = {key: right / taken for key, (right, taken) in totals.items()}
    out["base_rate"] = sum(e.worthy for e in examples) / len(examples)
    return out


def write(weights: Weights, figures: dict[str, float], count: int) -> None:
    shown = ", ".join(f"{k} {v:.3f}" for k, v in figures.items())
    header = (
        "# claimx check-worthiness weights: a logistic model over the features of\n"
        "# claimx/desk/features.py (score = sigmoid(bias + sum of weight x feature)).\n"
        "# Provenance: written by `python tools/fit_checkworthy.py` (deterministic: gradient\n"
        "# descent from zero, L2 penalty) from the hand gold tests/checkworthy/realnews.yaml\n"
        f"# (../shared/realnews r01-r80), {count} claims labelled by their gold sentence.\n"
        f"# {FOLDS}-fold cross-validated by article: {shown}\n"
        "# (fitted/hand/first_three: precision of the top 3 claims per article).\n"
    )
    body = {
        "version": 1,
        "claims": count,
        "cross_validated": {k: round(v, 3) for k, v in figures.items()},
        "bias": weights.bias,
        "weights": weights.weights,
    }
    text = header + yaml.safe_dump(body, sort_keys=False, allow_unicode=True)
    OUTPUT.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--check", action="store_true", help="print the figures only")
    args = parser.parse_args(argv)
    if not REALNEWS.is_dir():
        print(f"{REALNEWS}: not found", file=sys.stderr)
        return 2
    examples = collect()
    figures = cross_validate(examples)
    for key, value in figures.items():
        print(f"{key}: {value:.3f}")
    if not args.check:
        write(fit(examples), figures, len(examples))
        print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
