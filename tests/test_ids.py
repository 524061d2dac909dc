"""Output format 2: ids from what an item is, spans on one line, a short diff when an
article grows."""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
import yaml
from spacy.language import Language

from claimx.api import extract
from claimx.ids import IdMaker, slug
from claimx.store.serialize import to_yaml

ARTICLE = (
    "Selon Reuters, Nvidia aurait vendu pour 2 milliards de dollars de puces H20 en Chine.\n"
    "Le PDG de Nvidia, Jensen Huang, a déclaré que la demande restait forte.\n"
    "TSMC dément avoir livré des puces à Huawei.\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jensen Huang", "jensen-huang"),
        ("L’Élysée", "l-elysee"),
        ("H20", "h20"),
        ("4 milliards d'euros", "4-milliards-d-euros"),
        ("Le groupe américain Microsoft va investir", "le-groupe-americain-microsoft-va"),
        ("« ? »", ""),
    ],
)  # fmt: skip
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected
    assert len(slug(text)) <= 40


def test_a_second_item_of_one_id_takes_a_suffix() -> None:
    ids = IdMaker("c-", "claim")
    assert [ids.make(t) for t in ("Il a dit", "Il a dit", "?", "Il a dit")] == [
        "c-il-a-dit", "c-il-a-dit-2", "c-claim", "c-il-a-dit-3",
    ]  # fmt: skip


def test_a_sentence_added_at_the_top_changes_no_other_id(nlp: Language) -> None:
    before = extract(ARTICLE, nlp).to_dict()
    after = extract("Le marché des puces reste tendu cette semaine.\n" + ARTICLE, nlp).to_dict()
    for kind in ("actors", "chips", "money"):
        assert {i["id"] for i in before[kind]} <= {i["id"] for i in after[kind]}, kind
    assert {c["id"]: c["text"] for c in before["claims"]}.items() <= {
        c["id"]: c["text"] for c in after["claims"]
    }.items()
    old, new = to_yaml([before]).splitlines(), to_yaml([after]).splitlines()
    changed = [d for d in difflib.unified_diff(old, new, lineterm="", n=0) if d[:1] in "+-"]
    offsets = sum(1 for line in new if "start:" in line)
    assert len(changed) < 2 * offsets + 40  # the offsets move; nothing is renumbered


def test_spans_and_id_lists_are_on_one_line(nlp: Language) -> None:
    text = to_yaml([extract(ARTICLE, nlp).to_dict()])
    assert "  mentions: [{start: " in text and "sentence: {start: " in text
    assert "attribution: {kind: according_to, source: reuters" in text
    assert "cue: {start: 0, end: 13, text: Selon Reuters}" in text
    assert "- {id: m-2-milliards-de-dollars, start: " in text and "  actors: [" in text
    assert "\n    start: " not in text  # no span spread over lines
    assert yaml.safe_load(text)["claimx"] == 2


def test_format_1_files_are_still_read(tmp_path: Path, nlp: Language) -> None:
    from claimx import review
    from claimx.story import collect, summarize

    document = extract(ARTICLE, nlp).to_dict()
    document["claimx"] = 1  # as an earlier claimx wrote it: A1, C1…
    renames = {a["id"]: f"A{n}" for n, a in enumerate(document["actors"], 1)}
    for n, actor in enumerate(document["actors"], 1):
        actor["id"] = f"A{n}"
    for n, claim in enumerate(document["claims"], 1):
        claim["id"] = f"C{n}"
        claim["actors"] = [renames[i] for i in claim["actors"]]
        if claim["attribution"] and claim["attribution"]["source"]:
            claim["attribution"]["source"] = renames[claim["attribution"]["source"]]
    path = tmp_path / "old.yaml"
    path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
    assert review.load(path).articles[0].claims[0]["id"] == "C1"
    summary = summarize(collect([str(path)]))
    assert {a["name"] for a in summary["actors"]} >= {"Reuters", "Nvidia"}


def test_the_reference_article_takes_half_the_lines_of_format_1(
    shared: Path, nlp: Language
) -> None:
    from claimx.articles import read_article

    article = shared / "examples" / "nvidia-h20.txt"
    if not article.is_file():
        pytest.skip("../shared/examples is not present")
    lines = to_yaml([extract(read_article(str(article)), nlp).to_dict()]).count("\n")
    assert lines <= 617 // 2  # format 1 wrote 617 lines for it
