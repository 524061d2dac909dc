"""Short names defined in the text: "l'Agence nationale de la sécurité des systèmes
d'information (Anssi)" makes "Anssi", here and wherever it comes again, the agency.

French copy writes such short names in capitals ("SGDSN") or as words ("Anssi", "Cnil",
"Arcom"). A one-word parenthesis right after an actor's mention defines one when its
letters are initials of the name, in order ("Anssi" in "Agence nationale de la sécurité
des systèmes d'information"), or, for an institution, when it is written in capitals
("service public de santé (NHS)"). Media and places are left alone: "Paris (Reuters)" is
a dateline, not a name.
"""

from __future__ import annotations

from spacy.attrs import LOWER
from spacy.tokens import Doc, Span

from claimx.columns import positions_of
from claimx.components.actors.lexicon import ActorLexicon
from claimx.components.hits import Actor
from claimx.docs import Occupied
from claimx.text import fold

_NAMED_KINDS = ("organization", "government", "group")


def add_acronyms(doc: Doc, actors: list[Actor], taken: Occupied) -> list[Actor]:
    """Give each short name its actor's mentions; an actor the NER made of the short name
    alone joins the named one. Returns the actors left."""
    owners: dict[str, Actor] = {}
    for actor in actors:
        for k, mention in enumerate(actor.mentions):
            whole = _with_complement(doc, mention)
            short = _defined_after(doc, whole, actor)
            if short is not None and short not in owners:
                owners[short] = actor
                actor.mentions[k] = whole
                taken.take(whole)
    if not owners:
        return actors
    for actor in list(actors):  # "Anssi" tagged alone by the NER is the agency
        owner = owners.get(actor.name)
        if owner is not None and owner is not actor and actor.kind in _NAMED_KINDS:
            owner.mentions.extend(actor.mentions)
            actors.remove(actor)
    forms = {doc.vocab.strings.add(v): short for short in owners for v in _variants(short)}
    lowered = {doc.vocab.strings.add(v.lower()) for short in owners for v in _variants(short)}
    for i in positions_of(doc, LOWER, lowered):  # the lower-case column other rules built
        span = doc[i : i + 1]
        if doc[i].orth in forms and taken.free(span):
            owners[forms[doc[i].orth]].mentions.append(span)
            taken.take(span)
    return actors


def _with_complement(doc: Doc, mention: Span) -> Span:
    """A mention with the lower-case complement the NER left off before a parenthesis:
    "Haute Autorité" + "des plateformes numériques" before "(HAPN)"."""
    end = mention.end
    while end < len(doc) and end - mention.end < 6 and doc[end].is_lower and doc[end].is_alpha:
        end += 1
    if end == mention.end or end >= len(doc) or doc[end].text != "(":
        return mention
    return doc[mention.start : end]


def _defined_after(doc: Doc, mention: Span, actor: Actor) -> str | None:
    """The short name in a one-word parenthesis right after `mention`, if it is one."""
    end = mention.end
    if end + 2 >= len(doc) or doc[end].text != "(" or doc[end + 2].text != ")":
        return None
    word = doc[end + 1].text
    if not (2 <= len(word) <= 10 and word.isalpha() and word[0].isupper()):
        return None
    if actor.kind not in _NAMED_KINDS:
        return None
    if _initials_in_order(word, mention.text) or (word.isupper() and len(mention) > 1):
        return word
    return None


def _initials_in_order(short: str, name: str) -> bool:
    """Whether the letters of `short` are initials of the words of `name`, in order, the
    first letter the name's first (function words may be skipped or used); a word-like
    short name may end on a syllable ("Arcom": Autorité de régulation de la
    communication …) once three of its letters are initials."""
    letters = fold(short).replace("-", "")
    words = [w for w in fold(name).replace("'", " ").replace("-", " ").split() if w]
    if not words or not letters or letters[0] != words[0][0]:
        return False
    k = 0
    for w in words:
        if k < len(letters) and w[0] == letters[k]:
            k += 1
    syllable = not short.isupper() and k >= 3 and len(words) >= 4
    return (k == len(letters) or syllable) and len(letters) >= 2


def join_spelled_out(lex: ActorLexicon, actors: list[Actor]) -> list[Actor]:
    """One actor for a short name in capitals and the name it spells out, wherever each
    comes ("Le RN …" then "le Rassemblement national"), and for two spellings of one
    name ("ST Microelectronics", "STMicroelectronics"). Persons are left alone."""
    bodies = [a for a in actors if a.kind in _NAMED_KINDS or a.kind == "media"]
    by_key: dict[str, Actor] = {}
    for actor in bodies:
        for key in (_squeezed(actor.name), _initials(lex, actor.name)):
            if key and key not in by_key:
                by_key[key] = actor
    for actor in bodies:
        short = actor.name
        squeezed = by_key.get(_squeezed(short))
        spelled = by_key.get(fold(short)) if short.isupper() and len(short) <= 6 else None
        owner = next((o for o in (squeezed, spelled) if o is not None and o is not actor), None)
        if owner is not None and owner.kind == actor.kind and actor in actors:
            owner.mentions.extend(actor.mentions)
            actors.remove(actor)
    return actors


def _squeezed(name: str) -> str:
    return "~" + fold(name).replace(" ", "").replace("-", "")


def _initials(lex: ActorLexicon, name: str) -> str | None:
    """The initials of a name's content words ("Rassemblement national" -> "rn")."""
    words = [w for w in fold(name).replace("'", " ").replace("-", " ").split() if w]
    content = [w for w in words if w not in lex.initials_skip]
    return "".join(w[0] for w in content) if len(content) >= 2 else None


def _variants(short: str) -> set[str]:
    return {short, short.upper(), short[0] + short[1:].lower()}


def add_described_acronyms(
    doc: Doc, lex: ActorLexicon, actors: list[Actor], taken: Occupied
) -> None:
    """A short name in capitals defined after a body described in lower case: "le service
    public de santé (NHS)", "la banque centrale européenne (BCE)" make the short name an
    actor, here and wherever it comes again (the description tells its kind)."""
    for i in positions_of(doc, LOWER, {doc.vocab.strings.add("(")}):
        if i + 2 >= len(doc) or doc[i + 2].text != ")":
            continue
        word = doc[i + 1]
        if not (word.is_upper and word.is_alpha and 2 <= len(word) <= 6):
            continue
        kind = _described_before(doc, lex, i)
        span = doc[i + 1 : i + 2]
        if kind is None or fold(word.text) in lex.not_actors:
            continue
        if not taken.free(span):  # the NER's: the description tells its kind
            for known in actors:
                if known.name == word.text and known.kind in _NAMED_KINDS:
                    known.kind = kind  # type: ignore[assignment]
            continue
        actor = Actor(word.text, kind, [span])  # type: ignore[arg-type]
        taken.take(span)
        for k in positions_of(doc, LOWER, {word.lower}):
            again = doc[k : k + 1]
            if doc[k].orth == word.orth and taken.free(again):
                actor.mentions.append(again)
                taken.take(again)
        actors.append(actor)


def _described_before(doc: Doc, lex: ActorLexicon, paren: int, most: int = 7) -> str | None:
    """The kind of the body a lower-case noun phrase ending at token `paren` describes:
    its first noun's, after an article ("le service public de santé")."""
    openers = lex.grammar.articles | lex.grammar.singular_contractions
    i = paren - 1
    while i >= 0 and paren - i <= most and doc[i].lower_ not in openers:
        if not doc[i].is_lower or doc[i].pos_ in ("VERB", "AUX"):
            return None
        i -= 1
    start = i + 1
    if start >= paren or i < 0 or doc[i].lower_ not in openers:
        return None
    kind = lex.descriptions.get(doc[start].lower_) or lex.public_bodies.get(doc[start].lower_)
    return kind if kind in ("organization", "government") else None
