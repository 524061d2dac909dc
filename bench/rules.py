"""The rule components alone, on articles parsed once: CPU time per stage and a digest.

Run by hand (not part of the test suite), from the project folder:

    python bench/rules.py parse [--articles 120]   # the base model once, kept in a file
    python bench/rules.py time [--rounds 3]        # claimx's stages over those docs

`parse` runs the pipeline up to the base model's last component (claimx_sentences
included: the parser needs its boundaries) over bench/run.py's corpus and keeps the Docs
(`DocBin`) in the system's temporary folder. `time` reads them back and runs, in CPU
seconds (best of --rounds): claimx_sentences on the tokenized texts, each claimx
component after the base model, then the records (`claimx.claims.doc_claims`). It prints
a digest of every record and of the sentence boundaries: two versions of the code that
print the same digest gave the same output on these articles.

To compare two versions of the code in turn, run `time` alternately under each (for
example `PYTHONPATH=/tmp/old python bench/rules.py time`, with the other version's
`claimx` and `models` folders in /tmp/old): on a shared machine the speed drifts more than
most changes weigh, so compare runs that were made one after the other.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import tempfile
import time
from pathlib import Path

from run import corpus

import claimx
from claimx.claims import doc_claims

KEPT = Path(tempfile.gettempdir()) / "claimx-bench-rules"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=["parse", "time"])
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    from spacy.tokens import DocBin

    nlp = claimx.load_pipeline()
    after = [n for n in nlp.pipe_names if n.startswith("claimx_") and n != "claimx_sentences"]
    if args.step == "parse":
        texts = corpus(args.articles)
        kept = DocBin(store_user_data=True)
        with nlp.select_pipes(disable=after):
            for doc in nlp.pipe(texts, batch_size=16):
                kept.add(doc)
        KEPT.mkdir(exist_ok=True)
        (KEPT / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
        (KEPT / "parsed.spacy").write_bytes(kept.to_bytes())
        return
    texts = json.loads((KEPT / "texts.json").read_text(encoding="utf-8"))
    parsed = DocBin(store_user_data=True).from_bytes((KEPT / "parsed.spacy").read_bytes())
    stages = [("claimx_sentences", nlp.get_pipe("claimx_sentences"))]
    stages += [(name, nlp.get_pipe(name)) for name in after]
    rounds: list[dict[str, float]] = []
    digest = ""
    for _ in range(args.rounds):
        times: dict[str, float] = {}
        tokenized = [nlp.make_doc(t) for t in texts]
        docs = list(parsed.get_docs(nlp.vocab))
        for name, component in stages:
            start = time.process_time()
            if name == "claimx_sentences":
                tokenized = [component(doc) for doc in tokenized]
            else:
                docs = [component(doc) for doc in docs]
            times[name.removeprefix("claimx_")] = time.process_time() - start
        start = time.process_time()
        records = [doc_claims(doc) for doc in docs]
        times["records"] = time.process_time() - start
        rounds.append(times)
        bounds = b"".join(doc.to_array("SENT_START").tobytes() for doc in tokenized)
        digest = hashlib.sha256(repr(records).encode() + bounds).hexdigest()[:16]
    best = {name: min(r[name] for r in rounds) for name in rounds[0]}
    stages_ms = ", ".join(f"{name} {t * 1000:.0f}" for name, t in best.items())
    print(f"{sum(best.values()):.2f} s CPU (best of {args.rounds}): {stages_ms} ms; {digest}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
