"""The bound on repetition-heavy text: refused before analysis, as a one-line failure of
that article only; prose, however long, is never refused."""

from __future__ import annotations

from pathlib import Path

from spacy.language import Language

from claimx.api import Failure, extract_many
from claimx.articles import Article
from claimx.batch import BatchOptions, run
from claimx.repetition import bound, distinct_share, repetitive
from tests.conftest import GOLD_DIR

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(GOLD_DIR.glob("*.txt"))]
PROSE = "\n\n".join(TEXTS)  # every test article: long prose, none of it repeated


def test_prose_is_never_refused() -> None:
    assert len(PROSE) > bound().min_chars
    assert repetitive(Article.from_text(PROSE)) is None
    twice = Article.from_text(PROSE + "\n\n" + PROSE)  # a page pasted twice is still read
    assert repetitive(twice) is None


def test_a_short_text_is_never_refused() -> None:
    assert repetitive(Article.from_text("Nvidia " * 100)) is None


def test_the_measure_falls_with_repetition() -> None:
    share_prose, _ = distinct_share(PROSE, 4)
    share_pasted, _ = distinct_share(PROSE * 7, 4)
    share_name, count = distinct_share("Nvidia " * 140_000, 4)
    assert share_prose > 0.9 > share_pasted > share_name
    assert count == 140_000 - 3


def test_a_repeated_name_fails_alone_in_one_line(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "nom.txt").write_text("Nvidia " * 140_000, encoding="utf-8")  # under --max-chars
    (folder / "phrase.txt").write_text("Nvidia a déclaré que la Chine achète. " * 20_000, "utf-8")
    (folder / "bon.txt").write_text(TEXTS[0], encoding="utf-8")
    report = run([str(folder)], BatchOptions(output_dir=tmp_path / "out"))
    status = {e.input: e for e in report.entries}
    assert status["bon.txt"].status == "done"
    for name in ("nom.txt", "phrase.txt"):
        error = status[name].error or ""
        assert status[name].status == "failed"
        assert error.startswith("repetitive: ") and "\n" not in error, error


def test_extract_many_reports_it_as_that_articles_failure(nlp: Language) -> None:
    articles = [Article.from_text(TEXTS[1], "a"), Article.from_text("Huawei " * 50_000, "b")]
    results = list(extract_many(articles, nlp))
    assert not isinstance(results[0], Failure)
    assert isinstance(results[1], Failure) and results[1].message.startswith("b: repetitive")
