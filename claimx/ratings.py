"""The verdict scale (`models/ratings.yaml`): each rating's name and place on the scale,
read once; review records ratings by name, the ClaimReview writer publishes them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from claimx.resources import load_yaml
from claimx.text import fold


@dataclass(frozen=True)
class Rating:
    """One rating: its published name, its position (1 the worst; None: off the scale)."""

    name: str
    position: int | None
    meaning: str = ""


@dataclass(frozen=True)
class Scale:
    """The ratings in the file's order, with the scale's bounds."""

    ratings: tuple[Rating, ...]

    @property
    def worst(self) -> int:
        return min(r.position for r in self.ratings if r.position is not None)

    @property
    def best(self) -> int:
        return max(r.position for r in self.ratings if r.position is not None)

    def find(self, name: str) -> Rating | None:
        """The rating of that name (case and accents ignored), or None."""
        wanted = fold(name)
        return next((r for r in self.ratings if fold(r.name) == wanted), None)


@cache
def scale() -> Scale:
    """The verdict scale of `models/ratings.yaml`."""
    data = load_yaml("ratings.yaml")
    return Scale(
        tuple(
            Rating(str(r["name"]), r.get("position"), str(r.get("meaning") or ""))
            for r in data["ratings"]
        )
    )
