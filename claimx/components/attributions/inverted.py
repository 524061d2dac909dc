"""Speakers after their verb: "a déclaré le ministre", "estime-t-elle", "a-t-on appris
auprès de la société", and where such a phrase ends."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.components.attributions.context import DocContext, agent_after
from claimx.components.attributions.named import person_past_portfolio, role_participle
from claimx.components.attributions.phrases import Source, phrase_source
from claimx.components.attributions.references import pronoun_source
from claimx.components.attributions.sources import source_from
from claimx.components.attributions.speakers import speaker_in
from claimx.text import QUOTE_MARKS, fold


def inverted_subject(ctx: DocContext, sent: Span, cue: Span, content: Span) -> Source:
    """The speaker after an incise's verb: "…, a déclaré le ministre", "…, estime-t-il"."""
    verb = cue[0]
    pron = ctx.inversion_pronoun(verb)
    if pron is not None and pron.lower_.lstrip("-") == "on":
        # "…, a-t-on appris auprès de la société": whoever was asked is the source
        asked = _asked(ctx, sent, cue.end)
        if asked is not None:
            return asked
    if pron is not None:
        # After a direct quotation the speaker is not someone it names; after indirect
        # speech the statement's own subject often is the speaker ("X investira …,
        # a-t-elle indiqué").
        quoted = any(q.start == content.start and q.end == content.end for q in ctx.quotes)
        return pronoun_source(ctx, pron, (content.start, content.end) if quoted else None)
    phrase = inverted_phrase(ctx, sent, cue.end)
    later = [c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") and c.i >= cue.end]
    # the parser found the inverted subject, unless it took a complement's noun past the
    # phrase ("a fustigé le président sur sa plateforme Truth Social")
    if later and (not _nominal(phrase) or phrase.start <= later[0].i < phrase.end):
        return source_from(ctx, later[0])
    inside = ctx.actors.mentions_in(phrase.start, phrase.end)
    if inside:
        return speaker_in(ctx, phrase, inside)
    role = next((t for t in phrase if fold(t.text) in ctx.lexicon.role_nouns), None)
    person = person_past_portfolio(ctx, role.i + 1) if role is not None else None
    if person is not None:  # "…, a déclaré le secrétaire au Commerce Howard Lutnick"
        return ctx.actors.owner(person), ctx.actors.name_of(person)
    return phrase_source(ctx, phrase)


def _nominal(phrase: Span) -> bool:
    return any(t.pos_ in ("NOUN", "PROPN") for t in phrase)


def _asked(ctx: DocContext, sent: Span, start: int) -> Source | None:
    """The source after "auprès de" in the verb's sentence: an actor, or the phrase."""
    for i in range(start, min(sent.end - 2, start + 6)):
        first: int | None = None
        if ctx.tokens[i].lower_ == "auprès" and ctx.tokens[i + 1].lower_ in (
            "de",
            "d'",
            "d’",
            "du",
            "des",
        ):
            first = i + 2 if ctx.tokens[i + 1].lower_ in ("de", "d'", "d’") else i + 1
        elif ctx.tokens[i].lower_ in ctx.grammar.on_places and ctx.tokens[i - 1].lower_ == "-on":
            first = i + 1  # "assure-t-on au ministère", "explique-t-on chez Renault"
        if first is not None:
            phrase = inverted_phrase(ctx, sent, first)
            inside = ctx.actors.mentions_in(phrase.start, phrase.end)
            if inside:
                return speaker_in(ctx, phrase, inside)
            found = phrase_source(ctx, phrase)
            return found if found != (None, None) else None
    return None


_PHRASE_STOPS = {",", ";", ":", ".", "!", "?", *QUOTE_MARKS, "(", ")", "—", "–"}


def inverted_phrase(ctx: DocContext, sent: Span, start: int, past_complements: bool = True) -> Span:
    """The noun phrase after an inverted verb, past a time ("a rapporté vendredi le FT")
    or the person addressed ("affirme au journal un proche"), up to a comma, a verb, a
    relative or a preposition opening a complement of place or means."""
    grammar = ctx.grammar
    first = start
    while (
        start < sent.end
        and ctx.tokens[start].pos_ in ("NOUN", "ADV")
        and ctx.tokens[start].is_lower
    ):
        start += 1  # "a rapporté vendredi le Financial Times", "a précisé hier le ministre"
    start = _past_addressee(ctx, sent, _past_set_off_complement(ctx, sent, start))
    if past_complements and start < sent.end and ctx.tokens[start].pos_ == "ADP":
        # "déclare dans un entretien paru lundi dans Les Echos le PDG du groupe": past the
        # complements, to the first noun phrase no preposition governs.
        j = start + 1
        while j < sent.end and ctx.tokens[j].text not in _PHRASE_STOPS:
            before = ctx.tokens[j - 1].pos_
            if (ctx.tokens[j].pos_ == "DET" and before not in ("ADP", "DET")) or (
                ctx.tokens[j].pos_ == "PROPN" and before not in ("ADP", "DET", "PROPN")
            ):  # "auprès de l'AFP l'avocat": a determiner after a name opens a phrase
                start = j
                break
            j += 1
    if start < sent.end and not _opens_phrase(ctx, start):
        start = first
    end = start
    seen_noun = False
    while end < sent.end:
        token = ctx.tokens[end]
        apposed = _apposed_name(ctx, end + 1, sent.end) if token.text == "," else 0
        if seen_noun and apposed:
            end = apposed
            break  # "le directeur financier de Norvia, Paul Estrade"
        agent = _issuer_after(ctx, ctx.span(start, end), token) if seen_noun else None
        if agent is not None:  # "précise l'avis publié par l'agence X": who issued it
            end = agent + 1
            continue
        if seen_noun and role_participle(ctx, token):
            end += 1  # "la secrétaire d'État chargée du Numérique, X"
            continue
        if (
            token.text in _PHRASE_STOPS
            or token.pos_ in ("VERB", "AUX")
            or token.lower_ in grammar.relative_subjects
            or token.lower_ in grammar.source_prepositions
            or (
                seen_noun
                and token.pos_ == "ADP"
                and token.lower_ not in grammar.complement_prepositions
            )
        ):
            break
        seen_noun = seen_noun or token.pos_ in ("NOUN", "PROPN")
        end += 1
    return ctx.span(start, end)


def _past_addressee(ctx: DocContext, sent: Span, start: int) -> int:
    """Past the person addressed after the verb: "affirme au journal un proche", "a déclaré
    à l'AFP vendredi soir, une porte-parole"."""
    if not (start < sent.end and ctx.tokens[start].lower_ in ctx.grammar.addressee_prepositions):
        return start
    j = start + 1
    while (
        j < sent.end and ctx.tokens[j].pos_ not in ("NOUN", "PROPN") and not ctx.tokens[j].is_punct
    ):
        j += 1
    while j < sent.end and ctx.tokens[j].pos_ in ("NOUN", "PROPN"):
        j += 1
    while j < sent.end and ctx.tokens[j].pos_ in ("NOUN", "ADV") and ctx.tokens[j].is_lower:
        j += 1  # past a time
    if (
        j + 1 < sent.end
        and ctx.tokens[j].text == ","
        and ctx.tokens[j + 1].pos_ in ("DET", "PROPN")
    ):
        j += 1  # and a comma
    return j if j < sent.end and ctx.tokens[j].pos_ in ("DET", "PROPN") else start


def _past_set_off_complement(ctx: DocContext, sent: Span, start: int) -> int:
    """Past a complement set off by commas after the verb: "a confirmé mardi, dans un
    entretien au Figaro, la ministre" -> "la ministre"."""
    if not (start + 1 < sent.end and ctx.tokens[start].text == ","):
        return start
    opener = ctx.tokens[start + 1]
    if not opener.is_lower or opener.pos_ in ("DET", "PRON", "VERB", "AUX", "SCONJ", "CCONJ"):
        return start
    reach = min(sent.end, start + ctx.lexicon.windows["set_off_complement"])
    close = next((j for j in range(start + 2, reach) if ctx.tokens[j].text == ","), None)
    if close is None or close + 1 >= sent.end or not _opens_phrase(ctx, close + 1):
        return start
    return close + 1


def _opens_phrase(ctx: DocContext, i: int) -> bool:
    """Whether token `i` may open a speaker's phrase: a determiner, a proper name, or a
    name the tagger misread ("Annemie" read as a noun)."""
    return ctx.tokens[i].pos_ in ("DET", "PROPN") or bool(ctx.actors.covering(i))


def _issuer_after(ctx: DocContext, phrase: Span, token: Token) -> int | None:
    """The "par" of a participle whose agent follows a document ("l'avis publié par"),
    if `token` is one."""
    words = [t for t in phrase if not t.is_punct]
    document = len(words) >= 2 and words[1].lemma_.lower() in ctx.lexicon.document_nouns
    return agent_after(ctx, token) if token.pos_ == "VERB" and document else None


def _apposed_name(ctx: DocContext, start: int, limit: int) -> int:
    """The end of a proper name standing alone between commas from `start`, a title
    before it allowed ("Me Julien Brun"), or 0."""
    if start + 1 < limit and ctx.tokens[start].text in ctx.lexicon.person_titles:
        start += 1
    end = start
    while end < limit and ctx.tokens[end].pos_ == "PROPN":
        end += 1
    closed = end == limit or ctx.tokens[end].is_punct
    return end if end > start and closed else 0


def past_apposed_role(ctx: DocContext, sent: Span, comma: int) -> int:
    """Past a role set off after the source ("Pour Anne Morel, économiste chez Oddo, …"):
    the comma closing it, else `comma`."""
    first = comma + 1
    if first < sent.end and ctx.tokens[first].pos_ == "DET":
        first += 1
    if first >= sent.end or fold(ctx.tokens[first].text) not in ctx.lexicon.role_nouns:
        return comma
    reach = min(sent.end, first + ctx.lexicon.windows["source_comma"])
    return next((j for j in range(first + 1, reach) if ctx.tokens[j].text == ","), comma)
