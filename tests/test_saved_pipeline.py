"""A pipeline saved with `nlp.to_disk` loads through `claimx.load_pipeline(path)` as it is
(its components not added twice) and as fast as the default: with the fast token_match,
both in the saved tokenizer and for spaCy's French module, whose stock pattern would
otherwise be compiled at import (about 2 s). The timing itself is bench/run.py's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from spacy.language import Language

import claimx

TEXT = "Selon Reuters, Nvidia aurait vendu pour 2 milliards de dollars de puces H20 en Chine."

# Run in a fresh interpreter: which pattern the tokenizer and spaCy's French module hold.
PROBE = """
import json, sys
import claimx
from claimx.token_match import fast_pattern
nlp = claimx.load_pipeline(sys.argv[1])
from spacy.lang.fr import tokenizer_exceptions
fast = fast_pattern()[0]
print(json.dumps({
    "pipes": nlp.pipe_names,
    "tokenizer_fast": nlp.tokenizer.token_match.__self__.pattern == fast,
    "module_fast": tokenizer_exceptions.TOKEN_MATCH.__self__.pattern == fast,
    "document": claimx.extract(sys.argv[2], nlp).to_dict(),
}))
"""


@pytest.fixture(scope="module")
def saved(nlp: Language, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("pipeline") / "claimx-fr"
    nlp.to_disk(path)
    return path


@pytest.mark.slow
def test_a_saved_pipeline_loads_fast_and_gives_the_same_claims(nlp: Language, saved: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(saved), TEXT],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    probe = json.loads(done.stdout)
    assert probe["pipes"] == nlp.pipe_names  # nothing added twice
    assert probe["tokenizer_fast"] and probe["module_fast"]
    assert probe["document"] == claimx.extract(TEXT, nlp).to_dict()
