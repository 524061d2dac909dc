"""Who a pronoun stands for: pronouns and cataphora, "on" after an opening place. A phrase
naming no actor (documents, outlets, roles, spokespersons' bodies) is in `phrases`, a
document's issuer in `documents`, joint and numbered speakers in `joint`."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.components.actor_index import is_subject
from claimx.components.attributions.chains import morph_of, previous_speaker
from claimx.components.attributions.context import DocContext
from claimx.components.attributions.persons import (
    agrees_in_gender,
)
from claimx.components.attributions.phrases import Source, phrase_source
from claimx.components.hits import Actor


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
    continued = _continued_subject(ctx, token, kinds)
    if continued is not None:
        return continued
    # a name inside a quotation is what the speaker talks about, not who speaks next
    outside = ctx.quoted if token.i not in ctx.quoted else ()
    gender = ctx.grammar.pronoun_gender(token.lower_)

    def fits(actor: Actor) -> bool:  # "elle" is not Jean Morel
        return actor.kind != "person" or agrees_in_gender(ctx, actor, gender)

    return ctx.actors.last_before(
        token.i, {preferred}, 60, skip, fits, outside
    ) or ctx.actors.last_before(token.i, kinds, 120, skip, fits, outside)


def _continued_subject(ctx: DocContext, pronoun: Token, kinds: tuple[str, ...]) -> Actor | None:
    """The subject a pronoun continues: the last actor named as a subject in its sentence
    or the one before, outside quotations and other names, when it agrees ("La cheffe du
    parti, X, a exigé … « … », a-t-elle dénoncé"; "le gouvernement dément … « … »,
    ajoute-t-il"; "Les États-Unis … Ils jugent")."""
    sent = ctx.sentences.of(pronoun.i)
    start = ctx.sentences.before(sent).start
    gender = ctx.grammar.pronoun_gender(pronoun.lower_)
    number = ctx.grammar.pronoun_number(pronoun.lower_)
    mentions = sorted(ctx.actors.mentions_in(start, pronoun.i), key=lambda m: m.start)
    speaker = next((h for h in reversed(ctx.hits) if start <= h.cue.start < pronoun.i), None)
    if speaker is not None and speaker.source is not None:
        # the speaker of the statement before: "…, a annoncé son président, X. « … »,
        # a-t-il déclaré"
        for mention in reversed(mentions):
            if ctx.actors.owner(mention) is speaker.source:
                if _agrees(ctx, mention, kinds, gender, number):
                    return speaker.source
                break
    for mention in reversed(mentions):
        if mention.start in ctx.quoted or not is_subject(mention) or _nested(ctx, mention):
            continue
        if _agrees(ctx, mention, kinds, gender, number):
            return ctx.actors.owner(mention)
    return _same_pronoun_before(ctx, pronoun, start)


def _same_pronoun_before(ctx: DocContext, pronoun: Token, start: int) -> Actor | None:
    """A chain of one pronoun as subject ("Elle a reçu … . Elle juge que"): the actor the
    same pronoun stood for just before, when no subject came between."""
    word = pronoun.lower_.lstrip("-")
    for token in reversed(ctx.span(start, pronoun.i)):
        if token.i in ctx.quoted or not token.dep_.startswith("nsubj"):
            continue
        if token.lower_.lstrip("-") != word:
            return None  # another subject came between
        return resolve_pronoun(ctx, token)
    return None


def _agrees(
    ctx: DocContext, mention: Span, kinds: tuple[str, ...], gender: str | None, number: str | None
) -> bool:
    """Whether a pronoun can stand for a mention's actor: a person, or a body of its
    number ("Les États-Unis … Ils") or gender ("le gouvernement … il")."""
    actor = ctx.actors.owner(mention)
    if actor is None:
        return False
    if actor.kind == "person":
        return "person" in kinds and agrees_in_gender(ctx, actor, gender)
    if actor.kind not in _BODIES:
        return False
    if number == "Plur":
        return morph_of(ctx, mention, "Number") == "Plur"
    return gender is not None and morph_of(ctx, mention, "Gender") == gender


_BODIES = ("organization", "government", "media", "country")


def _nested(ctx: DocContext, mention: Span) -> bool:
    """Whether a mention lies inside a longer one ("la Commission" in "La présidente de
    la Commission"): the longer one is the subject."""
    return any(
        m.start <= mention.start and mention.end <= m.end and len(m) > len(mention)
        for m in ctx.actors.covering(mention.start)
    )


def pronoun_source(ctx: DocContext, pronoun: Token, skip: tuple[int, int] | None = None) -> Source:
    """The actor a pronoun stands for; unresolved, the pronoun itself still says someone
    speaks ("Ils estiment que …")."""
    actor = _cataphora(ctx, pronoun) or resolve_pronoun(ctx, pronoun, skip)
    if actor is not None:
        return actor, actor.name
    described = previous_speaker(ctx, pronoun) or _described_subject(ctx, pronoun)
    return (None, described.text) if described is not None else (None, pronoun.text.lstrip("-"))


def opening_place(ctx: DocContext, pronoun: Token) -> Source | None:
    """Where "on" speaks when the sentence opens on it: "Chez Renault, on indique que …",
    "Du côté de Kelvio, on assure …", "Au ministère, on précise …"."""
    sent = ctx.sentences.of(pronoun.i)
    start = ctx.first_word(sent)
    if pronoun.i < 2 or ctx.tokens[pronoun.i - 1].text != ",":
        return None
    words = [t.lower_ for t in ctx.tokens[start : pronoun.i - 1]]
    opener = next((o for o in ctx.grammar.on_openers if tuple(words[: len(o)]) == o), None)
    if opener is None or len(words) <= len(opener) or len(words) > len(opener) + 8:
        return None
    phrase = ctx.span(start + len(opener), pronoun.i - 1)
    inside = ctx.actors.mentions_in(phrase.start, phrase.end)
    if inside:
        return ctx.actors.owner(inside[-1]), ctx.actors.name_of(inside[-1])
    found = phrase_source(ctx, phrase)
    return found if found != (None, None) else None


def _described_subject(ctx: DocContext, pronoun: Token) -> Span | None:
    """The subject a pronoun takes up when it names no actor: a description that can
    speak, in the pronoun's sentence before it or the sentence before, agreeing with it
    ("Le gouvernement a présenté son budget. Il prévoit …"; "L'entreprise, a-t-elle
    précisé, …")."""
    gender = ctx.grammar.pronoun_gender(pronoun.lower_)
    number = ctx.grammar.pronoun_number(pronoun.lower_)
    if pronoun.i in ctx.quoted or gender is None or number is None:
        return None  # "on", "je": nothing to agree with
    sent = ctx.sentences.of(pronoun.i)
    start = ctx.sentences.before(sent).start
    for token in reversed(ctx.span(start, pronoun.i)):
        if token.pos_ != "NOUN" or not token.dep_.startswith("nsubj") or token.i in ctx.quoted:
            continue
        left = token.i
        while left > start and ctx.tokens[left - 1].pos_ in ("DET", "ADJ"):
            left -= 1
        phrase = ctx.span(left, token.i + 1)
        agrees = (morph_of(ctx, phrase, "Gender"), morph_of(ctx, phrase, "Number")) == (
            gender,
            number,
        )
        # the last subject decides: no guess further back
        return phrase if agrees and len(phrase) > 1 and ctx.can_speak(phrase) else None
    return None


def _cataphora(ctx: DocContext, pronoun: Token) -> Actor | None:
    """A pronoun in a clause set before the main one speaks for the main clause's subject:
    "S'il souligne que …, Brad Smith estime que …"."""
    entry = ctx.grammar.pronoun_entry(pronoun.lower_)
    if entry is None:
        return None
    clause = pronoun.head
    main = clause.head
    candidates: list[Span] = []
    if clause.dep_ == "advcl" and main.i > pronoun.i:
        for child in main.children:
            if child.dep_ == "nsubj" and child.i > clause.i:
                candidates.extend(ctx.actors.covering(child.i))
    else:
        candidates = _main_clause_subject(ctx, pronoun)
    for mention in candidates:
        actor = ctx.actors.owner(mention)
        if actor is not None and actor.kind in entry[1]:
            return actor
    return None


def _main_clause_subject(ctx: DocContext, pronoun: Token) -> list[Span]:
    """The same, read on the surface when the parser made the subordinate clause the
    root: a sentence opening on a conjunction and the pronoun ("S'il …, X estime"); the
    actor named right after the clause's comma and before a verb."""
    sent = ctx.sentences.of(pronoun.i)
    opener = ctx.first_word(sent)
    if pronoun.i != opener + 1 or ctx.tokens[opener].pos_ != "SCONJ":
        return []
    for mention in ctx.actors.mentions_in(pronoun.i + 1, min(sent.end, pronoun.i + 60)):
        if ctx.tokens[mention.start - 1].text == "," and mention.end < sent.end:
            after = ctx.tokens[mention.end]  # a verb, even one the tagger misreads ("X juge")
            if after.pos_ in ("VERB", "AUX") or (
                after.is_lower and after.is_alpha and after.pos_ not in ("ADP", "CCONJ", "DET")
            ):
                return [mention]
    return []
