"""The `contradiction` alert rule: a new article's claims against the folder's, as
`claimx summary` compares them. Invented articles, as claims files hold them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimx.live import FolderClaims, alerts, parse_rule
from claimx.store.machine import write_claims
from claimx.store.parse import extraction
from claimx.store.records import Extraction

CLAIM = "Nvidia a investi {} dans un nouveau centre de calcul à Lyon"


def article(figure: str, amount: float, modality: str = "asserted", text: str = "") -> Extraction:
    """One article of one claim about Nvidia, with one amount in euros."""
    claim_text = text or CLAIM.format(figure)
    start = claim_text.find(figure)
    figure_span = (start, start + len(figure)) if start >= 0 else (0, 0)
    money = [
        {
            "id": "m-1",
            "start": figure_span[0],
            "end": figure_span[1],
            "text": figure,
            "amount": amount,
            "currency": "EUR",
            "qualifier": "exact",
        }
    ]
    document: dict[str, Any] = {
        "claimx": 2,
        "article": {"source": "x", "sha256": "0", "lang": "fr", "chars": len(claim_text)},
        "pipeline": {},
        "actors": [
            {
                "id": "nvidia",
                "name": "Nvidia",
                "kind": "organization",
                "roles": [],
                "mentions": [{"start": 0, "end": 6, "text": "Nvidia"}],
            }
        ],
        "chips": [],
        "money": money if start >= 0 else [],
        "claims": [
            {
                "id": "c-1",
                "start": 0,
                "end": len(claim_text),
                "text": claim_text,
                "sentence": {"start": 0, "end": len(claim_text)},
                "actors": ["nvidia"],
                "chips": [],
                "money": ["m-1"] if start >= 0 else [],
                "attribution": None,
                "modality": modality,
                "hedges": [],
            }
        ],
    }
    return extraction(document)


THREE = article("3 milliards d'euros", 3e9)
THREE_AND_A_HALF = article("3,5 milliards d'euros", 3.5e9)
THREE_HEDGED = article("3 milliards d'euros", 3e9, "hedged")
OTHER = article("", 0, text="Le Sénat examinera jeudi un texte sur la protection des données")


def kinds_with(
    folder: FolderClaims, doc: Extraction, name: str, rule: str
) -> list[tuple[str, str]]:
    raised = alerts(doc, [parse_rule(rule)], name, name + ".yaml", folder)
    return [(a["contradiction"]["kind"], a["contradiction"]["with"]["claims_file"]) for a in raised]


def test_a_new_article_is_compared_with_the_others_of_the_folder() -> None:
    folder = FolderClaims()
    assert kinds_with(folder, THREE, "a", "contradiction") == []
    assert kinds_with(folder, THREE_AND_A_HALF, "b", "contradiction") == [("figure", "a.yaml")]
    assert kinds_with(folder, THREE_HEDGED, "c", "contradiction") == [
        ("modality", "a.yaml"),
        ("figure", "b.yaml"),
    ]
    assert kinds_with(folder, OTHER, "d", "contradiction") == []


def test_the_rule_can_ask_for_one_kind_and_a_rewrite_replaces_the_article() -> None:
    folder = FolderClaims()
    for name, doc in (("a", THREE), ("b", THREE_AND_A_HALF)):
        kinds_with(folder, doc, name, "contradiction")
    assert kinds_with(folder, THREE_HEDGED, "c", "contradiction:figure") == [("figure", "b.yaml")]
    # b rewritten to agree with a: nothing disagrees with it any more but c's hedge
    assert kinds_with(folder, THREE, "b", "contradiction") == [("modality", "c.yaml")]


def test_the_folder_is_read_from_its_claims_files_and_alert_ids_tell_pairs_apart(
    tmp_path: Path,
) -> None:
    for name, doc in (("a", THREE), ("sub/b", THREE_AND_A_HALF)):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        write_claims(tmp_path / f"{name}.yaml", [doc.to_dict()])
    folder = FolderClaims.read(tmp_path)
    assert sorted(folder.rows) == ["a.yaml", "sub/b.yaml"]
    raised = alerts(THREE_HEDGED, [parse_rule("contradiction")], "c", "c.yaml", folder)
    assert [a["contradiction"]["with"]["claims_file"] for a in raised] == ["a.yaml", "sub/b.yaml"]
    assert len({a["alert"] for a in raised}) == 2
    assert raised[1]["contradiction"]["with"]["figures"] == ["3,5 milliards d'euros"]
    assert alerts(THREE_HEDGED, [parse_rule("contradiction")], "c", "c.yaml") == []  # no folder
