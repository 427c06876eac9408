"""Turning a date written in a document's metadata into an ISO day, or into nothing.

A publication date from metadata is trusted downstream (it anchors every relative date in
the text), so only a value that names one calendar day unambiguously counts. A month or a
year alone, a relative phrase ("yesterday") or a numeric date that reads two ways
("03/04/2024") gives no date rather than a guessed one.

A timestamp keeps the day as written: "2024-08-28T23:30:00-04:00" is 28 August, the day on
the publisher's own calendar, not the day in UTC.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache
from pathlib import PurePath
from typing import Optional

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])")
_COMPACT_DAY = re.compile(r"^(\d{4})(\d{2})(\d{2})(?:$|T)")
_NUMERIC_DAY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$")
_MONTH_NAME = re.compile(
    r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?![a-z])", re.IGNORECASE
)
_YEAR = re.compile(r"\b\d{4}\b")


def iso_day(value: object) -> Optional[str]:
    """The ISO ``YYYY-MM-DD`` day that ``value`` names, or None when it names no single day."""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    text = value.strip()
    for pattern in (_ISO_DAY, _COMPACT_DAY):
        match = pattern.match(text)
        if match:
            return _day(*match.groups())
    match = _NUMERIC_DAY.match(text)
    if match:
        return _numeric_day(*match.groups())
    if _MONTH_NAME.search(text) and _YEAR.search(text):
        return _written_day(text)
    return None


def _day(year: str, month: str, day: str) -> Optional[str]:
    try:
        return dt.date(int(year), int(month), int(day)).isoformat()
    except ValueError:
        return None


def _numeric_day(first: str, second: str, year: str) -> Optional[str]:
    """Day/month or month/day, whichever is the only reading; None when both are possible."""
    a, b = int(first), int(second)
    if a == b or (a > 12 >= b):
        return _day(year, str(b), str(a))
    if b > 12 >= a:
        return _day(year, str(a), str(b))
    return None


@lru_cache(maxsize=4096)
def _written_day(text: str) -> Optional[str]:
    """A date with the month in words ("28 Aug 2024", "Wed, 28 Aug 2024 10:00:00 GMT").

    dateparser takes milliseconds a call, and a feed's articles share a handful of date
    strings: each distinct one is parsed once per process.
    """
    import dateparser  # imported here: loading its language data takes a while

    parsed = dateparser.parse(
        text,
        languages=["en"],
        settings={"STRICT_PARSING": True, "REQUIRE_PARTS": ["day", "month", "year"]},
    )
    return parsed.date().isoformat() if parsed else None


# Year, month and day in a name, with or without separators, not inside a longer number.
NAME_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")


def date_in_file_name(path: str) -> Optional[dt.date]:
    """The one full date a file's name holds, if it holds exactly one."""
    name = PurePath(path).name
    found = set()
    for match in NAME_DATE.finditer(name):
        try:
            found.add(dt.date(*(int(part) for part in match.groups())))
        except ValueError:
            continue
    return found.pop() if len(found) == 1 else None
