"""Worker processes for a batch that survive a worker's death (kill -9, the OOM killer):
the chunks not done are given to a fresh pool. After a second death the chunks run one at
a time, so that a chunk that kills its worker again is found, reported as failed file by
file, and the rest of the batch goes on."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool

from claimx.batch.lifetime import Inherited
from claimx.batch.state import BatchOptions, Entry
from claimx.batch.worker import init_worker, work_on
from claimx.inputs import InputFile

Task = tuple[int, list[InputFile], BatchOptions, str, set[str]]
Result = tuple[int, tuple[list[Entry], list[str]]]

SHARED_ATTEMPTS = 2


def in_workers(
    tasks: list[Task], jobs: int, model: str | None, held: tuple[int, ...] = ()
) -> Iterator[Result]:
    """(chunk number, result) as chunks complete in `jobs` worker processes, which end
    with this one and hold the lock files `held` (open file descriptors) as long as
    they live."""
    remaining = {task[0]: task for task in tasks}
    breaks = 0
    while remaining:
        alone = breaks >= SHARED_ATTEMPTS
        batch = [min(remaining)] if alone else sorted(remaining)
        executor = _executor(1 if alone else jobs, model, held)
        futures: dict[Future[Result], int] = {
            executor.submit(work_on, remaining[number]): number for number in batch
        }
        try:
            while futures:
                finished, _ = wait(futures, return_when=FIRST_COMPLETED)
                for future in finished:
                    number = futures.pop(future)
                    result = future.result()  # BrokenProcessPool when a worker died
                    del remaining[number]
                    yield result
        except BrokenProcessPool:
            breaks += 1
            if alone:  # this chunk killed its worker on its own; the others share again
                yield batch[0], (died(remaining.pop(batch[0])), [])
                breaks = 0
        except BaseException:
            _stop(executor)  # Ctrl-C or an error: stop the workers now
            raise
        finally:
            executor.shutdown(wait=True, cancel_futures=True)


def _executor(jobs: int, model: str | None, held: tuple[int, ...]) -> ProcessPoolExecutor:
    context = multiprocessing.get_context("spawn")  # explicit: fork would copy a loaded model
    locks = tuple(Inherited(fd) for fd in held)
    return ProcessPoolExecutor(
        jobs, mp_context=context, initializer=init_worker, initargs=(model, os.getpid(), locks)
    )


def died(task: Task) -> list[Entry]:
    """Failed entries for a chunk whose worker died each time (no size or time recorded,
    so that the next run tries the files again)."""
    message = "the worker process died on this file's chunk (killed, or out of memory)"
    return [Entry(file.rel, "failed", error=message, file=file.rel) for file in task[1]]


def _stop(executor: ProcessPoolExecutor) -> None:
    # concurrent.futures has no public way to end running workers before Python 3.14.
    for process in list(getattr(executor, "_processes", {}).values()):
        process.terminate()
