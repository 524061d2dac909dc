"""Score claimx on tests/shapes/shapes.yaml: reported-speech shapes of the French press,
written and annotated by someone who had not seen claimx (tests/shapes/README.md).

Split like the real news: odd ids are the *read* half (misses may be read while working),
even ids the *check* half (misses never read), so that the check half says whether a
change generalizes.

    python tools/shapes.py              # pass rates by half and family
    python tools/shapes.py --detail     # and the misses of the read half
"""

from __future__ import annotations

import argparse
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language

from claimx.api import cached_pipeline
from claimx.claims import doc_claims
from claimx.text import fold

ARTICLES = {"le", "la", "les", "l'", "un", "une", "des"}
SHAPES = Path(__file__).resolve().parent.parent / "tests" / "shapes" / "shapes.yaml"


@dataclass(frozen=True)
class Outcome:
    """One item's result: passed, and what claimx said about the evidence."""

    item: dict[str, Any]
    passed: bool
    found: list[tuple[str, str, str]]  # (kind, source, cue) of attributions over the evidence

    @property
    def read_half(self) -> bool:
        return int(str(self.item["id"]).lstrip("s")) % 2 == 1


def load_shapes(path: Path = SHAPES) -> list[dict[str, Any]]:
    """The annotated items."""
    return list(yaml.safe_load(path.read_text(encoding="utf-8")))


def same_source(expected: str, found: str) -> bool:
    """A found source names the expected one: equal, or one holds the other ("Telvia" in
    "un porte-parole de Telvia", "Cour des comptes" in "Cour des comptes européenne")."""
    a, b = _bare(expected), _bare(found)
    return bool(a and b) and (a == b or a in b or b in a)


def _bare(name: str) -> str:
    """A name folded, without a leading article ("Le parquet fédéral" -> "parquet federal")."""
    words = fold(name).replace("'", "' ").split()
    while words and words[0] in ARTICLES:
        words = words[1:]
    return " ".join(words)


def judge(nlp: Language, item: dict[str, Any]) -> Outcome:
    """Run claimx on one item and compare with its annotation."""
    text, evidence = item["text"], item["evidence"]
    at = text.index(evidence)
    # What is said starts after its "que" (the output contract): "qu'il s'agisse" -> "il …"
    bare = re.sub(r"^(?:que\s+|qu['’])", "", evidence, flags=re.IGNORECASE)
    at, evidence = at + len(evidence) - len(bare), bare
    body = doc_claims(nlp(text))
    names = {a.id: a.name for a in body.actors}
    found: list[tuple[str, str, str]] = []
    for claim in body.claims:
        a = claim.attribution
        if a is None or not (claim.start <= at and at + len(evidence) <= claim.end):
            continue
        found.append((a.kind, names.get(a.source or "", a.source_text or ""), a.cue.text))
    if item["source"] is None:
        return Outcome(item, not found, found)
    passed = any(same_source(item["source"], source) for _, source, _ in found)
    return Outcome(item, passed, found)


def report(outcomes: list[Outcome]) -> list[str]:
    """Pass rates by half and by family."""
    lines = []
    for label, keep in (("all", None), ("read (odd)", True), ("check (even)", False)):
        part = [o for o in outcomes if keep is None or o.read_half == keep]
        rate = sum(o.passed for o in part) / len(part)
        lines.append(f"{label:<14} {rate:6.1%} of {len(part)}")
    families: dict[str, list[Outcome]] = defaultdict(list)
    for o in outcomes:
        families[o.item["family"]].append(o)
    for family, part in families.items():
        lines.append(f"  {family:<16} {sum(o.passed for o in part):3d} / {len(part)}")
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detail", action="store_true", help="misses of the read half")
    args = parser.parse_args()
    nlp = cached_pipeline(None)
    outcomes = [judge(nlp, item) for item in load_shapes()]
    print("\n".join(report(outcomes)))
    if args.detail:
        for o in outcomes:
            if o.read_half and not o.passed:
                print(f"\n{o.item['id']} {o.item['family']}: want {o.item['source']!r}")
                print(f"  {o.item['text']}")
                print(f"  found: {o.found}")


if __name__ == "__main__":
    main()
