"""A self-contained HTML report of one article or a folder: each text with its spans
highlighted as `claimx show` does, its claims table, then the recurring claims and the
contradictions. One file, no external assets, no script: it reads offline and archives.

Everything on the page comes from claims files and articles, untrusted: every value goes
through `claimx.story.escape` (`text` for content, `attr` for attributes), and a
Content-Security-Policy forbids scripts even if one slipped through."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from claimx.render import marks
from claimx.story.escape import attr, text, web_url
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
# No script, no external resource: styles inline, images only as data: urls.
CSP = "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:"
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
        f'<meta http-equiv="Content-Security-Policy" content="{attr(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{text(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{text(title)}</h1>",
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
    meta = " · ".join(text(x) for x in (info.publisher, info.date, web_url(info.url)) if x)
    out = [
        f'<section class="article" id="article-{number}" data-file="{attr(info.file)}">',
        f"<h2>{text(heading)}</h2>",
        f'<p class="meta">{meta or text(info.file)}</p>',
    ]
    if article.text is None:
        out.append('<p class="missing">The article text was not found beside its claims.</p>')
    else:
        out.append(f'<div class="text">{_highlighted(article.text, document)}</div>')
    out.append(_claims_table(number, document))
    out.append("</section>")
    return out


def _highlighted(body: str, document: dict[str, Any]) -> str:
    """The text cut into runs of constant highlighting: nested or overlapping spans become
    runs carrying every class (and claim id) that covers them."""
    spans: list[tuple[int, int, str, str]] = [(m.start, m.end, m.kind, "") for m in marks(document)]
    spans += [(c["start"], c["end"], "claim", c["id"]) for c in document.get("claims", [])]
    cuts = sorted({0, len(body), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    html = []
    for start, end in pairwise(cuts):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        piece = text(body[start:end])
        if not covering:
            html.append(piece)
            continue
        kinds = sorted({kind for _, _, kind, _ in covering})
        claims = sorted({claim for *_, claim in covering if claim})
        data = f' data-claim="{attr(" ".join(claims))}"' if claims else ""
        html.append(f'<span class="{attr(" ".join(kinds))}"{data}>{piece}</span>')
    return "".join(html)


def _table(kind: str, headers: tuple[str, ...], rows: list[tuple[str, list[str]]]) -> str:
    """A table of class `kind`: (row id, cells as HTML already escaped) per row."""
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join(
        f'<tr id="{attr(row_id)}">' + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
        for row_id, cells in rows
    )
    return f'<table class="{kind}"><tr>{head}</tr>{body}</table>'


def _claims_table(number: int, document: dict[str, Any]) -> str:
    actors = {a["id"]: a["name"] for a in document.get("actors", [])}
    money = {m["id"]: m["text"] for m in document.get("money", [])}
    rows = []
    for claim in document.get("claims", []):
        attribution = claim.get("attribution") or {}
        source = actors.get(attribution.get("source") or "") or attribution.get("source_text")
        cells = [
            claim["id"],
            claim["text"],
            source or "",
            attribution.get("kind") or "",
            claim.get("modality") or "",
            ", ".join(money[i] for i in claim.get("money", []) if i in money),
            (claim.get("review") or {}).get("status") or "",
        ]
        rows.append((f"claim-{number}-{claim['id']}", [text(c) for c in cells]))
    headers = ("id", "claim", "source", "kind", "modality", "money", "review")
    return _table("claims", headers, rows)


def _recurring(summary: dict[str, Any]) -> list[str]:
    rows = []
    for group in summary["recurring"]:
        first = group["first_appearance"]
        places = "<br>".join(
            text(f"{p['publisher'] or p['file']} {p['date'] or ''} {p['claim']}")
            for p in group["appearances"]
        )
        cells = [
            group["id"],
            group["text"],
            (group["source"] or {}).get("name") or "",
            str(group["articles"]),
            " ".join(x for x in (first["date"], first["publisher"]) if x),
        ]
        rows.append((group["id"], [*(text(c) for c in cells), places]))
    headers = ("id", "claim", "source", "articles", "first appearance", "appearances")
    return ["<h2>Recurring claims</h2>", _table("recurring", headers, rows)]


def _contradictions(summary: dict[str, Any]) -> list[str]:
    rows = []
    for item in summary["contradictions"]:
        evidence = "<br>".join(
            text(f"{p['publisher'] or p['file']}: « {p['text']} »") for p in item["evidence"]
        )
        cells = [item["id"], item["kind"], ", ".join(item["about"]), item["summary"]]
        rows.append((item["id"], [*(text(c) for c in cells), evidence]))
    headers = ("id", "kind", "about", "what", "evidence")
    return ["<h2>Contradictions</h2>", _table("contradictions", headers, rows)]
