"""The records of claimx output, owned by `claimx.store.records`; kept importable from here
for `claimx.claims`, which builds them from a Doc."""

from claimx.store.records import (
    FORMAT_VERSION,
    FORMATS,
    ActorRecord,
    ArticleInfo,
    Attribution,
    ChipRecord,
    ClaimRecord,
    Extraction,
    MoneyRecord,
    PercentRecord,
    Review,
    TextSpan,
    is_claims_document,
)

__all__ = [
    "FORMATS",
    "FORMAT_VERSION",
    "ActorRecord",
    "ArticleInfo",
    "Attribution",
    "ChipRecord",
    "ClaimRecord",
    "Extraction",
    "MoneyRecord",
    "PercentRecord",
    "Review",
    "TextSpan",
    "is_claims_document",
]
