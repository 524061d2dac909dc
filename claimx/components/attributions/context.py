"""What the attribution rules read of one document, built once per doc."""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from claimx.columns import Words, has_morph, morph_has, words
from claimx.components.actor_index import ActorIndex
from claimx.components.attributions.lexicon import AttributionLexicon
from claimx.components.grammar import Grammar
from claimx.components.hits import AttributionHit
from claimx.docs import Sentences, span_text
from claimx.text import QUOTE_CLOSERS, QUOTE_OPENERS

# The endings of an -er verb's past participle ("déclaré", "lancées").
ER_PARTICIPLE_ENDINGS = ("é", "ée", "és", "ées")


@dataclass
class DocContext:
    """A doc with its sentences, actors, quotations and the lexicons."""

    doc: Doc
    sentences: Sentences
    actors: ActorIndex
    quotes: list[Span]  # closed quotations, inner tokens
    quoted: set[int]  # tokens inside any quotation
    lexicon: AttributionLexicon
    grammar: Grammar
    hits: list[AttributionHit] = field(default_factory=list)  # found so far, in order
    # The doc's tokens, made once: `doc[i]` builds a Token and `doc[a:b]` a Span on each
    # call, the rules' main cost; read tokens here, slice the doc only for a Span. Their
    # attributes by position (`words.lower[i]`) are faster still than a Token's.
    tokens: list[Token] = field(init=False)
    words: Words = field(init=False)
    _group_starts: dict[int, int] = field(default_factory=dict)  # verb -> its group's start
    _first_words: dict[tuple[int, int], int] = field(default_factory=dict)  # span -> first word
    _children: list[list[int]] | None = None

    def __post_init__(self) -> None:
        self.tokens = list(self.doc)
        self.words = words(self.doc)

    def quote_at(self, i: int) -> Span | None:
        """The closed quotation holding token `i`, if any."""
        return next((q for q in self.quotes if q.start <= i < q.end), None)

    def span(self, start: int, end: int) -> Span:
        """`doc[start:end]`, built directly when the bounds are in order (a third of the
        time of the Doc's slicing, which normalizes them first)."""
        if 0 <= start <= end <= len(self.tokens):
            return Span(self.doc, start, end)
        return self.doc[start:end]

    def children(self, i: int) -> list[int]:
        """The positions of token `i`'s children, in order (`Token.children`, no Token
        made): the doc's heads read once."""
        kids = self._children
        if kids is None:
            kids = self._children = [[] for _ in range(self.words.size)]
            for child, head in enumerate(self.words.head):
                if head != child:
                    kids[head].append(child)
        return kids[i]

    # -- verb groups ---------------------------------------------------------
    def left_extend(self, verb: Token) -> Token:
        """The first token of a verb group: auxiliaries, negation, clitics, "-t-il"."""
        start = self._group_starts.get(verb.i)
        if start is None:
            start = self._group_starts[verb.i] = self._left_extend(verb)
        return self.tokens[start]

    def _left_extend(self, verb: Token) -> int:
        carrier = self._carrier(verb)
        i = verb.i if carrier is None else carrier  # "vient d'annoncer"
        w = self.words
        clitics = self.grammar.verb_group_clitics
        while i > 0:
            wedged = self.insertion_before(i)
            if wedged < i and _auxiliary(w, wedged - 1):
                i = wedged  # "a de son côté estimé", "a par ailleurs indiqué"
            elif (
                _auxiliary(w, i - 1)
                or w.lower[i - 1] in clitics
                or (w.text[i - 1].startswith("-") and len(w.text[i - 1]) > 1)  # "a-t-il déclaré"
            ):
                i -= 1
            elif w.pos[i - 1] == "ADV" and "AUX" in w.pos[max(0, i - 4) : i - 1]:
                i -= 1  # "a catégoriquement démenti", "a toutefois précisé"
            else:
                break
        return i

    def insertion_before(self, i: int) -> int:
        """Where a set phrase wedged in a verb group ("de son côté", "en effet") starts,
        if one ends right before token `i`; else `i`."""
        if i < 2:
            return i
        lower = self.words.lower
        for phrase in self.grammar.insertions_ending(lower[i - 1]):
            start = i - len(phrase)
            if start > 0 and all(lower[start + k] == w for k, w in enumerate(phrase[:-1])):
                return start
        return i

    def narrated(self, verb: Token) -> bool:
        """Whether an infinitive is the press's narrative one, after "Et (subject) de" at
        the sentence's opening: "Et d'ajouter que …", "Et le ministre de préciser que …"."""
        start = self.left_extend(verb).i
        if start < 2 or self.tokens[start - 1].lower_ not in self.grammar.infinitive_markers:
            return False
        first = self.first_word(self.sentences.of(verb.i))
        lead = self.span(first + 1, start - 1)
        return (
            self.tokens[first].lower_ == "et"
            and len(lead) <= 6
            and not any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in lead)
        )

    def carried(self, verb: Token) -> bool:
        """Whether an infinitive follows a verb that reports through it ("vient
        d'annoncer", "tient à préciser")."""
        return self._carrier(verb) is not None

    def _carrier(self, verb: Token) -> int | None:
        """The verb an infinitive is carried by ("vient", "tient"), if any."""
        i, w = verb.i, self.words
        if i < 2 or not morph_has(self.doc, w.morph[i], "VerbForm=Inf"):
            return None
        carrier = self.insertion_before(i - 1) - 1  # "vient en effet de dire"
        while carrier > 0 and w.text[carrier].startswith("-"):
            carrier -= 1  # "se contente-t-elle d'indiquer"
        carriers = self.lexicon.infinitive_carriers
        links = carriers.get(w.lemma[carrier].lower()) or carriers.get(w.lower[carrier])
        return carrier if links is not None and w.lower[i - 1] in links else None

    def inversion_pronoun(self, verb: Token) -> Token | None:
        """The subject pronoun of an inverted verb: "estime-t-elle", "a-t-il déclaré"."""
        start = self.left_extend(verb).i
        w = self.words
        for i in range(start, min(verb.i + 3, w.size)):
            if w.text[i].startswith("-") and w.lower[i] not in ("-t", "-"):
                return self.tokens[i]
        return None

    def bare_participle(self, token: Token) -> bool:
        """A past participle without auxiliary ("une initiative appelée X") reports nothing;
        a present participle ("précisant que") does."""
        if is_present_participle(token):
            return False
        if _finite_form(token, self.grammar.finite_only_endings):
            return False  # "lance", "avertit": the tagger's participle is a present
        if token.lower_.endswith("it") and any(
            self.words.dep[c] == "nsubj" and c < token.i for c in self.children(token.i)
        ):
            return False  # "Le groupe dit vouloir …": an -ire verb's present, with its subject
        if not has_morph(token, "VerbForm=Part") and not token.lower_.endswith(
            ER_PARTICIPLE_ENDINGS
        ):
            return False
        prev = self.tokens[token.i - 1] if token.i > 0 else None
        named = prev is not None and prev.pos_ in ("NOUN", "PROPN") and prev.text[:1].isupper()
        if named and self.before_que(token):
            return False  # "La CNIL avertit que": a finite verb the tagger read as a participle
        return self.left_extend(token).i == token.i

    def before_que(self, token: Token) -> bool:
        """A word a few tokens before "que", not after a determiner: "X, juge au contraire
        que"."""
        i, w = token.i, self.words
        if i > 0 and w.pos[i - 1] == "DET":
            return False
        complementizers = self.grammar.complementizers
        return any(word in complementizers for word in w.lower[i + 1 : i + 4])

    def can_speak(self, phrase: Span) -> bool:
        """Whether a phrase names someone who can speak: a proper name, a pronoun, or a
        noun of a voice (a role, a description, a group, a source or a document)."""
        nouns = self.lexicon.speaker_nouns
        if any(w in nouns for w in span_text(phrase).lower().split()):
            return True  # "la start-up": a compound the tokenizer split
        return self.people_head(phrase) or any(
            t.pos_ == "PROPN"
            or t.lower_ in self.grammar.speaking_pronouns
            or (t.pos_ in ("NOUN", "ADJ") and (t.lemma_.lower() in nouns or t.lower_ in nouns))
            or (t.is_upper and len(t) > 1)
            for t in phrase
        )

    def people_head(self, phrase: Span) -> bool:
        """A phrase whose head is a plural noun of people: "les organisateurs"."""
        words = [t for t in phrase if not t.is_punct]
        return (
            len(words) >= 2
            and words[0].pos_ == "DET"
            and words[1].pos_ == "NOUN"
            and has_morph(words[1], "Number=Plur")
            and words[1].lower_.endswith(self.lexicon.speaker_plural_endings)
        )

    def first_word(self, sent: Span) -> int:
        """The first token of a sentence that is not a space, a quote or a dash (looked up
        for every cue: found once per sentence)."""
        found = self._first_words.get((sent.start, sent.end))
        if found is not None:
            return found
        i, text = sent.start, self.words.text
        while i < sent.end and (text[i].isspace() or text[i] in _OPENING_MARKS):
            i += 1
        self._first_words[sent.start, sent.end] = i
        return i


_OPENING_MARKS = frozenset({*QUOTE_OPENERS, "-", "—"})


def _auxiliary(w: Words, i: int) -> bool:
    """An auxiliary, or "avoir"/"être" the tagger read otherwise ("a tweeté", "Il a par
    ailleurs assuré")."""
    pos = w.pos[i]
    return pos == "AUX" or (
        pos in ("VERB", "X") and w.lemma[i] in ("avoir", "être") and not w.text[i].istitle()
    )


def agent_after(ctx: DocContext, token: Token, reach: int = 3) -> int | None:
    """The index of the "par" that gives a participle its agent within `reach` tokens
    after it ("publié mardi par", "cité par"), if any."""
    after = ctx.tokens[token.i + 1 : token.i + 1 + reach]
    return next((t.i for t in after if t.lower_ == "par"), None)


def _finite_form(token: Token, finite_endings: tuple[str, ...]) -> bool:
    """A form no past participle of its verb has: an -er verb's not ending in é/ée/és/ées
    ("lance"), an -ir verb's ending in -it or -issent ("avertit", "réagissent"), any
    verb's ending as no participle does ("conclut", "admet")."""
    lemma, form = token.lemma_, token.lower_
    if form.endswith(finite_endings):
        return True
    if lemma.endswith("er"):
        return not form.endswith(ER_PARTICIPLE_ENDINGS)
    return lemma.endswith("ir") and form.endswith(("it", "issent"))


def is_present_participle(token: Token) -> bool:
    """ "précisant", "en ajoutant": a present participle or a gerund."""
    return has_morph(token, "VerbForm=Part") and has_morph(token, "Tense=Pres")


def after_subject(token: Token) -> bool:
    """A word right after a name or a pronoun."""
    return token.i > 0 and token.doc[token.i - 1].pos_ in ("PROPN", "PRON")


def inverted(token: Token) -> bool:
    """A word between a quotation (or a comma) and a subject: "« … », juge le directeur"."""
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc):
        return False
    after = doc[token.i + 1]
    if after.pos_ == "ADV" and after.is_lower and token.i + 2 < len(doc):
        after = doc[token.i + 2]  # "…, affirme également Free, …"
    elif after.pos_ == "ADP" and token.i + 3 < len(doc) and doc[token.i + 2].pos_ == "NOUN":
        after = doc[token.i + 3]  # "…, juge sans détour Jean Morel"
    return doc[token.i - 1].text in (",", *QUOTE_CLOSERS) and (
        after.pos_ in ("DET", "PROPN")
        or after.text.startswith("-")
        or (after.is_title and not after.is_sent_start)  # "…, alerte Force ouvrière"
    )
