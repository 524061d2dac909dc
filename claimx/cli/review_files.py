"""The claims files `claimx review` opens, and the outputs it writes from their decisions."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from claimx.cli.output import warn
from claimx.errors import InputError, NoInput

if TYPE_CHECKING:
    from claimx.review import ClaimsFile


def open_files(target: Path) -> list[ClaimsFile]:
    """The claims files under `target`, opened (each other YAML file of a folder skipped
    with a warning); decisions whose claims are gone are said."""
    from claimx import review as lib

    files = []
    for path in lib.claims_files(target, empty_ok=True):
        try:
            files.append(lib.load(path))
        except InputError as err:
            if not target.is_dir():
                raise
            warn(f"skipped: {err}")  # an export or another YAML file in the folder
    if not files:
        raise NoInput(f"{target}: no claims files to review")
    for file in files:
        if file.orphans:
            warn(
                f"{file.path}: {len(file.orphans)} decision(s) on claims a later run no longer "
                f"found, kept in {file.decisions_file}"
            )
    return files


def write_outputs(
    files: list[ClaimsFile], export: Path | None, gold: Path | None, force: bool
) -> None:
    from claimx.errors import OutputError
    from claimx.review.export import write_export
    from claimx.review.gold import write_gold

    try:
        if export is not None:
            warn(f"{write_export(files, export)} accepted claims written to {export}")
        if gold is not None:
            written = write_gold(files, gold, force)
            warn(f"{len(written)} gold files written to {gold} (claimx eval {gold})")
    except OSError as err:  # the decisions themselves are saved in the claims files
        where = err.filename or export or gold
        raise OutputError(f"{where}: cannot write ({err.strerror})") from None
