"""Claims already checked: each claim's best fact-checks in a feed, with a score and why.

Candidates come from the index's full-text search; each is scored by a weighted sum of
features in [0, 1] (`models/match.yaml`): shared words weighed by their rarity in the feed,
word-vector similarity, the claim's actors named by the fact-check, a figure both give (and
against: figures that all differ). A candidate below the threshold is no match.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, cast

import numpy as np

from claimx.desk.feed import FactCheck
from claimx.desk.index import FeedIndex, Indexed
from claimx.desk.load import DeskArticle
from claimx.desk.words import figures, same_figure, settings, stem_words, vector
from claimx.errors import InputError
from claimx.store.parse import extraction
from claimx.store.records import ClaimRecord
from claimx.text import fold

RARE_SHOWN = 4  # shared words shown as evidence, the rarest first


@dataclass(frozen=True)
class Query:
    """What a claim is matched on: its text and its actors' names."""

    text: str
    actors: tuple[tuple[str, ...], ...] = ()  # per actor, its folded names


@dataclass(frozen=True)
class Match:
    """A fact-check found for a claim: its score and why."""

    check: FactCheck
    score: float
    why: list[str] = field(default_factory=list)


def query_of(claim: ClaimRecord, article: DeskArticle) -> Query:
    """A claim of an article as a query: its text, and each of its actors by its name (a
    person by their surname too)."""
    actors = {a.id: a for a in article.extraction.actors}
    names = []
    for actor_id in claim.actors:
        actor = actors.get(actor_id)
        if actor is None:
            continue
        forms = {fold(actor.name)}
        if actor.kind == "person" and " " in actor.name:
            forms.add(fold(actor.name.split()[-1]))
        names.append(tuple(sorted(f for f in forms if len(f) >= 2)))
    return Query(claim.text, tuple(names))


def query_of_document(document: dict[str, Any], claim: dict[str, Any]) -> Query:
    """A claim of an output document (a plain dict, as review holds it) as a query."""
    try:
        record = extraction({**document, "claims": [claim]})
    except InputError:
        return Query(str(claim.get("text") or ""))
    return query_of(record.claims[0], DeskArticle("", record, None))


def best_matches(query: Query, index: FeedIndex, every: bool = False) -> list[Match]:
    """The fact-checks matching a claim, the best first (at most `shown` of the settings;
    with `every`, the candidates below the threshold too)."""
    found = index.memo.get((query, every))
    if found is None:
        found = index.memo[(query, every)] = _best(query, index, every)
    return list(cast("list[Match]", found))


def _best(query: Query, index: FeedIndex, every: bool) -> list[Match]:
    config = settings()
    pairs = stem_words(query.text)
    found = index.candidates([stem for stem, _ in pairs], config.candidates, config.rarest)
    if not found:
        return []
    written: dict[str, str] = {}
    for stem, word in pairs:
        written.setdefault(stem, word)
    ours = _Claim(
        written, index.weigh(written), figures(query.text), vector(query.text), query.actors
    )
    scored = [_score(ours, candidate, index) for candidate in found]
    scored.sort(key=lambda m: (-m.score, m.check.number))
    kept = [m for m in scored if every or m.score >= config.threshold]
    return kept[: config.shown]


@dataclass(frozen=True)
class _Claim:
    stems: dict[str, str]  # stem → the word as the claim writes it
    weight: float  # its words' weight in the feed
    figures: set[float]
    vector: np.ndarray | None
    actors: tuple[tuple[str, ...], ...]


def _score(claim: _Claim, candidate: Indexed, index: FeedIndex) -> Match:
    weights = settings().weights
    why: list[str] = []
    features: dict[str, float] = {}
    shared = claim.stems.keys() & candidate.stems
    total = claim.weight + index.weight[candidate.check.number]
    features["words"] = 2 * index.weigh(shared) / total if total else 0.0
    if shared:
        rare = sorted(shared, key=lambda w: (-index.idf.get(w, index.unseen), w))[:RARE_SHOWN]
        why.append(f"shared words: {', '.join(claim.stems[w] for w in rare)}")
    if claim.vector is not None and candidate.vector is not None:
        cosine = float(np.dot(claim.vector, candidate.vector))
        features["vector"] = max(0.0, (cosine - 0.5) / 0.5)
        why.append(f"vectors {cosine:.2f}")
    if claim.actors:
        text = index.folded[candidate.check.number]
        named = [names[0] for names in claim.actors if any(n in text for n in names)]
        features["actors"] = len(named) / len(claim.actors)
        if named:
            why.append(f"actors: {', '.join(named)}")
    if claim.figures and candidate.figures:
        same = same_figure(claim.figures, set(candidate.figures))
        features["figure" if same is not None else "figure_clash"] = 1.0
        why.append(f"same figure: {_shown(same)}" if same is not None else "figures differ")
    score = sum(weights.get(name, 0.0) * value for name, value in features.items())
    return Match(candidate.check, round(score, 4), why)


def _shown(value: float) -> str:
    """A figure as a reader writes it: 100 000 000 000, 7,35."""
    if value == int(value):
        return f"{int(value):,}".replace(",", "\u202f")
    return f"{value:g}".replace(".", ",")
