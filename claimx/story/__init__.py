"""Beyond one article: a folder's story.

`collect()` reads claims files, batch output folders or claimx databases (or extracts
articles on the fly) into comparable records (`records`); `summarize()` finds the claims
that recur across articles and where articles disagree (`compare`, `summary`);
`summarize_database()` does it in SQLite for a claimx database (`db_summary`). The
summary goes out as tables and CSV (`tables`), a SQLite database (`db`), schema.org
ClaimReview-ready JSON-LD (`jsonld`) or a self-contained HTML report (`html`).
"""

from claimx.story.db_summary import summarize_database
from claimx.story.load import collect
from claimx.story.records import ArticleClaims, ClaimRow
from claimx.story.summary import summarize

__all__ = ["ArticleClaims", "ClaimRow", "collect", "summarize", "summarize_database"]
