"""What an entity is, whatever label the NER gave it: a place that acts (a subject, after
"selon", an act's agent), a body a description or a role introduces ("le fabricant
Norvia", "le patron de Telvia"), a person."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimx.columns import has_morph, morph_has, words
from claimx.components.actors.lexicon import ActorLexicon
from claimx.components.actors.names import portfolio
from claimx.docs import span_text
from claimx.kinds import ActorKind
from claimx.text import fold


def acting(lex: ActorLexicon, span: Span) -> bool:
    """Whether a place name acts: a subject, after "selon", or the agent of an act ("mis
    en place par les États-Unis", "l'annonce par Washington"), alone or coordinated
    ("par les États-Unis et les Pays-Bas")."""
    if span.root.dep_.startswith("nsubj"):
        return True
    doc = span.doc
    w = words(doc)
    text, lower = w.text, w.lower
    i = _before_determiner(lex, lower, span.start - 1)
    if i > 0 and lower[i] in ("et", ","):
        j = i - 1  # back over the name coordinated before: "les États-Unis et"
        while j > 0 and i - j <= 6 and (text[j][:1].isupper() or text[j] == "-"):
            j -= 1
        i = _before_determiner(lex, lower, j)
    if i < 0:
        return False
    if lower[i] in lex.grammar.source_prepositions:
        return True
    agent = lower[i] == "par" and i > 0
    return agent and (w.pos[i - 1] == "NOUN" or morph_has(doc, w.morph[i - 1], "VerbForm=Part"))


def _before_determiner(lex: ActorLexicon, lower: list[str], i: int) -> int:
    """Token `i`, or the one before it when `i` is an article ("selon l'Arcom")."""
    if i > 0 and lower[i] in lex.grammar.articles:
        return i - 1
    return i


def _eponym(span: Span) -> bool:
    """A lone name after a plural noun is what things are named after, not someone
    acting: "les médailles Fields"."""
    doc = span.doc
    before = doc[span.start - 1] if span.start > 0 else None
    return (
        len(span) == 1
        and before is not None
        and before.pos_ == "NOUN"
        and before.is_lower
        and has_morph(before, "Number=Plur")
    )


def entity_kind(lex: ActorLexicon, label: str, span: Span) -> ActorKind | None:
    """The kind of an entity by its NER label, or None when it is no actor; a body named
    by a public institution's noun is a government ("Cour des comptes", "Conseil d'État")."""
    kind = _kind_by_label(lex, label, span)
    return "government" if kind == "organization" and public_body(lex, span) else kind


def public_body(lex: ActorLexicon, span: Span) -> bool:
    """Whether a name opens on a public institution's noun, capitalised: "Cour des
    comptes", "Conseil d'État", "Haute Autorité de santé", "Agence nationale de …"."""
    words = [t for t in span if t.lower_ != "haute"]
    if not words or not words[0].is_title:
        return False
    head = words[0].lower_
    if head == "agence":  # a news agency unless national or federal
        return len(words) > 1 and words[1].lower_ in lex.public_agency_adjectives
    return lex.descriptions.get(head) == "government" and head not in ("autorités",)


def _kind_by_label(lex: ActorLexicon, label: str, span: Span) -> ActorKind | None:
    text = span_text(span)
    if any(ch.isdigit() for ch in text):
        return None
    if portfolio(lex, span):
        return None  # "le ministre du Commerce extérieur": part of a title, not an actor
    if label == "PER":
        if _eponym(span):
            return None
        if _role_complement(lex, span) or lex.names_a_body(text):
            return "organization"  # "le patron de Telvia": whom the role serves
        return "person" if span[0].is_title or span[0].is_upper else None
    if label == "ORG":
        return "organization"
    if label == "LOC":
        if lex.names_a_body(text):
            return "organization"  # "Norvel Systèmes", read as a place
        if fold(text) in lex.country_names:
            return "country" if acting(lex, span) else None
        return "organization" if _body_read_as_place(lex, span) else None
    if label == "MISC":
        org_cue = span.start > 0 and span.doc[span.start - 1].lemma_ in lex.descriptions
        if org_cue or (acting(lex, span) and all(_name_token(t) for t in span)):
            return "organization"
    return None


def _name_token(token: Token) -> bool:
    """A word of a name: a proper noun, or a capitalised word the tagger took for a common
    noun inside a sentence ("Eutelsat a besoin")."""
    if token.pos_ == "PROPN":
        return True
    return token.pos_ == "NOUN" and token.text[:1].isupper() and not token.is_sent_start


def _role_complement(lex: ActorLexicon, span: Span) -> bool:
    """A name right after a role and "de" ("le patron de X", "la PDG d'X"): a body."""
    w = words(span.doc)
    i = span.start
    return (
        i >= 2
        and w.lower[i - 1] in lex.grammar.complement_prepositions
        and fold(w.text[i - 2]) in lex.role_words
    )


def _body_read_as_place(lex: ActorLexicon, span: Span) -> bool:
    """A one-word name with an article that acts, which the NER took for a place: "l'Arcom
    estime", "selon la Cnil" (places go without one: "Paris"; countries are known)."""
    w = words(span.doc)
    start = span.start
    article = start > 0 and w.lower[start - 1] in lex.grammar.singular_determiners
    return len(span) == 1 and w.text[start][:1].isupper() and article and acting(lex, span)


def described_kind(lex: ActorLexicon, ent: Span, name: Span) -> ActorKind | None:
    """The kind a description noun just before a name gives it, whatever the NER guessed:
    "le quotidien Korea Herald", "le fabricant Norvia", "la banque publique Finora"."""
    if any(ch.isdigit() for ch in span_text(name)) or portfolio(lex, name):
        return None
    doc = name.doc
    w = words(doc)
    lower = w.lower
    i = _skip_adjectives(doc, name.start - 1, max(0, min(ent.start, name.start - 3)))
    trade = None
    if i >= 2 and w.pos[i] == "NOUN" and w.text[i].islower():
        of = i - 1
        if lower[of] in ("la", "l'", "l’") and of > 0:
            of -= 1  # "le leader de la cybersécurité X"
        if lower[of] in _OF or lower[of] in ("du", "des"):
            trade = lower[i]  # "l'agence de communication Avelis", "le géant du secteur X"
            i = _skip_adjectives(doc, of - 1, max(0, of - 3))
    if i < 0 or morph_has(doc, w.morph[i], "Number=Plur") or w.text[i].istitle():
        return None  # "de la Commission Ursula von der Leyen": a name, no description
    kind = lex.descriptions.get(lower[i]) or lex.descriptions.get(w.lemma[i].lower())
    if kind == "media" and trade is not None and trade not in lex.media_trades:
        return "organization"  # "une agence de notation": a firm, not a news agency
    if kind in ("media", "organization", "government"):
        return kind  # type: ignore[no-any-return]
    return None


_OF = ("de", "d'", "d’")


def _skip_adjectives(doc: Doc, i: int, lowest: int) -> int:
    """Back over lowercase adjectives from token `i`, not below `lowest`."""
    w = words(doc)
    while i >= lowest and w.pos[i] == "ADJ" and w.text[i].islower():
        i -= 1  # "la banque publique Finora", "le fabricant taïwanais Norvia"
    return i
