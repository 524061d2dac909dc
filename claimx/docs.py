"""Doc helpers shared by the claimx components, each avoiding a walk over every token.

`Doc.text` joins every token anew on each call, and `Token.sent` / `Span.sent`
re-check the whole doc for sentence boundaries (`Doc.has_annotation`): in a loop
over tokens either makes a component quadratic. `doc_text` and `Sentences` compute
them once, and `span_text` slices a span's words from the kept text (`Span.text` joins
its tokens anew); `quote_marks` finds quotation marks in the text; `match_near` runs a
spaCy Matcher only around its trigger words. Whole columns of token attributes are
`claimx.columns`'.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence

from spacy.attrs import IDX
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span

from claimx.columns import Ids, Words
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


def words_text(doc: Doc, w: Words, start: int, end: int) -> str:
    """`text_of` with the token offsets read from the doc's `Words` (no Token made)."""
    if start >= end:
        return ""
    text = doc.user_data.get("claimx_text")
    if not isinstance(text, str):
        text = doc_text(doc)
    last = end - 1
    return text[w.idx[start] : w.idx[last] + len(w.text[last])]


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
