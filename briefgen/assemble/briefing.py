"""Assembling per-source extractions into one Briefing: ids, actors, merged events, order, summary."""

from __future__ import annotations

from typing import Optional

from briefgen.assemble.actors import merge_actors
from briefgen.assemble.event_merge import merge_events
from briefgen.assemble.summary import summarize
from briefgen.assemble.timeline import order_events
from briefgen.model import Briefing, Event, Extraction, Position, generated_timestamp

MAX_TITLE_ACTORS = 3


def assemble_briefing(extractions: list[Extraction], title: Optional[str] = None) -> Briefing:
    sources = [x.source for x in extractions]
    actors, rename = merge_actors([x.actors for x in extractions])
    per_source = [(x.source.id, [_rename_actors(e, index, rename) for e in x.events]) for index, x in enumerate(extractions)]
    events = order_events(merge_events(per_source, actors))
    positions = _renumber_positions(
        [_rename_speaker(p, index, rename) for index, x in enumerate(extractions) for p in x.positions]
    )
    briefing = Briefing(
        title=title or _default_title(sources, actors),
        generated_at=generated_timestamp(),
        sources=sources,
        events=events,
        positions=positions,
        actors=actors,
        summary=summarize(sources, events, positions),
        notes=[w for x in extractions for w in x.warnings],
    )
    return briefing


def _rename_speaker(position: Position, source_index: int, rename: dict) -> Position:
    merged = rename.get((source_index, position.speaker.name))
    if merged is None or merged.name == position.speaker.name:
        return position
    speaker = position.speaker.model_copy(
        update={"name": merged.name, "role": position.speaker.role or merged.role, "affiliation": position.speaker.affiliation or merged.affiliation}
    )
    return position.model_copy(update={"speaker": speaker})


def _rename_actors(event: Event, source_index: int, rename: dict) -> Event:
    """The event's actors under their merged names, so that "US" in one source and "United
    States" in another are one actor when events are compared and filtered."""
    names = [rename[(source_index, name)].name if (source_index, name) in rename else name for name in event.actors]
    return event.model_copy(update={"actors": list(dict.fromkeys(names))})


def _renumber_positions(positions: list[Position]) -> list[Position]:
    return [p.model_copy(update={"id": f"P{n}"}) for n, p in enumerate(positions, start=1)]


def _default_title(sources, actors) -> str:
    titled = [s.title for s in sources if s.title]
    if len(sources) == 1 and titled:
        return titled[0]
    leading = [a.name for a in sorted(actors, key=lambda a: -a.mentions) if a.type in {"GPE", "ORG"}][:MAX_TITLE_ACTORS]
    if leading:
        return "Briefing: " + ", ".join(leading)
    return "Briefing"
