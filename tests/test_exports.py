"""The timeline exports beside the memo: CSV, TimelineJS 3 JSON and iCalendar, each read back."""

import csv
import io
import json

import icalendar

from briefgen.model import EventDate
from briefgen.render.csv_writer import COLUMNS, render_csv
from briefgen.render.ics_writer import fold, render_ics
from briefgen.render.timelinejs_writer import render_timelinejs
from briefgen.templates import load_template
from fixtures.events import briefing, date, event

TEMPLATE = load_template("memo")


def conflicted(item, other_value, sources, other_sources):
    return item.model_copy(update={
        "date": item.date.model_copy(update={"sources": sources}),
        "conflicting_dates": [date(other_value).model_copy(update={"sources": other_sources})],
    })


SIGNING = conflicted(event("Norway and Chile signed a hydrogen pact, in Oslo; \"finally\"", "2024-03-05",
                           actors=("Norway", "Chile"), number=2), "2023", ["S1", "S2"], ["S3"])
EVENTS = [
    event("=HYPERLINK(\"http://example.invalid\",\"click\")", "2020", type="other", actors=("-Dash",), number=1),
    SIGNING,
    event("Ministers met in Bergen", "2024-03-06", type="meeting", actors=("Norway",), confidence=0.4, number=3),
    event("Shipments <b>expected</b> & planned", "2025-Q3", type="economic", number=4),
    event("Exports rose in the 1980s", "198", type="economic", number=5),
    event("No date at all", "2020").model_copy(update={
        "id": "E6", "date": EventDate(value="PAST_REF", granularity="unknown", text="in the past")}),
]
BRIEFING = briefing(EVENTS, title="Hydrogen, Norway; Chile")


def csv_rows(data: bytes):
    assert data.startswith("\ufeff".encode("utf-8")), "UTF-8 with a byte order mark, for Excel"
    text = data.decode("utf-8-sig")
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    return list(csv.reader(io.StringIO(text, newline="")))


def test_csv_has_one_row_per_event_in_timeline_order():
    header, *rows = csv_rows(render_csv(BRIEFING, TEMPLATE))
    assert tuple(header) == COLUMNS
    assert [r[0] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    signing = dict(zip(header, rows[1]))
    assert signing == {
        "number": "2", "date": "5 Mar 2024", "start": "2024-03-05", "end": "2024-03-05", "granularity": "day",
        "summary": "Norway and Chile signed a hydrogen pact, in Oslo; \"finally\"", "type": "agreement",
        "actors": "Norway; Chile", "sources": "S1 1.txt", "confidence": "0.80",
        "flags": "sources disagree on the date: 5 Mar 2024 (S1, S2) or 2023 (S3)",
    }
    quarter = dict(zip(header, rows[3]))
    assert (quarter["date"], quarter["start"], quarter["end"], quarter["granularity"]) == \
        ("Q3 2025", "2025-07-01", "2025-09-30", "quarter")
    assert dict(zip(header, rows[2]))["flags"] == "confidence 40%"


def test_csv_cells_that_a_spreadsheet_would_evaluate_start_with_an_apostrophe():
    _, first, *_ = csv_rows(render_csv(BRIEFING, TEMPLATE))
    assert first[5] == "'=HYPERLINK(\"http://example.invalid\",\"click\")"
    assert first[7] == "'-Dash"


def test_timelinejs_slides_state_only_the_parts_of_a_date_its_granularity_has():
    data = json.loads(render_timelinejs(BRIEFING, TEMPLATE))
    assert set(data) == {"title", "events"}
    assert data["title"]["text"]["headline"] == "Hydrogen, Norway; Chile"
    slides = {s["unique_id"]: s for s in data["events"]}
    # The undated event cannot be placed; the title slide says so.
    assert set(slides) == {"E1", "E2", "E3", "E4", "E5"}
    assert "1 undated event is not on this timeline." in data["title"]["text"]["text"]
    assert slides["E1"]["start_date"] == {"year": 2020} and "end_date" not in slides["E1"]
    assert slides["E2"]["start_date"] == {"year": 2024, "month": 3, "day": 5} and "end_date" not in slides["E2"]
    assert slides["E4"]["start_date"] == {"year": 2025, "month": 7}
    assert slides["E4"]["end_date"] == {"year": 2025, "month": 9}
    assert slides["E4"]["display_date"] == "Q3 2025"
    assert (slides["E5"]["start_date"], slides["E5"]["end_date"], slides["E5"]["display_date"]) == \
        ({"year": 1980}, {"year": 1989}, "1980s")
    for slide in data["events"]:
        assert all(isinstance(v, int) for v in slide["start_date"].values())
        assert slide["group"] in {"agreement", "meeting", "economic", "other"}
        assert set(slide["text"]) == {"headline", "text"}
        if slide["unique_id"] in {"E1", "E2", "E3"}:
            assert "display_date" not in slide


def test_timelinejs_escapes_article_text_and_shows_the_conflict():
    slides = {s["unique_id"]: s for s in json.loads(render_timelinejs(BRIEFING, TEMPLATE))["events"]}
    assert slides["E4"]["text"]["headline"] == "Shipments &lt;b&gt;expected&lt;/b&gt; &amp; planned"
    text = slides["E2"]["text"]["text"]
    assert "<strong>Check before use:</strong> sources disagree on the date: 5 Mar 2024 (S1, S2) or 2023 (S3)" in text
    assert "&quot;finally&quot;" in text


def unfolded(ics: str) -> list[str]:
    return ics.replace("\r\n ", "").split("\r\n")[:-1]


def test_ics_lines_are_crlf_and_folded_at_75_octets():
    ics = render_ics(BRIEFING, TEMPLATE)
    assert ics.endswith("END:VCALENDAR\r\n")
    physical = ics.split("\r\n")[:-1]
    assert all(len(line.encode("utf-8")) <= 75 for line in physical)
    assert any(line.startswith(" ") for line in physical), "the long DESCRIPTION lines are folded"


def test_folding_never_splits_a_character():
    line = "SUMMARY:" + "장재복 " * 30
    folded = fold(line)
    pieces = folded.split("\r\n")
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert "".join(p[1:] if i else p for i, p in enumerate(pieces)) == line


def test_ics_has_all_day_events_for_days_only_and_says_what_it_left_out():
    lines = unfolded(render_ics(BRIEFING, TEMPLATE))
    assert lines.count("BEGIN:VEVENT") == 2  # the 5 March signing and the 6 March meeting
    assert "DTSTART;VALUE=DATE:20240305" in lines and "DTEND;VALUE=DATE:20240306" in lines
    assert "DTSTART;VALUE=DATE:20240306" in lines and "DTEND;VALUE=DATE:20240307" in lines
    left_out = next(line for line in lines if line.startswith("X-BRIEFGEN-LEFT-OUT:"))
    assert left_out.startswith("X-BRIEFGEN-LEFT-OUT:4 events not dated to a day")
    assert "X-WR-CALNAME:Hydrogen\\, Norway\\; Chile" in lines


def test_ics_text_is_escaped():
    lines = unfolded(render_ics(BRIEFING, TEMPLATE))
    # The signing is flagged, so its summary carries the memo's marker.
    assert "SUMMARY:† Norway and Chile signed a hydrogen pact\\, in Oslo\\; \"finally\"" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:Check before use"))
    assert "\\nDate: 5 Mar 2024\\nType: agreement\\n" in description
    assert "(S1\\, S2) or 2023 (S3)" in description
    backslash = briefing([event("A path C:\\temp was named", "2024-01-02")])
    assert "SUMMARY:A path C:\\\\temp was named" in unfolded(render_ics(backslash, TEMPLATE))


def test_ics_uids_are_unique_and_stable_and_a_calendar_library_reads_the_file():
    ics = render_ics(BRIEFING, TEMPLATE)
    assert render_ics(BRIEFING, TEMPLATE) == ics
    calendar = icalendar.Calendar.from_ical(ics)
    events = calendar.walk("VEVENT")
    assert len({str(e["UID"]) for e in events}) == 2
    signing = next(e for e in events if str(e["UID"]).startswith("E2-"))
    assert str(signing["SUMMARY"]) == "† Norway and Chile signed a hydrogen pact, in Oslo; \"finally\""
    assert signing.decoded("DTSTART").isoformat() == "2024-03-05"
    assert signing.decoded("DTEND").isoformat() == "2024-03-06"
    assert "Sources:\nS1 " in str(signing["DESCRIPTION"])


def test_a_time_of_day_and_a_week_in_each_export():
    given = briefing([event("The talks began", "2024-08-28T14:30", type="meeting", number=1),
                      event("Inspections ran all week", "2023-W12", type="other", number=2)])
    slides = {s["unique_id"]: s for s in json.loads(render_timelinejs(given, TEMPLATE))["events"]}
    assert slides["E1"]["start_date"] == {"year": 2024, "month": 8, "day": 28, "hour": 14, "minute": 30}
    assert "display_date" not in slides["E1"]
    assert (slides["E2"]["start_date"], slides["E2"]["end_date"]) == \
        ({"year": 2023, "month": 3, "day": 20}, {"year": 2023, "month": 3, "day": 26})
    assert slides["E2"]["display_date"] == "week 12, 2023"
    lines = unfolded(render_ics(given, TEMPLATE))
    # A time of day is still a day; a week is not.
    assert lines.count("BEGIN:VEVENT") == 1 and "DTSTART;VALUE=DATE:20240828" in lines
    assert any(line.startswith("X-BRIEFGEN-LEFT-OUT:1 event not dated to a day") for line in lines)
