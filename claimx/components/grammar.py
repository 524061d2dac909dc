"""French closed-class words (`models/french.yaml`), as the rule components read them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from claimx.text import apostrophe_variants, fold


@dataclass(frozen=True)
class Grammar:
    """The word lists of `models/french.yaml`, as sets."""

    pronoun_kinds: dict[str, tuple[str, tuple[str, ...]]]
    pronoun_genders: dict[str, str]
    pronoun_numbers: dict[str, str]
    verb_group_clitics: frozenset[str]
    verb_group_insertions: tuple[tuple[str, ...], ...]  # longest first
    negation: frozenset[str]
    negation_words: frozenset[str]
    gerund_markers: frozenset[str]
    definite_determiners: frozenset[str]
    articles: frozenset[str]
    singular_determiners: frozenset[str]
    singular_contractions: frozenset[str]
    article_contractions: dict[str, tuple[str, ...]]
    possessive_determiners: frozenset[str]
    complementizers: frozenset[str]
    infinitive_markers: frozenset[str]
    finite_only_endings: tuple[str, ...]
    incise_openers: frozenset[str]
    on_places: frozenset[str]
    on_openers: tuple[tuple[str, ...], ...]  # longest first
    cleft_openers: tuple[tuple[str, ...], ...]
    feminine_titles: frozenset[str]
    masculine_titles: frozenset[str]
    incise_clitics: frozenset[str]
    relative_subjects: frozenset[str]
    statement_separators: frozenset[str]
    leading_conjunctions: frozenset[str]
    hypothesis_markers: frozenset[str]
    portfolio_links: frozenset[str]
    government_nouns: tuple[str, ...]
    government_nouns_with_name: tuple[str, ...]
    government_nouns_with_portfolio: tuple[str, ...]
    source_prepositions: frozenset[str]
    addressee_prepositions: frozenset[str]
    complement_prepositions: frozenset[str]
    relative_objects: frozenset[str]
    first_persons: frozenset[str]
    small_numbers: dict[str, int]

    @classmethod
    def from_data(cls, raw: dict[str, Any]) -> Grammar:
        """The lists of `french.yaml`, each word with both apostrophes ("n'", "n’")."""
        data: dict[str, Any] = {
            key: sorted({v for w in value for v in apostrophe_variants(w)})
            if isinstance(value, list)
            else value
            for key, value in raw.items()
        }
        pronouns = {
            word: (entry["prefer"], tuple(entry["kinds"]))
            for word, entry in data["pronouns"].items()
        }
        return cls(
            pronoun_kinds=pronouns,
            pronoun_genders={w: e["gender"] for w, e in data["pronouns"].items() if "gender" in e},
            pronoun_numbers={w: e["number"] for w, e in data["pronouns"].items() if "number" in e},
            verb_group_clitics=frozenset(data["verb_group_clitics"]),
            verb_group_insertions=_phrases(data["verb_group_insertions"]),
            negation=frozenset(data["negation"]),
            negation_words=frozenset(data["negation_words"]),
            gerund_markers=frozenset(data["gerund_markers"]),
            definite_determiners=frozenset(data["definite_determiners"]),
            articles=frozenset(data["articles"]),
            singular_determiners=frozenset(data["singular_determiners"]),
            singular_contractions=frozenset(data["singular_contractions"]),
            article_contractions={a: tuple(c) for a, c in data["article_contractions"].items()},
            possessive_determiners=frozenset(data["possessive_determiners"]),
            complementizers=frozenset(data["complementizers"]),
            infinitive_markers=frozenset(data["infinitive_markers"]),
            finite_only_endings=tuple(data["finite_only_endings"]),
            incise_openers=frozenset(data["incise_openers"]),
            on_places=frozenset(data["on_places"]),
            on_openers=_phrases(data["on_openers"]),
            cleft_openers=_phrases(data["cleft_openers"]),
            feminine_titles=frozenset(data["feminine_titles"]),
            masculine_titles=frozenset(data["masculine_titles"]),
            incise_clitics=frozenset(data["incise_clitics"]),
            relative_subjects=frozenset(data["relative_subjects"]),
            statement_separators=frozenset(data["statement_separators"]),
            leading_conjunctions=frozenset(data["leading_conjunctions"]),
            hypothesis_markers=frozenset(data["hypothesis_markers"]),
            portfolio_links=frozenset(data["portfolio_links"]),
            government_nouns=tuple(data["government_nouns"]),
            government_nouns_with_name=tuple(data["government_nouns_with_name"]),
            government_nouns_with_portfolio=tuple(data["government_nouns_with_portfolio"]),
            source_prepositions=frozenset(data["source_prepositions"]),
            addressee_prepositions=frozenset(data["addressee_prepositions"]),
            complement_prepositions=frozenset(data["complement_prepositions"]),
            relative_objects=frozenset(data["relative_objects"]),
            first_persons=frozenset(data["first_persons"]),
            small_numbers=dict(data["small_numbers"]),
        )

    def insertions_ending(self, word: str) -> tuple[tuple[str, ...], ...]:
        """The phrases wedged in a verb group that end on `word`, longest first."""
        return self._insertions_by_last.get(word, ())

    @cached_property  # looked up for every verb group: built once
    def _insertions_by_last(self) -> dict[str, tuple[tuple[str, ...], ...]]:
        by_last: dict[str, list[tuple[str, ...]]] = {}
        for words in self.verb_group_insertions:
            by_last.setdefault(words[-1], []).append(words)
        return {last: tuple(found) for last, found in by_last.items()}

    @cached_property  # read for every token of a candidate speaker: built once
    def speaking_pronouns(self) -> frozenset[str]:
        """Pronouns that can stand for a speaker: subject pronouns and the first persons."""
        return self.pronouns | self.first_persons

    @cached_property
    def pronouns(self) -> frozenset[str]:
        """Subject pronouns, plain and inverted ("il", "-il")."""
        return frozenset(self.pronoun_kinds) | {"-" + p for p in self.pronoun_kinds}

    def pronoun_entry(self, word: str) -> tuple[str, tuple[str, ...]] | None:
        """(preferred kind, possible kinds) of a pronoun as written ("-t-elle" too)."""
        return self.pronoun_kinds.get(word.lower().lstrip("-").removeprefix("t-"))

    def pronoun_gender(self, word: str) -> str | None:
        """The grammatical gender of a pronoun as written ("Masc", "Fem"), if known."""
        return self.pronoun_genders.get(word.lower().lstrip("-").removeprefix("t-"))

    def pronoun_number(self, word: str) -> str | None:
        """The grammatical number of a pronoun as written ("Sing", "Plur"), if known."""
        return self.pronoun_numbers.get(word.lower().lstrip("-").removeprefix("t-"))


def _phrases(phrases: list[str]) -> tuple[tuple[str, ...], ...]:
    """Multi-word phrases as tuples of words, once each, longest first."""
    return tuple(sorted({tuple(p.split()) for p in phrases}, key=len, reverse=True))


def first_name_genders(data: dict[str, Any]) -> dict[str, str]:
    """The first names of `first_names.yaml`, folded, with their bearer's gender."""
    genders = {fold(n): "Fem" for n in data["feminine"]}
    genders.update({fold(n): "Masc" for n in data["masculine"]})
    return genders
