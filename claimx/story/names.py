"""Known names said in a claim's text: the actors of the gazetteer (models/actors.yaml),
each as the actor key the articles give it, a capital as its country's ("Pékin a instauré
des licences" tells of China). A name is one unit of an event even where the extractor did
not make it one of the claim's actors (a relative clause, a capital acting: "celle de
Pékin, qui a instauré ..."). A country's own name is not taken (mostly a place: "vers la
Chine", "en France"), nor a capital after a place preposition ("à Pékin")."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from functools import cache, lru_cache

from claimx.resources import load_yaml
from claimx.story.records import ActorRef, actor_ref, settings
from claimx.text import fold

_SECTIONS = (("media", "media"), ("governments", "government"), ("organizations", "organization"))
_WORD = re.compile(r"\w+")

Forms = dict[str, list[tuple[tuple[str, ...], ActorRef, bool]]]  # words, actor, a capital


@cache
def known_forms() -> Forms:
    """First word of a name as written → the name's words and its actor, longest first."""
    data = load_yaml("actors.yaml")
    countries = {c: actor_ref({"name": c, "kind": "country"}) for c in data["countries"]}
    forms: Forms = defaultdict(list)
    for section, kind in _SECTIONS:
        for entry in data[section]:
            actor = actor_ref({"name": entry["name"], "kind": kind})
            city = bool(entry.get("city")) and entry.get("country") in countries
            if city:
                actor = countries[entry["country"]]  # a capital stands for its country
            for form in (entry["name"], *(entry.get("aliases") or [])):
                for written in _written(form):
                    words = tuple(_WORD.findall(written))
                    if words:
                        forms[words[0]].append((words, actor, city))
    for candidates in forms.values():
        candidates.sort(key=lambda item: -len(item[0]))
    return dict(forms)


def _written(form: str) -> set[str]:
    """A name as the press writes it: as it is, opening a sentence ("La Commission"), its
    capitals unaccented ("Etats-Unis")."""
    forms = {form, form[:1].upper() + form[1:]}
    return forms | {"".join(unicodedata.normalize("NFD", c)[0] if c.isupper() else c for c in f)
                    for f in forms}  # fmt: skip


@cache
def _place_words() -> tuple[frozenset[str], frozenset[str]]:
    """The place prepositions and the owner pronouns (models/story.yaml), folded."""
    config = settings()
    places = frozenset(fold(w) for w in config["place_words"])
    return places, frozenset(fold(w) for w in config["owner_words"])


def _place(words: list[str], n: int) -> bool:
    """Whether the capital at `words[n]` is a place: after a preposition ("à Pékin", "la
    Bourse de Paris"), unless a pronoun before it makes it an owner ("celle de Pékin")."""
    places, owners = _place_words()
    before = fold(words[n - 1]) if n else ""
    return before in places and not (
        before in ("de", "d") and n > 1 and fold(words[n - 2]) in owners
    )


@lru_cache(maxsize=1 << 16)  # a wire's sentences come back verbatim
def named_in(text: str) -> tuple[tuple[str, ActorRef], ...]:
    """The known actors a text names, in order, with the name as written ("Pékin" for
    China); a name matched with its case ("Orange" the company, not "orange"), the longest
    where two overlap ("la Commission nationale de l'informatique": the Cnil), none before
    a number (an index: "CAC 40")."""
    table = known_forms()
    words = _WORD.findall(text)
    spans = [
        (n, n + len(name), actor)
        for n, word in enumerate(words)
        for name, actor, city in table.get(word, ())
        if tuple(words[n : n + len(name)]) == name
        and not (city and _place(words, n))
        and not "".join(words[n + len(name) : n + len(name) + 1]).isdigit()  # "CAC 40"
    ]
    taken: list[tuple[int, int, ActorRef]] = []
    for start, end, actor in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
        if all(end <= a or start >= b for a, b, _ in taken):
            taken.append((start, end, actor))
    found: dict[tuple[str, str], ActorRef] = {}
    for start, end, actor in sorted(taken, key=lambda s: s[0]):
        found.setdefault((" ".join(words[start:end]), actor.key), actor)
    return tuple((written, actor) for (written, _), actor in found.items())
