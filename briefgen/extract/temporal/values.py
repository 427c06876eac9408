"""TIMEX3 values: writing them, moving them by calendar units, and reading back the days they cover.

A TIMEX3 value keeps the granularity the text gave ("2020" is a year, never 2020-01-01), so
arithmetic here works on calendar periods (years, quarters, ISO weeks, days...) rather than
on single days.
"""

from __future__ import annotations

import datetime as dt
import re

# First and last month of each season. Winter starts in December and runs into the next
# year, which is why its last month is written as 14 (February of the following year).
SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 14)}

_YEAR = re.compile(r"^(\d{4})$")
_DECADE = re.compile(r"^(\d{3})$")
_CENTURY = re.compile(r"^(\d{2})$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
_TIME = re.compile(r"^(\d{4})-(\d{2})-(\d{2})T.+$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")
_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_WEEKEND = re.compile(r"^(\d{4})-W(\d{2})-WE$")

# How a ``mod`` narrows a period: which third of it (0, 1, 2) it keeps.
_PART_MODS = {"START": 0, "EARLY": 0, "MID": 1, "END": 2, "LATE": 2}


def year_value(year: int) -> str:
    return f"{year:04d}"


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def day_value(day: dt.date) -> str:
    return day.isoformat()


def week_value(day: dt.date) -> str:
    iso_year, iso_week, _ = day.isocalendar()
    return f"{iso_year:04d}-W{iso_week:02d}"


def quarter_of(month: int) -> int:
    return (month - 1) // 3 + 1


def shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def shift_quarter(year: int, quarter: int, quarters: int) -> tuple[int, int]:
    index = year * 4 + (quarter - 1) + quarters
    return index // 4, index % 4 + 1


def last_day_of_month(year: int, month: int) -> dt.date:
    next_year, next_month = shift_month(year, month, 1)
    return dt.date(next_year, next_month, 1) - dt.timedelta(days=1)


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or None when the day does not exist (30 February)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th given ISO weekday (1 = Monday) of a month; n = -1 is the last one."""
    if n > 0:
        first = dt.date(year, month, 1)
        offset = (weekday - first.isoweekday()) % 7
        return first + dt.timedelta(days=offset + 7 * (n - 1))
    last = last_day_of_month(year, month)
    return last - dt.timedelta(days=(last.isoweekday() - weekday) % 7)


def easter_sunday(year: int) -> dt.date:
    """Western Easter (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _thirds(first: dt.date, last: dt.date, part: int) -> tuple[dt.date, dt.date]:
    days = (last - first).days + 1
    if days < 3:
        return first, last  # "early Tuesday", "late on 25 June": a part of a day is still that day
    cut1 = first + dt.timedelta(days=days // 3)
    cut2 = first + dt.timedelta(days=(2 * days) // 3)
    if part == 0:
        return first, cut1 - dt.timedelta(days=1)
    if part == 1:
        return cut1, cut2 - dt.timedelta(days=1)
    return cut2, last


def _period(value: str) -> tuple[str, dt.date, dt.date] | None:
    match = _YEAR.match(value)
    if match:
        year = int(match.group(1))
        return "year", dt.date(year, 1, 1), dt.date(year, 12, 31)
    match = _DECADE.match(value)
    if match:
        first_year = int(match.group(1)) * 10
        return "decade", dt.date(first_year, 1, 1), dt.date(first_year + 9, 12, 31)
    match = _CENTURY.match(value)
    if match:
        # TIMEX3 writes a century by its first two digits: "19" is 1900-1999.
        first_year = int(match.group(1)) * 100
        return "century", dt.date(max(first_year, 1), 1, 1), dt.date(first_year + 99, 12, 31)
    match = _MONTH.match(value)
    if match:
        year, month = int(match.group(1)), int(match.group(2))
        if not 1 <= month <= 12:
            return None
        return "month", dt.date(year, month, 1), last_day_of_month(year, month)
    match = _DAY.match(value) or _TIME.match(value)
    if match:
        day = safe_date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if day is None:
            return None
        return ("day" if "T" not in value else "time"), day, day
    match = _QUARTER.match(value)
    if match:
        year, quarter = int(match.group(1)), int(match.group(2))
        first_month = 3 * (quarter - 1) + 1
        return "quarter", dt.date(year, first_month, 1), last_day_of_month(year, first_month + 2)
    match = _HALF.match(value)
    if match:
        year, half = int(match.group(1)), int(match.group(2))
        first_month = 6 * (half - 1) + 1
        return "half", dt.date(year, first_month, 1), last_day_of_month(year, first_month + 5)
    match = _SEASON.match(value)
    if match:
        year = int(match.group(1))
        first_month, last_month = SEASON_MONTHS[match.group(2)]
        end_year, end_month = shift_month(year, 1, last_month - 1)
        return "season", dt.date(year, first_month, 1), last_day_of_month(end_year, end_month)
    match = _WEEK.match(value) or _WEEKEND.match(value)
    if match:
        year, week = int(match.group(1)), int(match.group(2))
        try:
            monday = dt.date.fromisocalendar(year, week, 1)
        except ValueError:
            return None
        if value.endswith("-WE"):
            return "week", monday + dt.timedelta(days=5), monday + dt.timedelta(days=6)
        return "week", monday, monday + dt.timedelta(days=6)
    return None


def value_span(value: str, mod: str | None = None) -> tuple[str, dt.date | None, dt.date | None]:
    """The granularity of a TIMEX3 value and the first and last calendar day it covers.

    Values that name no definite period (``PRESENT_REF``, ``XXXX-XX-XX``, durations such as
    ``P3Y``, sets) give ``("unknown", None, None)``.

    ``mod`` narrows or opens the period:

    - ``START``/``EARLY``, ``MID``, ``END``/``LATE`` keep the first, middle or last third of
      the days ("early 2020" is 2020-01-01..2020-05-01);
    - ``BEFORE`` and ``AFTER`` give the open side only (last day before, first day after);
      ``ON_OR_BEFORE``/``ON_OR_AFTER`` keep the period's own last/first day on the open side;
    - other mods (``APPROX``, ``MORE_THAN``...) leave the period as written.
    """
    period = _period(value)
    if period is None:
        return "unknown", None, None
    granularity, first, last = period
    if mod in _PART_MODS and granularity != "day":
        first, last = _thirds(first, last, _PART_MODS[mod])
    elif mod == "BEFORE":
        return granularity, None, first - dt.timedelta(days=1)
    elif mod == "AFTER":
        return granularity, last + dt.timedelta(days=1), None
    elif mod == "ON_OR_BEFORE":
        return granularity, None, last
    elif mod == "ON_OR_AFTER":
        return granularity, first, None
    return granularity, first, last
