"""Outputs that cannot be turned against their readers: a claims folder is shared and edited
by hand, so every value a report, CSV or JSON-LD takes from it is hostile (issue 27)."""

from __future__ import annotations

import csv
import io
import json
import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.escape import BOM, cell, script_json, web_url
from claimx.store.serialize import to_yaml

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
SCRIPT = '"><script>document.title="pwned"</script><img src=x onerror=alert(1)>'
FORMULA = '=HYPERLINK("http://x","clic")'
# Two invented articles telling one story, so that the report has a recurring claim.
TEXTS = (
    f"{FORMULA} a déclaré que la société Brightwave vendra ses puces Lumen à Lyon.",
    f"{FORMULA} a déclaré que la société Brightwave vendra ses puces Lumen à Lyon.",
)


def tampered_document(text: str, number: int) -> dict[str, Any]:
    """A claims document edited by hand by someone hostile: ids, titles, sources and urls
    holding markup, formulas and a javascript: url."""
    return {
        "claimx": 2,
        "article": {
            "source": f"a{number}.txt",
            "title": f"</title>{SCRIPT}",
            "date": "2026-05-0" + str(number),
            "url": "javascript:alert(document.cookie)",
            "publisher": "@SUM(1+1)" if number == 1 else f"+{SCRIPT}",
        },
        "actors": [
            {"id": "A1", "name": f"-{SCRIPT}", "kind": "person", "mentions": []},
            {"id": "A2", "name": "Brightwave", "kind": "organization", "mentions": []},
        ],
        "chips": [],
        "money": [],
        "claims": [
            {
                "id": f"C1{SCRIPT}",
                "text": text,
                "start": 0,
                "end": len(text),
                "modality": "asserted",
                "actors": ["A2"],
                "chips": [],
                "money": [],
                "attribution": {
                    "kind": "statement",
                    "source": "A1",
                    "source_text": FORMULA,
                    "cue": {"text": "a déclaré", "start": 31, "end": 40},
                },
                "review": {"status": "pending", "note": SCRIPT},
            }
        ],
    }


@pytest.fixture
def tampered(tmp_path: Path) -> Path:
    folder = tmp_path / "claims"
    folder.mkdir()
    for number, text in enumerate(TEXTS, 1):
        (folder / f"a{number}.txt").write_text(text, encoding="utf-8")
        (folder / f"a{number}.yaml").write_text(
            to_yaml([tampered_document(text, number)]), encoding="utf-8"
        )
    return folder


class Active(HTMLParser):
    """Whatever in a page could run: script elements, handler attributes, script urls."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self.csp: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "iframe", "object", "embed", "base", "img"):
            self.found.append(tag)
        for name, value in attrs:
            if name.startswith("on"):
                self.found.append(f"{tag} {name}")
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                ("javascript:", "data:", "vbscript:")
            ):
                self.found.append(f"{tag} {name}={value}")
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp.append(values.get("content") or "")


def active_parts(html: str) -> Active:
    parser = Active()
    parser.feed(html)
    return parser


def report_of(folder: Path, tmp_path: Path) -> str:
    page = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", str(folder), "-o", str(page)])
    assert result.exit_code == 0, result.output
    return page.read_text(encoding="utf-8")


def test_a_tampered_claims_file_gives_a_report_with_nothing_active(
    tampered: Path, tmp_path: Path
) -> None:
    html = report_of(tampered, tmp_path)
    parsed = active_parts(html)
    assert parsed.found == []
    (policy,) = parsed.csp
    assert "script-src 'none'" in policy and "default-src 'none'" in policy
    assert "Brightwave" in html  # the claims are there, only defused
    assert "javascript:" not in html


@pytest.mark.slow
def test_headless_chromium_finds_no_script_in_a_tampered_report(
    tampered: Path, tmp_path: Path
) -> None:
    browser = next((b for b in map(shutil.which, BROWSERS) if b), None)
    if browser is None:
        if os.environ.get("CLAIMX_REQUIRE_BROWSER"):
            pytest.fail("CLAIMX_REQUIRE_BROWSER is set and no Chromium is installed")
        pytest.skip("no Chromium on this machine")
    report_of(tampered, tmp_path)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'p'}"]
    dom = subprocess.run(
        [browser, *flags, "--dump-dom", (tmp_path / "report.html").as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    ).stdout
    parsed = active_parts(dom)
    assert "<body" in dom and "Brightwave" in dom
    assert parsed.found == []
    assert parsed.csp and "script-src 'none'" in parsed.csp[0]
    assert "pwned" not in dom.split("<body", 1)[0]  # the title was not rewritten by a script


def test_csv_cells_beginning_with_a_formula_character_are_neutralized(tampered: Path) -> None:
    result = CliRunner().invoke(app, ["summary", str(tampered), "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert len(rows) == 2
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), row
    assert rows[0]["text"] == "'" + TEXTS[0]
    assert {r["publisher"] for r in rows} == {"'@SUM(1+1)", f"'+{SCRIPT}"}
    assert rows[0]["source"] == f"'-{SCRIPT}"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+1", "'=1+1"), ("+33 6", "'+33 6"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"), ("\rx", "'\rx"), ("Le 1er mai", "Le 1er mai"), ("a=b", "a=b"),
        (None, ""), (-3, -3), (12.5, 12.5),
    ],
)  # fmt: skip
def test_cell(value: Any, expected: Any) -> None:
    assert cell(value) == expected


def test_csv_on_stdout_has_no_bom_and_a_file_or_bom_has_one(tampered: Path, tmp_path: Path) -> None:
    runner = CliRunner()
    piped = runner.invoke(app, ["summary", str(tampered), "-f", "csv-recurring"])
    assert piped.exit_code == 0 and piped.stdout.startswith("recurring,")
    asked = runner.invoke(app, ["summary", str(tampered), "-f", "csv", "--bom"])
    assert asked.stdout.startswith(BOM + "file,")
    out = tmp_path / "claims.csv"
    written = runner.invoke(app, ["summary", str(tampered), "-f", "csv", "-o", str(out)])
    assert written.exit_code == 0 and out.read_text(encoding="utf-8").startswith(BOM + "file,")


def test_jsonld_cannot_break_out_of_its_script_element(tampered: Path) -> None:
    result = CliRunner().invoke(app, ["summary", str(tampered), "-f", "jsonld"])
    assert result.exit_code == 0, result.output
    text = result.stdout
    assert "</" not in text and "<" not in text and ">" not in text and "&" not in text
    assert "javascript:" not in text
    data = json.loads(text)  # still the same data once parsed
    assert any(SCRIPT in value for value in strings(data))
    appearances = [a for c in data["@graph"] for a in c["appearance"]]
    assert appearances and all("url" not in a for a in appearances)


def strings(data: Any) -> list[str]:
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        data = list(data.values())
    return [s for item in data for s in strings(item)] if isinstance(data, list) else []


def test_script_json_escapes_markup_and_line_separators() -> None:
    text = script_json({"a": "</script><!-- & \u2028"})
    assert text.count("\\u003c") == 2 and "\\u0026" in text and "\\u2028" in text
    assert json.loads(text) == {"a": "</script><!-- & \u2028"}


@pytest.mark.parametrize(
    ("url", "kept"),
    [
        ("https://example.org/a?b=1", True), ("http://x.example/", True),
        ("javascript:alert(1)", False), (" JavaScript:alert(1)", False),
        ("data:text/html,<script>", False), ("/etc/passwd", False), ("//evil.example", False),
        ("https://ex ample.org", False), (None, False), (3, False),
    ],
)  # fmt: skip
def test_only_http_urls_are_kept(url: Any, kept: bool) -> None:
    assert (web_url(url) is not None) is kept


@pytest.mark.parametrize(
    ("field", "value"),
    [("start", "0"), ("end", None), ("id", 7), ("text", ["x"]), ("amount", "beaucoup")],
)
def test_a_claims_file_edited_into_nonsense_costs_only_itself(
    tampered: Path, tmp_path: Path, field: str, value: Any
) -> None:
    document = tampered_document(TEXTS[0], 3)
    document["money"] = [{"id": "M1", "text": "3 euros", "amount": 3, "currency": "EUR"}]
    document["claims"][0]["money"] = ["M1"]
    target = document["money"][0] if field == "amount" else document["claims"][0]
    target[field] = value
    (tampered / "a3.yaml").write_text(to_yaml([document]), encoding="utf-8")
    page = tmp_path / "r.html"
    for command in (
        ["summary", str(tampered), "-f", "json"],
        ["report", str(tampered), "-o", str(page)],
    ):
        result = CliRunner().invoke(app, command)
        assert result.exception is None or isinstance(result.exception, SystemExit)
        if field == "amount":  # not a figure: the claim is kept without it
            assert result.exit_code == 0, result.output
        else:
            assert result.exit_code == 3 and "a3.yaml: malformed claims file" in result.stderr
