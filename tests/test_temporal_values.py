"""The calendar days a TIMEX3 value covers (value_span)."""

import datetime as dt

import pytest

from briefgen.extract.temporal import value_span

D = dt.date


@pytest.mark.parametrize(
    "value, expected",
    [
        ("2020", ("year", D(2020, 1, 1), D(2020, 12, 31))),
        ("2023-Q3", ("quarter", D(2023, 7, 1), D(2023, 9, 30))),
        ("2023-H2", ("half", D(2023, 7, 1), D(2023, 12, 31))),
        ("199", ("decade", D(1990, 1, 1), D(1999, 12, 31))),
        ("19", ("century", D(1900, 1, 1), D(1999, 12, 31))),
        ("2024-02", ("month", D(2024, 2, 1), D(2024, 2, 29))),
        ("2023-02", ("month", D(2023, 2, 1), D(2023, 2, 28))),
        ("2024-08-28", ("day", D(2024, 8, 28), D(2024, 8, 28))),
        ("2024-08-28T15:00", ("time", D(2024, 8, 28), D(2024, 8, 28))),
        ("2024-08-28TMO", ("time", D(2024, 8, 28), D(2024, 8, 28))),
        ("2024-W35", ("week", D(2024, 8, 26), D(2024, 9, 1))),
        ("2024-W35-WE", ("week", D(2024, 8, 31), D(2024, 9, 1))),
        ("2022-SU", ("season", D(2022, 6, 1), D(2022, 8, 31))),
        # winter runs into the next year
        ("2022-WI", ("season", D(2022, 12, 1), D(2023, 2, 28))),
    ],
)
def test_periods(value, expected):
    assert value_span(value) == expected


@pytest.mark.parametrize("value", ["PRESENT_REF", "PAST_REF", "XXXX-XX-XX", "XXXX-WXX-3", "P3Y", "2024-13", "2023-02-30", "2024-W60"])
def test_values_without_a_definite_period_are_unknown(value):
    assert value_span(value) == ("unknown", None, None)


def test_position_mods_keep_a_third_of_the_period():
    assert value_span("2020", "START") == ("year", D(2020, 1, 1), D(2020, 5, 1))
    assert value_span("2020", "EARLY") == value_span("2020", "START")
    granularity, first, last = value_span("2020", "MID")
    assert first == D(2020, 5, 2) and last == D(2020, 8, 31)
    assert value_span("2020", "END")[1:] == (D(2020, 9, 1), D(2020, 12, 31))
    assert value_span("2020", "LATE") == value_span("2020", "END")


def test_open_ended_mods():
    assert value_span("2020", "BEFORE") == ("year", None, D(2019, 12, 31))
    assert value_span("2020", "AFTER") == ("year", D(2021, 1, 1), None)
    assert value_span("2020", "ON_OR_AFTER") == ("year", D(2020, 1, 1), None)
    assert value_span("2020", "APPROX") == value_span("2020")


def test_a_day_is_not_split_in_thirds():
    assert value_span("2024-08-28", "START") == ("day", D(2024, 8, 28), D(2024, 8, 28))


@pytest.mark.parametrize("value", ["2016-06-25TMO", "2016-06-25T10:00", "2016-06-25TEV"])
def test_part_of_a_day_stays_on_that_day(value):
    assert value_span(value, "START") == ("time", D(2016, 6, 25), D(2016, 6, 25))
    assert value_span(value, "END") == ("time", D(2016, 6, 25), D(2016, 6, 25))
