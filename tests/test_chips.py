"""claimx_chips on a blank French pipeline."""

from __future__ import annotations

import pytest

from claimx.components import hits as products
from claimx.components.chips import spelling_variants
from tests.conftest import blank_with

NLP = blank_with("claimx_chips")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nvidia vend la puce H20 en Chine.", [("H20", "Nvidia")]),
        ("Le H-20 de Nvidia reste autorisé.", [("H20", "Nvidia")]),
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
        # Nvidia: names, families and spelling variants
        ("les A100 et A800 de Nvidia", [("A100", "Nvidia"), ("A800", "Nvidia")]),
        ("des puces H800 achetées en 2023", [("H800", "Nvidia")]),
        ("Le B200 et le B300 arrivent.", [("B200", "Nvidia"), ("B300", "Nvidia")]),
        ("les racks GB300", [("GB300", "Nvidia")]),
        ("l'architecture Hopper", [("Hopper", "Nvidia")]),
        ("la future plateforme Rubin", [("Rubin", "Nvidia")]),
        ("la RTX Pro 6000D pour la Chine", [("RTX Pro 6000D", "Nvidia")]),
        ("les L20 et L40S", [("L20", "Nvidia"), ("L40S", "Nvidia")]),
        ("Les puces H20, et non H200, sont visées.", [("H20", "Nvidia"), ("H200", "Nvidia")]),
        ("le H200 ; le H20", [("H200", "Nvidia"), ("H20", "Nvidia")]),
        # AMD, Intel, Huawei, Cambricon
        ("les MI250 et MI308 d'AMD", [("MI250", "AMD"), ("MI308", "AMD")]),
        ("le MI325X puis le MI350", [("MI325X", "AMD"), ("MI350", "AMD")]),
        ("l'Instinct MI355X", [("MI355X", "AMD")]),
        ("Intel vend Gaudi 2 moins cher.", [("Gaudi 2", "Intel")]),
        ("Huawei prépare l'Ascend 920.", [("Ascend 920", "Huawei")]),
        ("l'Ascend-910B de Huawei", [("Ascend 910B", "Huawei")]),
        ("Cambricon livre le MLU590.", [("MLU590", "Cambricon")]),
        # hyperscalers' own chips
        (
            "Google dévoile Ironwood, son TPU de septième génération.",
            [("Ironwood", "Google"), ("TPU", "Google")],
        ),
        ("Amazon vante Trainium3 et Inferentia2.", [("Trainium3", "AWS"), ("Inferentia2", "AWS")]),
        ("Microsoft déploie Maia 100.", [("Maia 100", "Microsoft")]),
        ("Meta teste sa puce MTIA.", [("MTIA", "Meta")]),
        # memory
        ("la HBM4 de Samsung", [("HBM4", None)]),
        ("les piles HBM3E", [("HBM3E", None)]),
        # not in the catalog, but in chip context
        ("Le nouveau GPU Lisuan G100 est annoncé.", [("G100", None)]),
        ("l'accélérateur XPU-9 de la start-up", [("XPU-9", None)]),
    ],
)
def test_chips(text: str, expected: list[tuple[str, str | None]]) -> None:
    doc = NLP(text)
    assert [(h.name, h.vendor) for h in products.chips(doc)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "Il suit son instinct.",
        "Le groupe compte 2000 salariés.",
        "Une hausse de 20 % en 2025.",
        "La puce de Nvidia est chère.",
        "Le vol AF447 a été retardé.",
        "La route A100 est fermée.",
        "Il a pris la N20 vers Paris.",
        "Le bâtiment B200 est neuf.",
    ],
)
def test_no_chips(text: str) -> None:
    assert products.chips(NLP(text)) == []


def test_short_codes_need_a_text_about_chips() -> None:
    assert products.chips(NLP("La route A100 est fermée.")) == []
    hits = products.chips(NLP("La route A100 est fermée. Nvidia y livre ses A100."))
    assert [(h.name, h.vendor) for h in hits] == [("A100", "Nvidia"), ("A100", "Nvidia")]


def test_spelling_variants() -> None:
    assert {"H20", "H-20"} <= spelling_variants("H20")
    assert {"Gaudi 3", "Gaudi3", "Gaudi-3"} <= spelling_variants("Gaudi 3")


def test_catalog_size_and_vendors() -> None:
    from claimx.resources import load_yaml

    chips = load_yaml("chips.yaml")["chips"]
    assert len(chips) >= 80
    names = [c["name"] for c in chips]
    assert len(names) == len(set(names)), "duplicate catalog names"
