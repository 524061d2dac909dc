"""`claimx report`: one self-contained HTML file, rendered in a real headless Chromium."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections import defaultdict
from html.parser import HTMLParser
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimx.batch import BatchOptions, run
from claimx.cli import app
from claimx.story import collect

STORY = Path(__file__).parent / "story"
ROOT = Path(__file__).resolve().parent.parent
BROWSERS = ("chromium", "chromium-browser", "google-chrome")


class Highlights(HTMLParser):
    """The text under each claim highlight, per article section; external references."""

    def __init__(self) -> None:
        super().__init__()
        self.section = ""
        self.stack: list[list[str]] = []
        self.claims: dict[tuple[str, str], str] = defaultdict(str)
        self.external: list[str] = []
        self.links: list[str] = []  # navigation: within the page, or to the original article
        self.anchors: dict[str, tuple[str, str]] = {}  # span id -> (section, claim ids)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "section":
            self.section = values.get("data-file") or ""
        if values.get("src"):
            self.external.append(values["src"] or "")
        if tag == "a" and values.get("href"):
            self.links.append(values["href"] or "")
        if tag == "span" and values.get("id"):
            self.anchors[values["id"] or ""] = (self.section, values.get("data-claim") or "")
        if tag == "link":
            self.external.append(values.get("href") or "link")
        if tag == "span":
            self.stack.append((values.get("data-claim") or "").split())

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.stack:
            self.stack.pop()

    def handle_data(self, data: str) -> None:
        for claim in {c for ids in self.stack for c in ids}:
            self.claims[(self.section, claim)] += data


def check_highlights(html: str, story: Path) -> None:
    parser = Highlights()
    parser.feed(html)
    assert parser.external == []  # self-contained: no external asset
    assert all(link.startswith(("#", "https://", "http://")) for link in parser.links)
    articles = collect([str(story)])
    expected = {(a.info.file, c.id): c.text for a in articles for c in a.claims}
    assert expected and dict(parser.claims) == expected


def check_story_first(html: str, story: Path) -> None:
    """The story comes first, with outlets and dates; every appearance links to its
    sentence's highlight; no file path or claim id is shown to the reader."""
    parser = Highlights()
    parser.feed(html)
    visible = Visible()
    visible.feed(html)
    shown = " ".join(visible.parts)
    first = shown[: shown.index("The texts")]
    articles = collect([str(story)])
    assert (
        shown.index("The story")
        < shown.index("Where articles disagree")
        < shown.index("The articles")
    )
    for article in articles:
        assert str(article.info.publisher) in first and str(article.info.date) in first
        assert article.info.file not in shown and Path(article.info.file).name not in shown
        assert all(f" {claim.id} " not in f" {shown} " for claim in article.claims)
    inside = [link[1:] for link in parser.links if re.fullmatch(r"#a\d+-c\d+", link)]
    assert inside and all(anchor in parser.anchors for anchor in inside)
    expected = {(a.info.file, c.id): c.text for a in articles for c in a.claims}
    for anchor in inside:  # the link leads to the start of that claim's highlight
        section, claims = parser.anchors[anchor]
        assert any((section, claim) in expected for claim in claims.split())


class Visible(HTMLParser):
    """The text a reader sees (no style, no title)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.hidden += tag in ("style", "title")

    def handle_endtag(self, tag: str) -> None:
        self.hidden -= tag in ("style", "title")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


@pytest.fixture(scope="module")
def report(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("story")
    run([str(STORY)], BatchOptions(output_dir=out))
    page = tmp_path_factory.mktemp("report") / "report.html"
    result = CliRunner().invoke(app, ["report", str(out), "-o", str(page)])
    assert result.exit_code == 0, result.output
    return out, page


def test_every_claim_is_highlighted_in_the_page(report: tuple[Path, Path]) -> None:
    out, page = report
    html = page.read_text(encoding="utf-8")
    check_highlights(html, out)
    check_story_first(html, out)
    assert "The story" in html and "Where articles disagree" in html
    again = CliRunner().invoke(app, ["report", str(out), "-o", str(page)])
    assert again.exit_code == 2  # not overwritten without --force


@pytest.mark.slow
def test_the_page_renders_in_headless_chromium(report: tuple[Path, Path], tmp_path: Path) -> None:
    browser = next((b for b in map(shutil.which, BROWSERS) if b), None)
    if browser is None:
        if os.environ.get("CLAIMX_REQUIRE_BROWSER"):
            pytest.fail("CLAIMX_REQUIRE_BROWSER is set and no Chromium is installed")
        pytest.skip("no Chromium on this machine (CI installs Debian's chromium)")
    out, page = report
    flags = [
        "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
        f"--user-data-dir={tmp_path / 'profile'}",
    ]  # fmt: skip
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    check_highlights(dom, out)  # what the browser parsed, not only what claimx wrote
    check_story_first(dom, out)
    artifacts = Path(os.environ.get("CLAIMX_TEST_ARTIFACTS", ROOT / "test-artifacts"))
    artifacts.mkdir(parents=True, exist_ok=True)
    for name, size in (("report.png", "1200,2400"), ("report-first-screen.png", "1280,800")):
        screenshot = artifacts / name
        screenshot.unlink(missing_ok=True)
        subprocess.run(
            [browser, *flags, f"--window-size={size}", f"--screenshot={screenshot}", page.as_uri()],
            capture_output=True,
            timeout=120,
            check=True,
        )
        assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert screenshot.stat().st_size > 20_000  # a page with text, not a blank one
