"""Narrowing a briefing to the events a reader asked for: a date window, actors, event types.

* ``since`` / ``until`` take ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; ``since`` starts at the
  first day of what it names and ``until`` ends at the last ("--until 2023" keeps all of
  2023). An event is kept when the span its date covers overlaps that window, so "2023"
  stays in a window of March 2023 — the event may have happened then. An undated event
  cannot be shown to fall in a window and is left out of a windowed timeline.
* ``actors`` match an actor's name or any of its aliases, case-insensitively, through the
  briefing's actor list, so "US" finds events of "United States". An event is kept when
  one of its actors matches one of the names.
* ``types`` are event types from :data:`briefgen.model.EventType`.

Statements (positions) are kept unless they carry a date outside the window: most are
dated only by their article, and a statement is not an event of an actor or a type.

The filter is recorded in the briefing's ``notes`` with what it left out, so a filtered JSON
or memo says that it is filtered; the summary is rebuilt from what is kept.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional, get_args

from briefgen.assemble.summary import summarize
from briefgen.errors import FilterError
from briefgen.extract.actors.names import canonical_name
from briefgen.model import Actor, Briefing, EventDate, EventType

EVENT_TYPES: tuple[str, ...] = get_args(EventType)
_BOUND = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


def date_bound(text: str, option: str) -> tuple[dt.date, dt.date]:
    """The first and last day that ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` names."""
    match = _BOUND.match(text.strip())
    if not match:
        raise FilterError(f"{option} {text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(g) if g else None for g in match.groups())
    try:
        if day is not None:
            first = last = dt.date(year, month, day)
        elif month is not None:
            first = dt.date(year, month, 1)
            last = dt.date(year, month, calendar.monthrange(year, month)[1])
        else:
            first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    except ValueError:
        raise FilterError(f"{option} {text!r} is not a calendar date") from None
    return first, last


@dataclass(frozen=True)
class TimelineFilter:
    """Which events a briefing keeps; an empty filter keeps everything.

    Values are checked when the filter is made, so a mistyped date or type fails before any
    article is read.
    """

    since: Optional[str] = None
    until: Optional[str] = None
    actors: tuple[str, ...] = ()
    types: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        object.__setattr__(self, "actors", tuple(a.strip() for a in self.actors if a.strip()))
        object.__setattr__(self, "types", tuple(dict.fromkeys(t.strip().lower() for t in self.types if t.strip())))
        unknown = [t for t in self.types if t not in EVENT_TYPES]
        if unknown:
            raise FilterError(f"--type {unknown[0]!r} is not an event type; choose from {', '.join(EVENT_TYPES)}")
        window = self.window
        if window[0] and window[1] and window[0] > window[1]:
            raise FilterError(f"--since {self.since} is after --until {self.until}")

    @property
    def window(self) -> tuple[Optional[dt.date], Optional[dt.date]]:
        first = date_bound(self.since, "--since")[0] if self.since else None
        last = date_bound(self.until, "--until")[1] if self.until else None
        return first, last

    def __bool__(self) -> bool:
        return bool(self.since or self.until or self.actors or self.types)


def _overlaps(date: Optional[EventDate], window: tuple[Optional[dt.date], Optional[dt.date]]) -> bool:
    first, last = window
    if date is None or not date.start:
        return False
    start = dt.date.fromisoformat(date.start)
    end = dt.date.fromisoformat(date.end) if date.end else start
    return (first is None or end >= first) and (last is None or start <= last)


def _actor_names(wanted: str, actors: list[Actor]) -> set[str]:
    """Every name (case-folded) under which the actor ``wanted`` appears in the briefing."""
    forms = {wanted.casefold(), canonical_name(wanted).casefold(), canonical_name(wanted.upper()).casefold()}
    names = set(forms)
    for actor in actors:
        known = {n.casefold() for n in [actor.name, *actor.aliases]} | {canonical_name(actor.name).casefold()}
        if known & forms:
            names |= known
    return names


def apply_filter(briefing: Briefing, timeline_filter: TimelineFilter) -> Briefing:
    """The briefing with only the events (and dated statements) the filter keeps, noted."""
    if not timeline_filter:
        return briefing
    window = timeline_filter.window
    windowed = window != (None, None)
    actor_names = {name: _actor_names(name, briefing.actors) for name in timeline_filter.actors}

    def keep(event) -> bool:
        if windowed and not _overlaps(event.date, window):
            return False
        if timeline_filter.types and event.type not in timeline_filter.types:
            return False
        if actor_names:
            involved = {a.casefold() for a in event.actors}
            return any(involved & names for names in actor_names.values())
        return True

    events = [e for e in briefing.events if keep(e)]
    positions = [p for p in briefing.positions if not windowed or p.date is None or not p.date.start or _overlaps(p.date, window)]
    note = _note(timeline_filter, actor_names, briefing, len(events), len(briefing.positions) - len(positions))
    changed = len(events) != len(briefing.events) or len(positions) != len(briefing.positions)
    return briefing.model_copy(update={
        "events": events,
        "positions": positions,
        "summary": summarize(briefing.sources, events, positions) if changed else briefing.summary,
        "notes": briefing.notes + [note],
    })


def _note(timeline_filter: TimelineFilter, actor_names: dict[str, set[str]], briefing: Briefing,
          kept: int, statements_left_out: int) -> str:
    parts = []
    if timeline_filter.since and timeline_filter.until:
        parts.append(f"dated between {timeline_filter.since} and {timeline_filter.until}")
    elif timeline_filter.since:
        parts.append(f"dated {timeline_filter.since} or later")
    elif timeline_filter.until:
        parts.append(f"dated {timeline_filter.until} or earlier")
    if actor_names:
        known = {n.casefold() for a in briefing.actors for n in [a.name, *a.aliases]}
        described = [name if names & known else f"{name} (no actor of that name in the sources)"
                     for name, names in actor_names.items()]
        parts.append("involving " + " or ".join(described))
    if timeline_filter.types:
        parts.append("of type " + " or ".join(timeline_filter.types))
    total = len(briefing.events)
    note = f"Timeline filtered to events {', '.join(parts)}: {kept} of {total} event{'s' if total != 1 else ''} kept."
    if statements_left_out:
        note += f" {statements_left_out} statement{'s' if statements_left_out != 1 else ''} dated outside those dates left out."
    return note
