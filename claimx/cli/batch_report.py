"""What `claimx batch` shows while it runs (a progress bar, or plain lines off a terminal)
and says when it ends."""

from __future__ import annotations

import sys
import time
from typing import TYPE_CHECKING

from claimx.cli.output import warn

if TYPE_CHECKING:
    from rich.progress import Progress as RichProgress
    from rich.progress import TaskID

    from claimx.batch import BatchOptions, Progress, Report

PLAIN_EVERY = 5.0  # seconds between progress lines when stderr is not a terminal


class Display:
    """A rich progress bar on a terminal, plain periodic lines otherwise (on stderr)."""

    def __init__(self) -> None:
        self.bar: RichProgress | None = None
        self.task: TaskID | None = None
        self.last_line = 0.0
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                TextColumn,
                TimeElapsedColumn,
                TimeRemainingColumn,
            )
            from rich.progress import Progress as RichProgress

            self.bar = RichProgress(
                TextColumn("claimx batch"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn(
                    "files · {task.fields[rate]:.1f} articles/s · {task.fields[failed]} failed"
                ),
                TimeElapsedColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
                transient=True,
            )

    def update(self, progress: Progress) -> None:
        if self.bar is not None:
            if self.task is None:
                self.bar.start()
                self.task = self.bar.add_task(
                    "batch", total=progress.files_total, rate=0.0, failed=0
                )
            self.bar.update(
                self.task,
                completed=progress.files_done,
                rate=progress.rate,
                failed=progress.failed,
            )
            return
        now = time.monotonic()
        finished = progress.files_done >= progress.files_total
        if now - self.last_line >= PLAIN_EVERY or (finished and self.last_line):
            self.last_line = now
            warn(
                f"{progress.files_done}/{progress.files_total} files, {progress.articles} "
                f"articles, {progress.rate:.1f} articles/s, {progress.failed} failed"
            )

    def close(self) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.stop()
            self.task = None


def summary(report: Report, options: BatchOptions) -> None:
    output = options.output_dir
    done, skipped, failed = report.count("done"), report.count("skipped"), len(report.failed)
    rate = done / report.seconds if report.seconds else 0.0
    line = (
        f"{len(report.entries)} articles: {done} done ({rate:.1f}/s), "
        f"{skipped} unchanged, {failed} failed"
    )
    if report.ignored:
        count = len(report.ignored)
        line += f"; {count} file{'s' if count > 1 else ''} of other kinds ignored"
    warn(line)
    for given, name in report.renamed:
        if output is not None:
            warn(f"  {given}: written as {output / name} (another input bears its name)")
    for entry in report.failed[:10]:
        warn(f"  {entry.input}: {entry.error}")
    if failed > 10:
        warn(f"  … and {failed - 10} more")
    if output is not None and report.entries:
        name = options.index_name
        warn(f"index: {output / name}")
