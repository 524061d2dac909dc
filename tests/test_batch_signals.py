"""`claimx batch` killed or terminated, as real processes: its workers end with it, what was
done is kept, and the next run neither runs beside survivors nor loses anything."""

from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest

from claimx.batch import INDEX_NAME, read_index
from claimx.cli.exit_codes import ExitCode
from tests.conftest import GOLD_DIR

CLAIMX = str(Path(sys.executable).with_name("claimx"))
TEXTS = [p.read_text(encoding="utf-8") for p in sorted(GOLD_DIR.glob("*.txt"))]
FILES = 24
PR_SET_CHILD_SUBREAPER = 36


def _news(folder: Path) -> None:
    """Files of several articles each: a worker's chunk takes seconds, not milliseconds."""
    folder.mkdir()
    for n in range(FILES):
        parts = [TEXTS[(n + k) % len(TEXTS)] for k in range(12)]
        (folder / f"{n:02d}.txt").write_text("\n\n".join(parts), encoding="utf-8")


def _alive(group: int) -> list[str]:
    """The processes of a process group still alive (zombies waiting to be reaped are
    dead)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:
            continue
        name, _, rest = text.rpartition(")")
        fields = rest.split()  # state, ppid, process group, session…
        if int(fields[2]) == group and fields[0] != "Z":
            found.append(f"{stat.parent.name} {name.partition('(')[2]}")
    return found


def _state(pid: int) -> str:
    return Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]


def _claims(out: Path) -> dict[str, int]:
    return {p.name: p.stat().st_mtime_ns for p in out.glob("*.yaml")}


def _start(folder: Path, out: Path, *options: str) -> subprocess.Popen[bytes]:
    batch = subprocess.Popen(
        [CLAIMX, "batch", str(folder), "-o", str(out), "-j", "2", *options],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=os.setpgrp,  # its own process group: every process it starts is found
    )
    deadline = time.monotonic() + 180
    index = out / INDEX_NAME
    while not (index.is_file() and index.stat().st_size):  # at work, and a file recorded
        assert batch.poll() is None, batch.stderr.read().decode() if batch.stderr else ""
        assert time.monotonic() < deadline, "no file done in 3 minutes"
        time.sleep(0.1)
    return batch


@pytest.mark.slow
@pytest.mark.parametrize(
    ("signum", "engine"),
    [(signal.SIGKILL, "local"), (signal.SIGTERM, "local"), (signal.SIGKILL, "dask")],
    ids=["kill-9", "sigterm", "kill-9-dask"],
)
def test_a_killed_batch_leaves_no_process_and_loses_nothing(
    tmp_path: Path, signum: signal.Signals, engine: str
) -> None:
    if engine == "dask":
        pytest.importorskip("distributed")
    folder, out = tmp_path / "in", tmp_path / "out"
    _news(folder)
    batch = _start(folder, out, "--engine", engine)
    os.kill(batch.pid, signum)
    code = batch.wait(timeout=60)
    time.sleep(3)
    assert _alive(batch.pid) == []
    written = _claims(out)
    assert len(written) < FILES  # stopped mid-run
    if signum == signal.SIGTERM:
        assert code == ExitCode.TERMINATED == 128 + signal.SIGTERM
        stderr = batch.stderr.read().decode() if batch.stderr else ""
        last = stderr.strip().splitlines()[-1]
        assert "terminated" in last and "run the same command again" in last, stderr
        assert "Traceback" not in stderr
    time.sleep(1)
    assert _claims(out) == written  # nothing wrote there after its end
    kept = read_index(out)  # what was done before the end, in the index
    assert 0 < len(kept) <= len(written)
    rerun = _rerun(folder, out)
    assert rerun.returncode == 0, rerun.stderr
    assert f"{len(kept)} unchanged" in rerun.stderr
    assert [e.status for e in read_index(out).values()] == ["done"] * FILES
    assert not list(out.glob(".*claimx-tmp*"))


def _workers(parent: int) -> list[int]:
    """The worker processes of a batch (not multiprocessing's resource tracker)."""
    found = []
    for cmdline in Path("/proc").glob("[0-9]*/cmdline"):
        try:
            stat = (cmdline.parent / "stat").read_text().rpartition(")")[2].split()
            if int(stat[1]) == parent and b"spawn_main" in cmdline.read_bytes():
                found.append(int(cmdline.parent.name))
        except OSError:
            continue
    return found


def _rerun(folder: Path, out: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [CLAIMX, "batch", str(folder), "-o", str(out), "-j", "1"],
        capture_output=True,
        text=True,
        timeout=600,
    )


@contextmanager
def _adopting_orphans() -> Iterator[None]:
    """This process adopts the orphans of its descendants (a child subreaper), as a
    service manager does: a stopped worker whose batch died is then not sent SIGHUP by the
    kernel, as the stopped members of an orphaned process group are."""
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    try:
        yield
    finally:
        libc.prctl(PR_SET_CHILD_SUBREAPER, 0, 0, 0, 0)


def _reap(group: int) -> None:
    with suppress(ChildProcessError):
        while os.waitpid(-group, os.WNOHANG)[0]:
            pass


@pytest.mark.slow
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="prctl is Linux's")
def test_a_rerun_never_runs_beside_a_survivor(tmp_path: Path) -> None:
    """A worker that has not yet noticed its parent's death (stopped here) still holds the
    folder's lock: a rerun is refused until it has ended."""
    folder, out = tmp_path / "in", tmp_path / "out"
    _news(folder)
    with _adopting_orphans():
        batch = _start(folder, out)
        workers = _workers(batch.pid)
        assert len(workers) == 2
        for worker in workers:
            os.kill(worker, signal.SIGSTOP)
        deadline = time.monotonic() + 30
        while any(_state(worker) != "T" for worker in workers):  # the stop takes effect
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(batch.pid, signal.SIGKILL)
        batch.wait(timeout=60)
        try:
            refused = _rerun(folder, out)
            assert refused.returncode == ExitCode.BUSY, refused.stderr
            assert "another claimx batch" in refused.stderr
            written = _claims(out)
        finally:
            for worker in workers:
                os.kill(worker, signal.SIGCONT)
        time.sleep(3)
        alive = _alive(batch.pid)
        _reap(batch.pid)
    assert alive == []
    assert _claims(out) == written
    rerun = _rerun(folder, out)
    assert rerun.returncode == 0, rerun.stderr
    assert [e.status for e in read_index(out).values()] == ["done"] * FILES
