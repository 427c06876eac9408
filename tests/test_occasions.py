"""The occasion an article reports: its lead dated by the publication day, its outcomes by the occasion."""

from articles import extract_article


def events_of(nlp, tmp_path, body, published="2024-05-09"):
    """Events of a text published on Thursday 9 May 2024 (or with no date when ``published`` is None)."""
    return extract_article(nlp, tmp_path, body, published).events


def dated(events):
    return sorted((e.date.value, e.date.basis, e.summary) for e in events)


def test_the_lead_without_a_date_happened_on_the_publication_day(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "Ministers meet in Lima\nForeign Minister Ana Park met her Chilean "
                                      "counterpart Ravi Rao in Lima and discussed fisheries.")
    assert dated(events) == [("2024-05-09", "inferred",
                              "Foreign Minister Ana Park met her Chilean counterpart Ravi Rao in Lima")]


def test_what_the_participants_agreed_carries_the_meetings_own_date(nlp, tmp_path):
    body = ("Foreign Minister Ana Park held talks with Ravi Rao, the foreign minister of Chile, in Lima on Tuesday.\n"
            "Both sides agreed to open a joint fisheries office. The two ministers also signed a memorandum on "
            "maritime research.")
    events = events_of(nlp, tmp_path, body)
    on_tuesday = [e for e in events if e.date.value == "2024-05-07"]
    assert len(on_tuesday) == 3  # the talks, the agreement, the memorandum
    assert {e.date.basis for e in on_tuesday if e.type == "agreement"} == {"inferred"}
    assert any("memorandum on maritime research" in e.summary for e in on_tuesday)


def test_earlier_happenings_and_reported_speech_are_not_the_occasion(nlp, tmp_path):
    body = ("Ana Park said Peru had signed a fisheries accord with Chile and that the talks went well. "
            "The two countries had previously agreed to share catch data.")
    assert events_of(nlp, tmp_path, body) == []


def test_no_publication_date_no_occasion_date(nlp, tmp_path):
    body = "Foreign Minister Ana Park met her Chilean counterpart Ravi Rao in Lima and discussed fisheries."
    assert events_of(nlp, tmp_path, body, published=None) == []


def test_a_programme_named_by_its_period_is_adopted_on_the_meetings_day(nlp, tmp_path):
    body = ("The council of ministers met in Lima on Tuesday.\n"
            "The council adopted a work programme for 2027-2029.")
    events = events_of(nlp, tmp_path, body)
    assert all(not e.date.value.startswith("2027") for e in events)
    (adopted,) = [e for e in events if "work programme" in e.summary]
    assert adopted.date.value == "2024-05-07"
    assert "for 2027-2029" in adopted.summary  # the period stays part of the programme's name


def test_what_was_issued_together_with_a_dated_meeting_shares_its_date(nlp, tmp_path):
    body = "The foreign ministers met in Tokyo on Monday and issued a joint statement on maritime security."
    events = events_of(nlp, tmp_path, body, published="2024-07-30")
    assert sorted(e.date.value for e in events) == ["2024-07-29", "2024-07-29"]


def test_a_date_said_in_a_quotation_dates_no_event(nlp, tmp_path):
    body = "“We agreed that the presidents will meet in Lima on 20 June,” Ravi Rao told reporters on Tuesday."
    assert all(e.date.value != "2024-06-20" for e in events_of(nlp, tmp_path, body))


def test_a_headline_the_body_retells_makes_no_event(nlp, tmp_path):
    body = ("Peru and Chile agree on fisheries summit in June\n"
            "The foreign ministers of Peru and Chile agreed on Tuesday to hold a fisheries summit in June.")
    events = events_of(nlp, tmp_path, body)
    assert all(not e.summary.startswith("Peru and Chile agree") for e in events)


def test_two_days_named_together_are_one_range(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "The fisheries summit will be held on June 24 and 25 in Lima.")
    assert [e.date.value for e in events] == ["2024-06-24/2024-06-25"]


def test_calling_on_a_leader_and_paying_homage_are_what_the_visit_held(nlp, tmp_path):
    body = ("President Maria Gonzalez paid a state visit to Chile on Tuesday.\n"
            "During the visit, President Gonzalez paid homage at the monument to the founders. "
            "She called on Prime Minister Ravi Rao.")
    events = events_of(nlp, tmp_path, body)
    assert sum(1 for e in events if e.date.value == "2024-05-07") == 3


def test_what_was_agreed_where_a_dated_meeting_took_place_carries_its_date(nlp, tmp_path):
    body = ("On her first stop, Foreign Minister Ana Park met her Chilean counterpart Ravi Rao in Santiago on "
            "Tuesday, where they agreed on a two-year road map for fisheries.")
    events = events_of(nlp, tmp_path, body)
    agreed = [e for e in events if e.summary.startswith("Ana Park and Ravi Rao agreed")]
    assert [(e.date.value, e.summary) for e in agreed] == [
        ("2024-05-07", "Ana Park and Ravi Rao agreed on a two-year road map for fisheries")]


def test_what_was_signed_during_a_dated_visit_carries_its_date(nlp, tmp_path):
    body = ("Ties have grown since President Ravi Rao's state visit to Peru in March, during which 12 "
            "memoranda of understanding were signed.")
    events = events_of(nlp, tmp_path, body)
    assert ("2024-03", "12 memoranda of understanding were signed") in [(e.date.value, e.summary) for e in events]


def test_each_activity_of_a_dated_visit_in_a_list_of_verbs_carries_its_date(nlp, tmp_path):
    body = ("President Ana Park paid an official visit to Chile from 7 to 8 May 2024.\n"
            "During the visit, President Ana Park laid a wreath at the national monument, held talks with "
            "President Ravi Rao; had a meeting with Prime Minister Luis Soto; and attended the state banquet "
            "hosted by President Ravi Rao.")
    summaries = {e.summary.rstrip(".") for e in events_of(nlp, tmp_path, body)}
    assert "President Ana Park had a meeting with Prime Minister Luis Soto" in summaries
    assert "President Ana Park attended the state banquet hosted by President Ravi Rao" in summaries


def test_two_agreements_of_one_meeting_are_two_events(nlp, tmp_path):
    body = ("Foreign Ministers Ana Park of Peru and Ravi Rao of Chile agreed on Tuesday to hold a presidential summit "
            "in Lima.\nBoth foreign ministers also agreed on further strengthening cooperation in fisheries.")
    events = events_of(nlp, tmp_path, body)
    assert [e.date.value for e in events].count("2024-05-07") == 2
    assert any("strengthening cooperation in fisheries" in e.summary for e in events)


def test_agreeing_on_the_importance_of_something_is_a_view_not_an_outcome(nlp, tmp_path):
    body = ("Foreign Ministers Ana Park of Peru and Ravi Rao of Chile met in Lima on Tuesday.\n"
            "Both ministers also agreed on the importance of dialogue between the two regional blocs.")
    assert all("importance" not in e.summary for e in events_of(nlp, tmp_path, body))


def test_sanctions_imposed_at_the_end_of_the_meeting_carry_its_date(nlp, tmp_path):
    body = ("West African leaders held an extraordinary summit in Abuja on Sunday to discuss the coup in Niger.\n"
            "At the end of the meeting, a series of sanctions were imposed on the country.")
    events = events_of(nlp, tmp_path, body, published="2024-05-07")
    assert any("sanctions were imposed" in e.summary and e.date.value == "2024-05-05" for e in events)


def test_the_day_the_lead_gives_a_statement_is_the_day_of_what_came_of_the_meeting(nlp, tmp_path):
    body = ("Foreign Minister Ana Park and her Chilean counterpart Ravi Rao agreed Saturday that the two nations "
            "will keep close contact on fisheries.\n"
            "Park and Rao exchanged views on the fisheries dispute at the meeting in Lima.")
    events = events_of(nlp, tmp_path, body, published="2024-05-09")
    (views,) = [e for e in events if "exchanged views" in e.summary]
    assert views.date.value == "2024-05-04"


def test_a_headline_ending_on_a_quoted_word_is_not_the_lead(nlp, tmp_path):
    body = ("Peru again files protest over Chilean ‘incursion’\n"
            "The Foreign Ministry of Peru filed a diplomatic protest with Chile over the fishing fleet.")
    events = events_of(nlp, tmp_path, body)
    assert [(e.date.value, e.summary) for e in events] == [
        ("2024-05-09", "The Foreign Ministry of Peru filed a diplomatic protest with Chile over the fishing fleet")]


def test_after_a_standfirst_that_tells_no_happening_the_datelined_sentence_is_the_lead(nlp, tmp_path):
    body = ("Peru files protest over fishing fleet\n\n"
            "Foreign Minister Ana Park said on the sidelines of a media forum that the ministry had already sent "
            "a note verbale to Santiago.\n\n"
            "LIMA – The Foreign Ministry of Peru has filed another diplomatic protest against Chile over the fishing fleet.\n")
    events = events_of(nlp, tmp_path, body)
    assert ("2024-05-09", "The Foreign Ministry of Peru has filed another diplomatic protest against Chile over the fishing fleet") \
        in [(e.date.value, e.summary) for e in events]


def test_a_meeting_told_after_a_sentence_of_another_time_takes_that_time(nlp, tmp_path):
    body = ("Foreign Minister Ana Park met her Chilean counterpart Ravi Rao in Paris on Monday.\n"
            "In March, Park headed to Europe to strengthen economic ties with visits to Berlin and Rome. "
            "She met German Chancellor Jorge Salas and members of the German business community.")
    events = events_of(nlp, tmp_path, body, published="2024-05-07")
    (met,) = [e for e in events if "Jorge Salas" in e.summary]
    assert (met.date.value, met.date.basis) == ("2024-03", "inferred")


def test_a_lead_whose_only_date_is_in_a_clause_of_its_own_happened_on_the_publication_day(nlp, tmp_path):
    body = ("Foreign Minister Ana Park. File Picture: Jorge Salas/Andina\n\n"
            "Lima - Foreign Minister Ana Park has concluded her visit to Chile, where she joined President Ravi Rao's "
            "delegation at the bilateral talks on May 2 2024.")
    events = events_of(nlp, tmp_path, body)
    assert ("2024-05-09", "inferred") in [(e.date.value, e.date.basis) for e in events if "has concluded" in e.summary]
