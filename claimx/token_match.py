"""A fast start for French pipelines: spaCy's TOKEN_MATCH from an equivalent pattern.

spaCy's French tokenizer compiles a 1.45 MB regular expression every time a pipeline
loads, which costs Python 2 s or more. `models/fr_token_match.json` holds the same
alternatives regrouped so that it compiles in milliseconds (see
`tools/build_token_match.py`). `prime()` compiles it and files it in `re`'s pattern
cache under the stock pattern, so that spaCy's own `re.compile` calls, at import and
when the tokenizer loads, get it at once. It does so only when the model's stored
pattern is exactly the one the fast pattern was built from (by sha256); otherwise
spaCy compiles its own, as usual.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import re
from pathlib import Path

from claimx.resources import data_path

DATA_FILE = "fr_token_match.json"


def stock_pattern(model: str) -> str | None:
    """The token_match pattern stored in a spaCy pipeline's tokenizer, or None."""
    import srsly

    for tokenizer in _tokenizer_files(model):
        data = srsly.msgpack_loads(tokenizer.read_bytes())
        pattern = data.get("token_match") if isinstance(data, dict) else None
        return pattern if isinstance(pattern, str) else None
    return None


def fast_pattern() -> tuple[str, str]:
    """The fast pattern and the sha256 of the stock pattern it replaces."""
    data = json.loads(data_path(DATA_FILE).read_text(encoding="utf-8"))
    return str(data["pattern"]), str(data["replaces_sha256"])


def prime(model: str) -> bool:
    """File the fast pattern under `model`'s stock pattern in `re`'s cache.

    Returns whether it did; a model with another pattern is left alone.
    """
    stock = stock_pattern(model)
    if stock is None:
        return False
    pattern, replaces = fast_pattern()
    if hashlib.sha256(stock.encode("utf-8")).hexdigest() != replaces:
        return False
    cache = getattr(re, "_cache", None)
    if not isinstance(cache, dict):  # a Python whose re module caches differently
        return False
    cache[(str, stock, 0)] = re.compile(pattern)
    return True


def _tokenizer_files(model: str) -> list[Path]:
    path = Path(model)
    if not path.exists():
        spec = importlib.util.find_spec(model) if model.isidentifier() else None
        if spec is None or spec.origin is None:
            return []
        path = Path(spec.origin).parent
    if (path / "tokenizer").is_file():
        return [path / "tokenizer"]
    return sorted(path.glob("*/tokenizer"))
