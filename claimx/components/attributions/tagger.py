"""The attribution tagger: cues per sentence, each with its content and source."""

from __future__ import annotations

from spacy.tokens import Doc, Span

from claimx.components.actor_index import ActorIndex
from claimx.components.attributions.content import content_end, forward_content, incise
from claimx.components.attributions.context import DocContext, is_present_participle
from claimx.components.attributions.cues import Cue, DocCues, doc_cues, sentence_cues
from claimx.components.attributions.joint import (
    coordinated,
    joint_speakers,
    plural_group,
    subject_coordination,
)
from claimx.components.attributions.lexicon import AttributionLexicon
from claimx.components.attributions.quotations import (
    colon_quotes,
    continued_quotes,
    with_quotations,
)
from claimx.components.attributions.ranker import SourceRanker
from claimx.components.attributions.references import (
    Source,
    document_issuer,
    phrase_source,
    pronoun_source,
)
from claimx.components.attributions.sources import (
    inverted_phrase,
    inverted_subject,
    speaker_in,
    subject,
)
from claimx.components.grammar import Grammar
from claimx.components.hits import Actor, AttributionHit
from claimx.components.quotes import closed_quotes, quoted_tokens
from claimx.docs import Sentences, doc_text, has_morph
from claimx.text import fold


def tag(
    doc: Doc,
    speakers: list[Actor],
    lexicon: AttributionLexicon,
    grammar: Grammar,
    ranker: SourceRanker | None = None,
) -> list[AttributionHit]:
    """Every attribution of a doc, in order of content; `ranker` chooses each verb cue's
    speaker among the candidates within reach (the rules' choice alone without it)."""
    ctx = DocContext(
        doc,
        Sentences(doc),
        ActorIndex(speakers),
        closed_quotes(doc),
        quoted_tokens(doc),
        lexicon,
        grammar,
    )
    found = doc_cues(doc, lexicon)
    text = doc_text(doc)
    for sent in ctx.sentences:
        if text[sent.start_char : sent.end_char].strip():
            ctx.hits.extend(_sentence(ctx, sent, found, ranker))
    hits = ctx.hits
    hits.extend(colon_quotes(ctx, hits))
    hits.extend(continued_quotes(ctx, hits))
    hits.sort(key=lambda h: (h.content.start, h.cue.start))
    return _one_per_statement(hits)


def _one_per_statement(hits: list[AttributionHit]) -> list[AttributionHit]:
    """One hit for one statement: two cues of one verb group ("se dit" and "confiant" in
    "se dit confiant que") giving the same content to the same source become one, its cue
    covering both."""
    kept: list[AttributionHit] = []
    for hit in hits:
        same = next(
            (
                k
                for k in kept
                if (k.content.start, k.content.end, k.kind, k.source_text)
                == (hit.content.start, hit.content.end, hit.kind, hit.source_text)
            ),
            None,
        )
        if same is None:
            kept.append(hit)
            continue
        first, second = sorted((same.cue, hit.cue), key=lambda c: c.start)
        if second.start <= first.end + 1:  # adjacent words: one cue
            doc = first.doc
            cue = doc[first.start : max(first.end, second.end)]
            kept[kept.index(same)] = AttributionHit(
                same.kind, cue, same.content, same.source, same.source_text, same.quote
            )
    return kept


def _sentence(
    ctx: DocContext, sent: Span, found: DocCues, ranker: SourceRanker | None
) -> list[AttributionHit]:
    cues = sentence_cues(ctx, sent, found)
    hits: list[AttributionHit] = []
    covered: list[Span] = []
    for index, cue in enumerate(cues):
        if any(c.start <= cue.span.start < c.end for c in covered):
            continue
        end = content_end(ctx, sent, cue.span, cues[index + 1 :], cue.kind != "according_to")
        if cue.kind == "according_to":
            hit = _according_to(ctx, sent, cue, end)
        else:
            hit = _build(ctx, sent, cue, end, hits[-1] if hits else None)
            if hit is not None and ranker is not None:
                hit = ranker.rank(ctx, hit)
        if hit is not None:
            covered.append(hit.content)
            for quoted in with_quotations(hit, ctx):
                hits.extend(_each_speaker(ctx, quoted, cue))
    return hits


def _each_speaker(ctx: DocContext, hit: AttributionHit, cue: Cue) -> list[AttributionHit]:
    """One hit per speaker when several speak together ("X et Y ont annoncé", "selon X et
    Y", "…, ont déclaré X et Y", "les deux sociétés ont décliné")."""
    if hit.source_text is None:
        return [hit]
    speakers = _joint(ctx, hit, cue)
    if len(speakers) < 2 or (hit.source is not None and hit.source not in speakers):
        return [hit]
    return [
        AttributionHit(hit.kind, hit.cue, hit.content, actor, actor.name, hit.quote)
        for actor in speakers
    ]


def _joint(ctx: DocContext, hit: AttributionHit, cue: Cue) -> list[Actor]:
    """The speakers a hit's source phrase names together, if it names several."""
    doc = ctx.doc
    sent = ctx.sentences.of(hit.cue.start)
    if hit.kind == "according_to":  # "Selon Nvidia et la start-up Kelvio, …"
        return coordinated(ctx, doc[cue.span.end : hit.cue.end])
    verb = next((t for t in hit.cue if t.pos_ == "VERB"), cue.span[0])
    if not plural_group(ctx, verb):
        return []  # a singular verb group has one speaker
    if hit.content.end <= hit.cue.start:  # "…, ont déclaré X et Y."
        return coordinated(ctx, inverted_phrase(ctx, sent, hit.cue.end))
    parsed = joint_speakers(ctx, verb)
    surface = subject_coordination(ctx, sent, ctx.left_extend(verb).i)
    return surface if len(surface) > len(parsed) else parsed  # the parse may drop a name


def _build(
    ctx: DocContext, sent: Span, cue: Cue, end: int, previous: AttributionHit | None
) -> AttributionHit | None:
    """A verb cue's hit; `previous`: the sentence's hit before it, if any."""
    doc, lexicon = ctx.doc, ctx.lexicon
    kind = cue.kind
    span = cue.span
    verb = span[0] if kind != "no_comment" else next((t for t in span if t.pos_ == "VERB"), span[0])
    full_cue = doc[ctx.left_extend(verb).i : span.end]
    source: Source
    if kind == "no_comment":
        content = doc[full_cue.start : max(end, span.end)]
        source = subject(ctx, sent, verb)
        return AttributionHit(kind, full_cue, content, *source)
    found = incise(ctx, sent, verb, span.end)
    if found is not None:
        content = found
        source = inverted_subject(ctx, sent, doc[verb.i : span.end], found)
    else:
        forward = forward_content(ctx, cue, verb, end)
        if forward is None and kind == "denial":
            forward = full_cue  # "L'entreprise a démenti.": the denial is the claim itself
        if forward is None:
            return None
        content = forward
        if previous is not None and previous.kind != "according_to" and is_present_participle(verb):
            # "…, a déclaré X, précisant que …": the participle's speaker is the sentence's.
            source = (previous.source, previous.source_text)
        else:
            source = subject(ctx, sent, verb)
    if source == (None, None):
        return None
    if found is not None and cue.verb in lexicon.according_verbs:
        kind = "according_to"
    particles = lexicon.object_particles.get(cue.verb or "", set())
    if len(content) > 1 and doc[content.start].lower_ in particles:
        full_cue = doc[full_cue.start : content.start + 1]
        content = doc[content.start + 1 : content.end]
    quote = next((q for q in ctx.quotes if content.start <= q.start and q.end <= content.end), None)
    if kind == "statement" and quote is not None and len(quote) >= len(content) - 2:
        content = quote  # whether it is a quote is with_quotations' to say
    return AttributionHit(kind, full_cue, content, *source, quote)


def _according_to(ctx: DocContext, sent: Span, cue: Cue, end: int) -> AttributionHit | None:
    """ "Selon X, …", "…, d'après X": the source runs from the marker to the comma."""
    doc, grammar = ctx.doc, ctx.grammar
    if cue.span.end < end and doc[cue.span.end].lower_ in grammar.relative_objects:
        return _according_to_antecedent(ctx, sent, cue, end)
    if cue.span.end < end and doc[cue.span.end].lower_ in grammar.complementizers:
        return None  # "selon que le client est …": a conjunction, no source
    i = cue.span.end
    while (
        i < sent.end and doc[i].text not in (",", ".", ";", ":", ")", "\n") and not doc[i].is_space
    ):
        if doc[i].text == "(":  # "(CSIS)": a parenthesis belongs to the source
            close = next((j for j in range(i, min(sent.end, i + 8)) if doc[j].text == ")"), None)
            if close is not None:
                i = close + 1
                continue
        participle = has_morph(doc[i], "VerbForm=Part") and doc[i].pos_ == "VERB"
        name = doc[i].is_title or doc[i].is_upper  # "Center for …": a name, mistagged
        if doc[i].pos_ in ("VERB", "AUX") and i > cue.span.end + 1 and not (participle or name):
            break  # "qui aurait selon certains médias été discuté": "été" ends the source
        i += 1
    if i < sent.end and doc[i].text != "," and cue.span.start == ctx.first_word(sent):
        # "Selon des documents consultés par l'AFP, …": the source runs to the comma.
        comma = next(
            (j for j in range(i, min(sent.end, cue.span.end + 12)) if doc[j].text == ","), None
        )
        if comma is not None:
            i = comma
    if i + 2 < sent.end and doc[i].text == ",":
        # "Selon le ministre du Commerce, Reinette Klever, …": a name in apposition
        # belongs to the source.
        j = i + 1
        while j < sent.end and doc[j].pos_ == "PROPN":
            j += 1
        if j > i + 1 and j < sent.end and doc[j].text == ",":
            i = j
    while i > cue.span.end + 1 and doc[i - 1].pos_ == "ADP":
        i -= 1  # "selon le journal de « … »": the source ends before the preposition
    source_span = doc[cue.span.end : i]
    if not len(source_span) or fold(source_span.text) in ctx.lexicon.not_sources:
        return None
    chain_end = i
    if i + 1 < sent.end and doc[i].text == "," and doc[i + 1].lower_ in grammar.relative_subjects:
        j = i + 1
        while j < sent.end and doc[j].text not in (",", ".", ";", ":"):
            j += 1
        chain_end = j
    full_cue = doc[cue.span.start : chain_end]
    leading = [
        t
        for t in doc[sent.start : cue.span.start]
        if not (t.is_punct or t.is_space) and t.lower_ not in grammar.leading_conjunctions
    ]
    if len(leading) <= 1:
        start = chain_end + 1 if chain_end < sent.end and doc[chain_end].text == "," else chain_end
        content = doc[start:end]
    else:
        stop = cue.span.start
        while stop > sent.start and (doc[stop - 1].is_punct or doc[stop - 1].lower_ == "et"):
            stop -= 1
        begin = sent.start
        while begin < stop and doc[begin].is_space:
            begin += 1
        content = doc[begin:stop] if chain_end >= end else doc[begin:end]
    if len(content) < 2:
        return None
    as_written = doc[source_span.start : chain_end].text
    if len(source_span) == 1 and source_span[0].lower_ in grammar.pronouns:
        actor, text = pronoun_source(ctx, source_span[0])
        return AttributionHit("according_to", full_cue, content, actor, text)
    inside = ctx.actors.mentions_in(source_span.start, source_span.end)
    issuer = document_issuer(ctx, source_span)
    if issuer is not None and not any(ctx.actors.kind_of(m) == "person" for m in inside):
        owner = issuer[0]  # "selon le communiqué du groupe": who issued it
        if owner is None:
            as_written = issuer[1] or as_written
    elif inside:  # "selon un mémo du patron de X, Y": the person named speaks
        owner = speaker_in(ctx, source_span, inside)[0]
    else:
        owner, text = phrase_source(ctx, source_span)
        if text is None:
            return None  # "selon un calendrier précis"
    return AttributionHit("according_to", full_cue, content, owner, as_written)


def _according_to_antecedent(
    ctx: DocContext, sent: Span, cue: Cue, end: int
) -> AttributionHit | None:
    """ "…, ajoute le journal, selon lequel le montant est …": the antecedent of the
    relative is the source, the rest of the sentence the content."""
    doc = ctx.doc
    j = cue.span.start - 1
    while j > sent.start and doc[j].is_punct:
        j -= 1
    if j < sent.start or j >= cue.span.start:
        return None
    covering = ctx.actors.covering(doc[j].i)
    if covering:
        source: Source = (ctx.actors.owner(covering[0]), ctx.actors.name_of(covering[0]))
    else:
        source = phrase_source(ctx, doc[doc[j].left_edge.i : j + 1])
    content = doc[cue.span.end + 1 : end]
    if source == (None, None) or len(content) < 2:
        return None
    return AttributionHit("according_to", doc[cue.span.start : cue.span.end + 1], content, *source)
