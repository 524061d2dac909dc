"""Persons behind a role or a pronoun: who holds a role named before ("la présidente de
la Commission", "l'ancien commissaire"), and a person's gender as a title or the first name
gives it (`models/first_names.yaml`), for "il" and "elle"."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.components.attributions.chains import shown_gender
from claimx.components.attributions.context import DocContext
from claimx.components.hits import Actor
from claimx.docs import text_of
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
        return not actor.roles or any(holds_role(fold(r), role) for r in actor.roles)

    if _role_described_before(ctx, sent.start, role):
        return None  # "Le ministre de l'Économie a reçu X. … a déclaré le ministre"
    return ctx.actors.last_subject_before(sent.start, {"person"}, len(before), fits)


def person_taking_up(ctx: DocContext, phrase: Span, role: str) -> Actor | None:
    """The person just named whom a longer role phrase takes up ("X s'est dite inquiète.
    « … », a lancé la présidente de la région"), when the role's article and the person's
    first name agree in gender, and a role naming a place or a body that they were given
    holds the names the phrase gives ("le maire de Tulle" is not the mayor of Brives; "le
    procureur de la République" may be the procureur named)."""
    person = person_just_named(ctx, phrase.start, role)
    if person is None:
        return None
    names = {fold(t.text) for t in phrase[1:] if t.text[:1].isupper()} - set(role.split())
    named_roles = [fold(r) for r in person.roles if any(w[:1].isupper() for w in r.split())]
    if names and named_roles and not any(names <= set(r.split()) for r in named_roles):
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
    noun = role.split()[0]
    for token in ctx.tokens[:start]:
        if fold(token.text) != noun or token.i == 0:
            continue
        if ctx.tokens[token.i - 1].lower_ not in ctx.grammar.definite_determiners:
            continue
        after = ctx.actors.mentions_in(token.i, min(start, token.i + 8))
        if not any(_name_after_role(ctx, m) for m in after):
            return True
    return False


def role_named(ctx: DocContext, tokens: list[Token]) -> tuple[str, int] | None:
    """The role a description names from its noun on (`tokens`, its words after the
    determiner), and in how many words: a role noun ("président", 1), or a description
    or an abbreviation standing for one ("chef de l'État" -> "president", 4; "DG")."""
    if not tokens:
        return None
    periphrases = ctx.lexicon.role_periphrases
    found: tuple[str, int] | None = None
    for n in range(1, min(len(tokens), 5) + 1):
        role = periphrases.get(fold(text_of(ctx.doc, tokens[0].i, tokens[n - 1].i + 1)))
        if role is not None:
            found = (role, n)  # the longest
    if found is not None:
        return found
    noun = fold(tokens[0].text)
    return (noun, 1) if noun in ctx.lexicon.role_nouns else None


def holds_role(stated: str, role: str) -> bool:
    """Whether a person's stated role (folded) holds every word of `role`."""
    return set(role.split()) <= set(stated.split())


def role_holder(ctx: DocContext, phrase: Span) -> Actor | None:
    """The person a definite role stands for ("la présidente de la Commission", "l'édile"
    -> the person named with that role before), if any."""
    tokens = [t for t in phrase if not t.is_punct]
    if len(tokens) < 2 or tokens[0].lower_ not in ctx.grammar.definite_determiners:
        return None
    named = role_named(ctx, tokens[1:])
    if named is None:
        return None
    role, size = named
    # the words besides the role, as its holder states them: every noun and adjective
    # of a phrase opening on a role noun ("le président américain"); the names after a
    # periphrase ("le premier magistrat de Vernon"; "de la ville" is the periphrase's own)
    if role == fold(tokens[1].text):
        words = {fold(t.text) for t in phrase[1:] if t.pos_ in ("NOUN", "ADJ", "PROPN")}
    else:
        words = {fold(t.text) for t in tokens[1 + size :] if t.text[:1].isupper()}
    return _person_in_role(ctx, phrase, " ".join([role, *sorted(words)]))


def _person_in_role(ctx: DocContext, phrase: Span, role: str) -> Actor | None:
    """ "le président américain", "le patron du groupe": the last person named before
    whose role holds every word of `role` (the role and the other words of the phrase)."""
    best: Actor | None = None
    best_end = -1
    for actor in ctx.actors.actors:
        if actor.kind != "person":
            continue
        if not any(holds_role(fold(r), role) for r in actor.roles):
            continue
        ends = [m.end for m in actor.mentions if m.end <= phrase.start]
        if ends and max(ends) > best_end:
            best, best_end = actor, max(ends)
    return best
