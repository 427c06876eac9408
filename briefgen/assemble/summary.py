"""The bottom line up front: a few bullets a reader takes in before anything else.

Every bullet is drawn from what extraction found (counts, the span of the timeline, the
latest events, the most quoted speakers); nothing is generated that the sources do not say.
"""

from __future__ import annotations

from collections import Counter
from typing import Optional

from briefgen.assemble.digest import Digest
from briefgen.assemble.timeline import GRANULARITY_ORDER
from briefgen.model import Event, Position, Source
from briefgen.render.dates import day_label, event_date_label

MAX_BULLETS = 5
QUOTE_WORD_LIMIT = 30


def summarize(sources: list[Source], events: list[Event], positions: list[Position],
              digest: Optional[Digest] = None) -> list[str]:
    """The bullets: what the briefing covers, its two latest events (with a ``digest``, the
    first statements of its two latest key days), and the leading speakers' words."""
    bullets = [_scope(sources, events, positions)]
    if digest is not None and digest.days:
        for key_day in reversed(digest.days[-2:]):
            if key_day.statements:
                label = day_label(key_day.day.isoformat(), "dmy")
                bullets.append(f"{label}: {_shorten(key_day.statements[0].text)}")
    else:
        for event in _latest_events(events, count=2):
            bullets.append(f"{_date_label(event)}: {event.summary}")
    for position in _leading_positions(positions, count=MAX_BULLETS - len(bullets)):
        bullets.append(f"{_speaker_label(position)}: {_shorten(position.text)}")
    return bullets[:MAX_BULLETS]


def _scope(sources: list[Source], events: list[Event], positions: list[Position]) -> str:
    documents = f"{len(sources):,} source{'s' if len(sources) != 1 else ''}"
    if not events:
        timeline = "no dated events were found"
    else:
        years = sorted({e.date.start[:4] for e in events if e.date.start})
        span = years[0] if len(years) == 1 else f"{years[0]}–{years[-1]}"
        timeline = f"{len(events):,} dated event{'s' if len(events) != 1 else ''} ({span})"
    speakers = len({p.speaker.name for p in positions})
    said = f"{len(positions):,} statement{'s' if len(positions) != 1 else ''} by {speakers:,} speaker{'s' if speakers != 1 else ''}"
    return f"From {documents}: {timeline}; {said}."


def _latest_events(events: list[Event], count: int) -> list[Event]:
    """The events that happened last: by the day each starts on, the finer date first on the
    same day, so that "2010" (all of that year) does not pass "22 January 2010" for being
    known only to its year."""
    dated = [e for e in events if e.date.start]
    fineness = {granularity: rank for rank, granularity in enumerate(GRANULARITY_ORDER)}
    return sorted(dated, key=lambda e: (e.date.start, fineness[e.date.granularity], e.confidence), reverse=True)[:count]


def _leading_positions(positions: list[Position], count: int) -> list[Position]:
    """The strongest statement of each of the most-quoted speakers."""
    if count <= 0:
        return []
    frequency = Counter(p.speaker.name for p in positions if p.speaker.kind == "person")
    chosen: list[Position] = []
    for name, _ in frequency.most_common(count):
        theirs = [p for p in positions if p.speaker.name == name]
        chosen.append(max(theirs, key=lambda p: (p.kind == "direct", p.confidence, -p.evidence[0].start if p.evidence else 0)))
    return chosen


def _speaker_label(position: Position) -> str:
    details = ", ".join(x for x in (position.speaker.role, position.speaker.affiliation) if x)
    return f"{position.speaker.name} ({details})" if details else position.speaker.name


def _date_label(event: Event) -> str:
    # Day-month-year with the month in words reads the same in every country ("28 Aug 2024").
    return event_date_label(event.date, "dmy")


def _shorten(text: str) -> str:
    words = text.split()
    if len(words) <= QUOTE_WORD_LIMIT:
        return text
    return " ".join(words[:QUOTE_WORD_LIMIT]).rstrip(",;:") + " …"
