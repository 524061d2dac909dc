"""Recurring claims precise by construction and contradictions that are contradictions
(issue 26), on claims written for the test."""

from __future__ import annotations

from typing import Any

import pytest

from claimx.story import summarize
from claimx.story.compare import complete_groups
from claimx.story.events import event_of, rarity
from claimx.story.records import ArticleClaims, from_document

ACTORS = {
    "Brightwave": "organization",
    "Orkana": "organization",
    "Léa Fontaine": "person",
}


def article(number: int, *claims: dict[str, Any]) -> ArticleClaims:
    """An article of `claims` (text, and optionally modality, source, money as
    (text, amount, amount_max, qualifier)); actors found by name in each text."""
    actors = [
        {"id": f"A{n}", "name": name, "kind": kind, "mentions": []}
        for n, (name, kind) in enumerate(ACTORS.items(), 1)
    ]
    ids = {a["name"]: a["id"] for a in actors}
    money: list[dict[str, Any]] = []
    full = []
    for n, claim in enumerate(claims, 1):
        figures = []
        for text, amount, amount_max, qualifier in claim.get("money", []):
            figures.append(f"M{len(money) + 1}")
            money.append(
                {"id": figures[-1], "text": text, "amount": amount, "amount_max": amount_max,
                 "currency": "EUR", "qualifier": qualifier}
            )  # fmt: skip
        source = claim.get("source")
        full.append(
            {
                "id": f"C{n}", "text": claim["text"], "start": 0, "end": len(claim["text"]),
                "modality": claim.get("modality", "asserted"), "chips": [], "money": figures,
                "actors": [ids[name] for name in ACTORS if name in claim["text"]],
                "attribution": {"kind": "statement", "source": ids[source],
                                "cue": {"text": "a dit"}} if source else None,
            }
        )  # fmt: skip
    meta = {"source": f"a{number}.txt", "publisher": f"Journal {number}"}
    document = {"claimx": 2, "article": meta, "actors": actors, "chips": [], "money": money,
                "claims": full}  # fmt: skip
    return from_document(document, f"a{number}.txt.yaml")


def test_groups_never_chain_through_a_member() -> None:
    links = {(0, 1): 0.9, (1, 2): 0.8, (3, 4): 0.5, (2, 4): 0.4}
    same = ["a", "b", "c", "d", "e"]
    assert complete_groups(5, links, same) == [[0, 1], [3, 4]]
    # two claims of one article need no link between them
    assert complete_groups(3, {(0, 1): 0.9, (0, 2): 0.9}, ["a", "b", "b"]) == [[0, 1, 2]]


def test_a_near_pair_holds_inside_a_group_never_alone() -> None:
    """A near pair (compare.near) completes a group strong links hold, joins nothing alone."""
    same = ["a", "b", "c", "d"]
    strong = {(0, 1): 0.6, (1, 2): 0.5}
    assert complete_groups(4, strong, same, frozenset({(0, 2)})) == [[0, 1, 2]]
    assert complete_groups(4, strong, same) == [[0, 1]]  # 2 needs a link to 0 too
    assert complete_groups(4, {}, same, frozenset({(0, 2), (2, 3)})) == []
    # 3, linked to 2 only, stays out of the group
    assert complete_groups(4, {**strong, (2, 3): 0.4}, same, frozenset({(0, 2)})) == [[0, 1, 2]]


def test_time_function_and_generic_words_never_join_claims() -> None:
    one = article(1, {"text": "Le groupe a annoncé lundi ses projets pour les années à venir"})
    two = article(2, {"text": "Le groupe a annoncé lundi ses résultats des années passées"})
    assert summarize([one, two])["recurring"] == []
    claims = [one.claims[0], two.claims[0]]
    keys = {k for c in claims for k in event_of(c, rarity(claims)).keys}
    assert keys == {"result", "passee"}


def test_one_source_cannot_join_two_stories() -> None:
    one = article(
        1, {"text": "Brightwave ouvrira une usine de batteries à Lyon", "source": "Léa Fontaine"}
    )
    two = article(
        2, {"text": "Orkana fermera son usine de batteries à Lyon", "source": "Léa Fontaine"}
    )
    assert summarize([one, two])["recurring"] == []


def test_a_story_told_by_three_outlets_is_one_group_with_its_event() -> None:
    text = "Brightwave ouvrira une usine de batteries à Lyon, avec 800 emplois"
    one = article(1, {"text": text})
    two = article(
        2, {"text": "Selon Léa Fontaine, Brightwave ouvrira à Lyon une usine de batteries"}
    )
    three = article(
        3, {"text": "La future usine de batteries de Brightwave, à Lyon, emploiera 800 personnes"}
    )
    (group,) = summarize([one, two, three])["recurring"]
    assert group["articles"] == 3
    assert all(word in group["event"] for word in ("Brightwave", "usine", "batteries", "Lyon"))


PLAN = "Brightwave investira {} dans son usine de batteries de Lyon {}"


@pytest.mark.parametrize(
    ("first", "second", "conflict"),
    [
        ((("8 milliards d'euros", 8e9, None, "exact"), "par an"),
         (("6 milliards d'euros", 6e9, None, "exact"), "par an"), True),
        ((("8 milliards d'euros", 8e9, None, "exact"), "par an"),  # a quarter against a year
         (("2 milliards d'euros", 2e9, None, "exact"), "au premier trimestre"), False),
        ((("entre 6 et 8 milliards d'euros", 6e9, 8e9, "exact"), "par an"),  # a range's end
         (("8 milliards d'euros", 8e9, None, "exact"), "par an"), False),
        ((("8 milliards d'euros", 8e9, None, "exact"), "par an, dont 2 milliards à Lyon"),
         (("2 milliards d'euros", 2e9, None, "exact"), "par an"), False),  # a part of it
        ((("environ 8 milliards d'euros", 8e9, None, "about"), "par an"),  # a rounding
         (("8,2 milliards d'euros", 8.2e9, None, "exact"), "par an"), False),
    ],
)  # fmt: skip
def test_figure_contradictions_need_one_measure_and_one_period(
    first: tuple[tuple[str, float, float | None, str], str],
    second: tuple[tuple[str, float, float | None, str], str],
    conflict: bool,
) -> None:
    claims = [
        {"text": PLAN.format(figure[0], tail), "money": [figure]}
        for figure, tail in (first, second)
    ]
    summary = summarize([article(1, claims[0]), article(2, claims[1])])
    assert len(summary["recurring"]) == 1
    figures = [c for c in summary["contradictions"] if c["kind"] == "figure"]
    assert bool(figures) is conflict
    for item in figures:  # both figures and both sentences side by side
        assert [p["text"] for p in item["evidence"]] == [c["text"] for c in claims]
        assert first[0][0] in item["summary"] and second[0][0] in item["summary"]


def test_figures_of_one_article_never_contradict() -> None:
    one = article(
        1,
        {
            "text": PLAN.format("8 milliards d'euros", "par an"),
            "money": [("8 milliards d'euros", 8e9, None, "exact")],
        },
        {
            "text": PLAN.format("6 milliards d'euros", "par an"),
            "money": [("6 milliards d'euros", 6e9, None, "exact")],
        },
    )
    assert summarize([one])["contradictions"] == []


@pytest.mark.parametrize(("modality", "conflict"), [("hedged", True), ("forecast", False)])
def test_a_stance_contradiction_needs_the_same_proposition_and_no_forecast(
    modality: str, conflict: bool
) -> None:
    text = "Brightwave a suspendu ses livraisons de batteries Lumen à deux clients de Lyon"
    hedged = text.replace("a suspendu", "aurait suspendu")
    summary = summarize(
        [article(1, {"text": text}), article(2, {"text": hedged, "modality": modality})]
    )
    assert len(summary["recurring"]) == 1
    assert bool(summary["contradictions"]) is conflict
