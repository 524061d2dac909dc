"""claimx_attributions: who a statement comes from, and how it is reported.

Cues, from `models/attribution.yaml`:
- according_to: "selon X", "d'après X", "cité par X";
- statement: a reporting verb with a "que" clause, an infinitive or, for some verbs,
  a noun phrase ("a promis 80 milliards"), forward or as an incise ("a-t-il ajouté");
- quote: a direct quotation in « », “ ” or "…" with a speaker;
- no_comment: "a refusé de commenter", "n'a pas donné suite";
- denial: "dément", "nie que", "rejette les accusations".
Each hit keeps its cue, its content (what is attributed) and its source.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Any

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from claimx.components.actors import Actor, resolve_pronoun
from claimx.components.hedges import quoted_tokens
from claimx.docs import Sentences, doc_text, match_near, quote_marks
from claimx.resources import load_yaml
from claimx.text import fold

if not Doc.has_extension("claimx_attributions"):
    Doc.set_extension("claimx_attributions", default=None)

_QUOTE_PAIRS = {"«": "»", "“": "”", '"': '"'}
_PRONOUNS = {"il", "elle", "ils", "elles", "lui", "eux", "-il", "-elle", "-ils", "-elles"}
_SEPARATORS = {"et", ",", "mais", ";", "puis"}
_FINAL = {".", "!", "?", "…", ";"}
# Tokens a no-comment phrase may take before its last word ("n'a toujours pas souhaité …").
_NO_COMMENT_SPAN = 12


@dataclass
class AttributionHit:
    """One attributed statement: its kind, cue, content span and source."""

    kind: str
    cue: Span
    content: Span
    source: Actor | None
    source_text: str | None
    quote: Span | None = None


def er_forms(lemma: str) -> set[str]:
    """Usual press forms of a regular -er verb ("déclarer" -> "déclare", "déclaré", ...).

    >>> sorted(er_forms("noter"))[:4]
    ['note', 'notent', 'noter', 'notera']
    """
    if not lemma.endswith("er"):
        return {lemma}
    stem = lemma[:-2]
    endings = [
        "e",
        "ent",
        "é",
        "ée",
        "és",
        "ées",
        "ait",
        "aient",
        "erait",
        "eraient",
        "era",
        "eront",
        "a",
        "èrent",
        "ant",
        "er",
        "es",
    ]
    forms = {stem + e for e in endings}
    if stem.endswith("g"):  # "partager" -> "partageait"
        forms |= {stem + "e" + e for e in ("ait", "aient", "a", "ant")}
    if stem.endswith("c"):  # "annoncer" -> "annonçait"
        forms |= {stem[:-1] + "ç" + e for e in ("ait", "aient", "a", "ant")}
    if stem.endswith("y"):  # "envoyer" -> "envoie"
        forms |= {stem[:-1] + "i" + e for e in ("e", "ent", "erait", "era")}
    return forms


class AttributionTagger:
    """Find attributions into `doc._.claimx_attributions`."""

    def __init__(self, nlp: Language, name: str, lexicon: str) -> None:
        self.name = name
        data: dict[str, Any] = load_yaml(lexicon)
        verbs = data["reporting_verbs"]
        self.object_verbs = {self._bare(v) for v in verbs["object"]}
        self.object_particles: dict[str, set[str]] = {
            k: set(v) for k, v in data["object_particles"].items()
        }
        self.verb_of_form: dict[str, str] = {}
        irregular = data["irregular_forms"]
        for lemma in {*verbs["clause"], *verbs["object"], *data["denial"]["verbs"]}:
            bare = self._bare(lemma)
            if " " in bare:
                continue  # multi-word expressions are matched by their first verb
            forms = set(irregular.get(bare) or []) | er_forms(bare) | {bare}
            for form in forms:
                self.verb_of_form.setdefault(form, bare)
        self.lemmas = set(self.verb_of_form.values())
        self.lemma_ids = {nlp.vocab.strings.add(lemma) for lemma in self.lemmas}
        self.form_ids = {nlp.vocab.strings.add(form) for form in self.verb_of_form}
        self.denial_verbs = {self._bare(v) for v in data["denial"]["verbs"]}
        self.denial_objects = {k: set(v) for k, v in data["denial"]["with_object"].items()}
        self.according_verbs = set(data["according_to_verbs"])
        self.not_sources = {fold(t) for t in data["not_sources"]}
        self.according = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.according.add("ACCORDING_TO", [nlp.make_doc(t) for t in data["according_to"]])
        self.no_comment = Matcher(nlp.vocab)
        # A phrase's last word triggers it: the matcher runs only before such words.
        self.no_comment_triggers: set[int] = set()
        gap = {"POS": {"IN": ["AUX", "ADV", "PRON", "DET"]}, "OP": "*"}
        for phrase in data["no_comment"]:
            pattern: list[dict[str, Any]] = []
            for word in nlp.tokenizer(phrase):
                if pattern:
                    pattern.append(gap)
                lemma = word.text.lower()
                pattern.append({"LEMMA": {"IN": [lemma, lemma.rstrip("'") + "e"]}})
            self.no_comment.add("NO_COMMENT", [pattern], greedy="LONGEST")
            last = pattern[-1]["LEMMA"]["IN"]
            self.no_comment_triggers.update(nlp.vocab.strings.add(w) for w in last)

    @staticmethod
    def _bare(lemma: str) -> str:
        for prefix in ("se ", "s'"):
            if lemma.startswith(prefix):
                return lemma[len(prefix) :]
        return lemma

    # -- pipeline ---------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        actors: list[Actor] = doc._.claimx_actors or []
        quoted = quoted_tokens(doc)
        quotes = _quote_spans(doc)
        hits: list[AttributionHit] = []
        sentences = Sentences(doc)
        # The phrase matchers run once over the doc; each sentence takes its own matches.
        phrases = (
            match_near(self.no_comment, doc, self.no_comment_triggers, LEMMA, _NO_COMMENT_SPAN, 0),
            list(self.according(doc, as_spans=True)),
        )
        verbs = self._verb_candidates(doc)
        text = doc_text(doc)
        for sent in sentences:
            if text[sent.start_char : sent.end_char].strip():
                cues = self._cues(doc, sent, quoted, phrases, verbs)
                hits.extend(self._sentence(doc, sent, actors, quotes, cues))
        hits.extend(self._colon_quotes(doc, sentences, quotes, hits, actors))
        hits.sort(key=lambda h: (h.content.start, h.cue.start))
        doc._.claimx_attributions = hits
        return doc

    def _verb_candidates(self, doc: Doc) -> list[int]:
        """Tokens that may be reporting verbs (by lemma or form): the only ones `_cues`
        looks at closely."""
        rows = doc.to_array([LEMMA, LOWER]).tolist()
        return [
            i
            for i, (lemma, lower) in enumerate(rows)
            if lemma in self.lemma_ids or lower in self.form_ids
        ]

    def _sentence(
        self,
        doc: Doc,
        sent: Span,
        actors: list[Actor],
        quotes: list[Span],
        cues: list[tuple[str, Span]],
    ) -> list[AttributionHit]:
        hits: list[AttributionHit] = []
        covered: list[Span] = []
        for index, (kind, cue) in enumerate(cues):
            if any(c.start <= cue.start < c.end for c in covered):
                continue
            end = self._content_end(doc, sent, cue, cues[index + 1 :])
            hit = self._build(doc, sent, kind, cue, end, actors, quotes)
            if hit is not None:
                hits.append(hit)
                covered.append(hit.content)
        return hits

    def _cues(
        self,
        doc: Doc,
        sent: Span,
        quoted: set[int],
        phrases: tuple[list[Span], list[Span]],
        verbs: list[int],
    ) -> list[tuple[str, Span]]:
        cues: list[tuple[str, Span]] = []
        used: set[int] = set()
        no_comment, according = (
            [s for s in spans if sent.start <= s.start and s.end <= sent.end] for spans in phrases
        )
        for span in no_comment:
            if not used.intersection(range(span.start, span.end)):
                cues.append(("no_comment", span))
                used.update(range(span.start, span.end))
        for span in according:
            if any(_same_source(doc, c, span) for kind, c in cues if kind == "according_to"):
                continue  # "selon trois sources citées par Reuters": one chain, one cue
            if span.start not in quoted and not used.intersection(range(span.start, span.end)):
                cues.append(("according_to", span))
                used.update(range(span.start, span.end))
        for i in verbs[bisect_left(verbs, sent.start) : bisect_left(verbs, sent.end)]:
            token = doc[i]
            if token.i in used or token.i in quoted:
                continue
            lemma = self._verb_lemma(token)
            if lemma is None or _bare_participle(token):
                continue
            kind = "statement"
            if lemma in self.denial_verbs or self._denial_object(token, lemma, sent):
                kind = "denial"
            cues.append((kind, doc[token.i : token.i + 1]))
        cues.sort(key=lambda c: c[1].start)
        return cues

    def _verb_lemma(self, token: Token) -> str | None:
        # The tagger reads some verb forms as nouns ("Intel conteste"): trust the position.
        mistagged = token.pos_ == "NOUN" and (
            _after_subject(token) or _inverted(token) or _before_que(token)
        )
        if token.pos_ in ("NOUN", "PROPN", "DET", "PUNCT", "NUM", "PRON") and not mistagged:
            return None
        if token.lemma_ in self.lemmas and token.pos_ == "VERB":
            return str(token.lemma_)
        lemma = self.verb_of_form.get(token.lower_)
        if lemma is None or token.i == 0:
            return lemma
        prev = token.doc[token.i - 1]
        if prev.pos_ == "DET" or prev.lower_ in ("le", "la", "l'", "les", "un", "une"):
            return None
        return lemma

    def _denial_object(self, verb: Token, lemma: str, sent: Span) -> bool:
        nouns = self.denial_objects.get(lemma)
        if not nouns:
            return False
        for token in verb.doc[verb.i + 1 : min(verb.i + 5, sent.end)]:
            if token.lemma_ in nouns or token.lower_.rstrip("s") in nouns:
                return True
        return False

    # -- content and source ----------------------------------------------
    @staticmethod
    def _content_end(doc: Doc, sent: Span, cue: Span, later: list[tuple[str, Span]]) -> int:
        end = sent.end
        while end > sent.start and (doc[end - 1].text in _FINAL or doc[end - 1].is_space):
            end -= 1
        for _, other in later:
            start = _left_extend(doc, other[0]).i
            if start > cue.end and start - 1 >= sent.start and doc[start - 1].lower_ in _SEPARATORS:
                end = min(end, start - 1)
                break
        while end > cue.end and doc[end - 1].lower_ in _SEPARATORS:
            end -= 1
        return end

    def _build(
        self,
        doc: Doc,
        sent: Span,
        kind: str,
        cue: Span,
        end: int,
        actors: list[Actor],
        quotes: list[Span],
    ) -> AttributionHit | None:
        if kind == "according_to":
            return self._according_to(doc, sent, cue, end, actors)
        verb = (
            cue[0] if kind != "no_comment" else next((t for t in cue if t.pos_ == "VERB"), cue[0])
        )
        full_cue = doc[_left_extend(doc, verb).i : cue.end]
        if kind == "no_comment":
            content = doc[full_cue.start : max(end, cue.end)]
            source, text = self._subject(doc, sent, verb, actors)
            return AttributionHit(kind, full_cue, content, source, text)
        incise = self._incise(doc, sent, verb, quotes)
        if incise is not None:
            content = incise
            source, text = self._inverted_subject(doc, sent, verb, actors, incise)
        else:
            content_or_none = self._forward_content(doc, verb, end, quotes)
            if content_or_none is None:
                return None
            content = content_or_none
            source, text = self._subject(doc, sent, verb, actors)
        if source is None and text is None:
            return None
        if incise is not None and self._verb_lemma(verb) in self.according_verbs:
            kind = "according_to"
        particles = self.object_particles.get(self._verb_lemma(verb) or "", set())
        if len(content) > 1 and doc[content.start].lower_ in particles:
            full_cue = doc[full_cue.start : content.start + 1]
            content = doc[content.start + 1 : content.end]
        quote = next((q for q in quotes if content.start <= q.start and q.end <= content.end), None)
        if kind == "statement" and quote is not None and len(quote) >= len(content) - 2:
            kind = "quote"
            content = quote
        return AttributionHit(kind, full_cue, content, source, text, quote)

    def _forward_content(self, doc: Doc, verb: Token, end: int, quotes: list[Span]) -> Span | None:
        lemma = self._verb_lemma(verb) or ""
        limit = min(verb.i + 16, end)
        for quote in quotes:
            if verb.i < quote.start <= verb.i + 10 and quote.start < end + 2:
                between = doc[verb.i + 1 : quote.start - 1]
                if not any(t.pos_ == "VERB" for t in between):
                    return quote
        i = verb.i + 1
        while i < limit:
            token = doc[i]
            if token.lower_ in ("que", "qu'", "qu’") and i + 1 < end:
                return doc[i + 1 : end]
            if token.pos_ == "VERB" or token.text in (".", ";", ":"):
                break
            i += 1
        nxt = verb.i + 1
        while (
            nxt < end and doc[nxt].pos_ in ("ADV", "PRON") and doc[nxt].lower_ not in ("que", "qu'")
        ):
            nxt += 1
        infinitive = nxt + 1 < end and (
            doc[nxt + 1].pos_ in ("VERB", "AUX") or doc[nxt + 1].lower_ in ("ne", "n'")
        )
        if infinitive and doc[nxt].lower_ in ("de", "d'", "d’"):
            return doc[nxt + 1 : end]
        if (
            nxt < end
            and doc[nxt].pos_ in ("VERB", "AUX")
            and "Inf" in doc[nxt].morph.get("VerbForm", [])
        ):
            return doc[nxt:end]
        if (lemma in self.object_verbs or lemma in self.denial_verbs) and nxt < end:
            particles = self.object_particles.get(lemma)
            if particles:
                # "exhorter (mardi) la Maison Blanche à interdire …": the content opens at
                # the particle, after the person addressed.
                for j in range(nxt, min(nxt + 8, end)):
                    if doc[j].lower_ in particles:
                        return doc[j:end]
                    if doc[j].pos_ in ("VERB", "AUX") or doc[j].is_punct:
                        break
                return None
            if doc[nxt].is_punct:
                return None
            return doc[nxt:end]
        return None

    @staticmethod
    def _incise(doc: Doc, sent: Span, verb: Token, quotes: list[Span]) -> Span | None:
        """Content of an inverted incise: "« … », a déclaré X" or "…, estime-t-elle"."""
        start = _left_extend(doc, verb)
        after = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        inverted_pronoun = _inversion_pronoun(doc, verb) is not None
        before = doc[start.i - 1] if start.i > sent.start else None
        if before is None or before.text not in (",", "»", "”", '"'):
            return None
        if (
            not inverted_pronoun
            and after is not None
            and (after.lower_ in ("de", "d'") or _before_que(verb))
        ):
            return None  # "X, juge (au contraire) que …" opens its content, it is no incise
        if not inverted_pronoun and any(
            c.dep_.startswith("nsubj") and c.i < verb.i for c in verb.children
        ):
            return None
        end = before.i
        if doc[end].text == "," and end - 1 >= sent.start and doc[end - 1].text in ("»", "”", '"'):
            end -= 1
        if doc[end].text in ("»", "”", '"'):
            # The whole quotation, over as many sentences as it runs.
            for quote in quotes:
                if quote.end == end:
                    return quote
            opening = end - 1
            while opening >= sent.start and doc[opening].text not in ("«", "“", '"'):
                opening -= 1
            if opening >= sent.start:
                return doc[opening + 1 : end]
        begin = min(_first_word(doc, sent), end)
        return doc[begin:end] if end - begin >= 3 else None

    def _subject(
        self, doc: Doc, sent: Span, verb: Token, actors: list[Actor]
    ) -> tuple[Actor | None, str | None]:
        head = verb
        for _ in range(3):
            subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubj:pass", "expl:subj")]
            if subjects:
                return self._source_from(doc, subjects[0], actors)
            if head.dep_ in ("conj", "xcomp") and head.head != head:
                head = head.head
            else:
                break
        before = [
            m for a in actors for m in a.mentions if sent.start <= m.start and m.end <= verb.i
        ]
        if before:
            mention = max(before, key=lambda m: m.end)
            return _owner(actors, mention), _owner_name(actors, mention)
        # The parser missed the subject ("Pékin dément que …" read as an adverb): a short
        # noun phrase opening the sentence right before the verb group speaks.
        start = _left_extend(doc, verb).i
        opening = doc[sent.start : start]
        if 0 < len(opening) <= 4 and opening[-1].pos_ in ("PROPN", "NOUN"):
            return None, opening.text
        return None, None

    def _inverted_subject(
        self, doc: Doc, sent: Span, verb: Token, actors: list[Actor], content: Span
    ) -> tuple[Actor | None, str | None]:
        pron = _inversion_pronoun(doc, verb)
        if pron is not None:  # the speaker is not someone the quotation names
            return _pronoun_source(pron, actors, (content.start, content.end))
        start = verb.i + 1
        while start < sent.end and doc[start].pos_ in ("NOUN", "ADV") and doc[start].is_lower:
            start += 1  # "a rapporté vendredi le Financial Times", "a précisé hier le ministre"
        if start < sent.end and doc[start].pos_ not in ("DET", "PROPN"):
            start = verb.i + 1
        end = start
        while end < sent.end and not doc[end].is_punct:
            end += 1
        phrase = doc[start:end]
        after = [m for a in actors for m in a.mentions if verb.i < m.start and m.end <= sent.end]
        if after:
            return _speaker_in(actors, phrase, after)
        return (None, phrase.text) if len(phrase) else (None, None)

    def _source_from(
        self, doc: Doc, subject: Token, actors: list[Actor]
    ) -> tuple[Actor | None, str | None]:
        if subject.lower_ in _PRONOUNS:
            return _pronoun_source(subject, actors)
        if subject.lower_ == "qui" and subject.head.dep_ == "acl:relcl":
            # "Clara Chappaz, qui a salué …": the antecedent speaks.
            antecedent = subject.head.head
            candidates = [
                m
                for a in actors
                for m in a.mentions
                if m.start <= antecedent.i < m.end
                or (m.end <= subject.i and subject.i - m.end <= 3)
            ]
            if candidates:
                mention = max(candidates, key=lambda m: m.end)
                return _owner(actors, mention), _owner_name(actors, mention)
        subtree = list(subject.subtree)
        lo, hi = subtree[0].i, subtree[-1].i + 1
        phrase = doc[lo:hi]
        inside = [m for a in actors for m in a.mentions if lo <= m.start and m.end <= hi]
        covering = [m for m in inside if m.start <= subject.i < m.end]
        if covering:
            mention = max(covering, key=len)
            return _owner(actors, mention), _owner_name(actors, mention)
        if inside:
            return _speaker_in(actors, phrase, inside)
        text = phrase.text.strip(" ,")
        return None, text if text else None

    def _according_to(
        self, doc: Doc, sent: Span, cue: Span, end: int, actors: list[Actor]
    ) -> AttributionHit | None:
        i = cue.end
        while (
            i < sent.end
            and doc[i].text not in (",", ".", ";", ":", ")", "\n")
            and not doc[i].is_space
        ):
            participle = "Part" in doc[i].morph.get("VerbForm", [])
            if doc[i].pos_ in ("VERB", "AUX") and i > cue.end + 1 and not participle:
                break
            i += 1
        if i < sent.end and doc[i].text != "," and cue.start == _first_word(doc, sent):
            # "Selon des documents consultés par l'AFP, …": the source runs to the comma.
            comma = next(
                (j for j in range(i, min(sent.end, cue.end + 12)) if doc[j].text == ","), None
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
        source_span = doc[cue.end : i]
        if not len(source_span) or fold(source_span.text) in self.not_sources:
            return None
        chain_end = i
        if i + 1 < sent.end and doc[i].text == "," and doc[i + 1].lower_ == "qui":
            j = i + 1
            while j < sent.end and doc[j].text not in (",", ".", ";", ":"):
                j += 1
            chain_end = j
        full_cue = doc[cue.start : chain_end]
        before = doc[sent.start : cue.start]
        leading = [
            t for t in before if not (t.is_punct or t.is_space) and t.lower_ not in ("et", "mais")
        ]
        if len(leading) <= 1:
            start = (
                chain_end + 1 if chain_end < sent.end and doc[chain_end].text == "," else chain_end
            )
            content = doc[start:end]
        else:
            stop = cue.start
            while stop > sent.start and (doc[stop - 1].is_punct or doc[stop - 1].lower_ in ("et",)):
                stop -= 1
            begin = sent.start
            while begin < stop and doc[begin].is_space:
                begin += 1
            content = doc[begin:stop] if chain_end >= end else doc[begin:end]
        if len(content) < 2:
            return None
        if len(source_span) == 1 and source_span[0].lower_ in _PRONOUNS:
            actor = resolve_pronoun(source_span[0], actors)
            return AttributionHit(
                "according_to", full_cue, content, actor, actor.name if actor else source_span.text
            )
        inside = [
            m
            for a in actors
            for m in a.mentions
            if source_span.start <= m.start and m.end <= source_span.end
        ]
        if inside:
            mention = inside[0]
            return AttributionHit(
                "according_to",
                full_cue,
                content,
                _owner(actors, mention),
                doc[source_span.start : chain_end].text,
            )
        return AttributionHit(
            "according_to", full_cue, content, None, doc[source_span.start : chain_end].text
        )

    def _colon_quotes(
        self,
        doc: Doc,
        sentences: Sentences,
        quotes: list[Span],
        hits: list[AttributionHit],
        actors: list[Actor],
    ) -> list[AttributionHit]:
        """Quotes introduced by a colon after their speaker: "Le ministre : « … »"."""
        found = []
        for quote in quotes:
            if any(h.content.start <= quote.start < h.content.end for h in hits):
                continue
            colon = quote.start - 2
            if colon < 0 or doc[colon].text != ":":
                continue
            sent = sentences.of(colon)
            speaker = _speaker_before(doc, sent, colon, actors)
            if speaker is not None:
                actor, text = speaker
                found.append(
                    AttributionHit("quote", doc[colon : colon + 1], quote, actor, text, quote)
                )
        return found


def _left_extend(doc: Doc, verb: Token) -> Token:
    """The first token of a verb group: auxiliaries, negation, clitics, "-t-il" left of it."""
    i = verb.i
    while i > 0:
        prev = doc[i - 1]
        if (
            prev.pos_ == "AUX"
            or prev.lower_ in ("ne", "n'", "pas", "se", "s'", "en", "y", "lui", "leur", "l'")
            or (prev.text.startswith("-") and len(prev) > 1)  # "a-t-il déclaré"
        ):
            i -= 1
        elif prev.pos_ == "ADV" and any(t.pos_ == "AUX" for t in doc[max(0, i - 4) : i - 1]):
            i -= 1  # "a catégoriquement démenti", "a toutefois précisé"
        else:
            break
    return doc[i]


def _inversion_pronoun(doc: Doc, verb: Token) -> Token | None:
    """The subject pronoun of an inverted verb: "estime-t-elle", "a-t-il déclaré"."""
    start = _left_extend(doc, verb).i
    for token in doc[start : min(verb.i + 3, len(doc))]:
        if token.text.startswith("-") and token.lower_ not in ("-t", "-"):
            return token
    return None


def _bare_participle(token: Token) -> bool:
    """A past participle without auxiliary ("une initiative appelée X") reports nothing."""
    if "Part" not in token.morph.get("VerbForm", []) and not token.lower_.endswith(
        ("é", "ée", "és", "ées")
    ):
        return False
    return _left_extend(token.doc, token).i == token.i


def _after_subject(token: Token) -> bool:
    return token.i > 0 and token.doc[token.i - 1].pos_ in ("PROPN", "PRON")


def _before_que(token: Token) -> bool:
    """A word a few tokens before "que", not after a determiner: "X, juge au contraire que"."""
    doc = token.doc
    if token.i > 0 and doc[token.i - 1].pos_ == "DET":
        return False
    return any(t.lower_ in ("que", "qu'", "qu’") for t in doc[token.i + 1 : token.i + 4])


def _inverted(token: Token) -> bool:
    """A word between a quotation (or a comma) and a subject: "« … », juge le directeur"."""
    doc = token.doc
    if token.i == 0 or token.i + 1 >= len(doc):
        return False
    after = doc[token.i + 1]
    return doc[token.i - 1].text in (",", "»", "”", '"') and (
        after.pos_ in ("DET", "PROPN") or after.text.startswith("-")
    )


def _quote_spans(doc: Doc) -> list[Span]:
    """Inner spans of direct quotations; straight quotes pair up within a paragraph."""
    spans: list[Span] = []
    open_at: int | None = None
    closer = ""
    for i, mark in quote_marks(doc):
        if mark == "\n":
            open_at = None
        elif open_at is None and mark in _QUOTE_PAIRS:
            open_at, closer = i, _QUOTE_PAIRS[mark]
        elif open_at is not None and mark == closer:
            if i - open_at > 1:
                spans.append(doc[open_at + 1 : i])
            open_at = None
    return spans


def _same_source(doc: Doc, earlier: Span, later: Span) -> bool:
    """Whether `later` continues the source of the according_to cue `earlier`, with no
    punctuation between them ("selon des sources citées par Reuters")."""
    if not earlier.end <= later.start <= earlier.end + 8:
        return False
    return not any(t.is_punct for t in doc[earlier.end : later.start])


def _speaker_before(
    doc: Doc, sent: Span, colon: int, actors: list[Actor]
) -> tuple[Actor | None, str] | None:
    """Who speaks before a colon: "Jensen Huang : « … »", "Le ministre de l'Économie : « … »".

    A person named in a short phrase opening the sentence, else an actor that is the whole
    phrase, else the phrase itself; in a longer sentence, the last actor before the colon.
    """
    before = [m for a in actors for m in a.mentions if sent.start <= m.start and m.end <= colon]
    start = _first_word(doc, sent)
    phrase = doc[start:colon]
    if 0 < len(phrase) <= 8 and not any(t.pos_ in ("VERB", "AUX") for t in phrase):
        people = [m for m in before if getattr(_owner(actors, m), "kind", None) == "person"]
        whole = [m for m in before if m.start == start and m.end == colon]
        chosen = people or whole
        if chosen:
            return _owner(actors, chosen[0]), _owner_name(actors, chosen[0])
        return None, phrase.text
    if before:
        mention = max(before, key=lambda m: m.end)
        return _owner(actors, mention), _owner_name(actors, mention)
    return None


def _speaker_in(
    actors: list[Actor], phrase: Span, mentions: list[Span]
) -> tuple[Actor | None, str]:
    """Who speaks in a phrase naming actors: a person named in it ("le directeur
    financier, Kim Woo-hyun"); else the first actor, the phrase kept as written when
    someone speaks for it ("un porte-parole de TikTok")."""
    people = [m for m in mentions if getattr(_owner(actors, m), "kind", None) == "person"]
    if people:
        mention = min(people, key=lambda m: m.start)
        return _owner(actors, mention), _owner_name(actors, mention)
    mention = min(mentions, key=lambda m: m.start)
    owner = _owner(actors, mention)
    lead = [t for t in phrase if t.i < mention.start and not t.is_punct]
    if phrase.start <= mention.start < phrase.end and any(t.pos_ == "NOUN" for t in lead):
        return owner, phrase.text.strip(" ,")
    return owner, _owner_name(actors, mention)


def _first_word(doc: Doc, sent: Span) -> int:
    """The first token of a sentence that is not a space, a quote or a dash."""
    i = sent.start
    while i < sent.end and (doc[i].is_space or doc[i].text in ("«", "“", '"', "-", "—")):
        i += 1
    return i


def _pronoun_source(
    pronoun: Token, actors: list[Actor], skip: tuple[int, int] | None = None
) -> tuple[Actor | None, str]:
    """The actor a pronoun stands for; unresolved, the pronoun itself still says someone
    speaks ("Ils estiment que …")."""
    actor = resolve_pronoun(pronoun, actors, skip)
    return (actor, actor.name) if actor else (None, pronoun.text.lstrip("-"))


def _owner(actors: list[Actor], mention: Span) -> Actor | None:
    for actor in actors:
        if any(m.start == mention.start and m.end == mention.end for m in actor.mentions):
            return actor
    return None


def _owner_name(actors: list[Actor], mention: Span) -> str:
    actor = _owner(actors, mention)
    return actor.name if actor else mention.text


@Language.factory("claimx_attributions", default_config={"lexicon": "attribution.yaml"})
def make_attributions(nlp: Language, name: str, lexicon: str) -> AttributionTagger:
    """Create a claimx_attributions component reading its lexicon from `models/`."""
    return AttributionTagger(nlp, name, lexicon)
