"""claimx_chips: AI chip products from the catalog in `models/chips.yaml`.

Catalog names and their spelling variants go into `PhraseMatcher`s; a short
token `Matcher` adds chip-like names that follow a chip noun ("la puce X5")
but are not in the catalog (vendor null).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from claimx.resources import load_yaml

if not Doc.has_extension("claimx_chips"):
    Doc.set_extension("claimx_chips", default=None)


@dataclass(frozen=True)
class ChipHit:
    """One chip mention: token span, canonical name, vendor (None when unknown)."""

    span: Span
    name: str
    vendor: str | None


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


class ChipTagger:
    """Tag chip mentions into `doc._.claimx_chips` and `doc.spans["claimx_chips"]`."""

    def __init__(self, nlp: Language, name: str, catalog: str) -> None:
        self.name = name
        data = load_yaml(catalog)
        self.vendors: dict[str, str | None] = {}
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        for entry in data["chips"]:
            canonical = str(entry["name"])
            self.vendors[canonical] = entry.get("vendor")
            aliases = [canonical, *map(str, entry.get("aliases") or [])]
            forms = sorted({v for a in aliases for v in spelling_variants(a)})
            docs = [nlp.make_doc(t) for t in forms]
            if any(ch.isdigit() for ch in canonical):
                self.folded.add(canonical, docs)
            else:
                self.exact.add(canonical, docs)
        self.context = Matcher(nlp.vocab)
        self.context.add(
            "UNKNOWN_CHIP",
            [
                [
                    {"LOWER": {"IN": list(data["context_lemmas"])}},
                    {"LOWER": {"IN": ["ai", "ia", "d'ia", "d'", "de"]}, "OP": "*"},
                    {"TEXT": {"REGEX": data["unknown_name_regex"]}},
                ],
                [
                    {"LEMMA": {"IN": list(data["context_lemmas"])}},
                    {"TEXT": {"REGEX": data["unknown_name_regex"]}},
                ],
            ],
        )

    def __call__(self, doc: Doc) -> Doc:
        found: list[Span] = []
        for matcher in (self.exact, self.folded):
            for match_id, start, end in matcher(doc):
                found.append(Span(doc, start, end, label=match_id))
        for _, _start, end in self.context(doc):
            found.append(Span(doc, end - 1, end, label="UNKNOWN"))
        spans = filter_spans(found)
        hits = [self._hit(span) for span in sorted(spans, key=lambda s: s.start)]
        doc._.claimx_chips = hits
        doc.spans["claimx_chips"] = [h.span for h in hits]
        return doc

    def _hit(self, span: Span) -> ChipHit:
        if span.label_ == "UNKNOWN":
            return ChipHit(span, span.text, None)
        return ChipHit(span, span.label_, self.vendors.get(span.label_))


@Language.factory("claimx_chips", default_config={"catalog": "chips.yaml"})
def make_chips(nlp: Language, name: str, catalog: str) -> ChipTagger:
    """Create a claimx_chips component reading its catalog from `models/`."""
    return ChipTagger(nlp, name, catalog)
