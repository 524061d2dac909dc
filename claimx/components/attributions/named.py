"""Who a name in a source phrase stands for: a mention's actor (a person apposed to a
role naming it), a relative's antecedent, a person named past a title's portfolio, the
speaker before a colon."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.columns import has_morph
from claimx.components.attributions.context import DocContext
from claimx.components.attributions.phrases import Source
from claimx.docs import span_text
from claimx.text import fold

_APPOSITION_REACH = 6  # tokens of a role apposition: "le patron de Nvidia"


def mention_source(ctx: DocContext, mention: Span) -> Source:
    """A mention's actor; for a body named in a person's role set off by commas ("Jensen
    Huang, le patron de Nvidia, a …"), the person."""
    person = _apposed_person(ctx, mention)
    if person is not None:
        return mention_source(ctx, person)
    return ctx.actors.owner(mention), ctx.actors.name_of(mention)


def _apposed_person(ctx: DocContext, mention: Span) -> Span | None:
    """The person before ", ROLE … MENTION," whose role names the mention ("Lina Ostrova,
    la directrice de Kelvio,"; "l'avocate de Marc Duval" too: the role's holder speaks)."""
    doc = ctx.doc
    if mention.end >= len(doc) or ctx.tokens[mention.end].text != ",":
        return None
    i = mention.start - 1
    while i > 0 and mention.start - i <= _APPOSITION_REACH and ctx.tokens[i].text != ",":
        i -= 1
    if i <= 0 or ctx.tokens[i].text != ",":
        return None
    if not any(fold(t.text) in ctx.lexicon.role_nouns for t in ctx.tokens[i + 1 : mention.start]):
        return None
    before = [m for m in ctx.actors.mentions_in(max(0, i - 6), i) if m.end == i]
    return before[0] if before and ctx.actors.kind_of(before[0]) == "person" else None


def person_past_portfolio(ctx: DocContext, start: int, reach: int = 8) -> Span | None:
    """A person named right after a title, past its portfolio ("au Commerce", "chargée du
    Numérique", "américain", a comma): "le secrétaire au Commerce | Howard Lutnick"."""
    doc = ctx.doc
    links = ctx.grammar.portfolio_links
    for j in range(start, min(len(doc), start + reach)):
        person = [
            m
            for m in ctx.actors.mentions_in(j, j + 4)
            if m.start == j and ctx.actors.kind_of(m) == "person"
        ]
        if person:
            return person[0]
        token = ctx.tokens[j]
        portfolio = token.lower_ in links or token.is_title or token.pos_ == "DET"
        if not (portfolio or (token.pos_ == "ADJ" and token.is_lower) or token.text == ","):
            return None
        if token.text == "," and j > start and ctx.tokens[j - 1].text == ",":
            return None
    return None


def role_participle(ctx: DocContext, token: Token) -> bool:
    """A participle that continues a role ("chargée du Numérique", "délégué aux
    Transports"): right after a noun, before a complement."""
    doc = ctx.doc
    if token.i + 1 >= len(doc) or not (token.pos_ == "VERB" and token.is_lower):
        return False
    after = ctx.tokens[token.i + 1].lower_
    return (
        has_morph(token, "VerbForm=Part")
        and ctx.tokens[token.i - 1].pos_ in ("NOUN", "PROPN", "ADJ")
        and (
            after in ctx.grammar.complement_prepositions
            or after in ctx.grammar.addressee_prepositions  # "délégué aux Transports"
        )
    )


def relative_source(ctx: DocContext, token: Token) -> Source:
    """The antecedent of a relative "qui" speaks ("Clara Chappaz, qui a salué …"): the
    actor it names, or an actor named just before with no verb between ("c'est X, le
    ministre, qui a dit …"); an antecedent that is no one says nothing."""
    antecedent = token.head.head if token.head.dep_ == "acl:relcl" else None
    candidates = list(ctx.actors.covering(antecedent.i)) if antecedent is not None else []
    start = token.i
    while start > 0 and token.i - start < 12 and ctx.tokens[start - 1].pos_ not in ("VERB", "AUX"):
        start -= 1
    candidates += ctx.actors.mentions_in(start, token.i)
    if candidates:
        return mention_source(ctx, max(ctx.actors.in_order(candidates), key=lambda m: m.end))
    if antecedent is not None and antecedent.pos_ in ("NOUN", "PROPN"):
        lo = antecedent.left_edge.i
        verbs = [t.i for t in ctx.tokens[lo : antecedent.i] if t.pos_ in ("VERB", "AUX")]
        lo = verbs[-1] + 1 if verbs else lo  # "Le cloud est un secteur qui": "un secteur"
        while lo < antecedent.i and ctx.tokens[lo].dep_ == "case":
            lo += 1  # "saisie par plusieurs éditeurs qui estimaient": not the "par"
        hi = token.i if antecedent.i < token.i <= antecedent.i + 8 else antecedent.i + 1
        phrase = ctx.span(lo, hi)  # up to "qui": "plusieurs éditeurs et agences de presse"
        if ctx.can_speak(phrase):
            return None, span_text(phrase).strip(" ,")
    return None, None


def speaker_before(ctx: DocContext, sent: Span, colon: int) -> Source | None:
    """Who speaks before a colon: "Jensen Huang : « … »", "Le ministre de l'Économie : « … »".

    A person named in a short phrase opening the sentence, else an actor that is the whole
    phrase, else the phrase itself; in a longer sentence, the last actor before the colon.
    """
    before = ctx.actors.mentions_in(sent.start, colon)
    start = ctx.first_word(sent)
    phrase = ctx.span(start, colon)
    if 0 < len(phrase) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in phrase):
        people = [m for m in before if ctx.actors.kind_of(m) == "person"]
        whole = [m for m in before if m.start == start and m.end == colon]
        chosen = people or whole
        if chosen:
            return mention_source(ctx, chosen[0])
        return None, span_text(phrase)
    if before:
        return mention_source(ctx, max(before, key=lambda m: m.end))
    return None
