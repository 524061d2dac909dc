"""Where amounts and percentages can be: the expressions tried only near their cues."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator

from spacy.attrs import IDX, LIKE_NUM, LOWER
from spacy.tokens import Doc

from claimx.columns import positions_of
from claimx.components.money.lexicon import OPENER_KINDS, MoneyLexicon
from claimx.docs import doc_text, windows_around

_DIGITS = re.compile(r"\d+")
_LETTERS_BEFORE = re.compile(r"[^\W\d_]+$")
_LETTERS_AFTER = re.compile(r"[^\W\d_]+")
# What can open each expression.
_KIND_OPENERS = {
    "range": ("lead", "symbol", "number"),
    "vague": ("vague",),
    "single": ("qualifier", "symbol", "number"),
    "percent_range": ("lead", "number"),
    "percent": ("qualifier", "number"),
}


def matches(lex: MoneyLexicon, doc: Doc) -> Iterator[tuple[re.Match[str], str]]:
    """Each expression's leftmost non-overlapping matches, as `finditer` would give them.

    Regular expressions are slow to try at every character, so each is tried only
    where it can start (a number, a qualifier, a symbol… see `_KIND_OPENERS`) near
    a currency cue, or near a percent cue for percentages.
    """
    text = doc_text(doc)
    token_starts = doc.to_array(IDX).tolist()
    money_cues, percent_cues, openers = _cues(lex, doc, text, token_starts)
    separators = [m.start() for m in lex.separator_hint.finditer(text)]
    for cues, kinds in (
        (percent_cues, ("percent_range", "percent")),
        (money_cues, ("range", "vague", "single")),
    ):
        windows = windows_around(cues, lex.windows["before"], lex.windows["after"], len(text))
        for kind in kinds:
            starts = sorted(set().union(*(openers[c] for c in _KIND_OPENERS[kind])))
            regex = lex.regexes[kind]
            ranged = kind.endswith("range")
            reach = lex.windows["range_reach"]
            after = 0
            for start, end in windows:
                for at in starts[bisect_left(starts, start) : bisect_left(starts, end)]:
                    if at < after:
                        continue
                    if ranged:  # a range needs its "et", "à" or dash soon after
                        s = bisect_left(separators, at)
                        if s == len(separators) or separators[s] > at + reach:
                            continue
                    match = regex.match(text, at, end)
                    if match is not None and match.end() > at:
                        after = match.end()
                        yield match, kind


def _cues(
    lex: MoneyLexicon, doc: Doc, text: str, token_starts: list[int]
) -> tuple[list[int], list[int], dict[str, set[int]]]:
    """Offsets of currency cues and of percent cues (sorted), and of the tokens that
    can open an expression, by what they are (number, symbol, qualifier…)."""
    money = [token_starts[i] for i in lex.money_words.where(doc, LOWER)]
    percent = [token_starts[i] for i in lex.percent_words.where(doc, LOWER)]
    openers = {
        name: {token_starts[i] for i in lex.openers[name].where(doc, LOWER)}
        for name in OPENER_KINDS
    }
    openers["number"].update(token_starts[i] for i in positions_of(doc, LIKE_NUM, [1]))

    def token_at(offset: int) -> int:
        return token_starts[bisect_right(token_starts, offset) - 1]

    for ch, cues in lex.cue_chars.items():
        at = text.find(ch)
        while at != -1:
            (percent if cues == "percent" else money).append(at)
            openers["symbol"].add(token_at(at))
            at = text.find(ch, at + 1)
    at = text.find("-")
    while at != -1:  # "vingt-cinq", "quatre-vingt-dix"
        start = token_at(at)
        if text[start:at].lower() in lex.number_words:
            openers["number"].add(start)
        at = text.find("-", at + 1)
    for run in _DIGITS.finditer(text):
        openers["number"].add(token_at(run.start()))
        before = _LETTERS_BEFORE.search(text, max(0, run.start() - 5), run.start())
        after = _LETTERS_AFTER.match(text, run.end(), run.end() + 5)
        for glued in (before, after):  # "EUR29,99", "1000EUR"
            if glued is not None and glued.group().lower() in lex.glued_forms:
                money.append(glued.start())
                openers["symbol"].add(token_at(glued.start()))
    return sorted(money), sorted(percent), openers
