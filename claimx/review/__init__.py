"""Claims files under review: load them, find their article text, record decisions.

A claims file is a YAML document (or stream) of the output format (1 or 2). By concern: `files`
(reading, finding the text, saving), `decisions` (statuses, notes, edits, the queue a
reviewer works through), `export`.
"""

from claimx.records import is_claims_document
from claimx.review.decisions import (
    EditRefused,
    ReviewItem,
    ReviewQueue,
    set_review,
    status,
)
from claimx.review.export import export
from claimx.review.files import (
    ClaimsDocument,
    ClaimsFile,
    article_text,
    claims_files,
    load,
)

__all__ = [
    "ClaimsDocument",
    "ClaimsFile",
    "EditRefused",
    "ReviewItem",
    "ReviewQueue",
    "article_text",
    "claims_files",
    "export",
    "is_claims_document",
    "load",
    "set_review",
    "status",
]
