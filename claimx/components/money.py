"""claimx_money: money amounts normalized to a number and an ISO 4217 currency.

The lexicon (currencies, scale words, qualifiers, number words) is
`models/money.yaml`; this module compiles it into three regular expressions,
ranges, vague amounts and single amounts, tried in that order over the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx.numbers import parse_digits, parse_words, to_json_number
from claimx.resources import load_yaml

if not Doc.has_extension("claimx_money"):
    Doc.set_extension("claimx_money", default=None)

_APOS = "['’]"


@dataclass(frozen=True)
class MoneyHit:
    """One amount: exact character offsets, its token span and its value."""

    start: int
    end: int
    span: Span
    amount: int | float | None
    amount_max: int | float | None
    currency: str | None
    qualifier: str


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def _alternation(words: Iterable[str], case_sensitive: bool = False) -> str:
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        pattern = re.escape(word).replace(r"\ ", r"\s+").replace("'", _APOS)
        if word[-1].isalnum():
            pattern += r"(?!\w)"
        if word[0].isalnum():
            pattern = r"(?<!\w)" + pattern
        parts.append(f"(?-i:{pattern})" if case_sensitive else pattern)
    return "(?:" + "|".join(parts) + ")"


class MoneyTagger:
    """Find amounts of money into `doc._.claimx_money` and `doc.spans["claimx_money"]`."""

    def __init__(self, name: str, lexicon: str, lang: str) -> None:
        self.name = name
        self.lang = lang
        data: dict[str, Any] = load_yaml(lexicon)
        self.currency_of: dict[str, str] = {}
        names: list[str] = []
        symbols: list[str] = []
        for cur in data["currencies"]:
            for form in cur["names"]:
                self.currency_of[_key(form)] = cur["code"]
                names.append(form)
            for form in cur["symbols"]:
                self.currency_of[_key(form)] = cur["code"]
                symbols.append(form)
        self.scale_of: dict[str, int] = {}
        abbreviations: list[str] = []
        scale_words: list[str] = []
        for scale in data["scales"]:
            for word in scale["words"]:
                self.scale_of[word if len(word) <= 3 else word.lower()] = int(
                    scale["value"].get(lang, scale["value"]["fr"])
                )
                (abbreviations if len(word) <= 3 else scale_words).append(word)
        self.qualifier_of = {
            _key(word): kind for kind, words in data["qualifiers"].items() for word in words
        }
        self.number_words: dict[str, int] = dict(data["number_words"])

        digits = (
            r"(?<![\d.,])(?:\d{1,3}(?:[\u0020\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?"
            r"|\d+(?:[.,]\d+)*)(?![\d])"
        )
        words = _alternation(self.number_words)
        number = rf"(?:{digits}|{words}(?:(?:[\s-]+et)?[\s-]+{words})*)"
        scale = rf"(?:{_alternation(scale_words)}|{_alternation(abbreviations, True)})"
        currency = rf"(?:{_alternation(names)}|{_alternation(symbols)})"
        cur_after = rf"\s*(?:(?:de\s+|d{_APOS}\s*)?(?P<cur{{n}}>{currency}))"
        qualifier = rf"(?:(?P<qual>{_alternation(self.qualifier_of)})\s*)?"
        sym_before = rf"(?P<sym>{_alternation(symbols)})\s*"

        def amount(n: int) -> str:
            return rf"(?P<num{n}>{number})(?:\s*(?P<scale{n}>{scale}))?"

        flags = re.IGNORECASE
        self.range_re = re.compile(
            rf"(?P<lead>(?<!\w)entre\s+|(?<!\w)de\s+|(?<!\w)d{_APOS})?(?:{sym_before})?{amount(1)}"
            rf"(?:{cur_after.format(n=1)})?"
            rf"\s*(?P<sep>et|à|-|–)\s*{amount(2)}(?:{cur_after.format(n=2)})?",
            flags,
        )
        self.vague_re = re.compile(
            rf"(?<!\w)(?P<vague>{_alternation(data['vague'])})\s+(?P<scale1>{scale})"
            rf"{cur_after.format(n=1)}",
            flags,
        )
        self.single_re = re.compile(
            rf"{qualifier}(?:{sym_before}{amount(1)}|{amount(1).replace('1>', '2>')}"
            rf"{cur_after.format(n=1)})",
            flags,
        )

    def __call__(self, doc: Doc) -> Doc:
        hits: list[MoneyHit] = []
        taken: list[tuple[int, int]] = []
        for match, kind in self._matches(doc.text):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            hit = self._hit(doc, match, kind)
            if hit is not None:
                hits.append(hit)
                taken.append((start, end))
        hits.sort(key=lambda h: h.start)
        doc._.claimx_money = hits
        doc.spans["claimx_money"] = [h.span for h in hits]
        return doc

    def _matches(self, text: str) -> Iterator[tuple[re.Match[str], str]]:
        for regex, kind in (
            (self.range_re, "range"),
            (self.vague_re, "vague"),
            (self.single_re, "single"),
        ):
            for match in regex.finditer(text):
                yield match, kind

    def _hit(self, doc: Doc, m: re.Match[str], kind: str) -> MoneyHit | None:
        groups = m.groupdict()
        symbol = groups.get("sym")
        cur_text = groups.get("cur2") or groups.get("cur1") or symbol
        if cur_text is None:
            return None
        currency = self.currency_of.get(_key(cur_text))
        start, end = m.span()
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return None
        if kind == "vague":
            return MoneyHit(start, end, span, None, None, currency, "vague")
        if kind == "range":
            lead, sep = (groups["lead"] or "").strip().lower(), groups["sep"].lower()
            valid = {"entre": "et", "de": "à", "d'": "à", "d’": "à", "": "-"}
            if valid.get(lead) != sep and not (lead == "" and sep == "–"):
                return None
            high = self._value(groups["num2"], groups["scale2"])
            low = self._value(groups["num1"], groups["scale1"] or groups["scale2"])
            if low is None or high is None or low >= high:
                return None
            return MoneyHit(
                start, end, span, to_json_number(low), to_json_number(high), currency, "range"
            )
        num = groups.get("num1") or groups.get("num2")
        scale = groups.get("scale1") or groups.get("scale2")
        value = self._value(num, scale)
        if value is None:
            return None
        qualifier = self.qualifier_of.get(_key(groups["qual"] or ""), "exact")
        return MoneyHit(start, end, span, to_json_number(value), None, currency, qualifier)

    def _value(self, number: str | None, scale: str | None) -> Decimal | None:
        if not number:
            return None
        try:
            if number[0].isdigit():
                value = parse_digits(number, self.lang)
            else:
                value = parse_words(number, self.number_words)
        except ValueError:
            return None
        if scale:
            factor = self.scale_of.get(scale) or self.scale_of.get(scale.lower())
            if factor is None:
                return None
            value *= factor
        return value


@Language.factory("claimx_money", default_config={"lexicon": "money.yaml", "lang": "fr"})
def make_money(nlp: Language, name: str, lexicon: str, lang: str) -> MoneyTagger:
    """Create a claimx_money component reading its lexicon from `models/`."""
    return MoneyTagger(name, lexicon, lang)
