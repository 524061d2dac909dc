"""Record or check claimx's golden outputs: the YAML of every article of our gold sets.

The golden files pin claimx's exact output so that a change of structure is shown to
change nothing (`tests/test_golden.py`). Our own articles (`tests/gold`, `tests/heldout`)
keep their whole YAML in `tests/golden/`; articles owned by others (`../shared`) keep only
the sha256 of their YAML in `tests/golden/shared.sha256`, never their text.

After a change that is meant to change the output, record anew and read the diff:
`python tools/golden.py` (add `--check` to compare only).
"""

from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "golden"
SHARED = ROOT.parent / "shared"
OWN = ("examples", "tests/gold", "tests/heldout")
OTHERS = ("examples", "realnews/fr")


def own_articles() -> Iterator[tuple[str, Path]]:
    """(name, path) of our own articles, the name relative to the repository."""
    for folder in OWN:
        for path in sorted((ROOT / folder).glob("*.txt")):
            yield f"{folder}/{path.name}", path


def shared_articles() -> Iterator[tuple[str, Path]]:
    """(name, path) of the articles in ../shared, the name relative to it."""
    for folder in OTHERS:
        for path in sorted((SHARED / folder).glob("*.txt")):
            yield f"{folder}/{path.name}", path


def render(name: str, path: Path) -> str:
    """claimx's YAML for one article, its source written as `name`."""
    from dataclasses import replace

    from claimx.api import cached_pipeline, extract
    from claimx.articles import read_article
    from claimx.store.serialize import to_yaml

    article = replace(read_article(str(path)), source=name)
    return to_yaml([extract(article, cached_pipeline(None)).to_dict()])


def golden_name(name: str) -> str:
    return name.replace("/", "__").removesuffix(".txt") + ".yaml"


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_digests() -> dict[str, str]:
    path = GOLDEN / "shared.sha256"
    if not path.is_file():
        return {}
    rows = (line.split() for line in path.read_text(encoding="utf-8").splitlines())
    return {name: value for value, name in rows}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    args = parser.parse_args(argv)
    changed: list[str] = []
    for name, path in own_articles():
        target = GOLDEN / golden_name(name)
        text = render(name, path)
        if not target.is_file() or target.read_text(encoding="utf-8") != text:
            changed.append(name)
            if not args.check:
                target.write_text(text, encoding="utf-8")
    if SHARED.is_dir():
        old = read_digests()
        new = {name: digest(render(name, path)) for name, path in shared_articles()}
        changed += sorted(n for n in new if old.get(n) != new[n])
        if not args.check:
            lines = [f"{value}  {name}\n" for name, value in sorted(new.items())]
            (GOLDEN / "shared.sha256").write_text("".join(lines), encoding="utf-8")
    for name in changed:
        print(("differs: " if args.check else "recorded: ") + name)
    return 1 if args.check and changed else 0


if __name__ == "__main__":
    sys.exit(main())
