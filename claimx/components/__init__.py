"""claimx pipeline components, one module (or package) each, registered as spaCy factories
(through the `spacy_factories` entry points, or by importing `claimx.components.factories`).

In pipeline order: sentences, quotes, chips, money, actors, hedges, attributions. What each
leaves on a doc, and how to read it back, is in `claimx.components.hits`; the claim records
are built from that by `claimx.claims`.
"""
