"""Actor candidates: gazetteer names, governments, groups, and the NER's entities
trimmed and typed."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span

from claimx.columns import words
from claimx.components.actors.entity_kinds import acting, described_kind, entity_kind
from claimx.components.actors.extents import (
    capitalised,
    complements_end,
    country_branch,
    full_name,
    group_heads,
    head_of_longer_name,
    portfolios_end,
    trimmed,
    whole_names,
)
from claimx.components.actors.lexicon import ActorLexicon
from claimx.components.actors.names import (
    dateline,
    described_names,
    event_names,
    first_name_at,
    named_event,
    numbered,
    person_tails,
)
from claimx.docs import Occupied, match_near, span_text, words_text
from claimx.kinds import ActorKind
from claimx.text import fold


@dataclass(frozen=True)
class Candidate:
    """A mention proposed as an actor, with its kind and canonical name."""

    span: Span
    kind: ActorKind
    name: str
    from_gazetteer: bool


def candidates(
    doc: Doc, lex: ActorLexicon, blocked: list[Span], nouns: Sequence[tuple[int, int, int]]
) -> list[Candidate]:
    """Every candidate mention, none overlapping another or a blocked span (chips);
    `nouns`: the matches of `lex.description_nouns` in the doc."""
    found: list[Candidate] = []
    taken = Occupied(blocked)
    free = taken.free

    def keep(span: Span, kind: ActorKind, name: str, known: bool = False) -> None:
        found.append(Candidate(span, kind, name, known))
        taken.take(span)

    raw_ents = doc.ents  # built anew at each access
    ents = person_tails(lex, whole_names(raw_ents))
    entity_ends = {ent.start: ent.end for ent in ents if ent.label_ in ("ORG", "MISC")}
    for span in sorted(_known_spans(lex, doc), key=lambda s: -len(s)):
        name, kind = lex.known[span.label_]
        if head_of_longer_name(lex, span, entity_ends):
            continue  # "la Commission | de régulation de l'énergie": the NER's whole name
        whole = full_name(span, entity_ends.get(span.start, 0))
        span = whole if free(whole) else span  # not over a chip: "Nvidia H100"
        if not capitalised(lex, span) and span.label_ not in lex.descriptor_labels:
            continue  # "arm", "meta": words, not Arm or Meta; "La commission nationale …"
        if span.label_ in lex.cities and not acting(lex, span):
            continue  # "à Washington" is a place; "Washington a annoncé" an actor
        if numbered(span):
            continue
        branch = country_branch(lex, span) if kind == "organization" else None
        if branch is not None and free(branch):  # "Microsoft France": the subsidiary
            keep(branch, kind, span_text(branch))  # type: ignore[arg-type]
        elif free(span):
            keep(span, kind, name, True)  # type: ignore[arg-type]
    for span in _governments(doc, lex):
        if free(span):
            keep(span, "government", span_text(span))
    for span, name in _groups(doc, lex):
        if free(span):
            keep(span, "group", name)
    for ent in ents:
        cleaned = trimmed(lex, ent)
        if cleaned is None or not free(cleaned):
            continue  # mostly a name the gazetteer found first
        typed = _typed_entity(lex, ent, cleaned, found)
        if typed is not None:
            keep(typed.span, typed.kind, typed.name)
    for span, kind in described_names(doc, lex, nouns):
        if free(span):
            keep(span, kind, span_text(span))
    events = {fold(span_text(c.span)) for c in found if named_event(lex, c.span)}
    events |= event_names(doc, lex, raw_ents)
    found = [c for c in found if c.from_gazetteer or fold(span_text(c.span)) not in events]
    found = [c for c in found if not dateline(c.span)]
    return _joined(sorted(found, key=lambda c: c.span.start))


# The matchers run only near their nouns (see match_near); a group is at most a
# three-word determiner, the noun and its adjectives, a government its noun and name.


def _governments(doc: Doc, lex: ActorLexicon) -> Iterator[Span]:
    """Governments named by their noun ("le gouvernement japonais", "le ministère de
    l'Économie, du Commerce et de l'Industrie"), a person's name after one cut off."""
    w = words(doc)
    after = lex.windows["government_after"]
    for span in match_near(lex.governments, doc, lex.government_nouns, LOWER, 0, after):
        start, end = span.start, span.end
        cut = w.lower[start] in lex.grammar.government_nouns_with_portfolio
        if cut:
            end = portfolios_end(lex, doc, end)
        person = next((k for k in range(start + 1, end) if first_name_at(lex, w.text[k])), None)
        if person is not None:  # "le porte-parole du gouvernement Paul Serrat": a person
            end, cut = person, True
            if end - start == 1:
                continue
        yield doc[start:end] if cut else span


def _groups(doc: Doc, lex: ActorLexicon) -> Iterator[tuple[Span, str]]:
    """Groups ("des sénateurs", "une quarantaine de patrons européens") and their names,
    from their noun over its complements."""
    lemma = words(doc).lemma
    near = (lex.windows["group_before"], lex.windows["group_after"])
    for span in match_near(lex.groups, doc, lex.group_nouns, LEMMA, *near, group_heads(lex, doc)):
        # named from its noun: "(une quarantaine de) patrons européens"
        in_span = range(span.start, span.end)
        noun = next((k for k in in_span if lemma[k] in lex.group_lemmas), span.start)
        yield span, words_text(doc, words(doc), noun, complements_end(lex, doc, span.end))


def _typed_entity(
    lex: ActorLexicon, ent: Span, cleaned: Span, found: list[Candidate]
) -> Candidate | None:
    """An entity of the NER, trimmed (`cleaned`), typed; None when it names no actor."""
    text = span_text(cleaned)
    folded = fold(text)
    if folded in lex.not_actors or text.lower() in lex.descriptions:
        return None  # "Le Groupe" in a company's own words: a description, not a name
    described = described_kind(lex, ent, cleaned)
    if len(text) < 2 and not (described or acting(lex, cleaned)):
        return None  # "sur X": a letter names someone only as a subject or described
    if folded in lex.city_forms or numbered(cleaned):
        return None  # "à Washington": the gazetteer said it does not act here
    kind = described or entity_kind(lex, ent.label_, cleaned)
    if kind is None and ent.label_ == "LOC" and _beside_a_company(cleaned, found):
        kind = "organization"  # "Silver Lake et Oracle détiendront"
    if kind == "person" and len(cleaned) == 1 and _beside_a_company(cleaned, found):
        kind = "organization"  # "Bouygues, EDF, RTE et Sipartech": a lone word among firms
    if kind is None:
        return None
    name = lex.country_names[folded] if kind == "country" else text
    return Candidate(cleaned, kind, name, False)


def _beside_a_company(span: Span, found: list[Candidate]) -> bool:
    """A name coordinated with a company ("X et Oracle", "Oracle, X et …"): a company too,
    whatever place the NER took it for."""
    lower = words(span.doc).lower
    ends = {c.span.end: c for c in found if c.kind == "organization"}
    starts = {c.span.start: c for c in found if c.kind == "organization"}
    after = span.end < len(lower) and lower[span.end] in ("et", ",") and span.end + 1 in starts
    before = span.start > 0 and lower[span.start - 1] in ("et", ",") and span.start - 1 in ends
    return after or before


def _joined(found: list[Candidate]) -> list[Candidate]:
    """One name the NER cut in two, the halves side by side: "TPICAP" "Midcap" ->
    "TPICAP Midcap" (names from the gazetteer stay apart: "l'AFP Nvidia")."""
    joined: list[Candidate] = []
    for cand in found:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.span.end == cand.span.start
            and not (last.from_gazetteer or cand.from_gazetteer)
            and last.kind == cand.kind == "organization"
        ):
            span = cand.span.doc[last.span.start : cand.span.end]
            joined[-1] = Candidate(span, last.kind, span_text(span), False)
            continue
        joined.append(cand)
    return joined


def _known_spans(lex: ActorLexicon, doc: Doc) -> list[Span]:
    """The gazetteer's names in a doc, with those written after a contracted article
    ("selon une enquête du Figaro")."""
    spans = list(lex.gazetteer(doc, as_spans=True))
    w = words(doc)
    for span in lex.contracted(doc, as_spans=True):
        joined = span.start - 1
        if joined < 1 or w.lower[joined] not in lex.contractions[span.label_]:
            continue
        before = doc[joined - 1]
        if doc[joined].ent_iob_ == "I" or (before.is_title and not before.is_sent_start):
            continue  # "la Coupe du Monde": inside another name
        spans.append(span)
    return spans
