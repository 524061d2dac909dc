"""Who speaks, chosen among candidates: the source ranker.

For a verb cue the rules of `sources` and `references` propose a speaker. The ranker puts
that proposal among every actor within reach of the cue (its sentence and the one
before), describes each candidate by features (the rules' choice, subject of the cue's
verb, the preposition that governs it, its kind, distance, salience, the previous
speaker…) and keeps the best by a linear score. The weights are data
(`models/source_ranker.yaml`), fitted on gold annotations by `tools/train_ranker.py`.
"""

from __future__ import annotations

import math
from collections.abc import Container, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from spacy.tokens import Span

from claimx.components.attributions.context import DocContext
from claimx.components.hits import Actor, AttributionHit

FEATURES = (
    "rule",
    "free_text",
    "subject",
    "after_a",
    "after_aupres",
    "after_par",
    "after_other_prep",
    "in_content",
    "same_sentence",
    "before_cue",
    "distance",
    "person",
    "organization",
    "government",
    "media",
    "group",
    "country",
    "media_after_a",
    "salience",
    "previous_speaker",
    "sentence_opening",
    "nearest_before",
)
_KINDS = ("person", "organization", "government", "media", "group", "country")
_A = {"à", "au", "aux"}


@dataclass
class Candidate:
    """One possible speaker of a hit: an actor (with its mention nearest the cue) or the
    rules' free-text source."""

    actor: Actor | None
    text: str | None
    features: dict[str, float]


@dataclass
class SourceRanker:
    """A linear scorer over candidate features; `log`, when a list, receives each
    decision's candidates (for training)."""

    weights: dict[str, float]
    log: list[tuple[AttributionHit, list[Candidate]]] | None = field(default=None)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> SourceRanker:
        # whole thousandths in the file: integers survive every serialization exactly
        weights = {str(k): int(v) / 1000 for k, v in (data.get("weights") or {}).items()}
        unknown = set(weights) - set(FEATURES)
        if unknown:
            raise ValueError(f"source ranker: unknown features {sorted(unknown)}")
        return cls(weights)

    def score(self, candidate: Candidate) -> float:
        features = candidate.features
        return sum(w * features[f] for f, w in self.weights.items())

    def rank(self, ctx: DocContext, hit: AttributionHit) -> AttributionHit:
        """The hit with the best-scoring candidate as its source (the rules' own choice
        wins ties)."""
        # unlogged, a feature without a weight changes no score: it is not computed
        found = candidates(ctx, hit, self.weights if self.log is None else None)
        first = next(found, None)  # the rules' own choice comes first
        if first is None:
            return hit
        if self.log is None and self.weights:
            # features lie in [0, 1]: no other candidate can score above the sum of the
            # positive weights, so a rules' choice scoring that much stands unread
            bound = sum(max(0.0, w) for f, w in self.weights.items() if f != "rule")
            if self.score(first) >= bound:
                return hit
        every = [first, *found]
        if self.log is not None:
            self.log.append((hit, every))
        if len(every) < 2 or not self.weights:
            return hit
        best = max(every, key=lambda c: (self.score(c), c.features["rule"]))
        if best.features["rule"]:
            return hit
        actor = best.actor
        assert actor is not None  # the only free-text candidate is the rules'
        return AttributionHit(hit.kind, hit.cue, hit.content, actor, actor.name, hit.quote)


def candidates(
    ctx: DocContext, hit: AttributionHit, weighted: Container[str] | None = None
) -> Iterator[Candidate]:
    """The rules' source first, then every other actor named in the cue's sentence or
    the one before (each candidate's features computed as it is asked for; of the
    features of the context, only those `weighted` holds, if given, the others 0)."""
    sent = ctx.sentences.of(hit.cue.start)
    previous = ctx.sentences.before(sent)
    if hit.source is None:  # before the others are looked for: it often stands alone
        features = dict.fromkeys(FEATURES, 0.0)
        features.update(rule=1.0, free_text=1.0)
        yield Candidate(None, hit.source_text, features)
    nearest: dict[int, Span] = {}
    for mention in ctx.actors.mentions_in(previous.start, sent.end):
        actor = ctx.actors.owner(mention)
        if actor is None:
            continue
        held = nearest.get(id(actor))
        if held is None or _distance(mention, hit.cue) < _distance(held, hit.cue):
            nearest[id(actor)] = mention
    if hit.source is not None and id(hit.source) not in nearest:
        features = dict.fromkeys(FEATURES, 0.0)
        features.update(rule=1.0, salience=_salience(hit.source))
        _mark_kind(features, hit.source)
        yield Candidate(hit.source, hit.source_text, features)
    context = _Context(ctx, hit, sent, weighted)
    mentions = list(nearest.values())
    mentions.sort(key=lambda m: ctx.actors.owner(m) is not hit.source)  # the rules' first
    for mention in mentions:
        yield context.candidate(mention)


class _Context:
    """What every candidate of one hit is compared with."""

    def __init__(
        self, ctx: DocContext, hit: AttributionHit, sent: Span, weighted: Container[str] | None
    ) -> None:
        self.ctx, self.hit, self.sent = ctx, hit, sent
        self.weighted = FEATURES if weighted is None else weighted
        self.verbs = _verb_group(hit.cue)

    @cached_property
    def last(self) -> Span | None:
        return _last_before(self.ctx, self.sent, self.hit.cue)

    @cached_property
    def speaker(self) -> Actor | None:
        return next((h.source for h in reversed(self.ctx.hits) if h.source is not None), None)

    @cached_property
    def opening(self) -> int:
        return self.ctx.first_word(self.sent)

    def candidate(self, mention: Span) -> Candidate:
        actor = self.ctx.actors.owner(mention)
        assert actor is not None
        features = _features(self.ctx, self.hit, mention, actor, self.sent, self.verbs)
        weighted = self.weighted
        if "sentence_opening" in weighted:
            features["sentence_opening"] = float(mention.start == self.opening)
        features["rule"] = float(actor is self.hit.source)
        if "previous_speaker" in weighted:
            features["previous_speaker"] = float(actor is self.speaker)
        if "nearest_before" in weighted:
            features["nearest_before"] = float(mention is self.last)
        return Candidate(actor, actor.name, features)


def _features(
    ctx: DocContext, hit: AttributionHit, mention: Span, actor: Actor, sent: Span, verbs: set[int]
) -> dict[str, float]:
    before = _governor(ctx, mention)
    after_a = float(before in _A)
    features = dict.fromkeys(FEATURES, 0.0)
    features.update(
        subject=float(any(t.dep_.startswith("nsubj") and t.head.i in verbs for t in mention)),
        after_a=after_a,
        after_aupres=float(before == "auprès"),
        after_par=float(before == "par"),
        after_other_prep=float(before not in ("", "auprès", "par") and before not in _A),
        in_content=float(hit.content.start <= mention.start and mention.end <= hit.content.end),
        same_sentence=float(sent.start <= mention.start < sent.end),
        before_cue=float(mention.end <= hit.cue.start),
        distance=min(1.0, math.log1p(_distance(mention, hit.cue)) / math.log(100)),
        media_after_a=float(actor.kind == "media") * after_a,
        salience=_salience(actor),
    )
    _mark_kind(features, actor)
    return features


def _mark_kind(features: dict[str, float], actor: Actor) -> None:
    if actor.kind in _KINDS:
        features[actor.kind] = 1.0


def _salience(actor: Actor) -> float:
    return min(1.0, math.log1p(len(actor.mentions)) / math.log(10))


def _distance(mention: Span, cue: Span) -> int:
    if mention.end <= cue.start:
        return cue.start - mention.end
    if mention.start >= cue.end:
        return mention.start - cue.end
    return 0


def _verb_group(cue: Span) -> set[int]:
    """The cue's tokens and the verbs it hangs on ("a voulu rappeler", "se dit convaincu")."""
    found = {t.i for t in cue}
    for token in cue:
        if token.dep_ in ("xcomp", "conj", "acl", "advcl") and token.head.pos_ in ("VERB", "AUX"):
            found.add(token.head.i)
    return found


def _governor(ctx: DocContext, mention: Span) -> str:
    """The preposition right before a mention, past its determiner ("à l'AFP" -> "à",
    "auprès de la société" -> "auprès"), or ""."""
    i = mention.start - 1
    if i >= 0 and ctx.tokens[i].pos_ == "DET":
        i -= 1
    if i < 0:
        return ""
    word = ctx.tokens[i].lower_
    if word in ("de", "d'", "du", "des") and i > 0 and ctx.tokens[i - 1].lower_ == "auprès":
        return "auprès"
    return word if ctx.tokens[i].pos_ == "ADP" or word in _A else ""


def _last_before(ctx: DocContext, sent: Span, cue: Span) -> Span | None:
    before = [m for m in ctx.actors.mentions_in(sent.start, cue.start) if m.end <= cue.start]
    return max(before, key=lambda m: m.end, default=None)
