"""Named exit codes of the claimx command, and the one table from errors to codes."""

from __future__ import annotations

from enum import IntEnum

from claimx.errors import (
    BelowThreshold,
    Busy,
    ClaimxError,
    EngineError,
    InputError,
    ModelError,
    NoInput,
    OutputError,
    PartialFailure,
    UsageError,
)


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1  # an unexpected error
    USAGE = 2  # wrong options or arguments (also Click's own code)
    INPUT_ERROR = 3  # some input could not be read; the others were processed
    PARTIAL = 3  # the same for a batch: some files failed, the others are done
    MODEL_ERROR = 4  # the base spaCy pipeline is missing
    BELOW_THRESHOLD = 5  # `claimx eval --min` not met
    NO_INPUT = 6  # nothing to do: no article, claims or gold file in the inputs (an empty folder)
    BUSY = 7  # another claimx batch (or db) is writing to the same folder (or database)
    ENGINE = 8  # the engine a batch runs on cannot be reached (a Dask scheduler)
    OUTPUT_ERROR = 9  # an output cannot be written (read-only, disk full, not a folder)
    INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
    TERMINATED = 143  # SIGTERM (128 + 15), handled as Ctrl-C: what was done is kept


# Most specific first: the first class an error is an instance of gives its code.
EXIT_CODES: tuple[tuple[type[ClaimxError], ExitCode], ...] = (
    (UsageError, ExitCode.USAGE),
    (InputError, ExitCode.INPUT_ERROR),
    (NoInput, ExitCode.NO_INPUT),
    (Busy, ExitCode.BUSY),
    (EngineError, ExitCode.ENGINE),
    (OutputError, ExitCode.OUTPUT_ERROR),
    (PartialFailure, ExitCode.PARTIAL),
    (ModelError, ExitCode.MODEL_ERROR),
    (BelowThreshold, ExitCode.BELOW_THRESHOLD),
    (ClaimxError, ExitCode.FAILURE),
)


def exit_code(error: ClaimxError) -> ExitCode:
    """The exit code of a claimx error."""
    return next(code for kind, code in EXIT_CODES if isinstance(error, kind))
