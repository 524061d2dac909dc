"""claimx pipeline components, one module each, registered as spaCy factories."""

from claimx.components import (
    actors,
    attributions,
    chips,
    claims,
    hedges,
    money,
    sentences,
)

__all__ = ["actors", "attributions", "chips", "claims", "hedges", "money", "sentences"]
