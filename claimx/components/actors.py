"""claimx_actors: people, organizations, governments, media, groups and countries.

The statistical NER proposes names; a gazetteer (`models/actors.yaml`) adds and
types known actors and wins over the NER; rules add groups ("des sénateurs"),
governments ("l'administration Trump"), roles from appositions, and descriptions
("l'entreprise") linked to the last actor of their kind. Mentions of one real
actor are merged into one cluster: "Huang" joins "Jensen Huang".
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token

from claimx.docs import match_near
from claimx.resources import load_yaml
from claimx.text import fold

if not Doc.has_extension("claimx_actors"):
    Doc.set_extension("claimx_actors", default=None)

_SKIP_HEAD_POS = {"DET", "ADP", "ADV", "VERB", "AUX", "SCONJ", "CCONJ", "PUNCT", "PRON", "SPACE"}
_ARTICLES = {"le", "la", "l'", "l’", "les", "ce", "cette", "cet", "son", "sa"}


@dataclass
class Actor:
    """One real actor of an article and every mention of it."""

    name: str
    kind: str
    mentions: list[Span]
    roles: list[str] = field(default_factory=list)

    @property
    def first(self) -> int:
        return min(m.start_char for m in self.mentions)


@dataclass(frozen=True)
class _Candidate:
    span: Span
    kind: str
    name: str
    from_gazetteer: bool


class ActorTagger:
    """Tag actors into `doc._.claimx_actors` and `doc.spans["claimx_actors"]`."""

    def __init__(self, nlp: Language, name: str, lexicon: str) -> None:
        self.name = name
        self.make_doc = nlp.make_doc
        data: dict[str, Any] = load_yaml(lexicon)
        self.gazetteer = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.known: dict[str, tuple[str, str]] = {}
        self.cities: set[str] = set()
        for kind_key, kind in (
            ("media", "media"),
            ("governments", "government"),
            ("organizations", "organization"),
        ):
            for entry in data[kind_key]:
                label = f"{kind}:{entry['name']}"
                self.known[label] = (entry["name"], kind)
                if entry.get("city"):
                    self.cities.add(label)
                forms = {entry["name"], *(entry.get("aliases") or [])}
                # "la Commission" opens a sentence as "La Commission".
                forms |= {f[0].upper() + f[1:] for f in forms if f[:1].islower()}
                self.gazetteer.add(label, [nlp.make_doc(t) for t in sorted(forms)])
        self.countries = {fold(c) for c in data["countries"]}
        self.not_actors = {fold(x) for x in data["not_actors"]}
        self.titles = set(data["person_titles"])
        self.portfolio_roles = {r.lower() for r in data["portfolio_roles"]}
        self.roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.roles.add("ROLE", [nlp.make_doc(t) for t in data["role_nouns"]])
        self.role_words = {fold(r) for r in data["role_nouns"]}
        self.descriptions = {
            noun: kind for kind, nouns in data["descriptions"].items() for noun in nouns
        }
        # A phrase matcher, for nouns the tokenizer splits ("start-up").
        self.description_nouns = PhraseMatcher(nlp.vocab, attr="LOWER")
        for noun in self.descriptions:
            self.description_nouns.add(noun, [nlp.make_doc(noun)])
        self.groups = Matcher(nlp.vocab)
        group_patterns = []
        for det in data["group_determiners"]:
            det_tokens = [{"LOWER": w} for w in det.split()]
            group_patterns.append(
                [
                    *det_tokens,
                    {"LEMMA": {"IN": data["group_nouns"]}, "POS": "NOUN"},
                    {"POS": "ADJ", "OP": "*"},
                    {"POS": "NOUN", "DEP": "amod", "OP": "*"},  # "des élus démocrates"
                    # an acronym qualifier: "des entreprises IA", "des groupes US"
                    {"IS_UPPER": True, "IS_ALPHA": True, "LENGTH": {"<=": 3}, "OP": "?"},
                ]
            )
        self.groups.add("GROUP", group_patterns, greedy="LONGEST")
        self.group_nouns = {nlp.vocab.strings.add(n) for n in data["group_nouns"]}
        self.government_nouns = {
            nlp.vocab.strings.add(n)
            for n in ("administration", "gouvernement", "exécutif", "ministère")
        }
        self.governments = Matcher(nlp.vocab)
        self.governments.add(
            "GOVERNMENT",
            [
                [
                    {"LOWER": {"IN": ["administration", "gouvernement"]}},
                    {"IS_TITLE": True, "OP": "+"},
                ],
                [
                    {"LOWER": {"IN": ["administration", "gouvernement", "exécutif", "ministère"]}},
                    {"POS": "ADJ", "IS_LOWER": True},
                ],
            ],
            greedy="LONGEST",
        )

    # -- pipeline ---------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        blocked = [h.span for h in (doc._.claimx_chips or [])]
        candidates = self._candidates(doc, blocked)
        actors = self._cluster(candidates)
        self._add_repeats(doc, actors, blocked)
        self._add_roles(doc, actors)
        self._add_descriptions(doc, actors)
        for actor in actors:
            actor.mentions.sort(key=lambda s: s.start)
        actors.sort(key=lambda a: a.first)
        doc._.claimx_actors = actors
        group = []
        for actor in actors:
            for mention in actor.mentions:
                group.append(Span(doc, mention.start, mention.end, label=actor.kind))
        doc.spans["claimx_actors"] = sorted(group, key=lambda s: (s.start, s.end))
        return doc

    def _candidates(self, doc: Doc, blocked: list[Span]) -> list[_Candidate]:
        found: list[_Candidate] = []
        taken = list(blocked)

        def free(span: Span) -> bool:
            return not any(span.start < t.end and t.start < span.end for t in taken)

        gazetteer = sorted(self.gazetteer(doc, as_spans=True), key=lambda s: -len(s))
        for span in gazetteer:
            name, kind = self.known[span.label_]
            if span.label_ in self.cities and not self._acting(span):
                continue  # "à Washington" is a place; "Washington a annoncé" an actor
            if free(span):
                found.append(_Candidate(span, kind, name, True))
                taken.append(span)
        # The matchers run only near their nouns (see match_near); a group is at most a
        # three-word determiner, the noun and its adjectives, a government its noun and name.
        for span in match_near(self.governments, doc, self.government_nouns, LOWER, 0, 8):
            if free(span):
                found.append(_Candidate(span, "government", span.text, False))
                taken.append(span)
        for span in match_near(self.groups, doc, self.group_nouns, LEMMA, 3, 8):
            if free(span):
                noun = [t for t in span if t.pos_ in ("NOUN", "ADJ")]
                name = doc[noun[0].i : span.end].text if noun else span.text
                found.append(_Candidate(span, "group", name, False))
                taken.append(span)
        for ent in doc.ents:
            cleaned = self._clean(ent)
            if cleaned is None or not free(cleaned) or fold(cleaned.text) in self.not_actors:
                continue
            ent_kind = self._kind(ent.label_, cleaned)
            if ent_kind is None:
                continue
            found.append(_Candidate(cleaned, ent_kind, cleaned.text, False))
            taken.append(cleaned)
        return sorted(found, key=lambda c: c.span.start)

    def _clean(self, ent: Span) -> Span | None:
        """Trim determiners, titles, roles and verbs off an entity's edges."""
        start, end = ent.start, ent.end
        doc = ent.doc
        while start < end and (
            doc[start].pos_ in _SKIP_HEAD_POS
            or doc[start].text in self.titles
            or fold(doc[start].text) in self.role_words
            or doc[start].is_lower
        ):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if start >= end:
            return None
        return doc[start:end]

    def _kind(self, label: str, span: Span) -> str | None:
        if any(ch.isdigit() for ch in span.text):
            return None
        if self._portfolio(span):
            return None  # "le ministre du Commerce extérieur": part of a title, not an actor
        before = span.doc[span.start - 1] if span.start > 0 else None
        if (
            label in ("ORG", "MISC")
            and before is not None
            and self.descriptions.get(before.lower_) == "media"
        ):
            return "media"  # "le quotidien Korea Herald", "l'agence Yonhap"
        if label == "PER":
            return "person" if span[0].is_title or span[0].is_upper else None
        if label == "ORG":
            return "organization"
        if label == "LOC":
            return "country" if fold(span.text) in self.countries and self._acting(span) else None
        if label == "MISC":
            org_cue = span.start > 0 and span.doc[span.start - 1].lemma_ in self.descriptions
            if org_cue or (self._acting(span) and all(t.pos_ == "PROPN" for t in span)):
                return "organization"
        return None

    def _portfolio(self, span: Span) -> bool:
        """Whether a name follows a minister's or commissioner's title: "ministre des
        Communications", "secrétaire au Commerce", "commissaire chargé du Numérique"."""
        doc = span.doc
        i = span.start - 1
        while i >= 0 and doc[i].lower_ in _PORTFOLIO_LINKS:
            i -= 1
        return i < span.start - 1 and i >= 0 and doc[i].lower_ in self.portfolio_roles

    @staticmethod
    def _acting(span: Span) -> bool:
        root = span.root
        if root.dep_.startswith("nsubj"):
            return True
        return span.start > 0 and span.doc[span.start - 1].lower_ in ("selon", "d'après")

    # -- clustering -------------------------------------------------------
    def _cluster(self, candidates: Iterable[_Candidate]) -> list[Actor]:
        actors: list[Actor] = []
        named: dict[str, list[Actor]] = {}  # folded name or mention -> actors, in order
        order: dict[int, int] = {}

        def remember(key: str, actor: Actor) -> None:
            holders = named.setdefault(key, [])
            if not any(a is actor for a in holders):
                holders.append(actor)
                holders.sort(key=lambda a: order[id(a)])

        for cand in candidates:
            target = self._find(actors, named, cand)
            if target is None:
                target = Actor(cand.name, cand.kind, [cand.span])
                order[id(target)] = len(actors)
                actors.append(target)
            else:
                target.mentions.append(cand.span)
                if cand.kind == "person" and len(cand.name.split()) > len(target.name.split()):
                    target.name = cand.name  # canonical: the fullest proper name
            for key in (fold(target.name), fold(cand.span.text)):
                remember(key, target)
        return actors

    @staticmethod
    def _find(actors: list[Actor], named: dict[str, list[Actor]], cand: _Candidate) -> Actor | None:
        key = fold(cand.name)
        for actor in named.get(key, []):
            if cand.kind != "person" or actor.kind == "person":
                return actor
        if cand.kind == "person":
            words = key.split()
            for actor in reversed(actors):
                if actor.kind != "person":
                    continue
                names = fold(actor.name).split()
                shorter, longer = sorted((words, names), key=len)
                if longer[-len(shorter) :] == shorter or longer[: len(shorter)] == shorter:
                    return actor
        return None

    def _add_repeats(self, doc: Doc, actors: list[Actor], blocked: list[Span]) -> None:
        """Find later mentions the NER missed: a known name or a person's surname."""
        matcher = PhraseMatcher(doc.vocab, attr="ORTH")
        for index, actor in enumerate(actors):
            if actor.kind == "group":
                continue
            forms = {m.text for m in actor.mentions}
            if actor.kind == "person":
                forms.add(actor.name.split()[-1])
            matcher.add(str(index), [self.make_doc(f) for f in sorted(forms)])
        taken = [m for a in actors for m in a.mentions] + blocked
        for match_id, start, end in sorted(matcher(doc), key=lambda m: (m[1], -m[2])):
            span = doc[start:end]
            if any(span.start < t.end and t.start < span.end for t in taken):
                continue
            actors[int(doc.vocab.strings[match_id])].mentions.append(span)
            taken.append(span)

    def _add_roles(self, doc: Doc, actors: list[Actor]) -> None:
        """Keep roles from appositions: "Le PDG de Nvidia, Jensen Huang", "Joe Biden, président"."""
        role_starts = {start: end for _, start, end in self.roles(doc)}
        for actor in actors:
            # The NER read a person as an organization: a person's role in apposition
            # ("Sundar Pichai, directeur général de Google,") settles it.
            if (
                actor.kind == "organization"
                and _looks_like_a_name(actor.name)
                and any(self._role_after(doc, m, role_starts) for m in actor.mentions)
            ):
                actor.kind = "person"
            if actor.kind != "person":
                continue
            for mention in list(actor.mentions):
                role = self._role_before(doc, mention, role_starts) or self._role_after(
                    doc, mention, role_starts
                )
                if role is not None:
                    text = role.text
                    if text not in actor.roles:
                        actor.roles.append(text)
                    if role.end < mention.start:
                        with_det = doc[max(role.start - 1, 0) : role.end]
                        if with_det[0].pos_ == "DET":
                            actor.mentions.append(with_det)

    def _role_before(self, doc: Doc, mention: Span, role_starts: dict[int, int]) -> Span | None:
        i = mention.start - 1
        comma = i >= 0 and doc[i].text == ","
        if comma:
            i -= 1
        j = i
        while j >= 0 and mention.start - j <= 8 and doc[j].pos_ not in ("VERB", "AUX", "PUNCT"):
            if j in role_starts and (doc[j - 1].pos_ in ("DET", "ADJ") if j > 0 else True):
                start = j - 1 if j > 0 and doc[j - 1].pos_ == "ADJ" else j
                span = doc[start : i + 1]
                if span.text and not any(t.ent_type_ == "PER" for t in span):
                    return span
            j -= 1
        return None

    def _role_after(self, doc: Doc, mention: Span, role_starts: dict[int, int]) -> Span | None:
        i = mention.end
        if i >= len(doc) or doc[i].text != ",":
            return None
        i += 1
        if i < len(doc) and doc[i].pos_ == "DET":
            i += 1
        if i < len(doc) and doc[i].pos_ == "ADJ":
            i += 1
        if i not in role_starts:
            return None
        end = i
        while end < len(doc) and end - i < 8 and doc[end].text not in (",", ".", ";", ":"):
            if doc[end].pos_ in ("VERB", "AUX"):
                return None
            end += 1
        start = mention.end + 1
        if doc[start].pos_ == "DET":
            start += 1
        return doc[start:end] if end > start else None

    def _add_descriptions(self, doc: Doc, actors: list[Actor]) -> None:
        """Link "l'entreprise", "la société américaine" to the last actor of their kind."""
        taken = [m for a in actors for m in a.mentions]
        for match_id, i, end in self.description_nouns(doc):
            kind = self.descriptions.get(doc.vocab.strings[match_id])
            if kind is None or i == 0 or doc[i - 1].lower_ not in _ARTICLES:
                continue
            token = doc[i]
            if "Plur" in token.morph.get("Number", []):
                continue
            while end < len(doc) and doc[end].pos_ == "ADJ" and doc[end].is_lower:
                end += 1
            span = doc[token.i - 1 : end]
            if _named_after(doc, end):
                continue  # a name follows: "l'entreprise chinoise DeepSeek"
            if any(span.start < t.end and t.start < span.end for t in taken):
                continue
            antecedent = _last_before(actors, token.i, {kind})
            if antecedent is not None:
                antecedent.mentions.append(span)
                taken.append(span)


_PORTFOLIO_LINKS = {"du", "de", "des", "d'", "la", "l'", "au", "aux", "à", "chargé", "chargée"}


def _looks_like_a_name(name: str) -> bool:
    """Two or three capitalised words, as a person's name is written ("Sundar Pichai")."""
    words = name.split()
    return 2 <= len(words) <= 3 and all(w[:1].isupper() and w[1:].islower() for w in words)


def _named_after(doc: Doc, i: int) -> bool:
    """Whether a proper name completes the noun phrase starting at token `i`."""
    for token in doc[i : min(i + 5, len(doc))]:
        if token.pos_ == "PROPN" or token.ent_type_ in ("ORG", "PER", "MISC"):
            return True
        if token.pos_ not in ("ADP", "DET", "NOUN", "ADJ"):
            return False
    return False


def _last_before(
    actors: list[Actor],
    i: int,
    kinds: set[str],
    window: int = 400,
    skip: tuple[int, int] | None = None,
) -> Actor | None:
    """The actor of one of `kinds` mentioned last before token `i`, within `window` tokens."""
    best: Actor | None = None
    best_end = -1
    for actor in actors:
        if actor.kind not in kinds:
            continue
        for mention in actor.mentions:
            if skip is not None and skip[0] <= mention.start and mention.end <= skip[1]:
                continue
            if best_end < mention.end <= i and i - mention.end <= window:
                best, best_end = actor, mention.end
    return best


# Per pronoun: the kind preferred when one was mentioned recently, then the kinds it can be.
_PRONOUN_KINDS = {
    "il": ("person", ("person",)),
    "lui": ("person", ("person",)),
    "elle": ("person", ("person", "organization", "government", "media")),
    "ils": ("group", ("group", "organization", "government", "person")),
    "elles": ("group", ("group", "organization", "government")),
    "eux": ("group", ("group", "organization", "government", "person")),
}


def resolve_pronoun(
    token: Token, actors: list[Actor], skip: tuple[int, int] | None = None
) -> Actor | None:
    """Resolve a subject pronoun ("Il aurait dit", "a-t-elle ajouté") to an actor.

    A person (or, for "ils"/"eux", a group) mentioned in the last 60 tokens wins;
    otherwise the last compatible actor of the last 120 tokens. Mentions inside `skip`
    (the quotation a speaker's pronoun follows) are not candidates.
    """
    entry = _PRONOUN_KINDS.get(token.lower_.lstrip("-").removeprefix("t-"))
    if entry is None:
        return None
    preferred, kinds = entry
    return _last_before(actors, token.i, {preferred}, 60, skip) or _last_before(
        actors, token.i, set(kinds), 120, skip
    )


@Language.factory("claimx_actors", default_config={"lexicon": "actors.yaml"})
def make_actors(nlp: Language, name: str, lexicon: str) -> ActorTagger:
    """Create a claimx_actors component reading its gazetteer from `models/`."""
    return ActorTagger(nlp, name, lexicon)
