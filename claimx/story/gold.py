"""A folder's story scored against a hand-made story gold (docs/story-gold.md): pairwise
precision and recall of recurring-claim groups, precision of contradictions.

Items are located by article file name and character offsets: a predicted appearance
matches a gold one in the same file when their spans overlap. A group gives the unordered
pairs of its appearances in different files; a predicted pair is right when its two
appearances match the two sides of one gold pair.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from claimx.errors import GoldError
from claimx.store.serialize import load_untrusted_documents


@dataclass(frozen=True)
class Place:
    """A span of one article, by the article's file name."""

    file: str
    start: int
    end: int

    def matches(self, other: Place) -> bool:
        return self.file == other.file and self.start < other.end and other.start < self.end


Pair = tuple[Place, Place]


@dataclass
class StoryGold:
    """The gold's recurring groups, contradictions and known near misses, as pairs."""

    groups: list[list[Place]]
    contradictions: list[Pair]
    not_contradictions: list[tuple[Pair, str]]

    @property
    def pairs(self) -> list[Pair]:
        return [p for group in self.groups for p in cross_pairs(group)]


@dataclass
class StoryScore:
    """Pairwise figures, with the wrong and missed pairs for a reader to look at."""

    predicted_pairs: int
    right_pairs: int
    gold_pairs: int
    found_pairs: int
    contradictions: int
    right_contradictions: int
    wrong_pairs: list[Pair] = field(default_factory=list)
    missed_pairs: list[Pair] = field(default_factory=list)
    wrong_contradictions: list[Pair] = field(default_factory=list)
    near_misses: list[str] = field(default_factory=list)  # why each is not a contradiction

    @property
    def precision(self) -> float:
        return self.right_pairs / self.predicted_pairs if self.predicted_pairs else 1.0

    @property
    def recall(self) -> float:
        return self.found_pairs / self.gold_pairs if self.gold_pairs else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    @property
    def contradiction_precision(self) -> float:
        """Right contradictions among those found (1.0 when none is found)."""
        return self.right_contradictions / self.contradictions if self.contradictions else 1.0

    def figures(self) -> dict[str, float | int]:
        return {
            "pairs": self.predicted_pairs,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "f1": round(self.f1, 3),
            "gold_pairs": self.gold_pairs,
            "contradictions": self.contradictions,
            "contradiction_precision": round(self.contradiction_precision, 3),
            "near_misses": len(self.near_misses),
        }


def cross_pairs(places: Iterable[Place]) -> list[Pair]:
    """The unordered pairs of places in different files."""
    return [(a, b) for a, b in combinations(places, 2) if a.file != b.file]


def article_name(file: str) -> str:
    """The article's file name, from a claims file's (`x.txt.yaml`) or the article's path."""
    return Path(file).name.removesuffix(".yaml")


def load_gold(path: Path) -> StoryGold:
    """A story gold file (tests/storygold/*.yaml); GoldError when it is not one."""
    try:
        (data,) = load_untrusted_documents(path.read_text(encoding="utf-8"))
        return StoryGold(
            groups=[[_place(p) for p in g["appearances"]] for g in data.get("recurring") or []],
            contradictions=[(_place(c["a"]), _place(c["b"])) for c in data["contradictions"]],
            not_contradictions=[
                ((_place(c["a"]), _place(c["b"])), str(c.get("why", "")))
                for c in data.get("not_contradictions") or []
            ],
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as err:
        raise GoldError(f"{path}: not a story gold file ({err})") from None


def _place(item: dict[str, Any]) -> Place:
    return Place(str(item["file"]), int(item["start"]), int(item["end"]))


def summary_places(appearances: Iterable[dict[str, Any]]) -> list[Place]:
    """A summary's appearances (recurring or evidence) as places."""
    return [Place(article_name(p["file"]), p["start"], p["end"]) for p in appearances]


def score_story(summary: dict[str, Any], gold: StoryGold) -> StoryScore:
    """`summary` (as `claimx.story.summarize` gives it) against `gold`."""
    gold_pairs = gold.pairs
    predicted = [
        p for g in summary["recurring"] for p in cross_pairs(summary_places(g["appearances"]))
    ]
    wrong = [p for p in predicted if not any(_same_pair(p, g) for g in gold_pairs)]
    missed = [g for g in gold_pairs if not any(_same_pair(p, g) for p in predicted)]
    found = [
        p for c in summary["contradictions"] for p in cross_pairs(summary_places(c["evidence"]))
    ]
    false = [p for p in found if not any(_same_pair(p, g) for g in gold.contradictions)]
    near = [why for p in false for g, why in gold.not_contradictions if _same_pair(p, g)]
    return StoryScore(
        predicted_pairs=len(predicted),
        right_pairs=len(predicted) - len(wrong),
        gold_pairs=len(gold_pairs),
        found_pairs=len(gold_pairs) - len(missed),
        contradictions=len(found),
        right_contradictions=len(found) - len(false),
        wrong_pairs=wrong,
        missed_pairs=missed,
        wrong_contradictions=false,
        near_misses=near,
    )


def _same_pair(a: Pair, b: Pair) -> bool:
    return (a[0].matches(b[0]) and a[1].matches(b[1])) or (
        a[0].matches(b[1]) and a[1].matches(b[0])
    )
