"""claimx_hedges: cues that present a statement as unconfirmed.

The press conditional ("aurait dit", "serait en train de"), hedging verbs
("semble", "paraît") and words ("soi-disant", "présumé"), from
`models/hedges.yaml`. A conditional is not a hedge on modal verbs ("devrait"),
inside a direct quotation, or when a "si" clause makes it hypothetical.
"""

from __future__ import annotations

from spacy.attrs import LEMMA, LOWER, MORPH
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from claimx.components.base import Data, DataComponent
from claimx.components.grammar import Grammar
from claimx.components.quotes import quoted_tokens
from claimx.text import apostrophe_variants


class HedgeTagger(DataComponent):
    """Tag hedge cues into `doc._.claimx_hedges` and `doc.spans["claimx_hedges"]`."""

    def compile(self, files: dict[str, Data]) -> None:
        nlp = self.nlp
        data = files["lexicon"]
        self.grammar = Grammar.from_data(files["grammar"])
        self.vocab = nlp.vocab
        self.lemma_ids = {nlp.vocab.strings.add(w) for w in data["lemmas"]}
        self.form_ids = {nlp.vocab.strings.add(f.lower()) for f in data["forms"]}
        self._is_conditional: dict[int, bool] = {}
        self.exclude = set(data["conditional_exclude"])
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        variants = sorted({v for t in data["phrases"] for v in apostrophe_variants(t)})
        self.phrases.add("HEDGE", [nlp.make_doc(t) for t in variants])

    def process(self, doc: Doc) -> Doc:
        spans = list(self.phrases(doc, as_spans=True))
        quoted: set[int] | None = None
        rows = doc.to_array([LEMMA, LOWER, MORPH]).tolist()
        for i, (lemma, lower, morph) in enumerate(rows):
            if lemma in self.lemma_ids or lower in self.form_ids:
                spans.append(doc[i : i + 1])
            elif self._conditional(morph) or conditional_form(doc[i]):
                quoted = quoted_tokens(doc) if quoted is None else quoted
                if self._reportive_conditional(doc[i], quoted):
                    spans.append(doc[i : i + 1])
        hedges = sorted(filter_spans(spans), key=lambda s: s.start)
        doc._.claimx_hedges = hedges
        doc.spans["claimx_hedges"] = hedges
        return doc

    def _conditional(self, morph: int) -> bool:
        """Whether a morphology hash has Mood=Cnd (cached: few distinct analyses)."""
        known = self._is_conditional.get(morph)
        if known is None:
            features = self.vocab.strings[morph] if morph else ""
            known = self._is_conditional[morph] = "Mood=Cnd" in features.split("|")
        return known

    def _reportive_conditional(self, token: Token, quoted: set[int]) -> bool:
        if token.i in quoted:
            return False
        verb = token.head if token.pos_ == "AUX" else token
        if verb.lemma_ in self.exclude or token.lemma_ in self.exclude:
            return False
        # "si elle refusait, elle paierait": the "si" clause hangs off the same verb.
        for child in verb.children:
            if child.dep_ == "advcl" and any(
                c.dep_ == "mark" and c.lower_ in self.grammar.hypothesis_markers
                for c in child.children
            ):
                return False
        return True


def conditional_form(token: Token) -> bool:
    """A conditional the tagger read as an imperfect ("reverserait"): the form is the
    infinitive's stem plus -ait/-aient, which no imperfect is ("déclarait" is not
    "déclarerait")."""
    if not token.lower_.endswith(("rait", "raient")):
        return False
    if "Imp" not in token.morph.get("Tense", []):
        return False
    lemma = token.lemma_.lower()
    stems = (lemma, lemma[:-1]) if lemma.endswith("re") else (lemma,)
    return any(token.lower_ in (stem + "ait", stem + "aient") for stem in stems)


def is_conditional(token: Token) -> bool:
    """Whether a verb is in the conditional, by its morphology or its form."""
    return "Cnd" in token.morph.get("Mood", []) or conditional_form(token)


def hedges_in(hedges: list[Span], start: int, end: int) -> list[Span]:
    """The hedge spans inside the token range [start, end)."""
    return [h for h in hedges if start <= h.start and h.end <= end]


@Language.factory(
    "claimx_hedges",
    default_config={"lexicon": "hedges.yaml", "grammar": "french.yaml"},
    assigns=["doc._.claimx_hedges", "doc.spans"],
    requires=["token.lemma", "token.morph", "token.dep"],
)
def make_hedges(nlp: Language, name: str, lexicon: str, grammar: str) -> HedgeTagger:
    """Create a claimx_hedges component over the data files named (in `models/`)."""
    return HedgeTagger(nlp, name, {"lexicon": lexicon, "grammar": grammar})
