"""Known names said in a claim (claimx.story.names) and a source the other claim tells of
(claimx.story.compare.near), on French sentences written for the test:

- a name of the gazetteer said in a claim's text is an actor of its event even where the
  extractor did not make it one, a capital as its country ("celle de Pékin, qui a
  instauré ..."); a country's own name and a capital after a preposition ("à Pékin", "la
  Bourse de Paris") are places, not taken;
- one claim's source named by another claim is a unit of their event only inside a group
  that strong links already hold: alone, never a pair.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimx.story.names import named_in
from tests.story_claims import claims_document, joined, recurring_both_ways

KINDS = {"Chine": "country", "Japon": "country", "Orkana": "organization",
         "responsables américains": "group"}  # fmt: skip


def document(number: int, text: str, source: str | None = None,
             actors: tuple[str, ...] = ()) -> dict[str, Any]:  # fmt: skip
    """A claims document of one claim, with the actors the extractor gave it."""
    return claims_document(number, text, KINDS, actors, source, cue="a expliqué")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("cette règle ressemble à celle de Pékin, qui a instauré des licences", ["Q148"]),
        ("Washington et Pékin négocient", ["Q30", "Q148"]),
        ("La Commission a tranché", ["Q8880"]),  # "la Commission" opening a sentence
        ("Les ventes de Samsung Electronics reculent", ["Q20718"]),
        ("des licences pour exporter vers les Etats-Unis", []),  # a country: a place
        ("un salon s'est tenu à Pékin", []),  # a capital after "à": a place
        ("le titre recule à la Bourse de Paris", []),  # after "de" too
        ("les discussions entre Washington et Taipei", ["Q30", "Q865"]),  # two parties
        ("le CAC 40 recule", []),  # an index, not the Chinese regulator
        # the longest name where two overlap: the Cnil, not "la Commission"
        (
            "notifiée à la Commission nationale de l'informatique et des libertés",
            ["government:cnil"],
        ),
        ("la commission des finances a voté", []),  # not the name as written
        ("un arm de robot", []),  # "Arm" the company is written with its capital
    ],
)
def test_known_names_said_in_a_text(text: str, names: list[str]) -> None:
    assert [actor.key for _, actor in named_in(text)] == names


FIRST = "La Chine soumet le gallium aux licences"


@pytest.mark.parametrize(
    ("second", "join"),
    [
        ("le gallium ne sort plus sans licences depuis que Pékin l'a décidé", True),
        # a capital where the event happens, not who acts
        ("le gallium ne sort plus sans licences depuis qu'on l'a décidé à Pékin", False),
        # another capital, another country
        ("le gallium ne sort plus sans licences depuis que Tokyo l'a décidé", False),
    ],
)
def test_a_capital_said_is_its_countrys_actor(second: str, join: bool) -> None:
    first = document(1, FIRST, actors=("Chine",))
    assert joined(first, document(2, second)) is join


SAID = "le gallium sera soumis à licence"
TOLD = "cette politique ressemble à celle de {}, qui contrôle le gallium par des licences"
BOTH = document(3, "Pékin contrôle désormais le gallium par une licence", actors=("Chine",))


@pytest.mark.parametrize(
    ("capital", "third", "join"),
    [
        # the two claims share two units and China: joined in the group a third holds
        ("Pékin", BOTH, True),
        # alone, one's source named by the other never makes a pair
        ("Pékin", None, False),
        # another country named: the sources differ, even with the third
        ("Tokyo", BOTH, False),
    ],
)
def test_a_source_the_other_claim_names_holds_only_inside_a_group(
    capital: str, third: dict[str, Any] | None, join: bool
) -> None:
    first = document(1, SAID, source="Chine")
    second = document(2, TOLD.format(capital), source="responsables américains")
    assert joined(first, second, *([third] if third else [])) is join


def test_the_database_summary_takes_names_and_near_links_alike(tmp_path: Path) -> None:
    documents = [
        document(1, SAID, source="Chine"),
        document(2, TOLD.format("Pékin"), source="responsables américains"),
        BOTH,
        document(4, "Orkana vend ses fours de Quimper"),
    ]
    files, database = recurring_both_ways(tmp_path, documents)
    assert [len(g["appearances"]) for g in files] == [3]
    assert database == files
