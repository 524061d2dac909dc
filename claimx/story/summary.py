"""A folder's story: its actors, chips and figures, the claims that recur across articles,
and where articles disagree (a figure given differently, a claim stated in one and hedged
or denied in another)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from claimx.story.compare import Groups, candidates, disagree_on_figure, is_same_claim
from claimx.story.records import ActorRef, ArticleClaims, ArticleRef, ClaimRow, Figure


def summarize(articles: list[ArticleClaims]) -> dict[str, Any]:
    """The summary of `articles` as plain data (the `claimx summary` JSON)."""
    claims = [claim for article in articles for claim in article.claims]
    groups = Groups(len(claims))
    # Verbatim copies (a wire reprinted) are one claim to compare; their copies join it.
    first_of: dict[tuple[object, ...], int] = {}
    for n, claim in enumerate(claims):
        first = first_of.setdefault(_copy_key(claim), n)
        if first != n:
            groups.join(first, n)
    distinct = sorted(first_of.values())
    disagreements: list[tuple[int, int]] = []
    for x, y in candidates([claims[n] for n in distinct]):
        i, j = distinct[x], distinct[y]
        if is_same_claim(claims[i], claims[j]):
            groups.join(i, j)
        if disagree_on_figure(claims[i], claims[j]):
            disagreements.append((i, j))
    recurring = sorted(
        (sorted(g, key=lambda n: _first_key(claims[n])) for g in groups.members()),
        key=lambda g: (-len({claims[n].article for n in g}), _first_key(claims[g[0]])),
    )
    recurring = [g for g in recurring if len({claims[n].article for n in g}) > 1]
    group_of = {n: f"R{k}" for k, g in enumerate(recurring, 1) for n in g}
    contradictions = _modality_conflicts(recurring, claims, group_of)
    seen: set[tuple[str, ...]] = set()
    for i, j in disagreements:
        a, b = claims[i], claims[j]
        # one contradiction per pair of stories and pair of figures, however many copies
        pair = tuple(sorted(f"{group_of.get(n, n)}:{_amounts(c)}" for n, c in ((i, a), (j, b))))
        if pair in seen:
            continue
        seen.add(pair)
        contradictions.append(
            {
                "kind": "figure",
                "about": sorted({x.name for x in _refs(a) if x.key in b.about}),
                "summary": f"{_figures(a)} vs {_figures(b)}",
                "evidence": [_appearance(a, group_of.get(i)), _appearance(b, group_of.get(j))],
            }
        )
    for number, item in enumerate(contradictions, 1):
        item["id"] = f"X{number}"
    return {
        "articles": [_article(a) for a in articles],
        "actors": _actors(articles),
        "chips": _chips(articles),
        "money": _money(articles),
        "recurring": [
            _recurring(f"R{k}", [claims[n] for n in g]) for k, g in enumerate(recurring, 1)
        ],
        "contradictions": [{"id": c.pop("id"), **c} for c in contradictions],
    }


def _modality_conflicts(
    recurring: list[list[int]], claims: list[ClaimRow], group_of: dict[int, str]
) -> list[dict[str, Any]]:
    found = []
    for group in recurring:
        stances: dict[str, ClaimRow] = {}
        for n in group:
            stances.setdefault(claims[n].stance, claims[n])
        if len(stances) > 1:
            first = claims[group[0]]
            found.append(
                {
                    "kind": "modality",
                    "about": sorted({x.name for x in _refs(first)}),
                    "summary": " vs ".join(
                        f"{stance} in {claim.article.outlet}" for stance, claim in stances.items()
                    ),
                    "recurring": group_of[group[0]],
                    "evidence": [_appearance(c, group_of[group[0]]) for c in stances.values()],
                }
            )
    return found


def _copy_key(claim: ClaimRow) -> tuple[object, ...]:
    source = claim.source.key if claim.source else claim.source_text
    return (claim.text, source, claim.stance, _amounts(claim), tuple(claim.chips))


def _first_key(claim: ClaimRow) -> tuple[int, str, str, int]:
    """Earliest date first; undated articles after the dated ones, by file."""
    date = claim.article.date
    return (0 if date else 1, date or "", claim.article.file, claim.start)


def _refs(claim: ClaimRow) -> list[ActorRef]:
    return [*([claim.source] if claim.source else []), *claim.actors]


def _amounts(claim: ClaimRow) -> str:
    return " ".join(sorted(f"{m.amount} {m.currency}" for m in claim.money))


def _figures(claim: ClaimRow) -> str:
    return ", ".join(m.text for m in claim.money) or "no figure"


def _info(info: ArticleRef) -> dict[str, Any]:
    return {
        "file": info.file,
        "title": info.title,
        "date": info.date,
        "url": info.url,
        "publisher": info.publisher,
    }


def _article(article: ArticleClaims) -> dict[str, Any]:
    return {**_info(article.info), "claims": len(article.claims)}


def _appearance(claim: ClaimRow, group: str | None = None) -> dict[str, Any]:
    return {
        **_info(claim.article),
        "claim": claim.id,
        "start": claim.start,
        "end": claim.end,
        "text": claim.text,
        "source": claim.source.name if claim.source else claim.source_text,
        "modality": claim.modality,
        "stance": claim.stance,
        "money": [_figure(m) for m in claim.money],
        "review": claim.review,
        **({"recurring": group} if group else {}),
    }


def _figure(figure: Figure) -> dict[str, Any]:
    return {
        "text": figure.text,
        "amount": figure.amount,
        "currency": figure.currency,
        "qualifier": figure.qualifier,
    }


def _recurring(group_id: str, claims: list[ClaimRow]) -> dict[str, Any]:
    first = claims[0]
    sources = {c.source.key: c.source for c in claims if c.source}
    figures = {(m.amount, m.currency): m for c in claims for m in c.money}
    return {
        "id": group_id,
        "text": first.text,
        "source": _actor_ref(next(iter(sources.values()))) if sources else None,
        "articles": len({c.article for c in claims}),
        "figures": [_figure(m) for m in figures.values()],
        "chips": sorted({chip for c in claims for chip in c.chips}),
        "first_appearance": _appearance(first),
        "appearances": [_appearance(c) for c in claims],
    }


def _actor_ref(actor: ActorRef) -> dict[str, Any]:
    return {"name": actor.name, "kind": actor.kind, "wikidata": actor.wikidata}


def _actors(articles: list[ArticleClaims]) -> list[dict[str, Any]]:
    names: dict[str, ActorRef] = {}
    mentions: dict[str, int] = defaultdict(int)
    found_in: dict[str, set[str]] = defaultdict(set)
    cited: dict[str, int] = defaultdict(int)
    cited_by: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for actor, count in article.actors:
            names.setdefault(actor.key, actor)
            mentions[actor.key] += count
            found_in[actor.key].add(article.info.file)
        for claim in article.claims:
            if claim.source is not None:
                cited[claim.source.key] += 1
                cited_by[claim.source.key].add(article.info.outlet)
    rows = [
        {
            **_actor_ref(actor),
            "articles": len(found_in[key]),
            "mentions": mentions[key],
            "cited": cited[key],
            "outlets": sorted(cited_by[key]),
        }
        for key, actor in names.items()
    ]
    return sorted(rows, key=lambda r: (-r["articles"], -r["cited"], r["name"]))


def _chips(articles: list[ArticleClaims]) -> list[dict[str, Any]]:
    rows: dict[str, dict[str, Any]] = {}
    for article in articles:
        for name, vendor, count in article.chips:
            row = rows.setdefault(
                name, {"name": name, "vendor": vendor, "articles": 0, "mentions": 0}
            )
            row["articles"] += 1
            row["mentions"] += count
    return sorted(rows.values(), key=lambda r: (-r["articles"], r["name"]))


def _money(articles: list[ArticleClaims]) -> list[dict[str, Any]]:
    rows: dict[tuple[Any, Any], dict[str, Any]] = {}
    for article in articles:
        for figure in article.money:
            key = (figure.amount, figure.currency)
            row = rows.setdefault(
                key,
                {"amount": figure.amount, "currency": figure.currency, "texts": [], "files": set()},
            )
            if figure.text not in row["texts"]:
                row["texts"].append(figure.text)
            row["files"].add(article.info.file)
    out = [
        {
            "amount": r["amount"],
            "currency": r["currency"],
            "articles": len(r["files"]),
            "texts": r["texts"],
        }
        for r in rows.values()
    ]
    return sorted(out, key=lambda r: (-r["articles"], r["currency"] or "", r["amount"] or 0))
