"""The occasion a document is the record of: named by its heading, dated by its day."""

from articles import extract_article


def events_of(nlp, tmp_path, body, published="2024-05-09"):
    return extract_article(nlp, tmp_path, body, published).events


def dated(events):
    return sorted((e.date.value, e.summary) for e in events)


def test_a_heading_naming_a_press_conference_with_its_day_below_is_an_event(nlp, tmp_path):
    body = ("Press Conference by Foreign Minister Ana Park\n"
            "Monday, May 6, 2024, 4:00 p.m. Ministry of Foreign Affairs\n"
            "Ms. Ana Park, Minister for Foreign Affairs: Good afternoon. I have one announcement.")
    events = events_of(nlp, tmp_path, body)
    assert ("2024-05-06", "Press Conference by Foreign Minister Ana Park") in dated(events)
    (conference,) = [e for e in events if e.summary.startswith("Press Conference")]
    # The evidence spans the heading and its date line, where the reader finds both.
    assert conference.evidence[0].text.startswith("Press Conference") and "May 6, 2024" in conference.evidence[0].text


def test_a_transcripts_heading_gives_the_occasion_less_the_record_word_and_the_bracketed_day(nlp, tmp_path):
    body = ("Transcript of Weekly Media Briefing by the Official Spokesperson (May 08, 2024)\n"
            "Official Spokesperson: Good evening to all of you. We will take questions now.")
    events = events_of(nlp, tmp_path, body, published="2024-05-08")
    assert ("2024-05-08", "Weekly Media Briefing by the Official Spokesperson") in dated(events)


def test_a_council_named_over_its_day_is_its_sitting(nlp, tmp_path):
    body = ("Agriculture Council, 6 May 2024\n"
            "Main results\n"
            "The ministers exchanged views on the state of fisheries in the Baltic Sea.")
    events = events_of(nlp, tmp_path, body)
    assert ("2024-05-06", "Agriculture Council") in dated(events)


def test_a_welcome_to_the_briefing_is_the_briefing_on_the_publication_day(nlp, tmp_path):
    body = ("Welcome to this week's Press Briefing of the Foreign Office.\n"
            "Let me begin with the situation in the region, which we continue to follow closely.")
    events = events_of(nlp, tmp_path, body)
    # "this week" names the week; the briefing under way is on the day of its record.
    assert dated(events) == [("2024-05-09", "Press Briefing of the Foreign Office")]


def test_a_headline_sentence_a_heading_without_a_day_or_a_document_is_no_recorded_occasion(nlp, tmp_path):
    for heading in ("Ministers Hold Press Conference in Lima", "Press Conference by Foreign Minister Ana Park",
                    "Joint Statement on the Visit of President Ravi Rao"):
        body = f"{heading}\nThe ministers of the region will meet in Lima next month to discuss fisheries."
        assert all(e.summary != heading for e in events_of(nlp, tmp_path, body)), heading


def test_a_heading_the_body_retells_on_its_day_is_told_once(nlp, tmp_path):
    body = ("Peru-Chile Summit Meeting\n"
            "May 6, 2024\n"
            "On May 6, President Ana Park held a Peru-Chile Summit Meeting with President Ravi Rao in Lima.")
    events = events_of(nlp, tmp_path, body)
    assert [e.date.value for e in events].count("2024-05-06") == 1


def test_a_report_headed_by_a_visit_is_dated_by_the_text_not_by_the_reports_date(nlp, tmp_path):
    body = ("First official visit to Lima by Chilean Foreign Minister Ravi Rao\n"
            "11.05.2024 - Article\n"
            "Foreign Minister Ana Park welcomed her new Chilean counterpart to Lima on Friday.")
    events = events_of(nlp, tmp_path, body, published="2024-05-11")
    assert all(not e.summary.startswith("First official visit") for e in events)
