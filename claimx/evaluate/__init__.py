"""Score extractions against gold annotations (`shared/spec/gold-format.md`).

Categories: actors, chips, money, attributions, hedged. Each gets precision,
recall and F1; actors, chips and attributions also an accuracy over matches
(kind, vendor, kind).

By concern: `gold` (reading gold files), `scoring`, `report`.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimx.evaluate.gold import GoldArticle, find_gold, load_gold
from claimx.evaluate.report import CATEGORIES, Report, Score
from claimx.evaluate.scoring import (
    score_actors,
    score_attributions,
    score_chips,
    score_document,
    score_hedged,
    score_money,
)


def evaluate(gold_articles: Iterable[GoldArticle], model: str | None = None) -> Report:
    """Run extraction on every gold article and score it."""
    from claimx.api import Failure, cached_pipeline, extract_many
    from claimx.articles import read_article
    from claimx.errors import InputError

    golds = list(gold_articles)
    nlp = cached_pipeline(model)
    articles = [read_article(str(g.article)) for g in golds]
    report = Report()
    for gold, article, extraction in zip(golds, articles, extract_many(articles, nlp), strict=True):
        if isinstance(extraction, Failure):  # a gold article claimx cannot read: no score
            raise InputError(extraction.message)
        report.add(gold.path.name, score_document(extraction.to_dict(), gold.data, article.text))
    return report


__all__ = [
    "CATEGORIES",
    "GoldArticle",
    "Report",
    "Score",
    "evaluate",
    "find_gold",
    "load_gold",
    "score_actors",
    "score_attributions",
    "score_chips",
    "score_document",
    "score_hedged",
    "score_money",
]
