"""Timeline filters: a date window, actors by any of their names, event types; each one noted."""

import datetime as dt

import pytest

from briefgen.assemble.filters import TimelineFilter, apply_filter, date_bound
from briefgen.errors import FilterError
from briefgen.model import Position, Speaker
from fixtures.events import actor, briefing, date, event

EVENTS = [
    event("Talks opened in Geneva", "2022", type="meeting", actors=("United States", "Iran"), number=1),
    event("The two sides agreed a framework", "2023-03", actors=("United States", "Iran"), number=2),
    event("Inspectors visited the site", "2023-03-14", type="visit", actors=("IAEA",), number=3),
    event("Sanctions were eased", "2023-Q3", type="economic", actors=("European Union",), number=4),
]
ACTORS = [actor(1, "United States", aliases=["US", "U.S."], mentions=9), actor(2, "Iran", mentions=7),
          actor(3, "IAEA", type="ORG", aliases=["International Atomic Energy Agency"]),
          actor(4, "European Union", type="ORG", aliases=["EU"])]


def kept(timeline_filter, events=EVENTS):
    return [e.summary for e in apply_filter(briefing(events, actors=ACTORS), timeline_filter).events]


@pytest.mark.parametrize("text, first, last", [
    ("2023", dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
    ("2024-02", dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
    ("2023-03-14", dt.date(2023, 3, 14), dt.date(2023, 3, 14)),
])
def test_a_bound_covers_what_it_names(text, first, last):
    assert date_bound(text, "--since") == (first, last)


@pytest.mark.parametrize("kwargs, message", [
    ({"since": "March 2023"}, "--since 'March 2023' is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
    ({"until": "2023-02-30"}, "--until '2023-02-30' is not a calendar date"),
    ({"since": "2024", "until": "2023-06"}, "--since 2024 is after --until 2023-06"),
    ({"types": ("summit",)}, "--type 'summit' is not an event type"),
])
def test_malformed_values_are_refused_when_the_filter_is_made(kwargs, message):
    with pytest.raises(FilterError, match=message):
        TimelineFilter(**kwargs)


def test_an_event_is_kept_when_its_span_overlaps_the_window():
    # "2023-Q3" starts after March; "2022" ends before it; the month and the day fall inside.
    assert kept(TimelineFilter(since="2023-03", until="2023-03")) == ["The two sides agreed a framework",
                                                                      "Inspectors visited the site"]
    # A bare year reaches into a window that starts inside it.
    assert kept(TimelineFilter(until="2022-06")) == ["Talks opened in Geneva"]
    assert kept(TimelineFilter(since="2023-09-30")) == ["Sanctions were eased"]


def test_an_actor_is_found_by_any_of_its_names_in_any_case():
    both = ["Talks opened in Geneva", "The two sides agreed a framework"]
    assert kept(TimelineFilter(actors=("US",))) == both
    assert kept(TimelineFilter(actors=("united states",))) == both
    assert kept(TimelineFilter(actors=("international atomic energy agency",))) == ["Inspectors visited the site"]
    assert kept(TimelineFilter(actors=("EU", "IAEA"))) == ["Inspectors visited the site", "Sanctions were eased"]


def test_types_select_events_and_combine_with_other_filters():
    assert kept(TimelineFilter(types=("visit", "Economic"))) == ["Inspectors visited the site", "Sanctions were eased"]
    assert kept(TimelineFilter(types=("agreement",), since="2024")) == []


def test_the_filter_is_noted_and_the_summary_rebuilt():
    filtered = apply_filter(briefing(EVENTS, actors=ACTORS), TimelineFilter(since="2023", actors=("US",)))
    assert filtered.notes == ["Timeline filtered to events dated 2023 or later, involving US: 1 of 4 events kept."]
    assert "1 dated event (2023)" in filtered.summary[0]


def test_an_actor_the_sources_do_not_know_is_said_so():
    filtered = apply_filter(briefing(EVENTS, actors=ACTORS), TimelineFilter(actors=("Inda",)))
    assert filtered.events == []
    assert "involving Inda (no actor of that name in the sources): 0 of 4 events kept" in filtered.notes[0]


def test_statements_are_left_out_only_when_dated_outside_the_window():
    def position(number, value=None):
        return Position(id=f"P{number}", speaker=Speaker(name="Ana Park"), kind="direct", text=f"statement {number}",
                        confidence=0.9, date=date(value) if value else None)

    given = briefing(EVENTS, actors=ACTORS, positions=[position(1), position(2, "2021-05-02"), position(3, "2023")])
    filtered = apply_filter(given, TimelineFilter(since="2023-03", actors=("Iran",)))
    assert [p.id for p in filtered.positions] == ["P1", "P3"]
    assert filtered.notes[0].endswith("1 statement dated outside those dates left out.")


def test_an_empty_filter_changes_nothing():
    given = briefing(EVENTS, actors=ACTORS)
    assert apply_filter(given, TimelineFilter()) is given


@pytest.mark.parametrize("arguments, message", [
    (["--since", "2024-13"], "briefgen: error: --since '2024-13' is not a calendar date"),
    (["--type", "summit"], "briefgen: error: --type 'summit' is not an event type"),
    (["--max-events", "0"], "briefgen: error: --max-events must be a whole number of 1 or more, not 0"),
    (["--max-events", "ten"], "briefgen: error: --max-events must be a whole number of 1 or more, not 'ten'"),
    (["--key-days", "0"], "briefgen: error: --key-days must be a whole number of 1 or more, not 0"),
    (["--per-day", "x"], "briefgen: error: --per-day must be a whole number of 1 or more, not 'x'"),
    (["--key-days", "20", "--max-events", "5"], "briefgen: error: --max-events and --key-days choose the memo's "
                                                 "timeline in two ways; give one of them"),
])
def test_a_bad_filter_on_the_command_line_is_one_line_and_exit_2(arguments, message, tmp_path, capsys):
    from briefgen.cli import main
    from fixtures import FOLDER

    code = main(["render", str(FOLDER / "realistic_briefing.json"), "-o", str(tmp_path), *arguments])
    err = capsys.readouterr().err
    assert code == 2
    assert err.startswith(message) and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_the_filter_is_part_of_the_public_api():
    import briefgen

    assert briefgen.TimelineFilter is TimelineFilter
