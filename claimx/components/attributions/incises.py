"""What an incise attributes, before its verb: "« … », a déclaré X", "…, estime-t-elle",
"Cette attaque, affirme Free, n'a pas eu d'impact", "C'est ce qu'a annoncé X"; and the
subjects set off before a verb that make it no incise ("Renault, le constructeur, a
annoncé …")."""

from __future__ import annotations

from itertools import pairwise

from spacy.tokens import Span, Token

from claimx.columns import has_morph
from claimx.components.attributions.context import DocContext, is_present_participle
from claimx.components.attributions.inverted import inverted_phrase, past_apposed_role
from claimx.docs import span_text
from claimx.text import QUOTE_CLOSERS, QUOTE_OPENERS, fold


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
    if opener is None:
        return _clause_before_ce_que(ctx, sent, group_start)
    if not any(pair in (("ce", "que"), ("ce", "qu'")) for pair in pairwise(words[len(opener) : 8])):
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


def _clause_before_ce_que(ctx: DocContext, sent: Span, group_start: int) -> Span | None:
    """ "Le site fermera en juin, ce qu'a confirmé la direction", "…, ce que le syndicat
    conteste": the clause before the comma, which the relative's verb reports."""
    lower = [t.lower_.replace("’", "'") for t in ctx.tokens[sent.start : group_start]]
    for k in range(len(lower) - 1, max(1, len(lower) - 8), -1):
        if lower[k] not in ("que", "qu'") or lower[k - 1] != "ce" or lower[k - 2] != ",":
            continue
        between = ctx.tokens[sent.start + k + 1 : group_start]
        if any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in between):
            return None
        start, end = ctx.first_word(sent), sent.start + k - 2
        return ctx.span(start, end) if end - start > 2 else None
    return None
