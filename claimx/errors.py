"""Exceptions of the claimx library; the CLI turns each into a message and an exit code
(one table: `claimx.cli.exit_codes.EXIT_CODES`)."""


class ClaimxError(Exception):
    """Base class of claimx errors; the message is one line for the user."""


class UsageError(ClaimxError):
    """Options or arguments that do not fit together."""


class InputError(ClaimxError):
    """An article that cannot be read: missing, empty, binary or undecodable."""


class GoldError(InputError):
    """A gold annotation file that does not follow the gold format."""


class Busy(ClaimxError):
    """Another claimx process is writing to the same output folder or database."""


class NoInput(ClaimxError):
    """Nothing to do: the inputs hold no article, claims file or gold file (an empty
    folder, a glob matching nothing)."""


class PartialFailure(ClaimxError):
    """Some inputs failed, each already reported on its own line (so no message of its
    own); the others were processed."""


class OutputError(ClaimxError):
    """An output that cannot be written: a read-only or full disk, a folder that is a file."""


class EngineError(ClaimxError):
    """The engine a batch runs on cannot be reached (a Dask scheduler down, say)."""


class ModelError(ClaimxError):
    """The base spaCy pipeline is not installed or cannot be loaded."""


class BelowThreshold(ClaimxError):
    """`claimx eval --min`: a score is below its threshold."""


class Terminated(KeyboardInterrupt):
    """SIGTERM, raised by the command line's handler where Ctrl-C would raise
    KeyboardInterrupt, and handled as it is (what was done is kept), with its own exit
    code. Not a ClaimxError: no `except Exception` on the way may swallow it."""
