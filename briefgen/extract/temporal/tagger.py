"""Tagging a parsed document: candidates from the grammar, checked, read, normalized, joined.

The steps, in order:

1. the grammar proposes candidate spans (overlapping, generous);
2. each candidate takes in the hedges and position words before it ("early", "about",
   "the end of"), is checked against what the words around it say (a "May" that is a
   modal, a "2020" that counts troops), and is read and normalized; candidates that fail
   are dropped;
3. the longest surviving candidates win where they overlap;
4. the winners are normalized again in text order, so that anaphoric expressions ("a year
   earlier", "the same day") see the dates written before them, and a day takes in "the
   day before" or "the day after" written in front of it;
5. coordination completes what it leaves out ("April 24 and 25", "Monday and Tuesday
   nights"), and "from 2001 to 2009" and "2009-2010" become one range.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_right
from dataclasses import replace

import numpy
from spacy.attrs import SENT_START
from spacy.tokens import Doc, Span

from briefgen.extract.temporal import lexicon as lx
from briefgen.extract.temporal import values as v
from briefgen.extract.temporal.context import anchor_of, tense_of
from briefgen.extract.temporal.grammar import grammar_for
from briefgen.extract.temporal.normalize import Normalized, Situation, normalize
from briefgen.extract.temporal.reading import Reading, read_tokens
from briefgen.extract.temporal.timex import Timex

_EDGE_PUNCTUATION = frozenset({",", "-", "–", "—", "(", ")", ".", "'", "’", ";", ":"})
_POSITION_WORDS = frozenset({"early", "late", "mid", "earlier"})
_PERIOD_PHRASE_HEADS = frozenset({"end", "beginning", "start", "middle", "close", "turn", "dawn"})
# TimeML takes in some hedges and leaves others out ("about" mostly stays outside).
_APPROXIMATOR_WORDS = frozenset({"around", "approximately", "roughly", "nearly", "circa"})
# Words that hedge or bound a count: "some 2000 soldiers", "more than 1500 homes".
_COUNT_HEDGES = frozenset({"around", "about", "some", "nearly", "almost", "roughly", "approximately", "over", "than",
                           "least", "circa"})
# A code of letters and digits: "A350", "F-16" is split at its hyphen, "B737".
_CODE = re.compile(r"(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9]+")
_MULTIWORD_HEDGES = frozenset(lx.MULTIWORD_APPROXIMATORS)
# Words after which a bare month, season or year is read as a date.
_DATE_CUES = frozenset(
    {
        "in", "since", "until", "till", "by", "from", "to", "through", "before", "after", "during",
        "of", "early", "late", "mid", "last", "next", "this", "between", "and", "or", "on", "around",
        "about", "throughout", "over", "into", "fiscal", "circa", "-", "spring", "summer", "autumn",
        "winter", "fall", "end", "beginning", "start", "middle",
    }
)
_NAME_ENTITIES = frozenset({"WORK_OF_ART", "ORG", "PERSON", "FAC", "PRODUCT", "LAW", "NORP", "LOC", "GPE"})
_FIGURE_ENTITIES = frozenset({"MONEY", "PERCENT"})
_PERIOD_WORDS = frozenset({"period", "quarter", "quarters"})
_COMPARING_WORDS = frozenset({"than", "from", "with", "versus", "vs.", "over"})
_NON_DATE_ENTITIES = frozenset({"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "PRODUCT", "LAW", "FAC"})
# Words a number after which is an amount or an identifier, never a year: "$27", "No. 1990",
# "Section 1032", "Resolution 1701", "Form 1040".
_COUNT_CUES = frozenset(
    {
        "$", "£", "€", "¥", "#", "no", "no.", "number", "nos", "page", "p.", "pp.", "room", "flight",
        "route", "track", "section", "sections", "article", "articles", "chapter", "paragraph",
        "clause", "resolution", "resolutions", "rule", "regulation", "item", "exhibit", "annex",
        "form", "highway", "interstate",
    }
)
_CLOCK_CUES = frozenset({"at", "by", "until", "till", "before", "after", "around", "about", "from", "to", "since", "past"})
_FREQUENCY_CUES = frozenset({"times", "once", "twice", "thrice", "%", "percent", "cents"})
# Words after which a bare plural unit is a stretch of time: "for years", "the first time
# in years".
_DURATION_CUES = frozenset({"for", "over", "within", "in"})
# Words after a stretch of time that tie it to an event or a date: "the days before the vote".
_ANCHORING_WORDS = frozenset({"before", "after", "since", "until", "leading", "preceding", "following", "of", "ahead", "to"})
_MONTH_VALUE = re.compile(r"^\d{4}-\d{2}$")
_MONTH_JOINERS = frozenset({"and", "or", "through", "to", "-", "–", "and into", "into"})
_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_WEEKDAY_SET = re.compile(r"^XXXX-WXX-[1-7](T[A-Z]{2})?$")
_ANY_DAY = dt.date(2000, 1, 3)
_OPENING_QUOTES = frozenset({'"', "“", "``", "‘", "'", "''"})
_CLOSING_QUOTES = frozenset({'"', "”", "''", "’", "'"})
# Words a title in title case leaves in lower case, and how far a title may go on.
_TITLE_SMALL_WORDS = frozenset({"a", "an", "the", "and", "or", "of", "with", "for", "in", "on", "at", "to", "by"})
_LONGEST_TITLE_TAIL = 8
_RANGE_JOINERS = {"to": "from", "through": "from", "until": "from", "till": "from", "and": "between", "-": None, "–": None}


def tag_doc(doc: Doc, dct: dt.date | None, *, day_first: bool = False) -> list[Timex]:
    """All temporal expressions in ``doc``, sorted by start and non-overlapping.

    ``dct`` is the document creation time (an article's published date). Without it,
    expressions relative to it keep ``X`` where the date is unknown ("XXXX-WXX-3").
    ``day_first`` reads 05/08/2024 as 5 August rather than May 8.
    """
    grammar = grammar_for(doc.vocab)
    # Candidates are checked before the text's own dates are known: an anaphoric one ("that
    # quarter", "the same day") is checked as if a day had just been given.
    stand_in = _Discourse(doc, dct)
    stand_in.note(0, Normalized("DATE", v.day_value(dct or _ANY_DAY)))
    candidates = []
    seen = set()
    for _, start, end in grammar(doc):
        start, end = _trim(doc, start, end)
        if end <= start:
            continue
        core = doc[start:end]
        if not _is_possessive(doc, end):
            start = _extend_left(doc, start, end)
        start = _without_borrowed_determiner(doc, start, end)
        if (start, end) in seen:
            continue
        seen.add((start, end))
        span = doc[start:end]
        reading = read_tokens(list(span))
        if reading is None or not _plausible(span, reading):
            continue
        if _is_rate(span, reading):
            # "$2 million a year", "four flights a week": an amount per unit of time, which
            # TimeML writes as a SET (every year), not as a year-long duration.
            reading = replace(reading, every=True)
        if normalize(reading, _situation(span, core, dct, day_first, stand_in, 0)) is None:
            continue
        candidates.append((span, reading, core))

    chosen = _longest_first(candidates)
    discourse = _Discourse(doc, dct)
    timexes = []
    for span, reading, core in chosen:
        sentence = discourse.sentence_of(span)
        situation = _situation(span, core, dct, day_first, discourse, sentence)
        result = normalize(reading, situation)
        if result is None:
            continue
        previous_end = timexes[-1].end if timexes else 0
        span, result = _day_next_to(span, result, previous_end)
        timexes.append(_timex(span, result))
        discourse.note(sentence, result)
    return _join_ranges(doc, _months_in_order(doc, _coordinated(doc, timexes)))


class _Discourse:
    """The dates the text has given so far, which anaphoric expressions count from."""

    def __init__(self, doc: Doc, dct: dt.date | None):
        self.dct = dct
        if doc.has_annotation("SENT_START"):
            starts = numpy.flatnonzero(doc.to_array([SENT_START]).reshape(-1) == 1).tolist()
            self.sentence_starts = starts if starts and starts[0] == 0 else [0] + starts
        else:
            self.sentence_starts = [0]
        self.last: str | None = None
        self.publication_year_told = False
        self.last_in_sentence: dict[int, str] = {}
        self.period_in_sentence: dict[int, str] = {}
        self.sentences_with_timex: set[int] = set()
        self.report_quarter: str | None = None
        # Sentences that give an amount or a rate, as a report's comparisons do
        self.sentences_with_figures = {self.sentence_of(ent) for ent in doc.ents if ent.label_ in _FIGURE_ENTITIES}

    def sentence_of(self, span: Span) -> int:
        return bisect_right(self.sentence_starts, span.start) - 1

    def note(self, sentence: int, result: Normalized) -> None:
        self.sentences_with_timex.add(sentence)
        if result.type != "DATE" or result.comparison or not result.value[:4].isdigit():
            return
        self.last = result.value
        self.last_in_sentence[sentence] = result.value
        if self.dct is not None and result.value[:4] == f"{self.dct.year:04d}":
            self.publication_year_told = True
        if not self._reported(result.value):
            return
        if "-Q" in result.value or _MONTH_VALUE.match(result.value):
            self.period_in_sentence[sentence] = result.value
        if "-Q" in result.value and self.report_quarter is None:
            # A report names its own quarter first; later ones are mostly compared with it.
            self.report_quarter = result.value

    def _reported(self, value: str) -> bool:
        """Whether a period may be one a report is about: not one that starts after the
        DCT, such as the forecast "the third quarter of 1990"."""
        first = v.value_span(value)[1]
        return self.dct is None or first is None or first <= self.dct

    def recent(self, sentence: int) -> str | None:
        """The last date given in this sentence or the one before."""
        return self.last_in_sentence.get(sentence) or self.last_in_sentence.get(sentence - 1)

    def context_period(self, sentence: int, compares: bool) -> str | None:
        """The quarter or month this sentence talks about: one it names, or else, when it
        names no other time first, the month the sentence before named or, where the
        expression compares or the sentence gives figures, the quarter the text reported on
        first (a report about a quarter keeps comparing with it)."""
        if sentence in self.period_in_sentence:
            return self.period_in_sentence[sentence]
        if sentence in self.sentences_with_timex:
            return None
        if sentence - 1 in self.period_in_sentence:
            return self.period_in_sentence[sentence - 1]
        # Far from where it was named, the report's quarter is what a sentence compares with
        # only when it names a period, compares or gives figures: "in the 1989 period", "lower
        # than a year ago", "net was $2.1 million a year earlier", not "she imagined a year ago".
        if compares or sentence in self.sentences_with_figures:
            return self.report_quarter
        return None


def _situation(span: Span, core: Span, dct, day_first, discourse: _Discourse, sentence: int) -> Situation:
    """What ``span`` is resolved against. The tense is read from the core the grammar
    found, before hedges such as "around" were taken in."""
    doc = span.doc
    return Situation(
        dct=dct,
        tense=tense_of(core),
        day_first=day_first,
        reference=discourse.last,
        sentence_reference=discourse.last_in_sentence.get(sentence),
        recent_reference=discourse.recent(sentence),
        context_period=discourse.context_period(sentence, _compares(span)),
        left=tuple(t.lower_ for t in doc[max(0, span.start - 3):span.start]),
        right=tuple(t.lower_ for t in doc[span.end:span.end + 2]),
        own_line=_own_line(span),
        publication_year_told=discourse.publication_year_told,
    )


def _compares(span: Span) -> bool:
    """Whether the expression names a report's period or what a figure is compared with."""
    if any(t.lower_ in _PERIOD_WORDS for t in span):
        return True
    return span.start > 0 and span.doc[span.start - 1].lower_ in _COMPARING_WORDS


def _day_next_to(span: Span, result: Normalized, previous_end: int) -> tuple[Span, Normalized]:
    """Take in "the day before" or "the day after" written in front of a day: "the day
    before last Tuesday" is one expression, the Monday; "the day after Christmas" Dec. 26."""
    doc = span.doc
    start = span.start
    if result.type != "DATE" or not _DAY_VALUE.match(result.value) or start < 3:
        return span, result
    relation = doc[start - 1].lower_
    if relation not in ("before", "after") or (doc[start - 3].lower_, doc[start - 2].lower_) != ("the", "day"):
        return span, result
    if doc[start - 3].idx < previous_end:
        return span, result
    day = dt.date.fromisoformat(result.value) + dt.timedelta(days=-1 if relation == "before" else 1)
    return doc[start - 3:span.end], replace(result, value=v.day_value(day), basis="relative")


def _own_line(span: Span) -> bool:
    """Nothing but a line break before the expression, and nothing but punctuation after it
    up to the next one. Read from the tokens: the document's text is rebuilt on each access."""
    doc = span.doc

    def breaks_line(token) -> bool:
        return token.is_space and "\n" in token.text

    if span.start > 0 and not breaks_line(doc[span.start - 1]):
        return False
    i = span.end
    while i < len(doc) and doc[i].is_punct and doc[i].text in ".,:;-–—":
        i += 1
    return i == len(doc) or breaks_line(doc[i])


def _timex(span: Span, result: Normalized) -> Timex:
    return Timex(
        start=span.start_char,
        end=span.end_char,
        text=span.text,
        type=result.type,
        value=result.value,
        mod=result.mod,
        basis=result.basis,
        end_value=result.end_value,
        anchor=anchor_of(span),
    )


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    while start < end and (doc[start].lower_ in _EDGE_PUNCTUATION or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].lower_ in _EDGE_PUNCTUATION or doc[end - 1].is_space):
        # keep the period of an abbreviation ("Sept.") and "a.m."
        end -= 1
    return start, end


def _extend_left(doc: Doc, start: int, end: int) -> int:
    """Take in the hedges and position words in front of a candidate ("early 2020", "about
    two years ago", "the end of the quarter"), which TimeML counts as part of it."""
    i = start
    while i > 0:
        word = doc[i - 1].lower_
        before = doc[i - 2].lower_ if i >= 2 else None
        if word in _POSITION_WORDS and doc[i - 1].pos_ in ("ADJ", "ADV", "NOUN", "PROPN"):
            i -= 1
            if i > 0 and doc[i - 1].lower_ == "the":
                i -= 1
                break
        elif word == "-" and before == "mid":
            i -= 2
        elif word == "of" and before in _PERIOD_PHRASE_HEADS:
            i -= 2
            if i > 0 and doc[i - 1].lower_ == "the":
                i -= 1
        elif word in _APPROXIMATOR_WORDS:
            i -= 1
        elif word == "some" and doc[start].like_num:
            i -= 1
        elif i >= 3 and (doc[i - 3].lower_, before, word) in _MULTIWORD_HEDGES:
            i -= 3  # "no more than", "as many as"
        elif (before, word) in _MULTIWORD_HEDGES:
            i -= 2
        else:
            break
    return i


def _is_possessive(doc: Doc, end: int) -> bool:
    """Whether the expression owns the next noun ("Wednesday's ruling"); words before it
    then belong to that noun phrase, not to the expression."""
    return end < len(doc) and doc[end].lower_ in ("'s", "’s", "'")


def _without_borrowed_determiner(doc: Doc, start: int, end: int) -> int:
    """Leave out the article of the noun an expression modifies: in "a two-year contract"
    or "the third-quarter loss", "a"/"the" belong to the noun, not to the expression."""
    if end - start < 2 or doc[start].lower_ not in ("the", "a", "an"):
        return start
    root = doc[start + 1:end].root
    if root.head.i >= end and root.dep_ in ("amod", "compound", "nmod", "nummod"):
        return start + 1
    return start


def _plausible(span: Span, reading: Reading) -> bool:
    """Whether the words around a candidate allow reading it as a temporal expression."""
    doc = span.doc
    first = span[0]
    previous = doc[span.start - 1] if span.start > 0 else None
    previous_word = previous.lower_ if previous is not None else ""
    following = doc[span.end] if span.end < len(doc) else None
    following_word = following.lower_ if following is not None else ""

    # Part of a name: "60 Minutes", "This Week with ..." (a programme), "the May Fourth Movement".
    # A holiday the recognizer took for a name by itself ("Easter Sunday" as a place) stays.
    if any(t.ent_type_ in _NAME_ENTITIES for t in span):
        if reading.holiday is None or _name_goes_beyond(span):
            return False
    # A holiday's or a century's word before a name word starts a name: "Christmas Island",
    # "Easter Seals", "21st Century Fox".
    named_period = reading.holiday is not None or (reading.century is not None and span[-1].is_title)
    if named_period and following is not None and following.is_title and following.pos_ == "PROPN":
        if not _names_a_time(following.lower_) and following.lower_ not in lx.WEEKDAYS and following.lower_ not in lx.MONTHS:
            return False
    # A part of a longer period the tagger does not normalize: "the second half of the 20th
    # century", "the first half of the 1990s" is no half of the article's year.
    if (reading.half is not None or reading.quarter is not None) and reading.year is None and following_word == "of":
        after = doc[span.end + 1: span.end + 5]
        if any(t.lower_ in ("century", "centuries", "decade", "millennium") or re.fullmatch(r"\d{4}'?s", t.text) for t in after):
            return False
    # A fraction: "three-quarters of the vote", "a quarter of the seats".
    if reading.unit in ("quarter",) and reading.year is None and following_word == "of" and not _year_follows(doc, span.end + 1):
        return False
    # An ordinal in front of a noun: "the 25th anniversary".
    if reading.day is not None and _only(reading, "day", "determiner") and following is not None and following.pos_ in ("NOUN", "ADJ", "PROPN"):
        return False
    # A count, a price or a model number: "$27", "No. 1990", "50%". The cue must stand
    # right before the number: in "for no more than sixty days" "no" is part of a hedge.
    if (previous_word in _COUNT_CUES and first.like_num) or following_word in ("%", "percent"):
        if reading.year is not None or reading.quantity is not None:
            return False
    # A number glued by a hyphen to a code of letters and digits is part of that code: "A350-1000".
    if previous is not None and previous.lower_ in ("-", "/") and not previous.whitespace_ and span.start >= 2:
        code = doc[span.start - 2]
        if not code.whitespace_ and _CODE.fullmatch(code.text):
            return False
    # Digits glued to other digits or letters by hyphens are codes and phone numbers.
    if previous is not None and previous.lower_ in ("-", "/", "+", ".") and span.start >= 2 and doc[span.start - 2].like_num and not previous.whitespace_:
        # ... unless the expression starts with a month: "March 30-April 4" is a range
        if not (reading.year is not None and len(doc[span.start - 2].text) == 4) and first.lower_ not in lx.MONTHS:
            return False
    if following is not None and following_word in ("-", "/", "+") and not span[-1].whitespace_ and span.end + 1 < len(doc) and doc[span.end + 1].like_num:
        if not (reading.year is not None and (len(doc[span.end + 1].text) in (2, 4))):
            return False

    only_year = reading.year is not None and _only(reading, "year", "mod", "determiner", "fiscal")
    if only_year:
        token = next((t for t in span if t.shape_ == "dddd" or t.lower_.startswith("mid-")), span[-1])
        if token.ent_type_ in _NON_DATE_ENTITIES and previous_word not in _DATE_CUES and reading.mod is None and not reading.fiscal:
            return False
        if following is not None and following.tag_ in ("NNS",) and following.lower_ not in lx.UNITS and previous_word not in _DATE_CUES:
            return False
        if not 1000 <= reading.year <= 2199:
            return False
        # A hedged number before the noun it counts: "around 1200 gas stations", "some 2000
        # soldiers"; "around 1990, he moved" is a year.
        hedged = previous_word in _COUNT_HEDGES or reading.mod == "APPROX"
        if hedged and token.dep_ == "nummod" and token.head.i > token.i and token.head.pos_ == "NOUN":
            if token.head.lower_ not in lx.UNITS:
                return False
        # Four digits that read as a 24-hour clock, before a time zone or its reading in
        # another zone: "at 1653 (2153 GMT)", "2153 GMT".
        if len(span) == 1 and _is_clock_reading(token.text) and _zone_follows(doc, span.end):
            return False
        # A year right after a name word ends that name: "Orion 1980", "Expo 2000".
        if len(span) == 1 and previous is not None and previous.pos_ == "PROPN" and previous.is_title and not previous.is_sent_start:
            if not _names_a_time(previous.lower_):
                return False
    # A plural number before "of" counts: "1000s of miles"; "the 1990s of Reagan" is a decade.
    if reading.decade is not None and len(span) == 1 and following_word == "of":
        return False
    if reading.month is not None and _only(reading, "month", "mod", "determiner", "direction", "direction_word"):
        token = next(t for t in span if t.lower_ in lx.MONTHS)
        if token.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "GPE") or token.tag_ in ("MD", "VB", "VBP", "VBZ", "VBD"):
            return False
        if token.lower_ in lx.AMBIGUOUS_MONTHS and reading.direction is None and reading.mod is None:
            if previous_word not in _DATE_CUES or token.tag_ not in ("NNP", "NN"):
                return False
    if reading.season is not None and _only(reading, "season", "determiner", "mod"):
        token = next(t for t in span if t.lower_ in lx.SEASONS)
        if token.pos_ not in ("NOUN", "PROPN"):
            return False
        if previous_word not in _DATE_CUES or following_word == "of":
            return False
    if reading.weekday is not None and not reading.plural_weekday:
        token = next(t for t in span if t.lower_ in lx.WEEKDAYS)
        if token.ent_type_ in ("PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "FAC", "EVENT"):
            return False
    # A bare number before "in the morning" is an hour only where an hour is expected: "at 4
    # in the morning", not "lost 3 in the afternoon session".
    if reading.clock is not None and first.shape_ in ("d", "dd") and len(span) > 1 and span[1].lower_ in ("in", "at"):
        if previous_word not in _CLOCK_CUES:
            return False
    # A part of the day in front of a noun says what kind of thing that is: "the evening
    # session", "the morning briefing"; "overnight losses" happened overnight.
    if reading.part_of_day is not None and _only(reading, "part_of_day", "determiner") and span[-1].lower_ != "overnight":
        if following is not None and following.pos_ in ("NOUN", "PROPN") and not _names_a_time(following.lower_):
            return False
    # A position in a recording: "around the 2:05 mark".
    if reading.clock is not None and following_word == "mark":
        return False
    # Without "the", "following" before a time is the preposition "after": in "Following
    # Monday's debate" the Monday is the one the debate was on.
    if first.lower_ == "following" and previous_word != "the" and len(span) > 1:
        return False
    # "to this day" means "still"; it names no day.
    if span.text.lower() == "this day" and previous_word == "to":
        return False
    # A word glued to the expression by a hyphen makes a modifier: "Christmas-themed",
    # "Monday-morning"; "January-March" is a range and stays.
    if following_word in ("-", "–") and not span[-1].whitespace_ and span.end + 1 < len(doc):
        glued = doc[span.end + 1]
        if glued.is_alpha and glued.lower_ not in lx.MONTHS and glued.lower_ not in lx.WEEKDAYS and glued.lower_ not in lx.SEASONS:
            return False
    # A capitalised "Today" after a capitalised word inside a sentence ends a name: "USA
    # Today", "Africa Today".
    if reading.deictic is not None and len(span) == 1 and first.is_title and not first.is_sent_start:
        if previous is not None and previous.is_alpha and (previous.is_title or previous.is_upper):
            return False
    # In capitals after a word in capitals, in a line that is not all capitals, it is a name
    # too: "Greg Toppo, USA TODAY"; a headline "TALKS RESUME TODAY" names a day.
    if reading.deictic is not None and len(span) == 1 and first.is_upper and len(first) > 1:
        if previous is not None and previous.is_alpha and previous.is_upper:
            if any(character.islower() for character in _line_of_sentence(first)):
                return False
    if reading.unit is not None and reading.unit in ("second", "minute") and not reading.unit_plural:
        token = next(t for t in span if t.lower_ in lx.UNITS)
        if token.tag_ in ("JJ", "RB") or token.ent_type_ == "ORDINAL":
            return False
    # A capitalised unit inside a sentence is part of a title: "60 Minutes", "Twelve Years".
    if reading.unit is not None and not reading.calendar:
        unit_token = next((t for t in span if t.lower_ in lx.UNITS), None)
        if unit_token is not None and unit_token.is_title and not unit_token.is_sent_start and not doc[unit_token.i - 1].is_title:
            return False
    # Title-case words owned by a name are that name's programme: "telling ABC's This Week".
    if (
        len(span) > 1
        and (reading.unit is not None or reading.reference)
        and all(t.is_title or not t.is_alpha for t in span)
        and previous_word in ("'s", "’s")
        and span.start >= 2
        and doc[span.start - 2].pos_ == "PROPN"
    ):
        return False
    # Title-case common words just inside quotation marks, with no sentence going on after
    # them, are a title: ABC's "This Week," or "This Week With David Brinkley".
    if (
        previous_word in _OPENING_QUOTES
        and len(span) > 1
        and (reading.unit is not None or reading.reference)
        and all(t.is_title or not t.is_alpha for t in span)
        and (following is None or following.is_punct or following.is_title)
    ):
        return False
    # Any expression that begins a quoted title going on to its closing mark: "Midday with
    # Charlie Sykes".
    if previous_word in _OPENING_QUOTES and first.is_title and following is not None and following.lower_ in _TITLE_SMALL_WORDS:
        if _title_goes_on(doc, span.end):
            return False
    if reading.unit is not None and following is not None and following_word in ("old", "-old"):
        return False
    if reading.unit is not None and following_word == "-" and span.end + 1 < len(doc) and doc[span.end + 1].lower_ == "old":
        return False
    if reading.unit_plural and reading.quantity is None and not reading.vague_quantity and reading.direction is None:
        # "for years"; "over the years" too, but not "in the weeks before the vote", which
        # counts back from an event.
        stretch_with_article = (
            previous_word == "the"
            and span.start >= 2
            and doc[span.start - 2].lower_ in _DURATION_CUES
            and following_word not in _ANCHORING_WORDS
        )
        if previous_word not in _DURATION_CUES and not stretch_with_article:
            return False
    if (
        reading.determiner in ("a", "an")
        and reading.quantity == 1
        and not reading.every
        and len(span) == 2
        and previous_word in _FREQUENCY_CUES | {"$"}
    ):
        return False
    # "the future of the alliance" is a topic, not a time
    if reading.reference and following_word == "of":
        return False
    # "the last night of the festival", "the last day of the talks": the final one of
    # something, not the one before now
    if reading.direction_word == "last" and following_word == "of" and "the" in (previous_word, first.lower_):
        return False
    if reading.reference and len(span) == 1:
        word = first.lower_
        if word in ("current", "recent", "future", "present") and first.pos_ != "ADJ":
            return False
        if word == "current" and following_word in lx.ACCOUNTING_NOUNS:
            return False
        if word == "soon" and following_word in ("as", "after"):
            return False
    return True


def _is_clock_reading(text: str) -> bool:
    return len(text) == 4 and text.isdigit() and int(text[:2]) < 24 and int(text[2:]) < 60


def _zone_follows(doc: Doc, index: int) -> bool:
    """Whether a time zone follows, right away or as another reading in brackets: "GMT",
    "local time", "(2153 GMT)"."""
    words = [t.lower_ for t in doc[index: index + 4]]
    if words[:1] == ["("]:
        words = words[2:] if len(words) > 2 and _is_clock_reading(doc[index + 1].text) else []
    return bool(words) and (words[0] in lx.TIME_ZONES or words[:2] == ["local", "time"])


def _name_goes_beyond(span: Span) -> bool:
    """Whether a named entity on the span reaches past either of its ends."""
    return any(
        entity.start < span.start or entity.end > span.end
        for entity in span.doc.ents
        if entity.label_ in _NAME_ENTITIES and entity.start < span.end and entity.end > span.start
    )


def _line_of_sentence(token) -> str:
    """The text of the token's sentence on the token's own line (a headline has no full stop
    to end it, so the parser may run it into the next line)."""
    text = token.doc.text
    line_start = text.rfind("\n", 0, token.idx) + 1
    line_end = text.find("\n", token.idx)
    line_end = len(text) if line_end == -1 else line_end
    sentence = token.sent
    return text[max(line_start, sentence.start_char):min(line_end, sentence.end_char)]


def _title_goes_on(doc: Doc, start: int) -> bool:
    """Whether the words from ``start`` to a closing quotation mark go on a title in title
    case, with its small words in lower case: "This Week with George Stephanopoulos"."""
    words = []
    for token in doc[start:start + _LONGEST_TITLE_TAIL]:
        if token.lower_ in _CLOSING_QUOTES or (token.is_punct and token.lower_ not in ("'", "’", "-", "&")):
            break
        words.append(token)
    else:
        return False
    end = start + len(words)
    closes = end < len(doc) and (
        doc[end].lower_ in _CLOSING_QUOTES
        or (doc[end].is_punct and end + 1 < len(doc) and doc[end + 1].lower_ in _CLOSING_QUOTES)
    )
    if not closes:
        return False
    return any(t.is_title for t in words) and all(
        t.is_title or t.lower_ in _TITLE_SMALL_WORDS or not t.is_alpha for t in words
    )


def _names_a_time(word: str) -> bool:
    """Whether a capitalised word is itself a time word that a year may follow ("March
    2020", "Christmas 2019", "Summer 2021")."""
    return word in lx.MONTHS or word in lx.WEEKDAYS or word in lx.SEASONS or word in lx.HOLIDAY_WORDS


def _is_rate(span: Span, reading: Reading) -> bool:
    """Whether "a year" or "a week" divides the amount written just before it: "$2 million
    a year", "700 seats a week", "24 hours a day"."""
    if len(span) != 2 or span[0].lower_ not in ("a", "an") or reading.quantity != 1 or reading.unit is None:
        return False
    doc = span.doc
    if span.start == 0:
        return False
    previous = doc[span.start - 1]
    if previous.like_num:
        return True
    # a counted noun: "seats" in "700 seats a week"
    return previous.tag_ in ("NNS", "NNPS") and span.start >= 2 and doc[span.start - 2].like_num


def _year_follows(doc: Doc, index: int) -> bool:
    return index < len(doc) and doc[index].shape_ == "dddd"


def _only(reading: Reading, *fields: str) -> bool:
    """Whether the reading sets nothing besides the given fields."""
    defaults = Reading()
    for name in Reading.__dataclass_fields__:
        if name in fields:
            continue
        if getattr(reading, name) != getattr(defaults, name):
            return False
    return True


def _longest_first(candidates: list[tuple[Span, Reading, Span]]) -> list[tuple[Span, Reading, Span]]:
    ordered = sorted(candidates, key=lambda c: (-(c[0].end - c[0].start), c[0].start))
    taken = [False] * (max((c[0].end for c in candidates), default=0) + 1)
    chosen = []
    for candidate in ordered:
        span = candidate[0]
        if any(taken[span.start:span.end]):
            continue
        for i in range(span.start, span.end):
            taken[i] = True
        chosen.append(candidate)
    chosen.sort(key=lambda c: c[0].start)
    return chosen


def _coordinated(doc: Doc, timexes: list[Timex]) -> list[Timex]:
    """Complete what coordination leaves out: in "on Monday and Tuesday nights" both days
    are sets of nights though only the second says so, and in "on April 24 and 25" the 25
    is a day of April though only the first names the month."""
    completed: list[Timex] = []
    for index, timex in enumerate(timexes):
        following = timexes[index + 1] if index + 1 < len(timexes) else None
        span = doc.char_span(timex.start, timex.end)
        if span is None or span.end + 1 >= len(doc) or doc[span.end].lower_ not in ("and", "or"):
            completed.append(timex)
            continue
        partner = doc[span.end + 1]
        weekday = lx.WEEKDAYS.get(span.text.lower()) if len(span) == 1 else None
        if (
            weekday is not None
            and following is not None
            and following.start == partner.idx
            and following.type == "SET"
            and _WEEKDAY_SET.match(following.value)
        ):
            # "Monday and Tuesday nights": the part of the day of the second is the first's too
            completed.append(replace(timex, type="SET", value=f"XXXX-WXX-{weekday}{following.value[10:]}", basis="explicit"))
            continue
        completed.append(timex)
        if timex.type == "DATE" and _DAY_VALUE.match(timex.value) and timex.end_value is None and _bare_day_after(doc, partner, following):
            day = v.safe_date(int(timex.value[:4]), int(timex.value[5:7]), int(partner.text))
            if day is not None and day.isoformat() > timex.value:
                completed.append(
                    Timex(
                        start=partner.idx,
                        end=partner.idx + len(partner.text),
                        text=partner.text,
                        type="DATE",
                        value=v.day_value(day),
                        basis=timex.basis,
                        anchor=anchor_of(doc[partner.i:partner.i + 1]),
                    )
                )
    return completed


def _months_in_order(doc: Doc, timexes: list[Timex]) -> list[Timex]:
    """Months named together follow each other: in "ads reserved for December and January"
    the January is the one after that December, whatever the tense says about each."""
    ordered = list(timexes)
    text = doc.text  # built anew on every access
    for index in range(len(ordered) - 1):
        first, second = ordered[index], ordered[index + 1]
        if not (_MONTH_VALUE.match(first.value) and _MONTH_VALUE.match(second.value)):
            continue
        if first.basis != "relative" or second.basis != "relative":
            continue
        between = text[first.end:second.start].strip().lower()
        if between not in _MONTH_JOINERS:
            continue
        year, month = int(first.value[:4]), int(first.value[5:])
        second_month = int(second.value[5:])
        second_year = year + 1 if second_month < month else year
        ordered[index + 1] = replace(second, value=v.month_value(second_year, second_month))
    return ordered


def _bare_day_after(doc: Doc, token, following: Timex | None) -> bool:
    """Whether the token is a day of the month standing alone after "and": "April 24 and
    25", not "April 24 and 25 people" nor "April 24 and 25 May"."""
    if token.shape_ not in ("d", "dd") or not 1 <= int(token.text) <= 31:
        return False
    if following is not None and following.start <= token.idx:
        return False
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is None or after.is_punct or after.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ")


def _join_ranges(doc: Doc, timexes: list[Timex]) -> list[Timex]:
    """Join "from 2001 to 2009", "between March and May" and "2009-2010" into ranges."""
    if len(timexes) < 2:
        return timexes
    text = doc.text  # built anew on every access
    joined: list[Timex] = []
    i = 0
    while i < len(timexes):
        first = timexes[i]
        if i + 1 < len(timexes):
            second = timexes[i + 1]
            between = text[first.end:second.start].strip().lower()
            if between in _RANGE_JOINERS and first.type == second.type and first.type in ("DATE", "TIME"):
                opener = _RANGE_JOINERS[between]
                before = text[max(0, first.start - 20):first.start].rstrip().lower()
                if (opener is None and _dash_joins(text, first, second)) or (opener and before.endswith(opener)):
                    joined.append(_range(text, first, second))
                    i += 2
                    continue
        joined.append(first)
        i += 1
    return joined


def _dash_joins(text: str, first: Timex, second: Timex) -> bool:
    """Whether a dash between two expressions makes a range: always when it is glued to both
    ("2009-2010"), and with a space each side ("March 30 – April 4") when both name dates of
    the same granularity in order, which a dash setting off a clause would not."""
    if first.end == second.start - 1:
        return True
    return (
        text[first.end:second.start] in (" - ", " – ")
        and len(first.value) == len(second.value)
        and first.value[:1].isdigit()
        and first.value < second.value
    )


def _range(text: str, first: Timex, second: Timex) -> Timex:
    value = first.value
    # "from March to May 2020": the first end takes the year the second one writes out.
    if second.basis == "explicit" and first.basis != "explicit" and len(value) >= 7 and len(second.value) >= 4:
        value = second.value[:4] + value[4:]
    basis = first.basis if first.basis == second.basis else "relative"
    return replace(
        first,
        end=second.end,
        text=text[first.start:second.end],
        value=value,
        basis=basis,
        end_value=second.value,
        parts=(replace(first, value=value), second),
    )
