"""Inferring when an article was published, for articles whose metadata does not say.

The publication date is the reference for every relative date ("on Wednesday", "last
year"), so a wrong guess shifts the whole timeline; hence only fully written dates count:

1. a dateline: a full date among the first words of the article ("NEW DELHI, Aug. 28, 2024 –");
2. otherwise a full date in the file's name ("nyt_2016-07-15_poll.txt", "20160715-poll.html"),
   as archives and people saving articles name them;
3. otherwise the latest full date in the text that is not about the future ("will meet on
   October 3, 2024" does not count), since news reports what has happened up to the day it
   is written. This one is a guess (the latest date written may be a date in history), so
   every relative date resolved against it is flagged for review; and a text that tells of
   a later year than that date gets no guess at all.

Anything else leaves the date unknown: relative dates then stay unresolved instead of
being resolved against a made-up day.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterator, NamedTuple, Optional, Sequence

from spacy.tokens import Doc

from briefgen.extract.temporal import Timex

FULL_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
YEAR_PREFIX = re.compile(r"^\d{4}(?:-|$)")  # a value that names its year: 2014, 2014-03, 2014-Q2
DATELINE_WINDOW = 120  # characters of prose in which a date counts as a dateline
FUTURE_MARKERS = {"will", "shall", "'ll", "to"}


class Inferred(NamedTuple):
    day: dt.date
    # True for rule 3: no dateline or file name gave the day, only the latest date the body
    # writes, which may be a date in history ("the storming of the Bastille on July 14, 1789").
    guessed: bool


def infer_published(
    doc: Doc, timexes: Sequence[Timex], prose_start: int = 0, file_date: Optional[dt.date] = None
) -> Optional[Inferred]:
    """The publication date the text gives, from timexes tagged without a reference date, or
    ``file_date`` (the date in the file's name) when the text has no dateline."""
    full_dates = [t for t in timexes if t.type == "DATE" and t.basis == "explicit" and FULL_DAY.match(t.value)]
    first_word = len(doc.text) - len(doc.text[prose_start:].lstrip())
    for timex in full_dates:
        if timex.start - first_word <= DATELINE_WINDOW:
            return Inferred(dt.date.fromisoformat(timex.value), guessed=False)
    if file_date is not None:
        return Inferred(file_date, guessed=False)
    past = [t for t in full_dates if not _about_the_future(doc, t)]
    if not past:
        return None
    latest = max(dt.date.fromisoformat(t.value) for t in past)
    if any(year > latest.year for year in _past_years(doc, timexes)):
        # "… since September 11, 2001 … in 2014 the agency …": a text that tells of a later
        # year was written after its latest full date, which is then history, not a dateline.
        # In the 924 PolNeAR articles (their file names give the true day) this turned down
        # 17 of 56 guesses, every one of them years off, and kept all 13 right ones.
        return None
    return Inferred(latest, guessed=True)


def _past_years(doc: Doc, timexes: Sequence[Timex]) -> Iterator[int]:
    """The years of the explicit dates (a year, a month of a year, …) the text does not place
    in the future."""
    for timex in timexes:
        if timex.type == "DATE" and timex.basis == "explicit" and YEAR_PREFIX.match(timex.value):
            if not _about_the_future(doc, timex):
                yield int(timex.value[:4])


def _about_the_future(doc: Doc, timex: Timex) -> bool:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    if span is None:
        return False
    verb = span.root.head
    while verb.pos_ not in {"VERB", "AUX"} and verb.head.i != verb.i:
        verb = verb.head
    return any(child.dep_ == "aux" and child.lower_ in FUTURE_MARKERS for child in verb.children)
