"""Who speaks: the subject of a reporting verb, the speaker after an incise or before a
colon, the source after "selon", pronouns and relative "qui" resolved to actors."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.components.attributions.context import DocContext, is_present_participle
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
    participle = is_present_participle(verb)
    for _ in range(4 if participle else 3):
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj")]
        if subjects:
            return source_from(ctx, subjects[0])
        if head.head == head:
            break
        if head.dep_ in ("conj", "xcomp"):
            head = head.head
        elif participle:
            # "…, précisant que", "en ajoutant que": the clause's subject is the main
            # verb's, whatever the parser hung the participle on.
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
    if 0 < len(opening) <= 4 and opening[-1].pos_ in ("PROPN", "NOUN") and ctx.can_speak(opening):
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
    return (None, phrase.text) if len(phrase) and ctx.can_speak(phrase) else (None, None)


def source_from(ctx: DocContext, token: Token) -> Source:
    """The speaker a subject token stands for: a pronoun, "qui", or its noun phrase."""
    doc = ctx.doc
    if token.lower_ in ctx.grammar.pronouns:
        return pronoun_source(ctx, token)
    if token.lower_ in ctx.grammar.relative_subjects:
        return _relative_source(ctx, token)
    subtree = list(token.subtree)
    lo, hi = subtree[0].i, subtree[-1].i + 1
    # "Orbital Data, qui a levé …": the name, not its relative clause or apposition.
    hi = next((t.i for t in doc[token.i + 1 : hi] if t.lower_ in ctx.grammar.relative_subjects), hi)
    while hi > lo + 1 and doc[hi - 1].is_punct:
        hi -= 1
    phrase = doc[lo:hi]
    inside = ctx.actors.mentions_in(lo, hi)
    covering = [m for m in inside if m.start <= token.i < m.end]
    if covering:
        return _mention_source(ctx, max(covering, key=len))
    if inside:
        return speaker_in(ctx, phrase, inside)
    text = phrase.text.strip(" ,")
    return (None, text) if text and ctx.can_speak(phrase) else (None, None)


def _relative_source(ctx: DocContext, token: Token) -> Source:
    """The antecedent of a relative "qui" speaks ("Clara Chappaz, qui a salué …"): the
    actor it names, or an actor named just before with no verb between ("c'est X, le
    ministre, qui a dit …"); an antecedent that is no one says nothing."""
    doc = ctx.doc
    antecedent = token.head.head if token.head.dep_ == "acl:relcl" else None
    candidates = list(ctx.actors.covering(antecedent.i)) if antecedent is not None else []
    start = token.i
    while start > 0 and token.i - start < 12 and doc[start - 1].pos_ not in ("VERB", "AUX"):
        start -= 1
    candidates += ctx.actors.mentions_in(start, token.i)
    if candidates:
        return _mention_source(ctx, max(ctx.actors.in_order(candidates), key=lambda m: m.end))
    if antecedent is not None and antecedent.pos_ in ("NOUN", "PROPN"):
        phrase = doc[antecedent.left_edge.i : antecedent.i + 1]
        if ctx.can_speak(phrase):
            return None, phrase.text
    return None, None


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
