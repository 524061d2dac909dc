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
    their own names, each free of every other (`output_names`). An input given twice is
    read once. Nothing under `output` is an input. Raise InputError for an input that
    does not exist.
    """
    paths = _distinct(inputs)
    globs, excludes = list(globs), list(excludes)
    found: list[InputFile] = []
    ignored: list[str] = []
    names = output_names([path for _, path in paths]) if len(paths) > 1 else None
    skip = output.resolve() if output is not None else None
    for number, (given, path) in enumerate(paths):
        name = names[number] if names is not None else path.name
        if path.is_file():
            found.append(InputFile(str(path), given, name))
            continue
        prefix = name + "/" if names is not None else ""
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


def output_names(paths: list[Path]) -> list[str]:
    """The names in the output tree of several inputs: each its own name, or for a second
    input of one name that name with a number, `news-3` for a folder, `f-2.md` for a file
    (its extension kept, so that its format is read). No name is another's, ignoring case
    (a shared folder on SMB or a Mac holds `News` and `news` as one), nor one an input
    bears itself (`a/news b/news c/news-2` give `news`, `news-3`, `news-2`)."""
    natural = [path.name if path.is_file() else _safe_name(path) for path in paths]
    taken = {name.casefold() for name in natural}
    given: set[str] = set()
    names: list[str] = []
    for path, name in zip(paths, natural, strict=True):
        if name.casefold() in given:
            stem, suffix = (Path(name).stem, Path(name).suffix) if path.is_file() else (name, "")
            number = 2
            while f"{stem}-{number}{suffix}".casefold() in taken:
                number += 1
            name = f"{stem}-{number}{suffix}"
            taken.add(name.casefold())
        given.add(name.casefold())
        names.append(name)
    return names


def renamed(inputs: Iterable[str]) -> list[tuple[str, str]]:
    """(input as given, its name in the output tree) for each input `discover` renames."""
    paths = _distinct(inputs)
    if len(paths) < 2:
        return []
    names = output_names([path for _, path in paths])
    return [
        (given, name)
        for (given, path), name in zip(paths, names, strict=True)
        if name != (path.name if path.is_file() else _safe_name(path))
    ]


def _distinct(inputs: Iterable[str]) -> list[tuple[str, Path]]:
    """The inputs as given and as paths, each once (`news` and `news/` are one)."""
    seen: set[Path] = set()
    paths: list[tuple[str, Path]] = []
    for given in inputs:
        path = Path(given)
        if not path.exists():
            raise InputError(f"{given}: no such file or folder")
        if path.resolve() not in seen:
            seen.add(path.resolve())
            paths.append((given, path))
    return paths


def _matches(rel: str, pattern: str) -> bool:
    return fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel.rsplit("/", 1)[-1], pattern)


def _safe_name(path: Path) -> str:
    name = path.resolve().name
    return name or "root"
