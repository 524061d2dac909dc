"""Claims files under review: record decisions, export them, make gold files of them.

A claims file is a YAML document (or stream) of the output format (1 or 2); `claimx.store`
owns it (reading, finding the text, saving). By concern here: `decisions` (statuses, notes,
edits, the queue a reviewer works through), `export`, `gold`.
"""

from claimx.review.decisions import (
    EditRefused,
    ReviewItem,
    ReviewQueue,
    set_review,
    status,
)
from claimx.review.export import export
from claimx.store import (
    ClaimsDocument,
    ClaimsFile,
    SaveFailed,
    article_text,
    claims_files,
    is_claims_document,
    load,
)

__all__ = [
    "ClaimsDocument",
    "ClaimsFile",
    "EditRefused",
    "ReviewItem",
    "ReviewQueue",
    "SaveFailed",
    "article_text",
    "claims_files",
    "export",
    "is_claims_document",
    "load",
    "set_review",
    "status",
]
