"""Putting events in the order a reader expects.

Ordering rule: an event sorts at the first day of the span its date covers ("2020" at
2020-01-01, "Q3 2023" at 2023-07-01); when two events start on the same day, the coarser
date comes first ("2020" before "January 2020" before "1 January 2020"), because it frames
what follows; remaining ties keep the order of sources and of the text.
"""

from __future__ import annotations

from briefgen.model import Event

# Coarse to fine; an unknown granularity sorts after everything dated on the same day.
GRANULARITY_ORDER = ("century", "decade", "year", "half", "season", "quarter", "month", "week", "day", "time", "unknown")


def timeline_key(event: Event, position: int) -> tuple:
    start = event.date.start or "9999-12-31"
    return (start, GRANULARITY_ORDER.index(event.date.granularity), position)


def order_events(events: list[Event]) -> list[Event]:
    """Events in timeline order, renumbered E1, E2, … in that order."""
    ordered = [event for _, event in sorted(enumerate(events), key=lambda item: timeline_key(item[1], item[0]))]
    return [event.model_copy(update={"id": f"E{number}"}) for number, event in enumerate(ordered, start=1)]
