"""Timeline order: by the first day a date covers, coarser dates first on the same day, undated last."""

from briefgen.assemble.timeline import order_events
from briefgen.model import EventDate
from fixtures.events import event


def values(events):
    return [e.date.value for e in events]


def test_a_coarser_date_sorts_at_the_start_of_its_span_and_before_finer_dates_that_day():
    given = [event("c", "2020-03-05"), event("a", "2020"), event("d", "2020-03-06"), event("b", "2020-03")]
    assert values(order_events(given)) == ["2020", "2020-03", "2020-03-05", "2020-03-06"]


def test_quarters_sort_at_their_first_day():
    given = [event("x", "2023-08-15"), event("y", "2023-Q3"), event("z", "2023-06-30"), event("w", "2023-07")]
    # Q3 starts on 1 July, like July itself; the quarter is the coarser of the two.
    assert values(order_events(given)) == ["2023-06-30", "2023-Q3", "2023-07", "2023-08-15"]


def test_undated_events_come_last_and_ties_keep_source_order():
    undated = event("no date", "2020").model_copy(update={
        "date": EventDate(value="PAST_REF", granularity="unknown", text="in the past")})
    first = event("first of the day", "2021-05-01", source="S1")
    second = event("second of the day", "2021-05-01", source="S2")
    ordered = order_events([undated, second, first])
    assert [e.summary for e in ordered] == ["second of the day", "first of the day", "no date"]
    assert [e.id for e in ordered] == ["E1", "E2", "E3"]
