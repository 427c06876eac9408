"""The temporal expression record that the tagger returns and TimeML reads and writes."""

from __future__ import annotations

from dataclasses import dataclass

TIMEX_TYPES = ("DATE", "TIME", "DURATION", "SET")


@dataclass(frozen=True)
class Timex:
    """One temporal expression in a document, with its normalized TIMEX3 value.

    ``start``/``end`` are character offsets into ``doc.text`` (end exclusive) and ``text`` is
    that slice. ``basis`` tells how the value was reached: ``explicit`` (the text wrote it out
    in full), ``relative`` (resolved against the document creation time or an earlier date
    in the text) or ``unresolved`` (it depends on a date nobody gave, so parts stay ``X``).
    ``end_value`` is set for ranges ("from 2001 to 2009"), and ``parts`` then holds the two
    ends as they are written, each with its own offsets, which is how TimeML marks a range;
    ``anchor`` is the index of the token whose clause the expression modifies, for event
    building.
    """

    start: int
    end: int
    text: str
    type: str
    value: str
    mod: str | None = None
    basis: str = "explicit"
    end_value: str | None = None
    anchor: int | None = None
    parts: tuple["Timex", ...] = ()
