"""Running a batch's chunks on Dask: a `LocalCluster` on this machine, or the cluster at a
scheduler address. Only where the chunks run changes: each task reads its files and writes
their claims files (so every worker must see INPUT and OUT at the same paths), and this
process keeps the index exactly as the local engine does.

A worker loads the pipeline once, at its first task (`claimx.api.cached_pipeline`). Dask
reruns the tasks of a worker that dies; a task that raised is retried once, then its files
are reported as failed; a chunk that kills every worker it lands on is reported as failed.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from typing import Any

from claimx.batch.pool import Result, Task, died
from claimx.batch.state import Entry
from claimx.errors import EngineError, ModelError, UsageError

INSTALL_HINT = "--engine dask needs Dask: pip install 'claimx[dask]'"
CONNECT_SECONDS = 30
# For the LocalCluster claimx starts (a cluster of one's own is configured by its owner).
# Dask's statistical profiler samples every task's stack each 10 ms and its monitors poll
# several times a second: on a machine whose every core runs a worker, that time is taken
# from extraction. Its workers' default MALLOC_TRIM_THRESHOLD_ (64 KiB) has glibc give
# memory back and ask for it again all along spaCy's allocations: 4× the system time.
LOCAL_CONFIG: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.system-monitor.interval": "5s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.tick.interval": "1s",
    "distributed.nanny.pre-spawn-environ": {
        "OMP_NUM_THREADS": 1,
        "MKL_NUM_THREADS": 1,
        "OPENBLAS_NUM_THREADS": 1,
    },
}


def on_dask(tasks: list[Task], jobs: int, scheduler: str | None) -> Iterator[Result]:
    """(chunk number, result) as chunks complete on Dask."""
    client, cluster = _connect(jobs, scheduler)
    try:
        from distributed import as_completed

        run = uuid.uuid4().hex[:8]  # keys unique to this run: a shared cluster keeps results
        futures = {
            client.submit(run_task, task, key=f"claimx-{run}-{task[0]}", retries=1, pure=False): (
                task
            )
            for task in tasks
        }
        for future in as_completed(futures):
            task = futures[future]
            yield _outcome(future, task)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def run_task(task: Task) -> Result:
    """A Dask task: one chunk, with this worker process's pipeline."""
    from claimx.api import cached_pipeline
    from claimx.batch.worker import process_chunk

    number, chunk, options, fingerprint, owned = task
    nlp = cached_pipeline(options.model)
    return number, process_chunk(nlp, chunk, options, fingerprint, owned)


def _outcome(future: Any, task: Task) -> Result:
    from distributed.client import FutureCancelledError
    from distributed.scheduler import KilledWorker

    try:
        result: Result = future.result()
        return result
    except ModelError:
        raise  # a model the workers cannot load fails the run, as in the local engine
    except KilledWorker:
        return task[0], (died(task), [])
    except FutureCancelledError as err:
        return task[0], (_failed(task, f"the cluster cancelled this file's chunk ({err})"), [])
    except Exception as err:
        message = f"extraction failed on Dask: {type(err).__name__}: {err}"
        return task[0], (_failed(task, message), [])


def _failed(task: Task, message: str) -> list[Entry]:
    return [Entry(file.rel, "failed", error=message, file=file.rel) for file in task[1]]


def _connect(jobs: int, scheduler: str | None) -> tuple[Any, Any]:
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise UsageError(INSTALL_HINT) from None
    if scheduler is None:
        with dask.config.set(LOCAL_CONFIG):  # the workers take it when they start
            cluster = LocalCluster(
                n_workers=jobs,
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",  # no fixed port: two runs at once do not collide
                scheduler_kwargs={"dashboard": False},
                silence_logs=logging.ERROR,
            )
        return Client(cluster), cluster
    try:
        return Client(scheduler, timeout=CONNECT_SECONDS), None
    except (OSError, TimeoutError, ValueError) as err:
        raise EngineError(f"cannot reach the Dask scheduler at {scheduler} ({err})") from None
