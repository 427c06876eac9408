"""Actors: canonical names, clustering of mentions, roles and affiliations, merging sources."""

import pytest

from briefgen.assemble.actors import merge_actors
from briefgen.extract.actors.index import find_actors
from briefgen.extract.actors.names import canonical_name
from briefgen.model import Actor


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the U.S.", "United States"),
        ("US", "United States"),
        ("United States", "United States"),
        ("America", "United States"),
        ("South Korean", "South Korea"),
        ("Britain's", "United Kingdom"),
        ("the  Ministry of   Trade", "Ministry of Trade"),
        ("us", "us"),
    ],
)
def test_canonical_name(text, expected):
    assert canonical_name(text) == expected


def person(index, name):
    return next(a for a in index.actors if a.name == name)


def test_name_honorific_and_surname_are_one_actor(nlp):
    doc = nlp("Ana Park arrived in Seoul. Ms. Park met the press. Park said little.")
    index = find_actors(doc, "S1")
    people = [a for a in index.actors if a.type == "PERSON"]
    assert [a.name for a in people] == ["Ana Park"]
    assert "Ms. Park" in people[0].aliases
    assert people[0].mentions >= 3


def test_title_before_the_name_gives_role_and_country(nlp):
    doc = nlp("South Korean Envoy Min Ho Lee opened the forum.")
    actor = person(find_actors(doc, "S1"), "Min Ho Lee")
    assert actor.role == "Envoy"
    assert actor.affiliation == "South Korea"


def test_a_title_inside_an_of_phrase_is_a_role_not_an_affiliation(nlp):
    doc = nlp("Critics lined up with criticism of President Maria Solano's new budget in the capital.")
    actor = person(find_actors(doc, "S1"), "Maria Solano")
    assert (actor.role, actor.affiliation) == ("President", None)


def test_the_preposition_before_a_title_is_not_part_of_the_role(nlp):
    doc = nlp("Protesters demanded the resignation of Prime Minister Tomas Varga on Friday.")
    actor = person(find_actors(doc, "S1"), "Tomas Varga")
    assert actor.role == "Prime Minister"


def test_appositive_gives_role_and_organisation(nlp):
    doc = nlp("Pedro Alvarez, Director General in the Ministry of Foreign Trade said the talks could resume.")
    actor = person(find_actors(doc, "S1"), "Pedro Alvarez")
    assert actor.role == "Director General"
    assert actor.affiliation == "Ministry of Foreign Trade"


def test_pronoun_and_role_description_resolve_to_the_person(nlp):
    doc = nlp("Aiko Tanaka, the Japanese trade minister, spoke first. She said the deal was close. The minister left early.")
    index = find_actors(doc, "S1")
    she = next(t for t in doc if t.text == "She")
    minister = [t for t in doc if t.text == "minister"][-1]
    assert index.resolve(doc[she.i : she.i + 1]).name == "Aiko Tanaka"
    assert index.resolve(doc[minister.i - 1 : minister.i + 1]).name == "Aiko Tanaka"


def test_two_people_sharing_a_surname_stay_apart(nlp):
    doc = nlp("Bill Lewis and Mary Lewis spoke at the rally. Later, Mary Lewis left.")
    names = sorted(a.name for a in find_actors(doc, "S1").actors if a.type == "PERSON")
    assert names == ["Bill Lewis", "Mary Lewis"]


def test_merge_actors_joins_the_same_person_and_country_across_sources():
    first = [
        Actor(id="A1", name="Ana Park", type="PERSON", role="Envoy", affiliation="South Korea", aliases=["Ms. Park"], mentions=3),
        Actor(id="A2", name="United States", type="GPE", aliases=["U.S."], mentions=2),
    ]
    second = [
        Actor(id="A1", name="US", type="GPE", mentions=1),
        Actor(id="A2", name="Park", type="PERSON", mentions=2),
        Actor(id="A3", name="Ravi Menon", type="PERSON", mentions=1),
    ]
    merged, lookup = merge_actors([first, second])
    assert [a.id for a in merged] == ["A1", "A2", "A3"]
    assert [a.name for a in merged] == ["Ana Park", "United States", "Ravi Menon"]
    park = merged[0]
    assert park.mentions == 5 and park.role == "Envoy" and "Ms. Park" in park.aliases
    assert lookup[(1, "A2")] is park
    assert lookup[(1, "Park")] is park
    assert lookup[(0, "Ms. Park")] is park
    assert lookup[(1, "US")].name == "United States"


def test_merge_actors_leaves_an_ambiguous_surname_alone():
    first = [Actor(id="A1", name="Bill Lewis", type="PERSON"), Actor(id="A2", name="Mary Lewis", type="PERSON")]
    second = [Actor(id="A1", name="Lewis", type="PERSON")]
    merged, lookup = merge_actors([first, second])
    assert len(merged) == 3
    assert lookup[(1, "Lewis")].name == "Lewis"


def test_a_region_is_never_a_person(nlp):
    doc = nlp("Ravi Rao, Director West in the foreign ministry, toured the Middle East and the Horn of Africa in May.")
    index = find_actors(doc, "S1")
    people = [a.name for a in index.actors if a.type == "PERSON"]
    assert "Middle East" not in people and "Horn of Africa" not in people
    assert "Ravi Rao" in people


@pytest.mark.parametrize("text, expected", [("the Quad", "Quadrilateral Security Dialogue"), ("OSCE", "Organization for Security and Co-operation in Europe")])
def test_international_groupings_have_one_name(text, expected):
    assert canonical_name(text) == expected


def test_a_dateline_is_not_an_actor(nlp):
    doc = nlp("NAIROBI — Kenya and Uganda opened a new border post on Monday.")
    names = [a.name for a in find_actors(doc, "S1").actors]
    assert "NAIROBI" not in names and "Nairobi" not in names
    assert {"Kenya", "Uganda"} <= set(names)


def test_a_surname_the_tagger_calls_an_organisation_first_is_the_person_it_names_later(nlp):
    # The same lone surname, read as a body at the top and as a person below: one person.
    from briefgen.extract.actors.index import find_actors
    doc = nlp("MOSCOW: Lavrov said the talks were useful. Later, Lavrov told reporters that he would travel "
              "to Geneva, and Lavrov added that the date was not set.")
    actors = find_actors(doc, "S1")
    lavrov = [a for a in actors.actors if a.name == "Lavrov"]
    assert len(lavrov) == 1 and lavrov[0].type == "PERSON"


def test_a_country_in_its_formal_style_is_the_country():
    from briefgen.extract.actors.names import known_name
    assert known_name("the Republic of Niger") == "Niger"
    assert known_name("Kingdom of Bahrain") == "Bahrain"
    assert known_name("the Republic of Nowhere") is None  # a style is no name of its own


def test_a_capitalised_plural_is_read_as_its_noun_however_it_is_tagged():
    from briefgen.extract.actors.lexicon import plural_of
    assert plural_of("leaders", "NNS", {"leader"}) == "leader"
    assert plural_of("Ministers", "NNP", {"minister"}) == "minister"  # tagged singular, lemma kept its "s"
    assert plural_of("leader", "NN", {"leader"}) is None


@pytest.mark.parametrize(
    "text, name, role",
    [
        # A courtesy title between the office and the name is no part of the office.
        ("Foreign Minister Mr. Ravi Rao received a call from his Chilean counterpart.", "Ravi Rao", "Foreign Minister"),
        # Words before a capitalised title describe the person or the sentence.
        ("The minister was pleased to host in our country Foreign Minister Ana Park of Peru.", "Ana Park", "Foreign Minister"),
        # A participle with "by" brings in someone else's description.
        ("Ravi Rao, accompanied by Chairman of the Joint Staff Ana Park, met the envoy.", "Ravi Rao", None),
        # In a list of titles and names, each title is the next name's.
        ("Chilean President, Ravi Rao, United Nations Secretary-General, Ana Park, and UN General Assembly President, "
         "Jorge Salas, were among the guests of honor at the Summit.", "Ravi Rao", "President"),
    ],
)
def test_a_role_is_the_office_the_words_beside_the_name_give_it(nlp, text, name, role):
    assert person(find_actors(nlp(text), "S1"), name).role == role


@pytest.mark.parametrize("text, city", [
    ("Nouakchott rejected the claim on Monday.", "Nouakchott"),
    ("The envoy flew to Windhoek and then to Gaborone.", "Windhoek"),
])
def test_a_capital_the_tagger_takes_for_a_person_is_a_place(nlp, text, city):
    actor = person(find_actors(nlp(text), "S1"), city)
    assert actor.type == "GPE"


def test_a_ship_and_a_byline_are_no_people(nlp):
    text = ("Peru files protest over fishing fleet\n\n"
            "Foreign Minister Ana Park said the ministry had already sent a note verbale.\n\n"
            "Jorge Salas\n\n"
            "LIMA – The ministry said the coast guard boarded the BRP Sierra Madre near the shoal.")
    people = {a.name for a in find_actors(nlp(text), "S1").actors if a.type == "PERSON"}
    assert people == {"Ana Park"}
