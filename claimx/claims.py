"""Claims built from a processed Doc: the records of an extraction, their ids and links.

The pipeline's components leave span groups (`claimx.components.hits`); `doc_claims`
joins them into records: one claim per attributed statement (its content span), one
asserted claim per remaining sentence that states something, and one for the writer's own
clause closing an attributed sentence ("», se félicite X, après que …"), ids assigned in
order of appearance (`claimx.ids`). It reads nothing but the Doc's spans, text and
sentences, so a Doc saved with `DocBin(store_user_data=True)` and read back gives the same
claims.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Span

from claimx.components import hits as spans
from claimx.components.hits import Actor, AttributionHit, ChipHit, MoneyHit, PercentHit
from claimx.docs import Sentences, doc_text
from claimx.ids import IdMaker
from claimx.kinds import Modality
from claimx.records import (
    ActorRecord,
    Attribution,
    ChipRecord,
    ClaimRecord,
    MoneyRecord,
    PercentRecord,
    TextSpan,
)
from claimx.text import QUOTE_MARKS

_MONEY_VALUES = ("amount", "currency", "qualifier", "amount_max")
_PERCENT_VALUES = ("value", "unit", "qualifier", "value_max")
_TRIM = " \t\n\r\u00a0'.,;:!?—–-" + "".join(QUOTE_MARKS)

Links = list[tuple[int, int, str]]  # (start, end, id) of what a claim may hold, by start


@dataclass
class DocClaims:
    """The article-independent body of an extraction."""

    actors: list[ActorRecord] = field(default_factory=list)
    chips: list[ChipRecord] = field(default_factory=list)
    money: list[MoneyRecord] = field(default_factory=list)
    claims: list[ClaimRecord] = field(default_factory=list)
    percentages: list[PercentRecord] = field(default_factory=list)


def text_span(text: str, start: int, end: int) -> TextSpan:
    """A character span of the text."""
    return TextSpan(start, end, text[start:end])


def trimmed(text: str, start: int, end: int) -> TextSpan:
    """A character span with surrounding spaces, quotes and punctuation removed."""
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    return text_span(text, start, end)


def doc_claims(doc: Doc) -> DocClaims:
    """The records of a Doc the claimx pipeline has processed."""
    text = doc_text(doc)
    every_actor = spans.actors(doc)
    hits = spans.attributions(doc, every_actor)
    speakers = {id(h.source) for h in hits if h.source is not None}
    # A group ("des entreprises", "les investisseurs") is an actor only when it speaks.
    kept = [a for a in every_actor if a.kind != "group" or id(a) in speakers]
    actors, actor_ids = _actors(text, kept)
    chip_hits = spans.chips(doc)
    chips, chip_ids = _chips(text, chip_hits)
    money: list[MoneyRecord] = _figures(text, spans.money(doc), "m-", MoneyRecord, _MONEY_VALUES)
    percentages: list[PercentRecord] = _figures(
        text, spans.percentages(doc), "p-", PercentRecord, _PERCENT_VALUES
    )
    links = _Links(
        _Placed((m.start_char, m.end_char, actor_ids[id(a)]) for a in kept for m in a.mentions),
        _Placed((h.span.start_char, h.span.end_char, chip_ids[h.name]) for h in chip_hits),
        _Placed((m.start, m.end, m.id) for m in money),
        _Placed((p.start, p.end, p.id) for p in percentages),
    )
    builder = _ClaimMaker(doc, text, links, spans.hedges(doc))
    claims = [c for hit in hits if (c := builder.attributed(hit, actor_ids)) is not None]
    forecasts = spans.forecasts(doc)
    claims += builder.asserted(forecasts)
    claims += builder.writer_clauses(hits, spans.clauses(doc), forecasts)
    claims.sort(key=lambda c: (c.start, c.end))
    ids = IdMaker("c-", "claim")
    for claim in claims:
        claim.id = ids.make(claim.text)
    return DocClaims(actors, chips, money, claims, percentages)


class _Placed:
    """What claims may hold ((start, end, id), `Links`), in order, and their starts: each
    claim's found by bisecting the starts."""

    def __init__(self, items: Iterable[tuple[int, int, str]]) -> None:
        self.items: Links = sorted(items)
        self.starts = [start for start, _, _ in self.items]

    def inside(self, span: TextSpan) -> list[str]:
        """The ids of the items wholly inside `span`."""
        lo = bisect_left(self.starts, span.start)
        hi = bisect_left(self.starts, span.end, lo)
        if lo == hi:
            return []
        ids = {i for _, e, i in self.items[lo:hi] if e <= span.end}
        return sorted(ids, key=lambda x: (len(x), x))


@dataclass
class _Links:
    actors: _Placed
    chips: _Placed
    money: _Placed
    percentages: _Placed


class _ClaimMaker:
    """Claim records of one doc, and which sentences an attribution has taken."""

    def __init__(self, doc: Doc, text: str, links: _Links, hedges: list[Span]) -> None:
        self.text = text
        self.links = links
        self.hedges = hedges
        self.sentences = Sentences(doc)
        self.taken: set[int] = set()  # starts of the sentences attributions took

    def claim(
        self,
        span: TextSpan,
        sent: Span,
        attribution: Attribution | None,
        modality: Modality,
        hedge_spans: list[tuple[int, int]],
    ) -> ClaimRecord:
        sentence = trimmed(self.text, sent.start_char, sent.end_char)
        links = self.links
        return ClaimRecord(
            id="",
            start=span.start,
            end=span.end,
            text=span.text,
            sentence=(min(sentence.start, span.start), max(sentence.end, span.end)),
            actors=links.actors.inside(span),
            chips=links.chips.inside(span),
            money=links.money.inside(span),
            percentages=links.percentages.inside(span),
            attribution=attribution,
            modality=modality,
            hedges=[text_span(self.text, s, e) for s, e in hedge_spans],
        )

    def attributed(self, hit: AttributionHit, actor_ids: dict[int, str]) -> ClaimRecord | None:
        """The claim of an attributed statement; None for an empty content."""
        text = self.text
        span = trimmed(text, hit.content.start_char, hit.content.end_char)
        if span.start >= span.end:
            return None
        sent = self.sentences.of(hit.content.start if len(hit.content) else hit.cue.start)
        self.taken.add(self.sentences.of(hit.cue.start).start)
        self.taken.add(sent.start)
        cue_hedges = spans.hedges_in(self.hedges, hit.cue.start, hit.cue.end)
        content_hedges = spans.hedges_in(self.hedges, hit.content.start, hit.content.end)
        if hit.kind == "statement":
            # In indirect speech the conditional is the speaker's, not the press's hedge: a
            # future in the past ("a annoncé que le plan serait présenté"), a prediction
            # ("affirment que ces puces donneraient un avantage").
            content_hedges = [h for h in content_hedges if h.label_ != "conditional"]
        found = sorted({(h.start_char, h.end_char) for h in cue_hedges + content_hedges})
        modality: Modality = "denied" if hit.kind == "denial" else "hedged" if found else "reported"
        attribution = Attribution(
            kind=hit.kind,
            source=actor_ids.get(id(hit.source)) if hit.source is not None else None,
            source_text=hit.source_text,
            cue=trimmed(text, hit.cue.start_char, hit.cue.end_char),
            quote=trimmed(text, hit.quote.start_char, hit.quote.end_char) if hit.quote else None,
        )
        return self.claim(span, sent, attribution, modality, found)

    def asserted(self, forecasts: list[Span]) -> list[ClaimRecord]:
        """One claim per sentence with a verb that no attribution has taken (call after
        `attributed` for every hit)."""
        claims: list[ClaimRecord] = []
        for sent in self.sentences:
            if sent.start in self.taken or not any(t.pos_ in ("VERB", "AUX") for t in sent):
                continue
            span = trimmed(self.text, sent.start_char, sent.end_char)
            if span.end - span.start >= 3:
                claims.append(self._writers(span, sent, sent, forecasts))
        return claims

    def _writers(
        self, span: TextSpan, part: Span, sent: Span, forecasts: list[Span]
    ) -> ClaimRecord:
        """The writer's claim of `span` (the tokens `part` of `sent`): hedged when a hedge is
        in it, a forecast when a forecast is, asserted otherwise."""
        hedged = spans.hedges_in(self.hedges, part.start, part.end)
        found = sorted({(h.start_char, h.end_char) for h in hedged})
        forecast = spans.hedges_in(forecasts, part.start, part.end)
        modality: Modality = "hedged" if found else "forecast" if forecast else "asserted"
        return self.claim(span, sent, None, modality, found)

    def writer_clauses(
        self, hits: list[AttributionHit], clauses: list[Span], forecasts: list[Span]
    ) -> list[ClaimRecord]:
        """The writer's own clause closing a sentence an attribution took, after its speaker
        ("…», se félicite X, après qu'une 26e entreprise est devenue une licorne"): a clause
        of time or contrast (`claimx_clauses`) with no quotation mark and no part of an
        attribution in it."""
        parts = [(p.start_char, p.end_char) for h in hits for p in (h.cue, h.content, h.quote) if p]
        claims: list[ClaimRecord] = []
        for clause in clauses:
            sent = self.sentences.of(clause.start)
            if sent.start not in self.taken:
                continue
            ends = [e for s, e in parts if sent.start_char <= s < sent.end_char]
            if clause.start_char < max(ends, default=sent.end_char) or any(
                s < clause.end_char and clause.start_char < e for s, e in parts
            ):
                continue
            span = trimmed(self.text, clause.start_char, clause.end_char)
            if span.end - span.start >= 3 and not QUOTE_MARKS & set(span.text):
                claims.append(self._writers(span, clause, sent, forecasts))
        return claims


def _actors(text: str, actors: list[Actor]) -> tuple[list[ActorRecord], dict[int, str]]:
    records: list[ActorRecord] = []
    ids: dict[int, str] = {}
    maker = IdMaker(fallback="actor")
    for actor in actors:
        ids[id(actor)] = maker.make(actor.name)
        spans_ = sorted({(m.start_char, m.end_char) for m in actor.mentions})
        records.append(
            ActorRecord(
                ids[id(actor)],
                actor.name,
                actor.kind,
                list(actor.roles),
                [text_span(text, s, e) for s, e in spans_],
                actor.wikidata,
            )
        )
    return records, ids


def _chips(text: str, hits: list[ChipHit]) -> tuple[list[ChipRecord], dict[str, str]]:
    records: dict[str, ChipRecord] = {}
    maker = IdMaker(fallback="chip")
    for hit in hits:
        record = records.get(hit.name)
        if record is None:
            record = ChipRecord(maker.make(hit.name), hit.name, hit.vendor, [])
            records[hit.name] = record
        record.mentions.append(text_span(text, hit.span.start_char, hit.span.end_char))
    return list(records.values()), {name: r.id for name, r in records.items()}


def _figures(
    text: str,
    hits: Sequence[MoneyHit | PercentHit],
    prefix: str,
    record: type[MoneyRecord] | type[PercentRecord],
    values: tuple[str, ...],
) -> list[Any]:
    """Money or percentage records of hits, their ids from their text ("m-2-milliards")."""
    ids = IdMaker(prefix, "figure")
    return [
        record(
            ids.make(text[h.start : h.end]),
            h.start,
            h.end,
            text[h.start : h.end],
            *(getattr(h, v) for v in values),
        )
        for h in hits
    ]
