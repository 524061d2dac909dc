"""claimx: structured, checkable claims from French tech-policy news."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__version__ = "0.2.0"

if TYPE_CHECKING:
    from claimx.api import Failure, extract, extract_many, load_pipeline
    from claimx.articles import Article

__all__ = ["Article", "Failure", "__version__", "extract", "extract_many", "load_pipeline"]


def __getattr__(name: str) -> Any:
    # Lazy: `import claimx` (and `claimx --help`) must not import spaCy.
    if name in ("Failure", "extract", "extract_many", "load_pipeline"):
        from claimx import api

        return getattr(api, name)
    if name == "Article":
        from claimx.articles import Article

        return Article
    raise AttributeError(f"module 'claimx' has no attribute {name!r}")
