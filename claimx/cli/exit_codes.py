"""Named exit codes of the claimx command."""

from enum import IntEnum


class ExitCode(IntEnum):
    OK = 0
    FAILURE = 1  # an unexpected error
    USAGE = 2  # wrong options or arguments (also Click's own code)
    INPUT_ERROR = 3  # some input could not be read; the others were processed
    PARTIAL = 3  # the same for a batch: some files failed, the others are done
    MODEL_ERROR = 4  # the base spaCy pipeline is missing
    BELOW_THRESHOLD = 5  # `claimx eval --min` not met
    INTERRUPTED = 130  # Ctrl-C
