"""Descriptions ("l'entreprise", "la société américaine", "le deuxième opérateur") linked
to the actor they stand for.

In order: the name a description stands in apposition to ("Meta, la société mère de
Facebook"); the actor the text introduced with the same noun ("le géant américain Amazon" …
"le géant américain"); else the last actor of its kind that agrees with it (see
`nationality.agreeing`). Never an actor that is the subject of the description's own clause
("Le groupe prendra un siège au conseil de la start-up": the start-up is not the groupe).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from spacy.tokens import Doc, Span, Token

from claimx.columns import has_morph, morph_has, words
from claimx.components.actor_index import ActorIndex
from claimx.components.actors.lexicon import ActorLexicon
from claimx.components.actors.nationality import agreeing
from claimx.components.hits import Actor
from claimx.docs import Occupied
from claimx.text import fold

_Description = tuple[str, int, int]  # (noun, first token of the noun, end of the noun)


def add_descriptions(
    doc: Doc, lex: ActorLexicon, actors: list[Actor], nouns: Iterable[tuple[int, int, int]]
) -> None:
    """Link each definite, singular description with no name after it to its actor, or,
    when none of its kind was named before, to the first named after (an article may open
    on "L'opérateur annonce …" and name Free later). `nouns`: the matches of
    `lex.description_nouns`."""
    index = ActorIndex(actors)
    taken = Occupied(m for a in actors for m in a.mentions)
    found = [(doc.vocab.strings[m], i, end) for m, i, end in nouns]
    introduced = _introduced(doc, index, found)
    w = words(doc)
    text, pos = w.text, w.pos
    for noun, i, end in found:
        kind = lex.descriptions.get(noun)
        first = i - 1
        if first > 0 and pos[first] in ("ADJ", "NUM") and text[first].islower():
            first -= 1  # "le deuxième opérateur", "le premier fabricant"
        determiner = w.lower[first] if first >= 0 else ""
        if kind is None or determiner not in lex.grammar.definite_determiners:
            continue
        if determiner in lex.grammar.possessive_determiners:
            continue  # "son site": what an actor owns
        if morph_has(doc, w.morph[i], "Number=Plur"):
            continue
        noun_end = end
        while end < w.size and pos[end] == "ADJ" and text[end].islower():
            end += 1
        if end > noun_end and text[i].istitle() and not doc[i].is_sent_start:
            continue  # "La Cour suprême": a capitalised noun and its qualifier name a body
        if _named_after(doc, end) or (kind == "person" and _person_after(doc, end)):
            continue  # a name follows: "l'entreprise chinoise DeepSeek", "le PDG de X Marc Roux"
        span = doc[first:end]
        if not taken.free(span) or (kind != "person" and _of_another(doc, lex, index, end)):
            continue  # "le site de la SNCF": the SNCF's, no medium named before
        token = doc[i]
        others = _clause_subjects(doc, index, i)
        introductions = [(at, a) for at, a in introduced.get(noun, []) if a.kind == kind]
        antecedent = _apposed(index, span, kind) or _introduced_before(introductions, i, others)
        if antecedent is None:
            antecedent = _agreeing(lex, index, span, token, kind, others)
        if antecedent is None and kind in _BODIES:  # "la banque centrale": Banque de France
            named = _besides(_opening_on(fold(noun)), others)
            antecedent = index.topic_before(i, _BODIES - {kind}, 80, 400, named)
        if antecedent is None and not index.last_before(i, {kind}, 400):
            antecedent = _first_named_after(actors, i, kind, others)
            if antecedent is not None and fold(noun) in lex.named_heads:
                # "la préfecture" is no presidency named later, only a préfecture
                antecedent = antecedent if antecedent.opens_on(fold(noun)) else None
        if antecedent is not None and _other_gender(lex, span, antecedent):
            antecedent = None  # "la patronne d'Orange" is not Martin Bouygues
        if antecedent is not None:
            index.add(antecedent, span)
            taken.take(span)


def _other_gender(lex: ActorLexicon, description: Span, person: Actor) -> bool:
    """Whether a person's first name and a description's article or noun disagree in
    gender ("la patronne", "Martin")."""
    if person.kind != "person" or not person.name.split():
        return False
    known = lex.first_name_genders.get(fold(person.name.split()[0]))
    shown = next(
        (g for t in description for g in ("Masc", "Fem") if has_morph(t, f"Gender={g}")), None
    )
    return known is not None and shown is not None and known != shown


# A body's description may take up a body of the other kind whose name opens on its noun:
# the gazetteer makes "Banque de France" a government, "la banque" describes a company.
_BODIES = frozenset({"organization", "government"})


def _opening_on(noun: str) -> Callable[[Actor], bool]:
    return lambda actor: actor.opens_on(noun)


def _agreeing(
    lex: ActorLexicon, index: ActorIndex, span: Span, token: Token, kind: str, others: set[int]
) -> Actor | None:
    """The topic of `kind` before the description that passes its agreement tests, most
    exacting first; none where the topic and the last body of its kind named differ."""
    for n, test in enumerate(agreeing(lex, span, token.text)):
        accept = _besides(test, others)
        found = index.topic_before(token.i, {kind}, 80, 400, accept)
        if found is None:
            continue
        # Past the exacting test (a name that opens on the noun), a topic not named in this
        # sentence or the one before must also be the last body of its kind named: with
        # another named since, the text does not say which.
        recent = index.last_before(token.i, {kind}, 400, accept=accept)
        if n > 0 and recent is not found and not _named_since(found, _previous_start(token)):
            return None
        return found
    return None


def _previous_start(token: Token) -> int:
    """The first token of the sentence before the token's (or of its own, the first)."""
    start = token.sent.start
    return token.doc[start - 1].sent.start if start > 0 else start


def _named_since(actor: Actor, start: int) -> bool:
    return any(m.start >= start for m in actor.mentions)


def _besides(test: Callable[[Actor], bool], others: set[int]) -> Callable[[Actor], bool]:
    return lambda actor: id(actor) not in others and test(actor)


def _apposed(index: ActorIndex, span: Span, kind: str) -> Actor | None:
    """The actor named right before a comma that opens the description: "Meta, la société
    mère de Facebook"."""
    comma = span.start - 1
    if comma < 1 or words(span.doc).text[comma] != ",":
        return None
    for mention in index.mentions_in(max(0, comma - 8), comma):
        actor = index.owner(mention)
        if mention.end == comma and actor is not None and actor.kind == kind:
            return actor
    return None


def _introduced(
    doc: Doc, index: ActorIndex, found: list[_Description]
) -> dict[str, list[tuple[int, Actor]]]:
    """Each noun's introductions: the actors named right after it ("la start-up Kelvio",
    "le géant américain du commerce en ligne Amazon"), with the noun's position."""
    introduced: dict[str, list[tuple[int, Actor]]] = {}
    w = words(doc)
    text, pos = w.text, w.pos
    for noun, i, end in found:
        j, complement = end, False
        while j < w.size and j - end < 8 and text[j].islower() and not w.punct[j]:
            if pos[j] in ("VERB", "AUX"):
                break
            if pos[j] != "DET":  # "le gouvernement de | Giorgia Meloni": its complement
                complement = pos[j] == "ADP"
            j += 1
        if complement:
            continue
        for mention in index.mentions_in(j, j + 8):
            actor = index.owner(mention)
            if mention.start == j and actor is not None:
                introduced.setdefault(noun, []).append((i, actor))
                break
    return introduced


def _introduced_before(
    introductions: list[tuple[int, Actor]], i: int, others: set[int], window: int = 400
) -> Actor | None:
    """The actor last introduced with the description's noun before token `i`."""
    before = [
        (at, actor)
        for at, actor in introductions
        if at < i and i - at <= window and id(actor) not in others
    ]
    return max(before, key=lambda pair: pair[0])[1] if before else None


def _clause_subjects(doc: Doc, index: ActorIndex, i: int) -> set[int]:
    """The ids of the actors named as the subject of the clause a description (its noun at
    token `i`) is in: "Le groupe obtiendra un siège au conseil de la start-up" (not of a
    clause it depends on: "Nvidia a indiqué que le groupe …" may mean Nvidia)."""
    w = words(doc)
    pos, head = w.pos, w.head
    verb = i
    for _ in range(12):
        if pos[verb] in ("VERB", "AUX") or head[verb] == verb:
            break
        verb = head[verb]
    if pos[verb] not in ("VERB", "AUX"):
        return set()
    subjects: set[int] = set()
    for child in doc[verb].children:
        if child.dep_.startswith("nsubj") and child.i != i:
            for mention in index.covering(child.i):
                actor = index.owner(mention)
                if actor is not None:
                    subjects.add(id(actor))
    return subjects


def _first_named_after(
    actors: list[Actor], i: int, kind: str, others: set[int], reach: int = 200
) -> Actor | None:
    """The actor of `kind` first named within `reach` tokens after token `i`, when it is
    named nowhere before."""
    best: tuple[int, Actor] | None = None
    for actor in actors:
        if actor.kind != kind or not actor.mentions or id(actor) in others:
            continue
        start = min(m.start for m in actor.mentions)
        if i < start <= i + reach and (best is None or start < best[0]):
            best = (start, actor)
    return best[1] if best is not None else None


def _of_another(doc: Doc, lex: ActorLexicon, index: ActorIndex, i: int) -> bool:
    """Whether the complement at token `i` names a body ("le site de la SNCF"); not a
    place the press names a company by ("le groupe de Redmond", whatever the NER read)."""
    w = words(doc)
    if i >= w.size or w.lower[i] not in lex.grammar.complement_prepositions:
        return False
    start = i + 2 if i + 1 < w.size and w.pos[i + 1] == "DET" else i + 1
    bodies = ("organization", "government", "media")
    return any(
        m.start == start and index.kind_of(m) in bodies for m in index.mentions_in(start, start + 1)
    )


def _named_after(doc: Doc, i: int) -> bool:
    """Whether a proper name completes the noun phrase starting at token `i`."""
    w = words(doc)
    after_preposition = False
    for k in range(i, min(i + 6, w.size)):
        pos = w.pos[k]
        # a name, or a word inside one the NER found; not "la tech" tagged a name
        proper = w.text[k][:1].isupper() and (pos == "PROPN" or not doc[k].is_sent_start)
        if proper or doc[k].ent_type_ in ("ORG", "PER", "MISC"):
            # "l'entreprise de la Silicon Valley": a name right after "de" is a complement;
            # "le géant américain des puces Nvidia": a name after the complement is its name
            return not after_preposition
        if pos == "ADP":
            after_preposition = True
        elif pos in ("NOUN", "ADJ", "PROPN"):
            after_preposition = False
        elif pos != "DET":
            return False
    return False


def _person_after(doc: Doc, i: int, reach: int = 6) -> bool:
    """Whether a person's name ends a role's phrase starting at token `i`, past the body
    it heads: "le PDG | de Canal+ Marc Roux", "la patronne | d'Air France, Anne Rigail"."""
    w = words(doc)
    for k in range(i, min(i + reach, w.size)):
        token = doc[k]
        if token.ent_type_ == "PER" and token.ent_iob_ == "B":
            return True
        if w.pos[k] in ("VERB", "AUX") or (w.punct[k] and w.text[k] not in (",", "+")):
            return False
    return False
