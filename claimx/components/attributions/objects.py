"""What a reporting verb's noun phrase or attribute says, when it says something: an
object verb's object ("a promis 80 milliards"), a forecast or guidance with a figure, a
judgement with its attribute, a self-description ("s'est dit inquiet")."""

from __future__ import annotations

from spacy.tokens import Span, Token

from claimx.columns import has_morph
from claimx.components.attributions.context import DocContext
from claimx.components.attributions.cues import reflexive
from claimx.components.attributions.lexicon import bare
from claimx.text import QUOTE_OPENERS


def self_described(ctx: DocContext, verb: Token, lemma: str, start: int) -> bool:
    """A speaker describing their own state: "s'est dit inquiet pour …", "se montre
    confiant", "se dit prêt à investir" (the attribute is the statement)."""
    if bare(lemma) not in ctx.lexicon.self_description_verbs:
        return False
    word = ctx.tokens[start]
    attribute = word.pos_ == "ADJ" or (word.pos_ == "VERB" and has_morph(word, "VerbForm=Part"))
    if bare(lemma) in ctx.lexicon.speech_self_descriptions:
        # the tagger reads some attributes as a finite verb or a noun ("se dit confiante",
        # "se déclare satisfaite"); after a verb of speech a bare word is the attribute
        # ("se dit victime", "se déclare candidat"); "se montrer" keeps the tagger's reading
        attribute = word.pos_ in ("ADJ", "VERB", "NOUN") and word.is_lower and word.is_alpha
    # "se dit confiante que …": the adjective reports the clause (a cue of its own)
    follows = ctx.tokens[start + 1 : start + 2]
    opens_clause = bool(follows) and follows[0].lower_ in ctx.grammar.complementizers
    return attribute and not opens_clause and reflexive(ctx, verb.i)


def object_content(ctx: DocContext, lemma: str, start: int, end: int) -> Span | None:
    """An object verb's noun-phrase content ("a promis 80 milliards"), at its particle if
    it has one ("exhorter la Maison Blanche à interdire …"), never a figure shown."""
    lexicon = ctx.lexicon
    if lemma in lexicon.measure_verbs and ctx.tokens[start].lower_ in ("un", "une", "des"):
        return None  # "accusait une baisse de 3 %": a figure shown, nothing said
    if lemma in lexicon.raising_verbs:
        article = next(
            (t for t in ctx.tokens[start : min(start + 8, end)] if t.pos_ == "DET"), None
        )
        if article is not None and article.lower_ in ctx.grammar.possessive_determiners:
            return None  # "a relevé (mardi) ses prévisions": raised them, said nothing
    clitics = lexicon.clitic_objects.get(lemma)
    if clitics and not any(t.lower_ in clitics for t in ctx.tokens[max(0, start - 4) : start]):
        return None  # "voit les syndicats": no "y", no view reported
    upheld = lexicon.court_objects.get(lemma, set())
    head = next((t for t in ctx.tokens[start : min(start + 4, end)] if t.pos_ == "NOUN"), None)
    if head is not None and head.lemma_.lower() in upheld:
        return None  # "a confirmé le jugement": a court's act upheld
    sentenced = lexicon.sentence_particles.get(lemma, set())
    for token in ctx.tokens[start : min(start + 8, end)]:
        if token.lower_ in sentenced:
            return None  # "a condamné l'ancien maire à deux ans": a sentence passed
        if token.is_punct or token.pos_ in ("VERB", "AUX"):
            break
    particles = lexicon.object_particles.get(lemma)
    if particles:
        for j in range(start, min(start + 8, end)):
            if ctx.tokens[j].lower_ in particles:
                return ctx.span(j, end)
            if ctx.tokens[j].pos_ in ("VERB", "AUX") or ctx.tokens[j].is_punct:
                break
        return None
    if ctx.tokens[start].is_punct or _infinitive_after(ctx, start, end):
        return None  # "ont demandé à ne pas être identifiés": a request, no object
    return ctx.span(start, end)


def _infinitive_after(ctx: DocContext, start: int, end: int) -> bool:
    """Whether a preposition opens an infinitive at `start` ("à ne pas être", "de partir")."""
    if ctx.tokens[start].pos_ != "ADP":
        return False
    j = start + 1
    while j < end and (
        ctx.tokens[j].lower_ in ctx.grammar.negation or ctx.tokens[j].lower_ in ("pas", "plus")
    ):
        j += 1
    return j < end and has_morph(ctx.tokens[j], "VerbForm=Inf")


def forecast(ctx: DocContext, lemma: str, start: int, end: int) -> bool:
    """A forecast with a figure in its object ("prévoit un chiffre d'affaires de 3,6
    milliards"), not a plan ("prévoit la construction d'une usine")."""
    if lemma not in ctx.lexicon.forecast_verbs or ctx.tokens[start].pos_ != "DET":
        return False
    window = ctx.span(start, min(end, start + 12))
    return any(t.text == "%" or any(c.isdigit() for c in t.text) for t in window)


def guidance(ctx: DocContext, lemma: str, start: int, end: int) -> int | None:
    """Where a guidance's object starts, past its particle ("table sur une croissance de
    5 %"), when it holds a percentage or an amount of money; None otherwise."""
    particles = ctx.lexicon.guidance_verbs.get(lemma)
    if particles is None or start >= end:
        return None
    doc = ctx.doc
    if particles:
        if ctx.tokens[start].lower_ not in particles:
            return None
        start += 1
    if start >= end or not has_morph(ctx.tokens[start], "Definite=Ind"):
        return None  # "une croissance de 5 %", not "les groupes X avec 500 millions"
    window = (start, min(end, start + 12))
    figures = [*doc.spans.get("claimx_money", []), *doc.spans.get("claimx_percent", [])]
    held = any(window[0] <= f.start and f.end <= window[1] for f in figures)
    return start if held else None


def judgement(ctx: DocContext, lemma: str, start: int, end: int) -> bool:
    """A judgement with an attribute after its object ("considère TikTok comme une
    menace", "juge ces chiffres « alarmants »")."""
    if lemma not in ctx.lexicon.judgement_verbs:
        return False
    i = start
    while i < end and ctx.tokens[i].pos_ in ("DET", "NOUN", "PROPN", "NUM"):
        i += 1
    if not start < i < end:
        return False
    if ctx.tokens[i].lower_ == "comme":
        return True
    # an adjective right after the noun qualifies it ("un accord commercial"); a quoted
    # one is the speaker's word ("ces chiffres « alarmants »")
    return (
        ctx.tokens[i].text in QUOTE_OPENERS
        and i + 1 < end
        and ctx.tokens[i + 1].pos_ in ("ADJ", "NOUN")
    )
