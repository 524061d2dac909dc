"""The money lexicon (`models/money.yaml`) compiled into regular expressions and the
cheap cues that say where to try them."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from spacy.vocab import Vocab

from claimx.columns import Ids

# What can open an expression: a number, a sign, a qualifier ("plus de"), a range lead
# ("entre"), a vague amount ("des milliards").
OPENER_KINDS = ("number", "symbol", "qualifier", "lead", "vague")
_APOS = "['’]"
_DE = rf"(?:de\s+|d{_APOS}\s*|of\s+)"


@dataclass(frozen=True)
class _Unit:
    currency: str | None
    factor: Decimal


def _key(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip().lower()


def _alternation(words: Iterable[str], case_sensitive: bool = False, symbol: bool = False) -> str:
    """One regex alternative per word, longest first, not inside a longer word.

    A symbol ("USD", "EUR") may touch a digit ("USD1,23", "1000EUR"), not a letter.
    The test of what comes before opens each run of words it applies to, once for the
    run rather than once per word (the same matches, in the same order of preference:
    `re` tried it for every word at every place, four times the cost).
    """
    edge_after = r"(?![^\W\d_])" if symbol else r"(?!\w)"
    edge_before = r"(?<![^\W\d_])" if symbol else r"(?<!\w)"
    runs: list[tuple[bool, list[str]]] = []  # (edged before, the words' patterns)
    for word in sorted(set(words), key=lambda w: (-len(w), w)):
        pattern = re.escape(word).replace(r"\ ", r"\s+").replace("'", _APOS)
        if word[-1].isalnum():
            pattern += edge_after
        if case_sensitive:
            pattern = f"(?-i:{pattern})"
        edged = word[0].isalnum()
        if runs and runs[-1][0] == edged:
            runs[-1][1].append(pattern)
        else:
            runs.append((edged, [pattern]))
    parts = [
        f"{edge_before}(?:{'|'.join(patterns)})" if edged else "|".join(patterns)
        for edged, patterns in runs
    ]
    return "(?:" + "|".join(parts) + ")"


def _lead_pattern(word: str) -> str:
    """A range's lead word as a pattern: "entre" before a space, "d'" glued."""
    if word[-1] in "'’":
        return re.escape(word[:-1]) + _APOS
    return re.escape(word) + r"\s+"


class MoneyLexicon:
    """Currencies, scales, qualifiers, number words and percent signs, compiled."""

    def __init__(self, vocab: Vocab, data: dict[str, Any]) -> None:
        self.vocab = vocab
        self.windows: dict[str, int] = dict(data["windows"])
        self.unit_of: dict[str, _Unit] = {}
        names, symbols, subunits = self._units(data)
        self.needs_scale = {_key(w) for w in data["needs_scale"]}
        scale_words, abbreviations = self._scales(data)
        self.qualifier_of = {
            _key(word): kind for kind, words in data["qualifiers"].items() for word in words
        }
        self.percent_unit_of = {
            _key(sign): unit for unit, signs in data["percent"].items() for sign in signs
        }
        self.number_words: dict[str, int] = dict(data["number_words"])
        ranges = data["ranges"]
        self.range_leads: dict[str, str] = {_key(k): v for k, v in ranges["leads"].items()}
        self.unled_separators = set(ranges["unled"])
        # A loose, fast hint of a separator: a range is tried only before one.
        self.separator_hint = re.compile(
            "|".join(
                re.escape(s) + (r"\b" if s[-1].isalnum() else "") for s in ranges["separators"]
            )
        )
        parts = {
            "scale": rf"(?:{_alternation(scale_words)}"
            rf"|{_alternation(abbreviations, True, symbol=True)})",
            "currency": rf"(?:{_alternation(names)}|{_alternation(symbols, symbol=True)})",
            "subunit": _alternation(subunits),
            "symbol": _alternation(symbols, symbol=True),
        }
        self.regexes = self._patterns(data, parts)
        self._cue_forms(data, names + symbols + subunits, list(self.percent_unit_of))

    def _units(self, data: dict[str, Any]) -> tuple[list[str], list[str], list[str]]:
        """Fill `unit_of`; the currency names, symbols and minor units' names."""
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
        return names, symbols, subunits

    def _scales(self, data: dict[str, Any]) -> tuple[list[str], list[str]]:
        """Fill `scale_of`; the scale words and their abbreviations ("Md", "M")."""
        self.scale_of: dict[str, dict[str, int]] = {}
        abbreviations: list[str] = []
        scale_words: list[str] = []
        for scale in data["scales"]:
            for word in scale["words"]:
                values = {k: int(v) for k, v in scale["value"].items()}
                self.scale_of[word if len(word) <= 3 else word.lower()] = values
                (abbreviations if len(word) <= 3 else scale_words).append(word)
        return scale_words, abbreviations

    def _patterns(self, data: dict[str, Any], parts: dict[str, str]) -> dict[str, re.Pattern[str]]:
        """The five expressions, by kind: money ranges, vague and single amounts,
        percentage ranges and single percentages."""
        digits = (
            r"(?<![\d.,])(?:\d{1,3}(?:[\u0020\u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?"
            r"|\d+(?:[.,]\d+)*)(?![\d])"
        )
        words = _alternation(self.number_words)
        number = rf"(?:{digits}|{words}(?:(?:[\s-]+et)?[\s-]+{words})*)"
        scale, currency, subunit, symbol = (
            parts[k] for k in ("scale", "currency", "subunit", "symbol")
        )
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
        ranges = data["ranges"]
        leads = sorted({rf"(?<!\w){_lead_pattern(w)}" for w in self.range_leads})
        lead = rf"(?P<lead>{'|'.join(leads)})?"
        separator = rf"\s*(?P<sep>{'|'.join(re.escape(s) for s in ranges['separators'])})\s*"
        sources = {
            "range": rf"{lead}(?:(?P<sym>{symbol})\s*)?{amount(1)}(?:{unit_after(1)})?"
            rf"{separator}{amount(2)}(?:{unit_after(2)})?",
            "vague": rf"(?<!\w)(?P<vague>{_alternation(data['vague'])})\s+(?P<scale1>{scale})"
            rf"\s*{_DE}?(?P<cur1>{currency})",
            "single": rf"{qualifier}(?:(?P<sym>{symbol})\s*{amount(1)}"
            rf"|{amount(2)}{unit_after(2)}{minor})",
            "percent_range": rf"{lead}(?P<num1>{number})(?:\s*(?P<sign1>{sign}))?{separator}"
            rf"(?P<num2>{number})\s*(?P<sign2>{sign})",
            "percent": rf"{qualifier}(?P<num1>{number})\s*(?P<sign1>{sign})",
        }
        return {kind: re.compile(source, re.IGNORECASE) for kind, source in sources.items()}

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

        def cue_words(forms: list[str]) -> Ids:
            words = set()
            for form in forms:
                parts = [w for w in re.split(r"[\s'’-]+", form.lower()) if w.isalpha()]
                if parts:  # the longest word is the least common one: "pour cent" -> "cent"
                    words.add(max(reversed(parts), key=len))
            return Ids(strings.add(w) for w in words)

        self.money_words = cue_words(money)
        self.percent_words = cue_words(percent)
        self.glued_forms = {f.lower() for f in money if f.isalpha()}
        opener_ids: dict[str, set[int]] = {}

        def opener(name: str, phrase: str) -> None:
            first = phrase.lower().split()[0]  # "jusqu'à" -> "jusqu'", "us$" -> "us"
            elided = re.match(r"[^'’]*['’]", first)
            letters = re.match(r"[^\W\d_]*", first)
            for word in (first, elided and elided.group(), letters and letters.group()):
                for form in {word, word.replace("'", "’"), word.replace("’", "'")} if word else ():
                    opener_ids.setdefault(name, set()).add(strings.add(form))

        for word in self.range_leads:
            opener("lead", word)
        for word in self.number_words:
            opener("number", word)
        for phrase in self.qualifier_of:
            opener("qualifier", phrase)
        for phrase in data["vague"]:
            opener("vague", phrase)
        for phrase in money:
            opener("symbol", phrase)
        # the words that can open each kind of expression (number words, qualifiers…)
        self.openers = {name: Ids(opener_ids.get(name, ())) for name in OPENER_KINDS}
