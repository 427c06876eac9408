"""From a temporal expression to the date an event or statement carries.

The tagger's TIMEX3 value keeps the granularity the text gave; the EventDate adds the first
and last calendar day it covers, which sorting and filtering use. A range ("from 2001 to
2009") becomes one date written as an ISO 8601 interval, ``2001/2009``, spanning both ends.
"""

from __future__ import annotations

from typing import Optional

from briefgen.extract.temporal import Timex, value_span
from briefgen.model import EventDate


def event_date(timex: Timex) -> Optional[EventDate]:
    """The calendar date of an expression, or None when it names no day a timeline can place."""
    granularity, first, last = value_span(timex.value, timex.mod)
    if first is None:
        return None  # "recently", "before 2020", an unresolved weekday
    value = timex.value
    if timex.end_value:
        _, _, range_last = value_span(timex.end_value, None)
        if range_last is not None and range_last >= first:
            last = range_last
            value = f"{timex.value}/{timex.end_value}"
    return EventDate(
        value=value,
        granularity=granularity,
        start=first.isoformat(),
        end=(last or first).isoformat(),
        text=timex.text,
        basis="relative" if timex.basis == "relative" else "explicit",
        mod=timex.mod,
    )
