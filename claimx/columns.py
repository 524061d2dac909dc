"""Token attributes of a doc read as whole columns, once per doc, not Token by Token.

`positions_of` finds the tokens holding given values in a column of token attributes (each
attribute's array and values kept once per doc, `Ids.where` for a set of words); `words`
lists a doc's token attributes, read by index instead of through `Token` properties (each
of which looks its string up anew); `has_morph` / `morph_has` test a morphological feature,
each distinct analysis split once per process. `forget_positions` drops what a doc kept.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

import numpy
from spacy.attrs import DEP, HEAD, IDX, IS_PUNCT, LEMMA, LOWER, MORPH, ORTH, POS
from spacy.tokens import Doc, Token

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
    process (a hash is the same string's in every vocab); the list made by `map` over
    the kept names, not by a Python loop, the vocab asked only for words not seen yet."""
    names = _NAMES
    found = list(map(names.get, ids))
    if None not in found:  # the usual case: every word seen before
        return found  # type: ignore[return-value]
    strings = doc.vocab.strings
    for value in set(ids).difference(names):
        names[value] = strings[value]
    return list(map(names.__getitem__, ids))


class Words:
    """A doc's token attributes as plain lists, position by position: reading a list is
    about ten times faster than a `Token` property (`token.pos_` looks its string up in the
    vocab on each call, `token.head` builds a Token). `morph` holds each analysis's hash,
    for `morph_has`."""

    __slots__ = ("dep", "head", "idx", "lemma", "lower", "morph", "pos", "punct", "size", "text")

    def __init__(self, doc: Doc) -> None:
        self.size = len(doc)
        columns = doc.to_array([ORTH, LOWER, LEMMA, POS, DEP, HEAD, IDX, IS_PUNCT, MORPH])
        self.text = _names(doc, columns[:, 0].tolist())
        self.lower = _names(doc, columns[:, 1].tolist())
        self.lemma = _names(doc, columns[:, 2].tolist())
        self.pos = _names(doc, columns[:, 3].tolist())
        self.dep = _names(doc, columns[:, 4].tolist())
        # HEAD is the signed offset to the head, stored unsigned: read back as signed
        steps = columns[:, 5].view(numpy.int64)
        self.head: list[int] = (steps + numpy.arange(self.size, dtype=numpy.int64)).tolist()
        self.idx: list[int] = columns[:, 6].tolist()
        self.punct: list[bool] = columns[:, 7].astype(bool).tolist()
        self.morph: list[int] = columns[:, 8].tolist()


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
