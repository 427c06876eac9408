"""The memo as every writer lays it out: a Briefing read through a template and options.

Writers never decide content. This module makes the few presentation decisions all formats
share (how dates read, which items carry the check-before-use marker and why, how positions
group under their speaker, which sections appear in which order under which heading), so
the DOCX, PDF and Markdown memos always say the same thing.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from briefgen.assemble.digest import Digest
from briefgen.model import Briefing, Event, Position, Source
from briefgen.render.dates import day_label, event_date_label
from briefgen.render.flags import confidence_reasons, event_reasons
from briefgen.render.options import RenderOptions
from briefgen.render.text import clean, linkable_url, truncate
from briefgen.templates import Template


# A heading cannot run over a page, so the title and speaker names shown as headings are
# shortened with an ellipsis past this; the JSON keeps them whole.
MAX_HEADING_CHARS = 300


@dataclass(frozen=True)
class HeaderLine:
    label: str
    value: str


@dataclass(frozen=True)
class TimelineRow:
    number: int
    date: str
    text: str
    refs: tuple[str, ...]
    more_refs: str  # "+3 more": the ids the template's cap left out of ``refs``, or ""
    flagged: bool
    reasons: tuple[str, ...]
    # For the figure: the dates the event covers, None when undated.
    start: Optional[dt.date]
    end: Optional[dt.date]
    # In a digest of key days, a day's statements are consecutive rows with the day's number
    # and date; every row but the first of its day continues it.
    continues_day: bool = False


@dataclass(frozen=True)
class Statement:
    kind: str  # "direct" (a quotation) or "indirect" (reported speech)
    text: str
    refs: tuple[str, ...]
    more_refs: str
    date: Optional[str]
    flagged: bool
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class SpeakerGroup:
    name: str
    description: str  # "Envoy, South Korea": role and affiliation, as far as known
    statements: tuple[Statement, ...]
    omitted: int


@dataclass(frozen=True)
class ActorEntry:
    name: str
    detail: str


@dataclass(frozen=True)
class ActorGroup:
    label: str
    entries: tuple[ActorEntry, ...]


@dataclass(frozen=True)
class SourceEntry:
    id: str
    title: str
    details: str  # "Publisher, 28 Aug 2024"
    url: Optional[str]  # clickable: only web and mail links
    url_text: Optional[str]  # shown as text, clickable or not


@dataclass(frozen=True)
class Section:
    id: str
    label: str


@dataclass
class Memo:
    title: str
    subject: str
    classification: str
    author: str
    keywords: tuple[str, ...]
    created: dt.datetime
    paper: str
    sections: list[Section]
    header: list[HeaderLine]
    summary: list[str]
    notes: list[str]
    timeline: list[TimelineRow]
    legend: Optional[str]
    speakers: list[SpeakerGroup]
    actors: list[ActorGroup]
    sources: list[SourceEntry]
    template: Template
    reference_docx: Optional[Path] = None
    figure_undated: int = field(default=0)

    def has(self, section_id: str) -> bool:
        return any(s.id == section_id for s in self.sections)


def build_moment(briefing: Briefing, environ: Optional[dict] = None) -> dt.datetime:
    """The memo's timestamp: SOURCE_DATE_EPOCH when set, else when the briefing was generated.

    Never "now": the same briefing must give byte-identical files.
    """
    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    text = briefing.generated_at.strip().replace("Z", "+00:00")
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        return dt.datetime(2000, 1, 1, tzinfo=dt.timezone.utc)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.timezone.utc)
    return moment.astimezone(dt.timezone.utc)


def _refs(spans, template: Template) -> tuple[tuple[str, ...], str]:
    """The ids of the sources ``spans`` cite, in order, as many as the template shows, and
    the template's words for how many more there are ("" when none)."""
    return _capped_refs(tuple(dict.fromkeys(span.source for span in spans)), template)


def _capped_refs(cited: tuple[str, ...], template: Template) -> tuple[tuple[str, ...], str]:
    cap = template.caps.refs
    if not cap or len(cited) <= cap:
        return cited, ""
    return cited[:cap], _fill(template.labels.more_refs, count=len(cited) - cap)


def _timeline_row(number: int, event: Event, template: Template) -> TimelineRow:
    reasons = event_reasons(event, template)
    start = dt.date.fromisoformat(event.date.start) if event.date.start else None
    end = dt.date.fromisoformat(event.date.end) if event.date.end else start
    refs, more_refs = _refs(event.evidence, template)
    return TimelineRow(
        number=number,
        date=clean(event_date_label(event.date, template.date_order)),
        text=clean(event.summary),
        refs=refs,
        more_refs=more_refs,
        flagged=bool(reasons),
        reasons=tuple(reasons),
        start=start,
        end=end,
    )


def _digest_rows(digest: Digest, events: list[Event], template: Template) -> list[TimelineRow]:
    """A row per statement of each key day, the days numbered in timeline order."""
    event_of = {event.id: event for event in events}
    rows = []
    for number, key_day in enumerate(digest.days, start=1):
        label = day_label(key_day.day.isoformat(), template.date_order)
        for index, statement in enumerate(key_day.statements):
            reasons = event_reasons(event_of[statement.event_id], template) if statement.event_id in event_of else []
            refs, more_refs = _capped_refs(statement.sources, template)
            rows.append(TimelineRow(number=number, date=label, text=clean(statement.text), refs=refs,
                                    more_refs=more_refs, flagged=bool(reasons), reasons=tuple(reasons),
                                    start=key_day.day, end=key_day.day, continues_day=index > 0))
    return rows


def _statement(position: Position, template: Template) -> Statement:
    reasons = confidence_reasons(position.confidence, template.caps.low_confidence)
    reasons += [clean(r) for r in position.review if clean(r)]
    refs, more_refs = _refs(position.evidence or [s for s in (position.cue, position.speaker_mention) if s], template)
    return Statement(
        kind=position.kind,
        text=clean(position.text),
        refs=refs,
        more_refs=more_refs,
        date=clean(event_date_label(position.date, template.date_order)) if position.date else None,
        flagged=bool(reasons),
        reasons=tuple(reasons),
    )


def _speaker_groups(briefing: Briefing, template: Template) -> tuple[list[SpeakerGroup], Optional[str]]:
    """Positions grouped by speaker, speakers in order of first appearance, and a note on the
    speakers left out when the template caps how many the memo shows."""
    grouped: dict[str, list[Position]] = {}
    for position in briefing.positions:
        grouped.setdefault(clean(position.speaker.name), []).append(position)
    note = None
    if template.caps.speakers and len(grouped) > template.caps.speakers:
        # The speakers with most to say are the key ones; the memo keeps its reading order.
        ranked = sorted(grouped, key=lambda name: -len(grouped[name]))[: template.caps.speakers]
        kept = set(ranked)
        left_out = [name for name in grouped if name not in kept]
        statements = sum(len(grouped[name]) for name in left_out)
        note = _fill(template.labels.speakers_left_out, shown=len(kept), count=len(left_out), statements=statements)
        grouped = {name: positions for name, positions in grouped.items() if name in kept}
    cap = template.caps.positions_per_speaker
    groups = []
    for name, positions in grouped.items():
        role = next((clean(p.speaker.role) for p in positions if clean(p.speaker.role)), "")
        affiliation = next((clean(p.speaker.affiliation) for p in positions if clean(p.speaker.affiliation)), "")
        shown = positions[:cap] if cap else positions
        groups.append(SpeakerGroup(
            name=truncate(name, MAX_HEADING_CHARS) or "Unnamed speaker",
            description=", ".join(part for part in (role, affiliation) if part),
            statements=tuple(_statement(p, template) for p in shown),
            omitted=len(positions) - len(shown),
        ))
    return groups, note


def _fill(label: str, **values: int) -> str:
    """A template label with its {placeholders} filled; replaced, not formatted, because a
    label is data and may hold other braces."""
    for name, value in values.items():
        label = label.replace("{" + name + "}", str(value))
    return label


def _actor_groups(briefing: Briefing, template: Template) -> tuple[list[ActorGroup], Optional[str]]:
    """Who is who, by kind, and a note on the actors left out when the template caps the list."""
    labels = template.labels
    order = (("PERSON", labels.people), ("ORG", labels.organisations), ("GPE", labels.places), ("NORP", labels.groups))
    listed = briefing.actors
    note = None
    if template.caps.actors and len(listed) > template.caps.actors:
        # Python's sort is stable: of equally mentioned actors, the earlier one stays.
        kept = {id(a) for a in sorted(listed, key=lambda a: -a.mentions)[: template.caps.actors]}
        listed = [a for a in listed if id(a) in kept]
        note = _fill(template.labels.actors_left_out, shown=len(listed), total=len(briefing.actors))
    groups = []
    for actor_type, label in order:
        entries = []
        for actor in listed:
            if actor.type != actor_type:
                continue
            detail = ", ".join(part for part in (clean(actor.role), clean(actor.affiliation)) if part)
            entries.append(ActorEntry(clean(actor.name), detail))
        if entries:
            groups.append(ActorGroup(label, tuple(entries)))
    return groups, note


def source_name(source: Source) -> str:
    """A source's name beside its id in the exports: its publisher, else its title, else its file."""
    return clean(source.publisher) or clean(source.title) or clean(Path(source.path).name)


def _source_entries(briefing: Briefing, template: Template) -> list[SourceEntry]:
    entries = []
    for source in briefing.sources:
        title = clean(source.title) or clean(Path(source.path).name) or source.id
        details = [clean(source.publisher)] if clean(source.publisher) else []
        if source.published:
            published = day_label(source.published, template.date_order)
            if source.published_basis == "inferred":
                published += " (date inferred)"
            details.append(published)
        url_text = clean(source.url) or None
        entries.append(SourceEntry(source.id, title, ", ".join(details), linkable_url(source.url), url_text))
    return entries


def _keywords(briefing: Briefing) -> tuple[str, ...]:
    """Most-mentioned actors and the positions' topics, for the document properties."""
    actors = sorted(briefing.actors, key=lambda a: (-a.mentions, a.name))[:8]
    words: list[str] = [clean(a.name) for a in actors]
    for position in briefing.positions:
        for topic in position.topics:
            if clean(topic) and clean(topic) not in words:
                words.append(clean(topic))
    return tuple(w for w in words if w)[:16]


def build_memo(briefing: Briefing, template: Template, options: RenderOptions, digest: Optional[Digest] = None) -> Memo:
    """Everything the writers show, decided once for all formats; with a ``digest``, the
    timeline shows its key days instead of the briefing's events."""
    created = build_moment(briefing)
    title = truncate(clean(briefing.title), MAX_HEADING_CHARS) or "Briefing"
    subject = clean(options.subject) or title
    classification = clean(template.classification if options.classification is None else options.classification)
    values = {
        "to": clean(options.to if options.to is not None else template.header.to),
        "from": clean(options.from_ if options.from_ is not None else template.header.from_),
        "date": clean(options.memo_date) or day_label(created.date().isoformat(), template.date_order, long_month=True),
        "subject": subject,
    }
    labels = {"to": template.labels.to, "from": template.labels.from_, "date": template.labels.date,
              "subject": template.labels.subject}
    header = [HeaderLine(labels[name], values[name]) for name in template.header.fields if values[name]]

    if digest is not None:
        timeline = _digest_rows(digest, briefing.events, template)
    else:
        timeline = [_timeline_row(n, e, template) for n, e in enumerate(briefing.events, start=1)]
    speakers, speakers_note = _speaker_groups(briefing, template)
    flagged = any(r.flagged for r in timeline) or any(s.flagged for g in speakers for s in g.statements)
    legend = None
    if flagged:
        threshold = f"{template.caps.low_confidence:.0%}"
        legend = f"{template.marker} " + template.labels.legend.replace("{threshold}", threshold)

    summary = [clean(s) for s in briefing.summary if clean(s)][: template.caps.summary_bullets]
    actors, actors_note = _actor_groups(briefing, template)
    notes = [clean(n) for n in briefing.notes if clean(n)] + [n for n in (speakers_note, actors_note) if n]
    if not any(r.start for r in timeline):
        notes.append(clean(template.labels.no_dated_events))
    if not speakers:
        notes.append(clean(template.labels.no_statements))
    sources = _source_entries(briefing, template)
    # A section with nothing to show is left out everywhere, contents list included.
    has_content = {
        "header": True, "contents": True, "summary": bool(summary), "notes": bool(notes),
        "timeline": bool(timeline), "figure": any(r.start for r in timeline), "positions": bool(speakers),
        "actors": bool(actors), "sources": bool(sources),
    }
    sections = [Section(s, title if s == "header" else template.label(s))
                for s in template.sections if has_content[s]]
    return Memo(
        title=title,
        subject=subject,
        classification=classification,
        author=clean(options.author) or values["from"],
        keywords=_keywords(briefing),
        created=created,
        paper=(options.paper or template.page.paper).lower(),
        sections=sections,
        header=header,
        summary=summary,
        notes=notes,
        timeline=timeline,
        legend=legend,
        speakers=speakers,
        actors=actors,
        sources=sources,
        template=template,
        reference_docx=options.reference_docx or template.reference_docx,
        figure_undated=sum(1 for r in timeline if r.start is None),
    )
