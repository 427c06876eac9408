"""Events from one article, on sentences written for these tests: what is dated, and how it reads."""

import pytest

from articles import extract_article
from briefgen.extract.document import extract_document
from briefgen.ingest import read_document


def events_of(nlp, tmp_path, body, published="2024-05-09"):
    return extract_article(nlp, tmp_path, body, published).events


def only_event(events, value):
    matching = [e for e in events if e.date.value == value]
    assert len(matching) == 1, [(e.date.value, e.summary) for e in events]
    return matching[0]


def test_past_perfect_reads_as_past_and_the_pair_is_named(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "Brazil and Norway opened a new round of talks. The two countries had signed a fisheries accord in 2019.")
    event = only_event(events, "2019")
    assert event.summary.startswith("Brazil and Norway signed a fisheries accord")
    assert event.type == "agreement"
    assert {"Brazil", "Norway"} <= set(event.actors)
    assert (event.date.granularity, event.date.start, event.date.end) == ("year", "2019-01-01", "2019-12-31")


def test_relative_clause_gets_its_antecedent_back(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "Maria Lopez, who founded the Green Party in 2008, resigned on Monday.")
    founded = only_event(events, "2008")
    assert founded.summary.startswith("Maria Lopez founded the Green Party")
    resigned = only_event(events, "2024-05-06")  # the Monday before Thursday 9 May
    assert "resigned" in resigned.summary and "Lopez" in resigned.summary


def test_date_naming_a_thing_is_no_event(nlp, tmp_path):
    assert events_of(nlp, tmp_path, "He opposed the 2007 immigration bill in his speech.") == []


def test_date_on_a_happening_noun_dates_that_happening(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "Turnout fell sharply after the Nafta vote in 1993.")
    event = only_event(events, "1993")
    assert "Nafta vote" in event.summary


@pytest.mark.parametrize("body", [
    "Tuesday was a very good day for the mayor.",
    "The ministry did not respond to questions on Friday.",
    "Every year, the council meets in June.",
    "The 48-year-old envoy has served for three years.",
])
def test_no_event(nlp, tmp_path, body):
    assert events_of(nlp, tmp_path, body) == []


def test_a_span_is_one_event_with_a_range(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "Ruth Amos governed the province from 2001 to 2009.")
    assert len(events) == 1
    date = events[0].date
    assert (date.value, date.start, date.end) == ("2001/2009", "2001-01-01", "2009-12-31")


def test_two_happenings_in_one_sentence_are_two_events(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "The treaty was signed in 1992 and ratified in 1994.")
    assert [e.date.value for e in events] == ["1992", "1994"]
    assert events[1].summary.startswith("The treaty was ratified")


def test_dated_statement_is_an_event_by_its_speaker(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "Foreign Minister Ana Ruiz said on Tuesday that the border would reopen next month.")
    event = only_event(events, "2024-05-07")
    assert event.type == "statement"
    # The sentence's own words: the day of the saying goes, the month of the reopening stays.
    assert event.summary == "Foreign Minister Ana Ruiz said that the border would reopen next month"


def test_occasion_takes_the_day_of_its_speakers_statement(nlp, tmp_path):
    body = (
        "Energy Minister Tunde Bello said on Monday that fuel prices would fall by the end of the year. "
        "\u201cWe are ready,\u201d Mr. Bello said, speaking at the annual energy summit of West African states in Lagos."
    )
    events = events_of(nlp, tmp_path, body)
    summit = only_event(events, "2024-05-06")
    assert summit.type == "meeting"
    assert summit.date.basis == "inferred"
    # The occasion in the text's words, not "spoke at": a verb the text does not use.
    assert summit.summary == "The annual energy summit of West African states in Lagos"
    assert "Tunde Bello" in summit.actors
    assert len(summit.evidence) == 2  # the statement that day is part of the entry


def test_date_inside_a_quoted_title_dates_nothing(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "The cabinet presented the \u201cVision 2030\u201d plan on Monday.")
    assert [e.date.value for e in events] == ["2024-05-06"]


def test_evidence_is_the_sentence_in_the_file(nlp, tmp_path):
    body = "Officials met in Nairobi on Monday. Brazil and Norway signed a fisheries accord in 2019."
    events = events_of(nlp, tmp_path, body)
    text = (tmp_path / "article.txt").read_text(encoding="utf-8")
    for event in events:
        span = event.evidence[0]
        assert text[span.start:span.end] == span.text
        assert span.text in body and not span.text[0].isspace()


def test_had_been_keeps_its_auxiliary(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "The mayor had been in office since 2019.")
    assert only_event(events, "2019").summary.startswith("The mayor had been in office")


@pytest.mark.parametrize("body", [
    "Her shifts can run ten hours a day during summer.",
    "The minister might travel to Geneva in March.",
])
def test_possibilities_are_no_events(nlp, tmp_path, body):
    assert events_of(nlp, tmp_path, body) == []


def test_scheduled_event_is_an_event(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "The two delegations will resume talks in Geneva on Monday.")
    event = only_event(events, "2024-05-13")  # the Monday after Thursday 9 May
    assert event.summary.startswith("The two delegations will resume talks in Geneva")


def test_habits_are_no_events_but_a_dated_morning_is(nlp, tmp_path):
    assert events_of(nlp, tmp_path, "At the plant the day shift starts around 6 a.m.") == []
    events = events_of(nlp, tmp_path, "The convoy leaves the capital tomorrow morning.")
    assert [e.date.value[:10] for e in events] == ["2024-05-10"]


def test_object_relative_clause_at_the_paragraph_start(nlp, tmp_path):
    # "Peru and Ghana signed the trade pact" would move the pact after the verb: a summary
    # never moves words, so the sentence stands, less its date.
    events = events_of(nlp, tmp_path, "The trade pact that Peru and Ghana signed on Monday cuts tariffs on cocoa.")
    assert only_event(events, "2024-05-06").summary == "The trade pact that Peru and Ghana signed cuts tariffs on cocoa"


def test_date_right_after_the_speech_verb_dates_the_statement(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "The governor said Tuesday her budget is balanced.")
    event = only_event(events, "2024-05-07")
    assert event.type == "statement" and event.summary.startswith("The governor said")
    assert "unidentified" not in event.actors  # the governor is not named: no actor to list


def test_an_unnamed_evening_dates_nothing(nlp, tmp_path):
    assert events_of(nlp, tmp_path, "Clinton answered most questions in the evening session of the hearing.") == []


def test_a_wish_is_no_statement_and_keeps_its_words(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "Tonight, I would like to thank the volunteers.")
    assert all("liked" not in e.summary and e.type != "statement" for e in events)


def test_subject_of_likely_to(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "The suspect is likely to appear in court on Friday.")
    assert only_event(events, "2024-05-10").summary.startswith("The suspect is likely to appear in court")


def test_a_year_compared_against_dates_nothing(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "Rural voters turned out in far smaller numbers than in 2012.")
    assert [e.date.value for e in events] == []


def test_a_year_naming_a_group_dates_nothing(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "Some 2022 mayoral candidates have asked for a recount.")
    assert [e.date.value for e in events] == []


def test_an_infinitive_on_a_noun_reads_as_written(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "The governor cancelled Ms. Ortiz's plans to visit the border camp in 2021.")
    event = only_event(events, "2021")
    assert event.summary.startswith("Ms. Ortiz's plans to visit the border camp")


def test_a_plan_to_accept_is_not_a_statement_made(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "As Senator Ruth Ames prepares to accept the party's nomination at the convention this month, she faces a divided electorate.")
    event = only_event(events, "2024-05")
    assert event.type != "statement"
    assert "prepares to accept the party's nomination" in event.summary
    assert "accepted" not in event.summary


def test_where_clause_keeps_its_own_subject_and_object(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "Okafor sat in the small office where he met the inspectors for the first time on Monday.")
    event = only_event(events, "2024-05-06")
    assert event.summary.startswith("He met the inspectors")
    assert "office" not in event.summary


def test_a_relative_clause_without_its_object_is_summarised_by_its_sentence(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "That is a demand the unions are likely to repeat at the rally this summer.")
    event = only_event(events, "2024-SU")
    assert event.summary == "That is a demand the unions are likely to repeat at the rally"


def test_a_baseline_year_dates_nothing_but_a_span_of_change_does(nlp, tmp_path):
    assert events_of(nlp, tmp_path, "Turnout in the county was up 40 percent from 2016.") == []
    events = events_of(nlp, tmp_path, "Grain exports rose 12 percent from 2019 to 2021.")
    assert [(e.date.start, e.date.end) for e in events] == [("2019-01-01", "2021-12-31")]


def test_a_that_clause_misread_as_relative_gets_no_antecedent(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "The senator told the crowd at his rally for farmers that he and the governor had two long calls Tuesday.")
    event = next(e for e in events if e.type != "statement")
    assert "farmers" not in event.summary
    assert "had two long calls" in event.summary


def test_today_in_the_simple_present_is_nowadays_not_a_day(nlp, tmp_path):
    assert events_of(nlp, tmp_path, "Today the agency focuses its checks on travellers from a few countries.") == []
    events = events_of(nlp, tmp_path, "The agency opened a new office in Lagos today.")
    assert [e.date.value for e in events] == ["2024-05-09"]


def test_a_scraped_page_header_makes_no_event(nlp, tmp_path):
    body = ("FlagShareLikeReplyJane Roe 5ptsmoderatorFeaturedMarch 6, 2024 8:57PMCity Council Votes? "
            "FlagShareLikeReplyJane Roe 5ptsmoderatorFeaturedMarch 6, 2024 8:52PMLive From the Capitol via "
            "Getty ImagesCouncil members Ann Lee and Tom Park debate the budget at City Hall on March 6, 2024.")
    assert events_of(nlp, tmp_path, body) == []
    # A name with one inner capital is prose: "McDonald" is not page furniture.
    events = events_of(nlp, tmp_path, "Fiona McDonald and Ian MacLeod opened the McArthurGlen outlet on March 6, 2024.")
    assert [e.date.value for e in events] == ["2024-03-06"]


def test_coordinated_dates_leave_no_dangling_and(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "The mayor won re-election in 2016 and 2020 with large majorities.")
    assert [e.date.value for e in events] == ["2016", "2020"]
    for event in events:
        assert " and " not in event.summary, event.summary
        assert "won re-election with large majorities" in event.summary


def test_an_elided_clause_makes_no_event(nlp, tmp_path):
    assert events_of(nlp, tmp_path, "Now the senator is leading, just as her rival was four years ago.") == []


def test_a_date_inside_quoted_words_dates_neither_the_pledge_nor_an_event(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "Senator Ruth Ames pledged to oppose the bill “today, tomorrow, forever.”")
    assert events == []


def test_to_this_day_and_a_holiday_themed_thing_date_nothing(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "The hall, which to this day hosts a chess club, opened a Christmas-themed market.")
    # Only the lead's happening, dated by the publication day; neither phrase dates anything.
    assert [(e.date.value, e.date.basis, e.date.text) for e in events] == [("2024-05-09", "inferred", "")]


def test_reported_words_with_an_open_quotation_close_it(nlp, tmp_path):
    events = events_of(nlp, tmp_path, "Senator Ruth Ames said on Monday that she would fight “to the end.”")
    event = only_event(events, "2024-05-06")
    assert event.summary.count("“") == event.summary.count("”")


@pytest.mark.parametrize("body, value, expected", [
    ("Governor Ruth Ames won the state in 2008.", "2008", "other"),
    ("In 2012 the developer added to his portfolio of golf courses.", "2012", "other"),
    ("Governor Ruth Ames announced her candidacy in 2007.", "2007", "statement"),
])
def test_a_statement_is_a_speech_verb_that_reports_something(nlp, tmp_path, body, value, expected):
    assert only_event(events_of(nlp, tmp_path, body), value).type == expected


def test_a_date_in_the_file_name_is_the_publication_date_when_the_text_has_no_dateline(nlp, tmp_path):
    path = tmp_path / "wire_2024-05-09_council.txt"
    path.write_text("The council approved the budget on Monday.\n", encoding="utf-8")
    document, _ = read_document(path, source_id="S1")
    extraction = extract_document(nlp(document.analysis_text), document)
    assert (extraction.source.published, extraction.source.published_basis) == ("2024-05-09", "inferred")
    assert [e.date.value for e in extraction.events] == ["2024-05-06"]  # the Monday before Thursday 9 May
    # A dateline in the text outranks the file's name.
    path = tmp_path / "wire_2024-05-09_other.txt"
    path.write_text("LAGOS, March 4, 2023 - The council approved the budget on Monday.\n", encoding="utf-8")
    document, _ = read_document(path, source_id="S1")
    assert extract_document(nlp(document.analysis_text), document).source.published == "2023-03-04"


def test_relative_dates_resolved_against_a_date_guessed_from_the_body_are_flagged(nlp, tmp_path):
    # No dateline, no date in the file's name: the only full date is one in history, deep in
    # the text, so "on Thursday" resolves against a guess, and a reader must be told.
    path = tmp_path / "festival.txt"
    path.write_text("Crowds filled the old town on Thursday for the festival, and the bands played in the square "
                    "until late at night while the stalls sold bread and wine.\n\n"
                    "The festival marks the day the city charter was signed, on May 2, 1848.\n", encoding="utf-8")
    document, _ = read_document(path, source_id="S1")
    extraction = extract_document(nlp(document.analysis_text), document)
    assert extraction.source.published == "1848-05-02"
    thursday = only_event(extraction.events, "1848-04-27")  # the Thursday before Tuesday 2 May 1848
    assert any("guessed" in note for note in thursday.review)
    assert any("guessed 1848-05-02" in warning for warning in extraction.warnings)
    # The stated date itself needs no such flag.
    assert all("guessed" not in note for e in extraction.events if e.date.basis == "explicit" for note in e.review)


def test_a_text_that_tells_of_a_later_year_than_its_latest_full_date_gets_no_guess(nlp, tmp_path):
    path = tmp_path / "agency.txt"
    path.write_text("The agency opened its new office in the port on Thursday, and its director thanked the "
                    "staff who had moved from the old building over the summer months.\n\n"
                    "The agency was founded on March 3, 1998. In 2012 it opened a branch in Lagos.\n",
                    encoding="utf-8")
    document, _ = read_document(path, source_id="S1")
    extraction = extract_document(nlp(document.analysis_text), document)
    # 1998-03-03 cannot be the day of writing of a text that tells of 2012: it is history.
    assert extraction.source.published is None
    assert any(w.startswith("no publication date given or found") for w in extraction.warnings)


def test_a_dateline_or_file_name_date_is_no_guess(nlp, tmp_path):
    path = tmp_path / "wire_2024-05-09_council.txt"
    path.write_text("The council approved the budget on Monday.\n", encoding="utf-8")
    document, _ = read_document(path, source_id="S1")
    extraction = extract_document(nlp(document.analysis_text), document)
    assert extraction.events and all(not e.review for e in extraction.events)


def test_a_clause_that_says_too_little_makes_no_event(nlp, tmp_path):
    assert events_of(nlp, tmp_path, "“It is over,” she said on Monday. We said so on Tuesday.") == []
    events = events_of(nlp, tmp_path, "Okafor resigned on Monday.")
    assert [e.summary for e in events] == ["Okafor resigned"]


def test_the_last_two_countries_of_a_longer_list_are_no_pair(nlp, tmp_path):
    body = ("The talks involved China, Australia, Peru and Chile. "
            "In his meeting with the Chinese envoy, the minister said both countries signed a trade accord in 2019.")
    event = only_event(events_of(nlp, tmp_path, body), "2019")
    assert "Peru and Chile" not in event.summary


def test_a_dated_incident_or_crackdown_is_a_happening(nlp, tmp_path):
    from articles import extract_article

    body = "The talks come after a violent crackdown on protesters in the capital last month."
    events = extract_article(nlp, tmp_path, body).events
    assert [(e.date.value, e.summary) for e in events] == [("2024-04", "A violent crackdown on protesters in the capital")]


def test_a_date_right_after_a_happening_that_places_the_verb_is_that_happenings(nlp, tmp_path):
    from articles import extract_article

    body = ("MANILA – The Department of Foreign Affairs has filed another diplomatic protest against China after "
            "another encounter on May 2 near the shoal where coast guard personnel boarded a supply boat.")
    events = extract_article(nlp, tmp_path, body).events
    dates = {e.date.value: e.summary for e in events}
    # The encounter was on 2 May; the filing, told without a date, on the publication day.
    assert dates["2024-05-02"].startswith("Another encounter near the shoal where coast guard personnel boarded")
    assert dates["2024-05-09"].startswith("The Department of Foreign Affairs has filed another diplomatic protest")
    assert len(events) == 2  # the boarding is the encounter, not a happening of the publication day


def test_the_dates_of_a_change_from_one_amount_to_another_are_no_events(nlp, tmp_path):
    from articles import extract_article

    body = ("The company suspended the project due to rising costs, which went from an estimated $6 billion in 2009 "
            "to $12 billion this year.")
    # Neither "in 2009" nor "this year" dates anything; the suspension, told without a date in
    # the lead, is the publication day's.
    assert [e.date.value for e in extract_article(nlp, tmp_path, body).events] == ["2024-05-09"]
