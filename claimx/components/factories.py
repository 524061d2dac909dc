"""Importing this module registers every claimx factory with spaCy."""

from claimx.components import (
    actors,
    attributions,
    chips,
    clauses,
    hedges,
    money,
    quotes,
    sentences,
)

__all__ = ["actors", "attributions", "chips", "clauses", "hedges", "money", "quotes", "sentences"]
