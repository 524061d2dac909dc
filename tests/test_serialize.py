from __future__ import annotations

import copy
from typing import Any

import pytest
import yaml
from spacy.language import Language

from claimx.api import extract
from claimx.store.serialize import load_yaml_documents, to_jsonl, to_yaml


@pytest.mark.parametrize(
    "value", ["1e3", "1.5", "true", "null", "~", "0x1F", ".inf", "", "yes", "-2"]
)
def test_number_like_strings_stay_strings(value: str) -> None:
    out = to_yaml([{"text": value}])
    assert load_yaml_documents(out)[0]["text"] == value
    assert f"text: {value}\n" not in out


def test_unicode_unescaped_and_long_lines_not_folded() -> None:
    text = "« Les puces H20 » " + "très longue phrase " * 20
    out = to_yaml([{"text": text}])
    assert "« Les puces H20 »" in out
    assert "\\u" not in out
    assert len(out.strip().splitlines()) == 2  # "---" and one line


def test_safe_loadable_stream() -> None:
    out = to_yaml([{"a": 1}, {"a": 2}])
    assert out.count("---") == 2
    assert [d["a"] for d in yaml.safe_load_all(out)] == [1, 2]


def test_jsonl_is_one_line() -> None:
    assert to_jsonl({"text": "é\nx"}).count("\n") == 1
    assert "é" in to_jsonl({"text": "é"})


TRICKY = [
    "true",
    "",
    "1e3",
    "- x",
    ": y",
    "# c",
    "multi\nline",
    " lead",
    "trail ",
    "«é»",
    "~",
    "0x1F",
    "yes",
    "'q'",
    '"d"',
    "a: b",
    "tab\there",
    "\u2028sep",
    "x" * 300,
    "null",
    "-1",
    ".5",
    "@at",
    "`tick",
    "%pct",
    "!bang",
    "&amp",
    "*star",
    "[list]",
    "{map}",
    "a #b",
    "é" * 3,
]


@pytest.mark.parametrize(
    "value", [*TRICKY, 0, -3, 1.5, float("inf"), None, True, [1, "a"], {"k": "v"}]
)
def test_fast_yaml_is_byte_identical_to_pyyaml(value: object) -> None:
    from claimx.store.serialize import DUMP_OPTIONS, _Dumper

    document = {"value": value, "nested": [{"value": copy.deepcopy(value)}]}
    expected = yaml.dump_all([document], Dumper=_Dumper, **DUMP_OPTIONS)
    assert to_yaml([document]) == expected
    assert load_yaml_documents(expected)[0] == document


def test_shared_objects_are_written_out_not_aliased() -> None:
    shared = ["A1", "A2"]
    text = to_yaml([{"a": shared, "b": shared}])
    assert "&" not in text and "*" not in text
    assert load_yaml_documents(text)[0] == {"a": shared, "b": shared}


def test_fast_yaml_on_real_extractions(nlp: Language) -> None:
    from claimx.articles import read_article
    from claimx.store.records import Flow, FlowSpan
    from claimx.store.serialize import DUMP_OPTIONS, _Dumper, one_line
    from tests.conftest import GOLD_DIR

    class Reference(_Dumper):
        """PyYAML's own dumper, told which mappings and lists go on one line."""

    def mapping(dumper: Any, data: dict[str, Any]) -> Any:
        flow = one_line(data)
        return dumper.represent_mapping("tag:yaml.org,2002:map", data.items(), flow_style=flow)

    def sequence(dumper: Any, data: list[Any]) -> Any:
        flow = one_line(data)
        return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=flow)

    for mapping_type in (dict, Flow, FlowSpan):
        Reference.add_representer(mapping_type, mapping)
    Reference.add_representer(list, sequence)
    documents = [
        extract(read_article(str(p)), nlp).to_dict() for p in sorted(GOLD_DIR.glob("*.txt"))
    ]
    assert to_yaml(documents) == yaml.dump_all(documents, Dumper=Reference, **DUMP_OPTIONS)
    assert load_yaml_documents(to_yaml(documents)) == documents
