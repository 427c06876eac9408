"""The pipeline's entities hold one PERSON per written name of a person."""

import pytest
from spacy.tokens import Span

from briefgen.person_entities import repair_person_entities


def people(nlp, text):
    return [e.text for e in nlp(text).ents if e.label_ == "PERSON"]


@pytest.mark.parametrize("text, name", [
    ("Prime Minister Ravi Rao met the envoy.", "Ravi Rao"),
    ("Prime Minisiter Ravi Rao met the envoy.", "Ravi Rao"),              # a role word misspelt by a letter
    ("Prime Ministers Ravi Rao and Ana Park met.", "Ravi Rao"),          # a plural role word
    ("Datuk Seri Anwar Hamid opened the session.", "Anwar Hamid"),        # courtesy titles
    ("Commission President Ulrike von der Lahn met him.", "Ulrike von der Lahn"),  # particles
    ("Energy Minister Ingrid Solberg-Lunde signed it.", "Ingrid Solberg-Lunde"),   # a hyphenated surname
])
def test_titles_leave_the_name_and_its_parts_join_it(nlp, text, name):
    assert name in people(nlp, text)


def test_a_role_alone_is_no_entity(nlp):
    assert all(e.text not in ("EAM", "PM") for e in nlp("EAM Jaishankar met PM Modi in Delhi.").ents)


def test_a_known_name_under_another_label_is_the_person(nlp):
    text = "Foreign Minister Retno Marsudi arrived on Monday. Retno LP Marsudi then met the envoy."
    assert "Retno LP Marsudi" in people(nlp, text)


def test_a_headline_does_not_run_into_the_name(nlp):
    assert "Cho Hyun" in people(nlp, "Cho Hyun “Repeated Request for Xi to Attend APEC”\nCho Hyun met Wang Yi in Beijing.")


def test_a_country_or_an_agency_taken_for_a_person_is_what_the_gazetteer_says(nlp):
    from briefgen.extract.actors.index import find_actors

    doc = nlp("Leaders of Mali and Burkina Faso met in Accra on Monday, Xinhua reported. Mali's envoy spoke first.")
    types = {a.name: a.type for a in find_actors(doc, "S1").actors}
    assert types.get("Burkina Faso") == "GPE" and types.get("Mali") == "GPE"
    assert types.get("Xinhua") == "ORG"
    assert "PERSON" not in {types.get(n) for n in ("Burkina Faso", "Mali", "Xinhua")}


def test_a_name_beside_an_office_is_a_person_whatever_the_tagger_said(nlp):
    doc = nlp("The assistant director general of the World Health Organization (WHO), Keiji Fukuda, said the "
              "virus was spreading.")
    assert ("Keiji Fukuda", "PERSON") in [(e.text, e.label_) for e in doc.ents]


def test_a_known_blocs_acronym_the_recognizer_missed_is_an_organisation(nlp):
    doc = nlp("Heads of State and Government from ECOWAS convened in Abuja on Sunday.")
    assert ("ECOWAS", "ORG") in [(e.text, e.label_) for e in doc.ents]


def test_an_organisations_name_does_not_end_in_a_conjunction(nlp):
    # The recognizer's span as it was found in a report: the name ran into "and" and the
    # paragraph break after it.
    doc = nlp("Assets of the State Enterprises and\n\nparastatals in banks will be frozen.")
    start = [t.text for t in doc].index("State")
    doc.set_ents([Span(doc, start, start + 4, label="ORG")])
    assert [(e.text, e.label_) for e in repair_person_entities(doc).ents] == [("State Enterprises", "ORG")]


def test_an_office_is_no_organisation_of_its_own(nlp):
    doc = nlp("He was sworn in as the legitimate Head of State and Government of Niger on Sunday.")
    assert not any(e.text.startswith("State and Government") for e in doc.ents)


def test_a_name_after_a_countrys_possessive_is_a_person_not_a_place(nlp):
    doc = nlp("The meeting was attended by Japan’s Yoko Kamikawa, the United States’ Antony Blinken, "
              "Australia’s Penny Wong and India’s Subrahmanyam Jaishankar.")
    assert {"Yoko Kamikawa", "Antony Blinken", "Penny Wong"} <= set(people(nlp, doc.text))


def test_a_company_after_a_countrys_possessive_stays_a_company(nlp):
    assert people(nlp, "Switzerland's Novartis AG said on Tuesday it had received the genetic code.") == []
