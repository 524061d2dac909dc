"""The fact-checker's desk on the command line: verdicts published as ClaimReview (through
`claimx summary --format claimreview`) and `claimx match`, claims already checked."""

from __future__ import annotations

from claimx.cli.output import warn
from claimx.errors import NoInput, UsageError


def claimreview_text(
    inputs: list[str], publisher: str | None, site: str | None, model: str | None
) -> tuple[str, bool]:
    """The ClaimReview JSON-LD of the verdicts in `inputs` (each verdict left out said on
    stderr), and whether some input could not be read."""
    from claimx.desk.claimreview import claim_reviews, to_jsonld
    from claimx.desk.load import read

    if not publisher or not site:
        raise UsageError("--format claimreview needs --publisher NAME and --site URL")
    problems: list[str] = []
    articles = read(inputs, model=model, on_error=problems.append)
    for problem in problems:
        warn(problem)
    if not articles:
        raise NoInput("no claims in the inputs")
    written = claim_reviews(articles, publisher, site)
    for reason, count in sorted(written.left_out.items()):
        warn(f"{count} verdict(s) not written as ClaimReview: {reason} (Google requires one)")
    warn(f"{len(written.reviews)} ClaimReview object(s)")
    return to_jsonld(written.reviews), bool(problems)
