"""What a cue attributes after it: the content after a reporting verb, the end of a cue's
content in its sentence (an incise's statement, before its verb: `incises`)."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.columns import has_morph
from claimx.components.attributions.context import DocContext
from claimx.components.attributions.cues import Cue
from claimx.components.attributions.objects import (
    forecast,
    guidance,
    judgement,
    object_content,
    self_described,
)

_FINAL = {".", "!", "?", "…", ";"}


def content_end(
    ctx: DocContext, sent: Span, cue: Span, later: list[Cue], verb_cue: bool = True
) -> int:
    """Where a cue's content ends: the sentence's end, or the next statement's start."""
    separators = ctx.grammar.statement_separators
    end = sent.end
    while end > sent.start and (ctx.tokens[end - 1].text in _FINAL or ctx.tokens[end - 1].is_space):
        end -= 1
    for other in later:
        subject = _subject_after_comma(ctx, other, cue.end) if verb_cue else None
        subject = subject or _clause_after_conjunction(ctx, other, cue.end)
        if subject is not None:  # "…, Brad Smith estime que": a new clause opens at the comma
            end = min(end, subject)
            break
        start = ctx.left_extend(other.span[0]).i
        while start - 1 > cue.end and ctx.tokens[start - 1].lower_ in ctx.grammar.gerund_markers:
            start -= 1  # "…, (tout) en dénonçant"
        if (
            start > cue.end
            and start - 1 >= sent.start
            and ctx.tokens[start - 1].lower_ in separators
        ):
            end = min(end, start - 1)
            break
    while end > cue.end and ctx.tokens[end - 1].lower_ in separators:
        end -= 1
    return end


def _clause_after_conjunction(ctx: DocContext, cue: Cue, after: int) -> int | None:
    """The comma opening a later cue's clause with a conjunction before its subject:
    "…, selon FO, alors que la direction assure …", "…, mais le ministre estime …"."""
    verb = cue.span[0]
    subject = next((c for c in verb.children if c.dep_.startswith("nsubj") and c.i < verb.i), None)
    if subject is None:
        return None
    j = subject.left_edge.i
    while (
        j - 1 > after
        and j > subject.left_edge.i - 3
        and ctx.tokens[j - 1].pos_ in ("SCONJ", "CCONJ", "ADV")
    ):
        j -= 1
    if j < subject.left_edge.i and j - 1 > after and ctx.tokens[j - 1].text == ",":
        return j - 1
    return None


def _subject_after_comma(ctx: DocContext, cue: Cue, after: int) -> int | None:
    """The comma before a later cue's own subject, when one stands between them."""
    verb = cue.span[0]
    for child in verb.children:
        if child.dep_.startswith("nsubj") and after < child.i < verb.i:
            left = child.left_edge.i
            if left - 1 > after and ctx.tokens[left - 1].text == ",":
                return left - 1
    # The parser hung the name elsewhere (an apposition of the clause before): an actor
    # named between the comma and the verb group is the subject all the same.
    start = ctx.left_extend(verb).i
    for mention in ctx.actors.mentions_in(max(after, start - 8), start):
        if (
            mention.end == start
            and mention.start - 1 > after
            and ctx.tokens[mention.start - 1].text == ","
        ):
            return mention.start - 1
    return None


def forward_content(ctx: DocContext, cue: Cue, verb: Token, end: int) -> Span | None:
    """The content after a reporting verb: a quotation, a "que" clause, an infinitive, or
    for object verbs a noun phrase ("a promis 80 milliards")."""
    lexicon, grammar = ctx.lexicon, ctx.grammar
    lemma = cue.verb or ""
    after = cue.span.end
    limit = min(verb.i + 20, end)
    for quote in ctx.quotes:
        if _manner(quote):
            continue  # 'a démenti « catégoriquement » avoir …': a manner, not what is said
        if verb.i < quote.start <= verb.i + 10 and quote.start < end + 2:
            between = ctx.span(after, quote.start - 1)
            if not any(t.pos_ == "VERB" for t in between):
                return quote
    i = after
    while i < limit:
        token = ctx.tokens[i]
        if token.lower_ in grammar.complementizers and i + 1 < end:
            if _restrictive(ctx, cue.span, i):
                break  # "n'assurera que 83 % de ses vols": "only", no clause
            return ctx.span(i + 1, end)
        # "a assuré jeudi, dans un entretien accordé au Figaro, que": a participle of the
        # material between the verb and its clause does not end the search
        # and "se dit convaincu que": the participle of a state verb does not either
        participle = has_morph(token, "VerbForm=Part") and has_morph(token, "Tense=Past")
        named = token.is_title  # "sur France Inter": a name's word the tagger read as a verb
        if (token.pos_ == "VERB" and not (participle or named)) or token.text in (".", ";", ":"):
            break
        i += 1
    nxt = after
    manners = {q.start - 1: q.end + 1 for q in ctx.quotes if _manner(q) and q.end < end}
    while nxt < end:
        if nxt in manners:
            nxt = manners[nxt]  # past « catégoriquement »
            continue
        if ctx.tokens[nxt].text == ",":  # "a annoncé, mardi, avoir …": past a set-off time
            closing = next(
                (j for j in range(nxt + 1, min(nxt + 6, end)) if ctx.tokens[j].text == ","), None
            )
            if closing is None or any(t.pos_ in ("VERB", "AUX") for t in ctx.tokens[nxt:closing]):
                break
            nxt = closing + 1
            continue
        if (
            ctx.tokens[nxt].pos_ not in ("ADV", "PRON")
            or ctx.tokens[nxt].lower_ in grammar.complementizers
        ):
            break
        if ctx.tokens[nxt].lower_ in grammar.negation and _infinitive_within(ctx, nxt, end):
            return ctx.span(nxt, end)  # "affirme ne pas être inquiet": the negation is said too
        nxt += 1
    infinitive = nxt + 1 < end and (
        ctx.tokens[nxt + 1].pos_ in ("VERB", "AUX")
        or ctx.tokens[nxt + 1].lower_ in grammar.negation
    )
    plan = lemma in lexicon.plan_verbs  # "prévoit de construire": a plan, not a statement
    if infinitive and ctx.tokens[nxt].lower_ in grammar.infinitive_markers:
        return None if plan else ctx.span(nxt + 1, end)
    if (
        nxt < end
        and ctx.tokens[nxt].pos_ in ("VERB", "AUX")
        and has_morph(ctx.tokens[nxt], "VerbForm=Inf")
    ):
        return None if plan else ctx.span(nxt, end)
    if (lemma in lexicon.object_verbs or lemma in lexicon.denial_verbs) and nxt < end:
        return object_content(ctx, lemma, nxt, end)
    if nxt < end and (forecast(ctx, lemma, nxt, end) or judgement(ctx, lemma, nxt, end)):
        return ctx.span(nxt, end)
    guided = guidance(ctx, lemma, nxt, end)
    if guided is not None:
        return ctx.span(guided, end)
    if nxt < end and self_described(ctx, verb, lemma, nxt):
        return ctx.span(nxt, end)
    return None


def _infinitive_within(ctx: DocContext, start: int, end: int, reach: int = 4) -> bool:
    """Whether an infinitive follows a negation within `reach` tokens ("ne pas être")."""
    return any(
        has_morph(t, "VerbForm=Inf") for t in ctx.tokens[start + 1 : min(end, start + reach)]
    )


def _restrictive(ctx: DocContext, cue: Span, que: int) -> bool:
    """Whether "que" after a verb group holding "ne" and no other negation word means
    "only" ("n'assurera que 83 %", "n'a dit que quelques mots")."""
    group = ctx.span(ctx.left_extend(cue[0]).i, que)
    return any(t.lower_ in ctx.grammar.negation for t in group) and not any(
        t.lower_ in ctx.grammar.negation_words for t in group
    )


def _manner(quote: Span) -> bool:
    """A one-word quotation of an adverb: « catégoriquement » says how, not what."""
    return len(quote) == 1 and quote[0].pos_ == "ADV"
