""" "Selon X, …", "…, d'après X": the source runs from the marker to the comma, the content
is the rest of the sentence (or what comes before the marker)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.columns import has_morph
from claimx.components.attributions.context import (
    ER_PARTICIPLE_ENDINGS,
    DocContext,
    agent_after,
)
from claimx.components.attributions.cues import Cue
from claimx.components.attributions.documents import document_issuer
from claimx.components.attributions.inverted import past_apposed_role
from claimx.components.attributions.phrases import Source, phrase_source
from claimx.components.attributions.references import pronoun_source
from claimx.components.attributions.speakers import speaker_in
from claimx.components.hits import AttributionHit
from claimx.docs import span_text
from claimx.text import QUOTE_OPENERS, fold

_SOURCE_STOPS = (",", ".", ";", ":", ")", "\n")


def according_to(ctx: DocContext, sent: Span, cue: Cue, end: int) -> AttributionHit | None:
    """The attribution of an "according to" marker, or None when it introduces none."""
    grammar = ctx.grammar
    after = ctx.tokens[cue.span.end].lower_ if cue.span.end < end else ""
    if after in grammar.relative_objects:
        return _antecedent(ctx, sent, cue, end)
    if after in grammar.complementizers:
        return None  # "selon que le client est …": a conjunction, no source
    if _after_variation(ctx, cue):
        return None  # "le prix varie selon la taille": depending on, not according to
    i = _source_end(ctx, sent, cue)
    source_span = _before_relay(ctx, ctx.span(cue.span.end, i))
    if not len(source_span) or fold(span_text(source_span)) in ctx.lexicon.not_sources:
        return None
    if _own_findings(ctx, source_span):
        return None  # "selon nos informations": the article itself
    chain_end = i
    if i + 1 < sent.end and ctx.tokens[i].text == "," and chain_follows(ctx, ctx.tokens[i + 1]):
        j = i + 1  # "selon X, qui cite …", "selon X, cité par Y, …": the chain is the cue's
        while j < sent.end and ctx.tokens[j].text not in (",", ".", ";", ":"):
            j += 1
        chain_end = j
    full_cue = ctx.span(cue.span.start, chain_end)
    content = _content(ctx, sent, cue, chain_end, end)
    if len(content) < 2:
        return None
    relayed = source_span.end < i or (
        chain_end > i and ctx.tokens[i + 1].lower_ not in grammar.relative_subjects
    )
    as_written = (
        span_text(source_span) if relayed else span_text(ctx.span(source_span.start, chain_end))
    )
    if len(source_span) == 1 and source_span[0].lower_ in grammar.pronouns:
        actor, text = pronoun_source(ctx, source_span[0])
        return AttributionHit("according_to", full_cue, content, actor, text)
    inside = ctx.actors.mentions_in(source_span.start, source_span.end)
    issuer = document_issuer(ctx, source_span)
    relay = ctx.actors.mentions_in(source_span.end, chain_end)
    if relay and issuer is None and not _named(ctx, source_span, inside):
        # "selon des sources citées par Reuters": the chain's innermost source *named*
        owner = ctx.actors.owner(relay[0])
        return AttributionHit(
            "according_to", full_cue, content, owner, ctx.actors.name_of(relay[0])
        )
    if issuer is not None and not any(ctx.actors.kind_of(m) == "person" for m in inside):
        owner = issuer[0]  # "selon le communiqué du groupe": who issued it
        if owner is None:
            as_written = issuer[1] or as_written
    elif inside:  # "selon un mémo du patron de X, Y": the person named speaks
        owner = speaker_in(ctx, source_span, inside)[0]
    else:
        owner, text = phrase_source(ctx, source_span)
        if text is None and _qualifies_source(ctx, cue, source_span):
            owner, text = None, span_text(ctx.span(cue.span.end - 1, source_span.end))
            as_written = text  # "de source syndicale": the source is "source syndicale"
        if text is None:
            return None  # "selon un calendrier précis"
    return AttributionHit("according_to", full_cue, content, owner, as_written)


def _qualifies_source(ctx: DocContext, cue: Cue, phrase: Span) -> bool:
    """Whether a cue ends on the noun "source(s)" that the phrase after it only qualifies
    ("De source syndicale, …", "de sources concordantes"); not after a verb ("a-t-on
    appris de source syndicale": the verb's)."""
    noun = ctx.tokens[cue.span.end - 1].lower_
    after_verb = cue.span.start > 0 and ctx.tokens[cue.span.start - 1].pos_ in ("VERB", "AUX")
    return (
        noun in ("source", "sources")
        and not after_verb
        and all(t.pos_ in ("ADJ", "ADV") or t.is_punct for t in phrase)
    )


def chain_follows(ctx: DocContext, token: Token) -> bool:
    """Whether a relay of the source opens at `token`: "qui cite …", "cité par …"."""
    if token.lower_ in ctx.grammar.relative_subjects:
        return True
    participle = has_morph(token, "VerbForm=Part") or token.lower_.endswith(ER_PARTICIPLE_ENDINGS)
    return participle and agent_after(ctx, token, 1) is not None  # "cité", tagged a noun


def _named(ctx: DocContext, source: Span, inside: list[Span]) -> bool:
    """Whether a source names who speaks: "Marc Duval", "un porte-parole du ministère",
    "le ministère"; not "deux responsables", "plusieurs sources" or "des proches de X"
    (people left anonymous, a group, someone's entourage)."""
    if inside:
        owner = speaker_in(ctx, source, inside)[0]
        if owner is not None:
            return owner.kind != "group"
    first = source[0]  # "un", "des", "plusieurs", "deux": no one in particular
    definite = any(has_morph(first, f) for f in ("Definite=Def", "Poss=Yes", "PronType=Dem"))
    anonymous = first.pos_ == "NUM" or (first.pos_ == "DET" and not definite)
    return not anonymous


def _before_relay(ctx: DocContext, source: Span) -> Span:
    """A speaker up to the participle that relays them ("un proche du ministre interrogé
    par Reuters"); a document keeps its participle, which may name its issuer ("un rapport
    publié par la Cour")."""
    words = [t for t in source if not t.is_punct]
    if len(words) < 2 or words[1].lemma_.lower() in ctx.lexicon.document_nouns:
        return source
    for token in source[2:]:
        if token.lower_ not in ctx.grammar.relative_subjects and chain_follows(ctx, token):
            return source[: token.i - source.start]
    return source


def _own_findings(ctx: DocContext, source: Span) -> bool:
    """Whether a source is the outlet's own work ("nos informations", "notre décompte")."""
    determiners, nouns = ctx.lexicon.own_findings
    return (
        len(source) >= 2
        and source[0].lower_ in determiners
        and (source[1].lemma_.lower() in nouns or source[1].lower_ in nouns)
    )


def _after_variation(ctx: DocContext, cue: Cue) -> bool:
    """Whether the marker follows a word of variation, adverbs aside ("varie fortement
    selon"): no punctuation between them."""
    i = cue.span.start - 1
    while i >= 0 and ctx.tokens[i].pos_ == "ADV":
        i -= 1
    return i >= 0 and ctx.tokens[i].lemma_.lower() in ctx.lexicon.variation_words


def _source_end(ctx: DocContext, sent: Span, cue: Cue) -> int:
    """Where the source after the marker ends: at the comma or the verb after it."""
    i = cue.span.end
    if (
        i + 1 < sent.end
        and ctx.tokens[i].lower_ in ctx.grammar.pronouns
        and ctx.tokens[i + 1].text != "-"
    ):
        return i + 1  # "selon eux la SNCF veut …": the pronoun alone
    while i < sent.end and ctx.tokens[i].text not in _SOURCE_STOPS and not ctx.tokens[i].is_space:
        if ctx.tokens[i].text in QUOTE_OPENERS and i > cue.span.end:
            break  # "selon eux « … »": the quotation is what they say
        if ctx.tokens[i].text == "(":  # "(CSIS)": a parenthesis belongs to the source
            reach = min(sent.end, i + ctx.lexicon.windows["source_parenthesis"])
            close = next((j for j in range(i, reach) if ctx.tokens[j].text == ")"), None)
            if close is not None:
                i = close + 1
                continue
        participle = has_morph(ctx.tokens[i], "VerbForm=Part") and ctx.tokens[i].pos_ == "VERB"
        name = ctx.tokens[i].is_title or ctx.tokens[i].is_upper  # "Center for …": a name, mistagged
        if (
            ctx.tokens[i].pos_ in ("VERB", "AUX")
            and i > cue.span.end + 1
            and not (participle or name)
        ):
            break  # "qui aurait selon certains médias été discuté": "été" ends the source
        i += 1
    if i < sent.end and ctx.tokens[i].text != "," and cue.span.start == ctx.first_word(sent):
        # "Selon des documents consultés par l'AFP, …": the source runs to the comma.
        reach = min(sent.end, cue.span.end + ctx.lexicon.windows["source_comma"])
        comma = next((j for j in range(i, reach) if ctx.tokens[j].text == ","), None)
        if comma is not None:
            i = comma
    if i + 2 < sent.end and ctx.tokens[i].text == ",":
        # "Selon le ministre du Commerce, Reinette Klever, …": a name in apposition
        # belongs to the source.
        j = i + 1
        while j < sent.end and ctx.tokens[j].pos_ == "PROPN":
            j += 1
        closed = j < sent.end and ctx.tokens[j].text == ","
        ends = j >= sent.end - 1 and cue.span.start > ctx.first_word(sent)
        if j > i + 1 and (closed or ends):
            i = j  # "…, selon la députée de l'Orne, Véronique Louwagie." too
        else:
            i = past_apposed_role(ctx, sent, i)
    while i > cue.span.end + 1 and ctx.tokens[i - 1].pos_ == "ADP":
        i -= 1  # "selon le journal de « … »": the source ends before the preposition
    return i


def _content(ctx: DocContext, sent: Span, cue: Cue, chain_end: int, end: int) -> Span:
    """What is attributed: after the source when the marker opens the sentence, else
    what comes before the marker."""
    grammar = ctx.grammar
    leading = [
        t
        for t in ctx.tokens[sent.start : cue.span.start]
        if not (t.is_punct or t.is_space) and t.lower_ not in grammar.leading_conjunctions
    ]
    if len(leading) <= 1:
        start = (
            chain_end + 1
            if chain_end < sent.end and ctx.tokens[chain_end].text == ","
            else chain_end
        )
        return ctx.span(start, end)
    stop = cue.span.start
    while stop > sent.start and (
        ctx.tokens[stop - 1].is_punct or ctx.tokens[stop - 1].lower_ == "et"
    ):
        stop -= 1
    begin = sent.start
    while begin < stop and ctx.tokens[begin].is_space:
        begin += 1
    return ctx.span(begin, stop) if chain_end >= end else ctx.span(begin, end)


def _antecedent(ctx: DocContext, sent: Span, cue: Cue, end: int) -> AttributionHit | None:
    """ "…, ajoute le journal, selon lequel le montant est …": the antecedent of the
    relative is the source, the rest of the sentence the content."""
    j = cue.span.start - 1
    while j > sent.start and ctx.tokens[j].is_punct:
        j -= 1
    if j < sent.start or j >= cue.span.start:
        return None
    covering = ctx.actors.covering(ctx.tokens[j].i)
    if covering:
        source: Source = (ctx.actors.owner(covering[0]), ctx.actors.name_of(covering[0]))
    else:
        source = phrase_source(ctx, ctx.span(ctx.tokens[j].left_edge.i, j + 1))
    content = ctx.span(cue.span.end + 1, end)
    if source == (None, None) or len(content) < 2:
        return None
    return AttributionHit(
        "according_to", ctx.span(cue.span.start, cue.span.end + 1), content, *source
    )
