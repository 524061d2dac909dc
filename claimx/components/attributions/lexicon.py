"""The attribution lexicon (`models/attribution.yaml`) compiled: verb forms, and spaCy
matchers for the phrase cues (no-comment phrases, "selon"-type markers, multi-word
reporting verbs such as "mettre en garde")."""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher

from claimx.columns import Ids
from claimx.components.grammar import Grammar, first_name_genders
from claimx.text import apostrophe_variants, fold


def er_forms(lemma: str, rules: dict[str, Any]) -> set[str]:
    """Usual press forms of a regular -er verb ("déclarer" -> "déclare", "déclaré", ...),
    by `rules` (`er_verbs` in `models/attribution.yaml`: endings, stem changes)."""
    if not lemma.endswith("er"):
        return {lemma}
    stem = lemma[:-2]
    forms = {stem + e for e in rules["endings"]}
    for change in rules["stem_changes"]:
        end = change["stem_end"]
        if stem.endswith(end):
            changed = stem[: len(stem) - len(end)] + change["becomes"]
            forms |= {changed + e for e in change["endings"]}
    return forms


def _word_forms(word: str) -> set[str]:
    """A phrase word as a lemma may show: elided or not, with either apostrophe
    ("ne" -> "n'", "n’"; "s'" -> "se")."""
    forms = apostrophe_variants(word)
    if word.endswith(("'", "’")):
        forms.add(word[:-1] + "e")
    elif len(word) == 2 and word.endswith("e"):
        forms |= apostrophe_variants(word[:-1] + "'")
    return forms


def bare(lemma: str) -> str:
    """A verb without its reflexive pronoun: "s'inquiéter" -> "inquiéter"."""
    for prefix in ("se ", "s'"):
        if lemma.startswith(prefix):
            return lemma[len(prefix) :]
    return lemma


class AttributionLexicon:
    """Everything `attribution.yaml` says, ready for matching."""

    def __init__(
        self, nlp: Language, data: dict[str, Any], grammar: Grammar, actors: dict[str, Any]
    ) -> None:
        verbs = data["reporting_verbs"]
        self.er_rules: dict[str, Any] = data["er_verbs"]
        self.windows: dict[str, int] = dict(data["windows"])
        denial = data["denial"]
        irregular: dict[str, list[str]] = data["irregular_forms"]
        self.object_verbs = {bare(v) for v in verbs["object"]}
        self.object_particles: dict[str, set[str]] = {
            bare(k): set(v) for k, v in data["object_particles"].items()
        }
        self.denial_verbs = {bare(v) for v in denial["verbs"]}
        self.denial_objects = {k: set(v) for k, v in denial["with_object"].items()}
        self.speech_objects = {bare(k): set(v) for k, v in data["speech_objects"].items()}
        self.according_verbs = set(data["according_to_verbs"])
        self.opinion_markers = set(data["opinion_markers"])
        self.variation_words = set(data["variation_words"])
        self.plan_verbs = {bare(v) for v in data["plan_verbs"]}
        self.measure_verbs = {bare(v) for v in data["measure_verbs"]}
        self.raising_verbs = {bare(v) for v in data["raising_verbs"]}
        self.forecast_verbs = {bare(v) for v in data["forecast_verbs"]}
        self.provision_verbs = {bare(v) for v in data["provision_verbs"]}
        self.guidance_verbs = {
            bare(v): set(particles) for v, particles in data["guidance_verbs"].items()
        }
        self.self_description_verbs = set(data["self_description_verbs"])
        self.speech_self_descriptions = set(data["speech_self_descriptions"])
        self.judgement_verbs = {bare(v) for v in data["judgement_verbs"]}
        self.agent_verbs = set(data["agent_verbs"])
        self.agent_links = {v for w in data["agent_links"] for v in apostrophe_variants(w)}
        self.not_reporting_reflexive = set(data["not_reporting_reflexive"])
        # each carrier by its lemma and its forms: the lemmatizer misreads some ("se
        # contente" -> "content", "se borne" -> "borne")
        self.infinitive_carriers = {
            form: set(words)
            for verb, words in data["infinitive_carriers"].items()
            for form in {verb, *er_forms(verb, self.er_rules)}
        }
        self.voice_nouns = {fold(n) for n in data["voice_nouns"]}
        self.sentence_particles: dict[str, set[str]] = {
            bare(k): set(v) for k, v in data["sentence_particles"].items()
        }
        self.clitic_objects: dict[str, set[str]] = {
            bare(k): set(v) for k, v in data["clitic_objects"].items()
        }
        self.court_objects: dict[str, set[str]] = {
            bare(k): set(v) for k, v in data["court_objects"].items()
        }
        self.floor_verbs = set(data["floor_verbs"])
        self.floor_adjectives = set(data["floor_adjectives"])
        self.not_sources = {fold(t) for t in data["not_sources"]}
        self.own_findings = (
            frozenset(data["own_findings_determiners"]),
            frozenset(data["own_findings"]),
        )
        described = [n for nouns in actors["descriptions"].values() for n in nouns]
        self.document_nouns = set(data["document_nouns"])
        self.media_nouns = set(actors["descriptions"]["media"])
        self.description_kinds = {
            noun: kind for kind, nouns in actors["descriptions"].items() for noun in nouns
        }
        self.named_heads = {fold(n) for n in actors["named_heads"]}
        self.numbers: dict[str, int] = dict(grammar.small_numbers)
        self.role_nouns = {fold(r) for r in actors["role_nouns"]}
        self.role_periphrases = {  # folded description -> the folded role it stands for
            fold(phrase): fold(role)
            for role, phrases in data["role_periphrases"].items()
            for phrase in phrases
        }
        self.person_titles = set(actors["person_titles"])  # "Me", "Dr": before a name
        self.first_names: dict[str, str] = {}  # folded first name -> "Fem" / "Masc"
        self.speaker_nouns = {
            w.lower()
            for w in [
                *data["speaker_nouns"],
                *actors["role_nouns"],
                *actors["group_nouns"],
                *described,
            ]
        }

        self.speaker_plural_endings = tuple(data["speaker_plural_endings"])
        self._compile_verbs(nlp, [*verbs["clause"], *verbs["object"], *denial["verbs"]], irregular)

        markers = [*sorted(grammar.source_prepositions), *data["according_to"]]
        # "aux yeux de" -> "aux yeux du", "aux yeux des": the article joined to "de"
        markers += [m[:-3] + j for m in markers if m.endswith(" de") for j in (" du", " des")]
        self.according = PhraseMatcher(nlp.vocab, attr="LOWER")
        variants = sorted({v for t in markers for v in apostrophe_variants(t)})
        self.according.add("ACCORDING_TO", [nlp.make_doc(t) for t in variants])

        self._compile_no_comment(nlp, data["no_comment"], irregular)

    def add_first_names(self, data: dict[str, Any]) -> None:
        """The gender of first names (`first_names.yaml`), folded."""
        self.first_names = first_name_genders(data)

    def _compile_verbs(
        self, nlp: Language, verbs: list[str], irregular: dict[str, list[str]]
    ) -> None:
        """Every form of the reporting verbs; multi-word verbs as a matcher."""

        def forms_of(verb: str) -> set[str]:
            return set(irregular.get(verb) or []) | er_forms(verb, self.er_rules) | {verb}

        self.verb_of_form: dict[str, str] = {}
        # Multi-word verbs ("mettre en garde", "s'inscrire en faux"): the first word by
        # lemma or in one of its forms, then the other words as written.
        self.phrasal = Matcher(nlp.vocab)
        phrasal_triggers: set[int] = set()
        self.phrasal_reach = 1  # words a multi-word verb spans before its last one
        for lemma in sorted(set(verbs)):
            verb = bare(lemma)
            head, _, rest = verb.partition(" ")
            if not rest:
                for form in forms_of(verb):
                    self.verb_of_form.setdefault(form, verb)
                continue
            # an adverb may sit after the verb: "mettent notamment en avant"
            tail = [{"POS": "ADV", "OP": "?"}, *({"LOWER": w} for w in rest.split())]
            forms = sorted(forms_of(head))
            self.phrasal.add(verb, [[{"LEMMA": head}, *tail], [{"LOWER": {"IN": forms}}, *tail]])
            # The last word triggers the matcher ("garde", "valoir"): rarer than "en".
            phrasal_triggers.add(nlp.vocab.strings.add(rest.split()[-1]))
            self.phrasal_reach = max(self.phrasal_reach, len(rest.split()) + 1)
        self.lemmas = set(self.verb_of_form.values())
        self.phrasal_triggers = Ids(phrasal_triggers)
        self.lemma_ids = Ids(nlp.vocab.strings.add(lemma) for lemma in self.lemmas)
        self.form_ids = Ids(nlp.vocab.strings.add(form) for form in self.verb_of_form)

    def _compile_no_comment(
        self, nlp: Language, phrases: list[str], irregular: dict[str, list[str]]
    ) -> None:
        """The no-comment phrases as a matcher: each word by lemma, words between allowed."""
        self.no_comment = Matcher(nlp.vocab)
        # A phrase's last word triggers it: the matcher runs only before such words.
        no_comment_triggers: set[int] = set()
        no_comment_openers: set[int] = set()  # and its first word opens it: every match holds one
        gap = {"POS": {"IN": ["AUX", "ADV", "PRON", "DET"]}, "OP": "*"}
        for phrase in phrases:
            steps: list[dict[str, Any]] = []
            for word in nlp.tokenizer(phrase):
                if steps:
                    steps.append(gap)
                # the lemmatizer may leave a form as it is ("abstenue"): its forms too
                lemma = word.text.lower()
                forms = sorted(_word_forms(lemma) | set(irregular.get(lemma, [])))
                steps.append({"LEMMA": {"IN": forms}})
            self.no_comment.add("NO_COMMENT", [steps], greedy="LONGEST")
            no_comment_triggers.update(nlp.vocab.strings.add(w) for w in steps[-1]["LEMMA"]["IN"])
            no_comment_openers.update(nlp.vocab.strings.add(w) for w in steps[0]["LEMMA"]["IN"])
        self.no_comment_triggers = Ids(no_comment_triggers)
        self.no_comment_openers = Ids(no_comment_openers)
