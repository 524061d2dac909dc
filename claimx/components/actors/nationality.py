"""Actors' countries: from the gazetteer, a country's own name, a demonym in the name
("gouvernement chinois") or in the description the text gives it ("le géant chinois
Huawei", "l'autorité française de contrôle (Cnil)"). Descriptions agree with them."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc, Span

from claimx.components.actors.lexicon import ActorLexicon
from claimx.components.hits import Actor
from claimx.text import fold

_PHRASE_POS = {"DET", "NOUN", "ADJ", "ADP", "PROPN"}


def add_countries(doc: Doc, lex: ActorLexicon, actors: list[Actor]) -> None:
    """Give each actor the country the gazetteer or the text states for it."""
    for actor in actors:
        actor.country = (
            lex.country_of.get((actor.name, actor.kind))
            or (lex.country_names.get(fold(actor.name)) if actor.kind == "country" else None)
            or demonym_in(lex, actor.name.split())
            or next(filter(None, (_described_country(doc, lex, m) for m in actor.mentions)), None)
        )


def join_capitals(lex: ActorLexicon, actors: list[Actor]) -> list[Actor]:
    """A capital standing for its country ("Pékin a riposté") is that country's actor
    when the article names the country too."""
    countries: dict[str | None, Actor] = {
        a.country: a for a in actors if a.kind == "country" and a.country
    }
    kept = []
    for actor in actors:
        city = actor.name in lex.city_names and actor.country is not None
        country = countries.get(actor.country) if city else None
        if country is None:
            kept.append(actor)
        else:
            country.mentions.extend(actor.mentions)
    return kept


def demonym_in(lex: ActorLexicon, words: list[str]) -> str | None:
    """The country the first demonym among `words` names."""
    return next((lex.demonyms[fold(w)] for w in words if fold(w) in lex.demonyms), None)


def _described_country(doc: Doc, lex: ActorLexicon, mention: Span) -> str | None:
    """A demonym in the noun phrase a name completes: "le géant chinois Huawei",
    "l'américain Nvidia", "l'autorité française de contrôle … (Cnil)"."""
    i = mention.start - 1
    if i >= 0 and doc[i].text == "(":
        i -= 1
    stop = max(0, i - 12)
    words = []
    while i >= stop and doc[i].pos_ in _PHRASE_POS and not doc[i].is_punct:
        words.append(doc[i].text)
        i -= 1
    return demonym_in(lex, words)


def agreeing(lex: ActorLexicon, description: Span, noun: str) -> list[Callable[[Actor], bool]]:
    """The tests a description's antecedent must pass, most exacting first: an actor whose
    name opens on the description's noun ("le ministère" -> "ministère chinois du
    Commerce"), then any; with a demonym ("la société américaine"), only actors of that
    country, else of no known country. A noun that names one kind of institution takes up
    only a name that opens on it and holds its other qualifiers."""
    country = demonym_in(lex, [t.text for t in description])
    noun = fold(noun)

    def named(actor: Actor) -> bool:
        return actor.opens_on(noun)

    if noun in lex.named_heads:  # "le parquet": a parquet, never any body before
        # its other qualifiers are in the name: "la commission européenne" is the Commission
        # européenne, "la commission nationale …" another body
        qualifiers = [
            fold(t.text)
            for t in description
            if t.is_lower and t.pos_ == "ADJ" and fold(t.text) not in lex.demonyms
        ]

        def fits(actor: Actor) -> bool:
            words = fold(actor.name).split()
            same_country = country is None or actor.country in (country, None)
            return named(actor) and same_country and all(q in words for q in qualifiers)

        return [fits]
    if country is None:
        tests = [named, lambda actor: True]
    else:
        tests = [
            lambda actor: named(actor) and actor.country in (country, None),
            lambda actor: actor.country == country,
            lambda actor: actor.country is None,
        ]
    if noun in lex.whole_government:  # "le gouvernement" is no commission named before
        return [_no_institution(lex, test) for test in tests]
    return tests


def _no_institution(lex: ActorLexicon, test: Callable[[Actor], bool]) -> Callable[[Actor], bool]:
    """`test`, passed only by an actor whose name opens on no single institution's noun."""
    return lambda actor: test(actor) and not any(actor.opens_on(h) for h in lex.named_heads)
