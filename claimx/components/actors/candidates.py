"""Actor candidates: gazetteer names, governments, groups, and the NER's entities
trimmed and typed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span

from claimx.components.actors.entity_kinds import acting, described_kind, entity_kind
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
from claimx.docs import Occupied, match_near, span_text, text_of
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
    ents = person_tails(lex, _whole_names(raw_ents))
    entity_ends = {ent.start: ent.end for ent in ents if ent.label_ in ("ORG", "MISC")}
    for span in sorted(_known_spans(lex, doc), key=lambda s: -len(s)):
        name, kind = lex.known[span.label_]
        if _head_of_longer_name(lex, doc, span, entity_ends):
            continue  # "la Commission | de régulation de l'énergie": the NER's whole name
        whole = _full_name(doc, span, entity_ends.get(span.start, 0))
        span = whole if free(whole) else span  # not over a chip: "Nvidia H100"
        if not _capitalised(lex, span) and span.label_ not in lex.descriptor_labels:
            continue  # "arm", "meta": words, not Arm or Meta; "La commission nationale …"
        if span.label_ in lex.cities and not acting(lex, span):
            continue  # "à Washington" is a place; "Washington a annoncé" an actor
        if numbered(span):
            continue
        branch = _country_branch(lex, span) if kind == "organization" else None
        if branch is not None and free(branch):  # "Microsoft France": the subsidiary
            keep(branch, kind, span_text(branch))  # type: ignore[arg-type]
        elif free(span):
            keep(span, kind, name, True)  # type: ignore[arg-type]
    # The matchers run only near their nouns (see match_near); a group is at most a
    # three-word determiner, the noun and its adjectives, a government its noun and name.
    windows = lex.windows
    for span in match_near(
        lex.governments, doc, lex.government_nouns, LOWER, 0, windows["government_after"]
    ):
        if span[0].lower_ in lex.grammar.government_nouns_with_portfolio:
            span = doc[span.start : _portfolios_end(lex, doc, span.end)]
        person = next((t.i for t in span[1:] if first_name_at(lex, t)), None)
        if person is not None:  # "le porte-parole du gouvernement Paul Serrat": a person
            span = doc[span.start : person]
            if len(span) == 1:
                continue
        if free(span):
            keep(span, "government", span_text(span))
    near = (windows["group_before"], windows["group_after"])
    for span in match_near(lex.groups, doc, lex.group_nouns, LEMMA, *near, _group_heads(lex, doc)):
        if free(span):
            # named from its noun: "(une quarantaine de) patrons européens"
            noun = next((t.i for t in span if t.lemma_ in lex.group_lemmas), span.start)
            keep(span, "group", text_of(doc, noun, _complements_end(lex, doc, span.end)))
    for ent in ents:
        cleaned = _clean(lex, ent)
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


def _group_heads(lex: ActorLexicon, doc: Doc) -> list[int]:
    """The group nouns that can head a group (a noun right after a determiner's last
    word): every match of `lex.groups` holds one."""
    ends = lex.group_determiner_ends
    return [
        i
        for i in lex.group_nouns.where(doc, LEMMA)
        if i > 0 and doc[i].pos_ == "NOUN" and doc[i - 1].lower_ in ends
    ]


def _capitalised(lex: ActorLexicon, span: Span) -> bool:
    """Whether a name holds a capital past its article: "la Commission", not "La
    commission" opening a sentence."""
    words = span[1:] if len(span) > 1 and span[0].lower_ in lex.grammar.articles else span
    return any(c.isupper() for c in span_text(words))


def _whole_names(ents: Sequence[Span]) -> list[Span]:
    """The NER's entities, a company's name it cut in pieces made whole: pieces side by side
    one of which it read as a company ("TPICAP" "Midcap"), and the words in capitals just
    before a company it left out ("TP" of "TP ICAP")."""
    whole: list[Span] = []
    for ent in ents:
        last = whole[-1] if whole else None
        labels = {last.label_, ent.label_} if last is not None else set()
        if last is not None and last.end == ent.start and labels in ({"ORG"}, {"ORG", "MISC"}):
            whole[-1] = Span(ent.doc, last.start, ent.end, label="ORG")
        else:
            whole.append(ent)
    ends = {ent.end for ent in whole}
    for k, ent in enumerate(whole):
        start = ent.start
        while ent.label_ == "ORG" and start > 0 and ent.start - start < 2 and start not in ends:
            word = ent.doc[start - 1]
            if word.pos_ != "PROPN" or word.is_sent_start or not word.is_upper:
                break
            start -= 1
        if start < ent.start:
            whole[k] = Span(ent.doc, start, ent.end, label="ORG")
    return whole


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
    doc = span.doc
    ends = {c.span.end: c for c in found if c.kind == "organization"}
    starts = {c.span.start: c for c in found if c.kind == "organization"}
    after = span.end < len(doc) and doc[span.end].lower_ in ("et", ",") and span.end + 1 in starts
    before = span.start > 0 and doc[span.start - 1].lower_ in ("et", ",") and span.start - 1 in ends
    return after or before


def _country_branch(lex: ActorLexicon, span: Span) -> Span | None:
    """A company's name with a country's right after it ("Microsoft France", "Google
    Corée du Sud"): its subsidiary there."""
    doc = span.doc
    for length in (1, 2, 3):
        end = span.end + length
        named = end <= len(doc) and doc[span.end].is_title
        if named and fold(text_of(doc, span.end, end)) in lex.country_names:
            return doc[span.start : end]
    return None


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


def _head_of_longer_name(lex: ActorLexicon, doc: Doc, span: Span, ends: dict[int, int]) -> bool:
    """Whether a known name is only the head of a longer name the NER read, its complement
    after "de": "Commission" in "Commission de régulation de l'énergie"."""
    core = (
        span.start + 1 if len(span) > 1 and span[0].lower_ in lex.grammar.articles else span.start
    )
    end = ends.get(core, 0)
    return (
        end > span.end + 1
        and doc[span.end].lower_ in lex.grammar.complement_prepositions
        and not any(t.text[:1].isupper() for t in doc[span.end + 1 : end] if t.pos_ != "DET")
    )


def _full_name(doc: Doc, span: Span, entity_end: int) -> Span:
    """A known name as the NER read it whole: "Cadence Design Systems" for Cadence."""
    if (
        entity_end > span.end
        and all(t.text[:1].isupper() for t in doc[span.end : entity_end])
        and (entity_end == len(doc) or doc[entity_end].text != "-")  # not "Intel Lip|-Bu Tan"
    ):
        return Span(doc, span.start, entity_end, label=span.label)
    return span


def _portfolios_end(lex: ActorLexicon, doc: Doc, end: int) -> int:
    """The end of a ministry's name over its other portfolios and its country:
    "ministère de l'Économie | , du Commerce | et de l'Industrie | du Japon", its portfolio
    over its adjectives ("des Affaires | étrangères")."""
    links = lex.grammar.complement_prepositions
    while (
        end < len(doc)
        and doc[end - 1].is_title
        and doc[end].pos_ == "ADJ"
        and doc[end].is_lower
        and fold(doc[end].text) not in lex.demonyms  # "des Armées | américain"
    ):
        end += 1
    while end < len(doc):
        j = end
        if doc[j].text == "," or doc[j].lower_ == "et":
            j += 1
        if j >= len(doc) or doc[j].lower_ not in links:
            break
        j += 1
        if j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        if j >= len(doc) or not doc[j].is_title:
            break
        while j < len(doc) and (doc[j].is_title or (doc[j].pos_ == "ADJ" and doc[j].is_lower)):
            j += 1  # "du Commerce extérieur"
        end = j
    return end


def _complements_end(lex: ActorLexicon, doc: Doc, end: int, most: int = 2) -> int:
    """The end of up to `most` noun complements after a group ("des responsables | de la
    Maison Blanche", "des géants | du secteur | de l'IA"): part of its name."""
    for _ in range(most):
        j = end
        if j >= len(doc) or doc[j].lower_ not in lex.grammar.complement_prepositions:
            break
        j += 1
        if j < len(doc) and doc[j].pos_ == "DET":
            j += 1
        k = j
        while k < len(doc) and (
            doc[k].pos_ in ("NOUN", "PROPN") or (k > j and doc[k].pos_ == "ADJ")
        ):
            k += 1
        if k == j:
            break
        end = k
    return end


def _clean(lex: ActorLexicon, ent: Span) -> Span | None:
    """Trim determiners, titles, roles and verbs off an entity's edges."""
    start, end = ent.start, ent.end
    doc = ent.doc
    while start < end:
        head = doc[start]
        if not (
            (head.pos_ in _SKIP_HEAD_POS and not _name_word(doc, start))
            or head.text in lex.titles
            or fold(head.text) in lex.role_words
            or head.is_lower
        ):
            break
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
    # An English possessive before the name is part of it: "Ireland’s Central Statistics
    # Office" (tokenized "Ireland’" "s").
    if start >= 2 and doc[start - 1].text == "s" and not doc[start - 2].whitespace_:
        owner = doc[start - 2]
        if owner.text[-1:] in ("’", "'") and owner.text[:1].isupper() and len(owner) > 2:
            start -= 2
    return Span(doc, start, end)  # 0 <= start < end <= len(doc): no slice to normalise


def _name_word(doc: Doc, i: int) -> bool:
    """A capitalised word inside a sentence that the tagger took for a verb: part of a
    name ("chez Palantir Technologies")."""
    token = doc[i]
    inside = i > 0 and not doc[i - 1].is_punct and not doc[i - 1].is_space
    return token.pos_ in ("VERB", "AUX") and token.is_title and inside


def _known_spans(lex: ActorLexicon, doc: Doc) -> list[Span]:
    """The gazetteer's names in a doc, with those written after a contracted article
    ("selon une enquête du Figaro")."""
    spans = list(lex.gazetteer(doc, as_spans=True))
    for span in lex.contracted(doc, as_spans=True):
        joined = span.start - 1
        if joined < 1 or doc[joined].lower_ not in lex.contractions[span.label_]:
            continue
        before = doc[joined - 1]
        if doc[joined].ent_iob_ == "I" or (before.is_title and not before.is_sent_start):
            continue  # "la Coupe du Monde": inside another name
        spans.append(span)
    return spans
