"""A self-contained HTML report of one article or a folder: each text with its spans
highlighted as `claimx show` does, its claims table, then the recurring claims and the
contradictions. One file, no external assets, no script: it reads offline and archives."""

from __future__ import annotations

from html import escape
from itertools import pairwise
from typing import Any

from claimx.render import marks
from claimx.story.records import ArticleClaims

STYLE = """
body { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto;
  padding: 0 1rem; color: #1d1d1f; background: #fff; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2.5rem; }
.meta { color: #555; font-size: .9rem; }
.text { white-space: pre-wrap; border-left: 3px solid #ddd; padding-left: 1rem; }
.claim { background: #fff7d6; }
.actor { color: #00639a; font-weight: 600; }
.chip { color: #8a2d8f; font-weight: 600; }
.money { color: #1b7a2e; font-weight: 600; }
.cue { text-decoration: underline; text-decoration-color: #c98a00; text-decoration-thickness: 2px; }
.hedge { color: #b3261e; font-weight: 600; }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; font-size: .92rem; }
th, td { border: 1px solid #ddd; padding: .3rem .5rem; vertical-align: top; text-align: left; }
th { background: #f4f4f6; }
.legend span { margin-right: 1rem; }
.missing { color: #b3261e; }
"""
LEGEND = (
    ("claim", "claim"),
    ("actor", "actor"),
    ("chip", "chip"),
    ("money", "money"),
    ("cue", "attribution cue"),
    ("hedge", "hedge"),
)


def report_html(articles: list[ArticleClaims], summary: dict[str, Any], title: str) -> str:
    """The report page; `articles` must have been collected with `keep=True`."""
    parts = [
        "<!DOCTYPE html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{len(articles)} articles, '
        f"{sum(len(a.claims) for a in articles)} claims, {len(summary['recurring'])} recurring, "
        f"{len(summary['contradictions'])} contradictions</p>",
        '<p class="legend">'
        + "".join(f'<span class="{kind}">{label}</span>' for kind, label in LEGEND)
        + "</p>",
    ]
    if len(articles) > 1:
        parts += _recurring(summary) + _contradictions(summary)
    for number, article in enumerate(articles, 1):
        parts += _article(number, article)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def _article(number: int, article: ArticleClaims) -> list[str]:
    info, document = article.info, article.document or {}
    heading = info.title or info.source or info.file
    meta = " · ".join(escape(x) for x in (info.publisher, info.date, info.url) if x)
    out = [
        f'<section class="article" id="article-{number}" data-file="{escape(info.file)}">',
        f"<h2>{escape(heading)}</h2>",
        f'<p class="meta">{meta or escape(info.file)}</p>',
    ]
    if article.text is None:
        out.append('<p class="missing">The article text was not found beside its claims.</p>')
    else:
        out.append(f'<div class="text">{_highlighted(article.text, document)}</div>')
    out.append(_claims_table(number, document))
    out.append("</section>")
    return out


def _highlighted(text: str, document: dict[str, Any]) -> str:
    """The text cut into runs of constant highlighting: nested or overlapping spans become
    runs carrying every class (and claim id) that covers them."""
    spans: list[tuple[int, int, str, str]] = [(m.start, m.end, m.kind, "") for m in marks(document)]
    spans += [(c["start"], c["end"], "claim", c["id"]) for c in document.get("claims", [])]
    cuts = sorted({0, len(text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    html = []
    for start, end in pairwise(cuts):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        piece = escape(text[start:end])
        if not covering:
            html.append(piece)
            continue
        kinds = sorted({kind for _, _, kind, _ in covering})
        claims = sorted({claim for *_, claim in covering if claim})
        data = f' data-claim="{" ".join(claims)}"' if claims else ""
        html.append(f'<span class="{" ".join(kinds)}"{data}>{piece}</span>')
    return "".join(html)


def _claims_table(number: int, document: dict[str, Any]) -> str:
    actors = {a["id"]: a["name"] for a in document.get("actors", [])}
    money = {m["id"]: m["text"] for m in document.get("money", [])}
    rows = [
        '<table class="claims"><tr><th>id</th><th>claim</th><th>source</th><th>kind</th>'
        "<th>modality</th><th>money</th><th>review</th></tr>"
    ]
    for claim in document.get("claims", []):
        attribution = claim.get("attribution") or {}
        source = actors.get(attribution.get("source") or "") or attribution.get("source_text")
        rows.append(
            f'<tr id="claim-{number}-{escape(claim["id"])}"><td>{escape(claim["id"])}</td>'
            f"<td>{escape(claim['text'])}</td><td>{escape(source or '')}</td>"
            f"<td>{escape(attribution.get('kind') or '')}</td>"
            f"<td>{escape(claim.get('modality') or '')}</td>"
            f"<td>{escape(', '.join(money[i] for i in claim.get('money', []) if i in money))}</td>"
            f"<td>{escape((claim.get('review') or {}).get('status') or '')}</td></tr>"
        )
    rows.append("</table>")
    return "".join(rows)


def _recurring(summary: dict[str, Any]) -> list[str]:
    out = [
        "<h2>Recurring claims</h2>",
        '<table class="recurring"><tr><th>id</th><th>claim</th><th>source</th>'
        "<th>articles</th><th>first appearance</th><th>appearances</th></tr>",
    ]
    for group in summary["recurring"]:
        first = group["first_appearance"]
        places = "<br>".join(
            escape(f"{p['publisher'] or p['file']} {p['date'] or ''} {p['claim']}")
            for p in group["appearances"]
        )
        out.append(
            f'<tr id="{escape(group["id"])}"><td>{escape(group["id"])}</td>'
            f"<td>{escape(group['text'])}</td>"
            f"<td>{escape((group['source'] or {}).get('name') or '')}</td>"
            f"<td>{group['articles']}</td>"
            f"<td>{escape(' '.join(x for x in (first['date'], first['publisher']) if x))}</td>"
            f"<td>{places}</td></tr>"
        )
    out.append("</table>")
    return out


def _contradictions(summary: dict[str, Any]) -> list[str]:
    out = [
        "<h2>Contradictions</h2>",
        '<table class="contradictions"><tr><th>id</th><th>kind</th><th>about</th>'
        "<th>what</th><th>evidence</th></tr>",
    ]
    for item in summary["contradictions"]:
        evidence = "<br>".join(
            escape(f"{p['publisher'] or p['file']}: « {p['text']} »") for p in item["evidence"]
        )
        out.append(
            f'<tr id="{escape(item["id"])}"><td>{escape(item["id"])}</td>'
            f"<td>{escape(item['kind'])}</td><td>{escape(', '.join(item['about']))}</td>"
            f"<td>{escape(item['summary'])}</td><td>{evidence}</td></tr>"
        )
    out.append("</table>")
    return out
