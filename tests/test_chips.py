"""claimx_chips on a blank French pipeline."""

from __future__ import annotations

import pytest

from claimx.components.chips import spelling_variants
from tests.conftest import blank_with

NLP = blank_with("claimx_chips")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nvidia vend la puce H20 en Chine.", [("H20", "Nvidia")]),
        ("Le H-20 reste autorisé.", [("H20", "Nvidia")]),
        ("les puces h20 et H200", [("H20", "Nvidia"), ("H200", "Nvidia")]),
        ("Le H200 est plus rapide que le H100.", [("H200", "Nvidia"), ("H100", "Nvidia")]),
        ("Huawei livre l'Ascend 910B.", [("Ascend 910B", "Huawei")]),
        ("Les processeurs Ascend 910C de Huawei", [("Ascend 910C", "Huawei")]),
        ("AMD lance le MI300X et le MI355X.", [("MI300X", "AMD"), ("MI355X", "AMD")]),
        ("Intel mise sur Gaudi 3.", [("Gaudi 3", "Intel")]),
        ("Intel mise sur Gaudi3.", [("Gaudi 3", "Intel")]),
        ("Les systèmes GB200 NVL72 de Nvidia", [("GB200", "Nvidia")]),
        ("la génération Blackwell", [("Blackwell", "Nvidia")]),
        ("Google loue ses TPU v5p.", [("TPU v5p", "Google")]),
        ("AWS déploie Trainium2.", [("Trainium2", "AWS")]),
        ("la mémoire HBM3E de SK Hynix", [("HBM3E", None)]),
        ("Baidu présente la puce XP500 pour l'inférence.", [("XP500", None)]),
        ("Le GPU ZX-200 est inconnu.", [("ZX-200", None)]),
    ],
)
def test_chips(text: str, expected: list[tuple[str, str | None]]) -> None:
    doc = NLP(text)
    assert [(h.name, h.vendor) for h in doc._.claimx_chips] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Il suit son instinct.",
        "Le groupe compte 2000 salariés.",
        "Une hausse de 20 % en 2025.",
        "La puce de Nvidia est chère.",
    ],
)
def test_no_chips(text: str) -> None:
    assert NLP(text)._.claimx_chips == []


def test_spelling_variants() -> None:
    assert {"H20", "H-20"} <= spelling_variants("H20")
    assert {"Gaudi 3", "Gaudi3", "Gaudi-3"} <= spelling_variants("Gaudi 3")


def test_catalog_size_and_vendors() -> None:
    from claimx.resources import load_yaml

    chips = load_yaml("chips.yaml")["chips"]
    assert len(chips) >= 80
    names = [c["name"] for c in chips]
    assert len(names) == len(set(names)), "duplicate catalog names"
