"""The README tells the truth: every shell command of its tour runs (in a copy of
`examples/`, as from a clone), its Python example runs, and its test command is the one CI
runs."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BIN = Path(sys.executable).parent


def section(title: str) -> str:
    """The README's text under `## title`, up to the next `## `."""
    start = README.index(f"\n## {title}\n")
    end = README.find("\n## ", start + 1)
    return README[start : end if end != -1 else None]


def blocks(text: str, language: str) -> list[str]:
    return re.findall(rf"```{language}\n(.*?)```", text, flags=re.S)


TOUR = [
    line.removeprefix("$ ")
    for block in blocks(section("A short tour"), "console")
    for line in block.splitlines()
    if line.startswith("$ ")
]


def test_the_tour_is_short_and_the_first_screen_says_it_all() -> None:
    assert 5 <= len(TOUR) <= 12
    first_screen = "\n".join(README.splitlines()[:24])
    assert "claims" in first_screen and "venv" in first_screen
    assert "pip install . && claimx extract" in first_screen
    assert 'pip install -e ".[dev]"' in first_screen


def test_the_readme_test_command_is_what_ci_runs() -> None:
    [command] = [b.strip() for b in blocks(section("Set-up: two commands"), "sh") if "pytest" in b]
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder holding `examples/` as a clone has it."""
    folder = tmp_path_factory.mktemp("clone")
    shutil.copytree(ROOT / "examples", folder / "examples")
    return folder


def environment() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("CLAIMX_MODEL", "LESS", "PAGER")}
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env


@pytest.mark.slow
@pytest.mark.parametrize("command", TOUR)
def test_every_tour_command_runs(clone: Path, command: str) -> None:
    """In the tour's order (batch before the commands reading its output); review, which
    needs a terminal, in a real one, quitting at once."""
    if command.startswith("claimx review"):
        pexpect = pytest.importorskip("pexpect")
        program, *args = command.split("#")[0].split()
        child = pexpect.spawn(
            program, args, cwd=str(clone), env=environment(), encoding="utf-8", timeout=120
        )
        child.expect("a accept")
        child.send("q")
        child.expect(pexpect.EOF)
        child.close()
        assert child.exitstatus == 0
        return
    done = subprocess.run(
        ["bash", "-c", f"set -o pipefail; {command}"],
        cwd=clone,
        env=environment(),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert done.returncode == 0, f"{command}\n{done.stderr}"
    assert "Traceback" not in done.stderr
    if not command.split("#")[0].rstrip().endswith(("claims", "claims.db", "report.html")):
        assert done.stdout.strip(), command  # says something on stdout


@pytest.mark.slow
def test_the_python_example_runs(tmp_path: Path) -> None:
    [example] = blocks(section("Library"), "python")
    script = tmp_path / "example.py"
    script.write_text(example, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, str(script)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "2000000000 EUR"
    assert lines[1].startswith("#1 ") and lines[1].endswith(" claims")
    assert lines[2] == "#2: empty input, nothing to analyse"
    assert lines[3].startswith("depeche.txt ")
