"""The timeline as an iCalendar file (RFC 5545), for the events dated to the day.

Each such event is an all-day VEVENT: ``DTSTART;VALUE=DATE`` its first day and ``DTEND``
the day after its last (the end is exclusive in iCalendar). A calendar has no way to say
"some day in 2020", so events dated less precisely than a day are left out and an
``X-BRIEFGEN-LEFT-OUT`` property of the calendar says how many. The UID is the event id with
a digest of the briefing's sources, so rendering the same briefing again updates events in
a calendar rather than adding copies. ``DTSTAMP`` is the briefing's generation time, so the
file is reproducible. Text values are escaped and lines folded at 75 octets with CRLF line
ends, as the RFC requires; the format is small enough that the standard library writes it.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from briefgen import __version__
from briefgen.model import Briefing, Event
from briefgen.render.dates import event_date_label
from briefgen.render.flags import event_reasons
from briefgen.render.memo import build_moment, source_name
from briefgen.render.text import clean
from briefgen.templates import Template

DAY_GRANULARITIES = frozenset({"day", "time"})
LINE_OCTETS = 75
CRLF = "\r\n"


def escape_text(value: str) -> str:
    """A TEXT value: backslash, semicolon, comma and newline escaped (RFC 5545 3.3.11)."""
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str) -> str:
    """One content line folded into lines of at most 75 octets, never inside a character."""
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        # A continuation line starts with a space, which counts towards its 75 octets.
        limit = LINE_OCTETS if not pieces else LINE_OCTETS - 1
        if size + width > limit:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return (CRLF + " ").join(pieces)


def _briefing_key(briefing: Briefing) -> str:
    identity = "\n".join(f"{s.id} {s.sha256 or s.path}" for s in briefing.sources)
    return hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]


def _description(event: Event, briefing: Briefing, template: Template) -> str:
    lines = []
    reasons = event_reasons(event, template)
    if reasons:
        lines.append("Check before use: " + "; ".join(reasons))
    lines.append(f"Date: {event_date_label(event.date, template.date_order)}")
    lines.append(f"Type: {event.type}")
    if event.actors:
        lines.append("Actors: " + ", ".join(clean(a) for a in event.actors))
    lines.append("Sources:")
    for span in event.evidence:
        lines.append(f"{span.source} {source_name(briefing.source(span.source))}: “{clean(span.text)}”")
    return "\n".join(lines)


def _vevent(event: Event, briefing: Briefing, template: Template, key: str, stamp: str) -> list[str]:
    first = dt.date.fromisoformat(event.date.start)
    last = dt.date.fromisoformat(event.date.end) if event.date.end else first
    flagged = bool(event_reasons(event, template))
    summary = (f"{template.marker} " if flagged else "") + clean(event.summary)
    return [
        "BEGIN:VEVENT",
        f"UID:{event.id}-{key}@briefgen",
        f"DTSTAMP:{stamp}",
        f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
        f"DTEND;VALUE=DATE:{last + dt.timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape_text(summary)}",
        f"DESCRIPTION:{escape_text(_description(event, briefing, template))}",
        f"CATEGORIES:{escape_text(event.type)}",
        "END:VEVENT",
    ]


def render_ics(briefing: Briefing, template: Template) -> str:
    """An iCalendar file of the events dated to the day."""
    daily = [e for e in briefing.events if e.date.granularity in DAY_GRANULARITIES and e.date.start]
    left_out = len(briefing.events) - len(daily)
    stamp = build_moment(briefing).strftime("%Y%m%dT%H%M%SZ")
    key = _briefing_key(briefing)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//briefgen//briefgen {__version__}//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        f"X-WR-CALNAME:{escape_text(clean(briefing.title))}",
    ]
    if left_out:
        lines.append("X-BRIEFGEN-LEFT-OUT:" + escape_text(
            f"{left_out} event{'s' if left_out != 1 else ''} not dated to a day (a week, month, year or "
            f"wider, or undated) {'are' if left_out != 1 else 'is'} not in this calendar"))
    for event in daily:
        lines += _vevent(event, briefing, template, key, stamp)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + CRLF for line in lines)
