"""Dates as a reader writes them: "28 Aug 2024", "Q3 2023", "early 2021", "1980s".

An :class:`~briefgen.model.EventDate` keeps the granularity the text gave (a TIMEX3 value);
the label must keep it too, so a bare year never turns into a made-up day.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal, Optional

from briefgen.model import EventDate

DateOrder = Literal["dmy", "mdy"]

MONTHS_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
MONTHS_LONG = ["January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December"]
SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}

# TIMEX3 MOD values and how each reads in front of (or around) a date label.
_MOD_PHRASES = {
    "EARLY": "early {}",
    "MID": "mid-{}",
    "LATE": "late {}",
    "START": "start of {}",
    "END": "end of {}",
    "APPROX": "c. {}",
    "BEFORE": "before {}",
    "AFTER": "after {}",
    "ON_OR_BEFORE": "by {}",
    "ON_OR_AFTER": "{} or later",
    "LESS_THAN": "less than {}",
    "MORE_THAN": "more than {}",
    "EQUAL_OR_LESS": "at most {}",
    "EQUAL_OR_MORE": "at least {}",
}

_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}T(\d{2}):(\d{2})")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_YEAR = re.compile(r"^(\d{4})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_HALF = re.compile(r"^(\d{4})-H([12])$")
_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|AU|WI)$")
_WEEK = re.compile(r"^(\d{4})-W(\d{1,2})$")
_DECADE = re.compile(r"^(\d{3})X?$")
_CENTURY = re.compile(r"^(\d{2})(XX)?$")


def day_label(iso_day: str, order: DateOrder = "dmy", long_month: bool = False) -> str:
    """'2024-08-28' -> '28 Aug 2024' (or 'Aug 28, 2024'; full month names when asked)."""
    day = dt.date.fromisoformat(iso_day)
    month = (MONTHS_LONG if long_month else MONTHS_SHORT)[day.month - 1]
    if order == "mdy":
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year}"


def _ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"


def _plain_label(date: EventDate, order: DateOrder) -> Optional[str]:
    value = date.value.strip()
    if match := _TIME.match(value):
        return f"{day_label(value[:10], order)}, {match.group(1)}:{match.group(2)}"
    if _DAY.match(value) and len(value) == 10:
        try:
            return day_label(value, order)
        except ValueError:
            return None
    if match := _MONTH.match(value):
        month = int(match.group(2))
        if 1 <= month <= 12:
            return f"{MONTHS_SHORT[month - 1]} {match.group(1)}"
        return None
    if match := _YEAR.match(value):
        return match.group(1)
    if match := _QUARTER.match(value):
        return f"Q{match.group(2)} {match.group(1)}"
    if match := _HALF.match(value):
        return f"H{match.group(2)} {match.group(1)}"
    if match := _SEASON.match(value):
        return f"{SEASONS[match.group(2)]} {match.group(1)}"
    if match := _WEEK.match(value):
        return f"week {int(match.group(2))}, {match.group(1)}"
    if match := _DECADE.match(value):
        return f"{match.group(1)}0s"
    if match := _CENTURY.match(value):
        return f"{_ordinal(int(match.group(1)) + 1)} century"
    return None


def _range_label(date: EventDate, order: DateOrder) -> Optional[str]:
    """A label from start/end when the value itself is not a form we read."""
    if date.start and date.end:
        if date.start == date.end:
            return day_label(date.start, order)
        return f"{day_label(date.start, order)} – {day_label(date.end, order)}"
    if date.start:
        return day_label(date.start, order)
    return None


def event_date_label(date: EventDate, order: DateOrder = "dmy") -> str:
    """How a reader writes this date, keeping exactly the precision the source gave."""
    label = _plain_label(date, order) or _range_label(date, order)
    if label is None:
        return date.text.strip() or "undated"
    phrase = _MOD_PHRASES.get((date.mod or "").upper())
    return phrase.format(label) if phrase else label


def midpoint(date: EventDate) -> Optional[dt.date]:
    """The middle of the days the date covers, for placing it on a time axis; None if undated."""
    if not date.start:
        return None
    start = dt.date.fromisoformat(date.start)
    end = dt.date.fromisoformat(date.end) if date.end else start
    return start + (end - start) / 2
