"""claimx_claims: join actors, chips, money, attributions and hedges into claims.

One claim per attributed statement (its content span), and one asserted claim
per remaining sentence that states something. The result, ids assigned in
order of appearance, is `doc._.claimx` (see `claimx.records`).
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx.components.hedges import hedges_in
from claimx.components.hits import Actor, AttributionHit, ChipHit, MoneyHit, PercentHit
from claimx.docs import Sentences, doc_text, forget_positions
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

GROUP = "claimx_claims"
_MONEY_VALUES = ("amount", "currency", "qualifier", "amount_max")
_PERCENT_VALUES = ("value", "unit", "qualifier", "value_max")
_TRIM = " \t\n\r\u00a0«»“”\"'.,;:!?—–-"


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


class ClaimBuilder:
    """Build `doc._.claimx` from the other claimx components' results."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        speakers = {id(h.source) for h in doc._.claimx_attributions or [] if h.source is not None}
        # A group ("des entreprises", "les investisseurs") is an actor only when it speaks.
        kept = [a for a in doc._.claimx_actors or [] if a.kind != "group" or id(a) in speakers]
        actors, actor_ids = self._actors(text, kept)
        chips, chip_ids = self._chips(text, doc._.claimx_chips or [])
        money: list[MoneyRecord] = _figures(
            text, doc._.claimx_money or [], "m-", MoneyRecord, _MONEY_VALUES
        )
        percentages: list[PercentRecord] = _figures(
            text, doc._.claimx_percent or [], "p-", PercentRecord, _PERCENT_VALUES
        )
        hedges: list[Span] = doc._.claimx_hedges or []
        hits: list[AttributionHit] = doc._.claimx_attributions or []

        mentions = [(m.start_char, m.end_char, actor_ids[id(a)]) for a in kept for m in a.mentions]
        chip_mentions = [
            (h.span.start_char, h.span.end_char, chip_ids[h.name]) for h in doc._.claimx_chips or []
        ]
        money_spans = [(m.start, m.end, m.id) for m in money]
        percent_spans = [(p.start, p.end, p.id) for p in percentages]

        for items in (mentions, chip_mentions, money_spans, percent_spans):
            items.sort()

        def inside(items: list[tuple[int, int, str]], span: TextSpan) -> list[str]:
            ids = set()
            for s, e, i in items[bisect_left(items, (span.start,)) :]:  # sorted by start
                if s >= span.end:
                    break
                if e <= span.end:
                    ids.add(i)
            return sorted(ids, key=lambda x: (len(x), x))

        def make_claim(
            span: TextSpan,
            sent: Span,
            attribution: Attribution | None,
            modality: Modality,
            hedge_spans: list[tuple[int, int]],
        ) -> ClaimRecord:
            sentence = trimmed(text, sent.start_char, sent.end_char)
            return ClaimRecord(
                id="",
                start=span.start,
                end=span.end,
                text=span.text,
                sentence=(min(sentence.start, span.start), max(sentence.end, span.end)),
                actors=inside(mentions, span),
                chips=inside(chip_mentions, span),
                money=inside(money_spans, span),
                percentages=inside(percent_spans, span),
                attribution=attribution,
                modality=modality,
                hedges=[text_span(text, s, e) for s, e in hedge_spans],
            )

        claims: list[ClaimRecord] = []
        attributed_sents: set[int] = set()
        sentences = Sentences(doc)
        for hit in hits:
            span = trimmed(text, hit.content.start_char, hit.content.end_char)
            if span.start >= span.end:
                continue
            sent = sentences.of(hit.content.start if len(hit.content) else hit.cue.start)
            attributed_sents.add(sentences.of(hit.cue.start).start)
            attributed_sents.add(sent.start)
            cue_hedges = hedges_in(hedges, hit.cue.start, hit.cue.end)
            content_hedges = hedges_in(hedges, hit.content.start, hit.content.end)
            if hit.kind == "statement":
                # In indirect speech the conditional is the speaker's, not the press's
                # hedge: a future in the past ("a annoncé que le plan serait présenté"), a
                # prediction ("affirment que ces puces donneraient un avantage").
                content_hedges = [h for h in content_hedges if not _conditional(h)]
            found = sorted({(h.start_char, h.end_char) for h in cue_hedges + content_hedges})
            modality: Modality
            if hit.kind == "denial":
                modality = "denied"
            elif found:
                modality = "hedged"
            else:
                modality = "reported"
            source = actor_ids.get(id(hit.source)) if hit.source is not None else None
            attribution = Attribution(
                kind=hit.kind,
                source=source,
                source_text=hit.source_text,
                cue=trimmed(text, hit.cue.start_char, hit.cue.end_char),
                quote=trimmed(text, hit.quote.start_char, hit.quote.end_char)
                if hit.quote
                else None,
            )
            claims.append(make_claim(span, sent, attribution, modality, found))
        for sent in sentences:
            if sent.start in attributed_sents or not any(t.pos_ in ("VERB", "AUX") for t in sent):
                continue
            span = trimmed(text, sent.start_char, sent.end_char)
            if span.end - span.start < 3:
                continue
            found = sorted(
                {(h.start_char, h.end_char) for h in hedges_in(hedges, sent.start, sent.end)}
            )
            forecast = hedges_in(doc._.claimx_forecasts or [], sent.start, sent.end)
            modality = "hedged" if found else "forecast" if forecast else "asserted"
            claims.append(make_claim(span, sent, None, modality, found))
        claims.sort(key=lambda c: (c.start, c.end))
        ids = IdMaker("c-", "claim")
        for claim in claims:
            claim.id = ids.make(claim.text)
        doc._.claimx = DocClaims(actors, chips, money, claims, percentages)
        spans = (doc.char_span(c.start, c.end, c.modality, alignment_mode="expand") for c in claims)
        doc.spans[GROUP] = [s for s in spans if s is not None]
        forget_positions(doc)  # the last claimx component: the indexes are not output
        return doc

    @staticmethod
    def _actors(text: str, actors: list[Actor]) -> tuple[list[ActorRecord], dict[int, str]]:
        records: list[ActorRecord] = []
        ids: dict[int, str] = {}
        maker = IdMaker(fallback="actor")
        for actor in actors:
            ids[id(actor)] = maker.make(actor.name)
            spans = sorted({(m.start_char, m.end_char) for m in actor.mentions})
            records.append(
                ActorRecord(
                    ids[id(actor)],
                    actor.name,
                    actor.kind,
                    list(actor.roles),
                    [text_span(text, s, e) for s, e in spans],
                    actor.wikidata,
                )
            )
        return records, ids

    @staticmethod
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


def _conditional(hedge: Span) -> bool:
    return hedge.label_ == "conditional"


@Language.factory(
    "claimx_claims",
    default_config={},
    assigns=["doc._.claimx", "doc.spans"],
    requires=["doc.sents"],
)
def make_claims(nlp: Language, name: str) -> ClaimBuilder:
    """Create a claimx_claims component."""
    return ClaimBuilder(name)
