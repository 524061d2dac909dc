"""Where an actor candidate's name starts and ends: the NER's entities made whole and
trimmed, a known name's full extent, a ministry's portfolios, a group's complements, a
company's branch. Each reads the doc's columns (`claimx.columns.words`) by index, not
Token by Token (a Token property costs several times a list read)."""

from __future__ import annotations

from collections.abc import Sequence

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span

from claimx.columns import words
from claimx.components.actors.lexicon import ActorLexicon
from claimx.docs import words_text
from claimx.text import fold

_SKIP_HEAD_POS = {"DET", "ADP", "ADV", "VERB", "AUX", "SCONJ", "CCONJ", "PUNCT", "PRON", "SPACE"}


def whole_names(ents: Sequence[Span]) -> list[Span]:
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
        if ent.label_ != "ORG":
            continue
        w = words(ent.doc)
        while start > 0 and ent.start - start < 2 and start not in ends:
            word = start - 1
            if w.pos[word] != "PROPN" or not w.text[word].isupper():
                break
            if ent.doc[word].is_sent_start:
                break
            start -= 1
        if start < ent.start:
            whole[k] = Span(ent.doc, start, ent.end, label="ORG")
    return whole


def trimmed(lex: ActorLexicon, ent: Span) -> Span | None:
    """An entity with determiners, titles, roles and verbs trimmed off its edges."""
    doc = ent.doc
    w = words(doc)
    text, pos = w.text, w.pos
    start, end = ent.start, ent.end
    while start < end:
        word = text[start]
        if not (
            (pos[start] in _SKIP_HEAD_POS and not _name_word(doc, start))
            or word in lex.titles
            or fold(word) in lex.role_words
            or word.islower()
        ):
            break
        start += 1
    while end > start and (w.punct[end - 1] or text[end - 1].isspace()):
        end -= 1
    # "Banque publique Bpifrance": a description before the name is not part of it.
    lead = start
    while lead < end and (
        w.lower[lead] in lex.descriptions
        or (lead > start and pos[lead] == "ADJ" and text[lead].islower())
    ):
        lead += 1
    if start < lead < end and text[lead][:1].isupper():
        start = lead
    if start >= end:
        return None
    # An English possessive before the name is part of it: "Ireland’s Central Statistics
    # Office" (tokenized "Ireland’" "s").
    if start >= 2 and text[start - 1] == "s" and not doc[start - 2].whitespace_:
        owner = text[start - 2]
        if owner[-1:] in ("’", "'") and owner[:1].isupper() and len(owner) > 2:
            start -= 2
    return Span(doc, start, end)  # 0 <= start < end <= len(doc): no slice to normalise


def _name_word(doc: Doc, i: int) -> bool:
    """A capitalised word inside a sentence that the tagger took for a verb: part of a
    name ("chez Palantir Technologies")."""
    w = words(doc)
    inside = i > 0 and not w.punct[i - 1] and not w.text[i - 1].isspace()
    return w.pos[i] in ("VERB", "AUX") and w.text[i].istitle() and inside


def capitalised(lex: ActorLexicon, span: Span) -> bool:
    """Whether a name holds a capital past its article: "la Commission", not "La
    commission" opening a sentence."""
    doc = span.doc
    w = words(doc)
    start = span.start
    if span.end - start > 1 and w.lower[start] in lex.grammar.articles:
        start += 1
    return any(c.isupper() for c in words_text(doc, w, start, span.end))


def head_of_longer_name(lex: ActorLexicon, span: Span, ends: dict[int, int]) -> bool:
    """Whether a known name is only the head of a longer name the NER read, its complement
    after "de": "Commission" in "Commission de régulation de l'énergie"."""
    w = words(span.doc)
    core = span.start
    if span.end - core > 1 and w.lower[core] in lex.grammar.articles:
        core += 1
    end = ends.get(core, 0)
    return (
        end > span.end + 1
        and w.lower[span.end] in lex.grammar.complement_prepositions
        and not any(w.text[k][:1].isupper() for k in range(span.end + 1, end) if w.pos[k] != "DET")
    )


def full_name(span: Span, entity_end: int) -> Span:
    """A known name as the NER read it whole: "Cadence Design Systems" for Cadence."""
    doc = span.doc
    text = words(doc).text
    if (
        entity_end > span.end
        and all(text[k][:1].isupper() for k in range(span.end, entity_end))
        and (entity_end == len(doc) or text[entity_end] != "-")  # not "Intel Lip|-Bu Tan"
    ):
        return Span(doc, span.start, entity_end, label=span.label)
    return span


def portfolios_end(lex: ActorLexicon, doc: Doc, end: int) -> int:
    """The end of a ministry's name over its other portfolios and its country:
    "ministère de l'Économie | , du Commerce | et de l'Industrie | du Japon", its portfolio
    over its adjectives ("des Affaires | étrangères")."""
    w = words(doc)
    text, pos, size = w.text, w.pos, w.size
    links = lex.grammar.complement_prepositions
    while (
        end < size
        and text[end - 1].istitle()
        and pos[end] == "ADJ"
        and text[end].islower()
        and fold(text[end]) not in lex.demonyms  # "des Armées | américain"
    ):
        end += 1
    while end < size:
        j = end
        if text[j] == "," or w.lower[j] == "et":
            j += 1
        if j >= size or w.lower[j] not in links:
            break
        j += 1
        if j < size and pos[j] == "DET":
            j += 1
        if j >= size or not text[j].istitle():
            break
        while j < size and (text[j].istitle() or (pos[j] == "ADJ" and text[j].islower())):
            j += 1  # "du Commerce extérieur"
        end = j
    return end


def complements_end(lex: ActorLexicon, doc: Doc, end: int, most: int = 2) -> int:
    """The end of up to `most` noun complements after a group ("des responsables | de la
    Maison Blanche", "des géants | du secteur | de l'IA"): part of its name."""
    w = words(doc)
    pos, size = w.pos, w.size
    for _ in range(most):
        j = end
        if j >= size or w.lower[j] not in lex.grammar.complement_prepositions:
            break
        j += 1
        if j < size and pos[j] == "DET":
            j += 1
        k = j
        while k < size and (pos[k] in ("NOUN", "PROPN") or (k > j and pos[k] == "ADJ")):
            k += 1
        if k == j:
            break
        end = k
    return end


def country_branch(lex: ActorLexicon, span: Span) -> Span | None:
    """A company's name with a country's right after it ("Microsoft France", "Google
    Corée du Sud"): its subsidiary there."""
    doc = span.doc
    w = words(doc)
    for length in (1, 2, 3):
        end = span.end + length
        named = end <= w.size and w.text[span.end].istitle()
        if named and fold(words_text(doc, w, span.end, end)) in lex.country_names:
            return doc[span.start : end]
    return None


def group_heads(lex: ActorLexicon, doc: Doc) -> list[int]:
    """The group nouns that can head a group (a noun right after a determiner's last
    word): every match of `lex.groups` holds one."""
    w = words(doc)
    ends = lex.group_determiner_ends
    return [
        i
        for i in lex.group_nouns.where(doc, LEMMA)
        if i > 0 and w.pos[i] == "NOUN" and w.lower[i - 1] in ends
    ]
