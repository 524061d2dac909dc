"""Attribution cues in a sentence: no-comment phrases, "selon"-type markers, reporting
verbs (one word or several), each with its kind."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Span, Token

from claimx.columns import morph_has
from claimx.components.attributions.context import DocContext, after_subject, inverted
from claimx.components.attributions.lexicon import AttributionLexicon
from claimx.docs import match_near
from claimx.kinds import AttributionKind
from claimx.text import QUOTE_OPENERS, fold


@dataclass(frozen=True)
class Cue:
    """A cue: its kind, its span, and the reporting verb it is (None for a phrase)."""

    kind: AttributionKind
    span: Span
    verb: str | None = None


@dataclass
class DocCues:
    """The cue candidates of a whole doc, found once; each sentence takes its own."""

    no_comment: list[Span]
    according: list[Span]
    phrasal: list[Span]
    verbs: list[int]


def doc_cues(doc: Doc, lexicon: AttributionLexicon) -> DocCues:
    """Run the phrase matchers once over the doc and list the possible reporting verbs."""
    verbs = sorted({*lexicon.lemma_ids.where(doc, LEMMA), *lexicon.form_ids.where(doc, LOWER)})
    return DocCues(
        match_near(
            lexicon.no_comment,
            doc,
            lexicon.no_comment_triggers,
            LEMMA,
            lexicon.windows["no_comment"],
            0,
            lexicon.no_comment_openers.where(doc, LEMMA),
        ),
        list(lexicon.according(doc, as_spans=True)),
        match_near(lexicon.phrasal, doc, lexicon.phrasal_triggers, LOWER, lexicon.phrasal_reach, 0),
        verbs,
    )


def sentence_cues(ctx: DocContext, sent: Span, found: DocCues) -> list[Cue]:
    """The cues of one sentence, in order; a token belongs to one cue at most."""
    doc, lexicon = ctx.doc, ctx.lexicon
    cues: list[Cue] = []
    used: set[int] = set()

    def inside(spans: list[Span]) -> list[Span]:
        return [s for s in spans if sent.start <= s.start and s.end <= sent.end]

    def free(span: Span) -> bool:
        return not used.intersection(range(span.start, span.end))

    for span in inside(found.no_comment):
        if free(span) and not _own_words(ctx, span):
            cues.append(Cue("no_comment", span))
            used.update(range(span.start, span.end))
    for span in inside(found.according):
        if any(_same_source(doc, c.span, span) for c in cues if c.kind == "according_to"):
            continue  # "selon trois sources citées par Reuters": one chain, one cue
        if span.start not in ctx.quoted and free(span):
            cues.append(Cue("according_to", span))
            used.update(range(span.start, span.end))
    opinion = _opinion_marker(ctx, sent)
    if opinion is not None and free(opinion):
        cues.append(Cue("according_to", opinion))
        used.update(range(opinion.start, opinion.end))
    for span in inside(found.phrasal):
        if span.start in ctx.quoted or not free(span) or ctx.bare_participle(span[0]):
            continue
        verb = doc.vocab.strings[span.label]
        kind: AttributionKind = "denial" if verb in lexicon.denial_verbs else "statement"
        cues.append(Cue(kind, span, verb))
        used.update(range(span.start, span.end))
    verbs = found.verbs
    for i in verbs[bisect_left(verbs, sent.start) : bisect_left(verbs, sent.end)]:
        token = ctx.tokens[i]
        if i in used or (
            i in ctx.quoted and not _opens_quotation(ctx, token) and not _named_report(ctx, token)
        ):
            continue
        lemma = verb_lemma(ctx, token)
        if lemma is None or ctx.bare_participle(token) or not _reports(ctx, token):
            continue
        if lemma in lexicon.not_reporting_reflexive and reflexive(ctx, i):
            continue  # "s'assure que": makes sure
        spoken = lexicon.speech_objects.get(lemma)
        if spoken is not None and not _object_among(ctx, i, spoken, sent):
            continue  # "émet des obligations": a light verb with no noun of speech
        kind = "statement"
        if lemma in lexicon.denial_verbs or _denial_object(ctx, i, lemma, sent):
            kind = "denial"
        cues.append(Cue(kind, ctx.span(i, i + 1), lemma))
    cues.sort(key=lambda c: c.span.start)
    return cues


def _own_words(ctx: DocContext, span: Span) -> bool:
    """A no-comment in the first person inside a quotation (« Je n'ai pas de commentaire à
    faire », a dit X): the quotation is the speaker's, its words no claim of their own."""
    before = ctx.words.lower[max(0, span.start - 3) : span.start]
    return span.start in ctx.quoted and any(w in ctx.grammar.first_persons for w in before)


def _opens_quotation(ctx: DocContext, verb: Token) -> bool:
    """A verb group the quotation opens on, its subject before it: 'le gouvernement
    « dément que … »'."""
    start, w = ctx.left_extend(verb).i, ctx.words
    subject = w.pos[start - 2] if start > 1 else ""
    return subject in ("NOUN", "PROPN", "PRON") and w.text[start - 1] in QUOTE_OPENERS


def _named_report(ctx: DocContext, verb: Token) -> bool:
    """A report inside a quotation whose subject is an actor named there: the speaker
    quotes another's statement (« Le gouvernement a assuré que … », a déclaré X)."""
    subjects = [c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i]
    after = ctx.tokens[verb.i + 1 : verb.i + 6]
    if not subjects or not any(t.lower_ in ctx.grammar.complementizers for t in after):
        return False
    quote = ctx.quote_at(verb.i)
    opening = verb.i if quote is None else quote.start
    return any(
        ctx.actors.kind_of(m) is not None and m.start >= opening
        for m in ctx.actors.covering(subjects[0].i)
    )


def _opinion_marker(ctx: DocContext, sent: Span) -> Span | None:
    """ "Pour l'analyste, …": a sentence-opening marker before a voice and a comma."""
    lexicon, lower = ctx.lexicon, ctx.words.lower
    first = ctx.first_word(sent)
    if first + 1 < sent.end and lower[first] in ctx.grammar.leading_conjunctions:
        first += 1  # "Mais pour l'analyste, …"
    if first >= sent.end or lower[first] not in lexicon.opinion_markers:
        return None
    if first in ctx.quoted:
        return None  # « Pour Renault, … », disent-ils: the speaker's words, as "selon" inside
    reach = range(first + 2, min(sent.end, first + 10))
    comma = next((j for j in reach if lower[j] == ","), None)
    if comma is None:
        return None
    phrase = ctx.span(first + 1, comma)
    if len(phrase) == 1 and phrase[0].lower_ in ctx.grammar.pronouns:
        return ctx.span(first, first + 1)  # "Pour elle, …": the pronoun's antecedent
    if any(t.pos_ in ("VERB", "AUX", "NUM") or t.like_num for t in phrase):
        return None  # "Pour 2025, …", "Pour ce faire, …"
    named = any(
        ctx.actors.kind_of(m) in ("person", "organization", "government", "media", "group")
        for m in ctx.actors.mentions_in(phrase.start, phrase.end)
    )
    voiced = any(
        fold(t.text) in lexicon.role_nouns or t.lemma_.lower() in lexicon.description_kinds
        for t in phrase
        if t.pos_ == "NOUN"
    )
    return ctx.span(first, first + 1) if named or voiced else None


def verb_lemma(ctx: DocContext, token: Token) -> str | None:
    """The reporting verb a token is, if it is one."""
    lexicon, w, i = ctx.lexicon, ctx.words, token.i
    pos, form, lemma = w.pos[i], w.lower[i], w.lemma[i]
    # The tagger reads some verb forms as nouns ("Intel conteste"): trust the position.
    mistagged = (pos == "NOUN" or (pos == "PROPN" and w.text[i].islower())) and (
        after_subject(token) or inverted(token) or ctx.before_que(token) or _has_subject(ctx, i)
    )
    if _guidance_with_particle(ctx, i):  # "Le groupe table sur …", read as a noun
        return lexicon.verb_of_form[form]
    if _before_inversion(ctx, i):  # "tranche-t-il": a verb, whatever the tagger read
        known = lemma if lemma in lexicon.lemmas else None
        return lexicon.verb_of_form.get(form) or known
    if pos in ("NOUN", "PROPN", "DET", "PUNCT", "NUM", "PRON") and not mistagged:
        return None
    if lemma in lexicon.lemmas and pos == "VERB":
        return lemma
    found = lexicon.verb_of_form.get(form)
    return None if _after_article(ctx, i) else found


def _after_article(ctx: DocContext, i: int) -> bool:
    """Whether word `i` follows a determiner or an article: a noun ("la critique")."""
    if i == 0:
        return False
    return ctx.words.pos[i - 1] == "DET" or ctx.words.lower[i - 1] in ctx.grammar.articles


def _guidance_with_particle(ctx: DocContext, i: int) -> bool:
    """A guidance verb's form before its particle, after no article: "le groupe table
    sur" (not "une table sur la terrasse")."""
    lexicon, lower = ctx.lexicon, ctx.words.lower
    lemma = lexicon.verb_of_form.get(lower[i])
    particles = lexicon.guidance_verbs.get(lemma or "")
    if not particles or i == 0 or i + 1 >= len(lower):
        return False
    return lower[i + 1] in particles and not _after_article(ctx, i)


def _before_inversion(ctx: DocContext, i: int) -> bool:
    """Whether an inverted subject pronoun follows word `i`: "tranche-t-il", "dit-elle"."""
    text = ctx.words.text
    if i + 1 >= len(text):
        return False
    after = text[i + 1]
    return after.startswith("-") and len(after) > 1 and text[i].islower()


def _has_subject(ctx: DocContext, i: int) -> bool:
    """A word the parse gives a subject and no copula: a verb, whatever its tag ("Le
    groupe anticipe une marge", "anticipe" read as a name)."""
    deps = {ctx.words.dep[c] for c in ctx.children(i)}
    return "nsubj" in deps and "cop" not in deps


def _reports(ctx: DocContext, verb: Token) -> bool:
    """A verb form that reports: not an infinitive ("pour demander") unless a verb carries
    it ("vient d'annoncer", "a tenu à préciser"), not a passive ("est estimée à")."""
    w, i = ctx.words, verb.i
    if morph_has(ctx.doc, w.morph[i], "VerbForm=Inf") and not (
        ctx.carried(verb) or ctx.narrated(verb)
    ):
        return False
    return not any(w.dep[c] == "aux:pass" for c in ctx.children(i))


def reflexive(ctx: DocContext, i: int) -> bool:
    """Whether verb `i` comes with its reflexive pronoun ("s'assure", "se sont assurés")."""
    return any(word in ("se", "s'", "s’") for word in ctx.words.lower[max(0, i - 3) : i])


def _denial_object(ctx: DocContext, i: int, lemma: str, sent: Span) -> bool:
    """Whether verb `i` takes a denial noun as object: "rejette les accusations"."""
    nouns = ctx.lexicon.denial_objects.get(lemma)
    return nouns is not None and _object_among(ctx, i, nouns, sent)


def _object_among(ctx: DocContext, i: int, nouns: set[str], sent: Span) -> bool:
    """Whether one of `nouns` follows verb `i` within four words, in its sentence."""
    w = ctx.words
    return any(
        w.lemma[k] in nouns or w.lower[k].rstrip("s") in nouns
        for k in range(i + 1, min(i + 5, sent.end))
    )


def _same_source(doc: Doc, earlier: Span, later: Span) -> bool:
    """Whether `later` continues the source of the according_to cue `earlier`, with no
    punctuation between them ("selon des sources citées par Reuters")."""
    if not earlier.end <= later.start <= earlier.end + 8:
        return False
    return not any(t.is_punct for t in doc[earlier.end : later.start])
