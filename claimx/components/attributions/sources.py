"""Who speaks: the subject of a reporting verb, the speaker after an incise or before a
colon, the source after "selon", pronouns and relative "qui" resolved to actors."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.components.attributions.context import DocContext
from claimx.components.hits import Actor

Source = tuple[Actor | None, str | None]


def resolve_pronoun(
    ctx: DocContext, token: Token, skip: tuple[int, int] | None = None
) -> Actor | None:
    """Resolve a subject pronoun ("Il aurait dit", "a-t-elle ajouté") to an actor.

    An actor of the pronoun's preferred kind mentioned in the last 60 tokens wins;
    otherwise the last compatible actor of the last 120 tokens. Mentions inside `skip`
    (the quotation a speaker's pronoun follows) are not candidates.
    """
    entry = ctx.grammar.pronoun_entry(token.lower_)
    if entry is None:
        return None
    preferred, kinds = entry
    return ctx.actors.last_before(token.i, {preferred}, 60, skip) or ctx.actors.last_before(
        token.i, kinds, 120, skip
    )


def pronoun_source(ctx: DocContext, pronoun: Token, skip: tuple[int, int] | None = None) -> Source:
    """The actor a pronoun stands for; unresolved, the pronoun itself still says someone
    speaks ("Ils estiment que …")."""
    actor = resolve_pronoun(ctx, pronoun, skip)
    return (actor, actor.name) if actor else (None, pronoun.text.lstrip("-"))


def _mention_source(ctx: DocContext, mention: Span) -> Source:
    return ctx.actors.owner(mention), ctx.actors.name_of(mention)


def subject(ctx: DocContext, sent: Span, verb: Token) -> Source:
    """The speaker of a forward reporting verb: its subject, or the last actor before it."""
    doc = ctx.doc
    head = verb
    for _ in range(3):
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj")]
        if subjects:
            return source_from(ctx, subjects[0])
        if head.dep_ in ("conj", "xcomp") and head.head != head:
            head = head.head
        else:
            break
    before = ctx.actors.mentions_in(sent.start, verb.i)
    if before:
        return _mention_source(ctx, max(before, key=lambda m: m.end))
    # The parser missed the subject ("Pékin dément que …" read as an adverb): a short
    # noun phrase opening the sentence right before the verb group speaks.
    start = ctx.left_extend(verb).i
    opening = doc[sent.start : start]
    if 0 < len(opening) <= 4 and opening[-1].pos_ in ("PROPN", "NOUN"):
        return None, opening.text
    return None, None


def inverted_subject(ctx: DocContext, sent: Span, verb: Token, content: Span) -> Source:
    """The speaker after an incise's verb: "…, a déclaré le ministre", "…, estime-t-il"."""
    doc = ctx.doc
    pron = ctx.inversion_pronoun(verb)
    if pron is not None:  # the speaker is not someone the quotation names
        return pronoun_source(ctx, pron, (content.start, content.end))
    start = verb.i + 1
    while start < sent.end and doc[start].pos_ in ("NOUN", "ADV") and doc[start].is_lower:
        start += 1  # "a rapporté vendredi le Financial Times", "a précisé hier le ministre"
    if start < sent.end and doc[start].pos_ not in ("DET", "PROPN"):
        start = verb.i + 1
    end = start
    while end < sent.end and not doc[end].is_punct:
        end += 1
    phrase = doc[start:end]
    after = ctx.actors.mentions_in(verb.i + 1, sent.end)
    if after:
        return speaker_in(ctx, phrase, after)
    return (None, phrase.text) if len(phrase) else (None, None)


def source_from(ctx: DocContext, token: Token) -> Source:
    """The speaker a subject token stands for: a pronoun, "qui", or its noun phrase."""
    doc = ctx.doc
    if token.lower_ in ctx.grammar.pronouns:
        return pronoun_source(ctx, token)
    if token.lower_ in ctx.grammar.relative_subjects and token.head.dep_ == "acl:relcl":
        # "Clara Chappaz, qui a salué …": the antecedent speaks.
        antecedent = token.head.head
        recent = [
            m for m in ctx.actors.mentions_in(max(0, token.i - 40), token.i) if token.i - m.end <= 3
        ]
        candidates = ctx.actors.in_order([*ctx.actors.covering(antecedent.i), *recent])
        if candidates:
            return _mention_source(ctx, max(candidates, key=lambda m: m.end))
    subtree = list(token.subtree)
    lo, hi = subtree[0].i, subtree[-1].i + 1
    phrase = doc[lo:hi]
    inside = ctx.actors.mentions_in(lo, hi)
    covering = [m for m in inside if m.start <= token.i < m.end]
    if covering:
        return _mention_source(ctx, max(covering, key=len))
    if inside:
        return speaker_in(ctx, phrase, inside)
    text = phrase.text.strip(" ,")
    return None, text if text else None


def speaker_before(ctx: DocContext, sent: Span, colon: int) -> Source | None:
    """Who speaks before a colon: "Jensen Huang : « … »", "Le ministre de l'Économie : « … »".

    A person named in a short phrase opening the sentence, else an actor that is the whole
    phrase, else the phrase itself; in a longer sentence, the last actor before the colon.
    """
    doc = ctx.doc
    before = ctx.actors.mentions_in(sent.start, colon)
    start = ctx.first_word(sent)
    phrase = doc[start:colon]
    if 0 < len(phrase) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in phrase):
        people = [m for m in before if ctx.actors.kind_of(m) == "person"]
        whole = [m for m in before if m.start == start and m.end == colon]
        chosen = people or whole
        if chosen:
            return _mention_source(ctx, chosen[0])
        return None, phrase.text
    if before:
        return _mention_source(ctx, max(before, key=lambda m: m.end))
    return None


def speaker_in(ctx: DocContext, phrase: Span, mentions: list[Span]) -> tuple[Actor | None, str]:
    """Who speaks in a phrase naming actors: a person named in it ("le directeur
    financier, Kim Woo-hyun"); else the first actor, the phrase kept as written when
    someone speaks for it ("un porte-parole de TikTok")."""
    people = [m for m in mentions if ctx.actors.kind_of(m) == "person"]
    if people:
        mention = min(people, key=lambda m: m.start)
        return ctx.actors.owner(mention), ctx.actors.name_of(mention)
    mention = min(mentions, key=lambda m: m.start)
    owner = ctx.actors.owner(mention)
    lead = [t for t in phrase if t.i < mention.start and not t.is_punct]
    if phrase.start <= mention.start < phrase.end and any(t.pos_ == "NOUN" for t in lead):
        return owner, phrase.text.strip(" ,")
    return owner, ctx.actors.name_of(mention)
