"""The timeline as TimelineJS 3 JSON (Knight Lab's interactive web timeline).

Each event becomes a slide: ``start_date`` (and ``end_date`` when the date covers more than
one unit of its own precision) with only the parts its granularity has — a year alone for
"2020", year and month for "March 2020" or a quarter, the day for a day — so TimelineJS
never shows a made-up day. Dates its own labels cannot say ("Q3 2023", "summer 2022",
"1980s", "early 2021") carry the memo's label as ``display_date``. ``group`` is the event
type and ``unique_id`` the event id. TimelineJS reads headline and text as HTML, so article
text is escaped. Undated events cannot be placed on its axis; the title slide says how many
were left out.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from typing import Optional

from briefgen.model import Briefing, Event, EventDate
from briefgen.render.dates import event_date_label
from briefgen.render.flags import event_reasons
from briefgen.render.memo import source_name
from briefgen.render.text import clean
from briefgen.templates import Template

# How many of year, month, day each granularity states.
DATE_PARTS = {
    "century": 1, "decade": 1, "year": 1,
    "half": 2, "season": 2, "quarter": 2, "month": 2,
    "week": 3, "day": 3, "time": 3, "unknown": 3,
}
# Granularities TimelineJS writes the same way the memo does; others get a display_date.
PLAIN_GRANULARITIES = frozenset({"year", "month", "day", "time"})
_CLOCK = re.compile(r"T(\d{2}):(\d{2})")


def _date_object(day: dt.date, parts: int, clock: Optional[re.Match] = None) -> dict:
    date = {"year": day.year}
    if parts >= 2:
        date["month"] = day.month
    if parts >= 3:
        date["day"] = day.day
    if clock:
        date["hour"], date["minute"] = int(clock.group(1)), int(clock.group(2))
    return date


def _dates(date: EventDate) -> dict:
    parts = DATE_PARTS[date.granularity]
    start = dt.date.fromisoformat(date.start)
    end = dt.date.fromisoformat(date.end) if date.end else start
    clock = _CLOCK.search(date.value) if date.granularity == "time" else None
    slide = {"start_date": _date_object(start, parts, clock)}
    end_date = _date_object(end, parts)
    if end_date != _date_object(start, parts):
        slide["end_date"] = end_date
    return slide


def _text(event: Event, briefing: Briefing, template: Template) -> str:
    lines = [f"{html.escape(event.type)}" + (f" · {html.escape(', '.join(event.actors))}" if event.actors else "")]
    for span in event.evidence:
        name = source_name(briefing.source(span.source))
        lines.append(f"“{html.escape(clean(span.text))}” — {html.escape(name)} ({span.source})")
    reasons = event_reasons(event, template)
    if reasons:
        lines.append(f"<strong>Check before use:</strong> {html.escape('; '.join(reasons))}")
    return "".join(f"<p>{line}</p>" for line in lines)


def _slide(event: Event, briefing: Briefing, template: Template) -> dict:
    slide = _dates(event.date)
    label = event_date_label(event.date, template.date_order)
    if event.date.granularity not in PLAIN_GRANULARITIES or event.date.mod or "/" in event.date.value:
        slide["display_date"] = label
    slide["text"] = {"headline": html.escape(clean(event.summary)), "text": _text(event, briefing, template)}
    slide["group"] = event.type
    slide["unique_id"] = event.id
    return slide


def render_timelinejs(briefing: Briefing, template: Template) -> str:
    """TimelineJS 3 JSON for the briefing's dated events."""
    dated = [e for e in briefing.events if e.date.start]
    undated = len(briefing.events) - len(dated)
    sources = len(briefing.sources)
    about = [f"{len(dated)} dated event{'s' if len(dated) != 1 else ''} from {sources} source{'s' if sources != 1 else ''}."]
    if undated:
        about.append(f"{undated} undated event{'s are' if undated != 1 else ' is'} not on this timeline.")
    about += [clean(note) for note in briefing.notes if clean(note)]
    timeline = {
        "title": {"text": {"headline": html.escape(clean(briefing.title)),
                           "text": "".join(f"<p>{html.escape(line)}</p>" for line in about)}},
        "events": [_slide(event, briefing, template) for event in dated],
    }
    return json.dumps(timeline, ensure_ascii=False, indent=2) + "\n"
