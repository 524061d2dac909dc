"""Roles from appositions ("Le PDG de Nvidia, Jensen Huang", "Joe Biden, président")."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimx.columns import has_morph
from claimx.components.actors.lexicon import ActorLexicon
from claimx.components.hits import Actor


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
    while j >= 0 and i - j <= 10 and _in_title(doc[j]):
        if j in role_starts and (doc[j - 1].pos_ in ("DET", "ADJ") if j > 0 else True):
            start = j - 1 if j > 0 and doc[j - 1].pos_ == "ADJ" else j
            span = doc[start : i + 1]
            if _framed(doc, start, i, mention):
                return None  # "Pour l'analyste, Dassault …": a source's frame, not a title
            # no person named inside (the NER reads a bare title as a person too: "le
            # président de la République, X")
            if span.text and not any(t.ent_type_ == "PER" and t.pos_ == "PROPN" for t in span):
                return span
        j -= 1
    return None


def _in_title(token: Token) -> bool:
    """A word a title may hold: no verb but a participle ("la ministre déléguée chargée du
    Numérique"), no punctuation."""
    if token.pos_ == "PUNCT" or token.pos_ == "AUX":
        return False
    return token.pos_ != "VERB" or has_morph(token, "VerbForm=Part")


def _framed(doc: Doc, start: int, end: int, mention: Span) -> bool:
    """Whether a role before a comma and a name opens on a preposition and the name goes on
    into its clause ("Pour l'analyste, Dassault Systèmes résoudra"): the frame of what
    follows, not the name's title (unlike "Selon le PDG de Nvidia, Jensen Huang, …")."""
    opener = start - 1
    if opener >= 0 and doc[opener].pos_ == "DET":
        opener -= 1
    comma = end + 1 == mention.start - 1 and doc[end + 1].text == ","
    closed = mention.end < len(doc) and doc[mention.end].text == ","  # "Selon le PDG, X, …"
    return comma and not closed and opener >= 0 and doc[opener].pos_ == "ADP"


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


def _looks_like_a_name(name: str) -> bool:
    """Two or three capitalised words, as a person's name is written ("Sundar Pichai")."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words)
