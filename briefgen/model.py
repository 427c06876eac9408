"""The Briefing: the one data model every stage shares and the JSON contract with users.

Readers produce :class:`Source` objects, extraction fills events, positions and actors,
assembly orders and selects them, and writers lay the result out. A briefing JSON that a
person edited by hand comes back through :func:`load_briefing`, which validates it and
names the offending field when something is wrong.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path
from dataclasses import dataclass
from typing import Literal, Optional

from pydantic import BaseModel, ConfigDict, Field, ValidationError, ValidationInfo, field_validator, model_validator

from briefgen.errors import BriefingFileError

SCHEMA_VERSION = 1

Granularity = Literal[
    "century", "decade", "year", "half", "season", "quarter", "month", "week", "day", "time", "unknown"
]
DateBasis = Literal["explicit", "relative", "inferred"]
PublishedBasis = Literal["metadata", "inferred", "unknown"]
EventType = Literal[
    "agreement", "meeting", "statement", "visit", "election", "military", "economic", "legal", "other"
]
ActorType = Literal["PERSON", "ORG", "GPE", "NORP"]
SpeakerKind = Literal["person", "group", "organisation", "country", "unknown"]

ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A code point in the surrogate range cannot be written as UTF-8. Python strings can hold
# one all the same: a JSON escape ("\\ud800"), a YAML escape in front matter, a broken PDF
# text layer, an undecodable command-line argument. One replacement character per code
# point keeps every offset into the text valid.
_SURROGATE = re.compile("[\ud800-\udfff]")
REPLACEMENT_CHARACTER = "\ufffd"


def replace_unpaired_surrogates(text: str) -> str:
    """``text`` with each surrogate code point replaced by U+FFFD, so that it can be encoded."""
    return _SURROGATE.sub(REPLACEMENT_CHARACTER, text)


def _encodable(value):
    # Strings and lists of strings only: a nested model's fields pass through its own
    # validator, so walking into it here would clean each level again.
    if isinstance(value, str):
        return replace_unpaired_surrogates(value) if _SURROGATE.search(value) else value
    if isinstance(value, list):
        return [replace_unpaired_surrogates(item) if isinstance(item, str) else item for item in value]
    return value


class _Model(BaseModel):
    # Unknown keys are refused so that a typo in a hand-edited file ("sumary") is reported
    # instead of silently dropped.
    model_config = ConfigDict(extra="forbid", validate_assignment=False)

    # Every string in a briefing must be writable by every writer, whichever way it arrived.
    # JSON text validated directly cannot bring one: pydantic refuses a lone surrogate
    # escape as invalid JSON, so that path (the cache's, thousands of extractions a run)
    # skips the walk.
    @model_validator(mode="before")
    @classmethod
    def _no_surrogates(cls, data, info: ValidationInfo):
        if info.mode == "json" or not isinstance(data, dict):
            return data
        return {key: _encodable(value) for key, value in data.items()}


# Validation context key for reading a model back with one source id renamed: a pair (old id,
# new id), applied to every citation in the same pass that validates it.
_CITATION_RENAME = "citation_rename"


def _cited(source_id: str, info: ValidationInfo) -> str:
    rename = (info.context or {}).get(_CITATION_RENAME)
    return rename[1] if rename is not None and source_id == rename[0] else source_id


def _check_iso_day(value: Optional[str]) -> Optional[str]:
    if value is None:
        return value
    if not ISO_DAY.match(value):
        raise ValueError(f"{value!r} is not a date of the form YYYY-MM-DD")
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        raise ValueError(f"{value!r} is not a calendar date") from None
    return value


class TextSpan(_Model):
    """A slice of one source's text: ``text == source_text[start:end]``."""

    source: str
    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    @field_validator("source")
    @classmethod
    def _renamed(cls, value: str, info: ValidationInfo) -> str:
        return _cited(value, info)

    @model_validator(mode="after")
    def _ordered(self) -> "TextSpan":
        if self.end < self.start:
            raise ValueError(f"end ({self.end}) is before start ({self.start})")
        return self


class Source(_Model):
    """One input document as briefgen read it."""

    id: str = Field(pattern=r"^S\d+$")
    path: str
    title: Optional[str] = None
    publisher: Optional[str] = None
    url: Optional[str] = None
    published: Optional[str] = None
    published_basis: PublishedBasis = "unknown"
    language: Optional[str] = None
    sha256: Optional[str] = None

    _published_is_day = field_validator("published")(_check_iso_day)


class EventDate(_Model):
    """When an event happened, with the granularity the text gave (TIMEX3 ``value``).

    ``start``/``end`` are the first and last calendar day the value covers; they are what
    sorting and filtering use, so a bare year never turns into a made-up day.
    """

    value: str
    granularity: Granularity
    start: Optional[str] = None
    end: Optional[str] = None
    text: str = ""
    basis: DateBasis = "explicit"
    mod: Optional[str] = None
    # Ids of the sources that give this date (or a date it refines), set for timeline events
    # when sources are assembled; a conflicting date names the sources that disagree.
    sources: list[str] = Field(default_factory=list)

    _days = field_validator("start", "end")(_check_iso_day)

    @field_validator("sources")
    @classmethod
    def _renamed(cls, value: list[str], info: ValidationInfo) -> list[str]:
        return [_cited(source_id, info) for source_id in value]

    @model_validator(mode="after")
    def _ordered(self) -> "EventDate":
        if self.start and self.end and self.end < self.start:
            raise ValueError(f"end {self.end} is before start {self.start}")
        return self


class Event(_Model):
    id: str = Field(pattern=r"^E\d+$")
    date: EventDate
    summary: str
    type: EventType = "other"
    actors: list[str] = Field(default_factory=list)
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[TextSpan] = Field(default_factory=list)
    # Other dates the same event was given by other sources; non-empty means a conflict
    # that a person must resolve, and the memo shows both.
    conflicting_dates: list[EventDate] = Field(default_factory=list)
    review: list[str] = Field(default_factory=list)


class Speaker(_Model):
    name: str
    role: Optional[str] = None
    affiliation: Optional[str] = None
    kind: SpeakerKind = "person"
    # For a group the text names as one ("the two ministers", a joint statement's
    # signatories), each member's name; ``name`` joins them ("A and B").
    members: list[str] = Field(default_factory=list)


class Position(_Model):
    id: str = Field(pattern=r"^P\d+$")
    speaker: Speaker
    speaker_mention: Optional[TextSpan] = None
    cue: Optional[TextSpan] = None
    kind: Literal["direct", "indirect"]
    text: str
    topics: list[str] = Field(default_factory=list)
    date: Optional[EventDate] = None
    confidence: float = Field(ge=0.0, le=1.0)
    evidence: list[TextSpan] = Field(default_factory=list)
    review: list[str] = Field(default_factory=list)


class Actor(_Model):
    id: str = Field(pattern=r"^A\d+$")
    name: str
    type: ActorType
    role: Optional[str] = None
    affiliation: Optional[str] = None
    aliases: list[str] = Field(default_factory=list)
    mentions: int = Field(default=0, ge=0)


class Extraction(_Model):
    """What extraction found in one source, before assembly merges sources together.

    This is the unit the extraction cache stores; ids inside it are local to the source and
    are renumbered when briefings are assembled.
    """

    source: Source
    events: list[Event] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def labelled(self, source: Source) -> "Extraction":
        """This extraction as found in ``source`` (see :meth:`read_labelled`)."""
        return Extraction.read_labelled(self.model_dump_json(), source)

    @classmethod
    def read_labelled(cls, payload: str | bytes, source: Source) -> "Extraction":
        """The unlabelled extraction in JSON ``payload`` as found in ``source``: its spans cite
        ``source.id``, its warnings name ``source.path``, and the source keeps the publication
        date extraction settled on. Raises ValidationError when ``payload`` is not one.

        Extraction runs on an unlabelled source (:data:`UNLABELLED_SOURCE_ID`, no path) because
        source ids are handed out per run and the same text may sit at any path; the cache
        stores that form as JSON, and every run labels fresh and cached extractions the same
        way, in the one pass that reads them.
        """
        found = cls.model_validate_json(payload, context={_CITATION_RENAME: (UNLABELLED_SOURCE_ID, source.id)})
        own = source.model_copy(update={"published": found.source.published, "published_basis": found.source.published_basis})
        return found.model_copy(update={"source": own, "warnings": [f"{warning} ({source.path})" for warning in found.warnings]})

    def with_source_id(self, source_id: str) -> "Extraction":
        """This extraction with its source known as ``source_id``: for assembling extractions
        made in separate runs (on separate machines), whose ids were handed out apart."""
        renamed = Extraction.model_validate_json(self.model_dump_json(), context={_CITATION_RENAME: (self.source.id, source_id)})
        return renamed.model_copy(update={"source": renamed.source.model_copy(update={"id": source_id})})


# The id an extraction carries before it is labelled with its run's source id; real ids start at S1.
UNLABELLED_SOURCE_ID = "S0"


class Briefing(_Model):
    schema_version: int = SCHEMA_VERSION
    title: str
    generated_at: str
    sources: list[Source] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)
    positions: list[Position] = Field(default_factory=list)
    actors: list[Actor] = Field(default_factory=list)
    summary: list[str] = Field(default_factory=list)
    # Things the memo must tell its reader about what it does not show ("12 events left out").
    notes: list[str] = Field(default_factory=list)

    @field_validator("schema_version")
    @classmethod
    def _known_version(cls, value: int) -> int:
        if value != SCHEMA_VERSION:
            raise ValueError(f"unsupported schema_version {value}; this briefgen reads version {SCHEMA_VERSION}")
        return value

    @model_validator(mode="after")
    def _references_resolve(self) -> "Briefing":
        source_ids: set[str] = set()
        for i, source in enumerate(self.sources):
            if source.id in source_ids:
                raise ValueError(f"sources[{i}].id: {source.id!r} is the id of an earlier source too")
            source_ids.add(source.id)
        for field, cited in self._source_references():
            if cited not in source_ids:
                raise ValueError(f"{field}: {cited!r} is not the id of any source in sources")
        return self

    def _source_references(self):
        """(field path, source id) for every place a briefing cites a source."""
        for kind, items in (("events", self.events), ("positions", self.positions)):
            for i, item in enumerate(items):
                for j, span in enumerate(item.evidence):
                    yield f"{kind}[{i}].evidence[{j}].source", span.source
                if isinstance(item, Position):
                    for name in ("speaker_mention", "cue"):
                        span = getattr(item, name)
                        if span is not None:
                            yield f"{kind}[{i}].{name}.source", span.source
        for i, event in enumerate(self.events):
            dates = [("date", event.date)] + [(f"conflicting_dates[{k}]", d) for k, d in enumerate(event.conflicting_dates)]
            for name, date in dates:
                for k, cited in enumerate(date.sources):
                    yield f"events[{i}].{name}.sources[{k}]", cited

    def source(self, source_id: str) -> Source:
        for s in self.sources:
            if s.id == source_id:
                return s
        raise KeyError(source_id)


@dataclass
class Document:
    """An input as read: its Source record and its decoded text.

    ``text`` is the content exactly as decoded (offsets in the briefing point into it).
    ``analysis_text`` has the same length, with parts that are not article prose (a front
    matter block) blanked to spaces, so that offsets found by analysing it are offsets into
    ``text`` too.
    """

    source: Source
    text: str
    analysis_text: str


def generated_timestamp(environ: Optional[dict] = None) -> str:
    """Now in UTC, or ``SOURCE_DATE_EPOCH`` when set, so that builds can be reproducible."""
    import os

    env = os.environ if environ is None else environ
    epoch = env.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        moment = dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc)
    else:
        moment = dt.datetime.now(tz=dt.timezone.utc).replace(microsecond=0)
    return moment.isoformat().replace("+00:00", "Z")


def briefing_to_json(briefing: Briefing) -> str:
    # pydantic's own serializer writes the same text as json.dumps(indent=2, ensure_ascii=False)
    # of the dumped model, several times faster on a briefing of a thousand articles.
    return briefing.model_dump_json(indent=2) + "\n"


def _field_path(location: tuple) -> str:
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path


def parse_briefing(data: object, origin: str = "briefing") -> Briefing:
    """Validate a decoded JSON value as a Briefing; errors name the first bad field."""
    if not isinstance(data, dict):
        raise BriefingFileError(f"the top level must be a JSON object, not {type(data).__name__}", origin)
    try:
        return Briefing.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        message = first["msg"].removeprefix("Value error, ")
        # A check across the whole briefing (a dangling source id) names its field itself.
        where = f"{_field_path(first['loc'])}: " if first["loc"] else ""
        raise BriefingFileError(where + message, origin) from None


def load_briefing(path: Path) -> Briefing:
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise BriefingFileError("file not found", str(path)) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise BriefingFileError(f"cannot read the file: {exc}", str(path)) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as exc:
        raise BriefingFileError(f"not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}", str(path)) from None
    return parse_briefing(data, str(path))


def json_schema() -> dict:
    """The JSON Schema of the briefing file, generated from the model so the two never drift."""
    schema = Briefing.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"https://briefgen.invalid/schema/briefing-v{SCHEMA_VERSION}.json"
    schema["title"] = "briefgen briefing"
    return schema
