"""Scoring one extraction against one gold annotation, category by category."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from claimx.evaluate.report import Score
from claimx.text import fold


def _optional(item: dict[str, Any]) -> bool:
    return bool(item.get("optional") or item.get("currency_implied"))


def locate(
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
    merges: bool = False,
) -> tuple[Score, list[tuple[dict[str, Any], dict[str, Any]]]]:
    """Match each prediction to one free gold item: one entry per real item.

    A prediction matching only optional items is left out; one matching only items
    already taken is a false positive. Misses are listed on the score; with `merges`, so
    is a prediction whose mentions name two real items.
    """
    score = Score(n_gold=sum(1 for g in gold if not _optional(g)))
    used: set[int] = set()
    pairs = []
    for pred in predictions:
        hits = [i for i, g in enumerate(gold) if matches(pred, g)]
        free = [i for i in hits if not _optional(gold[i]) and i not in used]
        required = [i for i in hits if not _optional(gold[i])]
        if merges and len(required) > 1:  # one entry for two real actors: a merge
            names = " + ".join(_label(gold[i]) for i in required)
            score.misses.append(f"merged: {_label(pred)} = {names}")
        if free:
            used.add(free[0])
            score.n_pred += 1
            score.tp_pred += 1
            pairs.append((pred, gold[free[0]]))
        elif hits and all(_optional(gold[i]) for i in hits):
            continue  # matches an optional item: neither rewarded nor punished
        else:
            score.n_pred += 1
            score.misses.append(f"extra: {_label(pred)}" + (" (again)" if hits else ""))
    score.tp_gold = len(used)
    score.misses += [
        f"missed: {_label(g)}" for i, g in enumerate(gold) if i not in used and not _optional(g)
    ]
    return score, pairs


def _label(item: dict[str, Any]) -> str:
    """How a miss names an item: an actor's or chip's name, an amount's text."""
    return str(item.get("name") or item.get("text") or "?")


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

    score, pairs = _one_to_one(doc["actors"], gold, _by_keys(pred_keys, gold_keys), merges=True)
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
            where = locate(text, item["text"], item.get("start"))
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
    return names_source(predicted, source, gold_actors)


def names_source(predicted: set[str], source: str, gold_actors: list[dict[str, Any]]) -> bool:
    """Whether one of the `predicted` names (folded) names the gold `source`: one of its
    aliases when it is a gold actor, else a name that holds it or that it holds."""
    for item in gold_actors:
        if item["name"] == source:
            aliases = {fold(item["name"])} | {fold(a) for a in item.get("aliases") or []}
            return bool(predicted & aliases)
    wanted = fold(source)
    return any(p and (p in wanted or wanted in p) for p in predicted)


def at_attribution(
    text: str,
    item: dict[str, Any],
    content: tuple[int, int],
    sentence: tuple[int, int],
    cue: tuple[int, int],
) -> bool:
    """Whether a predicted statement (character spans of its content, sentence and cue)
    stands where a gold attribution is: its evidence inside the content, or inside the
    sentence with the cues overlapping. The source is not compared."""
    evidence = locate(text, item["evidence"], item.get("start"))
    if evidence is None:
        return False
    if content[0] <= evidence[0] and evidence[1] <= content[1]:
        return True
    gold_cue = locate(text, item["cue"], None, evidence[0])
    in_sentence = sentence[0] <= evidence[0] and evidence[1] <= sentence[1]
    return in_sentence and gold_cue is not None and cue[0] < gold_cue[1] and gold_cue[0] < cue[1]


def score_attributions(doc: dict[str, Any], gold: dict[str, Any], text: str) -> Score:
    items = gold.get("attributions") or []
    attributed = [c for c in doc["claims"] if c.get("attribution")]
    actors_by_id = {a["id"]: a for a in doc["actors"]}
    gold_actors = gold.get("actors") or []

    def found_by(item: dict[str, Any], claim: dict[str, Any]) -> bool:
        cue = claim["attribution"]["cue"]
        spans = [(s["start"], s["end"]) for s in (claim, claim["sentence"], cue)]
        return at_attribution(text, item, *spans) and _source_matches(
            claim, item["source"], actors_by_id, gold_actors
        )

    score = Score(n_gold=sum(1 for i in items if not _optional(i)))
    for item in items:
        if _optional(item):
            continue
        claims = [c for c in attributed if found_by(item, c)]
        if claims:
            score.tp_gold += 1
            score.matched += 1
            kinds = {c["attribution"]["kind"] for c in claims}
            score.correct += int(item["kind"] in kinds)
            if item["kind"] not in kinds:
                score.misses.append(f"kind: {item['source']} / {item['cue']} is {item['kind']}")
        else:
            score.misses.append(f"missed: {item['source']} / {item['cue']}")
    for claim in attributed:
        hits = [i for i in items if found_by(i, claim)]
        if hits and all(_optional(i) for i in hits):
            continue
        score.n_pred += 1
        score.tp_pred += int(bool(hits))
        if not hits:
            attribution = claim["attribution"]
            source = attribution.get("source_text") or "?"
            score.misses.append(f"extra: {source} / {attribution['cue']['text']}")
    return score


def score_hedged(doc: dict[str, Any], gold: list[dict[str, Any]], text: str) -> Score:
    located = []
    for item in gold:
        evidence = locate(text, item["evidence"], item.get("start"))
        if evidence is None:
            continue
        cue = locate(text, item["cue"], None, evidence[0])
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
        if not (by_claim or by_span):
            score.misses.append(f"missed: {item['cue']} / {item['evidence']}")
    for start, end in hedge_spans:
        hits = [i for i, ev, _ in located if start < ev[1] and ev[0] < end]
        if hits and all(_optional(i) for i in hits):
            continue
        score.n_pred += 1
        score.tp_pred += int(bool(hits))
        if not hits:
            score.misses.append(f"extra: {text[start:end]}")
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
