"""Writing files so that a crash or a kill never leaves half of one."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from claimx.errors import Busy
from claimx.store.layout import LOCK_NAME, TEMP_MARK


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


_MODE = 0o666 & ~_umask()  # what open() would give: colleagues read a shared folder


def write_atomic(path: Path, text: str | bytes) -> None:
    """Write `text` (UTF-8, or bytes as they are) to `path` through a temporary file renamed
    over it, with the permissions the umask gives new files."""
    path.parent.mkdir(parents=True, exist_ok=True)
    # The temporary name stays short: a 255-byte file name still fits.
    fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:40]}{TEMP_MARK}")
    try:
        os.fchmod(fd, _MODE)
        if isinstance(text, bytes):
            with os.fdopen(fd, "wb") as binary:
                binary.write(text)
        else:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                f.write(text)
        os.replace(temp, path)  # atomic: a killed process leaves the old file or the new
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise


def remove_stale_temps(folder: Path) -> int:
    """Remove temporary files that a killed run left in `folder`; return how many."""
    removed = 0
    if folder.is_dir():
        for temp in folder.rglob(f".*{TEMP_MARK}*"):
            temp.unlink(missing_ok=True)
            removed += 1
    return removed


@contextmanager
def exclusive(folder: Path, name: str = LOCK_NAME, shared: bool = False) -> Iterator[int]:
    """Hold `folder`'s lock (`.claimx-lock` in it) for the block, which receives the lock
    file's descriptor; raise Busy when another process holds it. A shared hold admits other
    shared ones (the shards of one batch) and excludes an exclusive one.

    The lock belongs to the open file, not to this process: it goes when the last process
    holding that file closes it or ends, killed or not, this one or a worker it passed the
    descriptor to (so it is never released explicitly here, only closed). An exclusive
    holder removes the lock file when done; a process that locked a file removed meanwhile
    (opened before its removal) locks the folder's current one instead."""
    import fcntl

    path = folder / name
    while True:
        handle = path.open("a")
        try:
            fcntl.flock(handle, (fcntl.LOCK_SH if shared else fcntl.LOCK_EX) | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise Busy(f"{folder}: another claimx batch is writing there; wait for it") from None
        if _same_file(handle.fileno(), path):
            break
        handle.close()  # removed by the holder before this process locked it: again
    with handle:
        try:
            yield handle.fileno()
        finally:
            if not shared:  # no one else holds it: it goes (shared holders may remain)
                path.unlink(missing_ok=True)


def _same_file(fd: int, path: Path) -> bool:
    try:
        here, there = os.fstat(fd), path.stat()
    except FileNotFoundError:
        return False
    return (here.st_dev, here.st_ino) == (there.st_dev, there.st_ino)
