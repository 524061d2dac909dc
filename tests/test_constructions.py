"""Who is credited with a statement, over a generated table of French reported speech:
speakers real and invented, persons and institutions x verb families x tenses x positions
(before, after, incise, inverted) x speaker forms (name, pronoun, description, apposition,
document, joint), plus look-alikes that must give no attribution.

The lists and templates are in constructions.yaml; the expected speaker is the one a careful
French reader names, not what claimx says. The pass rates, per family and per dimension,
are printed (run pytest with -s or -rA) and written to test-artifacts/constructions.txt;
the overall rate and the look-alikes' clean rate are floored.

`python -m tests.test_constructions [family ...]` prints each failing case.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from spacy.language import Language

from claimx.claims import doc_claims

DATA = Path(__file__).with_name("constructions.yaml")
ARTIFACT = Path(__file__).resolve().parents[1] / "test-artifacts" / "constructions.txt"
FLOOR = 0.97  # share of attributed cases credited to the expected speaker (and kind)
LOOKALIKE_FLOOR = 0.96  # share of look-alikes with no attribution at all
TENSES = ("présent", "passé composé", "imparfait", "plus-que-parfait", "conditionnel")
AUXILIARIES = {"passé composé": "a ont", "plus-que-parfait": "avait avaient",
               "conditionnel": "aurait auraient"}  # fmt: skip
STRESSED = {"il": "lui", "elle": "elle", "ils": "eux", "elles": "elles"}
SLOT = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Speaker:
    name: str  # the canonical full name
    mention: str  # as first written: "la ministre du Numérique, Clara Vasseur"
    short: str  # in a list of speakers
    type: str  # person or institution
    real: bool
    g: str
    n: str
    pronoun: str | None = None
    desc: str | None = None  # a later reference: "la ministre", "le régulateur"
    aliases: tuple[str, ...] = ()

    def accepts(self, source: str) -> bool:
        names = (self.name, self.mention, self.short, *self.aliases)
        return norm(source) in {norm(name) for name in names}


@dataclass(frozen=True)
class Case:
    family: str
    text: str
    evidence: str  # a substring of the claim credited ("" for any claim)
    speakers: tuple[Speaker, ...]  # empty for a look-alike: no attribution at all
    kind: str | None
    tags: tuple[tuple[str, str], ...]  # (dimension, value): form, speaker, tense, verb


@dataclass(frozen=True)
class Found:
    kind: str
    source: str
    cue: str
    text: str


def norm(name: str) -> str:
    """Compared names: no case, no leading article, no stray punctuation."""
    name = name.replace("’", "'").casefold().strip(" ,.")
    return " ".join(re.sub(r"^(?:les |le |la |l')", "", name).split())


def de(phrase: str) -> str:
    """ "de" + a noun phrase, contracted: du groupe, des laboratoires, d'Ana Ruiz."""
    for article, joined in (("le ", "du "), ("les ", "des ")):
        if phrase.startswith(article):
            return joined + phrase[len(article) :]
    return ("d'" if phrase[0].casefold() in "aeiouéèêâô" else "de ") + phrase


def invert(form: str, pronoun: str) -> str:
    """The pronoun after the finite verb: a-t-elle ajouté, ajoutent-ils, reconnaît-il."""
    first, _, rest = form.partition(" ")
    return f"{first}{'-t-' if first[-1] in 'ae' else '-'}{pronoun} {rest}".strip()


def conjugate(verb: Mapping[str, Any], tense: str, number: str) -> str:
    plural = number == "pl"
    if tense in AUXILIARIES:
        return f"{AUXILIARIES[tense].split()[plural]} {verb['pp']}"
    return str(verb["pres" if tense == "présent" else "impf"][plural])


def fill(template: str, values: Mapping[str, str], g: str, n: str) -> str:
    """A template's slots filled, agreement chosen, each sentence capitalized."""

    def one(match: re.Match[str]) -> str:
        key = match.group(1)
        options = key.split("|")
        if len(options) == 2:
            return options[n == "pl"]
        if len(options) == 4:
            return options[(g == "f") + 2 * (n == "pl")]
        if key == "e":
            return ("e" if g == "f" else "") + ("s" if n == "pl" else "")
        return values[key]

    text = SLOT.sub(one, template.replace("{intro}", data()["intro"]))
    return re.sub(r"(^|\. )(\w)", lambda m: m.group(1) + m.group(2).upper(), text)


@cache
def data() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    return loaded


@cache
def speakers() -> tuple[Speaker, ...]:
    return tuple(
        Speaker(**{**s, "aliases": tuple(s.get("aliases", ()))}) for s in data()["speakers"]
    )


def by_name(name: str) -> Speaker:
    return next(s for s in speakers() if s.name == name)


def slots(turn: int, speaker: Speaker | None) -> dict[str, str]:
    """The values of a template's slots at a turn: contents taken in turn, the speaker's forms."""
    contents, nps, quotes = data()["contents"], data()["nps"], data()["quotes"]
    c, c2 = contents[turn % len(contents)], contents[(turn + 3) % len(contents)]
    np, q = nps[turn % len(nps)], quotes[turn % len(quotes)]
    values = {
        "C": f"{c['subj']} {c['fut']}", "Cp": f"{c['subj']} {c['past']}",
        "Cs": f"{c['subj']} {c['sj']}", "Cn": f"{c['subj']} ne {c['sj']}",
        "Csubj": c["subj"], "Cfut": c["fut"], "C2": f"{c2['subj']} {c2['fut']}",
        "C2p": f"{c2['subj']} {c2['past']}", "NP": np["np"], "de_NP": de(np["np"]), "Q": q["q"],
        "ev:C": c["ev"], "ev:C2": c2["ev"], "ev:NP": np["ev"], "ev:Q": q["ev"],
    }  # fmt: skip
    if speaker is not None:
        values |= {"S": speaker.mention + ("," if "," in speaker.mention else ""),
                   "s": speaker.mention, "de_s": de(speaker.mention)}  # fmt: skip
        if speaker.pronoun:
            aux = "a" if speaker.n == "sg" else "ont"
            values |= {"P": speaker.pronoun, "P_": STRESSED[speaker.pronoun],
                       "aP": invert(aux, speaker.pronoun)}  # fmt: skip
        if speaker.desc:
            values |= {"D": speaker.desc, "de_D": de(speaker.desc)}
    return values


def form_of(family: str, template: str) -> str:
    if family in ("apposition", "document", "joint"):
        return family
    if re.search(r"\{(P|P_|aP|Vinv)\}", template):
        return "pronoun"
    return "description" if re.search(r"\{(D|de_D)\}", template) else "name"


def fits(speaker: Speaker, template: str, who: Sequence[str]) -> bool:
    needs = set(who) | ({"pronoun"} if form_of("", template) == "pronoun" else set())
    needs |= {"desc"} if form_of("", template) == "description" else set()
    return all(
        {"pronoun": speaker.pronoun, "desc": speaker.desc}.get(need) or speaker.type == need
        for need in needs
    )


GRID = {
    "que_clause": ("{S} {V} {que} {Cx}.", TENSES),
    "incise_after": ("{C}, {V} {s}.", TENSES[:2]),
    "incise_pronoun": ("{intro}. {C}, {Vinv}.", TENSES[:2]),
    "incise_middle": ("{Csubj}, {V} {s}, {Cfut}.", TENSES[1:2]),
}


def generate() -> list[Case]:
    """The whole table, in a fixed order: speakers and contents taken in turn."""
    cases: list[Case] = []
    turn = 0
    for family, (template, tenses) in GRID.items():
        for verb in data()["verbs"]:
            for tense in tenses:
                pool = [s for s in speakers() if fits(s, template, ())]
                speaker = pool[turn % len(pool)]
                values = slots(turn, speaker)
                form = conjugate(verb, tense, speaker.n)
                values |= {"V": form, "que": verb.get("que", "que"),
                           "Cx": values["C" if tense == "présent" else "Cp"]}  # fmt: skip
                if speaker.pronoun:
                    values["Vinv"] = invert(form, speaker.pronoun)
                text = fill(template, values, speaker.g, speaker.n)
                tags: tuple[tuple[str, str], ...] = (
                    ("form", form_of(family, template)), ("speaker", category(speaker)),
                    ("tense", tense), ("verb", verb["inf"]))  # fmt: skip
                cases.append(Case(family, text, values["ev:C"], (speaker,), "statement", tags))
                turn += 1
    for family, spec in data()["families"].items():
        for entry in spec["templates"]:
            template, kind = entry["t"], entry.get("kind", spec.get("kind"))
            ev = str(entry.get("ev", "C"))
            groups: list[tuple[Speaker, ...]]
            if "speaker" in entry:
                groups = [(by_name(entry["speaker"]),)]
            elif "joint" in entry:
                sets = data()["joint"][entry["joint"]]
                groups = [tuple(map(by_name, sets[(turn + i) % len(sets)])) for i in range(2)]
            else:
                who = entry.get("who", spec.get("who", ()))
                pool = [s for s in speakers() if fits(s, template, who)]
                count = entry.get("n", spec.get("n", 2))
                groups = [(pool[(turn + i) % len(pool)],) for i in range(count)]
            for group in groups:
                values = slots(turn, group[0] if len(group) == 1 else None)
                for i, member in enumerate(group, 1):
                    values[f"J{i}"] = member.short
                g = "f" if all(s.g == "f" for s in group) else "m"
                n = group[0].n if len(group) == 1 else "pl"
                text = fill(template, values, g, n)
                tags = (("form", form_of(family, template)), ("speaker", category(group[0])))
                evidence = values.get(f"ev:{ev}", ev)
                cases.append(Case(family, text, evidence, group, kind, tags))
                turn += 1
    for text in data()["lookalikes"]:
        cases.append(Case("lookalike", text, "", (), None, ()))
    return cases


def category(speaker: Speaker) -> str:
    return f"{'real' if speaker.real else 'invented'} {speaker.type}"


def read(nlp: Language, texts: Sequence[str]) -> Iterator[list[Found]]:
    """Each text's attributed claims: kind, source (actor name or text), cue, claim text."""
    for doc in nlp.pipe(texts):
        body = doc_claims(doc)
        names = {a.id: a.name for a in body.actors}
        yield [
            Found(a.kind, names.get(a.source or "", a.source_text or ""), a.cue.text, c.text)
            for c in body.claims
            if (a := c.attribution) is not None
        ]


def judge(case: Case, found: list[Found]) -> str | None:
    """None when a careful reader agrees; else what went wrong."""
    if not case.speakers:
        return f"attributed: {show(found)}" if found else None
    held = [f for f in found if case.evidence.casefold() in f.text.casefold()]
    if not held:
        return f"no claim holds the evidence; got {show(found)}"
    for speaker in case.speakers:
        mine = [f for f in held if speaker.accepts(f.source)]
        if not mine:
            return f"not credited to {speaker.name}; got {show(held)}"
        if case.kind and all(f.kind != case.kind for f in mine):
            return f"kind: {show(mine)}"
    return None


def show(found: list[Found]) -> str:
    return "; ".join(f"{f.kind}/{f.source!r}/{f.cue!r}" for f in found) or "nothing"


@cache
def results(nlp: Language) -> tuple[tuple[Case, str | None], ...]:
    cases = generate()
    found = list(read(nlp, [c.text for c in cases]))
    return tuple(zip(cases, map(judge, cases, found), strict=True))


def rate(outcomes: Sequence[str | None]) -> float:
    return sum(o is None for o in outcomes) / max(len(outcomes), 1)


def report(outcomes: Sequence[tuple[Case, str | None]]) -> str:
    rows: dict[tuple[str, str], list[str | None]] = defaultdict(list)
    for case, outcome in outcomes:
        rows["family", case.family].append(outcome)
        for dimension, value in case.tags:
            rows[dimension, value].append(outcome)
    lines = [f"{'':<9}{'':<24}{'cases':>6}{'pass':>6}{'rate':>8}{'source ok':>11}"]
    order = ("family", "form", "speaker", "tense", "verb")
    for (dimension, value), got in sorted(rows.items(), key=lambda r: order.index(r[0][0])):
        source = rate([o if o is None or not o.startswith("kind") else None for o in got])
        lines.append(f"{dimension:<9}{value:<24}{len(got):>6}{got.count(None):>6}"
                     f"{rate(got):>8.1%}{source:>11.1%}")  # fmt: skip
    positive = [o for c, o in outcomes if c.speakers]
    lookalike = [o for c, o in outcomes if not c.speakers]
    lines.append(f"overall: {rate(positive):.1%} of {len(positive)} attributed cases; "
                 f"look-alikes clean: {rate(lookalike):.1%} of {len(lookalike)}")  # fmt: skip
    return "\n".join(lines)


def failures(outcomes: Sequence[tuple[Case, str | None]], families: Sequence[str] = ()) -> str:
    return "\n\n".join(
        f"[{case.family}] {case.text}\n  expected: "
        f"{' + '.join(s.name for s in case.speakers) or 'no attribution'}"
        f"{f' ({case.kind})' if case.kind else ''}, evidence {case.evidence!r}\n  got: {outcome}"
        for case, outcome in outcomes
        if outcome is not None and (not families or case.family in families)
    )


def test_the_table_is_well_formed() -> None:
    cases = generate()
    assert len(cases) >= 300 and sum(not c.speakers for c in cases) >= 40
    assert len({c.text for c in cases}) == len(cases)
    for case in cases:
        assert case.evidence.casefold() in case.text.casefold(), case
        assert all(s.name.casefold() in case.text.casefold() for s in case.speakers), case
        assert "{" not in case.text and "  " not in case.text and " ," not in case.text, case


def test_pass_rates_are_floored(nlp: Language) -> None:
    outcomes = results(nlp)
    table = report(outcomes)
    print(f"\n{table}")
    ARTIFACT.parent.mkdir(exist_ok=True)
    ARTIFACT.write_text(f"{table}\n\nFailures\n\n{failures(outcomes)}\n", encoding="utf-8")
    positive = [o for c, o in outcomes if c.speakers]
    lookalike = [o for c, o in outcomes if not c.speakers]
    assert rate(positive) >= FLOOR, table
    assert rate(lookalike) >= LOOKALIKE_FLOOR, table


def main(families: Sequence[str]) -> int:
    from claimx.api import cached_pipeline

    outcomes = results(cached_pipeline(None))
    print(failures(outcomes, families), report(outcomes), sep="\n\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
