"""Terminal views of an extraction: the article with its spans highlighted, the claims.

Colours are the terminal's standard named ones (they follow its light or dark theme);
without colour, spans are still marked with brackets (see `MARKS`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from rich import box
from rich.table import Table
from rich.text import Text

# Span kinds: (style, opening mark, closing mark, legend label)
STYLES = {
    "actor": ("bold cyan", "[", "]", "actor"),
    "chip": ("bold magenta", "{", "}", "chip"),
    "money": ("bold green", "<", ">", "money / percentage"),
    "cue": ("yellow underline", "|", "|", "attribution cue"),
    "hedge": ("bold red", "~", "~", "hedge"),
    "claim": ("reverse", "⟦", "⟧", "claim under review"),
}
MARKS = {kind: (o, c) for kind, (_, o, c, _) in STYLES.items()}
ONLY = ("attributed", "hedged", "denied", "money", "chips")


@dataclass(frozen=True)
class Mark:
    """A highlighted span of the article text."""

    start: int
    end: int
    kind: str


def marks(document: dict[str, Any], claims: list[dict[str, Any]] | None = None) -> list[Mark]:
    """Every span of an output document worth highlighting, in text order."""
    found: list[Mark] = []
    for actor in document.get("actors", []):
        found += [Mark(m["start"], m["end"], "actor") for m in actor["mentions"]]
    for chip in document.get("chips", []):
        found += [Mark(m["start"], m["end"], "chip") for m in chip["mentions"]]
    for item in [*document.get("money", []), *document.get("percentages", [])]:
        found.append(Mark(item["start"], item["end"], "money"))
    for claim in document.get("claims", []) if claims is None else claims:
        attribution = claim.get("attribution")
        if attribution:
            found.append(Mark(attribution["cue"]["start"], attribution["cue"]["end"], "cue"))
        found += [Mark(h["start"], h["end"], "hedge") for h in claim.get("hedges", [])]
    return sorted(set(found), key=lambda m: (m.start, -m.end))


def highlight(
    text: str, spans: list[Mark], start: int = 0, end: int | None = None, color: bool = True
) -> Text:
    """`text[start:end]` with the spans styled (color) or bracketed (no color)."""
    end = len(text) if end is None else end
    inside = [m for m in spans if start <= m.start and m.end <= end and m.start < m.end]
    if color:
        out = Text(text[start:end])
        for mark in inside:
            out.stylize(STYLES[mark.kind][0], mark.start - start, mark.end - start)
        return out
    # Marks as text: openings before closings at the same place, inner spans inside.
    # (offset, closings first, nesting, order): outer spans open first and close last.
    inserts: list[tuple[int, int, int, int, str]] = []
    for order, mark in enumerate(inside):
        opening, closing = MARKS[mark.kind]
        inserts.append((mark.start, 1, -mark.end, order, opening))
        inserts.append((mark.end, 0, -mark.start, -order, closing))
    inserts.sort()
    pieces: list[str] = []
    at = start
    for offset, _, _, _, mark_text in inserts:
        pieces.append(text[at:offset])
        pieces.append(mark_text)
        at = offset
    pieces.append(text[at:end])
    return Text("".join(pieces))


def legend(
    color: bool, kinds: tuple[str, ...] = ("actor", "chip", "money", "cue", "hedge")
) -> Text:
    """One line naming each highlight."""
    out = Text("legend: ")
    for index, kind in enumerate(kinds):
        style, opening, closing, label = STYLES[kind]
        if index:
            out.append("  ")
        if color:
            out.append(label, style=style)
        else:
            out.append(f"{opening}{label}{closing}")
    return out


def keep(claim: dict[str, Any], only: Sequence[str] = ()) -> bool:
    """Whether a claim passes the `--only` filters: any of them (none: every claim)."""
    return not only or any(_passes(claim, name) for name in only)


def _passes(claim: dict[str, Any], only: str) -> bool:
    if only == "attributed":
        return claim.get("attribution") is not None
    if only in ("hedged", "denied"):
        return bool(claim.get("modality") == only)
    if only == "money":
        return bool(claim.get("money") or claim.get("percentages"))
    if only == "chips":
        return bool(claim.get("chips"))
    raise ValueError(f"unknown filter {only!r}")


def claim_record(document: dict[str, Any], claim: dict[str, Any]) -> dict[str, Any]:
    """A claim with its source, chips and money resolved to their names: one row of
    `show`, as data."""
    actors = {a["id"]: a for a in document.get("actors", [])}
    chips = {c["id"]: c for c in document.get("chips", [])}
    money = {m["id"]: m for m in document.get("money", [])}
    attribution = claim.get("attribution") or {}
    source = actors.get(attribution.get("source") or "")
    return {
        "id": claim["id"],
        "text": claim["text"],
        "start": claim["start"],
        "end": claim["end"],
        "source": source["name"] if source else attribution.get("source_text"),
        "kind": attribution.get("kind"),
        "modality": claim.get("modality"),
        "chips": [chips[i]["name"] for i in claim.get("chips", []) if i in chips],
        "money": [money[i]["text"] for i in claim.get("money", []) if i in money],
        "review": (claim.get("review") or {}).get("status", "pending"),
    }


def claims_table(
    document: dict[str, Any], claims: list[dict[str, Any]], ids: bool = False
) -> Table:
    """A claim a row: its number (or its id), its text and its source, wrapped, then its
    kind, modality, chips, money and review status in one narrow column.

    Readable from 60 columns up: only the claim and the source columns grow, and every cell
    wraps (a word wider than its column folds), so nothing is cut off."""
    table = Table(box=box.SIMPLE_HEAD, expand=True, leading=1, pad_edge=False)
    if ids:
        table.add_column("id", overflow="fold", ratio=1, min_width=8)
    else:
        table.add_column("#", justify="right", no_wrap=True)
    table.add_column("claim", overflow="fold", ratio=4 if ids else 3, min_width=16)
    table.add_column("source", overflow="fold", ratio=1, min_width=8)
    table.add_column("details", overflow="fold", ratio=1, min_width=12)
    for number, claim in enumerate(claims, 1):
        record = claim_record(document, claim)
        details = [record["kind"] or "unattributed", record["modality"] or ""]
        details += [f"chips: {', '.join(record['chips'])}"] if record["chips"] else []
        details += [f"money: {'; '.join(record['money'])}"] if record["money"] else []
        details += [f"review: {record['review']}"] if record["review"] != "pending" else []
        table.add_row(  # Text, never markup: every string here comes from a file
            Text(record["id"] if ids else str(number)),
            Text(record["text"]),
            Text(record["source"] or ""),
            Text("\n".join(d for d in details if d)),
        )
    return table
