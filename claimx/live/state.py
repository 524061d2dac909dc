"""What `claimx fetch` remembers between runs, in a small file of the output folder:
each URL's validators (ETag, Last-Modified), the file its article went to and that file's
digest (to tell a file fetch wrote from one edited since). Written atomically."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass
from pathlib import Path

from claimx.store.files import write_atomic

STATE_NAME = ".claimx-fetch.json"  # hidden: batch and watch never read it as an article
STATE_VERSION = 1


@dataclass
class Seen:
    """One URL as last fetched."""

    etag: str | None = None
    last_modified: str | None = None
    file: str | None = None  # relative to the output folder: where its article went
    sha256: str | None = None  # of that file as fetch wrote it


class FetchState:
    """The state file of one output folder."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / STATE_NAME
        self.urls: dict[str, Seen] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            data = {}  # none yet, or unreadable: everything is fetched anew
        urls = data.get("urls") if isinstance(data, dict) else None
        for url, seen in (urls or {}).items():
            if isinstance(seen, dict):
                known = {k: v for k, v in seen.items() if k in Seen.__dataclass_fields__}
                if all(v is None or isinstance(v, str) for v in known.values()):
                    self.urls[str(url)] = Seen(**known)

    def get(self, url: str) -> Seen:
        return self.urls.get(url) or Seen()

    def remember(self, url: str, seen: Seen) -> None:
        self.urls[url] = seen

    def save(self) -> None:
        data = {
            "claimx-fetch": STATE_VERSION,
            "urls": {url: asdict(seen) for url, seen in sorted(self.urls.items())},
        }
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
