"""Datelines, bylines, time stamps and labels are no prose: no event, actor or summary starts there."""

import pytest

from briefgen.extract.furniture import furniture_ranges


def furniture_of(nlp, text):
    doc = nlp(text)
    return [doc.text[a:b] for a, b in furniture_ranges(doc)]


@pytest.mark.parametrize("dateline, prose", [
    ("LIMA, May 4 (Andina) -- ", "Peru and Chile signed a fisheries accord."),
    ("OSLO — ", "Norway and Chile signed a hydrogen accord."),
    ("SANTIAGO, Chile — ", "The ministers met on Monday."),
    ("QUITO, (Wire Service / Radio Andes - 4th May, 2024) ", "The ministers met on Monday."),
])
def test_a_dateline_at_the_head_of_a_paragraph_is_furniture(nlp, dateline, prose):
    assert furniture_of(nlp, dateline + prose) == [dateline]


def test_a_place_before_a_colon_opens_only_the_first_paragraph(nlp):
    text = "New Delhi: Foreign Minister Ana Park met her Chilean counterpart on Monday.\n\nPark: We agreed on a timetable."
    assert furniture_of(nlp, text) == ["New Delhi: "]


@pytest.mark.parametrize("dateline", [
    "San Cristóbal, 29 July 2022 (TDI): ",  # with its date and agency
    "Nouakchott: ",  # a capital the tagger may take for a person
])
def test_a_place_with_its_date_and_agency_before_a_colon_is_a_dateline(nlp, dateline):
    text = dateline + "The Foreign Minister of Peru, Ana Park, meets with her Chilean counterpart, Ravi Rao, on 29 July."
    assert furniture_of(nlp, text) == [dateline]


@pytest.mark.parametrize("line", [
    "Andes Wire | Lima | Updated: 05-05-2024 10:04 PET | Created: 05-05-2024 10:02 PET",
    "By Ana Ruiz",
    "20:00 PET, May 4, 2024",
    "May 4, 2024",
    "[Unofficial translation]",
    "Foreign Minister Ana Park. File Picture: Jorge Salas/Andina",
    "President Ravi Rao with the incoming envoy of Chile at the palace, Lima. Photo/Presidency",
])
def test_a_line_of_page_furniture_is_furniture_whole(nlp, line):
    assert furniture_of(nlp, f"Ministers meet in Lima\n{line}\nThe ministers of Peru and Chile met in Lima on Monday.") == [line]


def test_a_label_in_capitals_opening_the_first_line_is_furniture_but_not_a_speaker_label(nlp):
    text = "FULL TEXT: Statement of the Andean Summit\nPARK: We agreed on a timetable.\nRUIZ: So did we."
    assert furniture_of(nlp, text) == ["FULL TEXT: "]


def test_prose_and_headlines_are_not_furniture(nlp):
    text = "Peru and Chile sign fisheries accord\nThe two countries signed the accord in Lima on 4 May 2024, officials said."
    assert furniture_of(nlp, text) == []


def test_a_dateline_place_is_not_taken_for_a_speaker(nlp, tmp_path):
    from briefgen.extract.actors.index import find_actors
    from briefgen.extract.positions.build import extract_positions

    doc = nlp("New Delhi: Foreign Minister Maria Gonzalez has affirmed that several countries seek talks.\n")
    positions = extract_positions(doc, "S1", find_actors(doc, "S1"))
    assert all(p.speaker.name != "New Delhi" for p in positions)


def test_a_reporters_name_alone_on_a_line_of_the_head_is_a_byline(nlp):
    text = ("Peru files protest over fishing fleet\n\n"
            "Foreign Minister Ana Park said the ministry had already sent a note verbale.\n\n"
            "Jorge Salas\n\n"
            "LIMA – The Foreign Ministry of Peru has filed another diplomatic protest against Chile.")
    assert "Jorge Salas" in furniture_of(nlp, text)
