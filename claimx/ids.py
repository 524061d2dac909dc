"""Stable, readable ids (output format 2): derived from what an item is, not from its place
in the article, so that a sentence added at the top changes no other id and a claims file
diffs well. "Jensen Huang" is `jensen-huang`, the chip H20 `h20`, the money "4 milliards
d'euros" `m-4-milliards-d-euros`, a claim `c-` and its first words; a second item of the
same name takes `-2`, in text order."""

from __future__ import annotations

import re

from claimx.text import fold

WORDS = 6  # words of a text kept in its id
LIMIT = 40  # characters
_WORD = re.compile(r"[a-z0-9]+")


_PREFIX = 200  # characters of a text that almost always hold its first WORDS words


def slug(text: str) -> str:
    """Lower case, unaccented, words joined by hyphens: "L'Élysée" → "l-elysee"."""
    words = _WORD.findall(fold(text[:_PREFIX]))
    if len(words) <= WORDS and len(text) > _PREFIX:
        words = _WORD.findall(fold(text))  # the prefix may end inside one of them
    kept: list[str] = []
    length = -1  # of the kept words joined by hyphens, once one is kept
    for word in words[:WORDS]:
        if kept and length + 1 + len(word) > LIMIT:
            break  # whole words only
        kept.append(word[:LIMIT])
        length += 1 + len(kept[-1])
    return "-".join(kept)


class IdMaker:
    """Ids for one list of an article, unique within it."""

    def __init__(self, prefix: str = "", fallback: str = "item") -> None:
        self.prefix = prefix
        self.fallback = fallback
        self.used: set[str] = set()

    def make(self, text: str) -> str:
        base = self.prefix + (slug(text) or self.fallback)
        candidate, number = base, 1
        while candidate in self.used:
            number += 1
            candidate = f"{base}-{number}"
        self.used.add(candidate)
        return candidate


def identity_table(data: dict[str, object]) -> dict[str, str]:
    """Folded actor name or alias → Wikidata id, from the data of models/wikidata.yaml."""
    entries = data["actors"]
    assert isinstance(entries, list)
    return {
        fold(name): entry["id"]
        for entry in entries
        for name in [entry["name"], *entry.get("aliases", [])]
    }
