"""`claimx batch --engine dask`: a real scheduler and real workers on 127.0.0.1."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from spacy.language import Language
from typer.testing import CliRunner

from claimx.batch import INDEX_NAME, BatchOptions, Progress, read_index, run
from claimx.cli import app
from claimx.cli.exit_codes import ExitCode
from tests.conftest import GOLD_DIR

pytestmark = pytest.mark.slow  # a real scheduler and workers, in processes

distributed = pytest.importorskip("distributed")

TEXTS = [p.read_text(encoding="utf-8") for p in sorted(GOLD_DIR.glob("*.txt"))]
DASK = str(Path(sys.executable).parent / "dask")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A `dask scheduler` and two `dask worker` processes (one thread each), stopped after."""
    address = f"tcp://127.0.0.1:{_free_port()}"
    logs = tmp_path_factory.mktemp("dask-logs")
    port = address.rsplit(":", 1)[1]

    def start(name: str, *args: str) -> subprocess.Popen[bytes]:
        log = (logs / f"{name}.log").open("wb")
        return subprocess.Popen([DASK, *args], stdout=log, stderr=log, cwd=logs)

    processes = [
        start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", port, "--no-dashboard")
    ]
    for n in range(2):
        processes.append(
            start(
                f"worker-{n}",
                "worker",
                address,
                "--nthreads",
                "1",
                "--no-dashboard",
                "--name",
                f"w{n}",
            )
        )
    try:
        with distributed.Client(address, timeout=60) as client:
            client.wait_for_workers(2, timeout=120)
        yield address
    finally:
        for process in reversed(processes):
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()


def _folder(root: Path, count: int) -> Path:
    folder = root / "in"
    folder.mkdir()
    for n in range(count):
        (folder / f"{n:02d}.txt").write_text(TEXTS[n % len(TEXTS)], encoding="utf-8")
    return folder


def _same_outputs(one: Path, two: Path) -> None:
    names = sorted(p.name for p in one.iterdir() if not p.name.startswith("."))
    assert names == sorted(p.name for p in two.iterdir() if not p.name.startswith("."))
    for name in names:
        assert (two / name).read_bytes() == (one / name).read_bytes(), name


def test_a_cluster_gives_the_local_engines_files(
    cluster: str, tmp_path: Path, nlp: Language
) -> None:
    folder = _folder(tmp_path, 20)
    local, remote = tmp_path / "local", tmp_path / "dask"
    run([str(folder)], BatchOptions(output_dir=local, jobs=1))
    result = CliRunner().invoke(
        app, ["batch", str(folder), "-o", str(remote), "--engine", "dask", "--scheduler", cluster]
    )
    assert result.exit_code == 0, result.output
    _same_outputs(local, remote)  # the claims, the text copies and the index
    assert [e.status for e in read_index(remote).values()] == ["done"] * 20
    again = run([str(folder)], BatchOptions(output_dir=remote, engine="dask", scheduler=cluster))
    assert again.count("skipped") == 20


def test_a_killed_worker_does_not_lose_the_run(cluster: str, tmp_path: Path) -> None:
    folder = _folder(tmp_path, 40)
    with distributed.Client(cluster) as client:
        client.wait_for_workers(2, timeout=120)
        pids = list(client.run(os.getpid).values())
    killed: list[int] = []

    def kill_one(progress: Progress) -> None:
        if progress.files_done and not killed:
            killed.append(pids[0])
            os.kill(pids[0], signal.SIGKILL)

    out = tmp_path / "out"
    options = BatchOptions(output_dir=out, jobs=2, engine="dask", scheduler=cluster)
    report = run([str(folder)], options, on_progress=kill_one)
    assert killed
    assert [e.status for e in report.entries] == ["done"] * 40
    assert len(read_index(out)) == 40
    assert all((out / f"{n:02d}.txt.yaml").is_file() for n in range(40))


def test_without_an_address_a_local_cluster_runs(tmp_path: Path, nlp: Language) -> None:
    folder = _folder(tmp_path, 3)
    local, dask = tmp_path / "local", tmp_path / "dask"
    run([str(folder)], BatchOptions(output_dir=local, jobs=1))
    report = run([str(folder)], BatchOptions(output_dir=dask, jobs=1, engine="dask"))
    assert report.count("done") == 3
    _same_outputs(local, dask)


def test_without_dask_the_engine_says_how_to_install_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path, 1)
    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails, as when not installed
    result = CliRunner().invoke(
        app, ["batch", str(folder), "-o", str(tmp_path / "out"), "--engine", "dask"]
    )
    assert result.exit_code == ExitCode.USAGE
    assert "pip install 'claimx[dask]'" in result.output


def test_an_unreachable_scheduler_has_its_own_exit_code(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from claimx.batch import dask_engine

    monkeypatch.setattr(dask_engine, "CONNECT_SECONDS", 2)
    folder = _folder(tmp_path, 1)
    address = f"tcp://127.0.0.1:{_free_port()}"  # nothing listens there
    started = time.monotonic()
    result = CliRunner().invoke(
        app,
        [
            "batch",
            str(folder),
            "-o",
            str(tmp_path / "out"),
            "--engine",
            "dask",
            "--scheduler",
            address,
        ],
    )
    assert result.exit_code == ExitCode.ENGINE
    assert "cannot reach the Dask scheduler" in result.output
    assert time.monotonic() - started < 30
    assert not (tmp_path / "out" / INDEX_NAME).exists() or not read_index(tmp_path / "out")


def test_a_scheduler_needs_the_dask_engine(tmp_path: Path) -> None:
    folder = _folder(tmp_path, 1)
    result = CliRunner().invoke(
        app, ["batch", str(folder), "-o", str(tmp_path / "out"), "--scheduler", "tcp://h:1"]
    )
    assert result.exit_code == ExitCode.USAGE
    assert "--engine dask" in result.output


def test_a_scheduler_in_the_environment_does_not_bother_the_local_engine(
    tmp_path: Path, nlp: Language, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = _folder(tmp_path, 1)
    monkeypatch.setenv("CLAIMX_SCHEDULER", "tcp://127.0.0.1:1")
    result = CliRunner().invoke(app, ["batch", str(folder), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
