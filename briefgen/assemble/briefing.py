"""Assembling per-source extractions into one Briefing: ids, actors, merged events, order, summary."""

from __future__ import annotations

from typing import Optional

from briefgen.assemble.actors import merge_actors
from briefgen.assemble.event_merge import merge_events
from briefgen.assemble.summary import summarize
from briefgen.assemble.timeline import order_events
from briefgen.model import Briefing, Event, Extraction, Position, Source, generated_timestamp

MAX_TITLE_ACTORS = 3


def assemble_briefing(extractions: list[Extraction], title: Optional[str] = None) -> Briefing:
    sources = [x.source for x in extractions]
    actors, rename = merge_actors([x.actors for x in extractions])
    per_source = [(x.source.id, [_rename_actors(e, index, rename) for e in x.events]) for index, x in enumerate(extractions)]
    events = order_events(merge_events(per_source, actors))
    positions = [_renamed_position(p, index, rename, number) for number, (index, p) in enumerate(
        ((index, p) for index, x in enumerate(extractions) for p in x.positions), start=1)]
    briefing = Briefing(
        title=title or _default_title(sources, actors),
        generated_at=generated_timestamp(),
        sources=sources,
        events=events,
        positions=positions,
        actors=actors,
        summary=summarize(sources, events, positions),
        notes=_notes(extractions),
    )
    return briefing


def _notes(extractions: list[Extraction]) -> list[str]:
    """Every extraction's warnings, a warning shared by several sources said once with the
    ids of the sources it concerns: a thousand articles without a dateline make one note,
    not a thousand lines of the memo."""
    concerned: dict[str, list[Source]] = {}
    for x in extractions:
        suffix = f" ({x.source.path})"
        for warning in x.warnings:
            concerned.setdefault(warning.removesuffix(suffix), []).append(x.source)
    notes = []
    for warning, sources in concerned.items():
        if len(sources) == 1:
            notes.append(f"{warning} ({sources[0].path})")
        else:
            notes.append(f"{warning} ({len(sources)} sources: {_id_ranges([s.id for s in sources])})")
    return notes


def _id_ranges(ids: list[str]) -> str:
    """"S1, S3–S5, S9" for S1, S3, S4, S5, S9: runs of consecutive source numbers as ranges."""
    numbers = sorted({int(i[1:]) for i in ids})
    runs: list[list[int]] = []
    for n in numbers:
        if runs and n == runs[-1][-1] + 1:
            runs[-1].append(n)
        else:
            runs.append([n])
    return ", ".join(f"S{run[0]}" if len(run) == 1 else f"S{run[0]}–S{run[-1]}" for run in runs)


def _renamed_position(position: Position, source_index: int, rename: dict, number: int) -> Position:
    """The position numbered P``number`` across the briefing, its speaker under the merged name."""
    update: dict = {"id": f"P{number}"}
    merged = rename.get((source_index, position.speaker.name))
    if merged is not None and merged.name != position.speaker.name:
        speaker = position.speaker
        update["speaker"] = speaker.model_copy(
            update={"name": merged.name, "role": speaker.role or merged.role, "affiliation": speaker.affiliation or merged.affiliation}
        )
    return position.model_copy(update=update)


def _rename_actors(event: Event, source_index: int, rename: dict) -> Event:
    """The event's actors under their merged names, so that "US" in one source and "United
    States" in another are one actor when events are compared and filtered."""
    names = [rename[(source_index, name)].name if (source_index, name) in rename else name for name in event.actors]
    return event.model_copy(update={"actors": list(dict.fromkeys(names))})


def _default_title(sources, actors) -> str:
    titled = [s.title for s in sources if s.title]
    if len(sources) == 1 and titled:
        return titled[0]
    leading = [a.name for a in sorted(actors, key=lambda a: -a.mentions) if a.type in {"GPE", "ORG"}][:MAX_TITLE_ACTORS]
    if leading:
        return "Briefing: " + ", ".join(leading)
    return "Briefing"
