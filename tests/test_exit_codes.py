"""One error, one exit code, whichever command meets it (the table in cli/exit_codes.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimx.cli import app
from claimx.cli.exit_codes import EXIT_CODES, ExitCode, exit_code
from claimx.errors import (
    BelowThreshold,
    Busy,
    ClaimxError,
    EngineError,
    GoldError,
    InputError,
    ModelError,
    NoInput,
    OutputError,
    PartialFailure,
    UsageError,
)
from tests.conftest import GOLD_DIR

ARTICLE = str(sorted(GOLD_DIR.glob("*.txt"))[0])
GOLD = str(sorted(GOLD_DIR.glob("*.gold.yaml"))[0])
MISSING = "/nonexistent/claimx-test/article.txt"


@pytest.mark.parametrize(
    ("error", "code"),
    [
        (UsageError("x"), ExitCode.USAGE),
        (InputError("x"), ExitCode.INPUT_ERROR),
        (GoldError("x"), ExitCode.INPUT_ERROR),
        (PartialFailure(), ExitCode.PARTIAL),
        (ModelError("x"), ExitCode.MODEL_ERROR),
        (BelowThreshold("x"), ExitCode.BELOW_THRESHOLD),
        (NoInput("x"), ExitCode.NO_INPUT),
        (Busy("x"), ExitCode.BUSY),
        (EngineError("x"), ExitCode.ENGINE),
        (OutputError("x"), ExitCode.OUTPUT_ERROR),
        (ClaimxError("x"), ExitCode.FAILURE),
    ],
)
def test_the_table_maps_each_error(error: ClaimxError, code: ExitCode) -> None:
    assert exit_code(error) == code


def test_the_table_lists_the_most_specific_error_first() -> None:
    kinds = [kind for kind, _ in EXIT_CODES]
    for i, kind in enumerate(kinds):
        assert not any(issubclass(later, kind) for later in kinds[i + 1 :] if later is not kind)


def _invoke(args: list[str], tmp_path: Path) -> tuple[int, str]:
    result = CliRunner().invoke(app, [a.replace("OUT", str(tmp_path / "out")) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result.exit_code, result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["extract", MISSING],
        ["batch", MISSING, "-o", "OUT", "-j", "1"],
        ["show", MISSING],
        ["review", MISSING],
        ["eval", MISSING],
    ],
    ids=lambda a: a[0],
)
def test_a_missing_input_is_an_input_error_everywhere(args: list[str], tmp_path: Path) -> None:
    code, stderr = _invoke(args, tmp_path)
    assert code == ExitCode.INPUT_ERROR
    assert len(stderr.strip().splitlines()) >= 1 and "Traceback" not in stderr


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "--model", "no_such_model_xx", ARTICLE],
        ["batch", ARTICLE, "-o", "OUT", "-j", "1", "--model", "no_such_model_xx"],
        ["show", "--model", "no_such_model_xx", ARTICLE],
        ["eval", GOLD, "--model", "no_such_model_xx"],
    ],
    ids=lambda a: a[0],
)
def test_a_missing_model_is_a_model_error_everywhere(args: list[str], tmp_path: Path) -> None:
    code, stderr = _invoke(args, tmp_path)
    assert code == ExitCode.MODEL_ERROR
    assert "no_such_model_xx" in stderr and "Traceback" not in stderr


@pytest.mark.parametrize(
    "args",
    [
        ["extract", "-", "-"],
        ["batch", ARTICLE],
        ["show", "--only", "nothing", ARTICLE],
        ["eval", GOLD, "--min", "nothing=1"],
    ],
    ids=lambda a: a[0],
)
def test_a_usage_error_is_a_usage_error_everywhere(args: list[str], tmp_path: Path) -> None:
    code, stderr = _invoke(args, tmp_path)
    assert code == ExitCode.USAGE
    assert stderr.strip().count("\n") == 0 and stderr.startswith("claimx: ")
