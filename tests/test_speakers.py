"""Who speaks, as a careful reader finds it: one table per mechanism, sentences of our own,
with look-alikes that must give nothing."""

from __future__ import annotations

from typing import Any

import pytest
from spacy.language import Language

from claimx.claims import doc_claims


def attributions(nlp: Language, text: str) -> list[dict[str, Any]]:
    """(kind, source name or text, cue, claim text) of each attributed claim."""
    body = doc_claims(nlp(text))
    names = {a.id: a.name for a in body.actors}
    found = []
    for claim in body.claims:
        a = claim.attribution
        if a is not None:
            source = names.get(a.source or "", a.source_text)
            found.append({"kind": a.kind, "source": source, "cue": a.cue.text, "text": claim.text})
    return found


def said(nlp: Language, text: str, evidence: str) -> dict[str, Any]:
    """The first attributed claim holding `evidence` (the test fails when there is none)."""
    found = [f for f in attributions(nlp, text) if evidence in f["text"]]
    assert found, attributions(nlp, text)
    return found[0]


def check(nlp: Language, text: str, source: str, evidence: str, kind: str | None = None) -> None:
    claim = said(nlp, text, evidence)
    assert claim["source"] == source, claim
    if kind is not None:
        assert claim["kind"] == kind, claim


# A participle or gerund clause speaks with its sentence's speaker.
PARTICIPLES = [
    (
        "Le ministre a salué l'accord, précisant que les usines ouvriraient en 2027.",
        "Le ministre",
        "les usines ouvriraient",
    ),
    (
        "L'ONG a publié son rapport mardi, ajoutant que les stocks avaient doublé.",
        "L'ONG",
        "les stocks avaient doublé",
    ),
    (
        "Le syndicat a réagi en appelant à une grève nationale, tout en dénonçant les "
        "suppressions de postes.",
        "Le syndicat",
        "les suppressions de postes",
    ),
    (
        "Le fondeur a démenti, assurant « ne jamais avoir livré ces composants ».",
        "Le fondeur",
        "ne jamais avoir livré",
    ),
    (
        "Les robots seront taxés, a déclaré jeudi la commissaire Lena Varga, précisant que "
        "la mesure entrerait en vigueur en mars.",
        "Lena Varga",
        "la mesure entrerait en vigueur",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), PARTICIPLES)
def test_participles_take_the_speaker_of_their_sentence(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence, "statement" if "«" not in text else "quote")


# Relative "qui": its antecedent speaks, if it is someone.
RELATIVES = [
    (
        "Orbital Data, qui a levé 40 millions d'euros l'an dernier, a précisé que les "
        "embauches reprendraient.",
        "Orbital Data",
        "les embauches reprendraient",
    ),
    (
        "C'est Karim Belhadj, le directeur du laboratoire, qui a annoncé que le prototype "
        "était prêt.",
        "Karim Belhadj",
        "le prototype était prêt",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), RELATIVES)
def test_relative_qui_speaks_for_its_antecedent(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


# Things that cannot speak: no statement, whatever the verb.
@pytest.mark.parametrize(
    "text",
    [
        "Ces chiffres confirment que la demande ralentit.",
        "Un procès aurait pu s'ouvrir en décembre, menaçant la survie de la start-up.",
        "La hausse des prix annonce que l'hiver sera difficile.",
        "Les ventes ont été livrées selon un calendrier précis.",
    ],
)
def test_what_cannot_speak_makes_no_statement(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


# A document or an outlet cited before stands for its issuer; "selon lequel" for its
# antecedent.
BACK_REFERENCES = [
    # a document's issuer: its complement, a description of it, or the sentence's speaker
    (
        "Le groupe américain Norvia va investir 4 milliards d'euros en France. L'opération "
        "sera finalisée en juin, selon le communiqué du groupe.",
        "Norvia",
        "L'opération sera finalisée en juin",
    ),
    (
        "OpenAI serait valorisé 500 milliards de dollars, selon les données de CB Insights.",
        "CB Insights",
        "OpenAI serait valorisé",
    ),
    (
        "La Commission européenne a infligé une amende à Orbital Data, selon un communiqué "
        "publié jeudi.",
        "Commission européenne",
        "a infligé une amende",
    ),
    (
        "La Cnil a infligé une amende à Orbital Data. Selon le communiqué, l'entreprise "
        "n'a pas respecté ses engagements.",
        "Cnil",
        "n'a pas respecté ses engagements",
    ),
    (
        "Le Monde a révélé l'accord jeudi. Les négociations duraient depuis un an, ajoute "
        "le journal.",
        "Le Monde",
        "Les négociations duraient depuis un an",
    ),
    (
        "Le Monde a révélé l'accord jeudi. Le contrat est signé, écrit le quotidien, selon "
        "lequel le montant dépasse deux milliards d'euros.",
        "Le Monde",
        "le montant dépasse deux milliards",
    ),
    (
        "La Maison Blanche a reçu les patrons du secteur. Les licences seront revues, a "
        "précisé un porte-parole de la Maison Blanche. Aucun délai n'a été fixé, a ajouté "
        "le porte-parole.",
        "Maison Blanche",
        "Aucun délai n'a été fixé",
    ),
    (
        "Le président américain Donald Trump a reçu les industriels. « Il n'y a pas "
        "d'autre solution », a tranché le président américain sur son réseau social.",
        "Donald Trump",
        "Il n'y a pas d'autre solution",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), BACK_REFERENCES)
def test_documents_outlets_and_roles_stand_for_who_was_named(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


# The speaker after an inverted verb: past the person addressed, never a place or a
# means, never the person a noun's complement names.
INVERTED = [
    (
        "L'offre n'est pas sérieuse, affirme au journal un proche de Martin Delorme.",
        "un proche de Martin Delorme",
        "L'offre n'est pas sérieuse",
    ),
    (
        "Le marché reste fragile, a déclaré à Reuters le directeur financier de Norvia, "
        "Paul Estrade.",
        "Paul Estrade",
        "Le marché reste fragile",
    ),
    (
        "Le programme prend du retard, pointe la Cour des comptes européenne dans son "
        "rapport annuel.",
        "Cour des comptes européenne",
        "Le programme prend du retard",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), INVERTED)
def test_the_speaker_after_an_inverted_verb(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


@pytest.mark.parametrize(
    "text",
    [
        # a passive is no inversion: the agent announced rules, it said nothing here
        "Ces règles, qui devaient s'appliquer en mai, avaient été annoncées par le "
        "gouvernement en janvier.",
        "Samsung Electronics, qui a longtemps peiné, assure désormais la production.",
    ],
)
def test_look_alikes_of_inversions_are_not_incises(nlp: Language, text: str) -> None:
    assert all(f["cue"] not in ("avaient été annoncées",) for f in attributions(nlp, text))
    assert all(f["text"] != text.split(",")[0] for f in attributions(nlp, text))


# Saying verbs whose content is a noun phrase or a complement after a particle.
COMPLEMENTS = [
    ("Norvia s'attend à une baisse de ses ventes.", "Norvia", "une baisse de ses ventes"),
    ("Le groupe a évalué à 300 millions d'euros le coût du plan.", "Le groupe", "300 millions"),
    ("Les analystes soulignent la difficulté du contrôle.", "Les analystes", "la difficulté"),
    ("Le ministre a défendu le projet comme une chance.", "Le ministre", "le projet comme"),
    ("L'association fait état de pressions répétées.", "L'association", "pressions répétées"),
    ("Les députés s'inquiètent des risques pour la vie privée.", "Les députés", "risques pour"),
]


@pytest.mark.parametrize(("text", "source", "evidence"), COMPLEMENTS)
def test_saying_verbs_with_a_noun_phrase(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence, "statement")


@pytest.mark.parametrize(
    "text",
    [
        "Norvia prévoit de construire une usine à Lyon.",  # a plan, not a statement
        "Le groupe envisage de céder sa filiale.",
        "La valeur de l'entreprise est estimée à deux milliards d'euros.",  # a passive
        "Ces puces sont reconnues pour leur efficacité.",
        "Il faudra du temps pour développer ces outils.",  # an infinitive reports nothing
        "Le gardien attend les résultats.",  # "attendre" without "à"
    ],
)
def test_plans_passives_and_infinitives_are_not_statements(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


# Several speakers at once: one claim each.
JOINT = [
    (
        "Reuters et Bloomberg rapportent que le cabinet a trouvé ces composants.",
        {"Reuters", "Bloomberg"},
    ),
    (
        "Le fabricant Norvia a racheté la société Telcom en mars. Les deux sociétés ont "
        "décliné les demandes de commentaires.",
        {"Norvia", "Telcom"},
    ),
    # the parser hangs the verb on the first name, or gives it two subjects
    ("Nvidia et AMD ont annoncé mardi qu'ils suspendraient leurs ventes.", {"Nvidia", "AMD"}),
    ("Microsoft et Google ont indiqué qu'ils investiraient en France.", {"Microsoft", "Google"}),
    ("Intel, Samsung et TSMC affirment que la demande reste forte.", {"Intel", "Samsung", "TSMC"}),
    # look-alike: names before a comma, a singular verb
    ("Entre Nvidia et AMD, Intel a annoncé qu'il choisirait plus tard.", {"Intel"}),
]


@pytest.mark.parametrize(("text", "speakers"), JOINT)
def test_joint_speakers_are_each_credited(nlp: Language, text: str, speakers: set[str]) -> None:
    assert {f["source"] for f in attributions(nlp, text)} == speakers


# Typographic apostrophes and a name the tagger misreads before the verb.
WRITING = [
    ("D’après Reuters, l’accord est signé.", "Reuters", "l’accord est signé"),
    ("Le rapport est prêt et VeriChip n’a pas souhaité faire de commentaire.", "VeriChip", ""),
]


@pytest.mark.parametrize(("text", "source", "evidence"), WRITING)
def test_as_the_press_writes(nlp: Language, text: str, source: str, evidence: str) -> None:
    check(nlp, text, source, evidence)


# A spokesperson speaks for the body named in the role's complement; a pronoun after
# indirect speech may be that speech's own subject.
VOICES = [
    (
        "Le ministère chinois du Commerce a ouvert une enquête. Ces pratiques violent les "
        "règles, a indiqué un porte-parole du ministère.",
        "ministère chinois du Commerce",
        "Ces pratiques violent les règles",
    ),
    (
        "La banque publique Finora investira 5 milliards d'euros dans les puces, a-t-elle "
        "indiqué vendredi.",
        "Finora",
        "investira 5 milliards",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), VOICES)
def test_voices_speak_for_their_body(nlp: Language, text: str, source: str, evidence: str) -> None:
    claim = said(nlp, text, evidence)
    assert source in claim["source"], claim


# A statement holding a quotation of two words or more is also a quote of those words;
# a word set off in quotation marks is not.
@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        (
            "Le groupe a indiqué qu'il ferait appel, estimant la décision « contraire au droit "
            "européen ».",
            {"statement", "quote"},
        ),
        ("Le ministre a qualifié la situation d'« exceptionnelle ».", {"statement"}),
        ("« Nous ne céderons pas », a déclaré la présidente.", {"quote"}),
    ],
)
def test_quotations_inside_statements(nlp: Language, text: str, kinds: set[str]) -> None:
    assert {f["kind"] for f in attributions(nlp, text)} == kinds


# A new clause with its own subject ends the previous statement; a quotation with no cue
# right after a speaker's words continues them; a document of a person is that person.
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        (
            "Le ministre souligne que la France est prête, Karim Belhadj estime que « le plus "
            "dur reste à faire ».",
            "Karim Belhadj",
            "le plus dur reste à faire",
        ),
        (
            "« Nous avons tout essayé », a déclaré Lena Varga lors d'une conférence. « Il n'y a "
            "plus de temps à perdre. »",
            "Lena Varga",
            "Il n'y a plus de temps à perdre",
        ),
        (
            "S'il souligne que la France est déjà un acteur majeur de l'intelligence "
            "artificielle, Karim Belhadj estime que « ce dont la France a besoin, c'est "
            "d'usines ».",
            "Karim Belhadj",
            "la France est déjà un acteur majeur",
        ),
        (
            "S'il souligne que la France est déjà un acteur majeur de l'intelligence "
            "artificielle, Karim Belhadj estime que « ce dont la France a besoin, c'est "
            "d'usines ».",
            "Karim Belhadj",
            "ce dont la France a besoin",
        ),
        (
            "Si elle admet que le marché ralentit, Lena Varga juge que la demande reviendra.",
            "Lena Varga",
            "le marché ralentit",
        ),
        (
            "« Nous avons tout essayé », a déclaré Lena Varga, porte-parole de la Commission "
            "européenne. « Il n'y a plus de temps à perdre. »",
            "Lena Varga",
            "Il n'y a plus de temps à perdre",
        ),
        (
            "« Le groupe contrôle trois filiales », a accusé Marc Orsi dans sa lettre, « et "
            "elles travaillent pour l'armée ».",
            "Marc Orsi",
            "elles travaillent pour l'armée",
        ),
        (
            "Selon une note interne du patron du groupe, Paul Estrade, les usines fermeront.",
            "Paul Estrade",
            "les usines fermeront",
        ),
    ],
)
def test_clauses_continuations_and_documents(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


# A quotation inside a sentence of the writer's, after a speaker's words, continues nothing.
@pytest.mark.parametrize(
    "text",
    [
        "Ces règles visent « la stratégie globale du groupe », selon le communiqué. L'autorité "
        "s'est penchée sur un « mur de traceurs » imposé aux abonnés.",
        "« Nous avons tout essayé », a déclaré Lena Varga. L'usine accueillera ensuite une « "
        "coopération renforcée entre les équipes ».",
    ],
)
def test_quotations_in_the_writers_sentences_continue_nothing(nlp: Language, text: str) -> None:
    assert all(
        "traceurs" not in f["text"] and "coopération" not in f["text"]
        for f in attributions(nlp, text)
    ), attributions(nlp, text)


def test_a_statement_ends_where_another_speaker_begins(nlp: Language) -> None:
    text = (
        "Le ministre souligne que la France est prête, Karim Belhadj estime que tout reste à faire."
    )
    first = next(f for f in attributions(nlp, text) if f["cue"] == "souligne")
    assert "Belhadj" not in first["text"]


def test_a_denial_without_content_is_still_a_denial(nlp: Language) -> None:
    found = attributions(nlp, "Le fondeur a immédiatement démenti, sans autre précision.")
    assert [(f["kind"], f["source"]) for f in found] == [("denial", "Le fondeur")]


def test_a_denial_verb_with_content_keeps_its_content(nlp: Language) -> None:
    found = attributions(nlp, "Le fondeur dément avoir livré ces puces.")
    assert found and found[0]["kind"] == "denial" and "avoir livré" in found[0]["text"]


# Two cues of one verb group ("se dit" … "confiant") make one statement, not two (joint
# speakers of one content stay two: JOINT above).
ONE_STATEMENT = [
    ("Le ministre se dit confiant que l'accord sera signé avant l'été.", "se dit confiant"),
    ("La présidente s'est dite confiante que les ventes reprendraient.", "confiante"),
    ("Les sénateurs se disent confiants que le texte passera.", "se disent"),
]


@pytest.mark.parametrize(("text", "cue"), ONE_STATEMENT)
def test_one_statement_has_one_claim(nlp: Language, text: str, cue: str) -> None:
    found = attributions(nlp, text)
    assert len(found) == 1, found
    assert cue in found[0]["cue"]


# "Pour X, …" opening a sentence gives its view to a voice, never to a time or a purpose.
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Pour l'analyste, le titre reste trop cher.", "l'analyste"),
        ("Pour la Commission, la plateforme a enfreint les règles.", "Commission européenne"),
        ("Pour certains salariés, le plan est une trahison.", "salariés"),
    ],
)
def test_pour_opens_a_view(nlp: Language, text: str, source: str) -> None:
    found = attributions(nlp, text)
    assert [(f["kind"], f["source"]) for f in found] == [("according_to", source)], found


@pytest.mark.parametrize(
    "text",
    [
        "Pour 2025, le groupe prévoit une hausse de ses ventes.",
        "Pour ce faire, le groupe a levé des fonds.",
        "Pour la première fois, le groupe a publié ses comptes.",
        "Pour le marché, la nouvelle tombe au mauvais moment.",
    ],
)
def test_pour_without_a_voice_gives_nothing(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


# A subject pronoun continues the subject named before it, outside quotations, when it
# agrees: a person, or a body of the pronoun's grammatical gender.
CONTINUED = [
    (
        "La cheffe du Parti vert, Ana Ruiz, a exigé que « le ministre rende compte des "
        "discussions avec Paul Estrade ». « Nous ne sommes pas d'accord », a-t-elle dénoncé.",
        "Ana Ruiz",
        "Nous ne sommes pas d'accord",
    ),
    (
        "Le gouvernement italien a démenti lundi tout contrat avec Elon Musk. « Les "
        "discussions se poursuivent avec plusieurs sociétés », ajoute-t-il.",
        "gouvernement italien",
        "Les discussions se poursuivent",
    ),
]


CONTINUED += [
    (
        "Les États-Unis ont présenté jeudi leur plan. Ils jugent que les contrôles seront "
        "renforcés dès janvier.",
        "États-Unis",
        "contrôles seront renforcés",
    ),
    (
        "La présidente de la Commission européenne, Ursula von der Leyen, a présenté son plan. "
        "Elle a reconnu que les amendes allaient doubler.",
        "Ursula von der Leyen",
        "amendes allaient doubler",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), CONTINUED)
def test_a_pronoun_continues_the_subject(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


def test_a_feminine_pronoun_does_not_continue_a_masculine_body(nlp: Language) -> None:
    text = "Le gouvernement dément tout contrat. « Les discussions continuent », a-t-elle ajouté."
    found = [f for f in attributions(nlp, text) if "discussions" in f["text"]]
    assert found and found[0]["source"] != "le gouvernement", found


# Verb families: states ("se dit convaincu que"), objects after a particle ("reproche aux
# plateformes de", "s'est réjouie de"), "met en avant", a finite verb the tagger read as a
# participle, an addressee between the verb and "que".
FAMILIES = [
    ("Le fonds Arvelle se dit convaincu que les amendes vont doubler.", "Arvelle", "amendes"),
    ("La CNIL reproche aux plateformes de ne pas protéger les mineurs.", "Cnil", "protéger"),
    ("Lena Varga s'est réjouie de la hausse des tarifs douaniers.", "Lena Varga", "hausse des"),
    ("Le cabinet Ternel met en avant la baisse des marges.", "Ternel", "baisse des marges"),
    ("La CNIL avertit que les centres de données consommeront plus.", "Cnil", "centres de"),
    (
        "Le patron de Nvidia, Jensen Huang, a affirmé à ses actionnaires que les ventes "
        "allaient doubler.",
        "Jensen Huang",
        "ventes allaient doubler",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), FAMILIES)
def test_verb_families(nlp: Language, text: str, source: str, evidence: str) -> None:
    check(nlp, text, source, evidence, "statement")


# Subjects the parse loses: a pronoun read as an expletive before an adverb-tagged verb, a
# name cut by a hyphenated description; a participle the lemmatizer leaves as it is.
LOST_SUBJECTS = [
    (
        "Emmanuel Macron a présenté son plan. Il dément toute irrégularité.",
        "Emmanuel Macron",
        "irrégularité",
        "denial",
    ),
    (
        "La start-up Kelvio a ajouté que les amendes allaient doubler.",
        "Kelvio",
        "amendes allaient",
        "statement",
    ),
    ("La CNIL s'est abstenue de tout commentaire.", "Cnil", "abstenue", "no_comment"),
]


@pytest.mark.parametrize(("text", "source", "evidence", "kind"), LOST_SUBJECTS)
def test_lost_subjects(nlp: Language, text: str, source: str, evidence: str, kind: str) -> None:
    check(nlp, text, source, evidence, kind)


@pytest.mark.parametrize(
    "text",
    [
        "Le groupe se réjouit à l'idée de partir.",  # no content after the particle
        "La CNIL, avertie de la fuite, a ouvert une enquête.",  # a participle, no statement
    ],
)
def test_verb_family_look_alikes(nlp: Language, text: str) -> None:
    assert [f for f in attributions(nlp, text) if f["cue"] in ("réjouit", "avertie")] == []


# Speakers named together, read on the surface: after "selon", after an inverted verb,
# after a fronted clause, with descriptions, three of them.
JOINT_PHRASES = [
    ("Selon l'Arcom et la CNIL, les usines ouvriront en 2027.", {"Arcom", "Cnil"}),
    (
        "Les données resteront en Europe, ont déclaré Clara Vasseur et Emmanuel Macron.",
        {"Clara Vasseur", "Emmanuel Macron"},
    ),
    (
        "Contactés par l'AFP, Nvidia et la start-up Kelvio n'ont pas souhaité commenter.",
        {"Nvidia", "Kelvio"},
    ),
    (
        "La start-up Kelvio et le fonds Arvelle ont affirmé que les amendes allaient doubler.",
        {"Kelvio", "Arvelle"},
    ),
    (
        "Clara Vasseur, Marc Duval et Lena Varga se sont abstenus de tout commentaire.",
        {"Clara Vasseur", "Marc Duval", "Lena Varga"},
    ),
]


@pytest.mark.parametrize(("text", "sources"), JOINT_PHRASES)
def test_speakers_named_together(nlp: Language, text: str, sources: set[str]) -> None:
    assert {f["source"] for f in attributions(nlp, text)} == sources


@pytest.mark.parametrize(
    "text",
    [
        "Selon Nvidia, AMD et Intel perdent des parts de marché.",  # the comma ends the source
        "Nvidia a annoncé que AMD et Intel perdaient des parts de marché.",  # content, not speakers
    ],
)
def test_names_coordinated_elsewhere_do_not_speak(nlp: Language, text: str) -> None:
    assert {f["source"] for f in attributions(nlp, text)} == {"Nvidia"}


# A role's holder, a body's voice.
HOLDERS = [
    (
        "La présidente de la Commission européenne, Ursula von der Leyen, a présenté son plan. "
        "Les ventes vont reculer, a souligné la présidente de la Commission.",
        "Ursula von der Leyen",
        "ventes vont reculer",
    ),
    (
        "La Commission européenne, par la voix de sa vice-présidente Lena Varga, a indiqué que "
        "les usines ouvriraient en 2027.",
        "Lena Varga",
        "usines ouvriraient",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), HOLDERS)
def test_holders_and_voices(nlp: Language, text: str, source: str, evidence: str) -> None:
    check(nlp, text, source, evidence, "statement")


def test_an_auxiliary_ends_a_source_inside_a_clause(nlp: Language) -> None:
    text = (
        "Le contrat, qui aurait selon certains médias été discuté samedi, a provoqué une polémique."
    )
    sources = {f["source"] for f in attributions(nlp, text)}
    assert sources == {"certains médias"}, sources


# An incise inside its sentence after a short lead: the whole sentence when the lead is
# its subject, what follows when the lead is a connective.
MIDDLE = [
    (
        "Cette attaque, affirme également Nvidia, n'a pas eu d'impact sur les ventes.",
        "Nvidia",
        "pas eu d'impact",
    ),
    ("Le marché, a estimé Paul Estrade, va ralentir fortement.", "Paul Estrade", "ralentir"),
    (
        "La CNIL pointe trois manquements. En outre, souligne-t-elle, « les mesures déployées "
        "étaient inefficaces ».",
        "Cnil",
        "mesures déployées",
    ),
    (
        "L'Anssi a publié un bulletin. Elle conseille de déconnecter les équipements compromis.",
        "Anssi",
        "déconnecter les équipements",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence"), MIDDLE)
def test_incises_inside_their_sentence(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence)


# A subject the parse split: a name's first word alone, a role before its holder's name.
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        (
            "Emmanuel Macron précise que les centres de données consommeront plus.",
            "Emmanuel Macron",
            "centres de données",
        ),
        (
            "L'économiste Ana Ruiz a indiqué que les amendes allaient doubler.",
            "Ana Ruiz",
            "amendes allaient doubler",
        ),
    ],
)
def test_split_subjects(nlp: Language, text: str, source: str, evidence: str) -> None:
    check(nlp, text, source, evidence, "statement")


# A person with a role set off by commas speaks, not the body the role names.
APPOSED_ROLES = [
    (
        "Joignie par Reuters, Lina Ostrova, la directrice de Kelvio, n'a pas souhaité commenter.",
        "Lina Ostrova",
        "",
        "no_comment",
    ),
    (
        "Marc Duval, le président de la Fédération bancaire, a estimé que les taux resteraient "
        "élevés.",
        "Marc Duval",
        "taux resteraient",
        "statement",
    ),
    (
        "Sophie Lanier, porte-parole d'Arvelle, a démenti toute vente de puces à l'étranger.",
        "Sophie Lanier",
        "",
        "denial",
    ),
]


@pytest.mark.parametrize(("text", "source", "evidence", "kind"), APPOSED_ROLES)
def test_a_person_in_a_role_speaks_for_herself(
    nlp: Language, text: str, source: str, evidence: str, kind: str
) -> None:
    check(nlp, text, source, evidence, kind)


# A body introduced by a description after "du", "au": "un rapport du fonds Arvelle".
@pytest.mark.parametrize(
    ("text", "source", "evidence"),
    [
        (
            "Les prix de l'électricité vont doubler, selon un rapport du fonds Arvelle publié "
            "mardi.",
            "Arvelle",
            "prix de l'électricité",
        ),
        (
            "Selon une note du cabinet Ternel, les ventes de serveurs ont reculé de 8 %.",
            "Ternel",
            "ventes de serveurs",
        ),
    ],
)
def test_documents_of_described_bodies(
    nlp: Language, text: str, source: str, evidence: str
) -> None:
    check(nlp, text, source, evidence, "according_to")


# "selon" right after a word of variation means "depending on": no source.
@pytest.mark.parametrize(
    "text",
    [
        "Le tarif de l'abonnement varie selon la région.",
        "Les délais de livraison diffèrent sensiblement selon les modèles de puces.",
        "Le montant de l'aide sera modulable selon la taille des entreprises.",
        "Les remises sont différentes selon les clients.",
    ],
)
def test_selon_after_a_word_of_variation_names_no_source(nlp: Language, text: str) -> None:
    assert attributions(nlp, text) == []


def test_selon_set_off_by_commas_still_names_a_source(nlp: Language) -> None:
    text = "Le prix dépend, selon les analystes de Bernstein, de la demande chinoise."
    check(nlp, text, "Bernstein", "Le prix dépend", "according_to")
