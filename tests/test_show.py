"""`claimx show` as a journalist first meets it: every claim's text and source readable at 80
columns, piped through `cat`, and in a real terminal; folders of articles; the pager leaving
its output on the screen; `--format yaml|json`."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
import yaml
from spacy.language import Language
from typer.testing import CliRunner

from claimx.cli import app
from claimx.cli.exit_codes import ExitCode
from claimx.render import claim_record

CLAIMX = str(Path(sys.executable).with_name("claimx"))
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
# The longest example: the most claims, money and sources to fit in 80 columns.
ARTICLE = EXAMPLES / "datacenter-investment.txt"


@pytest.fixture(scope="module")
def claims_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A claims file as `claimx extract ARTICLE > FILE` writes it."""
    folder = tmp_path_factory.mktemp("claims")
    result = CliRunner().invoke(app, ["extract", str(ARTICLE)])
    assert result.exit_code == 0, result.output
    path = folder / "datacenter-investment.txt.yaml"
    path.write_text(result.stdout, encoding="utf-8")
    return path


def document_of(path: Path) -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return document


def table_rows(output: str) -> list[dict[str, str]]:
    """The claims table of `show`'s output, cut into its columns by the header's places;
    each cell's wrapped lines joined."""
    lines = output.splitlines()
    header = next(n for n, line in enumerate(lines) if " claim " in line and "source" in line)
    heading = f" {lines[header]} "  # a terminal's screen has no trailing spaces
    names = heading.split()
    starts = [heading.index(f" {name} ") for name in names]
    rows: list[dict[str, str]] = []
    current: dict[str, list[str]] = {}
    for line in lines[header + 2 :]:
        if " claims, " in line and "reviewed" in line:
            break
        if not line.strip():
            if current:
                rows.append({k: " ".join(v) for k, v in current.items()})
            current = {}
            continue
        for name, start, end in zip(names, starts, [*starts[1:], None], strict=True):
            piece = line[start:end].strip()
            if piece:
                current.setdefault(name, []).append(piece)
    if current:
        rows.append({k: " ".join(v) for k, v in current.items()})
    return rows


def assert_every_claim_shown(output: str, document: dict[str, Any]) -> None:
    """Each claim's whole text and source are in its row (wrapping aside)."""
    rows = table_rows(output)
    claims = document["claims"]
    assert len(rows) == len(claims) > 3
    squeeze = "".join
    for row, claim in zip(rows, claims, strict=True):
        record = claim_record(document, claim)
        assert squeeze(row["claim"].split()) == squeeze(record["text"].split()), row
        assert squeeze(row.get("source", "").split()) == squeeze((record["source"] or "").split())


@pytest.mark.parametrize("columns", [60, 80, 120])
def test_every_claim_and_source_at_any_width(claims_file: Path, columns: int) -> None:
    result = CliRunner().invoke(
        app, ["show", "--no-color", str(claims_file)], env={"COLUMNS": str(columns)}
    )
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= columns
    assert_every_claim_shown(result.stdout, document_of(claims_file))


def test_ids_only_where_asked(claims_file: Path) -> None:
    document = document_of(claims_file)
    plain = CliRunner().invoke(app, ["show", "--no-color", str(claims_file)], env={"COLUMNS": "80"})
    assert not any(c["id"] in plain.stdout for c in document["claims"])
    with_ids = CliRunner().invoke(
        app, ["show", "--no-color", "--ids", str(claims_file)], env={"COLUMNS": "120"}
    )
    rows = table_rows(with_ids.stdout)
    assert ["".join(r["id"].split()) for r in rows] == [c["id"] for c in document["claims"]]


@pytest.mark.slow
@pytest.mark.parametrize("columns", [None, "100"])
def test_piped_through_cat(claims_file: Path, columns: str | None) -> None:
    """Off a terminal: no forced width (COLUMNS when set, else 80), no colour codes."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
    if columns:
        env["COLUMNS"] = columns
    done = subprocess.run(
        f"{CLAIMX} show {claims_file} | cat",
        shell=True,
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        check=True,
        timeout=120,
    )
    width = max(len(line) for line in done.stdout.splitlines())
    assert width == int(columns or 80)
    assert "\x1b[" not in done.stdout
    assert_every_claim_shown(done.stdout, document_of(claims_file))


def tmux(*args: str) -> str:
    env = {k: v for k, v in os.environ.items() if k != "TMUX"}  # run inside tmux too
    return subprocess.run(
        ["tmux", *args], capture_output=True, text=True, check=True, env=env
    ).stdout


def wait_for(terminal: Any, text: str, seconds: float = 60) -> str:
    """The screen and its history, once `text` is on it."""
    server, session = terminal
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        screen = tmux(*server, "capture-pane", "-p", "-t", session, "-S", "-", "-E", "-")
        if text in screen:
            return screen
        time.sleep(0.2)
    raise AssertionError(f"{text!r} never appeared:\n{screen}")


@pytest.fixture
def terminal() -> Any:
    """A tmux server of our own with an 80x24 window (its target); killed afterwards."""
    if shutil.which("tmux") is None:
        pytest.skip("tmux is not installed")
    socket = f"claimx-test-{os.getpid()}-{time.monotonic_ns()}"
    tmux("-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "show", "-x", "80", "-y", "24")
    try:
        yield ["-L", socket], "show"
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], check=False)


@pytest.mark.slow
def test_in_a_real_terminal_at_80x24(claims_file: Path, terminal: Any) -> None:
    server, session = terminal
    tmux(
        *server,
        "send-keys",
        "-t",
        session,
        f"unset LESS PAGER; {CLAIMX} show --no-pager {claims_file}; echo FINI",
        "Enter",
    )
    screen = wait_for(terminal, "\nFINI")
    assert max(len(line.rstrip()) for line in screen.splitlines()) <= 80
    shown = screen[screen.index("legend:") :]
    assert_every_claim_shown(shown, document_of(claims_file))


@pytest.mark.slow
def test_the_pager_leaves_the_output_on_the_screen(claims_file: Path, terminal: Any) -> None:
    """Paged (longer than 24 lines), colours on; after `q` the text is still there."""
    server, session = terminal
    command = f"unset LESS PAGER; {CLAIMX} show {claims_file}"
    tmux(*server, "send-keys", "-t", session, command, "Enter")
    wait_for(terminal, "legend")
    tmux(*server, "send-keys", "-t", session, "q")
    tmux(*server, "send-keys", "-t", session, "echo FINI", "Enter")
    screen = wait_for(terminal, "\nFINI")
    assert "legend" in screen  # less -X: no alternate screen, nothing wiped


def test_a_folder_of_articles_is_extracted(nlp: Language) -> None:
    result = CliRunner().invoke(app, ["show", "--no-color", "--no-pager", str(EXAMPLES)])
    assert result.exit_code == 0, result.output
    for article in sorted(EXAMPLES.glob("*.txt")):
        assert str(article) in result.stdout
    assert result.stdout.count(" claims, ") == 3
    assert "not a claims file" not in result.output  # the gold files are not read as claims


@pytest.mark.parametrize("command", [["summary"], ["report", "-o", "{out}/r.html"]])
def test_summary_and_report_take_a_folder_of_articles(
    nlp: Language, tmp_path: Path, command: list[str]
) -> None:
    args = [a.replace("{out}", str(tmp_path)) for a in command]
    result = CliRunner().invoke(app, [args[0], str(EXAMPLES), *args[1:]])
    assert result.exit_code == 0, result.output
    if args[0] == "report":
        assert (tmp_path / "r.html").read_text(encoding="utf-8").count("<table") >= 3
    else:
        assert result.stdout.startswith("3 articles")


@pytest.mark.parametrize("output_format", ["yaml", "json"])
def test_formats_give_the_selected_claims(claims_file: Path, output_format: str) -> None:
    document = document_of(claims_file)
    result = CliRunner().invoke(
        app, ["show", str(claims_file), "--only", "money", "--format", output_format]
    )
    assert result.exit_code == 0, result.output
    data = (  # a YAML document per article; a JSON array
        list(yaml.safe_load_all(result.stdout))
        if output_format == "yaml"
        else json.loads(result.stdout)
    )
    [article] = data
    expected = [c["id"] for c in document["claims"] if c.get("money") or c.get("percentages")]
    assert [c["id"] for c in article["claims"]] == expected and expected
    assert article["file"] == str(claims_file)
    assert all(c["money"] for c in article["claims"])
    if output_format == "yaml":
        assert "\\u" not in result.stdout and "é" in result.stdout  # Unicode unescaped


def test_file_text_is_never_markup(tmp_path: Path, nlp: Language) -> None:
    article = tmp_path / "[bold]titre[red].txt"
    article.write_text(
        "Selon Reuters, [red]Nvidia[/red] aurait vendu des puces.\n", encoding="utf-8"
    )
    result = CliRunner().invoke(app, ["show", "--no-color", str(article)], env={"COLUMNS": "300"})
    assert result.exit_code == 0, result.output
    assert f"{article}\n" in result.stdout and "[red]" in result.stdout


@pytest.mark.parametrize(
    "command",
    [
        ["show", "{empty}"],
        ["summary", "{empty}"],
        ["report", "{empty}", "-o", "{tmp}/r.html"],
        ["review", "{empty}"],
        ["eval", "{empty}"],
        ["db", "{empty}", "{tmp}/c.db"],
        ["batch", "{empty}", "-o", "{tmp}/out"],
    ],
    ids=lambda c: c[0],
)
def test_nothing_to_do_exits_6_everywhere(tmp_path: Path, command: list[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    args = [a.replace("{empty}", str(empty)).replace("{tmp}", str(tmp_path)) for a in command]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == ExitCode.NO_INPUT, result.output
    assert result.stderr.startswith("claimx: ") and "Traceback" not in result.output


@pytest.mark.parametrize(
    ("less", "expected"),
    [
        (None, "FRX"),
        ("-i", "-i -R"),
        ("-FRX", "-FRX"),
        ("--RAW-CONTROL-CHARS", "--RAW-CONTROL-CHARS"),
    ],
)
def test_the_pager_options(
    monkeypatch: pytest.MonkeyPatch, less: str | None, expected: str
) -> None:
    import pydoc

    from claimx.cli import show

    monkeypatch.setattr(pydoc, "pager", lambda text: None)
    if less is None:
        monkeypatch.delenv("LESS", raising=False)
    else:
        monkeypatch.setenv("LESS", less)
    show._page("ligne\n" * 50, height=24)
    assert os.environ["LESS"] == expected
