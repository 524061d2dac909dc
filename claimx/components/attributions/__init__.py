"""claimx_attributions: who a statement comes from, and how it is reported.

Cues, from `models/attribution.yaml`:
- according_to: "selon X", "d'après X", "cité par X";
- statement: a reporting verb with a "que" clause, an infinitive or, for some verbs,
  a noun phrase ("a promis 80 milliards"), forward or as an incise ("a-t-il ajouté");
  multi-word verbs ("a mis en garde contre", "a laissé entendre que") too;
- quote: a direct quotation in « », “ ” or "…" with a speaker;
- no_comment: "a refusé de commenter", "n'a pas donné suite";
- denial: "dément", "nie que", "rejette les accusations", "s'inscrit en faux contre".
Each hit keeps its cue, its content (what is attributed) and its source.

The package, by concern: `lexicon` (the data compiled), `context` (one doc's sentences,
actors, quotations; verb groups), `cues`, `content` (what a cue attributes after it),
`incises` (what an incise attributes before it), `objects` (what a verb's object says),
`according` ("selon X"), `sources` (subjects), `named` (who a name, a relative or a
colon's speaker stands for), `speakers` (who speaks in a phrase naming actors),
`inverted` (speakers after their verb), `references` (pronouns), `phrases` (phrases
naming no actor: roles, documents, outlets), `persons` (role holders, persons' gender),
`joint` (joint speakers),
`ranker` (the speaker among the candidates), `quotations` (quoted words, colon quotes,
continued quotes), `tagger` (the whole joined).
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from claimx.columns import forget_positions
from claimx.components.attributions.lexicon import AttributionLexicon, er_forms
from claimx.components.attributions.ranker import SourceRanker
from claimx.components.attributions.tagger import tag
from claimx.components.base import Data, DataComponent
from claimx.components.grammar import Grammar
from claimx.components.hits import actors, put_attributions

__all__ = ["AttributionTagger", "er_forms", "make_attributions"]


class AttributionTagger(DataComponent):
    """Find attributions into `doc.spans["claimx_attributions"]` (contents) and
    `doc.spans["claimx_cues"]`, labelled with their kind (see `claimx.components.hits`)."""

    def compile(self, data: dict[str, Data]) -> None:
        self.grammar = Grammar.from_data(data["grammar"])
        self.lexicon = AttributionLexicon(self.nlp, data["lexicon"], self.grammar, data["actors"])
        self.lexicon.add_first_names(data["names"])
        self.ranker = SourceRanker.from_data(data["ranker"])

    def process(self, doc: Doc) -> Doc:
        speakers = actors(doc)
        put_attributions(doc, tag(doc, speakers, self.lexicon, self.grammar, self.ranker), speakers)
        forget_positions(doc)  # the last claimx component: its indexes are not output
        return doc


@Language.factory(
    "claimx_attributions",
    default_config={
        "lexicon": "attribution.yaml",
        "grammar": "french.yaml",
        "actors": "actors.yaml",
        "ranker": "source_ranker.yaml",
        "names": "first_names.yaml",
    },
    assigns=["doc.spans"],
    requires=["token.pos", "token.dep", "token.lemma", "token.morph", "doc.sents"],
)
def make_attributions(
    nlp: Language, name: str, lexicon: str, grammar: str, actors: str, ranker: str, names: str
) -> AttributionTagger:
    """Create a claimx_attributions component over the data files named (in `models/`):
    its lexicon, French closed-class words, the actor lexicon (who can speak), the source
    ranker's weights and first names' genders (who "elle" can be)."""
    files = {
        "lexicon": lexicon,
        "grammar": grammar,
        "actors": actors,
        "ranker": ranker,
        "names": names,
    }
    return AttributionTagger(nlp, name, files)
