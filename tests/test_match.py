"""Claims already checked: feeds read as untrusted, the index, matching, `claimx match`,
earlier verdicts in review; the matching test set's figures (slow)."""

from __future__ import annotations

import io
import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from rich.console import Console
from spacy.language import Language
from typer.testing import CliRunner

from claimx import review as lib
from claimx.batch import BatchOptions, run
from claimx.cli import app
from claimx.cli.review import Session
from claimx.cli.review_fields import earlier_verdicts
from claimx.desk.feed import read_feed
from claimx.desk.index import FeedIndex, load_index
from claimx.desk.match import Query, best_matches
from claimx.desk.words import figures, settings
from claimx.errors import InputError
from tools import match_eval

# Our own invented story and fact-checks.
ARTICLE = (
    "La Cnil a infligé jeudi une amende de 40 millions d'euros à la société Solvix pour des "
    "cookies déposés sans consentement. Le festival de jazz de Vienne a attiré un public "
    "nombreux sous la pluie.\n"
)


def review(claim: str, url: str, rating: str = "Faux", speaker: str = "Solvix") -> dict[str, Any]:
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": url,
        "claimReviewed": claim,
        "datePublished": "2026-10-01",
        "author": {"@type": "Organization", "name": "Vérif"},
        "reviewRating": {"@type": "Rating", "alternateName": rating},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Organization", "name": speaker}},
    }


RIGHT = review(
    "Solvix a été sanctionnée de 40 millions d'euros par la Cnil pour ses cookies.",
    "https://verif.example/solvix",
    "Vrai",
)
OTHERS = [
    review("Le prix du paquet de cigarettes atteindra 15 euros.", "https://verif.example/tabac"),
    review("La Cnil a reçu 20 000 plaintes l'an dernier.", "https://verif.example/plaintes"),
    review("Solvix a ouvert une usine à Lyon.", "https://verif.example/usine", "Trompeur"),
    {"@type": "NewsArticle", "headline": "pas une ClaimReview"},
    review("Lien piégé vers un script.", "javascript:alert(1)"),
]


def write_feed(folder: Path, kind: str) -> Path:
    objects = [RIGHT, *OTHERS]
    if kind == "array":
        path, text = folder / "feed.json", json.dumps(objects)
    elif kind == "datafeed":
        items = [{"@type": "DataFeedItem", "item": o} for o in objects]
        feed = {"@context": "https://schema.org", "@type": "DataFeed", "dataFeedElement": items}
        path, text = folder / "feed.json", json.dumps(feed)
    else:
        path, text = folder / "feed.jsonl", "\n".join(json.dumps(o) for o in objects)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("kind", ["array", "datafeed", "jsonl"])
def test_feeds_of_every_kind_are_read_and_what_is_not_a_claimreview_skipped(
    tmp_path: Path, kind: str
) -> None:
    feed = read_feed(write_feed(tmp_path, kind))
    assert len(feed.checks) == 5 and feed.skipped == 1
    assert feed.checks[0].rating == "Vrai" and feed.checks[0].speaker == "Solvix"
    assert feed.checks[-1].url is None  # javascript: is never kept


def test_a_file_that_is_no_feed_is_an_input_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{ not json\n[", encoding="utf-8")
    with pytest.raises(InputError):
        read_feed(bad)
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(InputError):
        load_index(other)


def test_figures_are_read_as_the_press_writes_them() -> None:
    found = figures("40 millions d'euros, 4.400 postes, 7,35 %, 1,5 milliard, en 2024")
    assert found == {40e6, 4400.0, 7.35, 1.5e9}


def test_the_right_fact_check_ranks_first_with_why(tmp_path: Path) -> None:
    index, _ = load_index(write_feed(tmp_path, "array"))
    query = Query(
        "La Cnil a infligé jeudi une amende de 40 millions d'euros à la société Solvix",
        (("solvix",), ("cnil",)),
    )
    found = best_matches(query, index)
    assert found and found[0].check.url == "https://verif.example/solvix"
    assert found[0].score >= settings().threshold
    why = "; ".join(found[0].why)
    assert "same figure" in why and "actors: solvix" in why and "Solvix" in why
    unrelated = Query("Le festival de jazz de Vienne a attiré un public nombreux sous la pluie")
    assert best_matches(unrelated, index) == []
    assert all(m.score < settings().threshold for m in best_matches(unrelated, index, True))


def test_a_saved_index_matches_as_the_feed_does(tmp_path: Path) -> None:
    feed = write_feed(tmp_path, "jsonl")
    saved = tmp_path / "feed.db"
    built, _ = load_index(feed, saved)
    reopened, skipped = load_index(saved)
    query = Query("Solvix sanctionnée de 40 millions d'euros par la Cnil")
    assert skipped == 0 and isinstance(reopened, FeedIndex)
    assert best_matches(query, built) == best_matches(query, reopened)


def test_a_saved_index_damaged_inside_is_one_line_exit_3(tmp_path: Path) -> None:
    saved = tmp_path / "feed.db"
    load_index(write_feed(tmp_path, "jsonl"), saved)
    db = sqlite3.connect(saved)
    db.executescript("DROP TABLE checks;")
    db.close()
    with pytest.raises(InputError, match="damaged claimx fact-check index"):
        load_index(saved)
    article = tmp_path / "a.txt"
    article.write_text("Selon la Cnil, Solvix a payé 40 millions d'euros.", encoding="utf-8")
    result = CliRunner().invoke(app, ["match", str(article), "--against", str(saved)])
    assert result.exit_code == 3, result.output
    assert "damaged claimx fact-check index" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


@pytest.fixture(scope="module")
def claims_dir(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    news = tmp_path_factory.mktemp("news")
    (news / "a.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path_factory.mktemp("out")
    run([str(news)], BatchOptions(output_dir=out))
    return out


def test_cli_match_json_csv_table_and_refusals(claims_dir: Path, tmp_path: Path) -> None:
    feed = write_feed(tmp_path, "datafeed")
    result = CliRunner().invoke(
        app, ["match", str(claims_dir), "--against", str(feed), "-f", "json"]
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.stdout)
    assert len(found) == 1 and "Solvix" in found[0]["text"]
    assert found[0]["matches"][0]["url"] == "https://verif.example/solvix"
    every = CliRunner().invoke(
        app, ["match", str(claims_dir), "--against", str(feed), "-f", "csv", "--all"]
    )
    assert every.exit_code == 0 and every.stdout.startswith("\ufeff") and "festival" in every.stdout
    table = CliRunner().invoke(app, ["match", str(claims_dir), "--against", str(feed)])
    assert table.exit_code == 0 and "Vrai" in table.stdout
    saved = tmp_path / "taken.db"
    saved.write_text("mine", encoding="utf-8")
    refused = CliRunner().invoke(
        app, ["match", str(claims_dir), "--against", str(feed), "--save-index", str(saved)]
    )
    assert refused.exit_code == 2 and saved.read_text(encoding="utf-8") == "mine"
    missing = CliRunner().invoke(app, ["match", str(claims_dir), "--against", str(tmp_path / "no")])
    assert missing.exit_code == 2
    assert "Examples" in CliRunner().invoke(app, ["match", "--help"]).stdout


def test_review_shows_the_earlier_verdict(claims_dir: Path, tmp_path: Path) -> None:
    files = [lib.load(p) for p in lib.claims_files(claims_dir)]
    console = Console(file=io.StringIO(), width=160, no_color=True)
    session = Session(files, console, lambda: "q", lambda _p, _d: None, color=False)
    session.earlier = earlier_verdicts(write_feed(tmp_path, "array"))
    session.show()
    shown = console.file.getvalue()  # type: ignore[attr-defined]
    assert "checked" in shown and "Vrai" in shown and "https://verif.example/solvix" in shown


@pytest.mark.slow
def test_the_matching_test_set_meets_its_targets(shared: Path) -> None:
    found = match_eval.figures(match_eval.run())
    assert found["claims_with_a_fact_check"] >= 40
    assert found["precision_at_1"] >= 0.90
    assert found["recall_by_claim"] >= 0.80
    assert found["no_match_without"] >= 0.95
