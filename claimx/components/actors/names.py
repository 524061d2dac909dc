"""Names the NER misses or misreads: bodies a description introduces ("la start-up
Kelvio"), acronyms followed by a number (indexes, not actors), events and programmes
("le sommet Choose France"), ministers' portfolios (part of a title, not actors)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spacy.attrs import LEMMA
from spacy.tokens import Doc, Span

from claimx.columns import morph_has, words
from claimx.components.actors.lexicon import ActorLexicon
from claimx.docs import span_text, words_text
from claimx.kinds import ActorKind
from claimx.text import fold


def described_names(
    doc: Doc, lex: ActorLexicon, nouns: Iterable[tuple[int, int, int]]
) -> list[tuple[Span, ActorKind]]:
    """Names the NER missed that a description introduces: "la start-up Kelvio", "le fonds
    Arvelle", "le cabinet Ternel" (one body, so after a singular determiner); `nouns`:
    the matches of `lex.description_nouns`."""
    found: list[tuple[Span, ActorKind]] = []
    w = words(doc)
    for _, start, end in nouns:
        kind = lex.descriptions.get(words_text(doc, w, start, end).lower())
        if kind not in ("organization", "government", "media") or start == 0:
            continue
        before = w.lower[start - 1]
        grammar = lex.grammar
        if before not in grammar.singular_determiners | grammar.singular_contractions:
            continue
        i = _past_trade(doc, end)  # "la start-up lyonnaise Kelvio"
        j = i
        while j < w.size and j - i < 4 and _capitalised_word(w.text[j]):
            j += 1
        name = doc[i:j]
        written = span_text(name)
        folded = fold(written)
        if len(written) < 2 or folded in lex.not_actors or folded in lex.country_names:
            continue
        if folded in lex.demonyms or portfolio(lex, name):
            continue
        found.append((name, kind))
    return found


def person_tails(lex: ActorLexicon, ents: list[Span]) -> list[Span]:
    """The NER's entities with a person's name split off their end, where it ran a title's
    complement and the name together ("secrétaire au Commerce Howard Lutnick", "le patron
    de Kelvio Marc Duval", "la présidente de la Commission Ursula von der Leyen"): the name
    from its first name on is a person; what came before stays a name unless it is the
    title's portfolio."""
    found: list[Span] = []
    for ent in ents:
        at = _first_name_inside(lex, ent)
        if at is None:
            found.append(ent)
            continue
        doc = ent.doc
        head = doc[ent.start : at]
        if any(t.pos_ == "PROPN" for t in head) and not portfolio(lex, head):
            found.append(Span(doc, ent.start, at, label="ORG"))
        found.append(Span(doc, at, ent.end, label="PER"))
    return found


def first_name_at(lex: ActorLexicon, word: str) -> bool:
    """Whether a capitalised word is a known first name ("Marc", "Jean-Noël")."""
    return word.istitle() and fold(word).split("-")[0] in lex.first_names


def _first_name_inside(lex: ActorLexicon, ent: Span) -> int | None:
    """Where a person's name starts inside an entity, past its first word: a first name
    followed by capitalised words (particles aside) to the entity's end."""
    w = words(ent.doc)
    text = w.text
    for i in range(ent.start + 1, ent.end - 1):
        if not first_name_at(lex, text[i]) or w.punct[i - 1]:
            continue
        rest = range(i + 1, ent.end)
        if text[ent.end - 1].istitle() and all(
            text[k].istitle() or w.lower[k] in _PARTICLES for k in rest
        ):
            return i
    return None


_PARTICLES = ("de", "du", "von", "van", "der", "den", "da", "di", "del", "la", "le")


def _past_trade(doc: Doc, end: int, most: int = 6) -> int:
    """The first token past a description's adjectives and trade ("la start-up lyonnaise",
    "le groupe asiatique de prêt-à-porter discount", "le fonds d'investissement
    américain"): lower-case words with no article nor verb, at most `most`."""
    w = words(doc)
    text, pos, size = w.text, w.pos, w.size
    i = end
    while i < size and i - end < 2 and pos[i] == "ADJ" and text[i].islower():
        i += 1
    if i < size and w.lower[i] in _OF:
        j = i + 1
        while j < size and j - end < most and _trade_word(text[j], pos[j]):
            j += 1
        if j > i + 1 and j < size and _capitalised_word(text[j]):
            return j
    return i


_OF = ("de", "d'", "d’", "en")  # "le site d'information X", "le média en ligne X"


def _trade_word(text: str, pos: str) -> bool:
    """A lower-case word of a trade: no article, verb or punctuation but a hyphen."""
    if text == "-":
        return True
    return text.islower() and text.isalpha() and pos not in ("DET", "VERB", "AUX", "ADP")


def numbered(span: Span) -> bool:
    """An acronym followed by a number names an index or a series, not an actor: "le CAC
    40", "le SBF 120", "un FTSE 100"."""
    text = words(span.doc).text
    if span.end >= len(text) or not text[span.end].isdigit():
        return False
    letters = span_text(span).replace(" ", "")
    return letters.isalpha() and letters.isupper()


def _capitalised_word(text: str) -> bool:
    """A word of a name: capitalised letters, digits, "&" or a hyphen inside."""
    return text[:1].isupper() and all(c.isalnum() or c in "&-'’" for c in text)


def portfolio(lex: ActorLexicon, span: Span) -> bool:
    """Whether a name follows a minister's or commissioner's title: "ministre des
    Communications", "secrétaire au Commerce", "commissaire chargé du Numérique", "le
    ministre français de l'Économie et des Finances" (every portfolio of the title)."""
    doc = span.doc
    w = words(doc)
    text, lower, pos = w.text, w.lower, w.pos
    i = span.start - 1
    if i < 0 or lower[i] not in lex.grammar.portfolio_links:
        return False
    stop = max(0, span.start - 16)
    while i >= stop:
        if lower[i] in lex.portfolio_roles:
            return True
        linking = lower[i] in lex.grammar.portfolio_links or lower[i] == "et"
        # "ministre déléguée chargée du Numérique": a participle is part of the title
        qualifier = text[i].islower() and (
            pos[i] == "ADJ" or (pos[i] == "VERB" and morph_has(doc, w.morph[i], "VerbForm=Part"))
        )
        portfolio = text[i].istitle() or text[i] == "," or qualifier
        if not (linking or portfolio) or (pos[i] in ("VERB", "AUX") and not qualifier):
            return False
        i -= 1
    return False


def named_event(lex: ActorLexicon, span: Span) -> bool:
    """Whether a name follows an event's or a programme's noun, past its adjectives: "du
    sommet Choose France", "le sommet économique Choose France"."""
    w = words(span.doc)
    text = w.text
    i = span.start - 1
    while i >= 0 and span.start - i <= 2 and w.pos[i] == "ADJ" and text[i].islower():
        i -= 1
    return i >= 0 and text[i].islower() and w.lemma[i].lower() in lex.event_nouns


def event_names(doc: Doc, lex: ActorLexicon, ents: Sequence[Span]) -> set[str]:
    """The names (folded) the text gives events and programmes, wherever the NER read them:
    the capitalised words right after an event's noun and its adjectives ("le sommet
    économique Choose France", "le salon Vivatech"), or an entity opening on one ("salon du
    Bourget"); `ents`: the doc's `doc.ents`."""
    found = set()
    w = words(doc)
    text, size = w.text, w.size
    for i in lex.event_ids.where(doc, LEMMA):
        if not text[i].islower():
            continue
        j = i + 1
        while j < size and j - i <= 2 and w.pos[j] == "ADJ" and text[j].islower():
            j += 1
        k = j
        while k < size and k - j < 4 and _capitalised_word(text[k]):
            k += 1
        if k > j:
            found.add(fold(words_text(doc, w, j, k)))
    for ent in ents:
        first = ent.start
        if text[first].islower() and w.lemma[first].lower() in lex.event_nouns:
            capital = next((k for k in range(first, ent.end) if text[k][:1].isupper()), None)
            if capital is not None:
                found.add(fold(words_text(doc, w, capital, ent.end)))
        elif len(ent) > 2 and fold(text[first]) in lex.event_heads and w.pos[first + 1] == "ADP":
            found.add(fold(span_text(ent)))  # "Salon de Genève", "Mondial de l'automobile"
    return found


_DASHES = ("-", "—", "–")


def dateline(span: Span) -> bool:
    """A place in capitals opening a dispatch, before its agency and a dash ("BERLIN
    (Reuters) -", "PARIS -"): where it was written, no actor."""
    doc = span.doc
    text = span_text(span)
    if not (text.isupper() and len(text) > 2 and span.end + 1 < len(doc)):
        return False
    if span.start > 0 and not (doc[span.start - 1].is_space or doc[span.start].is_sent_start):
        return False
    after = doc[span.end]
    if after.text in _DASHES:
        return True
    closing = next((t.i for t in doc[span.end : span.end + 6] if t.text == ")"), None)
    return (
        after.text == "("
        and closing is not None
        and closing + 1 < len(doc)
        and doc[closing + 1].text in _DASHES
    )
