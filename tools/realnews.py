"""claimx on ../shared/realnews, part by part, with a fixed read/check split.

The 80 excerpts are split once and for all by their number: the odd ones (r01, r03, …) are
the *read* half, whose misses a developer may read while working; the even ones are the
*check* half, never read, which tells whether a change generalizes. r01-r40 are the
articles the rules were first tuned on; r41-r80 came later, on new beats.

    python tools/realnews.py            # every part's figures
    python tools/realnews.py --detail   # and the misses of the read half only
    python tools/realnews.py --strict   # the independent scorer (../shared/tools) per half

The texts belong to their publishers: they are read from ../shared, never copied.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from claimx.evaluate import CATEGORIES, Report, Score

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
REALNEWS = SHARED / "realnews"
SCORER = SHARED / "tools" / "score.py"

PARTS: dict[str, Callable[[int], bool]] = {
    "all": lambda n: True,
    "r01-r40": lambda n: n <= 40,
    "r41-r80": lambda n: n > 40,
    "read (odd)": lambda n: n % 2 == 1,
    "check (even)": lambda n: n % 2 == 0,
}
HALVES = ("read (odd)", "check (even)")


def number(name: str) -> int:
    """The article number of a gold or article file name ("r07-….gold.yaml" → 7)."""
    found = re.match(r"r(\d+)-", Path(name).name)
    if found is None:
        raise ValueError(f"not a real-news file name: {name}")
    return int(found.group(1))


def part(report: Report, name: str) -> Report:
    """The articles of `report` that belong to part `name`, with their own total."""
    keep = PARTS[name]
    sub = Report()
    for article, scores in report.articles.items():
        if keep(number(article)):
            sub.add(article, scores)
    return sub


def evaluate_realnews(model: str | None = None) -> Report:
    """claimx eval over every gold file of ../shared/realnews."""
    from claimx.evaluate import evaluate, find_gold

    return evaluate(find_gold(REALNEWS / "gold", REALNEWS), model)


def strict_scores(half: str, claimx: str) -> subprocess.CompletedProcess[str]:
    """Run the independent scorer of ../shared/tools on one part's gold files."""
    keep = PARTS[half]
    with tempfile.TemporaryDirectory() as tmp:
        for gold in sorted((REALNEWS / "gold").glob("*.gold.yaml")):
            if keep(number(gold.name)):
                (Path(tmp) / gold.name).symlink_to(gold)
        args = ["--gold", tmp, "--corpus", str(REALNEWS), "--claimx", claimx]
        return subprocess.run(
            [sys.executable, str(SCORER), *args], capture_output=True, text=True, timeout=900
        )


def _row(label: str, total: dict[str, Score], mean: float) -> str:
    cells = " ".join(f"{total[c].f1:6.3f}" for c in CATEGORIES)
    att = total["attributions"]
    return f"{label:14} {cells} {mean:6.3f}   P {att.precision:.3f} R {att.recall:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--detail", action="store_true", help="misses of the read half")
    parser.add_argument("--strict", action="store_true", help="the independent scorer too")
    args = parser.parse_args(argv)
    if not (REALNEWS / "gold").is_dir():
        print("../shared/realnews is not present", file=sys.stderr)
        return 2
    report = evaluate_realnews()
    print(f"{'part':14} " + " ".join(f"{c[:6]:>6}" for c in CATEGORIES) + "   mean   attributions")
    for name in PARTS:
        sub = part(report, name)
        print(_row(name, sub.total, sub.mean_f1))
    if args.detail:
        for article, scores in part(report, HALVES[0]).articles.items():
            misses = [f"  {c}: {m}" for c in CATEGORIES for m in scores[c].misses]
            if misses:
                print(f"\n{article}", *misses, sep="\n")
    if args.strict:
        claimx = str(Path(sys.executable).with_name("claimx"))
        for half in HALVES:
            done = strict_scores(half, claimx)
            print(f"\nindependent scorer, {half}:\n{done.stdout.strip()}{done.stderr.strip()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
