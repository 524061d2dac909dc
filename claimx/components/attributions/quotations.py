"""Quotations in attributions: the words a statement quotes, quotes introduced by a colon,
speakers named inside the quotation marks, and quotations that continue a speaker's words."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.components.attributions.context import DocContext
from claimx.components.attributions.cues import verb_lemma
from claimx.components.attributions.inverted import inverted_subject
from claimx.components.attributions.named import speaker_before
from claimx.components.attributions.sources import subject
from claimx.components.hits import AttributionHit


def verbatim(quote: Span) -> bool:
    """A quotation that reports words (two or more), not a word set off in quotation
    marks ("une décision « exceptionnelle »")."""
    return sum(1 for t in quote if t.is_alpha or t.like_num) >= 2


def with_quotations(hit: AttributionHit, ctx: DocContext) -> list[AttributionHit]:
    """A statement holding a quotation is two claims: what was said, and the words quoted
    (kind quote, same cue and source). Content that is all quotation is a quote."""
    if hit.kind not in ("statement", "according_to"):
        return [hit]
    content = hit.content
    quotes = [
        q for q in ctx.quotes if content.start <= q.start and q.end <= content.end and verbatim(q)
    ]
    if not quotes:
        return [hit]
    if len(quotes) == 1 and len(quotes[0]) >= len(content) - 2:
        return [AttributionHit("quote", hit.cue, quotes[0], hit.source, hit.source_text, quotes[0])]
    extra = [AttributionHit("quote", hit.cue, q, hit.source, hit.source_text, q) for q in quotes]
    return [hit, *extra]


def colon_quotes(ctx: DocContext, hits: list[AttributionHit]) -> list[AttributionHit]:
    """Quotes introduced by a colon after their speaker: "Le ministre : « … »"."""
    found = []
    for quote in ctx.quotes:
        if any(h.content.start <= quote.start < h.content.end for h in hits):
            continue
        colon = quote.start - 2
        if colon < 0 or ctx.tokens[colon].text != ":":
            continue
        speaker = speaker_before(ctx, ctx.sentences.of(colon), colon)
        if speaker is not None:
            found.append(
                AttributionHit("quote", ctx.span(colon, colon + 1), quote, *speaker, quote)
            )
    return found


def incise_quotes(ctx: DocContext, hits: list[AttributionHit]) -> list[AttributionHit]:
    """A speaker named in an incise inside the quotation marks ("« Nous irons, a lancé X,
    jusqu'au bout »", "« Le site ferme, assure X. Rien n'est prévu. »"): the whole
    quotation is the speaker's, the incise's verb its cue."""
    found: list[AttributionHit] = []
    for quote in ctx.quotes:
        if not verbatim(quote) or any(h.content.start <= quote.start < h.content.end for h in hits):
            continue
        for token in quote[2:-1]:
            cue = _incise_cue(ctx, token, quote)
            if cue is None:
                continue
            sent = ctx.sentences.of(token.i)
            actor, text = inverted_subject(ctx, sent, cue, quote)
            if actor is not None or text is not None:
                found.append(AttributionHit("quote", cue, quote, actor, text, quote))
                break
    return found


def _incise_cue(ctx: DocContext, token: Token, quote: Span) -> Span | None:
    """The verb group of an incise a comma opens inside a quotation, if `token` is its
    reporting verb and the incise closes (a comma or a full stop) before the quotation
    does."""
    if token.pos_ not in ("VERB", "NOUN", "PROPN") or verb_lemma(ctx, token) is None:
        return None
    start = ctx.left_extend(token).i
    if start <= quote.start or ctx.tokens[start - 1].text != ",":
        return None
    end = token.i + 1
    while end < quote.end - 1 and ctx.tokens[end].text.startswith("-"):
        end += 1  # "a-t-il", "estime-t-elle"
    close = next(
        (j for j in range(end, min(quote.end, end + 12)) if ctx.tokens[j].text in (",", ".")), None
    )
    if close is None or close >= quote.end - 1:
        return None  # the words after the verb run to the end: not an incise
    return ctx.span(start, token.i + 1)


def continued_quotes(ctx: DocContext, hits: list[AttributionHit]) -> list[AttributionHit]:
    """A quotation with no cue of its own, right after a speaker's words, continues them
    ("« … », a déclaré X. « … »", "« … », a déclaré X, « … »"): the same speaker, with the
    same cue. A quotation inside a sentence of the writer's continues nothing."""
    found: list[AttributionHit] = []
    ordered = sorted(hits, key=lambda h: h.content.end)
    for quote in ctx.quotes:
        sent = ctx.sentences.of(quote.start)
        if not verbatim(quote) or any(
            h.content.start <= quote.start < h.content.end
            or (h.cue.start >= quote.start and ctx.sentences.of(h.cue.start).start == sent.start)
            for h in hits
        ):
            continue
        before = [h for h in ordered if h.content.end <= quote.start and h.cue.end <= quote.start]
        if not before:
            continue
        last = before[-1]
        if ctx.first_word(sent) < quote.start and not _resumes(ctx, last, quote):
            continue
        gap = ctx.span(max(last.content.end, last.cue.end), quote.start)
        # Another speaker named in a sentence between: not a continuation. The speaker's
        # own sentence may name others ("a déclaré X, porte-parole de la Commission").
        said = ctx.sentences.of(max(last.content.end, last.cue.end) - 1).end
        named = [
            m
            for m in ctx.actors.mentions_in(max(gap.start, said), gap.end)
            if ctx.actors.owner(m) is not last.source
        ]
        if last.kind in ("quote", "statement") and len(gap) <= 40 and not named:
            found.append(
                AttributionHit("quote", last.cue, quote, last.source, last.source_text, quote)
            )
    return found


def _resumes(ctx: DocContext, last: AttributionHit, quote: Span) -> bool:
    """ "« … », a accusé X dans sa lettre, « … »": a quotation resuming after the incise
    of the quotation before it, in the same sentence, after a comma."""
    opener = quote.start - 1
    return (
        last.content.end <= last.cue.start
        and ctx.sentences.of(last.cue.start).start == ctx.sentences.of(quote.start).start
        and opener > 0
        and ctx.tokens[opener - 1].text == ","
    )


def introduced_quotes(ctx: DocContext, hits: list[AttributionHit]) -> list[AttributionHit]:
    """A sentence that is all quotation, right after a sentence in which a speaker takes
    the floor without saying what ("Marc Duval s'est exprimé mardi. « … »", "La ministre a
    été claire. « … »"): the speaker's words, the floor verb its cue."""
    found: list[AttributionHit] = []
    for quote in ctx.quotes:
        sent = ctx.sentences.of(quote.start)
        if (
            not verbatim(quote)
            or ctx.first_word(sent) != quote.start
            or quote.end < sent.end - 3  # a quotation the writer's sentence goes on after
            or any(_in_sentence(ctx, h, sent) for h in hits)
        ):
            continue
        before = ctx.sentences.before(sent)
        floor = _floor_verb(ctx, before)
        if before.start == sent.start or floor is None:
            continue
        verb, end = floor
        if any(_in_sentence(ctx, h, before) for h in hits):
            continue  # the sentence before said something: continued_quotes' to decide
        actor, text = subject(ctx, before, verb)
        if actor is not None or text is not None:
            cue = ctx.span(ctx.left_extend(verb).i, end)
            found.append(AttributionHit("quote", cue, quote, actor, text, quote))
    return found


def _in_sentence(ctx: DocContext, hit: AttributionHit, sent: Span) -> bool:
    return sent.start <= hit.cue.start < sent.end or sent.start <= hit.content.start < sent.end


def _floor_verb(ctx: DocContext, sent: Span) -> tuple[Token, int] | None:
    """The main verb of a sentence in which a speaker takes the floor, and where its cue
    ends: a verb of it, or a manner adjective after "être", "se montrer", "se vouloir"."""
    root = sent.root
    lexicon = ctx.lexicon
    if root.pos_ == "VERB" and root.lemma_.lower() in lexicon.floor_verbs:
        return root, root.i + 1
    if root.pos_ == "ADJ" and root.lower_ in lexicon.floor_adjectives:
        copula = next((c for c in root.children if c.dep_ == "cop"), None)
        return (copula, root.i + 1) if copula is not None else None
    if root.pos_ != "VERB":
        return None
    manner = [c for c in root.children if c.pos_ == "ADJ" and c.lower_ in lexicon.floor_adjectives]
    return (root, manner[0].i + 1) if manner else None


def quoting_itself(ctx: DocContext, hit: AttributionHit, hits: list[AttributionHit]) -> bool:
    """A report inside a speaker's own quotation naming that speaker (« L'Arcom se
    réjouit que … », a-t-elle déclaré): the quotation says it already."""
    return (
        hit.source is not None
        and hit.cue.start in ctx.quoted
        and any(
            other.source is hit.source
            and other.cue.start not in ctx.quoted
            and other.content.start <= hit.cue.start < other.content.end
            for other in hits
        )
    )


def within_quotation(ctx: DocContext, content: Span) -> Span | None:
    """A content reported inside a quotation, without the marks that close it, if so."""
    q = ctx.quote_at(content.start)
    if q is None or not all(t.is_punct for t in ctx.tokens[q.end : content.end]):
        return None
    return ctx.span(content.start, q.end)
