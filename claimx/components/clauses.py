"""claimx_clauses: clauses of time or contrast that a comma opens ("…, après que X est
devenu …", "…, alors que Y a …"), by the openers of `models/french.yaml`
(`writer_clause_openers`, each before a complementizer). Each clause with a verb is written
to `doc.spans["claimx_clauses"]`, from the word after the complementizer to its sentence's
end; `claimx.claims` makes one the writer's claim when it closes an attributed sentence
after its speaker."""

from __future__ import annotations

from bisect import bisect_left

from spacy.attrs import LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span

from claimx.columns import Ids
from claimx.components.base import Data, DataComponent
from claimx.components.hits import put_clauses
from claimx.text import apostrophe_variants


class ClauseTagger(DataComponent):
    """Tag clauses of time or contrast into `doc.spans["claimx_clauses"]`."""

    def compile(self, files: dict[str, Data]) -> None:
        grammar = files["grammar"]
        self.openers = frozenset(w.lower() for w in grammar["writer_clause_openers"])
        self.opener_ids = Ids(self.nlp.vocab.strings.add(w) for w in self.openers)
        self.complementizers = frozenset(
            v.lower() for w in grammar["complementizers"] for v in apostrophe_variants(w)
        )

    def process(self, doc: Doc) -> Doc:
        clauses: list[Span] = []
        openers = self.opener_ids.where(doc, LOWER)  # only where an opener is
        for sent in doc.sents:
            first = bisect_left(openers, sent.start + 1)
            for i in openers[first : bisect_left(openers, sent.end - 2)]:
                if (
                    doc[i - 1].text == ","
                    and doc[i].lower_ in self.openers
                    and doc[i + 1].lower_ in self.complementizers
                ):
                    clause = doc[i + 2 : sent.end]
                    if any(t.pos_ in ("VERB", "AUX") for t in clause):
                        clauses.append(Span(doc, clause.start, clause.end, label="clause"))
                    break  # the rest of the sentence is that clause
        put_clauses(doc, clauses)
        return doc


@Language.factory(
    "claimx_clauses",
    default_config={"grammar": "french.yaml"},
    assigns=["doc.spans"],
    requires=["token.pos"],
)
def make_clauses(nlp: Language, name: str, grammar: str) -> ClauseTagger:
    """Create a claimx_clauses component over the data file named (in `models/`)."""
    return ClauseTagger(nlp, name, {"grammar": grammar})
