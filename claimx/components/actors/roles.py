"""Roles from appositions ("Le PDG de Nvidia, Jensen Huang") and descriptions
("l'entreprise", "la société américaine") linked to the actor they stand for."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimx.components.actor_index import ActorIndex
from claimx.components.actors.lexicon import ActorLexicon
from claimx.components.actors.nationality import agreeing
from claimx.components.hits import Actor
from claimx.docs import Occupied, has_morph


def add_roles(doc: Doc, lex: ActorLexicon, actors: list[Actor]) -> None:
    """Keep roles from appositions: "Le PDG de Nvidia, Jensen Huang", "Joe Biden, président"."""
    role_starts = {start: end for _, start, end in lex.roles(doc)}
    for actor in actors:
        # The NER read a person as an organization: a person's role in apposition
        # ("Sundar Pichai, directeur général de Google,") settles it.
        if (
            actor.kind == "organization"
            and _looks_like_a_name(actor.name)
            and not lex.names_a_body(actor.name)
            and any(
                _role_after(doc, m, role_starts) or _role_apposed_before(doc, m, role_starts)
                for m in actor.mentions
            )
        ):
            actor.kind = "person"
        if actor.kind != "person":
            continue
        for mention in list(actor.mentions):
            role = _role_before(doc, mention, role_starts) or _role_after(doc, mention, role_starts)
            if role is None:
                continue
            if role.text not in actor.roles:
                actor.roles.append(role.text)
            if role.end < mention.start:
                with_det = doc[max(role.start - 1, 0) : role.end]
                if with_det[0].pos_ == "DET":
                    actor.mentions.append(with_det)


def _role_before(doc: Doc, mention: Span, role_starts: dict[int, int]) -> Span | None:
    i = mention.start - 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i >= 0 and doc[i].text == ")":
        # "La cheffe du Parti vert (PV, gauche), Ana Ruiz": past the parenthesis
        opening = next((k for k in range(i - 1, max(-1, i - 16), -1) if doc[k].text == "("), None)
        if opening is not None:
            i = opening - 1
    j = i
    while j >= 0 and i - j <= 7 and doc[j].pos_ not in ("VERB", "AUX", "PUNCT"):
        if j in role_starts and (doc[j - 1].pos_ in ("DET", "ADJ") if j > 0 else True):
            start = j - 1 if j > 0 and doc[j - 1].pos_ == "ADJ" else j
            span = doc[start : i + 1]
            if span.text and not any(t.ent_type_ == "PER" for t in span):
                return span
        j -= 1
    return None


def _role_apposed_before(doc: Doc, mention: Span, role_starts: dict[int, int]) -> bool:
    """A role then a comma right before the name: "le directeur général du groupe, X"."""
    return (
        mention.start > 1
        and doc[mention.start - 1].text == ","
        and _role_before(doc, mention, role_starts) is not None
    )


def _role_after(doc: Doc, mention: Span, role_starts: dict[int, int]) -> Span | None:
    i = mention.end
    if i >= len(doc) or doc[i].text != ",":
        return None
    i += 1
    if i < len(doc) and doc[i].pos_ == "DET":
        i += 1
    if i < len(doc) and doc[i].pos_ == "ADJ":
        i += 1
    if i not in role_starts:
        return None
    end = i
    while end < len(doc) and end - i < 8 and doc[end].text not in (",", ".", ";", ":"):
        if doc[end].pos_ in ("VERB", "AUX"):
            return None
        end += 1
    start = mention.end + 1
    if doc[start].pos_ == "DET":
        start += 1
    return doc[start:end] if end > start else None


def add_descriptions(doc: Doc, lex: ActorLexicon, actors: list[Actor]) -> None:
    """Link "l'entreprise", "la société américaine", "le deuxième opérateur" to the last
    actor of their kind, or, when none was named before, to the first named after (an
    article may open on "L'opérateur annonce …" and name Free later)."""
    index = ActorIndex(actors)
    taken = Occupied(m for a in actors for m in a.mentions)
    for match_id, i, end in lex.description_nouns(doc):
        kind = lex.descriptions.get(doc.vocab.strings[match_id])
        first = i - 1
        if first > 0 and doc[first].pos_ in ("ADJ", "NUM") and doc[first].is_lower:
            first -= 1  # "le deuxième opérateur", "le premier fabricant"
        determiner = doc[first].lower_ if first >= 0 else ""
        if kind is None or determiner not in lex.grammar.definite_determiners:
            continue
        if determiner in lex.grammar.possessive_determiners:
            continue  # "son site": what an actor owns
        token = doc[i]
        if has_morph(token, "Number=Plur"):
            continue
        while end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].is_lower:
            end += 1
        span = doc[first:end]
        if _named_after(doc, end):
            continue  # a name follows: "l'entreprise chinoise DeepSeek"
        if not taken.free(span):
            continue
        tests = agreeing(lex, span, token.text)
        antecedent = next(
            filter(None, (index.topic_before(token.i, {kind}, 80, 400, test) for test in tests)),
            None,
        )
        if antecedent is None and not index.last_before(token.i, {kind}, 400):
            antecedent = _first_named_after(actors, token.i, kind)
        if antecedent is not None:
            index.add(antecedent, span)
            taken.take(span)


def _first_named_after(actors: list[Actor], i: int, kind: str, reach: int = 200) -> Actor | None:
    """The actor of `kind` first named within `reach` tokens after token `i`, when it is
    named nowhere before."""
    best: tuple[int, Actor] | None = None
    for actor in actors:
        if actor.kind != kind or not actor.mentions:
            continue
        start = min(m.start for m in actor.mentions)
        if i < start <= i + reach and (best is None or start < best[0]):
            best = (start, actor)
    return best[1] if best is not None else None


def _looks_like_a_name(name: str) -> bool:
    """Two or three capitalised words, as a person's name is written ("Sundar Pichai")."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words)


def _named_after(doc: Doc, i: int) -> bool:
    """Whether a proper name completes the noun phrase starting at token `i`."""
    after_preposition = False
    for token in doc[i : min(i + 6, len(doc))]:
        # a name, or a word inside one the NER found; not "la tech" tagged a name
        proper = token.text[:1].isupper() and (token.pos_ == "PROPN" or not token.is_sent_start)
        if proper or token.ent_type_ in ("ORG", "PER", "MISC"):
            # "l'entreprise de la Silicon Valley": a name right after "de" is a complement;
            # "le géant américain des puces Nvidia": a name after the complement is its name
            return not after_preposition
        if token.pos_ == "ADP":
            after_preposition = True
        elif token.pos_ in ("NOUN", "ADJ", "PROPN"):
            after_preposition = False
        elif token.pos_ != "DET":
            return False
    return False
