"""Worker processes that never outlive the batch that started them.

Each worker ends with its parent: on Linux the kernel sends it SIGTERM when the parent dies
(`prctl(PR_SET_PDEATHSIG)`), and everywhere a watchdog thread ends it when its parent is no
longer its parent. And each holds the output folder's locks, inherited from its parent (the
same open file, so the same `flock`): a lock is free only when the batch and every worker it
started have ended, so that a rerun never runs beside a survivor.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from multiprocessing import reduction
from typing import Any

WATCH_SECONDS = 0.2  # how often a worker looks at its parent
_PR_SET_PDEATHSIG = 1
_HELD: list[int] = []  # the inherited lock files of this worker, open until it ends


class Inherited:
    """A file descriptor given to a worker process as it is spawned: the worker gets one
    of its own on the same open file (multiprocessing passes it as it passes sockets)."""

    def __init__(self, fd: int) -> None:
        self.fd = fd

    def __reduce__(self) -> tuple[Any, tuple[Any]]:
        return _rebuild, (reduction.DupFd(self.fd),)


def _rebuild(duplicate: Any) -> Inherited:
    return Inherited(duplicate.detach())


def end_with(parent: int, held: tuple[Inherited, ...] = ()) -> None:
    """In a worker: end when the process `parent` ends; keep `held` open until then."""
    _HELD.extend(item.fd for item in held)
    if sys.platform.startswith("linux"):
        try:
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(_PR_SET_PDEATHSIG, int(signal.SIGTERM), 0, 0, 0)
        except (OSError, AttributeError):  # pragma: no cover - a libc without prctl
            pass
    if os.getppid() != parent:  # it died before the request above
        os._exit(1)
    threading.Thread(target=_watch, args=(parent,), name="claimx-parent", daemon=True).start()


def _watch(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(WATCH_SECONDS)
    os._exit(1)  # the parent is gone: nothing this worker does would be recorded
