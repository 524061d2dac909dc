from __future__ import annotations

import pytest
import yaml

from claimx.serialize import load_yaml_documents, to_jsonl, to_yaml


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
