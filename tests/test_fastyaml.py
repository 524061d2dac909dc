"""The fast reader of claimx's own YAML gives what PyYAML gives, or declines."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from claimx.store.fastyaml import Unsupported, load_documents
from claimx.store.serialize import load_yaml_documents, to_yaml

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.yaml"))

TRICKY = [
    "2029", "3.5", "1e3", "0x1F", "007", "-1", "+1", ".inf", "null", "~", "Null", "yes", "no",
    "on", "off", "True", "2026-03-02", "12:30", "a: b", "a:b", "#hash", "x #y", "- dash",
    "'quoted'", '"double"', "l'agence", "« Non », a-t-il dit", "tab\there", "line\nbreak",
    "", " lead", "trail ", "[list]", "{map}", "*star", "&amp", "!bang", "|pipe", ">gt", "%pc",
    "@at", "`tick", "emoji 🚀", "é" * 3, "back\\slash", "nul\x00", "\u2028sep", "ctrl\x07",
    "?q", ":colon", "a, b", "C1", "A10", "nel\x85", "cr\rlf", "par\u2029",
]  # fmt: skip


@pytest.mark.parametrize("path", GOLDEN, ids=[p.name for p in GOLDEN])
def test_claimx_output_reads_as_pyyaml_reads_it(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert load_documents(text) == load_yaml_documents(text)


@pytest.mark.parametrize("value", TRICKY)
def test_every_string_round_trips_or_is_declined(value: str) -> None:
    document: dict[str, Any] = {
        "claimx": 1,
        "text": value,
        "items": [{"id": "A1", "text": value, "n": 2}, value, [], {}],
        "nested": {"empty": None, "list": [value]},
    }
    text = to_yaml([document])
    try:
        fast = load_documents(text)
    except Unsupported:
        return  # the caller reads it with PyYAML
    assert fast == load_yaml_documents(text) == [document]


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # anchors and aliases
        "a: [1,2]\n",  # a flow list written otherwise than claimx writes it
        "a: |\n  block\n",  # block scalars
        "a: 1 # comment\n",
        "a: 2026-03-02\n",  # a date, not a string
        "a: 0b101\n",  # a YAML 1.1 binary integer
        "a: b\n  c\n",  # a continuation line
        "? complex\n: key\n",
        "a: 1\na: 2\n",  # a repeated key
    ],
)
def test_constructs_outside_the_subset_are_declined(text: str) -> None:
    with pytest.raises(Unsupported):
        load_documents(text)


def test_counted_lists_keep_their_length_only() -> None:
    text = to_yaml([{"actors": [{"id": "A1", "mentions": [{"start": 0}, {"start": 5}]}]}])
    (document,) = load_documents(text, frozenset({"mentions"}))
    assert document["actors"][0] == {"id": "A1", "mentions": [None, None]}
