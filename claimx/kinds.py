"""The closed sets of values of the output format, defined once.

Records, the JSON Schema (checked by `tests/test_output.py`), review, render and the
scorer all take their allowed values from here.
"""

from __future__ import annotations

from typing import Literal, get_args

ActorKind = Literal["person", "organization", "government", "media", "group", "country"]
AttributionKind = Literal["according_to", "statement", "quote", "no_comment", "denial"]
Modality = Literal["asserted", "reported", "hedged", "denied", "forecast"]
Qualifier = Literal["exact", "about", "at_least", "at_most", "range", "vague"]
PercentUnit = Literal["percent", "point"]
ReviewStatus = Literal["pending", "accepted", "rejected", "edited"]

ACTOR_KINDS: tuple[ActorKind, ...] = get_args(ActorKind)
ATTRIBUTION_KINDS: tuple[AttributionKind, ...] = get_args(AttributionKind)
MODALITIES: tuple[Modality, ...] = get_args(Modality)
QUALIFIERS: tuple[Qualifier, ...] = get_args(Qualifier)
PERCENT_UNITS: tuple[PercentUnit, ...] = get_args(PercentUnit)
REVIEW_STATUSES: tuple[ReviewStatus, ...] = get_args(ReviewStatus)
