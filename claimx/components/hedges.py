"""claimx_hedges: cues that present a statement as unconfirmed, and the writer's forecasts.

The press conditional ("aurait dit", "serait en train de", "ferait grimper"), hedging
verbs ("semble", "paraît"), words ("soi-disant", "censé") and adjectives before a noun
("la possible découverte"), from `models/hedges.yaml`. A conditional is not a hedge on
the verbs listed as excluded, inside a direct quotation, or when a "si" clause makes it
hypothetical. The conditional of a forecast verb ("devrait") is a forecast, kept apart.

Spans are labelled: "conditional" (a verb in the conditional), "word" (a hedging word or
verb), "forecast" (in `doc.spans["claimx_forecasts"]`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.attrs import LEMMA, LOWER, MORPH, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.parts_of_speech import NOUN
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claimx.columns import Ids, positions_of, values_of
from claimx.components.base import Data, DataComponent
from claimx.components.grammar import Grammar
from claimx.components.hits import put_hedges
from claimx.components.quotes import quoted_tokens
from claimx.text import apostrophe_variants


class HedgeTagger(DataComponent):
    """Tag hedge cues into `doc.spans["claimx_hedges"]`."""

    def compile(self, files: dict[str, Data]) -> None:
        nlp = self.nlp
        data = files["lexicon"]
        self.grammar = Grammar.from_data(files["grammar"])
        self.vocab = nlp.vocab
        self.lemma_ids = Ids(nlp.vocab.strings.add(w) for w in data["lemmas"])
        self.form_ids = Ids(nlp.vocab.strings.add(f.lower()) for f in data["forms"])
        self._is_conditional: dict[int, bool] = {}
        self.exclude = set(data["conditional_exclude"])
        self.forecast_verbs = set(data["forecast_verbs"])
        self.stems: dict[str, str] = dict(data["conditional_stems"])
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        variants = sorted({v for t in data["phrases"] for v in apostrophe_variants(t)})
        self.phrases.add("word", [nlp.make_doc(t) for t in variants])
        self.prenominal = Ids(nlp.vocab.strings.add(w) for w in data["prenominal"])
        self._rait: dict[int, bool] = {}  # lower-case form -> ends like a conditional

    def process(self, doc: Doc) -> Doc:
        spans = list(self.phrases(doc, as_spans=True))
        forecasts: list[Span] = []
        quoted: set[int] | None = None
        pos = doc.to_array(POS).tolist()
        words = {*self.lemma_ids.where(doc, LEMMA), *self.form_ids.where(doc, LOWER)}
        prenominal = set(self.prenominal.where(doc, LOWER))
        conditional = set(_where(doc, MORPH, self._conditional))
        rait = set(_where(doc, LOWER, self._ends_like_conditional))
        for i in sorted(words | prenominal | conditional | rait):
            if i in words:
                spans.append(Span(doc, i, i + 1, label="word"))
            elif i in prenominal:
                if i + 1 < len(pos) and pos[i + 1] == NOUN:  # "la possible découverte"
                    spans.append(Span(doc, i, i + 1, label="word"))
            elif i in conditional or self.conditional_form(doc[i]):
                quoted = quoted_tokens(doc) if quoted is None else quoted
                kind = self._reportive_conditional(doc[i], quoted)
                if kind == "forecast":
                    forecasts.append(Span(doc, i, i + 1, label="forecast"))
                elif kind == "conditional":
                    spans.append(Span(doc, i, i + 1, label="conditional"))
        hedges = sorted(filter_spans(spans), key=lambda s: s.start)
        put_hedges(doc, hedges, forecasts)
        return doc

    def _conditional(self, morph: int) -> bool:
        """Whether a morphology hash has Mood=Cnd (cached: few distinct analyses)."""
        known = self._is_conditional.get(morph)
        if known is None:
            features = self.vocab.strings[morph] if morph else ""
            known = self._is_conditional[morph] = "Mood=Cnd" in features.split("|")
        return known

    def _ends_like_conditional(self, lower: int) -> bool:
        """Whether a form ends in -rait/-raient (cached by its hash: few distinct forms)."""
        known = self._rait.get(lower)
        if known is None:
            known = self._rait[lower] = self.vocab.strings[lower].endswith(("rait", "raient"))
        return known

    def conditional_form(self, token: Token) -> bool:
        """A conditional the tagger read as an imperfect or a present ("reverserait",
        "ferait", "atteindraient"): the future stem plus -ait/-aient, which no imperfect is
        ("déclarait" is not "déclarerait")."""
        if not token.lower_.endswith(("rait", "raient")):
            return False
        if token.pos_ not in ("VERB", "AUX"):
            return False
        lemma = token.lemma_.lower()
        stems = {lemma, lemma[:-1]} if lemma.endswith("re") else {lemma}
        for ending, stem in self.stems.items():
            if lemma.endswith(ending):  # "obtenir" -> "obtiendr", "refaire" -> "refer"
                stems.add(lemma[: len(lemma) - len(ending)] + stem)
        return any(token.lower_ in (stem + "ait", stem + "aient") for stem in stems)

    def _reportive_conditional(self, token: Token, quoted: set[int]) -> str | None:
        """ "conditional" for the press conditional, "forecast" for the writer's own
        forecast ("devrait"), None for a conditional that hedges nothing."""
        if token.i in quoted:
            return None
        verb = token.head if token.pos_ == "AUX" else token
        lemmas = {verb.lemma_, token.lemma_}
        if lemmas & self.forecast_verbs:
            return "forecast"
        if lemmas & self.exclude:
            return None
        # "si elle refusait, elle paierait": the "si" clause hangs off the same verb.
        for child in verb.children:
            if child.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in self.grammar.hypothesis_markers
                for c in child.children
            ):
                return None
        return "conditional"


def hedges_in(hedges: list[Span], start: int, end: int) -> list[Span]:
    """The hedge spans inside the token range [start, end)."""
    return [h for h in hedges if start <= h.start and h.end <= end]


def _where(doc: Doc, attr: int, test: Callable[[int], bool]) -> list[int]:
    """The positions of the tokens whose `attr` passes `test`, tested once per value."""
    return positions_of(doc, attr, [value for value in values_of(doc, attr) if test(value)])


@Language.factory(
    "claimx_hedges",
    default_config={"lexicon": "hedges.yaml", "grammar": "french.yaml"},
    assigns=["doc.spans"],
    requires=["token.lemma", "token.morph", "token.dep"],
)
def make_hedges(nlp: Language, name: str, lexicon: str, grammar: str) -> HedgeTagger:
    """Create a claimx_hedges component over the data files named (in `models/`)."""
    return HedgeTagger(nlp, name, {"lexicon": lexicon, "grammar": grammar})
