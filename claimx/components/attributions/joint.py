"""Several speakers named together: "A, B et C ont annoncé", "selon A et B", "…, ont
déclaré A et B", each conjunct one actor, whatever the parser made of the coordination."""

from __future__ import annotations

from spacy.tokens import Span

from claimx.components.attributions.context import DocContext
from claimx.components.hits import Actor

_SEPARATORS = {",", "et"}


def coordinated(ctx: DocContext, phrase: Span) -> list[Actor]:
    """The actors of a phrase that is a coordination of names ("la start-up Kelvio, le
    fonds Arvelle et Nvidia"): every conjunct names one actor, the last joined by "et";
    [] for anything else."""
    doc = ctx.doc
    conjuncts: list[tuple[int, int]] = []
    start = phrase.start
    separators: list[str] = []
    for token in phrase:
        if token.lower_ in _SEPARATORS:
            conjuncts.append((start, token.i))
            separators.append(token.lower_)
            start = token.i + 1
    conjuncts.append((start, phrase.end))
    if len(conjuncts) < 2 or separators[-1] != "et" or "et" in separators[:-1]:
        return []
    found: list[Actor] = []
    for lo, hi in conjuncts:
        words = doc[lo:hi]
        if not len(words) or any(t.pos_ in ("VERB", "AUX") for t in words):
            return []
        mentions = ctx.actors.mentions_in(lo, hi)
        owners = [ctx.actors.owner(m) for m in mentions]
        actors = [a for a in owners if a is not None]
        if not actors or len({id(a) for a in actors}) > 1:
            return []
        if actors[0] not in found:
            found.append(actors[0])
    return found if len(found) >= 2 else []


def subject_coordination(ctx: DocContext, sent: Span, group_start: int) -> list[Actor]:
    """The coordinated actors right before a verb group, after a fronted clause if any
    ("Contactés par l'AFP, Nvidia et la start-up Kelvio n'ont pas souhaité commenter")."""
    doc = ctx.doc
    first = ctx.first_word(sent)
    starts = [first, *(t.i + 1 for t in doc[first:group_start] if t.text == ",")]
    for start in starts:  # the longest phrase that is a coordination of names
        found = coordinated(ctx, doc[start:group_start])
        if found:
            return found
    return []
