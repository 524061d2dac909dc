"""What makes a claim worth checking, read off its built record and its sentence's words:
the features of the check-worthiness score, each with the evidence a reader is shown.

Every feature lies in [0, 1]. The structure comes from the claim record (its figures,
source, actors, chips, modality, hedges); the words from its sentence in the article text
(the claim's own text when the article text cannot be found), matched against the lists
of `models/checkworthy_words.yaml` on folded text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from claimx.resources import load_yaml
from claimx.store.records import ClaimRecord, Extraction
from claimx.text import fold

# The features, in the order of the weights file. Named by what they say of the claim.
FEATURES = (
    "figure",  # an amount of money or a percentage
    "number",  # another number: a count, a rank, a price
    "named_source",  # attributed to a named source
    "anonymous_source",  # relayed from sources not named
    "contested",  # hedged, denied or disputed
    "comparison",  # a comparison, superlative, record, first or only
    "date",  # a date or a time
    "actors",  # named actors (one: 0.5, two or more: 1)
    "chips",  # a named product
    "event",  # a concrete act: a decision, ruling, deal, procedure
    "forecast",  # a prediction, guidance, an expectation
    "question",  # a question
    "opinion",  # a judgement, reaction or wish
    "first_person",  # the speaker's own experience or view
    "vague",  # vague quantities or manners
    "context",  # background, profile, transition
    "no_comment",  # a refusal to comment
    "quotation",  # in a quotation
    "short",  # a sentence of fewer than eight words: a heading, a fragment
    "lead",  # in the article's first sentence: a news story's main claim
)
SHORT_WORDS = 8
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_NUMBER = re.compile(
    r"\d+(?:[.,]\d+)?(?:e|eme|er)?\b|\b(?:millions?|milliards?|milliers?|centaines?|dizaines?)\b"
)
_WORD = re.compile(r"\w+", re.UNICODE)
_QUOTES = ("«", "»", '"', "“", "”")


@dataclass(frozen=True)
class Signal:
    """One feature's value for a claim, and what a reader is shown as its evidence."""

    name: str
    value: float
    evidence: str | None = None


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    """One pattern per word list of `models/checkworthy_words.yaml`."""
    data = load_yaml("checkworthy_words.yaml")
    patterns = {}
    for name, words in data.items():
        if not isinstance(words, list):
            continue
        alternatives = sorted({fold(w) for w in words}, key=lambda w: (-len(w), w))
        body = "|".join(re.escape(w) + ("" if w.endswith("'") else r"(?!\w)") for w in alternatives)
        patterns[name] = re.compile(rf"(?<!\w)(?:{body})")
    return patterns


def fold_chars(text: str) -> str:
    """`claimx.text.fold` character for character (whitespace as one space, a character that
    folds to several kept lowercased), so that a match's offsets hold in the original."""
    return "".join(_fold_char(ch) for ch in text)


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch.isspace():
        return " "
    folded = fold(ch) if ch.strip() else ch
    return folded if len(folded) == 1 else ch.lower()[:1] or ch


def sentence_of(claim: ClaimRecord, text: str | None) -> str:
    """The claim's sentence in the article text, or the claim's own text without it."""
    start, end = claim.sentence
    if text is not None and 0 <= start < end <= len(text):
        return text[start:end]
    return claim.text


def signals(claim: ClaimRecord, extraction: Extraction, text: str | None) -> list[Signal]:
    """The features of one claim of an extraction, in FEATURES order (text: the article's)."""
    sentence = sentence_of(claim, text)
    found = {s.name: s for s in _structure(claim, extraction) + _words(claim, sentence)}
    return [found.get(name, Signal(name, 0.0)) for name in FEATURES]


def _structure(claim: ClaimRecord, extraction: Extraction) -> list[Signal]:
    """The features the claim record gives: figures, source, actors, chips, modality."""
    out: list[Signal] = []
    figures = [m.text for m in extraction.money if m.id in claim.money]
    figures += [p.text for p in extraction.percentages if p.id in claim.percentages]
    if figures:
        out.append(Signal("figure", 1.0, ", ".join(figures[:3])))
    attribution = claim.attribution
    if attribution is not None and attribution.kind == "no_comment":
        out.append(Signal("no_comment", 1.0, attribution.cue.text))
    elif attribution is not None and attribution.source is not None:
        out.append(Signal("named_source", 1.0, attribution.source_text or attribution.source))
    if attribution is not None and attribution.kind == "quote":
        out.append(Signal("quotation", 1.0))
    if claim.modality in ("hedged", "denied") or (attribution and attribution.kind == "denial"):
        hedge = claim.hedges[0].text if claim.hedges else claim.modality
        out.append(Signal("contested", 1.0, hedge))
    if claim.modality == "forecast":
        out.append(Signal("forecast", 1.0, "forecast"))
    first = min(c.sentence[0] for c in extraction.claims)
    if claim.sentence[0] == first:
        out.append(Signal("lead", 1.0))
    names = {a.id: a.name for a in extraction.actors}
    actors = [names.get(a, a) for a in claim.actors]
    if actors:
        out.append(Signal("actors", min(len(actors), 2) / 2, ", ".join(actors[:3])))
    if claim.chips:
        chips = {c.id: c.name for c in extraction.chips}
        out.append(Signal("chips", 1.0, ", ".join(chips.get(c, c) for c in claim.chips[:3])))
    return out


def _said(sentence: str, match: re.Match[str]) -> str:
    """A match on the folded sentence as the sentence writes it."""
    return sentence[match.start() : match.end()]


def _words(claim: ClaimRecord, sentence: str) -> list[Signal]:
    """The features the sentence's words give, with the words as written."""
    patterns = _patterns()
    folded = fold_chars(sentence)
    out: list[Signal] = []
    for name in ("comparison", "event", "opinion", "first_person", "vague", "context"):
        match = patterns[name].search(folded)
        if match:
            out.append(Signal(name, 1.0, _said(sentence, match)))
    forecast = patterns["forecast"].search(folded)
    if forecast and claim.modality != "forecast":  # the record's own forecast says it already
        out.append(Signal("forecast", 1.0, _said(sentence, forecast)))
    anonymous = patterns["anonymous"].search(folded)
    if anonymous:
        out.append(Signal("anonymous_source", 1.0, _said(sentence, anonymous)))
    denial = patterns["denial"].search(folded)
    if denial and claim.modality not in ("hedged", "denied"):
        out.append(Signal("contested", 1.0, _said(sentence, denial)))
    date = patterns["dates"].search(folded) or _YEAR.search(folded)
    if date:
        out.append(Signal("date", 1.0, _said(sentence, date)))
    number = _NUMBER.search(_YEAR.sub(lambda m: " " * len(m.group()), folded))
    if number and not claim.money and not claim.percentages:
        out.append(Signal("number", 1.0, _said(sentence, number)))
    if "?" in folded:
        out.append(Signal("question", 1.0, "?"))
    if any(q in folded for q in _QUOTES) and not any(s.name == "quotation" for s in out):
        out.append(Signal("quotation", 1.0))
    if len(_WORD.findall(folded)) < SHORT_WORDS:
        out.append(Signal("short", 1.0))
    return out
