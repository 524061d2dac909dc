"""The writer's machine copy (JSON beside each claims file it writes) reads as the YAML
reads, and counts only while the claims file is the one it was made from."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from claimx.batch import BatchOptions, run
from claimx.errors import InputError
from claimx.store import read_documents
from claimx.store.layout import copy_path
from claimx.store.machine import read_copy, write_claims
from claimx.store.serialize import load_yaml_documents, to_yaml

GOLDEN = sorted((Path(__file__).parent / "golden").glob("*.yaml"))

TRICKY = [
    "2029", "3.5", "1e3", "0x1F", "007", "-1", "+1", ".inf", "null", "~", "Null", "yes", "no",
    "on", "off", "True", "2026-03-02", "12:30", "a: b", "#hash", "'quoted'", "l'agence",
    "« Non », a-t-il dit", "tab\there", "line\nbreak", "", " lead", "*star", "&amp", "emoji 🚀",
    "back\\slash", "\u2028sep", "nel\x85", "cr\rlf",
]  # fmt: skip


@pytest.mark.parametrize("path", GOLDEN, ids=[p.name for p in GOLDEN])
def test_the_copy_reads_as_the_yaml_reads(path: Path, tmp_path: Path) -> None:
    documents = load_yaml_documents(path.read_text(encoding="utf-8"))
    claims = tmp_path / "article.txt.yaml"
    write_claims(claims, documents)
    assert claims.read_text(encoding="utf-8") == to_yaml(documents)  # the writer's own YAML
    assert read_copy(claims) == documents == load_yaml_documents(to_yaml(documents))
    assert read_documents(claims) == documents


def test_every_string_reads_back_the_same_both_ways(tmp_path: Path) -> None:
    documents: list[dict[str, Any]] = [{"claimx": 2, "claims": [], "texts": TRICKY}]
    claims = tmp_path / "tricky.yaml"
    write_claims(claims, documents)
    assert read_copy(claims) == documents
    os.utime(claims, ns=(0, 0))  # the copy no longer counts: the YAML is read
    assert read_copy(claims) is None
    assert read_documents(claims) == documents


def test_a_claims_file_edited_by_hand_is_read_from_its_yaml(tmp_path: Path) -> None:
    claims = tmp_path / "a.txt.yaml"
    write_claims(claims, [{"claimx": 2, "claims": [], "note": "before"}])
    claims.write_text(to_yaml([{"claimx": 2, "claims": [], "note": "after!"}]), "utf-8")
    assert read_copy(claims) is None
    assert read_documents(claims)[0]["note"] == "after!"


@pytest.mark.parametrize("content", [b"", b'{"claimx_copy": 1, "yaml": [1', b"[1, 2]", b"\xff"])
def test_a_broken_copy_is_ignored(tmp_path: Path, content: bytes) -> None:
    claims = tmp_path / "a.txt.yaml"
    write_claims(claims, [{"claimx": 2, "claims": []}])
    copy_path(claims).write_bytes(content)
    assert read_copy(claims) is None
    assert read_documents(claims) == [{"claimx": 2, "claims": []}]


def test_batch_keeps_a_hidden_copy_of_each_claims_file(tmp_path: Path, nlp: Language) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Selon Reuters, Nvidia aurait vendu des puces H20.", "utf-8")
    run([str(folder)], BatchOptions(output_dir=tmp_path / "out"))
    claims = tmp_path / "out" / "a.txt.yaml"
    assert copy_path(claims).name == ".a.txt.yaml.json"
    assert read_copy(claims) == load_yaml_documents(claims.read_text(encoding="utf-8"))


def test_a_folder_an_earlier_claimx_wrote_gets_its_copies_when_summarized(
    tmp_path: Path,
) -> None:
    from claimx.story import collect

    documents = load_yaml_documents(GOLDEN[0].read_text(encoding="utf-8"))
    claims = tmp_path / "a.txt.yaml"
    claims.write_text(to_yaml(documents), encoding="utf-8")  # YAML only, as claimx 0.2 wrote
    assert read_copy(claims) is None
    collect([str(claims)])
    assert not copy_path(claims).exists()  # a file named alone is left as it is
    first = collect([str(tmp_path)])
    assert read_copy(claims) == documents
    assert [r.text for r in collect([str(tmp_path)])[0].claims] == [r.text for r in first[0].claims]


@pytest.mark.parametrize("path", GOLDEN, ids=[p.name for p in GOLDEN])
def test_the_typed_model_reads_what_it_writes(path: Path, tmp_path: Path) -> None:
    from claimx.store.parse import extraction, read_extractions

    text = path.read_text(encoding="utf-8")
    documents = load_yaml_documents(text)
    assert to_yaml([extraction(d).to_dict() for d in documents]) == text
    claims = tmp_path / "a.txt.yaml"
    write_claims(claims, documents)
    assert [e.to_dict() for e in read_extractions(claims)] == documents


def test_a_review_with_an_edit_reads_back_typed() -> None:
    from claimx.store.parse import extraction

    document = load_yaml_documents(GOLDEN[0].read_text(encoding="utf-8"))[0]
    claim = document["claims"][0]
    claim["review"] = {"status": "edited", "note": None, "original": {"modality": "hedged"}}
    assert extraction(document).to_dict()["claims"][0]["review"] == claim["review"]
    del document["pipeline"]
    with pytest.raises(InputError, match="not a claims document"):
        extraction(document)
