"""Verdicts as schema.org ClaimReview, with the fields Google's ClaimReview guidelines
require (claimReviewed, reviewRating.alternateName, url, author, datePublished) and those it
recommends (ratingValue, bestRating, worstRating; itemReviewed as a Claim with its author,
appearance, firstAppearance, datePublished). Only claims with a verdict are written; one
fact-check (its url and rating) found on the same claim in several articles is one
ClaimReview with every appearance. JSON Schema: `claimx/schema/claimreview.schema.json`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from claimx.desk.load import DeskArticle
from claimx.errors import UsageError
from claimx.ratings import scale
from claimx.store.decisions import Verdict, verdict_of, web_url
from claimx.store.records import ClaimRecord

CONTEXT = "https://schema.org"
WIKIDATA = "https://www.wikidata.org/wiki/"
# In a <script type="application/ld+json"> element these would end or open markup.
_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


@dataclass
class Found:
    """One claim with a verdict, in its article."""

    article: DeskArticle
    claim: ClaimRecord
    verdict: Verdict


@dataclass
class Written:
    """The ClaimReview objects, and the verdicts left out with the reason why."""

    reviews: list[dict[str, Any]] = field(default_factory=list)
    left_out: dict[str, int] = field(default_factory=dict)


def claim_reviews(articles: list[DeskArticle], publisher: str, site: str) -> Written:
    """The ClaimReview objects of every verdict in `articles`, published by `publisher` at
    `site` (an http(s) url; UsageError otherwise)."""
    if not publisher.strip():
        raise UsageError("--publisher: the fact-checker's name is required")
    if web_url(site) is None:
        raise UsageError(f"--site {site!r}: an http:// or https:// url is required")
    written = Written()
    groups: dict[tuple[str, str], list[Found]] = {}
    for article in articles:
        for claim in article.extraction.claims:
            verdict = verdict_of(claim.review.to_dict() if claim.review else None)
            if verdict is None:
                continue  # unreviewed, or no valid verdict: never written
            missing = "no fact-check url" if verdict.url is None else None
            missing = missing or ("no verdict date" if verdict.date is None else None)
            if missing:
                written.left_out[missing] = written.left_out.get(missing, 0) + 1
                continue
            key = (str(verdict.url), verdict.rating.name)
            groups.setdefault(key, []).append(Found(article, claim, verdict))
    author = {"@type": "Organization", "name": publisher.strip(), "url": site}
    for key in sorted(groups):
        written.reviews.append(_review(groups[key], author))
    return written


def _review(group: list[Found], author: dict[str, Any]) -> dict[str, Any]:
    """One ClaimReview: the first appearance's claim, every appearance, the verdict."""
    group.sort(key=lambda f: (f.article.extraction.article.date or "9999", f.article.file))
    first, verdict = group[0], group[0].verdict
    rating: dict[str, Any] = {"@type": "Rating", "alternateName": verdict.rating.name}
    if verdict.rating.position is not None:
        rating["ratingValue"] = verdict.rating.position
    rating |= {"bestRating": scale().best, "worstRating": scale().worst}
    claim: dict[str, Any] = {"@type": "Claim"}
    speaker = _claim_author(first)
    if speaker is not None:
        claim["author"] = speaker
    dated = first.article.extraction.article.date
    if dated:
        claim["datePublished"] = dated
    appearances = [_appearance(f.article) for f in group]
    claim["appearance"] = appearances
    claim["firstAppearance"] = appearances[0]
    return {
        "@context": CONTEXT,
        "@type": "ClaimReview",
        "url": verdict.url,
        "claimReviewed": first.claim.text,
        "datePublished": max(str(f.verdict.date) for f in group),
        "author": author,
        "reviewRating": rating,
        "itemReviewed": claim,
    }


def _claim_author(found: Found) -> dict[str, Any] | None:
    """Who made the claim: its source actor (with its Wikidata page), else the source as
    written, else the outlet that published it."""
    attribution, extraction = found.claim.attribution, found.article.extraction
    if attribution is not None and attribution.kind != "no_comment":
        actor = next((a for a in extraction.actors if a.id == attribution.source), None)
        if actor is not None:
            kind = "Person" if actor.kind == "person" else "Organization"
            out: dict[str, Any] = {"@type": kind, "name": actor.name}
            if actor.wikidata:
                out["sameAs"] = WIKIDATA + actor.wikidata
            return out
        if attribution.source_text:
            return {"@type": "Thing", "name": attribution.source_text}
    if extraction.article.publisher:
        return {"@type": "Organization", "name": extraction.article.publisher}
    return None


def _appearance(article: DeskArticle) -> dict[str, Any]:
    """The article a claim appeared in, as a CreativeWork (its url only when http(s))."""
    info = article.extraction.article
    out: dict[str, Any] = {"@type": "CreativeWork"}
    url = web_url(info.url)
    if url:
        out["url"] = url
    out["headline"] = info.title or article.file
    if info.date:
        out["datePublished"] = info.date
    if info.publisher:
        out["publisher"] = {"@type": "Organization", "name": info.publisher}
    return out


def to_jsonld(reviews: list[dict[str, Any]]) -> str:
    """JSON-LD safe to put in a <script> element: `<`, `>`, `&` and the line separators
    written as \\u escapes (still the same JSON)."""
    text = json.dumps(reviews, ensure_ascii=False, indent=2)
    return "".join(_ESCAPES.get(ch, ch) for ch in text) + "\n"
