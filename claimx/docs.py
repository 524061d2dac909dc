"""Doc helpers shared by the claimx components, each avoiding a walk over every token.

`Doc.text` joins every token anew on each call, and `Token.sent` / `Span.sent`
re-check the whole doc for sentence boundaries (`Doc.has_annotation`): in a loop
over tokens either makes a component quadratic. `doc_text` and `Sentences` compute
them once, and `span_text` slices a span's words from the kept text (`Span.text` joins
its tokens anew); `quote_marks` finds quotation marks in the text; `match_near` runs a
spaCy Matcher only around its trigger words; `Ids` finds words in a whole column of
token attributes (`positions_of`: each attribute's array and values, kept once per doc);
`has_morph` tests a morphological feature, each distinct analysis split once per process;
`words` lists a doc's token attributes once per doc, read by index instead of through
`Token` properties (each of which looks its string up anew).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence

import numpy
from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, LEMMA, LOWER, MORPH, ORTH, POS
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span, Token

from claimx.text import QUOTE_MARKS


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per doc and kept in `doc.user_data`."""
    if not len(doc):
        return ""
    text = doc.user_data.get("claimx_text")
    if not isinstance(text, str) or len(text) != doc[-1].idx + len(doc[-1].text_with_ws):
        text = doc.text
        doc.user_data["claimx_text"] = text
    return text


def span_text(span: Span) -> str:
    """`span.text`, sliced from the doc's text (`doc_text`, kept per doc): spaCy joins
    the span's tokens anew on each call, about ten times slower."""
    doc = span.doc
    text = doc.user_data.get("claimx_text")
    if not isinstance(text, str):
        text = doc_text(doc)
    return text[span.start_char : span.end_char]


def text_of(doc: Doc, start: int, end: int) -> str:
    """`doc[start:end].text` for 0 <= start <= end <= len(doc), no Span made."""
    if start >= end:
        return ""
    text = doc.user_data.get("claimx_text")
    if not isinstance(text, str):
        text = doc_text(doc)
    last = doc[end - 1]
    return text[doc[start].idx : last.idx + len(last)]


_POSITIONS = "claimx_positions_"


class _Column:
    """One token attribute of a doc: its values as an array, the distinct ones, and (made
    when first asked for several values) the positions sorted by value. No Python object
    per token or per value: nothing for the garbage collector to walk."""

    __slots__ = ("_by_value", "_values", "array", "size")

    def __init__(self, doc: Doc, attr: int) -> None:
        self.size = len(doc)
        self.array = doc.to_array(attr)
        self._values: frozenset[int] | None = None
        self._by_value: tuple[list[int], list[int]] | None = None

    @property
    def values(self) -> frozenset[int]:
        """The distinct values, made when first asked for (`Ids.where` needs them; a
        search for given values does not)."""
        if self._values is None:
            self._values = frozenset(self.array.tolist())
        return self._values

    def where(self, values: Iterable[int]) -> list[int]:
        known = self._values  # a value the doc lacks is found nowhere, filtered or not
        wanted = list(values) if known is None else [value for value in values if value in known]
        if not wanted:
            return []
        if len(wanted) == 1:
            one: list[int] = numpy.flatnonzero(self.array == numpy.uint64(wanted[0])).tolist()
            return one
        if self._by_value is None:
            by_value = self.array.argsort(kind="stable")
            self._by_value = (by_value.tolist(), self.array[by_value].tolist())
        order, ordered = self._by_value
        found: list[int] = []
        for value in wanted:
            lo = bisect_left(ordered, value)
            found.extend(order[lo : bisect_right(ordered, value, lo)])
        found.sort()
        return found


def _column(doc: Doc, attr: int) -> _Column:
    """The column of `attr` (LOWER, LEMMA, MORPH…), built once per doc and attribute, in
    `doc.user_data`, for every component."""
    key = f"{_POSITIONS}{attr}"
    kept = doc.user_data.get(key)
    if isinstance(kept, _Column) and kept.size == len(doc):
        return kept
    column = doc.user_data[key] = _Column(doc, attr)
    return column


def array_of(doc: Doc, attr: int) -> numpy.ndarray:
    """The values of `attr` in `doc`, token by token (the column kept for every component)."""
    return _column(doc, attr).array


def values_of(doc: Doc, attr: int) -> frozenset[int]:
    """The distinct values of `attr` in `doc`."""
    return _column(doc, attr).values


def forget_positions(doc: Doc) -> None:
    """Drop the columns `positions_of` kept in `doc.user_data`."""
    for key in [k for k in doc.user_data if isinstance(k, str) and k.startswith(_POSITIONS)]:
        del doc.user_data[key]


def positions_of(doc: Doc, attr: int, values: Iterable[int]) -> list[int]:
    """The positions of the tokens whose `attr` is one of `values`, in order."""
    return _column(doc, attr).where(values)


_NAMES: dict[int, str] = {}  # string hash or symbol id -> its text, for every vocab alike


def _names(doc: Doc, ids: list[int]) -> list[str]:
    """The texts of string hashes or symbol ids, each looked up in the vocab once per
    process (a hash is the same string's in every vocab)."""
    names = _NAMES
    strings = doc.vocab.strings
    out = []
    for value in ids:
        name = names.get(value)
        if name is None:
            name = names[value] = strings[value]
        out.append(name)
    return out


class Words:
    """A doc's token attributes as plain lists, position by position: reading a list is
    about ten times faster than a `Token` property (`token.pos_` looks its string up in the
    vocab on each call, `token.head` builds a Token). `morph` holds each analysis's hash,
    for `morph_has`."""

    __slots__ = ("dep", "head", "idx", "lemma", "lower", "morph", "pos", "punct", "size", "text")

    def __init__(self, doc: Doc) -> None:
        self.size = len(doc)
        columns = doc.to_array([ORTH, LOWER, LEMMA, POS, DEP, HEAD, IDX, IS_PUNCT, MORPH])
        orth, lower, lemma, pos, dep, head, idx, punct, morph = (
            column.tolist() for column in columns.T
        )
        self.text = _names(doc, orth)
        self.lower = _names(doc, lower)
        self.lemma = _names(doc, lemma)
        self.pos = _names(doc, pos)
        self.dep = _names(doc, dep)
        # HEAD is the offset to the head, stored unsigned: wrap it back to a signed step
        self.head = [
            i + (step - (1 << 64) if step >= 1 << 63 else step) for i, step in enumerate(head)
        ]
        self.idx: list[int] = idx
        self.punct = [bool(flag) for flag in punct]
        self.morph: list[int] = morph


def words(doc: Doc) -> Words:
    """The doc's `Words`, made once per doc and kept in `doc.user_data` for every component
    (dropped with the columns by `forget_positions`)."""
    key = f"{_POSITIONS}words"
    kept = doc.user_data.get(key)
    if isinstance(kept, Words) and kept.size == len(doc):
        return kept
    made = doc.user_data[key] = Words(doc)
    return made


class Ids(frozenset[int]):
    """String hashes (`vocab.strings.add`) of words a component looks for."""

    def where(self, doc: Doc, attr: int) -> list[int]:
        """The positions of the tokens whose `attr` is one of these, in order: the doc's
        distinct values met in one set intersection, not token by token."""
        return positions_of(doc, attr, self.intersection(values_of(doc, attr)))


_FEATURES: dict[int, frozenset[str]] = {}  # hash of "Tense=Pres|VerbForm=Part" -> its features


def has_morph(token: Token, feature: str) -> bool:
    """`"Part" in token.morph.get("VerbForm")` written `has_morph(token, "VerbForm=Part")`,
    several times faster: each distinct analysis is split once per process, found again
    by its hash (cheaper to read than its text)."""
    morph = token.morph
    key = hash(morph)  # from MorphAnalysis.key, the hash of its text
    features = _FEATURES.get(key)
    if features is None:
        features = _FEATURES[key] = _split(str(morph))
    return feature in features


_FEATURES_BY_KEY: dict[int, frozenset[str]] = {}  # an analysis's key -> its features


def morph_has(doc: Doc, key: int, feature: str) -> bool:
    """`has_morph` for a token's analysis read from `Words.morph` (its key)."""
    features = _FEATURES_BY_KEY.get(key)
    if features is None:
        features = _FEATURES_BY_KEY[key] = _split(doc.vocab.strings[key] if key else "")
    return feature in features


def _split(analysis: str) -> frozenset[str]:
    """ "Number=Sing|VerbForm=Fin,Part" -> {"Number=Sing", "VerbForm=Fin", "VerbForm=Part"}."""
    return frozenset(
        f"{name}={one}"
        for pair in analysis.split("|")
        if "=" in pair
        for name, values in [pair.split("=", 1)]
        for one in values.split(",")
    )


class Sentences:
    """The sentences of `doc`, and the one holding a token index."""

    def __init__(self, doc: Doc) -> None:
        self.spans: list[Span] = list(doc.sents)
        self._starts = [s.start for s in self.spans]

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def of(self, i: int) -> Span:
        """The sentence holding token `i`."""
        return self.spans[bisect_right(self._starts, i) - 1]

    def before(self, sent: Span) -> Span:
        """The sentence before `sent`, or `sent` itself when it is the first."""
        return self.of(sent.start - 1) if sent.start > 0 else sent


def windows_around(
    points: Iterable[int], before: int, after: int, limit: int
) -> list[tuple[int, int]]:
    """The stretches [point - before, point + after) around sorted points, clipped to
    [0, limit) and merged where they touch."""
    windows: list[tuple[int, int]] = []
    for at in points:
        start, end = max(0, at - before), min(limit, at + after)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], max(windows[-1][1], end))
        else:
            windows.append((start, end))
    return windows


def match_near(
    matcher: Matcher,
    doc: Doc,
    triggers: Ids,
    attr: int,
    before: int,
    after: int,
    needed: Sequence[int] | None = None,
) -> list[Span]:
    """`matcher(doc, as_spans=True)`, run only around the tokens whose `attr` is a trigger.

    The spaCy Matcher walks every token of the doc with every pattern; when each pattern
    holds a trigger word and reaches at most `before` tokens before it and `after`
    tokens after it, matching the stretches around the triggers finds the same spans.
    `needed`, when given, are sorted positions of which every match holds one (a cheap
    test its caller made): a stretch holding none of them is not matched at all.
    """
    triggered = triggers.where(doc, attr)
    spans: list[Span] = []
    for start, end in windows_around(triggered, before, after + 1, len(doc)):
        if needed is not None:
            k = bisect_left(needed, start)
            if k == len(needed) or needed[k] >= end:
                continue
        spans.extend(matcher(doc[start:end], as_spans=True))
    return spans


_MARKS = re.compile("[" + re.escape("".join(sorted(QUOTE_MARKS))) + "\n]")


def quote_marks(doc: Doc) -> list[tuple[int, str]]:
    """Quotation marks that are tokens of their own, and line breaks, in order.

    Each is (token index, mark), the mark "\\n" for a token holding a line break;
    found in the text rather than by walking every token.
    """
    text = doc_text(doc)
    found = [(m.start(), m.group()) for m in _MARKS.finditer(text)]
    if not found:
        return []
    starts = doc.to_array(IDX).tolist()
    marks: list[tuple[int, str]] = []
    for at, mark in found:
        if mark == "\n":
            i = bisect_right(starts, at) - 1
            if not marks or marks[-1] != (i, "\n"):
                marks.append((i, "\n"))
            continue
        i = bisect_left(starts, at)
        following = starts[i + 1] if i + 1 < len(starts) else len(text.rstrip())
        if i < len(starts) and starts[i] == at and text[at + 1 : following].strip() == "":
            marks.append((i, mark))
    return marks


class Occupied:
    """Token positions taken by spans: an overlap test in the span's length, not in the
    number of spans taken (a walk over taken spans is quadratic on long articles)."""

    def __init__(self, spans: Iterable[Span] = ()) -> None:
        self._taken: set[int] = set()
        for span in spans:
            self.take(span)

    def free(self, span: Span) -> bool:
        return self._taken.isdisjoint(range(span.start, span.end))

    def take(self, span: Span) -> None:
        self._taken.update(range(span.start, span.end))
