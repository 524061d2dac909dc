"""Chains of speech: a pronoun that names no actor continues the speaker before it.

"Le bureau d'études pense que la marge va reculer. Il estime aussi que …": "Il" is the
bureau, though "la marge" is the last subject written; a subject inside what the speaker
said is not a candidate, a subject of the narration in between breaks the chain."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.columns import has_morph
from claimx.components.attributions.context import DocContext
from claimx.components.hits import AttributionHit


def morph_of(ctx: DocContext, mention: Span, feature: str) -> str | None:
    """The gender or number a mention's determiner or head noun shows ("le gouvernement",
    "Les États-Unis"), if any."""
    words = [ctx.tokens[mention.start - 1]] if mention.start > 0 else []
    words += [t for t in mention if t.pos_ in ("DET", "NOUN")][:2]
    values = ("Masc", "Fem") if feature == "Gender" else ("Sing", "Plur")
    for word in words:
        for value in values:
            if has_morph(word, f"{feature}={value}"):
                return value
    return None


def previous_speaker(ctx: DocContext, pronoun: Token) -> Span | None:
    """The phrase of the last speaker named by no actor, in the pronoun's sentence or the
    one before, when the pronoun agrees with it and no subject of the narration came
    between ("Les analystes soulignent que … . Ils jugent que …")."""
    gender = ctx.grammar.pronoun_gender(pronoun.lower_)
    number = ctx.grammar.pronoun_number(pronoun.lower_)
    if pronoun.i in ctx.quoted or gender is None or number is None:
        return None  # "on", "je": nothing to agree with
    start = ctx.sentences.before(ctx.sentences.of(pronoun.i)).start
    hit = next((h for h in reversed(ctx.hits) if h.cue.start < pronoun.i), None)
    if hit is None or hit.source is not None or not hit.source_text or hit.cue.start < start:
        return None
    phrase = _phrase_of(ctx, hit)
    if phrase is None or any(t.lower_ in ctx.grammar.speaking_pronouns for t in phrase):
        return None
    if shown_gender(phrase) not in (None, gender):
        return None
    if morph_of(ctx, phrase, "Number") not in (None, number):
        return None
    after = max(hit.cue.end, phrase.end)
    return None if _narration_subject(ctx, hit, after, pronoun.i) else phrase


def shown_gender(phrase: Span) -> str | None:
    """The gender a phrase's determiners and adjectives show before its noun; a noun that
    is both ("l'analyste", "les responsables") shows none the tagger can be trusted on."""
    for word in phrase:
        if word.pos_ not in ("DET", "ADJ"):
            break
        for value in ("Masc", "Fem"):
            if has_morph(word, f"Gender={value}"):
                return value
    return None


def _phrase_of(ctx: DocContext, hit: AttributionHit) -> Span | None:
    """Where a hit's free-text source is written, in its cue's sentence."""
    sent = ctx.sentences.of(hit.cue.start)
    text = hit.source_text or ""
    at = sent.text.find(text)
    if at < 0:
        return None
    begin = sent.start_char + at
    return ctx.doc.char_span(begin, begin + len(text), alignment_mode="expand")


def _narration_subject(ctx: DocContext, hit: AttributionHit, start: int, end: int) -> bool:
    """Whether a noun or a name is the subject of a clause between `start` and `end`,
    outside what the hit's speaker said and outside quotations."""
    said = range(hit.content.start, hit.content.end)
    return any(
        t.dep_.startswith("nsubj")
        and t.pos_ in ("NOUN", "PROPN")
        and t.i not in said
        and t.i not in ctx.quoted
        for t in ctx.tokens[start:end]
    )
