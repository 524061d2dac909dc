"""Claims as schema.org `Claim` objects in JSON-LD, ready for a ClaimReview: one per
recurring claim (every appearance) and one per claim seen once. claimx's own fields
(attribution kind, cue, modality, review decision) go under the `claimx:` namespace.

The text is meant to be pasted into `<script type="application/ld+json">`: `<`, `>` and `&`
are written as `\\u003c`, `\\u003e`, `\\u0026` (so no `</script>` can close the element), and
only http(s) urls are kept (no `javascript:`)."""

from __future__ import annotations

from typing import Any

from claimx.escape import script_json, web_url
from claimx.story.records import ActorRef, ArticleClaims, ArticleRef, ClaimRow

NAMESPACE = "urn:claimx:"
AUTHOR_TYPES = {
    "person": "Person",
    "organization": "Organization",
    "government": "GovernmentOrganization",
    "media": "NewsMediaOrganization",
    "group": "Organization",
    "country": "Country",
}


def claims_jsonld(articles: list[ArticleClaims], summary: dict[str, Any]) -> dict[str, Any]:
    """A JSON-LD document (`@context` and `@graph`) of every claim of `articles`."""
    by_place = {(a.info.file, c.id): c for a in articles for c in a.claims}
    graph: list[dict[str, Any]] = []
    grouped: set[tuple[str, str]] = set()
    for group in summary["recurring"]:
        places = [(p["file"], p["claim"]) for p in group["appearances"]]
        grouped.update(places)
        graph.append(_claim(f"#{group['id']}", [by_place[p] for p in places]))
    for article in articles:
        for claim in article.claims:
            if (article.info.file, claim.id) not in grouped:
                graph.append(_claim(f"#{_slug(article.info.file)}-{claim.id}", [claim]))
    return {
        "@context": {"@vocab": "https://schema.org/", "claimx": NAMESPACE},
        "@graph": graph,
    }


def jsonld_text(document: dict[str, Any]) -> str:
    """The JSON-LD document as text to paste into a script element."""
    return script_json(document)


def _claim(identifier: str, claims: list[ClaimRow]) -> dict[str, Any]:
    first = claims[0]  # the summary orders appearances by date
    source = next((c.source for c in claims if c.source is not None), None)
    item: dict[str, Any] = {
        "@type": "Claim",
        "@id": identifier,
        "text": first.text,
        "appearance": [_appearance(c) for c in claims],
        "firstAppearance": _appearance(first),
        "claimx:modality": first.modality,
        "claimx:stance": sorted({c.stance for c in claims}),
    }
    if first.article.date:
        item["datePublished"] = first.article.date
    if source is not None:
        item["author"] = _author(source)
    elif first.source_text:
        item["author"] = {"@type": "Thing", "name": first.source_text}
    if first.kind:
        item["claimx:attribution"] = first.kind
    if first.cue:
        item["claimx:cue"] = first.cue
    reviews = [c.review for c in claims if c.review and c.review != "pending"]
    if reviews:
        item["claimx:review"] = reviews[0]
    return item


def _author(actor: ActorRef) -> dict[str, Any]:
    author: dict[str, Any] = {"@type": AUTHOR_TYPES.get(actor.kind, "Thing"), "name": actor.name}
    if actor.wikidata:
        author["sameAs"] = f"https://www.wikidata.org/wiki/{actor.wikidata}"
    return author


def _appearance(claim: ClaimRow) -> dict[str, Any]:
    info: ArticleRef = claim.article
    work: dict[str, Any] = {"@type": "NewsArticle", "claimx:file": info.file}
    url = web_url(info.url)
    if url:
        work["url"] = url
    if info.title:
        work["headline"] = info.title
    if info.date:
        work["datePublished"] = info.date
    if info.publisher:
        work["publisher"] = {"@type": "Organization", "name": info.publisher}
    work["claimx:claim"] = claim.id
    work["claimx:start"] = claim.start
    work["claimx:end"] = claim.end
    return work


def _slug(file: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in file).strip("-")
