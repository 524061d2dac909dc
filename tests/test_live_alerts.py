"""Alert rules on claims, their grammar, and the command run per alert (no shell)."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

import pytest

from claimx.errors import UsageError
from claimx.live import CommandHook, alerts, parse_rule
from claimx.store.parse import extraction
from claimx.store.records import Extraction


def span(text: str, start: int) -> dict[str, Any]:
    return {"start": start, "end": start + len(text), "text": text}


def document() -> Extraction:
    """An invented article's claims, as a claims file holds them."""
    text = (
        "Selon Ondine, Nvidia aurait vendu des H20 pour 2 milliards d'euros. Brumelia lève 40 M€."
    )
    actors = [
        ("ondine", "Ondine", "media", None, 6),
        ("nvidia", "Nvidia", "organization", "Q182477", 14),
        ("brumelia", "Brumelia", "organization", None, 69),
    ]

    def claim(cid: str, start: int, end: int, **links: Any) -> dict[str, Any]:
        return {
            "id": cid,
            "start": start,
            "end": end,
            "text": text[start:end],
            "sentence": {"start": start, "end": end},
            "actors": links.get("actors", []),
            "chips": links.get("chips", []),
            "money": links.get("money", []),
            "attribution": links.get("attribution"),
            "modality": "asserted",
            "hedges": [],
        }

    cue = {"kind": "according_to", "source": "ondine", "source_text": "Ondine"}
    return extraction(
        {
            "claimx": 2,
            "article": {"source": "a.txt", "sha256": "0", "lang": "fr", "chars": len(text)},
            "pipeline": {},
            "actors": [
                {
                    "id": i,
                    "name": n,
                    "kind": k,
                    "wikidata": w,
                    "roles": [],
                    "mentions": [span(n, s)],
                }
                for i, n, k, w, s in actors
            ],
            "chips": [
                {"id": "h20", "name": "H20", "vendor": "Nvidia", "mentions": [span("H20", 38)]}
            ],
            "money": [
                {
                    "id": "m-2",
                    "start": 47,
                    "end": 66,
                    "text": "2 milliards d'euros",
                    "amount": 2_000_000_000,
                    "currency": "EUR",
                    "qualifier": "exact",
                },
                {
                    "id": "m-40",
                    "start": 83,
                    "end": 88,
                    "text": "40 M€",
                    "amount": 40_000_000,
                    "currency": "EUR",
                    "qualifier": "exact",
                },
            ],
            "claims": [
                claim(
                    "c-1",
                    14,
                    66,
                    actors=["nvidia"],
                    chips=["h20"],
                    money=["m-2"],
                    attribution={**cue, "cue": span("Selon Ondine", 0), "quote": None},
                ),
                claim("c-2", 69, 88, actors=["brumelia"], money=["m-40"]),
            ],
        }
    )


def raised(rule: str) -> list[tuple[str | None, list[str]]]:
    found = alerts(document(), [parse_rule(rule)], "a.txt", "a.txt.yaml")
    return [(a["claim"]["id"] if a["claim"] else None, a["matched"]) for a in found]


@pytest.mark.parametrize(
    ("rule", "claims"),
    [
        ("actor:Nvidia", ["c-1"]),
        ("actor:nvidia", ["c-1"]),
        ("actor:Q182477", ["c-1"]),
        ("actor:Ondine", ["c-1"]),  # the claim's source
        ("actor:Q42", []),
        ("actor:Nvidia Corp", []),
        ("money>1e9:EUR", ["c-1"]),
        ("money>2Md:EUR", []),  # above, not equal
        ("money>=2Md:EUR", ["c-1"]),
        ("money>10M:EUR", ["c-1", "c-2"]),
        ("money>1:USD", []),  # another currency
        ("chip:h20", ["c-1"]),
        ("chip:H200", []),
    ],
)
def test_rules_raise_one_alert_per_claim_involved(rule: str, claims: list[str]) -> None:
    assert [claim for claim, _ in raised(rule)] == claims


def test_a_match_in_no_claim_raises_one_alert_for_the_article() -> None:
    doc = document()
    doc.claims = doc.claims[1:]  # Nvidia is named, in no claim
    found = alerts(doc, [parse_rule("actor:Nvidia")], "a.txt", "a.txt.yaml")
    assert [(a["claim"], a["matched"]) for a in found] == [(None, ["Nvidia"])]


def test_alert_ids_are_stable_and_tell_apart_rule_claim_and_input() -> None:
    rules = [parse_rule("actor:Nvidia"), parse_rule("chip:H20")]
    first = [a["alert"] for a in alerts(document(), rules, "a.txt", "a.txt.yaml")]
    again = [a["alert"] for a in alerts(document(), rules, "a.txt", "a.txt.yaml")]
    other = [a["alert"] for a in alerts(document(), rules, "b.txt", "b.txt.yaml")]
    assert first == again and len(set(first)) == 2 and not set(first) & set(other)


@pytest.mark.parametrize(
    ("rule", "says"),
    [
        ("acteur:Nvidia", "not a rule"),
        ("money>beaucoup:EUR", "money>AMOUNT:CUR"),
        ("money>1e9", "money>AMOUNT:CUR"),
        ("actor>3", "actor:NAME"),
        ("chip:", "not a rule"),
        ("checkworthy:0.8", "checkworthy>SCORE"),
        ("checkworthy>1.5", "SCORE in [0, 1]"),
        ("checkworthy>beaucoup", "SCORE in [0, 1]"),
        ("checkworthy", "checkworthy>SCORE"),
        ("factcheck:afp", "--against FEED"),
        ("contradiction:tout", "contradiction:figure or :modality"),
        ("contradiction>2", "contradiction:figure or :modality"),
    ],
)
def test_bad_rules_are_usage_errors_that_say_the_grammar(rule: str, says: str) -> None:
    with pytest.raises(UsageError, match=re.escape(says)):
        parse_rule(rule)


def test_the_command_gets_the_alert_without_a_shell(tmp_path: Path) -> None:
    alert = alerts(document(), [parse_rule("chip:H20")], "a.txt", "a.txt.yaml")[0]
    alert["article"]["title"] = "Titre; rm -rf / $(echo piégé)"
    seen = tmp_path / "seen.json"
    script = (
        "import json,sys; json.dump([sys.argv[1:], json.load(sys.stdin)], open(sys.argv[1], 'w'))"
    )
    hook = CommandHook(f"{sys.executable} -c {json.dumps(script)} {seen} '{{title}}' {{rule}}")
    assert hook(alert) is None
    argv, given = json.loads(seen.read_text(encoding="utf-8"))
    assert argv == [str(seen), "Titre; rm -rf / $(echo piégé)", "chip:H20"]
    assert given == alert
    assert "no such command" in (CommandHook("claimx-pas-de-commande {title}")(alert) or "")
    assert "exited with 3" in (CommandHook(f"{sys.executable} -c 'exit(3)'")(alert) or "")
