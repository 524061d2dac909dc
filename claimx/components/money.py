"""claimx_money: money amounts and percentages, normalized.

The lexicon (currencies, minor units, scale words, qualifiers, number words,
percent signs) is `models/money.yaml`; this module compiles it into regular
expressions tried over the text in order: money ranges, vague amounts, single
amounts, then percentage ranges and single percentages. Percentages are kept
apart from money (`doc._.claimx_percent`) and never counted as an amount.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from spacy.attrs import IDX, LIKE_NUM, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from claimx.docs import doc_text, windows_around
from claimx.numbers import parse_digits, parse_words, to_json_number
from claimx.resources import load_yaml

for _ext in ("claimx_money", "claimx_percent", "claimx_lang"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)

_APOS = "['’]"
_DE = rf"(?:de\s+|d{_APOS}\s*|of\s+)"
_RANGE_SEPARATORS = {"entre": "et", "de": "à", "d'": "à", "d’": "à", "": "-"}
# Every amount holds a currency word or sign, every percentage a percent sign: the full
# expressions are tried only from this far before such a cue to this far after it.
_BEFORE, _AFTER = 70, 50
_DIGITS = re.compile(r"\d+")
_LETTERS_BEFORE = re.compile(r"[^\W\d_]+$")
_LETTERS_AFTER = re.compile(r"[^\W\d_]+")


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


@dataclass(frozen=True)
class PercentHit:
    """One percentage (unit "percent") or change in percentage points (unit "point")."""

    start: int
    end: int
    span: Span
    value: int | float
    value_max: int | float | None
    unit: str
    qualifier: str


@dataclass(frozen=True)
class _Unit:
    currency: str | None
    factor: Decimal


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def _alternation(words: Iterable[str], case_sensitive: bool = False, symbol: bool = False) -> str:
    """One regex alternative per word, longest first, not inside a longer word.

    A symbol ("USD", "EUR") may touch a digit ("USD1,23", "1000EUR"), not a letter.
    """
    edge_after = r"(?![^\W\d_])" if symbol else r"(?!\w)"
    edge_before = r"(?<![^\W\d_])" if symbol else r"(?<!\w)"
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        pattern = re.escape(word).replace(r"\ ", r"\s+").replace("'", _APOS)
        if word[-1].isalnum():
            pattern += edge_after
        if word[0].isalnum():
            pattern = edge_before + pattern
        parts.append(f"(?-i:{pattern})" if case_sensitive else pattern)
    return "(?:" + "|".join(parts) + ")"


_OPENER_KINDS = ("number", "symbol", "qualifier", "lead", "vague")
_SEPARATOR = re.compile(r"[-–]|et\b|à\b")  # loose, fast: a hint, not a match
_RANGE_REACH = 45  # characters from a range's start to its separator, at most
# What can open each expression.
_KIND_OPENERS = {
    "range": ("lead", "symbol", "number"),
    "vague": ("vague",),
    "single": ("qualifier", "symbol", "number"),
    "percent_range": ("lead", "number"),
    "percent": ("qualifier", "number"),
}


class MoneyTagger:
    """Find amounts into `doc._.claimx_money` and percentages into `doc._.claimx_percent`.

    The token spans are also in `doc.spans["claimx_money"]` and `doc.spans["claimx_percent"]`.
    """

    def __init__(self, vocab: Vocab, name: str, lexicon: str, lang: str) -> None:
        self.vocab = vocab
        self.name = name
        self.lang = lang
        data: dict[str, Any] = load_yaml(lexicon)
        self.unit_of: dict[str, _Unit] = {}
        names: list[str] = []
        symbols: list[str] = []
        for cur in data["currencies"]:
            for form in cur["names"]:
                self.unit_of[_key(form)] = _Unit(cur["code"], Decimal(1))
                names.append(form)
            for form in cur["symbols"]:
                self.unit_of[_key(form)] = _Unit(cur["code"], Decimal(1))
                symbols.append(form)
        subunits: list[str] = []
        for sub in data["subunits"]:
            for form in sub["names"]:
                self.unit_of[_key(form)] = _Unit(sub["of"], Decimal(str(sub["factor"])))
                subunits.append(form)
        self.needs_scale = {_key(w) for w in data["needs_scale"]}
        self.scale_of: dict[str, dict[str, int]] = {}
        abbreviations: list[str] = []
        scale_words: list[str] = []
        for scale in data["scales"]:
            for word in scale["words"]:
                values = {k: int(v) for k, v in scale["value"].items()}
                self.scale_of[word if len(word) <= 3 else word.lower()] = values
                (abbreviations if len(word) <= 3 else scale_words).append(word)
        self.qualifier_of = {
            _key(word): kind for kind, words in data["qualifiers"].items() for word in words
        }
        self.percent_unit_of = {
            _key(sign): unit for unit, signs in data["percent"].items() for sign in signs
        }
        self.number_words: dict[str, int] = dict(data["number_words"])

        digits = (
            r"(?<![\d.,])(?:\d{1,3}(?:[\u0020\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?"
            r"|\d+(?:[.,]\d+)*)(?![\d])"
        )
        words = _alternation(self.number_words)
        number = rf"(?:{digits}|{words}(?:(?:[\s-]+et)?[\s-]+{words})*)"
        scale = rf"(?:{_alternation(scale_words)}|{_alternation(abbreviations, True, symbol=True)})"
        currency = rf"(?:{_alternation(names)}|{_alternation(symbols, symbol=True)})"
        subunit = _alternation(subunits)
        symbol = _alternation(symbols, symbol=True)
        qualifier = rf"(?:(?P<qual>{_alternation(self.qualifier_of)})\s*)?"
        sign = _alternation(self.percent_unit_of)

        def amount(n: int) -> str:
            half = rf"(?:\s+et\s+(?P<half{n}>demie?))?"  # "un milliard et demi"
            return rf"(?P<num{n}>{number})(?:\s*(?P<scale{n}>{scale}){half})?"

        def unit_after(n: int) -> str:
            return (
                rf"\s*(?:{_DE}?(?P<cur{n}>{currency})"
                rf"|{_DE}?(?P<sub{n}>{subunit})(?:\s+{_DE}(?P<of{n}>{currency}))?)"
            )

        # "15 dollars et 15 cents", "3 euros 50": a minor part after a major amount.
        minor = (
            rf"(?:\s+(?:et\s+)?(?:(?P<minor>{number})\s*(?P<minor_sub>{subunit})"
            rf"|(?P<minor_bare>\d\d)(?![.,]?\d)(?!\s*(?:[^\W\d_]|[%$€£¥]))))?"
        )
        lead = rf"(?P<lead>(?<!\w)entre\s+|(?<!\w)de\s+|(?<!\w)d{_APOS})?"
        separator = r"\s*(?P<sep>et|à|-|–)\s*"
        flags = re.IGNORECASE
        range_re = re.compile(
            rf"{lead}(?:(?P<sym>{symbol})\s*)?{amount(1)}(?:{unit_after(1)})?"
            rf"{separator}{amount(2)}(?:{unit_after(2)})?",
            flags,
        )
        vague_re = re.compile(
            rf"(?<!\w)(?P<vague>{_alternation(data['vague'])})\s+(?P<scale1>{scale})"
            rf"\s*{_DE}?(?P<cur1>{currency})",
            flags,
        )
        single_re = re.compile(
            rf"{qualifier}(?:(?P<sym>{symbol})\s*{amount(1)}|{amount(2)}{unit_after(2)}{minor})",
            flags,
        )
        percent_range_re = re.compile(
            rf"{lead}(?P<num1>{number})(?:\s*(?P<sign1>{sign}))?{separator}"
            rf"(?P<num2>{number})\s*(?P<sign2>{sign})",
            flags,
        )
        percent_re = re.compile(rf"{qualifier}(?P<num1>{number})\s*(?P<sign1>{sign})", flags)
        self.regexes = {
            "range": range_re,
            "vague": vague_re,
            "single": single_re,
            "percent_range": percent_range_re,
            "percent": percent_re,
        }
        self._cue_forms(data, names + symbols + subunits, list(self.percent_unit_of))

    def __call__(self, doc: Doc) -> Doc:
        lang = doc._.claimx_lang or self.lang
        money: list[MoneyHit] = []
        percent: list[PercentHit] = []
        taken: list[tuple[int, int]] = []
        for match, kind in self._matches(doc):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            if kind.startswith("percent"):
                pct = self._percent(span, match, kind, lang)
                if pct is not None:
                    percent.append(pct)
                    taken.append((start, end))
            else:
                hit = self._money(span, match, kind, lang)
                if hit is not None:
                    money.append(hit)
                    taken.append((start, end))
        money.sort(key=lambda h: h.start)
        percent.sort(key=lambda h: h.start)
        doc._.claimx_money = money
        doc._.claimx_percent = percent
        doc.spans["claimx_money"] = [h.span for h in money]
        doc.spans["claimx_percent"] = [h.span for h in percent]
        return doc

    def _matches(self, doc: Doc) -> Iterator[tuple[re.Match[str], str]]:
        """Each expression's leftmost non-overlapping matches, as `finditer` would give them.

        Regular expressions are slow to try at every character, so each is tried only
        where it can start (a number, a qualifier, a symbol… see `_KIND_OPENERS`) near
        a currency cue, or near a percent cue for percentages.
        """
        text = doc_text(doc)
        rows = doc.to_array([IDX, LOWER, LIKE_NUM])
        token_starts = [int(i) for i in rows[:, 0]]
        money_cues, percent_cues, openers = self._cues(text, rows, token_starts)
        separators = [m.start() for m in _SEPARATOR.finditer(text)]
        for cues, kinds in (
            (percent_cues, ("percent_range", "percent")),
            (money_cues, ("range", "vague", "single")),
        ):
            windows = windows_around(cues, _BEFORE, _AFTER, len(text))
            for kind in kinds:
                starts = sorted(set().union(*(openers[c] for c in _KIND_OPENERS[kind])))
                regex = self.regexes[kind]
                ranged = kind.endswith("range")
                after = 0
                for start, end in windows:
                    for at in starts[bisect_left(starts, start) : bisect_left(starts, end)]:
                        if at < after:
                            continue
                        if ranged:  # a range needs its "et", "à" or dash soon after
                            s = bisect_left(separators, at)
                            if s == len(separators) or separators[s] > at + _RANGE_REACH:
                                continue
                        match = regex.match(text, at, end)
                        if match is not None and match.end() > at:
                            after = match.end()
                            yield match, kind

    def _cues(
        self, text: str, rows: Any, token_starts: list[int]
    ) -> tuple[list[int], list[int], dict[str, set[int]]]:
        """Offsets of currency cues and of percent cues (sorted), and of the tokens that
        can open an expression, by what they are (number, symbol, qualifier…)."""
        money: list[int] = []
        percent: list[int] = []
        openers: dict[str, set[int]] = {name: set() for name in _OPENER_KINDS}
        for start, lower, like_num in rows.tolist():
            if lower in self.money_words:
                money.append(start)
            if lower in self.percent_words:
                percent.append(start)
            if like_num:
                openers["number"].add(start)
            for name in self.opener_ids.get(lower, ()):
                openers[name].add(start)

        def token_at(offset: int) -> int:
            return token_starts[bisect_right(token_starts, offset) - 1]

        for ch, cues in self.cue_chars.items():
            at = text.find(ch)
            while at != -1:
                (percent if cues == "percent" else money).append(at)
                openers["symbol"].add(token_at(at))
                at = text.find(ch, at + 1)
        at = text.find("-")
        while at != -1:  # "vingt-cinq", "quatre-vingt-dix"
            start = token_at(at)
            if text[start:at].lower() in self.number_words:
                openers["number"].add(start)
            at = text.find("-", at + 1)
        for run in _DIGITS.finditer(text):
            openers["number"].add(token_at(run.start()))
            before = _LETTERS_BEFORE.search(text, max(0, run.start() - 5), run.start())
            after = _LETTERS_AFTER.match(text, run.end(), run.end() + 5)
            for glued in (before, after):  # "EUR29,99", "1000EUR"
                if glued is not None and glued.group().lower() in self.glued_forms:
                    money.append(glued.start())
                    openers["symbol"].add(token_at(glued.start()))
        return sorted(money), sorted(percent), openers

    def _cue_forms(self, data: dict[str, Any], money: list[str], percent: list[str]) -> None:
        """Compile the cheap cues of `_cues`.

        A form with a sign ("$", "€", "%") is found by that character; a form of letters
        by one of its words as a token ("dollars", "sterling", "cent"), or glued to
        digits ("EUR29,99"). Openers are the first words of qualifiers, range leads,
        vague amounts and symbols, and number words.
        """
        strings = self.vocab.strings
        self.cue_chars: dict[str, str] = {}
        for forms, cue in ((money, "money"), (percent, "percent")):
            for ch in sorted({c for f in forms for c in f if not c.isalnum()} - set(" '’-.")):
                self.cue_chars.setdefault(ch, cue)

        def cue_words(forms: list[str]) -> set[int]:
            words = set()
            for form in forms:
                parts = [w for w in re.split(r"[\s'’-]+", form.lower()) if w.isalpha()]
                if parts:  # the longest word is the least common one: "pour cent" -> "cent"
                    words.add(max(reversed(parts), key=len))
            return {strings.add(w) for w in words}

        self.money_words = cue_words(money)
        self.percent_words = cue_words(percent)
        self.glued_forms = {f.lower() for f in money if f.isalpha()}
        self.opener_ids: dict[int, set[str]] = {}

        def opener(name: str, phrase: str) -> None:
            first = phrase.lower().split()[0]  # "jusqu'à" -> "jusqu'", "us$" -> "us"
            elided = re.match(r"[^'’]*['’]", first)
            letters = re.match(r"[^\W\d_]*", first)
            for word in (first, elided and elided.group(), letters and letters.group()):
                for form in {word, word.replace("'", "’"), word.replace("’", "'")} if word else ():
                    self.opener_ids.setdefault(strings.add(form), set()).add(name)

        for word in ("entre", "de", "d'"):
            opener("lead", word)
        for word in self.number_words:
            opener("number", word)
        for phrase in self.qualifier_of:
            opener("qualifier", phrase)
        for phrase in data["vague"]:
            opener("vague", phrase)
        for phrase in money:
            opener("symbol", phrase)

    def _unit(self, groups: dict[str, str | None], n: int) -> _Unit | None:
        text = groups.get(f"cur{n}") or groups.get(f"sub{n}")
        if text is None:
            return None
        unit = self.unit_of[_key(text)]
        named = groups.get(f"of{n}")
        if named:  # "20 centimes d'euro"
            unit = _Unit(self.unit_of[_key(named)].currency, unit.factor)
        return unit

    def _money(self, span: Span, m: re.Match[str], kind: str, lang: str) -> MoneyHit | None:
        groups = m.groupdict()
        start, end = m.span()
        if kind == "vague":
            unit = self._unit(groups, 1)
            currency = unit.currency if unit else None
            return MoneyHit(start, end, span, None, None, currency, "vague")
        symbol = groups.get("sym")
        unit = self._unit(groups, 2) or self._unit(groups, 1)
        if unit is None and symbol:
            unit = self.unit_of[_key(symbol)]
        if unit is None:
            return None
        if kind == "range":
            if not self._is_range(groups):
                return None
            high = self._value(lang, groups["num2"], groups["scale2"], groups["half2"])
            low = self._value(
                lang, groups["num1"], groups["scale1"] or groups["scale2"], groups["half1"]
            )
            if low is None or high is None or low >= high:
                return None
            return MoneyHit(
                start,
                end,
                span,
                to_json_number(low * unit.factor),
                to_json_number(high * unit.factor),
                unit.currency,
                "range",
            )
        number = groups.get("num1") or groups.get("num2")
        scale = groups.get("scale1") or groups.get("scale2")
        half = groups.get("half1") or groups.get("half2")
        if not symbol and not scale and not self._names_money(groups, number):
            return None
        value = self._value(lang, number, scale, half)
        if value is None:
            return None
        value *= unit.factor
        if groups.get("minor_bare"):
            value += Decimal(groups["minor_bare"]) / 100
        elif groups.get("minor") and groups.get("minor_sub"):
            minor = self._value(lang, groups["minor"], None)
            if minor is None:
                return None
            value += minor * self.unit_of[_key(groups["minor_sub"])].factor
        qualifier = self.qualifier_of.get(_key(groups["qual"] or ""), "exact")
        return MoneyHit(start, end, span, to_json_number(value), None, unit.currency, qualifier)

    def _names_money(self, groups: dict[str, str | None], number: str | None) -> bool:
        """Whether an amount with no scale and no symbol is money, not everyday words.

        "deux livres" are books and "deux cents" is 200: such a word makes money only
        after digits ("12 cents") or with a scale word.
        """
        word = groups.get("cur2") or groups.get("sub2") or ""
        if _key(word) in self.needs_scale:
            return False
        is_number_word = _key(word) in self.number_words
        return not (is_number_word and number is not None and not number[0].isdigit())

    def _percent(self, span: Span, m: re.Match[str], kind: str, lang: str) -> PercentHit | None:
        groups = m.groupdict()
        start, end = m.span()
        unit = self.percent_unit_of[_key(groups.get("sign2") or groups["sign1"] or "")]
        low = self._value(lang, groups["num1"], None)
        if low is None:
            return None
        if kind == "percent_range":
            high = self._value(lang, groups["num2"], None)
            if not self._is_range(groups) or high is None or low >= high:
                return None
            return PercentHit(
                start, end, span, to_json_number(low), to_json_number(high), unit, "range"
            )
        qualifier = self.qualifier_of.get(_key(groups["qual"] or ""), "exact")
        return PercentHit(start, end, span, to_json_number(low), None, unit, qualifier)

    @staticmethod
    def _is_range(groups: dict[str, str | None]) -> bool:
        """ "entre … et", "de … à", or a dash with no lead word."""
        lead = (groups["lead"] or "").strip().lower()
        sep = (groups["sep"] or "").lower()
        return _RANGE_SEPARATORS.get(lead) == sep or (lead == "" and sep == "–")

    def _value(
        self, lang: str, number: str | None, scale: str | None, half: str | None = None
    ) -> Decimal | None:
        if not number:
            return None
        try:
            if number[0].isdigit():
                value = parse_digits(number, lang)
            else:
                value = parse_words(number, self.number_words)
        except ValueError:
            return None
        if scale:
            values = self.scale_of.get(scale) or self.scale_of.get(scale.lower())
            if values is None:
                return None
            factor = values.get(lang, values["fr"])
            if half:
                value += Decimal("0.5")
            value *= factor
        return value


@Language.factory("claimx_money", default_config={"lexicon": "money.yaml", "lang": "fr"})
def make_money(nlp: Language, name: str, lexicon: str, lang: str) -> MoneyTagger:
    """Create a claimx_money component reading its lexicon from `models/`."""
    return MoneyTagger(nlp.vocab, name, lexicon, lang)
