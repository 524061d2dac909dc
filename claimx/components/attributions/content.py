"""What a cue attributes: the content after a reporting verb, an incise's statement, the
end of a cue's content in its sentence."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Span, Token

from claimx.components.attributions.context import DocContext, is_present_participle
from claimx.components.attributions.cues import Cue
from claimx.components.attributions.inverted import inverted_phrase, past_apposed_role
from claimx.components.attributions.objects import (
    forecast,
    guidance,
    judgement,
    object_content,
    self_described,
)
from claimx.docs import has_morph, span_text
from claimx.text import QUOTE_CLOSERS, QUOTE_OPENERS, fold

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


def _que_follows(ctx: DocContext, verb: Token, sent: Span) -> bool:
    """Whether a "que" opens the verb's clause, past an addressee or a complement ("a
    affirmé à ses actionnaires que")."""
    for token in ctx.tokens[verb.i + 1 : min(sent.end, verb.i + 10)]:
        if token.lower_ in ctx.grammar.complementizers:
            return True
        if token.text in (",", ".", ";", ":") or token.pos_ in ("VERB", "AUX"):
            return False
    return False


def incise(ctx: DocContext, sent: Span, verb: Token, cue_end: int) -> Span | None:
    """Content of an inverted incise: "« … », a déclaré X" or "…, estime-t-elle"."""
    doc = ctx.doc
    if is_present_participle(verb) or any(c.dep_ == "aux:pass" for c in verb.children):
        return None  # "…, précisant que", "…, ont été annoncées par X": no incise
    start = ctx.left_extend(verb)
    if _opened_by_comme(ctx, sent, start.i):  # "Comme l'a indiqué X, …": what follows
        speaker = inverted_phrase(ctx, sent, cue_end)
        return _around(ctx, sent, start.i, start.i, past_apposed_role(ctx, sent, speaker.end))
    after = ctx.tokens[verb.i + 1] if verb.i + 1 < len(doc) else None
    inverted_pronoun = ctx.inversion_pronoun(verb) is not None
    before = ctx.tokens[start.i - 1] if start.i > sent.start else None
    clitic = start.i if ctx.tokens[start.i].lower_ in ctx.grammar.incise_clitics else start.i - 1
    if before is not None and _comme_after_comma(ctx, sent, clitic):
        before = ctx.tokens[clitic - 2]  # "…, comme le constate X", "…, comme l'a dit X"
    if before is None or before.text not in (",", *QUOTE_CLOSERS):
        return None
    if (
        not inverted_pronoun
        and after is not None
        and (after.lower_ in ctx.grammar.infinitive_markers or _que_follows(ctx, verb, sent))
    ):
        return None  # "X, juge (au contraire) que …" opens its content, it is no incise
    if not inverted_pronoun and (
        _apposed_subject(ctx, sent, start.i) or _set_off_participle(ctx, sent, start.i)
    ):
        return None  # "Le président du Medef, Patrick Martin, juge …": its subject
    if not inverted_pronoun and any(
        c.dep_.startswith("nsubj") and c.i < verb.i and c.i not in ctx.quoted for c in verb.children
    ):
        # A subject before the verb: no incise, unless the parser took the statement's
        # subject for the verb's and a speaker follows it ("…, pointe la Cour").
        phrase = inverted_phrase(ctx, sent, cue_end, past_complements=False)
        if not (ctx.actors.mentions_in(phrase.start, phrase.end) or ctx.can_speak(phrase)):
            return None
    end = before.i
    if (
        ctx.tokens[end].text == ","
        and end - 1 >= sent.start
        and ctx.tokens[end - 1].text in QUOTE_CLOSERS
    ):
        end -= 1
    if ctx.tokens[end].text in QUOTE_CLOSERS:
        # The whole quotation, over as many sentences as it runs.
        for quote in ctx.quotes:
            if quote.end == end:
                return quote
        opening = end - 1
        while opening >= sent.start and ctx.tokens[opening].text not in QUOTE_OPENERS:
            opening -= 1
        if opening >= sent.start:
            return ctx.span(opening + 1, end)
    begin = min(ctx.first_word(sent), end)
    lead = ctx.span(begin, end)
    if end - begin >= 3 and any(t.pos_ in ("VERB", "AUX") for t in lead):
        return lead
    # a lead without a verb ("Pour l'heure, explique X, aucune décision …") is the
    # statement's start: the statement runs on after the incise
    return _around(ctx, sent, begin, end, cue_end) or (lead if end - begin >= 3 else None)


def _comme_after_comma(ctx: DocContext, sent: Span, clitic: int) -> bool:
    """Whether ", comme le" stands before a verb group whose clitic is at `clitic`."""
    grammar = ctx.grammar
    return (
        clitic - 2 > sent.start
        and ctx.tokens[clitic].lower_ in grammar.incise_clitics
        and ctx.tokens[clitic - 1].lower_ in grammar.incise_openers
        and ctx.tokens[clitic - 2].text == ","
    )


def _opened_by_comme(ctx: DocContext, sent: Span, group_start: int) -> bool:
    """Whether a verb group follows a sentence's opening "Comme l'a", "Ainsi que le"."""
    grammar = ctx.grammar
    first = ctx.first_word(sent)
    clitic = (
        group_start - 1 if ctx.tokens[group_start - 1].lower_ in grammar.incise_clitics else None
    )
    if clitic is None and ctx.tokens[group_start].lower_ in grammar.incise_clitics:
        clitic = group_start  # "l'" already in the verb group
    if clitic is None or clitic <= first:
        return False
    return fold(span_text(ctx.span(first, clitic))) in grammar.incise_openers


def _apposed_subject(ctx: DocContext, sent: Span, group_start: int) -> bool:
    """Whether a verb group follows a subject with a name in apposition, the sentence so
    far holding no verb: "Le président du Medef, Patrick Martin, juge …"."""
    comma = group_start - 1
    if comma <= sent.start or ctx.tokens[comma].text != ",":
        return False
    names = [m for m in ctx.actors.covering(comma - 1) if m.end == comma]
    if not names or ctx.actors.kind_of(names[0]) != "person":
        return False
    start = names[0].start
    lead = ctx.span(sent.start, start)
    return (
        start - 1 > sent.start
        and ctx.tokens[start - 1].text == ","
        and not any(_finite(t) or t.text in QUOTE_CLOSERS for t in lead)
    )


def _set_off_participle(ctx: DocContext, sent: Span, group_start: int) -> bool:
    """Whether a verb group follows its subject and a participle or a description set off
    by commas, the sentence so far holding no finite verb: "Un rapport, révélé lundi,
    préconise …", "Renault, le constructeur automobile, a annoncé …"."""
    first = ctx.first_word(sent)
    comma = group_start - 1
    if comma <= first or ctx.tokens[comma].text != ",":
        return False
    lead = ctx.span(first, comma)
    opening = next((t.i for t in lead if t.text == ","), None)
    if opening is None or any(_finite(t) or t.text in QUOTE_CLOSERS for t in lead):
        return False
    after = ctx.tokens[opening + 1]
    if ctx.tokens[first].pos_ == "DET":
        return has_morph(after, "VerbForm=Part")
    named = [m for m in ctx.actors.covering(first) if m.end == opening]
    proper = all(t.pos_ == "PROPN" for t in ctx.tokens[first:opening])  # a name the NER missed
    return bool(named or proper) and after.pos_ == "DET"


def _finite(token: Token) -> bool:
    """A verb or auxiliary that is no participle ("adressé à ses salariés" is not)."""
    return token.pos_ in ("VERB", "AUX") and not has_morph(token, "VerbForm=Part")


def _around(ctx: DocContext, sent: Span, begin: int, end: int, cue_end: int) -> Span | None:
    """The content around an incise set inside its sentence after a short lead: "Cette
    attaque, affirme Free, n'a pas eu d'impact" (the whole sentence); "En outre,
    souligne-t-elle, « … »" (what follows, after a lead that is no subject)."""
    close = next(
        (t.i for t in ctx.tokens[cue_end : min(sent.end, cue_end + 12)] if t.text == ","), None
    )
    if close is None:
        return None
    last = sent.end
    while (
        last > close + 1
        and ctx.tokens[last - 1].is_punct
        and ctx.tokens[last - 1].text not in QUOTE_CLOSERS
    ):
        last -= 1  # the final period, not a closing quotation mark
    if last - close < 3:
        return None
    lead = ctx.span(begin, end)
    if any(t.pos_ in ("NOUN", "PROPN", "PRON") for t in lead):
        return ctx.span(begin, last)
    return ctx.span(close + 1, last)


def cleft_content(ctx: DocContext, sent: Span, group_start: int) -> Span | None:
    """What a cleft sentence reports: the sentence before it ("Le groupe fermera deux
    usines. C'est ce qu'ont indiqué mardi les syndicats."; "C'est du moins ce qu'affirme
    le quotidien"; "C'est ce que la direction a annoncé"), or its quotation."""
    first = ctx.first_word(sent)
    words = [t.lower_.replace("’", "'") for t in ctx.tokens[first : min(group_start, first + 8)]]
    opener = next((o for o in ctx.grammar.cleft_openers if tuple(words[: len(o)]) == o), None)
    if opener is None or not any(
        pair in (("ce", "que"), ("ce", "qu'")) for pair in pairwise(words[len(opener) : 8])
    ):
        return None
    before = ctx.sentences.before(sent)
    if before.start == sent.start:
        return None
    start = ctx.first_word(before)
    quoted = [q for q in ctx.quotes if q.start <= start and before.end - 3 <= q.end <= sent.start]
    if quoted:
        return quoted[0]
    end = before.end
    while end > start + 1 and (ctx.tokens[end - 1].is_punct or ctx.tokens[end - 1].is_space):
        end -= 1
    return ctx.span(start, end) if end - start > 2 else None
