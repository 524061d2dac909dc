"""What `claimx watch` remembers across restarts, beside batch's index: which version of
each article its alerts were raised for, and the ids of the alerts sent. One small JSON
file in the claims folder, written atomically."""

from __future__ import annotations

import json
from pathlib import Path

from claimx.batch import Entry
from claimx.errors import OutputError
from claimx.store.files import write_atomic

WATCH_STATE = ".claimx-watch.json"


def version(entry: Entry) -> str:
    """One version of an input article, as the index knows it."""
    return f"{entry.size}:{entry.mtime_ns}:{entry.options}"


class WatchState:
    """Read at start; the first watch of a folder takes what the index already holds as
    seen (`baseline`), so that only new or changed articles raise alerts."""

    def __init__(self, out: Path, baseline: dict[str, Entry]) -> None:
        self.path = out / WATCH_STATE
        self.seen: dict[str, str] = {}
        self.sent: set[str] = set()
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = None
        if isinstance(data, dict):
            seen, sent = data.get("seen"), data.get("sent")
            if isinstance(seen, dict):
                self.seen = {str(k): str(v) for k, v in seen.items()}
            if isinstance(sent, list):
                self.sent = {str(s) for s in sent}
            return
        self.seen = {k: version(e) for k, e in baseline.items() if e.status != "failed"}
        self.save()

    def save(self) -> None:
        data = {"seen": dict(sorted(self.seen.items())), "sent": sorted(self.sent)}
        try:
            write_atomic(self.path, json.dumps(data, ensure_ascii=False) + "\n")
        except OSError as err:
            raise OutputError(f"{self.path}: cannot write ({err.strerror})") from None
