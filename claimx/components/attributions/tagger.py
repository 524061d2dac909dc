"""The attribution tagger: cues per sentence, each with its content and source."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from claimx.columns import has_morph
from claimx.components.actor_index import ActorIndex
from claimx.components.attributions.according import according_to, chain_follows
from claimx.components.attributions.agents import agent_judgements
from claimx.components.attributions.content import content_end, forward_content
from claimx.components.attributions.context import DocContext, is_present_participle
from claimx.components.attributions.cues import Cue, DocCues, doc_cues, sentence_cues
from claimx.components.attributions.incises import cleft_content, incise
from claimx.components.attributions.inverted import inverted_phrase, inverted_subject
from claimx.components.attributions.joint import (
    coordinated,
    coordination_before,
    joint_speakers,
    numbered_in,
    plural_group,
    subject_coordination,
)
from claimx.components.attributions.lexicon import AttributionLexicon
from claimx.components.attributions.phrases import Source
from claimx.components.attributions.quotations import (
    colon_quotes,
    continued_quotes,
    incise_quotes,
    introduced_quotes,
    quoting_itself,
    with_quotations,
    within_quotation,
)
from claimx.components.attributions.ranker import SourceRanker
from claimx.components.attributions.sources import subject
from claimx.components.grammar import Grammar
from claimx.components.hits import Actor, AttributionHit
from claimx.components.quotes import closed_quotes, quoted_tokens
from claimx.docs import Sentences, doc_text, span_text


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
    hits.extend(incise_quotes(ctx, hits))
    hits.extend(continued_quotes(ctx, hits))
    hits.extend(introduced_quotes(ctx, hits))
    hits.extend(agent_judgements(ctx, found.verbs, hits))
    hits.sort(key=lambda h: (h.content.start, h.cue.start))
    return _one_per_statement([h for h in hits if not quoting_itself(ctx, h, hits)])


def _one_per_statement(hits: list[AttributionHit]) -> list[AttributionHit]:
    """One hit for one statement: two cues of one verb group ("se dit" and "confiant" in
    "se dit confiant que") giving the same content to the same source become one, its cue
    covering both."""
    kept: list[AttributionHit] = []
    where: dict[tuple[int, int, str, str | None], int] = {}  # statement -> its place in kept
    for hit in hits:
        key = (hit.content.start, hit.content.end, hit.kind, hit.source_text)
        at = where.get(key)
        if at is None:
            where[key] = len(kept)
            kept.append(hit)
            continue
        same = kept[at]
        first, second = sorted((same.cue, hit.cue), key=lambda c: c.start)
        if second.start <= first.end + 1:  # adjacent words: one cue
            doc = first.doc
            cue = doc[first.start : max(first.end, second.end)]
            kept[at] = AttributionHit(
                same.kind, cue, same.content, same.source, same.source_text, same.quote
            )
    return kept


def _sentence(
    ctx: DocContext, sent: Span, found: DocCues, ranker: SourceRanker | None
) -> list[AttributionHit]:
    cues = sentence_cues(ctx, sent, found)
    hits: list[AttributionHit] = []
    covered: list[Span] = []
    relayed: list[Span] = []  # what "selon X" reports: a plain report inside is the chain's
    for index, cue in enumerate(cues):
        if any(c.start <= cue.span.start < c.end for c in covered):
            continue
        if any(r.start <= cue.span.start < r.end for r in relayed) and not _plain_report(ctx, cue):
            continue
        later = [c for c in cues[index + 1 :] if not _relay(ctx, cue, c)]
        end = content_end(ctx, sent, cue.span, later, cue.kind != "according_to")
        if cue.kind == "according_to":
            hit = according_to(ctx, sent, cue, end)
        else:
            hit = _build(ctx, sent, cue, end, hits[-1] if hits else None)
            if hit is not None and ranker is not None:
                hit = ranker.rank(ctx, hit)
        if hit is not None:
            if (
                hit.kind == "according_to"
                and span_text(cue.span).lower() not in ctx.lexicon.opinion_markers
            ):
                # "Selon X, Y affirme que …": Y's verb still reports (the chain's inner
                # speaker, as when "selon X" comes after); "selon X, cité par Y": the
                # relay is the cue's
                covered.append(hit.cue)
                relayed.append(hit.content)
            else:
                covered.append(hit.content)
            for quoted in with_quotations(hit, ctx):
                hits.extend(_each_speaker(ctx, quoted, cue))
    return hits


def _plain_report(ctx: DocContext, cue: Cue) -> bool:
    """A verb cue neither negated nor in the conditional: "Selon X, Y affirme que …"
    reports Y's words, "Selon X, Y n'a pas démontré que …" and "Y se serait montré
    rassurant" only X's."""
    if cue.kind == "according_to":
        return False
    verb = next((t for t in cue.span if t.pos_ in ("VERB", "AUX")), cue.span[0])
    group = ctx.tokens[ctx.left_extend(verb).i : verb.i + 1]
    if any(has_morph(t, "Mood=Cnd") for t in group):
        return False
    return cue.kind != "statement" or not any(t.lower_ in ctx.grammar.negation for t in group)


def _relay(ctx: DocContext, cue: Cue, later: Cue) -> bool:
    """A marker relaying an "according to" source just before it ("selon X, cité par Y"):
    part of that cue, not a cue of its own."""
    start = later.span.start
    return (
        cue.kind == later.kind == "according_to"
        and 0 < start - cue.span.end <= ctx.lexicon.windows["source_comma"]
        and ctx.tokens[start - 1].text == ","
        and chain_follows(ctx, later.span[0])
    )


def _each_speaker(ctx: DocContext, hit: AttributionHit, cue: Cue) -> list[AttributionHit]:
    """One hit per speaker when several speak together ("X et Y ont annoncé", "selon X et
    Y", "…, ont déclaré X et Y", "les deux sociétés ont décliné")."""
    if hit.source_text is None:
        return [hit]
    speakers = _joint(ctx, hit, cue)
    unnamed = hit.source is None or hit.source.kind == "group"  # "les deux groupes"
    if len(speakers) < 2 or not (unnamed or hit.source in speakers):
        return [hit]
    return [
        AttributionHit(hit.kind, hit.cue, hit.content, actor, actor.name, hit.quote)
        for actor in speakers
    ]


def _joint(ctx: DocContext, hit: AttributionHit, cue: Cue) -> list[Actor]:
    """The speakers a hit's source phrase names together, if it names several."""
    sent = ctx.sentences.of(hit.cue.start)
    if hit.kind == "according_to":  # "Selon Nvidia et la start-up Kelvio, …"
        phrase = ctx.span(cue.span.end, hit.cue.end)
        return coordinated(ctx, phrase) or numbered_in(ctx, phrase)  # "selon les deux journaux"
    verb = next((t for t in hit.cue if t.pos_ == "VERB"), cue.span[0])
    if not plural_group(ctx, verb):
        return []  # a singular verb group has one speaker
    pronoun = _plural_pronoun(ctx, verb)
    if pronoun is not None:  # "« … », écrivent-ils": the names coordinated before
        named = coordination_before(ctx, pronoun.i)
        return named if hit.source is None or hit.source in named else []
    if hit.content.end <= hit.cue.start:  # "…, ont déclaré X et Y.", "… les deux élus."
        phrase = inverted_phrase(ctx, sent, hit.cue.end)
        return coordinated(ctx, phrase) or numbered_in(ctx, phrase)
    parsed = joint_speakers(ctx, verb)
    surface = subject_coordination(ctx, sent, ctx.left_extend(verb).i)
    return surface if len(surface) > len(parsed) else parsed  # the parse may drop a name


def _narrated_alone(ctx: DocContext, verb: Token) -> bool:
    """A narrative infinitive with no subject of its own ("Et d'ajouter que …") after a
    sentence that reported someone."""
    if not ctx.narrated(verb) or not ctx.hits:
        return False
    sent = ctx.sentences.of(verb.i)
    before = ctx.sentences.before(sent)
    return (
        ctx.left_extend(verb).i - ctx.first_word(sent) == 2
        and ctx.hits[-1].cue.start >= before.start
    )


def _plural_pronoun(ctx: DocContext, verb: Token) -> Token | None:
    """The plural pronoun a verb's speaker is ("écrivent-ils", "Ils estiment"), if so."""
    pronoun = ctx.inversion_pronoun(verb) or next(
        (c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "PRON"), None
    )
    if pronoun is None or ctx.grammar.pronoun_number(pronoun.lower_.lstrip("-")) != "Plur":
        return None
    return pronoun


def _build(
    ctx: DocContext, sent: Span, cue: Cue, end: int, previous: AttributionHit | None
) -> AttributionHit | None:
    """A verb cue's hit; `previous`: the sentence's hit before it, if any."""
    lexicon = ctx.lexicon
    kind = cue.kind
    span = cue.span
    verb = span[0] if kind != "no_comment" else next((t for t in span if t.pos_ == "VERB"), span[0])
    full_cue = ctx.span(ctx.left_extend(verb).i, span.end)
    source: Source
    if kind == "no_comment":
        content = ctx.span(full_cue.start, max(end, span.end))
        source = subject(ctx, sent, verb)
        return AttributionHit(kind, full_cue, content, *source)
    cleft = cleft_content(ctx, sent, full_cue.start)
    found = incise(ctx, sent, verb, span.end) if cleft is None else cleft
    if found is not None:
        content = found
        inverted = (
            cleft is None or ctx.tokens[full_cue.start - 1].lower_ in ctx.grammar.complementizers
        )
        source = (
            inverted_subject(ctx, sent, ctx.span(verb.i, span.end), found)
            if inverted
            else subject(ctx, sent, verb)  # "C'est ce que la direction a annoncé"
        )
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
        elif _narrated_alone(ctx, verb):  # "Et d'ajouter que …": the speaker before
            last = ctx.hits[-1]
            source = (last.source, last.source_text)
        else:
            source = subject(ctx, sent, verb)
    if source == (None, None):
        return None
    if found is not None and cue.verb in lexicon.provision_verbs and _no_voice(ctx, source):
        return None  # "…, comme le prévoit le DMA": a text's provision
    if found is not None and cue.verb in lexicon.according_verbs:
        kind = "according_to"
    particles = lexicon.object_particles.get(cue.verb or "", set())
    if len(content) > 1 and ctx.tokens[content.start].lower_ in particles:
        full_cue = ctx.span(full_cue.start, content.start + 1)
        content = ctx.span(content.start + 1, content.end)
    quote = next((q for q in ctx.quotes if content.start <= q.start and q.end <= content.end), None)
    if kind == "statement" and quote is not None and len(quote) >= len(content) - 2:
        content = quote  # whether it is a quote is with_quotations' to say
    elif kind == "statement":
        inside = within_quotation(ctx, content)
        if inside is not None:  # « Le gouvernement a assuré que … », a déclaré X
            return AttributionHit("quote", full_cue, inside, *source, inside)
    return AttributionHit(kind, full_cue, content, *source, quote)


def _no_voice(ctx: DocContext, source: Source) -> bool:
    """A source that is no actor and names no one who speaks ("le DMA", "le contrat"; not
    "un analyste", "des sources")."""
    words = (source[1] or "").lower().split()
    return source[0] is None and not any(w in ctx.lexicon.speaker_nouns for w in words)
