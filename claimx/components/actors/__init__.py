"""claimx_actors: people, organizations, governments, media, groups and countries.

The statistical NER proposes names; a gazetteer (`models/actors.yaml`) adds and
types known actors and wins over the NER (and `models/wikidata.yaml` gives their Wikidata
ids); rules add groups ("des sénateurs"),
governments ("l'administration Trump"), roles from appositions, and descriptions
("l'entreprise") linked to the last actor of their kind. Mentions of one real
actor are merged into one cluster: "Huang" joins "Jensen Huang".

By concern: `lexicon` (the data compiled), `candidates`, `extents` (where a name starts
and ends), `cluster`, `acronyms`, `roles`.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimx.components.actors.acronyms import (
    add_acronyms,
    add_described_acronyms,
    join_spelled_out,
)
from claimx.components.actors.candidates import candidates
from claimx.components.actors.cluster import add_repeats, cluster, join_aliases
from claimx.components.actors.descriptions import add_descriptions
from claimx.components.actors.lexicon import ActorLexicon
from claimx.components.actors.nationality import add_countries, join_capitals
from claimx.components.actors.roles import add_roles
from claimx.components.base import Data, DataComponent
from claimx.components.grammar import Grammar
from claimx.components.hits import chips as chip_hits
from claimx.components.hits import put_actors
from claimx.docs import Occupied
from claimx.ids import identity_table
from claimx.text import fold


class ActorTagger(DataComponent):
    """Tag actors into `doc.spans["claimx_actors"]` (each mention labelled with its
    actor's kind; see `claimx.components.hits`)."""

    def compile(self, data: dict[str, Data]) -> None:
        self.lexicon = ActorLexicon(self.nlp, data["lexicon"], Grammar.from_data(data["grammar"]))
        self.lexicon.add_first_names(data["names"])
        self.identities = identity_table(data["identities"])

    def process(self, doc: Doc) -> Doc:
        blocked = [h.span for h in chip_hits(doc)]
        nouns = self.lexicon.description_nouns(doc)  # found once, read twice
        actors = cluster(candidates(doc, self.lexicon, blocked, nouns))
        add_repeats(doc, self.lexicon, actors, blocked)
        actors = join_aliases(doc, self.lexicon, actors)
        taken = Occupied([*(m for a in actors for m in a.mentions), *blocked])
        actors = add_acronyms(doc, actors, taken)
        add_described_acronyms(doc, self.lexicon, actors, taken)
        actors = join_spelled_out(self.lexicon, actors)
        add_roles(doc, self.lexicon, actors)
        add_countries(doc, self.lexicon, actors)
        actors = join_capitals(self.lexicon, actors)
        add_descriptions(doc, self.lexicon, actors, nouns)
        for actor in actors:
            actor.mentions.sort(key=lambda s: s.start)
            actor.wikidata = self.identities.get(fold(actor.name))
        actors.sort(key=lambda a: a.first)
        put_actors(doc, actors)
        return doc


@Language.factory(
    "claimx_actors",
    default_config={
        "lexicon": "actors.yaml",
        "grammar": "french.yaml",
        "identities": "wikidata.yaml",
        "names": "first_names.yaml",
    },
    assigns=["doc.spans"],
    requires=["doc.ents", "token.pos", "token.dep", "token.lemma"],
)
def make_actors(
    nlp: Language, name: str, lexicon: str, grammar: str, identities: str, names: str
) -> ActorTagger:
    """Create a claimx_actors component over the data files named (in `models/`)."""
    files = {"lexicon": lexicon, "grammar": grammar, "identities": identities, "names": names}
    return ActorTagger(nlp, name, files)
