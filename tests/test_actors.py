"""claimx_actors with the real French pipeline: kinds, merging, roles, descriptions."""

from __future__ import annotations

import pytest
from spacy.language import Language


def actors(nlp: Language, text: str) -> dict[str, tuple[str, list[str], list[str]]]:
    doc = nlp(text)
    return {a.name: (a.kind, a.roles, [m.text for m in a.mentions]) for a in doc._.claimx_actors}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Reuters a publié une enquête sur Nvidia.", "Reuters", "media"),
        ("Nvidia a publié ses résultats mardi.", "Nvidia", "organization"),
        ("Selon l'AFP, le contrat est signé.", "Agence France-Presse", "media"),
        ("La Maison Blanche a salué l'accord.", "Maison Blanche", "government"),
        ("Washington a durci ses règles contre Pékin.", "Washington", "government"),
        ("L'administration Biden a publié une règle.", "administration Biden", "government"),
        ("Des sénateurs républicains ont écrit au président.", "sénateurs républicains", "group"),
        ("Emmanuel Macron a reçu les patrons de la tech.", "Emmanuel Macron", "person"),
        ("La Chine a répliqué par des contrôles sur le gallium.", "Chine", "country"),
    ],
)
def test_kinds(nlp: Language, text: str, name: str, kind: str) -> None:
    found = actors(nlp, text)
    assert name in found, found
    assert found[name][0] == kind


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        ("Jensen Huang a rencontré les élus. Huang a promis des usines.", "Jensen Huang", "Huang"),
        ("Lisa Su a présenté la puce. Selon Su, la demande est forte.", "Lisa Su", "Su"),
        ("Sam Altman était à Paris. M. Altman a défendu OpenAI.", "Sam Altman", "Altman"),
    ],
)
def test_surname_merges_into_full_name(nlp: Language, text: str, name: str, short: str) -> None:
    found = actors(nlp, text)
    assert short not in found, "the short form must not be a second actor"
    assert short in found[name][2]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Le PDG de Nvidia, Jensen Huang, était à Pékin.", "Jensen Huang", "PDG de Nvidia"),
        ("Lisa Su, présidente d'AMD, a présenté la puce.", "Lisa Su", "présidente d'AMD"),
        ("Il cite l'ancien président Joe Biden.", "Joe Biden", "ancien président"),
    ],
)
def test_roles(nlp: Language, text: str, name: str, role: str) -> None:
    found = actors(nlp, text)
    assert role in found[name][1]


@pytest.mark.parametrize(
    "text",
    [
        "Nvidia vend des puces AI H20 en Chine.",
        "DeepSeek a entraîné son modèle R1 sur des puces H800.",
        "ChatGPT compte des millions d'utilisateurs.",
    ],
)
def test_false_actors_removed(nlp: Language, text: str) -> None:
    found = actors(nlp, text)
    for bad in ("H20", "AI", "AI H20", "R1", "H800", "ChatGPT"):
        assert bad not in found


def test_capital_is_an_actor_only_when_it_acts(nlp: Language) -> None:
    assert "Washington" not in actors(nlp, "Le sommet a eu lieu à Washington.")
    assert actors(nlp, "Washington a durci ses règles.")["Washington"][0] == "government"


def test_description_links_to_last_organization(nlp: Language) -> None:
    found = actors(nlp, "Nvidia a publié ses comptes. L'entreprise prévoit une hausse.")
    assert "L'entreprise" in found["Nvidia"][2]


def test_description_followed_by_name_is_not_linked(nlp: Language) -> None:
    found = actors(nlp, "Nvidia vend. Il a parlé à l'entreprise taïwanaise TSMC hier.")
    assert "l'entreprise taïwanaise" not in found["Nvidia"][2]
