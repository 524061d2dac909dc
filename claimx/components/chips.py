"""claimx_chips: AI chip products from the catalog in `models/chips.yaml`.

Catalog names and their spelling variants go into `PhraseMatcher`s; a short
token `Matcher` adds chip-like names that follow a chip noun ("la puce X5")
but are not in the catalog (vendor null).
"""

from __future__ import annotations

import re

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimx.columns import Ids, values_of
from claimx.components.base import Data, DataComponent
from claimx.components.hits import ChipHit, put_chips
from claimx.components.tokenizer import add_suffixes
from claimx.docs import match_near, windows_around

_SHORT_CODE = re.compile(r"^[A-Z][0-9]{1,4}[A-Z]?$")  # A100, H20, L4, B30A: also roads, rooms…
# A final period after a product code, which the French tokenizer keeps as an abbreviation
# ("le MI355X." -> "MI355X" "."): split off as a suffix.
CODE_PERIOD_SUFFIXES = ("(?<=[0-9][A-Z])\\.", "(?<=[0-9][A-Z][A-Z])\\.")


def spelling_variants(alias: str) -> set[str]:
    """Return the spellings of a chip name: as written, without and with hyphens.

    >>> sorted(spelling_variants("H20"))
    ['H-20', 'H20']
    """
    variants = {alias, alias.replace("-", ""), alias.replace("-", " ")}
    for form in list(variants):
        # Letters-digits boundaries: "H20" -> "H-20", "Gaudi 3" -> "Gaudi3"/"Gaudi-3".
        variants.add(re.sub(r"(?<=[A-Za-z])(?=\d)", "-", form))
        variants.add(re.sub(r"(?<=[A-Za-z]) (?=\d)", "", form))
        variants.add(re.sub(r"(?<=[A-Za-z]) (?=\d)", "-", form))
    return {v for v in variants if v.strip()}


class ChipTagger(DataComponent):
    """Tag chip mentions into `doc.spans["claimx_chips"]`."""

    def compile(self, files: dict[str, Data]) -> None:
        nlp = self.nlp
        data = files["catalog"]
        self.vendors: dict[str, str | None] = {}
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.short_codes: set[str] = set()
        for entry in data["chips"]:
            canonical = str(entry["name"])
            self.vendors[canonical] = entry.get("vendor")
            if _SHORT_CODE.match(canonical):
                self.short_codes.add(canonical)
            aliases = [canonical, *map(str, entry.get("aliases") or [])]
            family = entry.get("family")
            if family and entry.get("kind") == "chip" and not canonical.startswith(str(family)):
                aliases.append(f"{family} {canonical}")  # "Instinct MI355X"
            forms = sorted({v for a in aliases for v in spelling_variants(a)})
            docs = [nlp.make_doc(t) for t in forms]
            if any(ch.isdigit() for ch in canonical):
                self.folded.add(canonical, docs)
            else:
                self.exact.add(canonical, docs)
        self.context_window = int(data["context_window"])
        self.unknown_name = re.compile(data["unknown_name_regex"])  # as the Matcher tries it
        self.context_words = Ids(
            nlp.vocab.strings.add(form)
            for word in data["context_lemmas"]
            for form in (word, word + "s", word + "x")
        )
        self.vendor_words = Ids(
            nlp.vocab.strings.add(str(v).lower()) for v in self.vendors.values() if v
        )
        self.context = Matcher(nlp.vocab)
        self.context.add(
            "UNKNOWN_CHIP",
            [
                [
                    {"LOWER": {"IN": list(data["context_lemmas"])}},
                    {"LOWER": {"IN": ["ai", "ia", "d'ia", "d'", "de"]}, "OP": "{0,4}"},
                    {"IS_TITLE": True, "OP": "?"},  # a brand: "le GPU Lisuan G100"
                    {"TEXT": {"REGEX": data["unknown_name_regex"]}},
                ],
                [
                    {"LEMMA": {"IN": list(data["context_lemmas"])}},
                    {"TEXT": {"REGEX": data["unknown_name_regex"]}},
                ],
            ],
        )

    def process(self, doc: Doc) -> Doc:
        found: list[Span] = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                found.append(Span(doc, start, end, label=match_id))
        # only near a chip word: "le GPU Lisuan G100" is at most a few words past it
        near = (0, self.context_window)
        coded = self._coded(doc)
        for match in match_near(self.context, doc, self.context_words, LOWER, *near, coded):
            found.append(Span(doc, match.end - 1, match.end, label="UNKNOWN"))
        spans = filter_spans(found)
        if any(s.label_ in self.short_codes for s in spans) and not self._about_chips(doc, spans):
            # "la route A100", "le bâtiment B200": short codes are chips only in a text
            # that speaks of chips.
            spans = [s for s in spans if s.label_ not in self.short_codes]
        hits = [self._hit(span) for span in sorted(spans, key=lambda s: s.start)]
        put_chips(doc, hits)
        return doc

    def _coded(self, doc: Doc) -> list[int]:
        """The tokens within reach after a chip word shaped like an unknown chip's name:
        every match of `self.context` holds one."""
        reach = self.context_window + 1
        words = self.context_words.where(doc, LOWER)
        return [
            k
            for start, end in windows_around(words, 0, reach, len(doc))
            for k in range(start, end)
            if self.unknown_name.search(doc[k].text)
        ]

    def _about_chips(self, doc: Doc, spans: list[Span]) -> bool:
        """Whether the text names a chip word, a chip vendor, an unambiguous chip or two
        different short codes."""
        if (
            any(s.label_ not in self.short_codes for s in spans)
            or len({s.label_ for s in spans}) > 1
        ):
            return True
        lemmas, lowers = values_of(doc, LEMMA), values_of(doc, LOWER)
        return not (
            self.context_words.isdisjoint(lemmas)
            and self.context_words.isdisjoint(lowers)
            and self.vendor_words.isdisjoint(lowers)
        )

    def _hit(self, span: Span) -> ChipHit:
        if span.label_ == "UNKNOWN":
            return ChipHit(span, span.text, None)
        return ChipHit(span, span.label_, self.vendors.get(span.label_))


@Language.factory(
    "claimx_chips",
    default_config={"catalog": "chips.yaml", "suffixes": list(CODE_PERIOD_SUFFIXES)},
    assigns=["doc.spans"],
    requires=["token.lemma"],
)
def make_chips(nlp: Language, name: str, catalog: str, suffixes: list[str]) -> ChipTagger:
    """Create a claimx_chips component over its catalog (in `models/`).

    suffixes: tokenizer suffix patterns it adds to the pipeline it joins (by default, a
    period after a product code: "le MI355X." -> "MI355X" ".").
    """
    if suffixes:
        add_suffixes(nlp, suffixes)
    return ChipTagger(nlp, name, {"catalog": catalog})
