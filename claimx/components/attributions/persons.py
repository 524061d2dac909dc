"""Persons behind a role or a pronoun: who holds a role named before ("la présidente de
la Commission", "l'ancien commissaire"), and a person's gender as a title or the first name
gives it (`models/first_names.yaml`), for "il" and "elle"."""

from __future__ import annotations

from spacy.tokens import Span

from claimx.components.attributions.chains import shown_gender
from claimx.components.attributions.context import DocContext
from claimx.components.hits import Actor
from claimx.text import fold


def agrees_in_gender(ctx: DocContext, person: Actor, gender: str | None) -> bool:
    """Whether a person may be what a pronoun of `gender` stands for: yes unless both
    genders are known and differ."""
    known = person_gender(ctx, person)
    return gender is None or known is None or known == gender


def person_gender(ctx: DocContext, actor: Actor) -> str | None:
    """A person's gender as the text or their first name gives it ("Mme Roux", "Anne
    Roux" -> "Fem"); None when neither says (a first name both sexes bear)."""
    for mention in actor.mentions:
        title = ctx.tokens[mention.start - 1].text if mention.start > 0 else ""
        if title in ctx.grammar.feminine_titles:
            return "Fem"
        if title in ctx.grammar.masculine_titles:
            return "Masc"
    first = actor.name.split()[0] if actor.name.split() else ""
    return ctx.lexicon.first_names.get(fold(first))


def person_just_named(ctx: DocContext, start: int, role: str) -> Actor | None:
    """The person named as a subject in the sentence before a bare role ("X a quitté la
    Commission. L'ancien commissaire affirme …"), if no other role was given them."""
    sent = ctx.sentences.of(start)
    if sent.start == 0:
        return None
    before = ctx.sentences.before(sent)

    def fits(actor: Actor) -> bool:
        return not actor.roles or any(role in fold(r).split() for r in actor.roles)

    if _role_described_before(ctx, sent.start, role):
        return None  # "Le ministre de l'Économie a reçu X. … a déclaré le ministre"
    return ctx.actors.last_subject_before(sent.start, {"person"}, len(before), fits)


def person_taking_up(ctx: DocContext, phrase: Span, role: str) -> Actor | None:
    """The person just named whom a longer role phrase takes up ("X s'est dite inquiète.
    « … », a lancé la présidente de la région"), when the role's article and the person's
    first name agree in gender."""
    person = person_just_named(ctx, phrase.start, role)
    if person is None:
        return None
    shown = shown_gender(phrase)
    return person if shown is not None and person_gender(ctx, person) == shown else None


def _name_after_role(ctx: DocContext, mention: Span) -> bool:
    """A person's name set right after a role or its comma ("le ministre, Bruno Le Maire",
    "la ministre Clara Morel"), not a description ("le patron")."""
    before = ctx.tokens[mention.start - 1] if mention.start > 0 else None
    return (
        ctx.actors.kind_of(mention) == "person"
        and mention[0].text[:1].isupper()
        and before is not None
        and (before.text == "," or fold(before.text) in ctx.lexicon.role_nouns)
    )


def _role_described_before(ctx: DocContext, start: int, role: str) -> bool:
    """Whether a definite description with the same role noun, no person named in it,
    came before token `start` ("le ministre de l'Économie"): the bare role takes it up."""
    for token in ctx.tokens[:start]:
        if fold(token.text) != role or token.i == 0:
            continue
        if ctx.tokens[token.i - 1].lower_ not in ctx.grammar.definite_determiners:
            continue
        after = ctx.actors.mentions_in(token.i, min(start, token.i + 8))
        if not any(_name_after_role(ctx, m) for m in after):
            return True
    return False


def role_holder(ctx: DocContext, phrase: Span) -> Actor | None:
    """The person a definite role stands for ("la présidente de la Commission" -> the
    person named with that role before), if any."""
    tokens = [t for t in phrase if not t.is_punct]
    if len(tokens) < 2 or tokens[0].lower_ not in ctx.grammar.definite_determiners:
        return None
    role = fold(tokens[1].text)
    return _person_in_role(ctx, phrase, role) if role in ctx.lexicon.role_nouns else None


def _person_in_role(ctx: DocContext, phrase: Span, role: str) -> Actor | None:
    """ "le président américain", "le patron du groupe": the last person named before
    whose role holds that noun and every other word of the phrase it states."""
    words = {fold(t.text) for t in phrase[1:] if t.pos_ in ("NOUN", "ADJ", "PROPN")}
    best: Actor | None = None
    best_end = -1
    for actor in ctx.actors.actors:
        if actor.kind != "person":
            continue
        roles = [fold(r) for r in actor.roles]
        if not any(role in r.split() and words <= set(r.split()) for r in roles):
            continue
        ends = [m.end for m in actor.mentions if m.end <= phrase.start]
        if ends and max(ends) > best_end:
            best, best_end = actor, max(ends)
    return best
