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
def _places() -> frozenset[str]:
    return frozenset(fold(w) for w in settings()["place_words"])


@lru_cache(maxsize=1 << 16)  # a wire's sentences come back verbatim
def named_in(text: str) -> tuple[tuple[str, ActorRef], ...]:
    """The known actors a text names, in order, with the name as written ("Pékin" for
    China); a name matched with its case ("Orange" the company, not "orange")."""
    table, place = known_forms(), _places()
    words = _WORD.findall(text)
    found: dict[tuple[str, str], ActorRef] = {}
    n = 0
    while n < len(words):
        step = 1
        for name, actor, city in table.get(words[n], ()):
            if tuple(words[n : n + len(name)]) == name:
                if not (city and n and fold(words[n - 1]) in place):
                    found.setdefault((" ".join(name), actor.key), actor)
                step = len(name)
                break
        n += step
    return tuple((written, actor) for (written, _), actor in found.items())
