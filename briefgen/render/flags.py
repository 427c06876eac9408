"""Why an item carries the check-before-use marker, in words every output shares.

The memo, the CSV, the TimelineJS and the calendar exports all say the same thing about an
event a person should check: its date was inferred, its sources disagree on the date (both
dates shown, each with the sources that give it), its confidence is below the template's
threshold, or extraction left a review note.
"""

from __future__ import annotations

from briefgen.model import Event, EventDate
from briefgen.render.dates import DateOrder, event_date_label
from briefgen.render.text import clean
from briefgen.templates import Template


def _with_sources(date: EventDate, order: DateOrder) -> str:
    label = event_date_label(date, order)
    return f"{label} ({', '.join(date.sources)})" if date.sources else label


def date_reasons(date: EventDate, conflicts: list[EventDate], order: DateOrder) -> list[str]:
    reasons = []
    if date.basis == "inferred":
        reasons.append("date inferred, not stated in the source")
    if conflicts:
        dates = " or ".join(_with_sources(d, order) for d in [date, *conflicts])
        reasons.append(f"sources disagree on the date: {dates}")
    return reasons


def confidence_reasons(confidence: float, threshold: float) -> list[str]:
    if confidence < threshold:
        return [f"confidence {confidence:.0%}"]
    return []


def event_reasons(event: Event, template: Template) -> list[str]:
    """Every reason to check this event before use; empty when there is none."""
    reasons = date_reasons(event.date, event.conflicting_dates, template.date_order)
    reasons += confidence_reasons(event.confidence, template.caps.low_confidence)
    reasons += [clean(r) for r in event.review if clean(r)]
    return reasons
