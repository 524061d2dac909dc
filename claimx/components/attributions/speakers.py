"""Who speaks in a phrase naming actors: a person named in it, a role's holder named
before, else the body it names ("un porte-parole de TikTok" speaks for TikTok)."""

from __future__ import annotations

from spacy.tokens import Span

from claimx.components.attributions.context import DocContext
from claimx.components.attributions.persons import person_taking_up, role_holder
from claimx.components.hits import Actor
from claimx.docs import span_text
from claimx.text import fold


def speaker_in(ctx: DocContext, phrase: Span, mentions: list[Span]) -> tuple[Actor | None, str]:
    """Who speaks in a phrase naming actors: a person named in it ("le directeur
    financier, Kim Woo-hyun"); else the first actor, the phrase kept as written when
    someone speaks for it ("un porte-parole de TikTok")."""
    people = [m for m in mentions if ctx.actors.kind_of(m) == "person"]
    complements = [m for m in people if _in_complement(ctx, phrase, m)]
    if complements and len(complements) == len(people):
        return None, span_text(phrase).strip(" ,")
    people = [m for m in people if m not in complements]
    if people:
        mention = min(people, key=lambda m: m.start)
        return ctx.actors.owner(mention), ctx.actors.name_of(mention)
    holder = role_holder(ctx, phrase) or _role_taking_up(ctx, phrase, mentions)
    if holder is not None:  # "la présidente de la Commission": its holder, named before
        return holder, holder.name
    mention = min(mentions, key=lambda m: m.start)
    owner = ctx.actors.owner(mention)
    lead = [t for t in phrase if t.i < mention.start and not t.is_punct]
    if phrase.start <= mention.start < phrase.end and any(t.pos_ == "NOUN" for t in lead):
        return owner, span_text(phrase).strip(" ,")
    if owner is not None and owner.kind == "group" and mention.end < phrase.end:
        return owner, span_text(phrase).strip(" ,")  # "des responsables de la Maison Blanche"
    return owner, ctx.actors.name_of(mention)


def _in_complement(ctx: DocContext, phrase: Span, mention: Span) -> bool:
    """Whether a person is named in a noun's complement, and so does not speak: "un proche
    de X", "l'avocat de Me X"; but "un porte-parole de X", "les dires de X": X speaks
    through them."""
    link = mention.start - 1
    if link > phrase.start and ctx.tokens[link].text in ctx.lexicon.person_titles:
        link -= 1  # "l'avocat de Me Thierry Herzog"
    if link <= phrase.start or ctx.tokens[link].lower_ not in ctx.grammar.complement_prepositions:
        return False
    noun = ctx.tokens[link - 1]
    return (
        any(t.pos_ == "NOUN" for t in ctx.tokens[phrase.start : link])
        and fold(noun.text) not in ctx.lexicon.voice_nouns
        and not {noun.lower_, noun.lemma_.lower()} & ctx.lexicon.document_nouns
    )


def _role_taking_up(ctx: DocContext, phrase: Span, mentions: list[Span]) -> Actor | None:
    """ "X a annoncé une pause. « … », a détaillé le président du directoire de Canal+":
    a definite role of the body it names takes up the person just named, when they
    agree in gender; the body speaks otherwise."""
    tokens = [t for t in phrase if not t.is_punct]
    if len(tokens) < 3 or tokens[0].lower_ not in ctx.grammar.definite_determiners:
        return None
    role = fold(tokens[1].text)
    first = min(m.start for m in mentions)
    if role not in ctx.lexicon.role_nouns or role in ctx.lexicon.voice_nouns:
        return None
    if (
        first <= tokens[1].i
        or ctx.tokens[first - 1].lower_ not in ctx.grammar.complement_prepositions
    ):
        return None
    return person_taking_up(ctx, phrase, role)
