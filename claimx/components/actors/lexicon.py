"""The actor gazetteer and lexicons (`models/actors.yaml`) compiled into matchers."""

from __future__ import annotations

import unicodedata
from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher

from claimx.columns import Ids
from claimx.components.grammar import Grammar, first_name_genders
from claimx.text import fold

_KINDS = (("media", "media"), ("governments", "government"), ("organizations", "organization"))


class ActorLexicon:
    """Known actors, role nouns, descriptions, group and government patterns."""

    def __init__(self, nlp: Language, data: dict[str, Any], grammar: Grammar) -> None:
        self.grammar = grammar
        self.windows: dict[str, int] = dict(data["windows"])
        self.make_doc = nlp.make_doc
        self._words: dict[str, tuple[int, ...]] = {}  # see words_of
        # Matched whatever the case ("Cnil", "SK hynix"); a match must open on a capital
        # (see candidates), so that "arm" is not Arm.
        self.gazetteer = PhraseMatcher(nlp.vocab, attr="LOWER")
        # A name's words after its article, found where the article is contracted ("du
        # Figaro"): the contractions each label may follow.
        self.contracted = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.contractions: dict[str, frozenset[str]] = {}
        self.known: dict[str, tuple[str, str]] = {}
        self.first_names: set[str] = set()
        self.first_name_genders: dict[str, str] = {}
        self.descriptor_labels: set[str] = set()  # labels of descriptors: no capital needed
        self.country_of: dict[tuple[str, str], str] = {}  # (name, kind) -> country
        self.cities: set[str] = set()
        self.city_names: set[str] = set()
        self.city_forms: set[str] = set()  # a capital as written: a place unless it acts
        self._add_known(nlp, data)
        # "Etats-Unis" as written -> "États-Unis"
        self.country_names = {
            fold(v): c for c in data["countries"] for v in (c, _plain_capitals(c))
        }
        self.demonyms = {
            fold(form): country for country, forms in data["demonyms"].items() for form in forms
        }
        self.not_actors = {fold(x) for x in data["not_actors"]}
        self.initials_skip = {fold(x) for x in data["initials_skip"]}
        self.event_nouns = set(data["event_nouns"])
        self.event_heads = {fold(x) for x in data["event_heads"]}
        self.event_ids = Ids(nlp.vocab.strings.add(n) for n in self.event_nouns)
        self.titles = set(data["person_titles"])
        self.body_words = {fold(w) for w in data["body_words"]}
        self.alias_markers = [tuple(m.split()) for m in data["alias_markers"]]
        self.portfolio_roles = {r.lower() for r in data["portfolio_roles"]}
        self.roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.roles.add("ROLE", [nlp.make_doc(t) for t in data["role_nouns"]])
        self.role_words = {fold(r) for r in data["role_nouns"]}
        self.descriptions = {
            noun: kind for kind, nouns in data["descriptions"].items() for noun in nouns
        }
        self.named_heads = {fold(n) for n in data["named_heads"]}
        self.whole_government = {fold(n) for n in data["whole_government"]}
        self.public_agency_adjectives = set(data["public_agency_adjectives"])
        self.public_bodies = {
            noun: kind for kind, nouns in data["defining_nouns"].items() for noun in nouns
        }
        self.media_trades = set(data["media_trades"])
        # A phrase matcher, for nouns the tokenizer splits ("start-up").
        self.description_nouns = PhraseMatcher(nlp.vocab, attr="LOWER")
        for noun in self.descriptions:
            self.description_nouns.add(noun, [nlp.make_doc(noun)])
        self.groups = _group_matcher(nlp, data)
        self.group_nouns = Ids(nlp.vocab.strings.add(n) for n in data["group_nouns"])
        self.group_lemmas = set(data["group_nouns"])
        # a group's noun follows its determiner's last word ("des", "nombreux", "de")
        self.group_determiner_ends = {d.split()[-1] for d in data["group_determiners"]}
        self.government_nouns = Ids(nlp.vocab.strings.add(n) for n in grammar.government_nouns)
        self.governments = _government_matcher(nlp, grammar)

    def _add_known(self, nlp: Language, data: dict[str, Any]) -> None:
        """The gazetteer's names, each with its forms as the press writes them."""
        demonyms: dict[str, list[str]] = data["demonyms"]
        for kind_key, kind in _KINDS:
            for entry in data[kind_key]:
                label = f"{kind}:{entry['name']}"
                self.known[label] = (entry["name"], kind)
                if entry.get("country"):
                    self.country_of[(entry["name"], kind)] = entry["country"]
                if entry.get("city"):
                    self.cities.add(label)
                    self.city_names.add(entry["name"])
                    self.city_forms |= {
                        fold(f) for f in (entry["name"], *(entry.get("aliases") or []))
                    }
                forms = {entry["name"], *(entry.get("aliases") or [])}
                # "la Commission" opens a sentence as "La Commission".
                forms |= {f[0].upper() + f[1:] for f in forms if f[:1].islower()}
                forms |= {_plain_capitals(f) for f in forms}  # "Elysée" for "Élysée"
                # "l'Autorité française de la concurrence" for "Autorité de la concurrence"
                forms |= {
                    f"{head} {adjective} {rest}"
                    for head, _, rest in (f.partition(" ") for f in forms if " " in f)
                    for adjective in demonyms.get(entry.get("country", ""), [])
                    if head[:1].isupper() and rest[:1].islower()
                }
                self.gazetteer.add(label, [nlp.make_doc(t) for t in sorted(forms)])
                self._add_contracted(nlp, label, forms)
                if entry.get("descriptors"):  # "exécutif européen": matched in lower case
                    self.known[label + "|"] = (entry["name"], kind)
                    self.descriptor_labels.add(label + "|")
                    phrases = [nlp.make_doc(t) for t in sorted(entry["descriptors"])]
                    self.gazetteer.add(label + "|", phrases)

    def _add_contracted(self, nlp: Language, label: str, forms: set[str]) -> None:
        """A name opening on an article, as written after a contraction: "Le Figaro" ->
        "Figaro" after "du" or "au"."""
        rests: list[str] = []
        for form in sorted(forms):
            article, _, rest = form.partition(" ")
            joined = self.grammar.article_contractions.get(article.lower())
            if joined and rest[:1].isupper():
                rests.append(rest)
                self.contractions[label] = frozenset(joined)
        if rests:
            self.contracted.add(label, [nlp.make_doc(t) for t in rests])

    def words_of(self, name: str) -> tuple[int, ...]:
        """A name's tokens (their ORTH), as the tokenizer cuts the name alone; kept."""
        words = self._words.get(name)
        if words is None:
            if len(self._words) >= 50_000:  # a long batch's names: kept bounded
                self._words.clear()
            words = self._words[name] = tuple(t.orth for t in self.make_doc(name))
        return words

    def add_first_names(self, data: dict[str, Any]) -> None:
        """First names (`first_names.yaml`), folded: where a person's name starts."""
        self.first_name_genders = first_name_genders(data)
        self.first_names = set(self.first_name_genders)

    def names_a_body(self, name: str) -> bool:
        """Whether a name holds a company's or an institution's word ("Dassault Systèmes",
        "Felix Capital"): never a person's."""
        words = name.split()
        return len(words) > 1 and any(fold(word) in self.body_words for word in words)


def _plain_capitals(form: str) -> str:
    """A name with its capitals unaccented, as the press often writes them."""
    return "".join(unicodedata.normalize("NFD", c)[0] if c.isupper() else c for c in form)


def _group_matcher(nlp: Language, data: dict[str, Any]) -> Matcher:
    """Groups: "des entreprises américaines", "les élus démocrates"."""
    groups = Matcher(nlp.vocab)
    group_patterns = []
    for det in data["group_determiners"]:
        group_patterns.append(
            [
                *({"LOWER": w} for w in det.split()),
                {"LEMMA": {"IN": data["group_nouns"]}, "POS": "NOUN"},
                {"POS": "ADJ", "OP": "*"},
                {"POS": "NOUN", "DEP": "amod", "OP": "*"},  # "des élus démocrates"
                # an acronym qualifier: "des entreprises IA", "des groupes US"
                {"IS_UPPER": True, "IS_ALPHA": True, "LENGTH": {"<=": 3}, "OP": "?"},
            ]
        )
    groups.add("GROUP", group_patterns, greedy="LONGEST")
    return groups


def _government_matcher(nlp: Language, grammar: Grammar) -> Matcher:
    """Governments: "le gouvernement chinois", "le ministère du Commerce"."""
    governments = Matcher(nlp.vocab)
    governments.add(
        "GOVERNMENT",
        [
            [
                {"LOWER": {"IN": list(grammar.government_nouns_with_name)}},
                {"IS_TITLE": True, "OP": "+"},
            ],
            [
                {"LOWER": {"IN": list(grammar.government_nouns)}},
                {"POS": "ADJ", "IS_LOWER": True},
            ],
            [
                {"LOWER": {"IN": list(grammar.government_nouns_with_portfolio)}},
                {"POS": "ADJ", "IS_LOWER": True, "OP": "?"},  # "tribunal administratif de"
                {"LOWER": {"IN": list(grammar.complement_prepositions)}},
                {"POS": "DET", "OP": "?"},
                {"IS_TITLE": True},
            ],
        ],
        greedy="LONGEST",
    )
    return governments
