"""Score extractions against gold annotations (`shared/spec/gold-format.md`).

Categories: actors, chips, money, attributions, hedged. Each gets precision,
recall and F1; actors, chips and attributions also an accuracy over matches
(kind, vendor, kind).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from claimx.errors import GoldError
from claimx.text import fold

CATEGORIES = ("actors", "chips", "money", "attributions", "hedged")


@dataclass
class Score:
    """Counts for one category; precision, recall and F1 derived from them."""

    tp_pred: int = 0  # predictions that match
    n_pred: int = 0
    tp_gold: int = 0  # gold items found
    n_gold: int = 0
    correct: int = 0  # matches whose kind / vendor is right
    matched: int = 0

    @property
    def precision(self) -> float:
        return self.tp_pred / self.n_pred if self.n_pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp_gold / self.n_gold if self.n_gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def accuracy(self) -> float | None:
        return self.correct / self.matched if self.matched else None

    def add(self, other: Score) -> None:
        for name in ("tp_pred", "n_pred", "tp_gold", "n_gold", "correct", "matched"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_dict(self) -> dict[str, Any]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "accuracy": None if self.accuracy is None else round(self.accuracy, 4),
            "predicted": self.n_pred,
            "gold": self.n_gold,
        }


@dataclass
class Report:
    """Scores per article and in total."""

    articles: dict[str, dict[str, Score]] = field(default_factory=dict)
    total: dict[str, Score] = field(default_factory=lambda: {c: Score() for c in CATEGORIES})

    def add(self, name: str, scores: dict[str, Score]) -> None:
        self.articles[name] = scores
        for category, score in scores.items():
            self.total[category].add(score)

    @property
    def mean_f1(self) -> float:
        return sum(s.f1 for s in self.total.values()) / len(self.total)

    def to_dict(self) -> dict[str, Any]:
        return {
            "total": {c: s.to_dict() for c, s in self.total.items()},
            "mean_f1": round(self.mean_f1, 4),
            "articles": {
                name: {c: s.to_dict() for c, s in scores.items()}
                for name, scores in self.articles.items()
            },
        }


@dataclass(frozen=True)
class GoldArticle:
    """A gold file and the article it annotates."""

    path: Path
    article: Path
    data: dict[str, Any]


def load_gold(path: Path, corpus: Path | None = None) -> GoldArticle:
    """Read one gold file; its article is relative to the gold file or to `corpus`."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as err:
        raise GoldError(f"{path}: cannot read gold file ({err})") from err
    if not isinstance(data, dict) or "file" not in data:
        raise GoldError(f"{path}: not a gold file (no 'file' key)")
    candidates = [path.parent / data["file"]]
    if corpus is not None:
        candidates.insert(0, corpus / data["file"])
    for candidate in candidates:
        if candidate.is_file():
            return GoldArticle(path, candidate, data)
    raise GoldError(f"{path}: article {data['file']!r} not found")


def find_gold(path: Path, corpus: Path | None = None) -> list[GoldArticle]:
    """Gold files under a folder (`*.gold.yaml`), or the one file given."""
    if path.is_dir():
        files = sorted(path.rglob("*.gold.yaml"))
        if not files:
            raise GoldError(f"{path}: no *.gold.yaml files")
        return [load_gold(f, corpus) for f in files]
    if not path.is_file():
        raise GoldError(f"{path}: no such gold file or folder")
    return [load_gold(path, corpus)]


def _optional(item: dict[str, Any]) -> bool:
    return bool(item.get("optional") or item.get("currency_implied"))


def _locate(
    text: str, needle: str, start: int | None = None, near: int | None = None
) -> tuple[int, int] | None:
    """Offsets of `needle` in the article: at `start`, nearest to `near`, or first."""
    if start is not None:
        return (start, start + len(needle)) if text[start : start + len(needle)] == needle else None
    found = []
    i = text.find(needle)
    while i >= 0:
        found.append(i)
        i = text.find(needle, i + 1)
    if not found:
        return None
    best = min(found, key=lambda x: abs(x - near)) if near is not None else found[0]
    return best, best + len(needle)


def _one_to_one(
    predictions: list[dict[str, Any]],
    gold: list[dict[str, Any]],
    matches: Callable[[dict[str, Any], dict[str, Any]], bool],
) -> tuple[Score, list[tuple[dict[str, Any], dict[str, Any]]]]:
    """Match each prediction to one free gold item: one entry per real item.

    A prediction matching only optional items is left out; one matching only items
    already taken is a false positive.
    """
    score = Score(n_gold=sum(1 for g in gold if not _optional(g)))
    used: set[int] = set()
    pairs = []
    for pred in predictions:
        hits = [i for i, g in enumerate(gold) if matches(pred, g)]
        free = [i for i in hits if not _optional(gold[i]) and i not in used]
        if free:
            used.add(free[0])
            score.n_pred += 1
            score.tp_pred += 1
            pairs.append((pred, gold[free[0]]))
        elif hits and all(_optional(gold[i]) for i in hits):
            continue  # matches an optional item: neither rewarded nor punished
        else:
            score.n_pred += 1
    score.tp_gold = len(used)
    return score, pairs


def _by_keys(
    pred_keys: Callable[[dict[str, Any]], set[str]],
    gold_keys: Callable[[dict[str, Any]], set[str]],
) -> Callable[[dict[str, Any], dict[str, Any]], bool]:
    return lambda pred, item: bool(pred_keys(pred) & gold_keys(item))


def score_actors(doc: dict[str, Any], gold: list[dict[str, Any]]) -> Score:
    def pred_keys(actor: dict[str, Any]) -> set[str]:
        return {fold(actor["name"])} | {fold(m["text"]) for m in actor["mentions"]}

    def gold_keys(item: dict[str, Any]) -> set[str]:
        return {fold(item["name"])} | {fold(a) for a in item.get("aliases") or []}

    score, pairs = _one_to_one(doc["actors"], gold, _by_keys(pred_keys, gold_keys))
    score.matched = len(pairs)
    score.correct = sum(1 for p, g in pairs if p["kind"] == g["kind"])
    return score


def _chip_key(text: str) -> str:
    return fold(text).replace(" ", "").replace("-", "")


def score_chips(doc: dict[str, Any], gold: list[dict[str, Any]]) -> Score:
    def pred_keys(chip: dict[str, Any]) -> set[str]:
        return {_chip_key(chip["name"])} | {_chip_key(m["text"]) for m in chip["mentions"]}

    def gold_keys(item: dict[str, Any]) -> set[str]:
        return {_chip_key(item["name"])} | {_chip_key(a) for a in item.get("aliases") or []}

    score, pairs = _one_to_one(doc["chips"], gold, _by_keys(pred_keys, gold_keys))
    score.matched = len(pairs)
    score.correct = sum(1 for p, g in pairs if p["vendor"] == g.get("vendor"))
    return score


def _close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return False
    return abs(a - b) <= 0.005 * max(abs(b), 1e-9)


def score_money(doc: dict[str, Any], gold: list[dict[str, Any]], text: str) -> Score:
    def matches(pred: dict[str, Any], item: dict[str, Any]) -> bool:
        if item.get("vague") or item.get("amount") is None:
            where = _locate(text, item["text"], item.get("start"))
            return where is not None and pred["start"] < where[1] and where[0] < pred["end"]
        if pred.get("currency") != item.get("currency"):
            return False
        if "range" in item:
            low, high = item["range"]
            return _close(pred["amount"], low) and _close(pred.get("amount_max"), high)
        values = [item["amount"], *(item.get("alternatives") or [])]
        return any(_close(pred["amount"], v) for v in values)

    score, _ = _one_to_one(doc["money"], gold, matches)
    return score


def _source_matches(
    claim: dict[str, Any],
    source: str,
    actors_by_id: dict[str, Any],
    gold_actors: list[dict[str, Any]],
) -> bool:
    attribution = claim["attribution"]
    predicted = set()
    if attribution.get("source_text"):
        predicted.add(fold(attribution["source_text"]))
    actor = actors_by_id.get(attribution.get("source") or "")
    if actor is not None:
        predicted.add(fold(actor["name"]))
        predicted |= {fold(m["text"]) for m in actor["mentions"]}
    for item in gold_actors:
        if item["name"] == source:
            aliases = {fold(item["name"])} | {fold(a) for a in item.get("aliases") or []}
            return bool(predicted & aliases)
    wanted = fold(source)
    return any(p and (p in wanted or wanted in p) for p in predicted)


def score_attributions(doc: dict[str, Any], gold: dict[str, Any], text: str) -> Score:
    items = gold.get("attributions") or []
    attributed = [c for c in doc["claims"] if c.get("attribution")]
    actors_by_id = {a["id"]: a for a in doc["actors"]}
    gold_actors = gold.get("actors") or []

    def found_by(item: dict[str, Any], claim: dict[str, Any]) -> bool:
        evidence = _locate(text, item["evidence"], item.get("start"))
        if evidence is None:
            return False
        cue = _locate(text, item["cue"], None, evidence[0])
        inside = claim["start"] <= evidence[0] and evidence[1] <= claim["end"]
        if not inside:
            sentence = claim["sentence"]
            ccue = claim["attribution"]["cue"]
            in_sentence = sentence["start"] <= evidence[0] and evidence[1] <= sentence["end"]
            cue_overlap = cue is not None and ccue["start"] < cue[1] and cue[0] < ccue["end"]
            if not (in_sentence and cue_overlap):
                return False
        return _source_matches(claim, item["source"], actors_by_id, gold_actors)

    score = Score(n_gold=sum(1 for i in items if not _optional(i)))
    for item in items:
        if _optional(item):
            continue
        claims = [c for c in attributed if found_by(item, c)]
        if claims:
            score.tp_gold += 1
            score.matched += 1
            score.correct += int(any(c["attribution"]["kind"] == item["kind"] for c in claims))
    for claim in attributed:
        hits = [i for i in items if found_by(i, claim)]
        if hits and all(_optional(i) for i in hits):
            continue
        score.n_pred += 1
        score.tp_pred += int(bool(hits))
    return score


def score_hedged(doc: dict[str, Any], gold: list[dict[str, Any]], text: str) -> Score:
    located = []
    for item in gold:
        evidence = _locate(text, item["evidence"], item.get("start"))
        if evidence is None:
            continue
        cue = _locate(text, item["cue"], None, evidence[0])
        located.append((item, evidence, cue))
    hedge_spans = sorted({(h["start"], h["end"]) for c in doc["claims"] for h in c["hedges"]})
    score = Score(n_gold=sum(1 for i in gold if not _optional(i)))
    for item, evidence, cue in located:
        if _optional(item):
            continue
        by_claim = any(
            c["start"] <= evidence[0]
            and evidence[1] <= c["end"]
            and c["modality"] in ("hedged", "reported")
            for c in doc["claims"]
        )
        by_span = cue is not None and any(s < cue[1] and cue[0] < e for s, e in hedge_spans)
        score.tp_gold += int(by_claim or by_span)
    for start, end in hedge_spans:
        hits = [i for i, ev, _ in located if start < ev[1] and ev[0] < end]
        if hits and all(_optional(i) for i in hits):
            continue
        score.n_pred += 1
        score.tp_pred += int(bool(hits))
    return score


def score_document(doc: dict[str, Any], gold: dict[str, Any], text: str) -> dict[str, Score]:
    """Score one extraction (output-format dict) against one gold annotation."""
    return {
        "actors": score_actors(doc, gold.get("actors") or []),
        "chips": score_chips(doc, gold.get("chips") or []),
        "money": score_money(doc, gold.get("money") or [], text),
        "attributions": score_attributions(doc, gold, text),
        "hedged": score_hedged(doc, gold.get("hedged") or [], text),
    }


def evaluate(gold_articles: Iterable[GoldArticle], model: str | None = None) -> Report:
    """Run extraction on every gold article and score it."""
    from claimx.api import cached_pipeline, extract_many
    from claimx.articles import read_article

    golds = list(gold_articles)
    nlp = cached_pipeline(model)
    articles = [read_article(str(g.article)) for g in golds]
    report = Report()
    for gold, article, extraction in zip(golds, articles, extract_many(articles, nlp), strict=True):
        report.add(gold.path.name, score_document(extraction.to_dict(), gold.data, article.text))
    return report
