"""Claims documents of one claim each, made up for the story tests, and what the story
makes of them: whether two are joined, and the recurring claims of the files and of the
database loaded from them (tests/test_story_links.py, tests/test_story_names.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from claimx.store.machine import write_claims
from claimx.story import db as story_db
from claimx.story import summarize
from claimx.story.db_summary import summarize_database
from claimx.story.records import from_document


def claims_document(number: int, text: str, kinds: Mapping[str, str], actors: Iterable[str],
                    source: str | None = None, cue: str = "a dit") -> dict[str, Any]:  # fmt: skip
    """A claims document of one claim: `actors` as the extractor resolved them, `kinds`
    the kind of every name."""
    named = list(actors)
    people = sorted({*named, *([source] if source else [])})
    ids = {name: f"A{n}" for n, name in enumerate(people, 1)}
    return {
        "claimx": 2,
        "article": {"source": f"a{number}.txt", "publisher": f"Journal {number}"},
        "actors": [{"id": ids[n], "name": n, "kind": kinds[n], "mentions": []} for n in people],
        "chips": [], "money": [],
        "claims": [{
            "id": "C1", "text": text, "start": 0, "end": len(text), "modality": "asserted",
            "actors": [ids[n] for n in named], "chips": [], "money": [],
            "attribution": {"kind": "statement", "source": ids[source],
                            "cue": {"text": cue}} if source else None,
        }],
    }  # fmt: skip


def joined(*documents: dict[str, Any]) -> bool:
    """Whether the first two documents' claims are in one recurring claim."""
    articles = [from_document(d, f"a{n}.txt.yaml") for n, d in enumerate(documents, 1)]
    return any(
        {"a1.txt.yaml", "a2.txt.yaml"} <= {p["file"] for p in g["appearances"]}
        for g in summarize(articles)["recurring"]
    )


def recurring_both_ways(
    tmp_path: Path, documents: list[dict[str, Any]]
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The recurring claims of the documents written as claims files, then of the
    database `claimx db` makes of those files."""
    folder = tmp_path / "claims"
    folder.mkdir()
    for n, item in enumerate(documents):
        write_claims(folder / f"a{n}.txt.yaml", [item])
    database = tmp_path / "claims.db"
    story_db.load_into(database, [str(folder)])
    files = summarize(
        [from_document(d, str(folder / f"a{n}.txt.yaml")) for n, d in enumerate(documents)]
    )
    return files["recurring"], summarize_database(database)["recurring"]
