"""Verdicts: recorded in review, kept in the decisions file, published as ClaimReview."""

from __future__ import annotations

import html
import io
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml
from rich.console import Console
from spacy.language import Language
from typer.testing import CliRunner

from claimx import review as lib
from claimx.batch import BatchOptions, run
from claimx.cli import app
from claimx.cli.review import Session
from claimx.cli.review_fields import checkworthy_order
from claimx.desk.claimreview import to_jsonld
from claimx.errors import UsageError
from claimx.ratings import scale
from claimx.review import ReviewQueue
from claimx.store.decisions import make_verdict, verdict_of, web_url
from claimx.store.layout import decisions_path

SCHEMA = Path(__file__).resolve().parent.parent / "claimx" / "schema" / "claimreview.schema.json"
# Articles written by us, with front matter: an outlet, a date, a url.
ARTICLES = {
    "courrier.md": (
        "Le Courrier du Rhône",
        "2026-03-02",
        "https://courrier.example/amende",
        "Le ministre a refusé de commenter. "
        "L'Autorité a infligé lundi une amende de 12 millions d'euros à AT&T France. "
        "Le groupe Télévia aurait licencié 300 salariés, selon des sources syndicales.",
    ),
    "hebdo.md": (
        "L'Hebdo du Jura",
        "2026-03-01",
        "javascript:alert(1)",
        "L'Autorité a infligé lundi une amende de 12 millions d'euros à AT&T France.",
    ),
}


@pytest.fixture
def claims_dir(nlp: Language, tmp_path: Path) -> Path:
    news = tmp_path / "news"
    news.mkdir()
    for name, (outlet, date, url, body) in ARTICLES.items():
        head = f"---\ntitle: Titre de {outlet}\ndate: {date}\nurl: '{url}'\nsource: {outlet}\n---\n"
        (news / name).write_text(head + body + "\n", encoding="utf-8")
    out = tmp_path / "out"
    run([str(news)], BatchOptions(output_dir=out))
    return out


def files_of(folder: Path) -> list[lib.ClaimsFile]:
    return [lib.load(p) for p in lib.claims_files(folder)]


def first_claim_with(queue: ReviewQueue, words: str) -> None:
    queue.position = next(i for i, it in enumerate(queue.items) if words in it.claim["text"])


def test_ratings_come_from_the_scale_file_and_urls_must_be_web() -> None:
    assert make_verdict("faux", None)["rating"] == "Faux"
    assert make_verdict("IMPRECIS", "https://desk.example/a")["url"] == "https://desk.example/a"
    with pytest.raises(UsageError):
        make_verdict("Plutôt vrai", None)
    with pytest.raises(UsageError):
        make_verdict("Faux", "javascript:alert(1)")
    assert [
        web_url(u) for u in ("ftp://a.b", "https://a.b/<x>", "http:///x", "https://a.b/ok")
    ] == [
        None,
        None,
        None,
        "https://a.b/ok",
    ]
    assert scale().worst == 1 and scale().best == 4 and scale().find("invérifiable") is not None


def test_untrusted_verdicts_are_read_with_care() -> None:
    assert verdict_of({"verdict": {"rating": "N'importe"}}) is None
    found = verdict_of({"verdict": {"rating": "vrai", "url": "data:x", "date": "hier"}})
    assert found is not None and found.rating.name == "Vrai"
    assert found.url is None and found.date is None


def test_a_verdict_is_kept_in_the_decisions_file_and_read_back(claims_dir: Path) -> None:
    files = files_of(claims_dir)
    queue = ReviewQueue(files)
    first_claim_with(queue, "12 millions")
    queue.verdict("Trompeur", "https://desk.example/amende")
    claims_file = next(f.path for f in files if f.path.name == "courrier.md.yaml")
    side = yaml.safe_load(decisions_path(claims_file).read_text(encoding="utf-8"))
    decided = [d for d in side["decisions"] if "verdict" in d["review"]]
    assert decided and decided[0]["review"]["status"] == "accepted"
    assert decided[0]["review"]["verdict"]["rating"] == "Trompeur"
    again = [
        c for f in files_of(claims_dir) for _, c in f.claims() if "verdict" in c.get("review", {})
    ]
    assert [c["review"]["verdict"]["url"] for c in again] == ["https://desk.example/amende"]


def test_the_verdict_key_in_a_session(claims_dir: Path) -> None:
    files = files_of(claims_dir)
    answers = iter(["https://desk.example/v"])
    keys = iter(["v", "1", "q"])
    console = Console(file=io.StringIO(), width=100, no_color=True)
    session = Session(files, console, lambda: next(keys), lambda _p, _d: next(answers), color=False)
    session.run()
    claim = session.queue.items[0].claim
    assert claim["review"]["verdict"]["rating"] == scale().ratings[0].name
    assert "verdict" in console.file.getvalue()  # type: ignore[attr-defined]


def reviews_of(folder: Path, *extra: str) -> tuple[list[dict[str, Any]], str, str]:
    result = CliRunner().invoke(
        app,
        ["summary", str(folder), "-f", "claimreview", "--publisher", "Desk", "--site",
         "https://desk.example", *extra],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout), result.stdout, result.stderr


def test_claimreview_has_every_field_and_only_reviewed_claims(claims_dir: Path) -> None:
    assert reviews_of(claims_dir)[0] == []  # nothing reviewed: nothing written
    files = files_of(claims_dir)
    queue = ReviewQueue(files)
    for at in range(len(queue.items)):
        queue.position = at
        if "12 millions" in queue.current.claim["text"]:
            queue.verdict("Faux", "https://desk.example/amende")
    first_claim_with(queue, "licencié")
    queue.verdict("Imprécis", None)  # no url: Google requires one, left out and said
    queue.position = 0
    reviews, raw, said = reviews_of(claims_dir)
    jsonschema.validate(reviews, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert len(reviews) == 1 and "1 verdict(s) not written" in said
    review = reviews[0]
    assert review["reviewRating"] == {
        "@type": "Rating", "alternateName": "Faux", "ratingValue": 1, "bestRating": 4,
        "worstRating": 1,
    }  # fmt: skip
    item = review["itemReviewed"]
    assert len(item["appearance"]) == 2  # one fact-check, found in both articles
    assert item["firstAppearance"]["datePublished"] == "2026-03-01" == item["datePublished"]
    assert "url" not in item["firstAppearance"]  # javascript: never written
    assert item["appearance"][1]["url"] == "https://courrier.example/amende"
    assert "AT&T France" in review["claimReviewed"]
    assert not any(ch in raw for ch in "<>&")  # escaped for a <script> element


def test_jsonld_escaping_round_trips() -> None:
    data = [{"text": "a</script><b>&amp;\u2028"}]
    text = to_jsonld(data)
    assert "<" not in text and "&" not in text and json.loads(text) == data


def test_claimreview_needs_a_publisher_and_a_web_site(claims_dir: Path) -> None:
    for extra in (["--publisher", "Desk"], ["--publisher", "Desk", "--site", "file:///etc"]):
        result = CliRunner().invoke(app, ["summary", str(claims_dir), "-f", "claimreview", *extra])
        assert result.exit_code == 2, result.output


def test_review_and_summary_sort_by_checkworthiness(claims_dir: Path) -> None:
    files = files_of(claims_dir)
    order = checkworthy_order(files)
    queue = ReviewQueue(files, order)
    scores = [order(item) for item in queue.items]
    assert scores == sorted(scores, reverse=True) and "12 millions" in queue.items[0].claim["text"]
    assert "refusé" in queue.items[-1].claim["text"]
    result = CliRunner().invoke(
        app, ["summary", str(claims_dir), "-f", "csv", "--sort", "checkworthy"]
    )
    assert result.exit_code == 0, result.output
    assert "refusé" in result.stdout.splitlines()[-1]


@pytest.mark.slow
def test_review_in_tmux_sets_a_verdict_and_exports_it(claims_dir: Path) -> None:
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    name = f"claimx-verdict-{time.monotonic_ns()}"
    claimx = f"{sys.executable} -c 'from claimx.cli import main; main()'"
    command = f"{claimx} review {claims_dir} --no-color --sort checkworthy"
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", name, "-x", "120", "-y", "40", command], check=True
    )
    try:
        screen = _wait(name, "a accept")
        assert "12 millions" in screen  # the most check-worthy claim first
        for keys, then in (
            (["v"], "1 Faux"),
            (["1"], "fact-check url"),
            (["https://desk.example/tmux", "Enter"], "· 1/"),
        ):
            subprocess.run(["tmux", "send-keys", "-t", name, *keys], check=True)
            _wait(name, then)
        subprocess.run(["tmux", "send-keys", "-t", name, "q"], check=True)
        _wait_gone(name)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", name], capture_output=True)
    reviews, _, _ = reviews_of(claims_dir)
    assert [r["url"] for r in reviews] == ["https://desk.example/tmux"]
    assert reviews[0]["reviewRating"]["alternateName"] == "Faux"


def _wait(session: str, text: str, timeout: float = 60.0) -> str:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        shown = subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
        ).stdout
        if text in shown:
            return shown
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never shown")


def _wait_gone(session: str, timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if subprocess.run(["tmux", "has-session", "-t", session], capture_output=True).returncode:
            return
        time.sleep(0.2)
    raise AssertionError("the review did not end")


def test_a_rating_off_the_scale_has_no_rating_value(claims_dir: Path) -> None:
    queue = ReviewQueue(files_of(claims_dir))
    first_claim_with(queue, "licencié")
    queue.verdict("Invérifiable", "https://desk.example/licenciements")
    reviews, _, _ = reviews_of(claims_dir)
    jsonschema.validate(reviews, json.loads(SCHEMA.read_text(encoding="utf-8")))
    rating = reviews[0]["reviewRating"]
    assert rating["alternateName"] == "Invérifiable" and "ratingValue" not in rating
    author = reviews[0]["itemReviewed"]["author"]
    assert author["name"]  # the claim's source, or its outlet


def test_report_sorts_each_article_by_checkworthiness(claims_dir: Path, tmp_path: Path) -> None:
    ranked = CliRunner().invoke(app, ["rank", str(claims_dir), "-f", "json"])
    order = [r["text"] for r in json.loads(ranked.stdout) if r["file"].endswith("courrier.md.yaml")]
    assert len(order) >= 3
    courrier = str(claims_dir / "courrier.md.yaml")
    for sort in ("file", "checkworthy"):
        page = tmp_path / f"{sort}.html"
        command = ["report", courrier, "-o", str(page), "--sort", sort]
        assert CliRunner().invoke(app, command).exit_code == 0
        text = page.read_text(encoding="utf-8")
        table = text[text.index("<table") :]
        places = [table.index(html.escape(claim, quote=False)) for claim in order]
        assert (places == sorted(places)) is (sort == "checkworthy")
