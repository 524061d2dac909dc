"""Exceptions of the claimx library; the CLI turns them into messages and exit codes."""


class ClaimxError(Exception):
    """Base class of claimx errors; the message is one line for the user."""


class InputError(ClaimxError):
    """An article that cannot be read: missing, empty, binary or undecodable."""


class ModelError(ClaimxError):
    """The base spaCy pipeline is not installed or cannot be loaded."""


class GoldError(ClaimxError):
    """A gold annotation file that does not follow the gold format."""
