"""claimx_money: money amounts and percentages, normalized.

The lexicon (currencies, minor units, scale words, qualifiers, number words,
percent signs) is `models/money.yaml`; this module compiles it into regular
expressions tried over the text in order: money ranges, vague amounts, single
amounts, then percentage ranges and single percentages. Percentages are kept
apart from money (`doc.spans["claimx_percent"]`) and never counted as an amount.

By concern: `lexicon` (the data compiled), `finder` (where to try), `values`.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from claimx.components.base import Data, DataComponent
from claimx.components.hits import MONEY, PERCENT, MoneyHit, PercentHit, put_figures
from claimx.components.money.finder import matches
from claimx.components.money.lexicon import MoneyLexicon
from claimx.components.money.values import money_hit, percent_hit
from claimx.components.tokenizer import add_suffixes

# A final period after a currency sign, kept by the French tokenizer in "Md€.".
SIGN_PERIOD_SUFFIXES = ("(?<=[€\\x24£¥])\\.",)  # \x24: "$", which configs reserve


class MoneyTagger(DataComponent):
    """Find amounts into `doc.spans["claimx_money"]` and percentages into
    `doc.spans["claimx_percent"]`, their values beside them (see `claimx.components.hits`)."""

    def __init__(self, nlp: Language, name: str, files: dict[str, str], lang: str) -> None:
        super().__init__(nlp, name, files)
        self.lang = lang

    def compile(self, data: dict[str, Data]) -> None:
        self.lexicon = MoneyLexicon(self.nlp.vocab, data["lexicon"])

    def process(self, doc: Doc) -> Doc:
        lang = doc._.claimx_lang or self.lang
        money: list[MoneyHit] = []
        percent: list[PercentHit] = []
        taken: list[tuple[int, int]] = []
        for match, kind in matches(self.lexicon, doc):
            start, end = match.span()
            if any(start < e and s < end for s, e in taken):
                continue
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is None:
                continue
            if kind.startswith("percent"):
                pct = percent_hit(self.lexicon, span, match, kind, lang)
                if pct is not None:
                    percent.append(pct)
                    taken.append((start, end))
            else:
                hit = money_hit(self.lexicon, span, match, kind, lang)
                if hit is not None:
                    money.append(hit)
                    taken.append((start, end))
        money.sort(key=lambda h: h.start)
        money = _implied_currency(money)
        percent.sort(key=lambda h: h.start)
        put_figures(doc, MONEY, money)
        put_figures(doc, PERCENT, percent)
        return doc


def _implied_currency(money: list[MoneyHit]) -> list[MoneyHit]:
    """ "53 cents" says no currency: when every other amount of the article is in one
    currency, it is that one."""
    currencies = {h.currency for h in money if h.currency is not None}
    if len(currencies) != 1:
        return money
    (currency,) = currencies
    return [replace(h, currency=currency) if h.currency is None else h for h in money]


@Language.factory(
    "claimx_money",
    default_config={"lexicon": "money.yaml", "lang": "fr", "suffixes": list(SIGN_PERIOD_SUFFIXES)},
    assigns=["doc.spans"],
)
def make_money(
    nlp: Language, name: str, lexicon: str, lang: str, suffixes: list[str]
) -> MoneyTagger:
    """Create a claimx_money component over its lexicon (in `models/`); `lang` reads
    numbers ("1,500", "billion") unless `doc._.claimx_lang` says otherwise; `suffixes`:
    tokenizer suffixes it adds (by default a period after a currency sign, "1,3 Md€.",
    so that the sentence ends there)."""
    add_suffixes(nlp, suffixes)
    return MoneyTagger(nlp, name, {"lexicon": lexicon}, lang)
