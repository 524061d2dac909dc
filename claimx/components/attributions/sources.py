"""Who speaks: the subject of a reporting verb, the speaker after an incise or before a
colon, the source after "selon", pronouns and relative "qui" resolved to actors."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Doc, Span, Token

from claimx.components.actor_index import is_subject
from claimx.components.attributions.context import DocContext, is_present_participle
from claimx.components.hits import Actor
from claimx.text import fold

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
    actor = _cataphora(ctx, pronoun) or resolve_pronoun(ctx, pronoun, skip)
    return (actor, actor.name) if actor else (None, pronoun.text.lstrip("-"))


def _cataphora(ctx: DocContext, pronoun: Token) -> Actor | None:
    """A pronoun in a clause set before the main one speaks for the main clause's subject:
    "S'il souligne que …, Brad Smith estime que …"."""
    clause = pronoun.head
    main = clause.head
    if clause.dep_ != "advcl" or main.i <= pronoun.i:
        return None
    entry = ctx.grammar.pronoun_entry(pronoun.lower_)
    for child in main.children:
        if child.dep_ == "nsubj" and child.i > clause.i:
            for mention in ctx.actors.covering(child.i):
                actor = ctx.actors.owner(mention)
                if actor is not None and entry is not None and actor.kind in entry[1]:
                    return actor
    return None


def _mention_source(ctx: DocContext, mention: Span) -> Source:
    return ctx.actors.owner(mention), ctx.actors.name_of(mention)


def subject(ctx: DocContext, sent: Span, verb: Token) -> Source:
    """The speaker of a forward reporting verb: its subject, or the last actor before it."""
    doc = ctx.doc
    head = verb
    participle = is_present_participle(verb)
    start = ctx.left_extend(verb).i
    if not any(c.dep_.startswith("nsubj") for c in verb.children) and not participle:
        # "…, et TechInsights se refuse à tout commentaire": a name right before the verb
        # group is its subject, whatever the parser made of the coordination.
        adjacent = [m for m in ctx.actors.mentions_in(max(0, start - 8), start) if m.end == start]
        if adjacent:
            return _mention_source(ctx, adjacent[0])
        name = _name_before(ctx, sent, start)
        if name is not None:
            return None, name.text
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
    opening = doc[sent.start : start]
    if 0 < len(opening) <= 4 and opening[-1].pos_ in ("PROPN", "NOUN") and ctx.can_speak(opening):
        return None, opening.text
    return None, None


def _name_before(ctx: DocContext, sent: Span, start: int) -> Span | None:
    """A capitalised name right before a verb group, after a conjunction or a comma (the
    tagger may read it as an adjective: "… et TechInsights se refuse")."""
    doc = ctx.doc
    i = start
    while i > sent.start and start - i < 4 and doc[i - 1].text[:1].isupper():
        i -= 1
    if i == start or i == sent.start or doc[i - 1].pos_ not in ("CCONJ", "PUNCT"):
        return None
    return doc[i:start]


def inverted_subject(ctx: DocContext, sent: Span, cue: Span, content: Span) -> Source:
    """The speaker after an incise's verb: "…, a déclaré le ministre", "…, estime-t-il"."""
    verb = cue[0]
    pron = ctx.inversion_pronoun(verb)
    if pron is not None:
        # After a direct quotation the speaker is not someone it names; after indirect
        # speech the statement's own subject often is the speaker ("X investira …,
        # a-t-elle indiqué").
        quoted = any(q.start == content.start and q.end == content.end for q in ctx.quotes)
        return pronoun_source(ctx, pron, (content.start, content.end) if quoted else None)
    later = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i >= cue.end]
    if later:  # the parser found the inverted subject
        return source_from(ctx, later[0])
    phrase = inverted_phrase(ctx, sent, cue.end)
    inside = ctx.actors.mentions_in(phrase.start, phrase.end)
    if inside:
        return speaker_in(ctx, phrase, inside)
    return phrase_source(ctx, phrase)


_PHRASE_STOPS = {",", ";", ":", ".", "!", "?", "«", "»", "“", "”", '"', "(", ")", "—", "–"}


def inverted_phrase(ctx: DocContext, sent: Span, start: int, past_complements: bool = True) -> Span:
    """The noun phrase after an inverted verb, past a time ("a rapporté vendredi le FT")
    or the person addressed ("affirme au journal un proche"), up to a comma, a verb, a
    relative or a preposition opening a complement of place or means."""
    doc, grammar = ctx.doc, ctx.grammar
    first = start
    while start < sent.end and doc[start].pos_ in ("NOUN", "ADV") and doc[start].is_lower:
        start += 1  # "a rapporté vendredi le Financial Times", "a précisé hier le ministre"
    if start < sent.end and doc[start].lower_ in grammar.addressee_prepositions:
        j = start + 1
        while j < sent.end and doc[j].pos_ not in ("NOUN", "PROPN") and not doc[j].is_punct:
            j += 1
        while j < sent.end and doc[j].pos_ in ("NOUN", "PROPN"):
            j += 1
        if j < sent.end and doc[j].pos_ in ("DET", "PROPN"):
            start = j
    if past_complements and start < sent.end and doc[start].pos_ == "ADP":
        # "déclare dans un entretien paru lundi dans Les Echos le PDG du groupe": past the
        # complements, to the first noun phrase no preposition governs.
        j = start + 1
        while j < sent.end and doc[j].text not in _PHRASE_STOPS:
            if doc[j].pos_ in ("DET", "PROPN") and doc[j - 1].pos_ not in ("ADP", "DET", "PROPN"):
                start = j
                break
            j += 1
    if start < sent.end and doc[start].pos_ not in ("DET", "PROPN"):
        start = first
    end = start
    seen_noun = False
    while end < sent.end:
        token = doc[end]
        if token.text == "," and seen_noun and _apposed_name(doc, end + 1, sent.end):
            end = _apposed_name(doc, end + 1, sent.end)
            break  # "le directeur financier de Norvia, Paul Estrade"
        if (
            token.text in _PHRASE_STOPS
            or token.pos_ in ("VERB", "AUX")
            or token.lower_ in grammar.relative_subjects
            or token.lower_ in grammar.source_prepositions
            or (
                seen_noun
                and token.pos_ == "ADP"
                and token.lower_ not in grammar.complement_prepositions
            )
        ):
            break
        seen_noun = seen_noun or token.pos_ in ("NOUN", "PROPN")
        end += 1
    return doc[start:end]


def _apposed_name(doc: Doc, start: int, limit: int) -> int:
    """The end of a proper name standing alone between commas from `start`, or 0."""
    end = start
    while end < limit and doc[end].pos_ == "PROPN":
        end += 1
    closed = end == limit or doc[end].is_punct
    return end if end > start and closed else 0


def phrase_source(ctx: DocContext, phrase: Span) -> Source:
    """A speaker written as a phrase naming no actor: a document or an outlet cited
    before ("le communiqué", "le journal") stands for it; else the phrase as written,
    if it can speak."""
    described = described_actor(ctx, phrase)
    if described is not None:
        return described, described.name
    text = phrase.text.strip(" ,")
    body = _body_of_voice(ctx, phrase)
    if body is not None:  # "un porte-parole du ministère": the ministry speaks
        return body, text
    return (None, text) if text and ctx.can_speak(phrase) else (None, None)


def _body_of_voice(ctx: DocContext, phrase: Span) -> Actor | None:
    """The institution a role speaks for, named by a description in the role's
    complement: "un porte-parole du ministère", "une porte-parole de la société"."""
    tokens = [t for t in phrase if not t.is_punct]
    if len(tokens) < 3 or fold(tokens[1].text) not in ctx.lexicon.role_nouns:
        return None
    for prev, token in pairwise(tokens):
        kind = ctx.lexicon.description_kinds.get(token.lemma_.lower())
        if kind in ("organization", "government", "media") and (
            prev.lower_ in ctx.grammar.complement_prepositions
            or prev.lower_ in ctx.grammar.definite_determiners
        ):
            return ctx.actors.last_before(phrase.start, {kind}, 400)
    return None


def described_actor(ctx: DocContext, phrase: Span) -> Actor | None:
    """The actor a definite description of a document or an outlet stands for: "le
    communiqué", "le texte" -> the last speaker named; "le journal", "l'agence" -> the
    last medium mentioned."""
    tokens = [t for t in phrase if not t.is_punct]
    if len(tokens) < 2 or tokens[0].lower_ not in ctx.grammar.definite_determiners:
        return None
    noun = tokens[1].lemma_.lower()
    lexicon = ctx.lexicon
    if fold(tokens[1].text) in lexicon.role_nouns:
        role = fold(tokens[1].text)
        person = _person_in_role(ctx, phrase, role)
        if person is not None:
            return person
        # "le porte-parole" after "un porte-parole du ministère" spoke: the same voice.
        for hit in reversed(ctx.hits):
            if hit.source is not None and role in fold(hit.source_text or "").split():
                return hit.source
        return None
    if noun in lexicon.media_nouns:
        return ctx.actors.last_before(phrase.start, {"media"}, 400)
    if noun in lexicon.document_nouns:
        for hit in reversed(ctx.hits):
            if hit.source is not None and hit.cue.start < phrase.start:
                return hit.source
        return _last_subject(ctx, phrase.start, ("organization", "government", "media"))
    return None


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
    return phrase_source(ctx, phrase)


def _last_subject(ctx: DocContext, i: int, kinds: tuple[str, ...]) -> Actor | None:
    """The actor of one of `kinds` last named as a subject before token `i` (within two
    sentences' reach), else the last one named."""
    for mention in reversed(ctx.actors.mentions_in(max(0, i - 120), i)):
        actor = ctx.actors.owner(mention)
        if actor is not None and actor.kind in kinds and is_subject(mention):
            return actor
    return ctx.actors.last_before(i, set(kinds), 400)


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
    doc = ctx.doc
    people = [m for m in mentions if ctx.actors.kind_of(m) == "person"]
    # "un proche de X", "l'avocat de X": a person in a noun's complement does not speak.
    complements = [
        m
        for m in people
        if m.start > phrase.start
        and doc[m.start - 1].lower_ in ctx.grammar.complement_prepositions
        and any(t.pos_ == "NOUN" for t in doc[phrase.start : m.start - 1])
    ]
    if complements and len(complements) == len(people):
        return None, phrase.text.strip(" ,")
    people = [m for m in people if m not in complements]
    if people:
        mention = min(people, key=lambda m: m.start)
        return ctx.actors.owner(mention), ctx.actors.name_of(mention)
    mention = min(mentions, key=lambda m: m.start)
    owner = ctx.actors.owner(mention)
    lead = [t for t in phrase if t.i < mention.start and not t.is_punct]
    if phrase.start <= mention.start < phrase.end and any(t.pos_ == "NOUN" for t in lead):
        return owner, phrase.text.strip(" ,")
    if owner is not None and owner.kind == "group" and mention.end < phrase.end:
        return owner, phrase.text.strip(" ,")  # "des responsables de la Maison Blanche"
    return owner, ctx.actors.name_of(mention)


def joint_speakers(ctx: DocContext, verb: Token) -> list[Actor]:
    """The actors a coordinated subject names ("Reuters et Bloomberg rapportent"), or a
    numbered plural description stands for ("les deux sociétés" -> the last two)."""
    head = verb if verb.pos_ in ("VERB", "AUX") else verb.head
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass")]
    if not subjects:
        return []
    subject = subjects[0]
    found: list[Actor] = []
    coordinated = [subject]
    for token in subject.subtree:  # "X, Y et Z": conjuncts of the subject itself only
        if token.dep_ == "conj" and token.head in coordinated:
            coordinated.append(token)
    for token in coordinated:
        for mention in ctx.actors.covering(token.i):
            actor = ctx.actors.owner(mention)
            if actor is not None and actor not in found:
                found.append(actor)
    if len(found) >= 2:
        return found
    return _numbered_description(ctx, subject)


def _numbered_description(ctx: DocContext, noun: Token) -> list[Actor]:
    """ "les deux sociétés", "les trois groupes": the last N actors of the noun's kind."""
    count = next(
        (ctx.lexicon.numbers.get(c.lower_) for c in noun.children if c.dep_ == "nummod"), None
    )
    kind = ctx.lexicon.description_kinds.get(noun.lemma_.lower())
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
