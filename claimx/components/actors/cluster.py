"""One actor per real actor: candidates merged by name, later mentions found by name."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.attrs import LOWER, ORTH
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from claimx.columns import array_of, positions_of, words
from claimx.components.actors.candidates import Candidate
from claimx.components.actors.lexicon import ActorLexicon
from claimx.components.hits import Actor
from claimx.docs import Occupied, span_text
from claimx.text import fold


def cluster(candidates: Iterable[Candidate]) -> list[Actor]:
    """Merge candidates naming the same actor: "Huang" joins "Jensen Huang"."""
    actors: list[Actor] = []
    named: dict[str, list[Actor]] = {}  # folded name or mention -> actors, in order
    order: dict[int, int] = {}

    def remember(key: str, actor: Actor) -> None:
        holders = named.setdefault(key, [])
        if not any(a is actor for a in holders):
            holders.append(actor)
            holders.sort(key=lambda a: order[id(a)])

    for cand in candidates:
        target = _find(actors, named, cand)
        if target is None:
            target = Actor(cand.name, cand.kind, [cand.span])
            order[id(target)] = len(actors)
            actors.append(target)
        else:
            target.mentions.append(cand.span)
            if cand.kind == "person" and len(cand.name.split()) > len(target.name.split()):
                target.name = cand.name  # canonical: the fullest proper name
        for key in (fold(target.name), fold(span_text(cand.span))):
            remember(key, target)
    return actors


def _find(actors: list[Actor], named: dict[str, list[Actor]], cand: Candidate) -> Actor | None:
    key = fold(cand.name)
    for actor in named.get(key, []):
        # a lone word the NER read as a person is the body of that name ("Pigment")
        if cand.kind != "person" or actor.kind == "person" or " " not in key:
            return actor
    if cand.kind == "person":
        words = key.split()
        for actor in reversed(actors):
            if actor.kind != "person":
                continue
            names = fold(actor.name).split()
            shorter, longer = sorted((words, names), key=len)
            if longer[-len(shorter) :] == shorter or longer[: len(shorter)] == shorter:
                return actor
            if _initialled(words, names):
                return actor
    return None


def _initialled(words: list[str], names: list[str]) -> bool:
    """Whether a name with initials is a fuller one's ("c. lagarde", "christine lagarde";
    "j.-m. roux", "jean-marc roux")."""
    if len(words) != len(names) or len(words) < 2 or words[-1] != names[-1]:
        return False
    initials = [(w, n) for w, n in zip(words[:-1], names[:-1], strict=True) if w != n]
    return bool(initials) and all(
        w.endswith(".") and n.startswith(w[0]) and len(w) <= 5 for w, n in initials
    )


def add_repeats(doc: Doc, lex: ActorLexicon, actors: list[Actor], blocked: list[Span]) -> None:
    """Find later mentions the NER missed: a known name or a person's surname."""
    forms: dict[str, set[int]] = {}  # a name as written -> the actors it names
    for index, actor in enumerate(actors):
        if actor.kind == "group":
            continue
        # Names, not long runs: a pattern per long mention would make matching quadratic
        # on repetitive text ("Nvidia Nvidia Nvidia …").
        names = {span_text(m) for m in actor.mentions if len(m) <= 6}
        if actor.kind == "person":
            names.add(actor.name.split()[-1])
        for name in names:
            forms.setdefault(name, set()).add(index)
    taken = Occupied([*(m for a in actors for m in a.mentions), *blocked])
    for index, start, end in sorted(_repeats(doc, lex, forms), key=lambda m: (m[1], -m[2])):
        span = Span(doc, start, end)
        if not taken.free(span):
            continue
        actors[index].mentions.append(span)
        taken.take(span)
    _complete_surnames(doc, lex, actors, taken)
    _add_short_forms(doc, lex, actors, taken)


def _repeats(doc: Doc, lex: ActorLexicon, forms: dict[str, set[int]]) -> list[tuple[int, int, int]]:
    """Every place a name is written as one of its actors' forms (a form's tokens, as the
    tokenizer cuts it alone): (actor index, start, end). Where two actors share a form,
    spaCy's PhraseMatcher finds them, in its order."""
    words = {name: lex.words_of(name) for name in forms}
    if any(len(actors) > 1 for actors in forms.values()) or len(set(words.values())) < len(words):
        return _phrase_matches(doc, lex, forms)
    by_first: dict[int, list[tuple[tuple[int, ...], int]]] = {}
    for name, orths in words.items():
        if orths:
            (index,) = forms[name]
            by_first.setdefault(orths[0], []).append((orths, index))
    found: list[tuple[int, int, int]] = []
    column = array_of(doc, ORTH)
    for i in positions_of(doc, ORTH, by_first):
        for orths, index in by_first[int(column[i])]:
            end = i + len(orths)
            if end <= len(doc) and tuple(column[i:end].tolist()) == orths:
                found.append((index, i, end))
    return found


def _phrase_matches(
    doc: Doc, lex: ActorLexicon, forms: dict[str, set[int]]
) -> list[tuple[int, int, int]]:
    matcher = PhraseMatcher(doc.vocab, attr="ORTH")
    by_actor: dict[int, list[str]] = {}
    for name, actors in forms.items():
        for index in actors:
            by_actor.setdefault(index, []).append(name)
    for index in sorted(by_actor):
        matcher.add(str(index), [lex.make_doc(f) for f in sorted(by_actor[index])])
    return [(int(doc.vocab.strings[m]), start, end) for m, start, end in matcher(doc)]


def _add_short_forms(doc: Doc, lex: ActorLexicon, actors: list[Actor], taken: Occupied) -> None:
    """An institution named again by its capitalised head noun alone: "l'Autorité" after
    "l'Autorité de la concurrence", "la Cour" after "la Cour des comptes"."""
    heads: dict[str, Actor | None] = {}
    for actor in actors:
        head, _, rest = actor.name.partition(" ")
        named_by_noun = head.istitle() and rest[:1].islower()
        if actor.kind in ("government", "organization") and named_by_noun:
            # two institutions with one head noun: neither is meant
            heads[head.lower()] = None if head.lower() in heads else actor
    for actor in list(actors):  # the NER's "Autorité" alone is the institution
        institution = heads.get(actor.name.lower())
        if institution is not None and actor.kind in ("organization", "government"):
            institution.mentions.extend(actor.mentions)
            actors.remove(actor)
    wanted = {doc.vocab.strings.add(head): head for head, actor in heads.items() if actor}
    if not wanted:
        return
    w = words(doc)
    text, lower = w.text, w.lower
    for i in positions_of(doc, LOWER, wanted):  # no walk over every Token
        if i == 0 or i + 1 >= w.size or not text[i].istitle():
            continue
        institution = heads[lower[i]]
        assert institution is not None
        after = i + 1
        alone = not (
            w.pos[after] == "ADJ"
            or text[after].istitle()
            or lower[after] in lex.grammar.complement_prepositions
        )
        span = doc[i - 1 : i + 1]
        if alone and lower[i - 1] in lex.grammar.definite_determiners and taken.free(span):
            institution.mentions.append(span)
            taken.take(span)


def _complete_surnames(doc: Doc, lex: ActorLexicon, actors: list[Actor], taken: Occupied) -> None:
    """A person's name as written whole before one of its mentions, where the NER cut it:
    given names before a surname known alone, a hyphenated given name ("Lip-Bu Tan")."""
    text = words(doc).text
    for actor in actors:
        if actor.kind != "person":
            continue
        alone = len(actor.name.split()) == 1
        for k, mention in enumerate(actor.mentions):
            start = mention.start
            while start > 0:
                if start > 1 and text[start - 1] == "-" and text[start - 2].istitle():
                    start -= 2  # "Lip-" of "Lip-Bu Tan"
                elif (
                    alone
                    and _given_name(lex, doc, start - 1)
                    and taken.free(doc[start - 1 : start])
                ):
                    start -= 1  # up to another actor's name: "le PDG d'Intel Lip-Bu Tan"
                else:
                    break
            if start == mention.start or not taken.free(doc[start : mention.start]):
                continue
            full = doc[start : mention.end]
            actor.mentions[k] = full
            taken.take(full)
            if len(full.text) > len(actor.name):
                actor.name = full.text


def _given_name(lex: ActorLexicon, doc: Doc, i: int) -> bool:
    w = words(doc)
    return w.pos[i] == "PROPN" and w.text[i].istitle() and w.text[i] not in lex.titles


_QUOTES = ("«", "»", '"', "“", "”")


def join_aliases(doc: Doc, lex: ActorLexicon, actors: list[Actor]) -> list[Actor]:
    """An actor named again under another name right after its name ("Hon Ning Ho, alias
    « Mathew Ho »", "Jing Chen, dit Harry Chen") is one actor. Returns the actors left."""
    starts = {m.start: a for a in actors for m in a.mentions}
    merged: set[int] = set()
    openers = {m[0] for m in lex.alias_markers if m}
    w = words(doc)
    text, lower, size = w.text, w.lower, w.size
    for actor in actors:
        for mention in list(actor.mentions):
            j = mention.end + (mention.end < size and text[mention.end] == ",")
            if () not in lex.alias_markers and (j >= size or lower[j] not in openers):
                continue  # no marker opens here: the words after are not read
            after = tuple(lower[j : j + 5])
            marker = next((m for m in lex.alias_markers if after[: len(m)] == m), None)
            if marker is None:
                continue
            j += len(marker)
            while j < size and text[j] in _QUOTES:
                j += 1
            other = starts.get(j)
            if other is None or other is actor or other.kind != actor.kind:
                continue
            actor.mentions.extend(other.mentions)
            for m in other.mentions:
                starts[m.start] = actor
            other.mentions = []
            merged.add(id(other))
    return [a for a in actors if id(a) not in merged]
