"""claimx_quotes: direct quotations, parsed once for every component that needs them.

One rule: an opening mark (« “, or a straight " when none is open) opens a quotation; a
closing mark closes the innermost open quotation it matches, and the ones opened inside
it; a line break ends whatever is open. The outermost quotations are written to
`doc.spans["claimx_quotes"]`, their inner tokens only (label "closed", or "open" for one
that a line break or the end of the text cut off).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx.docs import quote_marks
from claimx.text import QUOTE_PAIRS

GROUP = "claimx_quotes"
_PAIRS = QUOTE_PAIRS
_CLOSERS = {c for o, c in QUOTE_PAIRS.items() if c != o}  # closes only


def parse_quotes(doc: Doc) -> list[Span]:
    """The outermost quotations of `doc`, as spans of their inner tokens."""
    spans: list[Span] = []
    stack: list[tuple[int, str]] = []  # (token index, closer) of the open quotations

    def close(at: int, label: str) -> None:
        opener = stack[0][0]
        if at - opener > 1:
            spans.append(Span(doc, opener + 1, at, label=label))

    for i, mark in quote_marks(doc):
        if mark == "\n":
            if stack:
                close(i + 1, "open")
            stack.clear()
        elif mark in _CLOSERS or (mark == '"' and any(c == '"' for _, c in stack)):
            depth = next((d for d in range(len(stack) - 1, -1, -1) if stack[d][1] == mark), None)
            if depth is None:
                continue  # a closer with no opener: a typo, or an excerpt's cut
            if depth == 0:
                close(i, "closed")
            del stack[depth:]
        else:
            stack.append((i, _PAIRS[mark]))
    if stack:
        close(len(doc), "open")
    return spans


def closed_quotes(doc: Doc) -> list[Span]:
    """The quotations that end with their closing mark (from the span group)."""
    return [s for s in quotations(doc) if s.label_ == "closed"]


def quotations(doc: Doc) -> list[Span]:
    """The span group `claimx_quotes`, parsed now when the component did not run."""
    if GROUP not in doc.spans:
        doc.spans[GROUP] = parse_quotes(doc)
    return list(doc.spans[GROUP])


def quoted_tokens(doc: Doc) -> set[int]:
    """Indices of the tokens inside a quotation."""
    return {i for span in quotations(doc) for i in range(span.start, span.end)}


class QuoteParser:
    """Write the quotations of each doc to `doc.spans["claimx_quotes"]`."""

    def __init__(self, name: str = "claimx_quotes") -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[GROUP] = parse_quotes(doc)
        return doc


@Language.factory(
    "claimx_quotes",
    default_config={},
    assigns=["doc.spans"],
)
def make_quotes(nlp: Language, name: str) -> QuoteParser:
    """Create a claimx_quotes component."""
    return QuoteParser(name)
