"""Who speaks: the subject of a reporting verb and the noun phrase a subject token heads.
What a name, a relative or a colon's speaker stands for is in `named`; pronouns and
descriptions are resolved in `references`."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.columns import has_morph
from claimx.components.attributions.context import (
    DocContext,
    agent_after,
    is_present_participle,
)
from claimx.components.attributions.documents import document_issuer
from claimx.components.attributions.named import (
    mention_source,
    person_past_portfolio,
    relative_source,
    role_participle,
)
from claimx.components.attributions.phrases import Source, phrase_source
from claimx.components.attributions.references import opening_place, pronoun_source
from claimx.components.attributions.speakers import speaker_in
from claimx.docs import span_text, text_of
from claimx.text import QUOTE_OPENERS, fold

__all__ = [
    "Source",
    "source_from",
    "subject",
]


def subject(ctx: DocContext, sent: Span, verb: Token) -> Source:
    """The speaker of a forward reporting verb: its subject, or the last actor before it."""
    head = verb
    participle = is_present_participle(verb)
    start = ctx.left_extend(verb).i
    if not any(c.dep_.startswith("nsubj") for c in verb.children) and not participle:
        # "…, et TechInsights se refuse à tout commentaire": a name right before the verb
        # group is its subject, whatever the parser made of the coordination.
        adjacent = [m for m in ctx.actors.mentions_in(max(0, start - 8), start) if m.end == start]
        if adjacent:
            return mention_source(ctx, adjacent[0])
        name = _name_before(ctx, sent, start)
        if name is not None:
            return None, span_text(name)
    for _ in range(4 if participle else 3):
        subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj")]
        if subjects:
            voice = _voice_of(ctx, subjects[0].i, start)
            if voice is not None:
                return voice
            found = source_from(ctx, subjects[0])
            if found == (None, None):  # "Nexity, le promoteur immobilier, a annoncé"
                found = _name_set_off_before(ctx, sent, subjects[0]) or found
            if found != (None, None) or subjects[0].pos_ == "PRON":
                return found  # "une technologie qui promet": no one speaks
            break  # "La start-up Kelvio a ajouté": the parse cut the subject; read the surface
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
    quoting = _before_quotation(ctx, sent, start) or _phrase_after_comma(ctx, sent, start)
    if quoting is not None:  # a subject the parse hung elsewhere, right before the verb
        return quoting
    addressed = ctx.grammar.addressee_prepositions
    before = [
        m  # not whom a letter was sent to ("adressée au Premier ministre, les maires …")
        for m in ctx.actors.mentions_in(sent.start, verb.i)  # nor who asked ("Contactée par X")
        if m.start == 0 or ctx.tokens[m.start - 1].lower_ not in (*addressed, "par")
    ]
    if before:
        return mention_source(ctx, max(before, key=lambda m: m.end))
    # The parser missed the subject ("Pékin dément que …" read as an adverb): a short
    # noun phrase opening the sentence right before the verb group speaks, or a pronoun.
    if start > sent.start and ctx.tokens[start - 1].lower_ in ctx.grammar.pronouns:
        return pronoun_source(ctx, ctx.tokens[start - 1])  # "Il dément toute irrégularité"
    opening = ctx.span(sent.start, start)
    if 0 < len(opening) <= 4 and opening[-1].pos_ in ("PROPN", "NOUN") and ctx.can_speak(opening):
        return None, span_text(opening)
    return None, None


def _phrase_after_comma(ctx: DocContext, sent: Span, start: int) -> Source | None:
    """A noun phrase between a comma and the verb group at `start` is its subject, when
    the parser hung it elsewhere ("Interrogée par la radio, la ministre du Travail a
    indiqué …")."""
    reach = range(start - 1, max(sent.start, start - 7), -1)
    comma = next((j for j in reach if ctx.tokens[j].text == ","), None)
    if comma is None:
        return None
    phrase = ctx.span(comma + 1, start)
    joined = [t for t in phrase if t.pos_ == "CCONJ"]  # "les investisseurs et les marchés"
    if (
        len(phrase) < 2
        or phrase[0].pos_ != "DET"
        or phrase[-1].pos_ not in ("NOUN", "PROPN", "ADJ")
        or any(t.pos_ in ("VERB", "AUX", "PRON", "SCONJ") or t.is_punct for t in phrase)
        or len(joined) > 1
        or (joined and joined[0].lower_ != "et")
    ):
        return None
    found = source_from(ctx, phrase[1] if phrase[1].pos_ in ("NOUN", "PROPN") else phrase[-1])
    return found if found != (None, None) else None


def _before_quotation(ctx: DocContext, sent: Span, start: int) -> Source | None:
    """The subject right before a quotation that opens on the verb group at `start`: 'le
    gouvernement « dément que … »'."""
    if not (start > sent.start + 1 and ctx.tokens[start - 1].text in QUOTE_OPENERS):
        return None
    named = ctx.tokens[start - 2]
    if named.pos_ not in ("NOUN", "PROPN"):
        return None
    covering = ctx.actors.covering(named.i)
    if covering:
        return mention_source(ctx, max(covering, key=len))
    left = named.i
    while left > sent.start and ctx.tokens[left - 1].pos_ in ("DET", "ADJ", "NOUN", "PROPN"):
        left -= 1
    return phrase_source(ctx, ctx.span(left, named.i + 1))


def _voice_of(ctx: DocContext, subject: int, verb_start: int) -> Source | None:
    """The person a body speaks through: "la Commission, par la voix de sa vice-présidente
    X, a indiqué" -> X."""
    for i in range(subject + 1, verb_start - 2):
        if (
            ctx.tokens[i].lower_ == "voix"
            and ctx.tokens[i - 1].lower_ == "la"
            and ctx.tokens[i - 2].lower_ == "par"
        ):
            people = [
                m
                for m in ctx.actors.mentions_in(i + 1, verb_start)
                if ctx.actors.kind_of(m) == "person"
            ]
            if people:  # the voice itself, whatever is set off before it
                return ctx.actors.owner(people[0]), ctx.actors.name_of(people[0])
    return None


def _name_before(ctx: DocContext, sent: Span, start: int) -> Span | None:
    """A capitalised name right before a verb group, after a conjunction or a comma (the
    tagger may read it as an adjective: "… et TechInsights se refuse")."""
    i = start
    while i > sent.start and start - i < 4 and ctx.tokens[i - 1].text[:1].isupper():
        i -= 1
    if i == start or i == sent.start or ctx.tokens[i - 1].pos_ not in ("CCONJ", "PUNCT"):
        return None
    return ctx.span(i, start)


def _name_set_off_before(ctx: DocContext, sent: Span, token: Token) -> Source | None:
    """The name a sentence opens on, set off by a comma before the subject that describes
    it: "Nexity, le promoteur immobilier, a annoncé" -> "Nexity"."""
    first = ctx.first_word(sent)
    comma = token.left_edge.i - 1
    if comma <= first or ctx.tokens[comma].text != ",":
        return None
    name = ctx.span(first, comma)
    return (None, span_text(name)) if all(t.pos_ == "PROPN" for t in name) else None


def source_from(ctx: DocContext, token: Token) -> Source:
    """The speaker a subject token stands for: a pronoun, "qui", or its noun phrase."""
    doc = ctx.doc
    if token.lower_ == "on":
        return opening_place(ctx, token) or (None, token.text)
    if token.lower_ in ctx.grammar.pronouns:
        return pronoun_source(ctx, token)
    if token.lower_ in ctx.grammar.relative_subjects:
        return relative_source(ctx, token)
    subtree = list(token.subtree)
    lo, hi = subtree[0].i, subtree[-1].i + 1
    # "Orbital Data, qui a levé …": the name, not its relative clause or apposition.
    hi = next((t.i for t in ctx.tokens[token.i + 1 : hi] if _opens_relative(ctx, t)), hi)
    if token.lemma_.lower() in ctx.lexicon.document_nouns:
        issuer = document_issuer(ctx, ctx.span(lo, hi))  # "Une étude, publiée par l'Insee, …"
        if issuer is not None and issuer[0] is not None:
            return issuer
    # "le porte-parole interrogé par l'AFP": not the participle's complements; "une
    # porte-parole, confirmant une information de X": not a clause set off after the name
    hi = next(
        (
            t.i
            for t in ctx.tokens[token.i + 1 : hi]
            if _participle_clause(ctx, t) or _participle_after_comma(ctx, t)
        ),
        hi,
    )
    while (
        hi < len(doc) - 1 and ctx.tokens[hi - 1].text == "-" and not ctx.tokens[hi - 2].whitespace_
    ):
        hi += 1  # "La start-up", split by the tokenizer and cut by the parse
    while hi > lo + 1 and ctx.tokens[hi - 1].is_punct:
        hi -= 1
    while lo < token.i and (ctx.tokens[lo].is_punct or ctx.tokens[lo].dep_ == "case"):
        lo += 1  # past a dateline's dash ("Paris (AFP) - X a annoncé"), an agent's "par"
    phrase = ctx.span(lo, hi)
    inside = ctx.actors.mentions_in(lo, hi)
    # a name the parse split ("Emmanuel" "Macron") is held by its mention all the same
    covering = ctx.actors.covering(token.i)
    if covering:
        return mention_source(ctx, max(covering, key=len))
    named = [m for m in ctx.actors.mentions_in(hi, hi + 4) if m.start == hi]
    role = fold(token.text) in ctx.lexicon.role_nouns
    if role:  # "L'économiste Ana Ruiz", "le secrétaire au Commerce Howard Lutnick"
        person = person_past_portfolio(ctx, hi)
        if person is not None:
            return mention_source(ctx, person)
    word = text_of(ctx.doc, token.i, hi).lower()
    kinds = ctx.lexicon.description_kinds  # the word may be a compound: "La start-up Kelvio"
    described = token.lemma_.lower() in kinds or word in kinds
    if named and described and ctx.actors.kind_of(named[0]) != "person":
        return mention_source(ctx, named[0])  # "L'assureur Axa a démenti", split by the parse
    if inside:
        return speaker_in(ctx, phrase, inside)
    return phrase_source(ctx, phrase)


def _opens_relative(ctx: DocContext, token: Token) -> bool:
    """A relative pronoun opening a clause inside the subject: "qui", or an object "que"
    whatever its tag ("Le texte, que l'AFP a pu consulter, rappelle": the reader is not
    the speaker)."""
    words = ctx.grammar.relative_subjects | ctx.grammar.complementizers
    return token.lower_ in words


def _participle_clause(ctx: DocContext, token: Token) -> bool:
    """A past participle with its agent after a noun ("interrogé par l'AFP", "cité
    mardi par Reuters"); not "nommé en mai X", where the name is the noun's."""
    return (
        agent_after(ctx, token) is not None
        and token.pos_ == "VERB"
        and token.is_lower
        and has_morph(token, "VerbForm=Part")
        and not is_present_participle(token)
        and not role_participle(ctx, token)
    )


def _participle_after_comma(ctx: DocContext, token: Token) -> bool:
    """A comma opening a present participle or a gerund: ", confirmant …", ", en
    ajoutant …"."""
    after = ctx.tokens[token.i + 1 : token.i + 3]
    if token.text != "," or not after:
        return False
    gerund = after[0].lower_ in ctx.grammar.gerund_markers and len(after) > 1
    return is_present_participle(after[1] if gerund else after[0])
