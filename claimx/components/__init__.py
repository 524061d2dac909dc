"""claimx pipeline components, one module (or package) each, registered as spaCy factories.

In pipeline order: sentences, quotes, chips, money, actors, hedges, attributions, claims.
What each leaves on a doc is listed in `claimx.components.hits`.
"""

from claimx.components import (
    actors,
    attributions,
    chips,
    claims,
    hedges,
    money,
    quotes,
    sentences,
)

__all__ = ["actors", "attributions", "chips", "claims", "hedges", "money", "quotes", "sentences"]
