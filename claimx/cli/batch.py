"""`claimx batch`: folders of news files in, one claims file per article out."""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

import typer

from claimx.cli.batch_report import Display, summary
from claimx.cli.exit_codes import ExitCode
from claimx.cli.options import Lang, Model
from claimx.cli.output import warn
from claimx.errors import NoInput, PartialFailure, Terminated, UsageError

if TYPE_CHECKING:
    from claimx.batch import BatchOptions, Report, Shard
    from claimx.formats import ReadOptions

EXAMPLES = """\
claimx batch news -o claims
    every article under news/, one claims file each under claims/ (reruns skip the unchanged)
claimx batch feed.jsonl -o claims --text-field body --meta-field title=headline
    an article per JSON line, its text and title from those fields
claimx batch news --stream | less
    the claims of every article as one YAML stream, no files written
"""
MERGE_EXAMPLES = """\
claimx batch news -o claims --shard 1/2 & claimx batch news -o claims --shard 2/2; wait
claimx merge claims
    two shards run at once, then their indexes joined into claims/claimx-index.jsonl
"""


class Engine(str, Enum):
    """Where a batch's chunks of files run."""

    local = "local"
    dask = "dask"


def batch(
    ctx: typer.Context,
    inputs: list[str] = typer.Argument(..., metavar="INPUT", hidden=True),
    output: Path = typer.Option(
        None,
        "--output",
        "-o",
        metavar="DIR",
        help="Folder for the claims (mirrors the input tree).",
    ),
    stream: bool = typer.Option(
        False, "--stream", help="Write one YAML stream on stdout instead of files."
    ),
    glob: list[str] = typer.Option(
        [],
        "--glob",
        "-g",
        metavar="PATTERN",
        help="Only files matching (e.g. '*.html'); repeatable.",
    ),
    exclude: list[str] = typer.Option(
        [], "--exclude", "-x", metavar="PATTERN", help="Skip files matching; repeatable."
    ),
    jobs: int = typer.Option(
        0,
        "--jobs",
        "-j",
        metavar="N",
        min=0,
        help="Worker processes, each loading the model; 0: one per core.",
        show_default=False,
    ),
    force: bool = typer.Option(
        False, "--force", help="Redo unchanged files and overwrite outputs not written by claimx."
    ),
    text_field: list[str] = typer.Option(
        [],
        "--text-field",
        metavar="FIELD",
        help="JSON field holding the article text; repeatable, in order.",
    ),
    meta_field: list[str] = typer.Option(
        [],
        "--meta-field",
        metavar="NAME=FIELD",
        help="JSON field for title, date, url or publisher: NAME=FIELD; repeatable.",
    ),
    max_chars: int = typer.Option(
        1_000_000, "--max-chars", metavar="N", help="Skip (and report) longer articles."
    ),
    engine: Engine = typer.Option(
        Engine.local,
        "--engine",
        metavar="ENGINE",
        case_sensitive=False,
        help="local: worker processes here; dask: a Dask cluster (pip install 'claimx[dask]').",
    ),
    scheduler: str = typer.Option(
        None,
        "--scheduler",
        metavar="ADDRESS",
        envvar="CLAIMX_SCHEDULER",
        show_envvar=True,
        help="A Dask scheduler (tcp://HOST:8786) for --engine dask; default: a local "
        "cluster of --jobs workers.",
    ),
    shard: str = typer.Option(
        None,
        "--shard",
        metavar="I/N",
        help="Only shard I of N (by a hash of each file's path), for job arrays; "
        "`claimx merge OUT` joins their indexes.",
    ),
    model: Model = None,
    lang: Lang = None,
) -> None:
    """Extract claims from folders of news files: .txt, .md, .html, .json, .jsonl.

    INPUT: files and folders (searched recursively).

    Reruns skip the files unchanged since the last run (touch a file to redo it);
    an index of every input article is kept in OUTPUT/claimx-index.jsonl.
    """
    from claimx.batch import BatchOptions

    address, part = _checked(ctx, output, stream, engine, scheduler, shard)
    options = BatchOptions(
        output_dir=output,
        model=model,
        jobs=jobs if jobs > 0 else (os.cpu_count() or 1),
        force=force,
        read=_read_options(text_field, meta_field, max_chars, lang),
        engine=engine.value,
        scheduler=address,
        shard=part,
    )
    report = _run(inputs, options, glob, exclude, stream)
    summary(report, options)
    if not report.entries:
        raise NoInput("no article matched the inputs" + (" and --glob" if glob else ""))
    if report.failed:
        raise PartialFailure()


def _checked(
    ctx: typer.Context,
    output: Path | None,
    stream: bool,
    engine: Engine,
    scheduler: str | None,
    shard: str | None,
) -> tuple[str | None, Shard | None]:
    """The options that go together, checked: the scheduler's address and the shard."""
    from claimx.batch import Shard

    if stream and output is not None:
        raise UsageError("give an output folder (-o DIR) or --stream, not both")
    if not stream and output is None:
        raise UsageError("where should the claims go? give an output folder (-o DIR) or --stream")
    address = scheduler
    if address and engine is not Engine.dask:
        source = ctx.get_parameter_source("scheduler")
        if source is None or source.name != "ENVIRONMENT":
            raise UsageError("--scheduler is for --engine dask")
        address = None  # CLAIMX_SCHEDULER is for the runs that ask for Dask
    try:
        part = Shard.parse(shard) if shard is not None else None
    except ValueError as err:
        raise UsageError(str(err)) from None
    if part is not None and stream:
        raise UsageError("--shard writes to an output folder (-o DIR), not --stream")
    return address, part


def _read_options(
    text_field: list[str], meta_field: list[str], max_chars: int, lang: Lang
) -> ReadOptions:
    """How articles are read from the files: JSON fields, the length bound, the language."""
    from claimx.formats import DEFAULT_META_FIELDS, DEFAULT_TEXT_FIELDS, ReadOptions

    metas = dict(DEFAULT_META_FIELDS)
    for value in meta_field:
        name, _, json_field = value.partition("=")
        if name not in metas or not json_field:
            raise UsageError(
                f"--meta-field takes NAME=FIELD with NAME one of {', '.join(metas)}; got {value!r}"
            )
        metas[name] = (json_field, *metas[name])
    return ReadOptions(
        text_fields=tuple(text_field) or DEFAULT_TEXT_FIELDS,
        meta_fields=metas,
        max_chars=max_chars,
        lang=lang.value if lang else None,
    )


def _run(
    inputs: list[str], options: BatchOptions, glob: list[str], exclude: list[str], stream: bool
) -> Report:
    """The batch run, its progress shown; Ctrl-C and SIGTERM end it with what was done kept."""
    from claimx.batch import run

    display = Display()
    try:
        with _terminate_as_interrupt():
            return run(
                inputs,
                options,
                globs=glob,
                excludes=exclude,
                on_progress=display.update,
                on_document=_write_document if stream else None,
            )
    except KeyboardInterrupt as stop:
        display.close()
        terminated = isinstance(stop, Terminated)
        warn(
            f"{'terminated' if terminated else 'interrupted'}: what was done is kept; "
            "run the same command again to resume"
        )
        code = ExitCode.TERMINATED if terminated else ExitCode.INTERRUPTED
        raise typer.Exit(int(code)) from None
    finally:
        display.close()


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM raises Terminated for the block (once: a second one does not cut the
    stopping of the workers short), so that it stops a batch as Ctrl-C does."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread receives signals
        return

    def terminate(signum: int, frame: FrameType | None) -> None:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        raise Terminated()

    previous = signal.signal(signal.SIGTERM, terminate)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _write_document(document: str) -> None:
    sys.stdout.write(document)
    sys.stdout.flush()


def merge(
    output: Path = typer.Argument(..., metavar="OUT", hidden=True),
) -> None:
    """Merge the indexes of `claimx batch --shard I/N` runs into OUT/claimx-index.jsonl.

    OUT: the output folder the shards wrote to. A whole (unsharded) run on OUT merges
    them too.
    """
    from claimx.batch import merge_indexes

    count = merge_indexes(output)
    warn(f"index: {output / 'claimx-index.jsonl'} ({count} articles)")
