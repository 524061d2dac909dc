"""Judgements in the passive, the judge named after "par": "des prévisions jugées trop
optimistes par la Cour des comptes", "ces propos ont été qualifiés d'« irresponsables » par
les syndicats". What was judged, with the judgement, is the judge's statement."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.components.attributions.context import DocContext, agent_after
from claimx.components.attributions.sources import source_from
from claimx.components.hits import AttributionHit
from claimx.text import QUOTE_OPENERS


def agent_judgements(
    ctx: DocContext, verbs: list[int], hits: list[AttributionHit]
) -> list[AttributionHit]:
    """A statement for each judging participle with its agent (`verbs`: the doc's
    possible reporting verbs), outside what other hits already attribute."""
    found: list[AttributionHit] = []
    lexicon = ctx.lexicon
    for i in verbs:
        token = ctx.tokens[i]
        if token.lemma_ not in lexicon.agent_verbs or token.pos_ != "VERB" or i in ctx.quoted:
            continue
        by = agent_after(ctx, token, ctx.lexicon.windows["agent"])
        if by is None or not _judgement(ctx, ctx.span(i + 1, by)):
            continue  # "sera jugé (en mars) par le tribunal": judged in court, nothing said
        if any(h.content.start <= i < h.content.end for h in hits):
            continue
        judged = _judged(ctx, token, by)
        agent = _agent(token, by)
        if judged is None or agent is None:
            continue
        actor, text = source_from(ctx, agent)
        if actor is not None or text is not None:
            cue = ctx.span(ctx.left_extend(token).i, i + 1)
            found.append(AttributionHit("statement", cue, judged, actor, text))
    return found


def _judgement(ctx: DocContext, between: Span) -> bool:
    """Whether the words between a participle and "par" judge: an adjective, a quotation,
    "de …" or "comme …"."""
    return any(
        t.pos_ == "ADJ" or t.text in QUOTE_OPENERS or t.lower_ in ctx.lexicon.agent_links
        for t in between
    )


def _judged(ctx: DocContext, participle: Token, by: int) -> Span | None:
    """What the participle judges, up to "par": the noun it qualifies ("des prévisions
    jugées …") or its passive subject ("ces propos ont été qualifiés …")."""
    subjects = [c for c in participle.children if c.dep_ == "nsubj:pass"]
    if subjects:
        start = subjects[0].left_edge.i
    elif participle.dep_ == "acl" and participle.head.i < participle.i:
        noun = participle.head
        while noun.dep_ == "nmod" and noun.head.pos_ == "NOUN" and noun.head.i < noun.i:
            noun = noun.head  # "des prévisions de croissance jugées": the prévisions
        start = noun.left_edge.i
    else:
        return None
    sent = ctx.sentences.of(participle.i)
    start = max(start, ctx.first_word(sent))
    return ctx.span(start, by) if by - start >= 3 else None


def _agent(participle: Token, by: int) -> Token | None:
    """The agent's head: the parse's, else the first noun or name after "par"."""
    parsed = [c for c in participle.children if c.dep_ == "obl:agent" and c.i > by]
    if parsed:
        return parsed[0]
    doc = participle.doc
    return next((t for t in doc[by + 1 : by + 5] if t.pos_ in ("NOUN", "PROPN")), None)
