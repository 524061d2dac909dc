"""One index of an article's actor mentions: the owner of a span, the mentions in a
range, the last actor of some kinds before a token.

Mentions keep the order of the actor list (an actor's mentions after the previous
actor's), so that ties break as a walk over `actors` and their mentions would.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right, insort
from collections.abc import Callable, Container, Iterable

from spacy.tokens import Span

from claimx.columns import words
from claimx.components.hits import Actor

_Order = tuple[int, int]  # (actor position, mention position)


class ActorIndex:
    """The mentions of `actors`, by start, by end and by exact span."""

    def __init__(self, actors: list[Actor]) -> None:
        self.actors = actors
        self._owner: dict[tuple[int, int], Actor] = {}
        self._order: dict[int, _Order] = {}
        self._position = {id(a): n for n, a in enumerate(actors)}
        self._by_start: list[tuple[int, _Order, Span, Actor]] = []
        self._by_end: list[tuple[int, _Order, Span, Actor]] = []
        for n, actor in enumerate(actors):
            for k, mention in enumerate(actor.mentions):
                self._insert((n, k), mention, actor)
        self._by_start.sort(key=lambda row: (row[0], row[1]))
        self._by_end.sort(key=lambda row: (row[0], row[1]))
        # the rows' starts and ends alone, bisected without a key function
        self._starts = [row[0] for row in self._by_start]
        self._ends = [row[0] for row in self._by_end]

    def _insert(
        self, order: _Order, mention: Span, actor: Actor, keep_sorted: bool = False
    ) -> None:
        self._owner.setdefault((mention.start, mention.end), actor)
        self._order[id(mention)] = order
        if keep_sorted:
            insort(self._by_start, (mention.start, order, mention, actor), key=_key)
            insort(self._by_end, (mention.end, order, mention, actor), key=_key)
            insort(self._starts, mention.start)
            insort(self._ends, mention.end)
        else:
            self._by_start.append((mention.start, order, mention, actor))
            self._by_end.append((mention.end, order, mention, actor))

    def add(self, actor: Actor, mention: Span) -> None:
        """Add a mention to `actor` (an actor of the index) and to the index."""
        actor.mentions.append(mention)
        order = (self._position[id(actor)], len(actor.mentions) - 1)
        self._insert(order, mention, actor, keep_sorted=True)

    def owner(self, mention: Span) -> Actor | None:
        """The actor one of whose mentions is exactly `mention`."""
        return self._owner.get((mention.start, mention.end))

    def name_of(self, mention: Span) -> str:
        """The canonical name of a mention's actor, or the mention as written."""
        actor = self.owner(mention)
        return actor.name if actor else mention.text

    def kind_of(self, mention: Span) -> str | None:
        actor = self.owner(mention)
        return actor.kind if actor else None

    def mentions_in(self, start: int, end: int) -> list[Span]:
        """The mentions inside tokens [start, end), in the actors' order."""
        lo = bisect_left(self._starts, start)
        hi = bisect_left(self._starts, end, lo)
        rows = [row for row in self._by_start[lo:hi] if row[2].end <= end]
        return [row[2] for row in sorted(rows, key=lambda row: row[1])]

    def covering(self, i: int, longest: int = 40) -> list[Span]:
        """The mentions holding token `i` (a mention is at most `longest` tokens)."""
        lo = bisect_left(self._starts, i - longest)
        hi = bisect_right(self._starts, i)
        rows = [row for row in self._by_start[lo:hi] if i < row[2].end]
        return [row[2] for row in sorted(rows, key=lambda row: row[1])]

    def in_order(self, mentions: list[Span]) -> list[Span]:
        """Indexed mentions, once each, in the actors' order."""
        unique = {id(m): m for m in mentions}
        return sorted(unique.values(), key=lambda m: self._order[id(m)])

    def topic_before(
        self,
        i: int,
        kinds: Iterable[str],
        reach: int,
        window: int,
        accept: Callable[[Actor], bool] | None = None,
    ) -> Actor | None:
        """The actor a description most likely takes up: the last of `kinds` named as a
        subject within `reach` tokens before `i`, else the last named within `window`;
        only actors `accept` takes, if given."""
        wanted = set(kinds)
        return self.last_subject_before(i, wanted, reach, accept) or self.last_before(
            i, wanted, window, accept=accept
        )

    def last_subject_before(
        self,
        i: int,
        kinds: Iterable[str],
        window: int = 80,
        accept: Callable[[Actor], bool] | None = None,
    ) -> Actor | None:
        """The actor of one of `kinds` last named as a subject before token `i`, within
        `window` tokens."""
        wanted = set(kinds)
        hi = bisect_right(self._ends, i)
        for at in range(hi - 1, -1, -1):
            end, _, mention, actor = self._by_end[at]
            if i - end > window:
                break
            if actor.kind in wanted and is_subject(mention) and (accept is None or accept(actor)):
                return actor
        return None

    def last_before(
        self,
        i: int,
        kinds: Iterable[str],
        window: int = 400,
        skip: tuple[int, int] | None = None,
        accept: Callable[[Actor], bool] | None = None,
        outside: Container[int] = (),
    ) -> Actor | None:
        """The actor of one of `kinds` mentioned last before token `i`, within `window`
        tokens; mentions inside `skip` or starting on a token of `outside` are not
        candidates, nor actors `accept` refuses."""
        wanted = set(kinds)
        hi = bisect_right(self._ends, i)
        best: tuple[int, _Order, Span, Actor] | None = None
        for at in range(hi - 1, -1, -1):
            row = self._by_end[at]
            end, order, mention, actor = row
            if i - end > window or (best is not None and end < best[0]):
                break
            if actor.kind not in wanted or (accept is not None and not accept(actor)):
                continue
            if skip is not None and skip[0] <= mention.start and mention.end <= skip[1]:
                continue
            if mention.start in outside:
                continue
            if best is None or order < best[1]:
                best = row
        return best[3] if best is not None else None


def is_subject(mention: Span) -> bool:
    """Whether a mention is the subject of a verb (some token of it is, for a head outside
    it: the parser may hang a name's first word anywhere), or the antecedent of a subject
    "qui" right after it ("C'est Roland Lescure qui a ouvert la séance")."""
    w = words(mention.doc)
    start, end = mention.start, mention.end
    if end < w.size and w.lower[end] == "qui" and w.dep[end] == "nsubj":
        return True
    dep, head = w.dep, w.head
    for k in range(start, end):
        above = head[k]
        if dep[k].startswith("nsubj") and not start <= above < end:
            return True
        # the name of a subject description: "Le groupe américain Microsoft va investir"
        if dep[above].startswith("nsubj") and w.pos[above] == "NOUN" and 0 < start - above <= 3:
            return True
    return False


def _key(row: tuple[int, _Order, Span, Actor]) -> tuple[int, _Order]:
    return row[0], row[1]
