"""Who a source phrase naming no actor stands for: a role's holder, a document or an outlet
named before ("le communiqué", "le journal"), a spokesperson's body ("un porte-parole du
ministère"); else the phrase as written, when its head can speak."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Span, Token

from claimx.components.attributions.context import DocContext
from claimx.components.attributions.persons import (
    holds_role,
    person_just_named,
    person_taking_up,
    role_holder,
    role_named,
)
from claimx.components.hits import Actor
from claimx.docs import span_text
from claimx.text import fold

Source = tuple[Actor | None, str | None]


def phrase_source(ctx: DocContext, phrase: Span) -> Source:
    """A speaker written as a phrase naming no actor: a role's holder, a document or an
    outlet cited before ("le communiqué", "le journal") stands for it; else the phrase as
    written, if its head can speak."""
    described = described_actor(ctx, phrase)
    if described is not None:
        return described, described.name
    text = span_text(phrase).strip(" ,")
    body = _body_of_voice(ctx, phrase)
    if body is not None:  # "un porte-parole du ministère": the ministry speaks
        return body, text
    return (None, text) if text and _head_speaks(ctx, phrase) else (None, None)


def _head_speaks(ctx: DocContext, phrase: Span) -> bool:
    """Whether the head of a phrase naming no actor can speak: its first word past the
    determiners and adjectives ("les analystes de la banque", "la start-up"), not any word
    of its complements ("l'annonce du report de la publication")."""
    heads = [
        t.i
        for t in phrase
        if not t.is_punct and t.pos_ not in ("DET", "NUM") and not _before_noun(ctx, t, phrase)
    ]
    if not heads:
        return False
    head = heads[0]
    quantity = ctx.tokens[head].pos_ in ("ADV", "PRON")  # "beaucoup dans l'industrie"
    if quantity and len(heads) > 2 and ctx.tokens[head + 1].pos_ == "ADP":
        return _head_speaks(ctx, ctx.span(head + 2, phrase.end))  # speaks by its complement
    end = head + 1  # the word as written between spaces: "start-up" is three tokens
    while end < phrase.end and not ctx.tokens[end - 1].whitespace_:
        end += 1
    return ctx.can_speak(ctx.span(head, end)) or ctx.people_head(phrase)


def _before_noun(ctx: DocContext, token: Token, phrase: Span) -> bool:
    """An adjective before the noun it qualifies ("un ancien cadre"), not a noun the
    tagger read as one ("un industriel")."""
    after = token.i + 1
    return (
        token.pos_ == "ADJ"
        and after < phrase.end
        and ctx.tokens[after].pos_ in ("NOUN", "PROPN", "ADJ")
    )


def _body_of_voice(ctx: DocContext, phrase: Span) -> Actor | None:
    """The institution a role speaks for, named by a description in the role's
    complement: "un porte-parole du ministère", "une porte-parole de la société"."""
    tokens = [t for t in phrase if not t.is_punct]
    if len(tokens) < 3 or fold(tokens[1].text) not in ctx.lexicon.role_nouns:
        return None
    for prev, token in pairwise(tokens):
        kind = ctx.lexicon.description_kinds.get(token.lemma_.lower())
        if kind in ("organization", "government", "media") and (
            prev.lower_ in ctx.grammar.complement_prepositions
            or prev.lower_ in ctx.grammar.definite_determiners
        ):
            return ctx.actors.last_before(phrase.start, {kind}, 400)
    return None


def described_actor(ctx: DocContext, phrase: Span) -> Actor | None:
    """The actor a definite description stands for: a role or a periphrasis of an office
    -> its holder ("l'édile"); "le communiqué", "le texte" -> the last speaker named; "le
    journal", "l'agence" -> the last medium mentioned."""
    tokens = [t for t in phrase if not t.is_punct]
    if len(tokens) < 2 or tokens[0].lower_ not in ctx.grammar.definite_determiners:
        return None
    named = role_named(ctx, tokens[1:])  # "le premier magistrat": a periphrase
    if len(tokens) > 2 and tokens[1].pos_ == "ADJ" and tokens[1].is_lower and named is None:
        tokens = [tokens[0], *tokens[2:]]  # "l'ancien commissaire", "le nouveau patron"
        named = role_named(ctx, tokens[1:])
    noun = tokens[1].lemma_.lower()
    lexicon = ctx.lexicon
    if named is not None:
        role, size = named
        person = role_holder(ctx, phrase)
        if person is not None:
            return person
        # "le porte-parole" after "un porte-parole du ministère" spoke: the same voice.
        for hit in reversed(ctx.hits):
            if hit.source is not None and holds_role(fold(hit.source_text or ""), role):
                return hit.source
        if len(tokens) == 1 + size:  # "L'ancien commissaire affirme", "l'édile a dit"
            return person_just_named(ctx, phrase.start, role)
        return person_taking_up(ctx, phrase, role)
    if noun in lexicon.media_nouns:
        return ctx.actors.last_before(phrase.start, {"media"}, 400)
    if noun in lexicon.document_nouns:
        for hit in reversed(ctx.hits):
            if hit.source is not None and hit.cue.start < phrase.start:
                return hit.source
        return ctx.actors.topic_before(
            phrase.start, ("organization", "government", "media"), 120, 400
        )
    return None
