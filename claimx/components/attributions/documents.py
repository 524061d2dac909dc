"""Who a document speaks for: its issuer ("selon le communiqué du groupe", "l'avis publié
par l'agence X", "d'après les chiffres du comité régional"), else the body the sentence has
as subject."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Span, Token

from claimx.components.actor_index import is_subject
from claimx.components.attributions.context import DocContext
from claimx.components.attributions.phrases import Source
from claimx.components.hits import Actor
from claimx.docs import span_text
from claimx.text import fold


def document_issuer(ctx: DocContext, phrase: Span) -> Source | None:
    """Who a document speaks for ("selon le communiqué du groupe", "selon les données de
    CB Insights", "…, juge la Cour, selon un rapport publié lundi"): the actor or the name
    its complement gives, else the actor speaking as a subject in the sentence; None for
    a phrase that is no document."""
    tokens = [t for t in phrase if not t.is_punct]
    if len(tokens) < 2 or tokens[1].lemma_.lower() not in ctx.lexicon.document_nouns:
        return None
    grammar = ctx.grammar
    for k, token in enumerate(tokens[3:9], start=3):
        if token.lower_ == "par" and any(t.pos_ == "VERB" for t in tokens[2:k]):
            # "l'avis publié par l'agence X": the participle's agent issued it
            agent = _issuer_named(ctx, phrase, tokens[k + 1 :])
            if agent is not None:
                return agent
    for k, token in enumerate(tokens[2:6], start=2):
        if token.lower_ not in grammar.complement_prepositions:
            continue
        return _issuer_named(ctx, phrase, tokens[k + 1 :]) or _speaker_of_sentence(ctx, phrase)
    if tokens[0].lower_ in grammar.definite_determiners:
        return None  # "selon le rapport": the document named before, not the sentence's subject
    return _speaker_of_sentence(ctx, phrase)


def _issuer_named(ctx: DocContext, phrase: Span, rest: list[Token]) -> Source | None:
    """The issuer a document's complement names: an actor, a description of one named
    before ("du groupe"), a body described but never named ("du comité régional"), or a
    capitalized name."""
    noun = rest[1] if len(rest) > 1 and rest[0].pos_ == "DET" else rest[0] if rest else None
    for token in rest[:2] if noun is not None and noun.i > rest[0].i else rest[:1]:
        for mention in ctx.actors.covering(token.i):  # "de Nvidia", "par l'Insee"
            return ctx.actors.owner(mention), ctx.actors.name_of(mention)
    named = _named_by(ctx, noun) if noun is not None else None
    if named is not None:  # "du cabinet IDC"
        return ctx.actors.owner(named), ctx.actors.name_of(named)
    if noun is not None and noun.is_lower:  # "du groupe", "de la société"
        kind = ctx.lexicon.description_kinds.get(noun.lemma_.lower())
        if kind is not None:  # "du groupe": the actor the description takes up
            actor = ctx.actors.topic_before(
                phrase.start, {kind}, 400, 400, _heads(ctx, noun.lemma_.lower())
            )
            if actor is not None:
                return actor, actor.name
            if kind != "person":
                # "du comité régional du tourisme": a body no actor stands for
                start = noun.i if noun.i + 1 < phrase.end else rest[0].i
                return None, span_text(ctx.span(start, phrase.end)).strip(" ,")
    names = [t for t in rest if t.text[:1].isupper() or t.text == "-"]
    if rest and names and names[0] is rest[0]:
        end = next((i for i, t in enumerate(rest) if t not in names), len(rest))
        return None, span_text(ctx.span(rest[0].i, rest[end - 1].i + 1))
    return None


def _heads(ctx: DocContext, noun: str) -> Callable[[Actor], bool] | None:
    """For a description naming one kind of institution ("du comité"), the test that an
    actor's name opens on it; None for any other description."""
    noun = fold(noun)
    if noun not in ctx.lexicon.named_heads:
        return None
    return lambda actor: actor.opens_on(noun)


def _speaker_of_sentence(ctx: DocContext, phrase: Span) -> Source | None:
    """A document without an issuer speaks for the body the sentence has as subject
    before it ("…, juge la Cour, selon un rapport publié lundi")."""
    sent = ctx.sentences.of(phrase.start)
    speakers = [
        m
        for m in ctx.actors.mentions_in(sent.start, phrase.start)
        if is_subject(m) and ctx.actors.kind_of(m) in ("organization", "government", "media")
    ]
    if speakers:
        return ctx.actors.owner(speakers[-1]), ctx.actors.name_of(speakers[-1])
    return None


def _named_by(ctx: DocContext, noun: Token) -> Span | None:
    """An actor named right after a description noun ("cabinet IDC", "groupe X")."""
    named = ctx.actors.mentions_in(noun.i + 1, noun.i + 4)
    return named[0] if named and named[0].start <= noun.i + 2 else None
