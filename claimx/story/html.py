"""A self-contained HTML report of one article or a folder, the story first: the recurring
claims (each appearance with its outlet, date and a link to its highlighted sentence), the
contradictions side by side, then the articles, each text with its spans highlighted as
`claimx show` does and its claims. A reader sees titles and outlets, never file paths or
claim ids. One file, no external assets, no script: it reads offline and archives.

Everything on the page comes from claims files and articles, untrusted: every value goes
through `claimx.escape` (`text` for content, `attr` for attributes), and a
Content-Security-Policy forbids scripts even if one slipped through."""

from __future__ import annotations

from itertools import pairwise
from typing import Any

from claimx.escape import attr, text, web_url
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
.group { border: 1px solid #ddd; border-radius: 6px; padding: .6rem 1rem; margin: 1rem 0; }
.group h3 { font-size: 1.05rem; margin: 0 0 .3rem; }
.group blockquote { margin: .3rem 0 .6rem; font-style: italic; }
.places { margin: 0; padding-left: 1.2rem; }
.outlet { font-weight: 600; } .date { color: #555; }
.sides { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.side { border-left: 3px solid #b3261e; padding-left: .8rem; }
.figure { font-weight: 600; color: #1b7a2e; }
span:target { outline: 3px solid #c98a00; }
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
    anchors = _anchors(articles)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="fr"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{attr(CSP)}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{text(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{text(title)}</h1>",
        f'<p class="meta">{len(articles)} articles from {len(_outlets(articles))} outlets, '
        f"{sum(len(a.claims) for a in articles)} claims, {len(summary['recurring'])} recurring, "
        f"{len(summary['contradictions'])} contradictions</p>",
    ]
    if len(articles) > 1:
        parts += _story(summary, anchors) + _contradictions(summary, anchors)
        parts += _contents(articles)
    parts.append(
        '<h2>The texts</h2><p class="legend">'
        + "".join(f'<span class="{kind}">{label}</span>' for kind, label in LEGEND)
        + "</p>"
    )
    for number, article in enumerate(articles, 1):
        parts += _article(number, article)
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


Anchors = dict[tuple[str, str], str]  # (claims file, claim id) -> the id of its highlight


def _anchors(articles: list[ArticleClaims]) -> Anchors:
    """Page-made ids for each claim's highlighted sentence (never the claim's own id)."""
    return {
        (a.info.file, claim.id): f"a{number}-c{k}"
        for number, a in enumerate(articles, 1)
        for k, claim in enumerate(a.claims, 1)
    }


def _outlets(articles: list[ArticleClaims]) -> set[str]:
    return {a.info.publisher for a in articles if a.info.publisher}


def _place(place: dict[str, Any], anchors: Anchors, quote: bool = True) -> str:
    """An appearance: outlet, date, and its sentence linked to its highlight."""
    outlet = place.get("publisher") or place.get("title") or "an article"
    date = f' <span class="date">{text(place["date"])}</span>' if place.get("date") else ""
    sentence = f"« {text(place['text'])} »" if quote else "the sentence"
    anchor = anchors.get((place["file"], place["claim"]))
    link = f'<a href="#{attr(anchor)}">{sentence}</a>' if anchor else sentence
    return f'<span class="outlet">{text(outlet)}</span>{date}: {link}'


def _story(summary: dict[str, Any], anchors: Anchors) -> list[str]:
    out = ["<h2>The story: claims told by several articles</h2>"]
    if not summary["recurring"]:
        out.append("<p>No claim is told by more than one article.</p>")
    for number, group in enumerate(summary["recurring"], 1):
        source = (group["source"] or {}).get("name")
        said = f", said by {text(source)}" if source else ""
        places = "".join(f"<li>{_place(p, anchors)}</li>" for p in group["appearances"])
        out.append(
            f'<section class="group" id="story-{number}"><h3>{text(group["event"])}</h3>'
            f"<p>{group['articles']} articles{said}</p>"
            f"<blockquote>{text(group['text'])}</blockquote>"
            f'<ul class="places">{places}</ul></section>'
        )
    return out


def _contradictions(summary: dict[str, Any], anchors: Anchors) -> list[str]:
    out = ["<h2>Where articles disagree</h2>"]
    if not summary["contradictions"]:
        out.append("<p>No contradiction between articles.</p>")
    for item in summary["contradictions"]:
        kind = "A figure given differently" if item["kind"] == "figure" else "Stated, then hedged"
        sides = "".join(
            f'<div class="side"><p>{_place(p, anchors, quote=False)}</p>'
            f"<p>{_figures(p)}« {text(p['text'])} »</p></div>"
            for p in item["evidence"]
        )
        about = ", ".join(item["about"])
        out.append(
            f'<section class="group"><h3>{kind}{": " if about else ""}{text(about)}</h3>'
            f'<p>{text(item["summary"])}</p><div class="sides">{sides}</div></section>'
        )
    return out


def _figures(place: dict[str, Any]) -> str:
    figures = ", ".join(m["text"] for m in place.get("money") or [])
    return f'<span class="figure">{text(figures)}</span> ' if figures else ""


def _contents(articles: list[ArticleClaims]) -> list[str]:
    """The articles by date: title, outlet, date, and a link to the original when it is a
    web address."""
    rows = []
    order = sorted(enumerate(articles, 1), key=lambda x: (x[1].info.date or "9999", x[0]))
    for number, article in order:
        info = article.info
        url = web_url(info.url)
        original = f' (<a href="{attr(url)}" rel="noopener noreferrer">original</a>)' if url else ""
        meta = " · ".join(text(x) for x in (info.publisher, info.date) if x)
        rows.append(
            f'<li><a href="#article-{number}">{text(_heading(number, article))}</a>'
            f"{' — ' + meta if meta else ''}{original}</li>"
        )
    return ["<h2>The articles</h2>", f"<ol>{''.join(rows)}</ol>"]


def _heading(number: int, article: ArticleClaims) -> str:
    return article.info.title or f"Article {number} (untitled)"


def _article(number: int, article: ArticleClaims) -> list[str]:
    info, document = article.info, article.document or {}
    meta = " · ".join(text(x) for x in (info.publisher, info.date) if x)
    out = [
        f'<section class="article" id="article-{number}" data-file="{attr(info.file)}">',
        f"<h2>{text(_heading(number, article))}</h2>",
        f'<p class="meta">{meta}</p>' if meta else "",
    ]
    if article.text is None:
        out.append('<p class="missing">The article text was not found beside its claims.</p>')
    else:
        body = _highlighted(number, article.text, document)
        out.append(f'<div class="text">{body}</div>')
    out.append(_claims_table(document))
    out.append("</section>")
    return out


def _highlighted(number: int, body: str, document: dict[str, Any]) -> str:
    """The text cut into runs of constant highlighting: nested or overlapping spans become
    runs carrying every class (and claim id) that covers them; the first run of each claim
    carries its anchor."""
    spans: list[tuple[int, int, str, str]] = [(m.start, m.end, m.kind, "") for m in marks(document)]
    claims = document.get("claims", [])
    spans += [(c["start"], c["end"], "claim", c["id"]) for c in claims]
    starts = {c["start"]: k for k, c in reversed(list(enumerate(claims, 1)))}
    cuts = sorted({0, len(body), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    html = []
    for start, end in pairwise(cuts):
        covering = [s for s in spans if s[0] <= start and end <= s[1]]
        piece = text(body[start:end])
        if not covering:
            html.append(piece)
            continue
        kinds = sorted({kind for _, _, kind, _ in covering})
        ids = sorted({claim for *_, claim in covering if claim})
        data = f' data-claim="{attr(" ".join(ids))}"' if ids else ""
        anchor = f' id="a{number}-c{starts.pop(start)}"' if ids and start in starts else ""
        html.append(f'<span class="{attr(" ".join(kinds))}"{anchor}{data}>{piece}</span>')
    return "".join(html)


def _claims_table(document: dict[str, Any]) -> str:
    actors = {a["id"]: a["name"] for a in document.get("actors", [])}
    money = {m["id"]: m["text"] for m in document.get("money", [])}
    rows = []
    for claim in document.get("claims", []):
        attribution = claim.get("attribution") or {}
        source = actors.get(attribution.get("source") or "") or attribution.get("source_text")
        cells = [
            claim["text"],
            source or "",
            attribution.get("kind") or "",
            claim.get("modality") or "",
            ", ".join(money[i] for i in claim.get("money", []) if i in money),
            (claim.get("review") or {}).get("status") or "",
        ]
        rows.append("<tr>" + "".join(f"<td>{text(c)}</td>" for c in cells) + "</tr>")
    head = "".join(
        f"<th>{h}</th>" for h in ("claim", "source", "kind", "modality", "money", "review")
    )
    return f'<table class="claims"><tr>{head}</tr>{"".join(rows)}</table>'
