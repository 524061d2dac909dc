"""Actor candidates: gazetteer names, governments, groups, and the NER's entities
trimmed and typed."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span

from claimx.components.actors.lexicon import ActorLexicon
from claimx.docs import Occupied, match_near
from claimx.kinds import ActorKind
from claimx.text import fold

_SKIP_HEAD_POS = {"DET", "ADP", "ADV", "VERB", "AUX", "SCONJ", "CCONJ", "PUNCT", "PRON", "SPACE"}


@dataclass(frozen=True)
class Candidate:
    """A mention proposed as an actor, with its kind and canonical name."""

    span: Span
    kind: ActorKind
    name: str
    from_gazetteer: bool


def candidates(doc: Doc, lex: ActorLexicon, blocked: list[Span]) -> list[Candidate]:
    """Every candidate mention, none overlapping another or a blocked span (chips)."""
    found: list[Candidate] = []
    taken = Occupied(blocked)
    free = taken.free

    def keep(span: Span, kind: ActorKind, name: str, known: bool = False) -> None:
        found.append(Candidate(span, kind, name, known))
        taken.take(span)

    for span in sorted(lex.gazetteer(doc, as_spans=True), key=lambda s: -len(s)):
        name, kind = lex.known[span.label_]
        if not any(c.isupper() for c in span.text):
            continue  # "arm", "meta": words, not Arm or Meta
        if span.label_ in lex.cities and not acting(lex, span):
            continue  # "à Washington" is a place; "Washington a annoncé" an actor
        if free(span):
            keep(span, kind, name, True)  # type: ignore[arg-type]
    # The matchers run only near their nouns (see match_near); a group is at most a
    # three-word determiner, the noun and its adjectives, a government its noun and name.
    for span in match_near(lex.governments, doc, lex.government_nouns, LOWER, 0, 8):
        if free(span):
            keep(span, "government", span.text)
    for span in match_near(lex.groups, doc, lex.group_nouns, LEMMA, 3, 8):
        if free(span):
            noun = [t for t in span if t.pos_ in ("NOUN", "ADJ")]
            keep(span, "group", doc[noun[0].i : span.end].text if noun else span.text)
    for ent in doc.ents:
        cleaned = _clean(lex, ent)
        if cleaned is None or not free(cleaned) or fold(cleaned.text) in lex.not_actors:
            continue
        if fold(cleaned.text) in lex.city_forms:
            continue  # "à Washington": the gazetteer said it does not act here
        ent_kind = _described_kind(lex, ent, cleaned) or _kind(lex, ent.label_, cleaned)
        if ent_kind == "country":
            keep(cleaned, ent_kind, lex.country_names[fold(cleaned.text)])
        elif ent_kind is not None:
            keep(cleaned, ent_kind, cleaned.text)
    return sorted(found, key=lambda c: c.span.start)


def acting(lex: ActorLexicon, span: Span) -> bool:
    """Whether a place name acts: a subject, or after "selon"."""
    if span.root.dep_.startswith("nsubj"):
        return True
    return span.start > 0 and span.doc[span.start - 1].lower_ in lex.grammar.source_prepositions


def _clean(lex: ActorLexicon, ent: Span) -> Span | None:
    """Trim determiners, titles, roles and verbs off an entity's edges."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end and (
        doc[start].pos_ in _SKIP_HEAD_POS
        or doc[start].text in lex.titles
        or fold(doc[start].text) in lex.role_words
        or doc[start].is_lower
    ):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    # "Banque publique Bpifrance": a description before the name is not part of it.
    lead = start
    while lead < end and (
        doc[lead].lower_ in lex.descriptions
        or (lead > start and doc[lead].pos_ == "ADJ" and doc[lead].is_lower)
    ):
        lead += 1
    if start < lead < end and doc[lead].text[:1].isupper():
        start = lead
    if start >= end:
        return None
    return doc[start:end]


def _kind(lex: ActorLexicon, label: str, span: Span) -> ActorKind | None:
    if any(ch.isdigit() for ch in span.text):
        return None
    if _portfolio(lex, span):
        return None  # "le ministre du Commerce extérieur": part of a title, not an actor
    if label == "PER":
        return "person" if span[0].is_title or span[0].is_upper else None
    if label == "ORG":
        return "organization"
    if label == "LOC":
        return "country" if fold(span.text) in lex.countries and acting(lex, span) else None
    if label == "MISC":
        org_cue = span.start > 0 and span.doc[span.start - 1].lemma_ in lex.descriptions
        if org_cue or (acting(lex, span) and all(t.pos_ == "PROPN" for t in span)):
            return "organization"
    return None


def _described_kind(lex: ActorLexicon, ent: Span, name: Span) -> ActorKind | None:
    """The kind a description noun just before a name gives it, whatever the NER guessed:
    "le quotidien Korea Herald", "le fabricant Norvia", "la banque publique Finora"."""
    if any(ch.isdigit() for ch in name.text) or _portfolio(lex, name):
        return None
    doc = name.doc
    i = name.start - 1
    while i >= ent.start and doc[i].pos_ == "ADJ" and doc[i].is_lower:
        i -= 1  # "la banque publique Finora", the NER's entity holding its description
    if i < 0 or "Plur" in doc[i].morph.get("Number", []):
        return None
    kind = lex.descriptions.get(doc[i].lower_) or lex.descriptions.get(doc[i].lemma_.lower())
    if kind in ("media", "organization", "government"):
        return kind  # type: ignore[no-any-return]
    return None


def _portfolio(lex: ActorLexicon, span: Span) -> bool:
    """Whether a name follows a minister's or commissioner's title: "ministre des
    Communications", "secrétaire au Commerce", "commissaire chargé du Numérique"."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in lex.grammar.portfolio_links:
        i -= 1
    return i < span.start - 1 and i >= 0 and doc[i].lower_ in lex.portfolio_roles
