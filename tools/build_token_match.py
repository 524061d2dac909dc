"""Rebuild `models/fr_token_match.json`: spaCy's French TOKEN_MATCH, regrouped to compile fast.

spaCy's French tokenizer matches hyphenated and elided words with one regular expression
of 266 alternatives, each repeating a 1 to 3 KB Unicode character class
(`spacy/lang/fr/tokenizer_exceptions.py`). Python spends 2 s or more compiling it on every
load. The alternatives share a handful of leading and trailing class sequences, so
`^L(?:c1|c2|…)T$` replaces `^Lc1T$|^Lc2T$|…` with the same language: 4 alternatives and
a dozen classes, which compile in tens of milliseconds.

Run by hand after a spaCy upgrade (it imports spaCy's module, paying the slow compile
once): `python tools/build_token_match.py`. tests/test_token_match.py checks the result
against the stock expression over the model's vocabulary and spaCy's exception word list.
"""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import spacy.lang.fr.tokenizer_exceptions as fr_exceptions
from spacy import about
from spacy.lang.char_classes import ALPHA, ALPHA_LOWER

OUT = Path(__file__).resolve().parent.parent / "models" / "fr_token_match.json"
# The two large classes, swapped for one-character placeholders while regrouping.
PLACEHOLDERS = [(ALPHA_LOWER, "\x01"), (ALPHA, "\x02")]
LARGE_CLASS = re.compile(r"\[[^\]\x01\x02]*[\x01\x02][^\]]*\][+*?]?")


def shorten(pattern: str) -> str:
    for long_text, mark in PLACEHOLDERS:
        pattern = pattern.replace(long_text, mark)
    return pattern


def expand(pattern: str) -> str:
    for long_text, mark in PLACEHOLDERS:
        pattern = pattern.replace(mark, long_text)
    return pattern


def regroup(alternatives: list[str]) -> str:
    """Group `^lead core trail$` alternatives by (lead, trail): large classes at the ends."""
    groups: dict[tuple[str, str], list[str]] = {}
    for alternative in alternatives:
        short = shorten(alternative)
        if not (short.startswith("^") and short.endswith("$")):
            raise SystemExit(f"unexpected alternative (not anchored): {alternative[:80]}")
        body = short[1:-1]
        classes = list(LARGE_CLASS.finditer(body))
        lead = 0
        for m in classes:
            if m.start() != lead:
                break
            lead = m.end()
        trail = len(body)
        for m in reversed(classes):
            if m.end() != trail:
                break
            trail = m.start()
        core = body[lead:trail]
        if "\x01" in core or "\x02" in core:
            raise SystemExit(f"a large class inside the core, cannot regroup: {alternative[:80]}")
        groups.setdefault((body[:lead], body[trail:]), []).append(core)
    parts = [f"^{lead}(?:{'|'.join(cores)}){trail}$" for (lead, trail), cores in groups.items()]
    return "(?iu)" + "|".join(f"(?:{expand(p)})" for p in parts)


def main() -> None:
    stock = fr_exceptions.TOKEN_MATCH.__self__.pattern  # type: ignore[attr-defined]
    if stock != "(?iu)" + "|".join(f"(?:{m})" for m in fr_exceptions._regular_exp):
        raise SystemExit("spaCy builds TOKEN_MATCH differently now; update this script")
    fast = regroup(list(fr_exceptions._regular_exp))
    data = {
        "version": 1,
        "provenance": (
            "Derived by tools/build_token_match.py from TOKEN_MATCH in spaCy "
            f"{about.__version__} spacy/lang/fr/tokenizer_exceptions.py (MIT licence, "
            "Explosion AI): the same alternatives, grouped by their leading and trailing "
            "character classes. Used only when the loaded model's pattern has the sha256 below."
        ),
        "spacy": about.__version__,
        "replaces_sha256": hashlib.sha256(stock.encode("utf-8")).hexdigest(),
        "replaces_length": len(stock),
        "pattern": fast,
    }
    OUT.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(stock)} -> {len(fast)} characters")


if __name__ == "__main__":
    main()
