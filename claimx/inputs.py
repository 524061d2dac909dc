"""Finding the input files of a batch or a summary: folders walked, globs and exclusions
applied."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimx.errors import InputError
from claimx.formats import FORMATS


@dataclass(frozen=True)
class InputFile:
    """A file to read: where it is, how it was given, its place in the output tree."""

    path: str
    source: str
    rel: str


def discover(
    inputs: Iterable[str],
    globs: Iterable[str] = (),
    excludes: Iterable[str] = (),
    output: Path | None = None,
) -> tuple[list[InputFile], list[str]]:
    """The files to read under `inputs`, and those ignored (other extensions, hidden).

    One folder mirrors its tree into the output; several inputs are kept apart under
    their own names ("news", "news-2" for a second folder of that name). Nothing under
    `output` is an input. Raise InputError for an input that does not exist.
    """
    inputs = list(inputs)
    globs, excludes = list(globs), list(excludes)
    found: list[InputFile] = []
    ignored: list[str] = []
    names: dict[str, int] = {}
    skip = output.resolve() if output is not None else None
    for given in inputs:
        path = Path(given)
        if not path.exists():
            raise InputError(f"{given}: no such file or folder")
        name = path.name if path.is_file() else _safe_name(path)
        if len(inputs) > 1:
            names[name] = names.get(name, 0) + 1
            name = name if names[name] == 1 else f"{name}-{names[name]}"
        if path.is_file():
            found.append(InputFile(str(path), given, name))
            continue
        prefix = name + "/" if len(inputs) > 1 else ""
        for file in sorted(p for p in path.rglob("*") if p.is_file()):
            if skip is not None and file.resolve().is_relative_to(skip):
                continue  # the output folder inside an input: its files are ours
            rel = file.relative_to(path).as_posix()
            if any(part.startswith(".") for part in file.relative_to(path).parts):
                continue  # hidden files and folders, our own temporary files
            if globs and not any(_matches(rel, g) for g in globs):
                continue
            if any(_matches(rel, e) for e in excludes):
                continue
            if not globs and file.suffix.lower() not in FORMATS:
                ignored.append(str(file))
                continue
            found.append(InputFile(str(file), str(file), prefix + rel))
    return found, ignored


def _matches(rel: str, pattern: str) -> bool:
    return fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel.rsplit("/", 1)[-1], pattern)


def _safe_name(path: Path) -> str:
    name = path.resolve().name
    return name or "root"
