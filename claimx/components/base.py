"""The shape every data-driven claimx component shares, after spaCy's SpanRuler.

The factory config names the component's data files in `models/` (JSON-safe strings);
the data itself comes through `initialize` (read from `models/` when not given) and is
saved with the pipeline by `to_disk`/`to_bytes`, so a saved pipeline loads without
claimx's data folder. A component added with `nlp.add_pipe` and never initialized
reads its packaged data on its first doc.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.language import Language
from spacy.tokens import Doc

import claimx.components.hits  # noqa: F401  (registers doc._.claimx_lang)
from claimx.resources import load_yaml

Data = dict[str, Any]
_FILE = "data.json"


class DataComponent:
    """A pipeline component compiled from named data files."""

    name: str

    def __init__(self, nlp: Language, name: str, files: dict[str, str]) -> None:
        self.nlp = nlp
        self.name = name
        self.files = dict(files)
        self.data: dict[str, Data] | None = None

    # -- data --------------------------------------------------------------
    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        data: dict[str, Data] | None = None,
    ) -> None:
        """Compile the component from `data` ({role: parsed file}), by default the
        packaged files its config names."""
        if data is None:
            data = {role: load_yaml(file) for role, file in self.files.items()}
        self.data = data
        self.compile(data)

    def compile(self, data: dict[str, Data]) -> None:
        """Build matchers and tables from the data (each component's own)."""
        raise NotImplementedError

    def ready(self) -> None:
        """Initialize from the packaged data if nothing did yet."""
        if self.data is None:
            self.initialize()

    def __call__(self, doc: Doc) -> Doc:
        self.ready()
        return self.process(doc)

    def process(self, doc: Doc) -> Doc:
        raise NotImplementedError

    # -- serialization ------------------------------------------------------
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        self.ready()
        return srsly.json_dumps(self.data).encode("utf-8")  # type: ignore[no-any-return]

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> DataComponent:
        self.initialize(data=srsly.json_loads(data.decode("utf-8")))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        self.ready()
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_json(path / _FILE, self.data)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> DataComponent:
        self.initialize(data=srsly.read_json(Path(path) / _FILE))
        return self
