"""Scores: precision, recall, F1 and accuracy per category, per article and in total."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CATEGORIES = ("actors", "chips", "money", "attributions", "hedged")


@dataclass
class Score:
    """Counts for one category; precision, recall and F1 derived from them."""

    tp_pred: int = 0  # predictions that match
    n_pred: int = 0
    tp_gold: int = 0  # gold items found
    n_gold: int = 0
    correct: int = 0  # matches whose kind / vendor is right
    matched: int = 0
    misses: list[str] = field(default_factory=list)  # what was missed, extra or merged

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.matched if self.matched else None

    def add(self, other: Score) -> None:
        for name in ("tp_pred", "n_pred", "tp_gold", "n_gold", "correct", "matched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.misses.extend(other.misses)

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "accuracy": None if self.accuracy is None else round(self.accuracy, 4),
            "predicted": self.n_pred,
            "gold": self.n_gold,
        }


@dataclass
class Report:
    """Scores per article and in total."""

    articles: dict[str, dict[str, Score]] = field(default_factory=dict)
    total: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})

    def add(self, name: str, scores: dict[str, Score]) -> None:
        self.articles[name] = scores
        for category, score in scores.items():
            self.total[category].add(score)

    @property
    def mean_f1(self) -> float:
        return sum(s.f1 for s in self.total.values()) / len(self.total)

    def to_dict(self, detail: bool = False) -> dict[str, Any]:
        def article(scores: dict[str, Score]) -> dict[str, Any]:
            out = {c: s.to_dict() for c, s in scores.items()}
            if detail:
                for c, s in scores.items():
                    out[c]["misses"] = list(s.misses)
            return out

        return {
            "total": {c: s.to_dict() for c, s in self.total.items()},
            "mean_f1": round(self.mean_f1, 4),
            "articles": {name: article(scores) for name, scores in self.articles.items()},
        }
