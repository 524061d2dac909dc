"""Alert rules on claims, their grammar, and the command run per alert (no shell); the
check-worthiness and fact-check rules, against an invented feed."""

from __future__ import annotations

import json
import re
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.cli.exit_codes import ExitCode
from claimx.desk import checkworthy
from claimx.desk.checkworthy import Weights, assess_all
from claimx.desk.index import FORMAT, load_index
from claimx.desk.words import settings
from claimx.errors import UsageError
from claimx.live import CommandHook, alerts, parse_rule, with_feed
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


def scores(doc: Extraction, text: str | None = None) -> dict[str, float]:
    return {k: v.to_dict()["score"] for k, v in assess_all(doc, text).items()}


def test_checkworthy_raises_on_the_claims_over_the_score_with_their_reasons() -> None:
    doc = document()
    score = scores(doc)
    low, high = sorted(score.values())
    assert low < high  # the invented claims score apart: a threshold between them
    found = alerts(doc, [parse_rule(f"checkworthy>{(low + high) / 2}")], "a.txt", "a.txt.yaml")
    best = max(score, key=lambda k: score[k])
    assert [a["claim"]["id"] for a in found] == [best]
    worthy = assess_all(doc, None)[best].to_dict()
    assert found[0]["checkworthy"] == worthy and found[0]["matched"] == worthy["reasons"]
    assert worthy["reasons"]  # a reader is told why
    assert len(raised(f"checkworthy>{low}")) == 1  # above, not equal
    assert len(raised(f"checkworthy>={low}")) == 2
    assert raised("checkworthy>1") == [] and len(raised("checkworthy>=0")) == 2


def test_checkworthy_reads_the_claims_sentence_in_the_article_text() -> None:
    doc = document()
    claim = doc.claims[1]
    sentence = "Elle devrait lever."  # in the claim's place, as long as it
    assert len(sentence) == claim.end - claim.start
    text = "x" * claim.start + sentence
    alone = alerts(doc, [parse_rule("checkworthy>=0")], "a.txt", "a.txt.yaml")
    given = alerts(doc, [parse_rule("checkworthy>=0")], "a.txt", "a.txt.yaml", text=text)
    reasons = {a["claim"]["id"]: a["checkworthy"]["reasons"] for a in given}
    assert "against: a forecast (devrait)" in reasons["c-2"]  # the sentence's word
    assert [a["alert"] for a in given] == [a["alert"] for a in alone]  # one claim, one id


def test_a_refit_changes_scores_not_alert_ids(monkeypatch: pytest.MonkeyPatch) -> None:
    rule = [parse_rule("checkworthy>=0")]
    before = alerts(document(), rule, "a.txt", "a.txt.yaml")
    refit = Weights(bias=1.0, weights={"figure": 2.0})
    monkeypatch.setattr(checkworthy, "model", lambda: refit)
    after = alerts(document(), rule, "a.txt", "a.txt.yaml")
    assert [a["checkworthy"] for a in after] != [a["checkworthy"] for a in before]
    assert [a["alert"] for a in after] == [a["alert"] for a in before]


FACT_CHECKS: list[
    dict[str, Any]
] = [  # invented: one about the article's first claim, the others not
    {
        "@type": "ClaimReview",
        "claimReviewed": "Nvidia a vendu des puces H20 pour 2 milliards d'euros.",
        "url": "https://verif.exemple.test/nvidia-h20",
        "reviewRating": {"@type": "Rating", "alternateName": "Trompeur"},
        "datePublished": "2026-11-30",
        "author": {"@type": "Organization", "name": "Vérif Express"},
    },
    {
        "@type": "ClaimReview",
        "claimReviewed": "Le maire de Trébeurden a interdit les trottinettes sur la plage.",
        "url": "javascript:alert(1)",  # not a web url: dropped
        "reviewRating": {"alternateName": "Faux"},
    },
    {
        "@type": "ClaimReview",
        "claimReviewed": "La récolte de lavande a doublé en Provence cette année.",
        "reviewRating": {"alternateName": "Vrai"},
    },
    {"@type": "WebPage", "name": "pas un ClaimReview"},
]


@pytest.fixture(scope="module")
def feed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("feed") / "factchecks.json"
    path.write_text(json.dumps(FACT_CHECKS, ensure_ascii=False), encoding="utf-8")
    return path


def test_factcheck_raises_on_a_claim_matching_a_fact_check_of_the_feed(feed: Path) -> None:
    rules, loaded = with_feed((parse_rule("factcheck"),), feed)
    assert loaded is not None and len(loaded.index.checks) == 3 and loaded.skipped == 1
    found = alerts(document(), list(rules), "a.txt", "a.txt.yaml")
    assert [a["claim"]["id"] for a in found] == ["c-1"]  # Brumelia's claim: none
    check = found[0]["factcheck"]
    assert check["url"] == "https://verif.exemple.test/nvidia-h20"
    assert (check["rating"], check["publisher"]) == ("Trompeur", "Vérif Express")
    assert check["score"] >= settings().threshold
    assert any(w.startswith("shared words") for w in check["why"])
    assert found[0]["matched"] == [FACT_CHECKS[0]["claimReviewed"]]


def test_a_saved_index_raises_the_same_alerts(feed: Path, tmp_path: Path) -> None:
    saved = tmp_path / "factchecks.db"
    load_index(feed, saved)
    from_feed = alerts(document(), list(with_feed((parse_rule("factcheck"),), feed)[0]), "a", "b")
    from_index = alerts(document(), list(with_feed((parse_rule("factcheck"),), saved)[0]), "a", "b")
    assert from_index == from_feed and from_feed


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (None, "no such file"),
        (b"{ pas du json", "neither JSON nor JSON Lines"),
        (b'[{"@type": "WebPage"}]', "no ClaimReview"),
        (b"SQLite format 3\x00" + b"\x00" * 200, "not a claimx fact-check index"),
        (b"\xff\xfe\x00", "cannot read"),
    ],
)
def test_a_feed_that_cannot_be_read_is_one_usage_error(
    tmp_path: Path, content: bytes | None, says: str
) -> None:
    path = tmp_path / "feed.json"
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(UsageError, match=re.escape(says)) as caught:
        with_feed((parse_rule("factcheck"),), path)
    assert str(caught.value).startswith("--against ") and "\n" not in str(caught.value)


def test_factcheck_and_against_go_together(feed: Path) -> None:
    with pytest.raises(UsageError, match="needs the fact-checks"):
        with_feed((parse_rule("factcheck"),), None)
    with pytest.raises(UsageError, match="is for --alert factcheck"):
        with_feed((parse_rule("chip:H20"),), feed)
    with pytest.raises(UsageError, match="needs a feed"):
        alerts(document(), [parse_rule("factcheck")], "a.txt", "a.txt.yaml")
    assert with_feed((parse_rule("chip:H20"),), None)[1] is None


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--alert", "factcheck", "--against", "{missing}"], "no such file"),
        (["--alert", "factcheck", "--against", "{bad}"], "neither JSON nor JSON Lines"),
        (["--alert", "factcheck"], "needs the fact-checks"),
        (["--alert", "chip:H20", "--against", "{feed}"], "is for --alert factcheck"),
    ],
)
def test_watch_refuses_a_feed_problem_in_one_line_before_any_work(
    tmp_path: Path, feed: Path, args: list[str], says: str
) -> None:
    news, out, bad = tmp_path / "news", tmp_path / "out", tmp_path / "bad.json"
    news.mkdir()
    bad.write_text("{ pas du json", encoding="utf-8")
    places = {"missing": tmp_path / "absent.json", "bad": bad, "feed": feed}
    given = [a.format(**places) for a in args]
    result = CliRunner().invoke(app, ["watch", str(news), "-o", str(out), *given])
    assert result.exit_code == ExitCode.USAGE
    assert says in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not out.exists()  # refused before the claims folder is made


@pytest.mark.parametrize(
    "script",
    [
        "",  # the format row and nothing else
        "CREATE TABLE checks (number, claim, url, rating, date, publisher, speaker, stems, "
        "figures, vector); INSERT INTO checks VALUES ('x', 'c', 1, 2, 3, 4, 5, 'a', '[', 7);",
    ],
)
def test_a_damaged_saved_index_is_one_usage_error(tmp_path: Path, script: str) -> None:
    path = tmp_path / "factchecks.db"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
        f"INSERT INTO meta VALUES ('format', '{FORMAT}');{script}"
    )
    db.commit()
    db.close()
    with pytest.raises(UsageError, match="damaged claimx fact-check index"):
        with_feed((parse_rule("factcheck"),), path)
