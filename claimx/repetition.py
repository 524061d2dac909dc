"""A bound on repetition-heavy text: an article that mostly repeats itself ("Nvidia "
140,000 times, a page pasted over and over) is refused before analysis, in milliseconds,
where the pipeline would spend a minute and gigabytes on it.

The measure is cheap and general: the share of distinct word sequences (4 words) among all
the text's sequences; prose repeats few of them, a repeated text almost only them. The
thresholds are data (`models/repetition.yaml`, with what they were measured on).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimx.articles import Article
from claimx.resources import load_yaml

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Bound:
    """The settings of `models/repetition.yaml`."""

    min_chars: int
    gram: int
    min_distinct: float


def bound() -> Bound:
    data = load_yaml("repetition.yaml")
    return Bound(int(data["min_chars"]), int(data["gram"]), float(data["min_distinct"]))


def distinct_share(text: str, gram: int) -> tuple[float, int]:
    """(distinct `gram`-word sequences over all of them, how many there are) in `text`."""
    words = _WORD.findall(text.casefold())
    sequences = list(zip(*(words[i:] for i in range(gram)), strict=False))
    if not sequences:
        return 1.0, 0
    return len(set(sequences)) / len(sequences), len(sequences)


def repetitive(article: Article, limits: Bound | None = None) -> str | None:
    """The message for an article that mostly repeats itself, or None."""
    limits = limits or bound()
    if len(article.text) < limits.min_chars:
        return None
    share, count = distinct_share(article.text, limits.gram)
    if share >= limits.min_distinct:
        return None
    return (
        f"{article.source}: repetitive: only {share:.1%} of its {count:,} {limits.gram}-word "
        f"sequences differ (under {limits.min_distinct:.0%}); nothing analysed"
    )
