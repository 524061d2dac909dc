"""claimx_actors with the real French pipeline: kinds, merging, roles, descriptions."""

from __future__ import annotations

import pytest
from spacy.language import Language

from claimx.claims import doc_claims
from claimx.components import hits as products


def actors(nlp: Language, text: str) -> dict[str, tuple[str, list[str], list[str]]]:
    doc = nlp(text)
    return {a.name: (a.kind, a.roles, [m.text for m in a.mentions]) for a in products.actors(doc)}


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        ("Reuters a publié une enquête sur Nvidia.", "Reuters", "media"),
        ("Nvidia a publié ses résultats mardi.", "Nvidia", "organization"),
        ("Selon l'AFP, le contrat est signé.", "Agence France-Presse", "media"),
        ("La Maison Blanche a salué l'accord.", "Maison Blanche", "government"),
        ("Washington a durci ses règles contre Pékin.", "Washington", "government"),
        ("L'administration Biden a publié une règle.", "administration Biden", "government"),
        ("Des sénateurs républicains ont écrit au président.", "sénateurs républicains", "group"),
        ("Emmanuel Macron a reçu les patrons de la tech.", "Emmanuel Macron", "person"),
        ("La Chine a répliqué par des contrôles sur le gallium.", "Chine", "country"),
        ("L'Agence France-Presse a confirmé l'information.", "Agence France-Presse", "media"),
        ("Bloomberg a révélé le projet.", "Bloomberg", "media"),
        ("Le Monde a consulté les documents.", "Le Monde", "media"),
        ("Le ministère du Commerce a publié une liste.", "ministère du Commerce", "government"),
        ("La Commission européenne a ouvert une enquête.", "Commission européenne", "government"),
        ("La Commission a ouvert une enquête.", "Commission européenne", "government"),
        ("Le Congrès a voté la loi.", "Congrès", "government"),
        ("Le Parlement européen a adopté le texte.", "Parlement européen", "government"),
        ("La CNIL a infligé une amende à Google.", "Cnil", "government"),
        ("Pékin a riposté en limitant le gallium.", "Pékin", "government"),
        ("Tokyo a annoncé des subventions pour Rapidus.", "Tokyo", "government"),
        ("Samsung Electronics a publié ses résultats.", "Samsung", "organization"),
        ("Le groupe Alibaba investit dans le cloud.", "Alibaba", "organization"),
        ("L'entreprise Cerebras prépare son introduction en Bourse.", "Cerebras", "organization"),
        ("Morgan Stanley a relevé son objectif.", "Morgan Stanley", "organization"),
        ("La Corée du Sud a protesté.", "Corée du Sud", "country"),
        ("Des chercheurs chinois ont publié une étude.", "chercheurs chinois", "group"),
        (
            "Plusieurs fabricants taïwanais ont suspendu leurs livraisons.",
            "fabricants taïwanais",
            "group",
        ),
        ("Des entreprises IA ont levé des fonds.", "entreprises IA", "group"),
        ("Des élus écologistes ont protesté.", "élus écologistes", "group"),
        ("Le quotidien Asahi Shimbun a révélé le projet.", "Asahi Shimbun", "media"),
        ("Le ministère japonais a publié un décret.", "ministère japonais", "government"),
        (
            "Sundar Pichai, directeur général de Google, a pris la parole.",
            "Sundar Pichai",
            "person",
        ),
        ("Selon Xi Jinping, la Chine est prête.", "Xi Jinping", "person"),
    ],
)
def test_kinds(nlp: Language, text: str, name: str, kind: str) -> None:
    found = actors(nlp, text)
    assert name in found, found
    assert found[name][0] == kind


@pytest.mark.parametrize(
    ("text", "name", "short"),
    [
        ("Jensen Huang a rencontré les élus. Huang a promis des usines.", "Jensen Huang", "Huang"),
        ("Lisa Su a présenté la puce. Selon Su, la demande est forte.", "Lisa Su", "Su"),
        ("Sam Altman était à Paris. M. Altman a défendu OpenAI.", "Sam Altman", "Altman"),
        ("Donald Trump a reçu Jensen Huang. Trump a salué l'accord.", "Donald Trump", "Trump"),
        ("Gina Raimondo est venue. Mme Raimondo a visité l'usine.", "Gina Raimondo", "Raimondo"),
        ("Xi Jinping a parlé. Le président Xi a été clair.", "Xi Jinping", "Xi"),
    ],
)
def test_surname_merges_into_full_name(nlp: Language, text: str, name: str, short: str) -> None:
    found = actors(nlp, text)
    assert short not in found, "the short form must not be a second actor"
    assert short in found[name][2]


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Le PDG de Nvidia, Jensen Huang, était à Pékin.", "Jensen Huang", "PDG de Nvidia"),
        ("Lisa Su, présidente d'AMD, a présenté la puce.", "Lisa Su", "présidente d'AMD"),
        ("Il cite l'ancien président Joe Biden.", "Joe Biden", "ancien président"),
        (
            "La secrétaire au Commerce, Gina Raimondo, a visité l'usine.",
            "Gina Raimondo",
            "secrétaire au Commerce",
        ),
        (
            "Sundar Pichai, directeur général de Google, a pris la parole.",
            "Sundar Pichai",
            "directeur général de Google",
        ),
        (
            "Thierry Breton, commissaire européen, a réagi.",
            "Thierry Breton",
            "commissaire européen",
        ),
        ("Le président Trump a signé le décret.", "Trump", "président"),
    ],
)
def test_roles(nlp: Language, text: str, name: str, role: str) -> None:
    found = actors(nlp, text)
    assert role in found[name][1]


@pytest.mark.parametrize(
    "text",
    [
        "Nvidia vend des puces AI H20 en Chine.",
        "DeepSeek a entraîné son modèle R1 sur des puces H800.",
        "ChatGPT compte des millions d'utilisateurs.",
        "Les modèles Llama de Meta sont ouverts.",
        "Gemini a été mis à jour par Google.",
        "L'IA générative transforme la presse.",
        "Stargate doit coûter 500 milliards de dollars.",
        "Construire des usines prend du temps.",
        "Blackwell succède à Hopper chez Nvidia.",
        "Le ministre des Transports, Paul Morel, a répondu.",
        "La secrétaire au Numérique a répondu.",
    ],
)
def test_false_actors_removed(nlp: Language, text: str) -> None:
    found = actors(nlp, text)
    bad = {"H20", "AI", "AI H20", "R1", "H800", "ChatGPT", "Llama", "Gemini", "IA", "Stargate"}
    bad |= {"Transports", "Numérique"}  # ministers' portfolios
    assert not bad & set(found), found
    assert "Construire" not in found and "Blackwell" not in found and "Hopper" not in found


def test_capital_is_an_actor_only_when_it_acts(nlp: Language) -> None:
    assert "Washington" not in actors(nlp, "Le sommet a eu lieu à Washington.")
    assert actors(nlp, "Washington a durci ses règles.")["Washington"][0] == "government"


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        ("Nvidia a publié ses comptes. L'entreprise prévoit une hausse.", "Nvidia", "L'entreprise"),
        # a name after "de" is the description's complement, not its name
        (
            "Nvidia a publié ses comptes. L'entreprise de la Silicon Valley a gagné des clients.",
            "Nvidia",
            "L'entreprise",
        ),
        (
            "Nvidia a publié ses comptes. La société américaine prévoit une hausse.",
            "Nvidia",
            "La société américaine",
        ),
        (
            "Samsung a investi. Le groupe sud-coréen vise la première place.",
            "Samsung",
            "Le groupe sud-coréen",
        ),
        ("Reuters a enquêté. Selon l'agence, le contrat est signé.", "Reuters", "l'agence"),
        ("Lisa Su dirige AMD. La dirigeante a reconnu des retards.", "Lisa Su", "La dirigeante"),
        (
            "Mistral AI lève des fonds, a annoncé la start-up parisienne.",
            "Mistral AI",
            "la start-up parisienne",
        ),
        (
            "Le gouvernement chinois a réagi. L'exécutif prépare une riposte.",
            "gouvernement chinois",
            "L'exécutif",
        ),
    ],
)
def test_description_links_to_its_actor(
    nlp: Language, text: str, name: str, description: str
) -> None:
    found = actors(nlp, text)
    assert description in found[name][2], found


@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        ("Nvidia vend. Il a parlé à l'entreprise taïwanaise TSMC hier.", "Nvidia", "l'entreprise"),
        # a lower-case word the tagger calls a name ("la tech") does not end the phrase
        (
            "Le groupe Tech Lyon ouvre lundi. Dimanche soir, le géant de la tech américaine "
            "Norvia a annoncé un investissement de 4 milliards d'euros.",
            "Tech Lyon",
            "le géant",
        ),
        # a description inside a name the NER found is part of that name
        (
            "Le gouvernement japonais va aider Rapidus, a annoncé mardi le ministère de "
            "l'Économie, du Commerce et de l'Industrie.",
            "gouvernement japonais",
            "le ministère",
        ),
    ],
)
def test_description_followed_by_name_is_not_linked(
    nlp: Language, text: str, name: str, description: str
) -> None:
    found = actors(nlp, text)
    assert not any(m.startswith(description) for m in found[name][2]), found


def records(nlp: Language, text: str) -> dict[str, str]:
    """The actors of the output (after the claims builder), name -> kind."""
    return {a.name: a.kind for a in doc_claims(nlp(text)).actors}


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        # a generic group is an actor only when it speaks
        ("Des entreprises chinoises achètent des puces.", set(), {"entreprises chinoises"}),
        ("Des analystes estiment que la demande ralentit.", {"analystes"}, set()),
        # a lone name after a plural noun is an eponym, not a person; after a role, a person
        ("Les chercheurs ont remporté des médailles Fields.", set(), {"Fields"}),
        ("Le président Lavergne a remporté le vote.", {"Lavergne"}, set()),
        ("Plusieurs eurodéputés estiment que la sanction reste modeste.", {"eurodéputés"}, set()),
        # a capital the NER calls a person is a place unless it acts
        ("Le président a parlé au téléphone depuis Washington.", set(), {"Washington"}),
        # technologies and laws are not actors
        ("La lithographie EUV et le DSA sont au menu.", set(), {"EUV", "DSA"}),
    ],
)
def test_only_what_acts_is_an_actor(
    nlp: Language, text: str, present: set[str], absent: set[str]
) -> None:
    found = records(nlp, text)
    assert present <= set(found), found
    assert not absent & set(found), found


@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        # a description before the name is not part of it, and says what it is
        ("La banque publique Finora investira 5 milliards d'euros.", "Finora", "organization"),
        ("Le fabricant Norvia a racheté un concurrent.", "Norvia", "organization"),
        (
            "Le fabricant taïwanais Norvia Semiconductor dément avoir livré des puces.",
            "Norvia Semiconductor",
            "organization",
        ),
        ("Le directeur général du groupe, Paul Estrade, a démissionné.", "Paul Estrade", "person"),
    ],
)
def test_descriptions_before_names(nlp: Language, text: str, name: str, kind: str) -> None:
    found = actors(nlp, text)
    assert found[name][0] == kind, found


def test_a_description_takes_up_the_subject_not_the_last_name(nlp: Language) -> None:
    text = (
        "Hugging Face a refusé un investissement de Nvidia et de Google. "
        "La start-up préfère rester indépendante."
    )
    assert "La start-up" in actors(nlp, text)["Hugging Face"][2]


# A description with a demonym takes up an actor of that country, never one of another;
# a description's noun prefers the actor whose name it opens.
@pytest.mark.parametrize(
    ("text", "name", "description"),
    [
        (
            "Google a été sanctionné par la Cnil, l'autorité française. L'entreprise américaine "
            "fera appel de la décision.",
            "Google",
            "L'entreprise américaine",
        ),
        (
            "Nvidia a vendu des puces à Huawei. Le groupe chinois a confirmé la commande.",
            "Huawei",
            "Le groupe chinois",
        ),
        # no demonym: the subject is taken up
        (
            "Nvidia a vendu des puces à Huawei. Le groupe a confirmé la commande.",
            "Nvidia",
            "Le groupe",
        ),
        (
            "Le ministère chinois du Commerce a répondu au gouvernement américain jeudi. Le "
            "ministère dénonce des sanctions.",
            "ministère chinois du Commerce",
            "Le ministère",
        ),
    ],
)
def test_descriptions_agree_with_their_actor(
    nlp: Language, text: str, name: str, description: str
) -> None:
    found = actors(nlp, text)
    assert description in found[name][2], found


# The gazetteer matches names whatever their case or the accents on their capitals, but a
# word written in lower case is not a name.
@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("La CNIL a sanctionné Google.", {"Cnil", "Google"}),
        ("SK hynix et l'Elysée ont réagi.", {"SK Hynix", "Élysée"}),
        ("Les Etats-Unis ont réagi.", {"États-Unis"}),
        ("Il a levé le bras, arm en anglais, puis a parlé de meta et d'apple.", set()),
    ],
)
def test_gazetteer_forms(nlp: Language, text: str, names: set[str]) -> None:
    assert set(actors(nlp, text)) == names


# Names as the text writes them whole: a group with its complements, a ministry with every
# portfolio, a person's given names the NER missed, a known company's full name.
@pytest.mark.parametrize(
    ("text", "name", "kind"),
    [
        (
            "Des responsables de la Maison Blanche ont expliqué que la règle changerait.",
            "responsables de la Maison Blanche",
            "group",
        ),
        (
            "Plusieurs géants américains du secteur de l'IA estiment que le texte freine "
            "l'innovation.",
            "géants américains du secteur de l'IA",
            "group",
        ),
        (
            "Une quarantaine de patrons européens ont signé une lettre, demandant un moratoire.",
            "patrons européens",
            "group",
        ),
        (
            "Les fabricants devront obtenir l'accord du ministère de l’Économie, du Commerce et "
            "de l’Industrie du Japon, a déclaré le ministère.",
            "ministère de l’Économie, du Commerce et de l’Industrie du Japon",
            "government",
        ),
        ("Le PDG d’Intel Lip-Bu Tan a démissionné. M. Tan conteste.", "Lip-Bu Tan", "person"),
        # an English possessive is part of the name
        (
            "Selon l’Ireland’s Central Statistics Office, la consommation des centres de "
            "données a doublé.",
            "Ireland’s Central Statistics Office",
            "organization",
        ),
        # a capitalised word the tagger calls a verb is part of the name
        (
            "Il est rentré en France après dix ans passés chez Palantir Technologies, a-t-il "
            "raconté.",
            "Palantir Technologies",
            "organization",
        ),
    ],
)
def test_names_written_whole(nlp: Language, text: str, name: str, kind: str) -> None:
    assert records(nlp, text).get(name) == kind, records(nlp, text)


# A minister's portfolios, however many, are not actors.
@pytest.mark.parametrize(
    ("text", "absent"),
    [
        (
            "Le ministre français de l'Economie et des Finances, Eric Lombard, a échangé avec "
            "les dirigeants du groupe.",
            {"Economie", "Finances"},
        ),
        (
            "La commissaire chargée du Numérique, de la Concurrence et de l'Industrie a parlé.",
            {"Numérique", "Concurrence", "Industrie"},
        ),
    ],
)
def test_portfolios_are_not_actors(nlp: Language, text: str, absent: set[str]) -> None:
    assert not absent & set(records(nlp, text)), records(nlp, text)


@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        (
            "Le groupe avait racheté Cadence Design Systems en 2019, a rappelé Intel.",
            "Cadence",
            "Cadence Design Systems",
        ),
        # never over a chip's name
        (
            "Le recours à des puces Nvidia H100 fait l'objet d'une enquête du département du "
            "Commerce.",
            "Nvidia",
            "Nvidia",
        ),
    ],
)
def test_a_known_name_is_kept_whole_as_the_ner_read_it(
    nlp: Language, text: str, name: str, mention: str
) -> None:
    found = actors(nlp, text)
    assert mention in found[name][2], found


# One actor per real actor: a capital acting for its country is that country when the
# article names it; an institution is the same with a demonym inserted or by its head noun.
@pytest.mark.parametrize(
    ("text", "name", "mention"),
    [
        ("La Chine a protesté. Pékin a promis une riposte rapide.", "Chine", "Pékin"),
        (
            "L'Autorité française de la concurrence a infligé une amende à Apple. "
            "L'Autorité reproche au groupe un abus.",
            "Autorité de la concurrence",
            "L'Autorité",
        ),
        (
            "La Cour des comptes européenne publie un rapport. Selon la Cour, l'objectif est "
            "hors de portée.",
            "Cour des comptes européenne",
            "la Cour",
        ),
    ],
)
def test_one_actor_under_its_other_names(nlp: Language, text: str, name: str, mention: str) -> None:
    found = actors(nlp, text)
    assert len(found[name][2]) == 2, found
    assert set(found) & {mention, mention.split()[-1].split("'")[-1]} == set(), found


def test_a_capital_without_its_country_stays_an_actor(nlp: Language) -> None:
    assert "Pékin" in actors(nlp, "Pékin a promis une riposte rapide.")


def test_a_head_noun_followed_by_a_qualifier_is_another_institution(nlp: Language) -> None:
    text = "La Cour des comptes publie un rapport. La Cour suprême a tranché."
    assert not any(m.startswith("La Cour s") for m in actors(nlp, text)["Cour des comptes"][2])
