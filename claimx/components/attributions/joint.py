"""Several speakers named together: "A, B et C ont annoncé", "selon A et B", "…, ont
déclaré A et B" (from the parse, or each conjunct one actor on the surface, whatever the
parser made of the coordination), and numbered descriptions ("les deux sociétés")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.columns import has_morph
from claimx.components.attributions.context import DocContext
from claimx.components.hits import Actor
from claimx.text import fold

_SEPARATORS = {",", "et"}


def coordinated(ctx: DocContext, phrase: Span) -> list[Actor]:
    """The actors of a phrase that is a coordination of names ("la start-up Kelvio, le
    fonds Arvelle et Nvidia"): every conjunct names one actor, the last joined by "et";
    [] for anything else."""
    conjuncts: list[tuple[int, int]] = []
    start = phrase.start
    separators: list[str] = []
    for token in phrase:
        if token.lower_ in _SEPARATORS:
            conjuncts.append((start, token.i))
            separators.append(token.lower_)
            start = token.i + 1
    conjuncts.append((start, phrase.end))
    if len(conjuncts) < 2 or separators[-1] != "et" or "et" in separators[:-1]:
        return []
    found: list[Actor] = []
    for lo, hi in conjuncts:
        words = ctx.span(lo, hi)
        if not len(words) or any(t.pos_ in ("VERB", "AUX") for t in words):
            return []
        mentions = ctx.actors.mentions_in(lo, hi)
        owners = [ctx.actors.owner(m) for m in mentions]
        actors = [a for a in owners if a is not None]
        if not actors or len({id(a) for a in actors}) > 1:
            return []
        if actors[0] not in found:
            found.append(actors[0])
    return found if len(found) >= 2 else []


def coordination_before(ctx: DocContext, i: int) -> list[Actor]:
    """The last coordination of names in the sentence of token `i` before it, or in the
    sentence before: whom "ils" takes up in "La lettre est signée par la CGT, FO et la
    CFDT. « … », écrivent-ils."."""
    sent = ctx.sentences.of(i)
    start = ctx.sentences.before(sent).start
    for k in range(i - 1, start, -1):
        if ctx.tokens[k].lower_ != "et":
            continue
        after = [m for m in ctx.actors.mentions_in(k + 1, min(i, k + 4)) if m.start <= k + 2]
        if not after:
            continue
        end = after[0].end
        longest: list[Actor] = []
        for lo in range(k - 1, max(start, k - 16) - 1, -1):
            found = coordinated(ctx, ctx.span(lo, end))
            if len(found) > len(longest):
                longest = found
        if longest:
            return longest
    return []


def plural_group(ctx: DocContext, verb: Token) -> bool:
    """Whether a verb's group ("ont annoncé", "se sont abstenus") is in the plural."""
    group = ctx.span(ctx.left_extend(verb).i, verb.i + 1)
    return any(t.pos_ in ("AUX", "VERB") and has_morph(t, "Number=Plur") for t in group)


def subject_coordination(ctx: DocContext, sent: Span, group_start: int) -> list[Actor]:
    """The coordinated actors right before a verb group, after a fronted clause if any
    ("Contactés par l'AFP, Nvidia et la start-up Kelvio n'ont pas souhaité commenter")."""
    first = ctx.first_word(sent)
    apposed = ctx.tokens[group_start - 1].text == ","  # "Les deux géants, A et B, ont …"
    end = group_start - 1 if apposed else group_start
    starts = [t.i + 1 for t in ctx.tokens[first:end] if t.text == ","]
    for start in starts if apposed else [first, *starts]:  # the longest coordination
        found = coordinated(ctx, ctx.span(start, end))
        if found:
            return found
    return []


def joint_speakers(ctx: DocContext, verb: Token) -> list[Actor]:
    """The actors a coordinated subject names ("Reuters et Bloomberg rapportent"), or a
    numbered plural description stands for ("les deux sociétés" -> the last two)."""
    head = verb if verb.pos_ in ("VERB", "AUX") else verb.head
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not subjects:
        return []
    subject = subjects[0]
    found: list[Actor] = []
    conjuncts = [subject]
    for token in subject.subtree:  # "X, Y et Z": conjuncts of the subject itself only
        if token.dep_ == "conj" and token.head in conjuncts:
            conjuncts.append(token)
    for token in conjuncts:
        for mention in ctx.actors.covering(token.i):
            actor = ctx.actors.owner(mention)
            if actor is not None and actor not in found:
                found.append(actor)
    if len(found) >= 2:
        return found
    return _coordinated_before(ctx, verb) or _numbered_description(ctx, subject)


def _coordinated_before(ctx: DocContext, verb: Token) -> list[Actor]:
    """The actors named right before a plural verb group and joined by "et" and commas,
    whatever the parser made of them ("Nvidia et AMD ont annoncé": it may hang the verb on
    "Nvidia", or give the verb two subjects)."""
    start = ctx.left_extend(verb).i
    if not plural_group(ctx, verb):
        return []
    found: list[Actor] = []
    joined = False
    i = start - 1
    while i >= 0:
        mention = max(ctx.actors.covering(i), key=len, default=None)
        actor = ctx.actors.owner(mention) if mention is not None else None
        if mention is None or actor is None or mention.end != i + 1:
            break
        if actor not in found:
            found.append(actor)
        i = mention.start - 1
        word = ctx.tokens[i].lower_ if i >= 1 else ""
        if word not in ("et", ","):
            break
        if (word == "et") == joined:
            return []  # "et" nearest the verb, commas before it: "X, Y et Z"; not "A et B, C et D"
        joined = True
        i -= 1
    return found[::-1] if joined and len(found) >= 2 else []


def numbered_in(ctx: DocContext, phrase: Span) -> list[Actor]:
    """The actors a numbered description after a verb stands for ("…, ont déclaré les deux
    responsables")."""
    noun = next((t for t in phrase if t.pos_ == "NOUN"), None)
    return _numbered_description(ctx, noun) if noun is not None else []


def _numbered_description(ctx: DocContext, noun: Token) -> list[Actor]:
    """ "les deux sociétés", "les trois groupes", "les deux responsables": the last N
    actors of the noun's kind (people for a role)."""
    numbers = ctx.lexicon.numbers
    count = next((numbers.get(c.lower_) for c in noun.children if c.dep_ == "nummod"), None)
    if count is None and noun.i > 0:
        count = numbers.get(ctx.tokens[noun.i - 1].lower_)  # the parse missed the number
    kind = ctx.lexicon.description_kinds.get(noun.lemma_.lower())
    if kind is None and fold(noun.lemma_) in ctx.lexicon.role_nouns:
        kind = "person"
    if not count or kind is None:
        return []
    found: list[Actor] = []
    for mention in reversed(ctx.actors.mentions_in(max(0, noun.i - 400), noun.left_edge.i)):
        actor = ctx.actors.owner(mention)
        if actor is not None and actor.kind == kind and actor not in found:
            found.append(actor)
        if len(found) == count:
            return found[::-1]
    return []
