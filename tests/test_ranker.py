"""The source ranker: candidates within reach of a cue, their features, and the choice
made by weights (`models/source_ranker.yaml`, fitted by `tools/train_ranker.py`)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from spacy.language import Language

from claimx.claims import doc_claims
from claimx.components.attributions.ranker import FEATURES, Candidate, SourceRanker
from claimx.resources import load_yaml


@contextmanager
def ranked_with(nlp: Language, weights: dict[str, float] | None) -> Iterator[SourceRanker]:
    """The pipeline's ranker, logging its decisions, with `weights` for a while."""
    ranker: SourceRanker = getattr(nlp.get_pipe("claimx_attributions"), "ranker")  # noqa: B009
    saved = ranker.weights
    ranker.log = []
    if weights is not None:
        ranker.weights = weights
    try:
        yield ranker
    finally:
        ranker.log, ranker.weights = None, saved


def candidates(nlp: Language, text: str) -> dict[str, Candidate]:
    with ranked_with(nlp, None) as ranker:
        nlp(text)
        assert ranker.log
        _, found = ranker.log[0]
    return {c.text or "": c for c in found}


def sources(nlp: Language, text: str, weights: dict[str, float]) -> list[str]:
    with ranked_with(nlp, weights):
        body = doc_claims(nlp(text))
    names = {a.id: a.name for a in body.actors}
    return [names.get(c.attribution.source or "", "") for c in body.claims if c.attribution]


ADDRESSED = "Nvidia a déclaré à l'AFP que les ventes reprendraient en mars."


def test_candidates_describe_subject_and_addressee(nlp: Language) -> None:
    found = candidates(nlp, ADDRESSED)
    nvidia, afp = found["Nvidia"].features, found["Agence France-Presse"].features
    assert (nvidia["rule"], nvidia["subject"], nvidia["after_a"]) == (1.0, 1.0, 0.0)
    assert (afp["rule"], afp["after_a"], afp["media_after_a"]) == (0.0, 1.0, 1.0)
    assert set(nvidia) == set(FEATURES)


def test_candidates_reach_the_sentence_before(nlp: Language) -> None:
    text = "Le fonds Arvelle a publié ses comptes. Il a précisé que la perte était ponctuelle."
    found = candidates(nlp, text)
    assert found["Arvelle"].features["same_sentence"] == 0.0


@pytest.mark.parametrize(
    ("weights", "expected"),
    [
        ({}, ["Nvidia"]),  # no weights: the rules' choice
        ({"rule": 1.0, "after_a": -2.0}, ["Nvidia"]),
        ({"rule": 1.0, "media_after_a": 5.0}, ["Agence France-Presse"]),  # the weights decide
    ],
)
def test_the_weights_choose(nlp: Language, weights: dict[str, float], expected: list[str]) -> None:
    assert sources(nlp, ADDRESSED, weights) == expected


def test_unknown_features_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown features"):
        SourceRanker.from_data({"weights": {"rule": 1.0, "shoe_size": 2.0}})


def test_the_packaged_weights_name_known_features() -> None:
    data = load_yaml("source_ranker.yaml")
    assert set(data.get("weights") or {}) <= set(FEATURES)
    SourceRanker.from_data(data)


@pytest.mark.parametrize(
    "text",
    [
        ADDRESSED,
        "Le fonds Arvelle a publié ses comptes. Il a précisé que la perte était ponctuelle.",
        "« Les ventes reculeront », a déclaré à l'AFP vendredi soir, une porte-parole de la Cnil.",
        "Selon Reuters, Nvidia aurait vendu des puces. Le groupe a refusé de commenter.",
    ],
)
def test_the_bound_that_skips_candidates_changes_no_choice(nlp: Language, text: str) -> None:
    weights = {"rule": 1.0, "subject": 0.6, "same_sentence": 0.5, "after_a": -2.0}
    with ranked_with(nlp, weights) as ranker:
        full = doc_claims(nlp(text))  # logging: every candidate is read
        ranker.log = None
        skipping = doc_claims(nlp(text))
    assert [c.attribution for c in full.claims] == [c.attribution for c in skipping.claims]
