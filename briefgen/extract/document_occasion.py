"""The occasion a document is the record of: a transcript's press conference, a council's meeting.

A transcript, a briefing or a meeting's record opens with a heading that names its occasion
and, on the same line or the line below, the day: "Press Conference by Foreign Minister
KAMIKAWA Yoko / Tuesday, April 16, 2024", "Foreign Affairs Council, 16 December 2024",
"Transcript of Virtual Weekly Media Briefing by the Official Spokesperson (July 08, 2021)".
The occasion is an event of the document, told in the heading's own words.

A spoken record may instead open by welcoming its audience ("Welcome to the Weekly Press
Briefing of the Foreign Office"): the occasion is under way as it is recorded, on the day the
record is published.

A heading that is a sentence ("Ministers meet in Tokyo") is a news headline, which the body
retells; a heading with no day of its own leaves the occasion to the body; a document
("Joint Statement on the visit") is no occasion.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from briefgen.extract.clauses import phrase, without_stranded_punctuation
from briefgen.extract.event_context import ArticleContext, says_too_little
from briefgen.extract.furniture import HEADLINE_LINES
from briefgen.extract.occasions import Found
from briefgen.extract.temporal import Timex
from briefgen.extract.vocabulary import OCCASION_NOUNS, event_type_for
from briefgen.model import Event, EventDate, TextSpan

CONFIDENCE = 0.7
# Occasions a document is the record of, made on their day ("Press Conference by …",
# "Weekly Media Briefing"); a visit or a ceremony heads a report about it, whose date is
# the report's, not the occasion's.
RECORDED_OCCASIONS = frozenset(
    "conference briefing meeting session summit talks dialogue forum hearing debate consultation consultations "
    "roundtable symposium seminar workshop call interview".split()
)
# Bodies whose name over a day is the record of their sitting ("Foreign Affairs Council,
# 16 December 2024").
SITTING_BODIES = frozenset({"council", "assembly", "committee", "commission", "parliament", "congress", "senate", "cabinet"})
# Words that name the record rather than the occasion: "Transcript of the Press Briefing".
RECORD_WORDS = frozenset({"transcript", "text", "record", "readout", "minutes"})
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
# A welcome is an opening: it is looked for among the first sentences only (headings and
# speaker labels count among them).
OPENING_SENTENCES = 8


def document_occasion(context: ArticleContext, dated: list[tuple[Timex, EventDate]], told: list[Found]) -> tuple[list[Found], set[int]]:
    """The document's own occasion as an event (none, or one), and the anchors of the events it
    supersedes: the welcomed occasion dated by a vaguer expression ("this week's briefing").
    ``told`` are the events the body gives, which may tell the occasion already."""
    welcome = _welcomed_occasion(context)
    superseded = {welcome.i} if welcome is not None else set()
    taken = {f.anchor for f in told if f.anchor is not None} - superseded
    heading = _dated_heading(context, dated, taken)
    if heading is not None:
        return ([], set()) if _retold(context, heading, told) else ([heading], superseded)
    if welcome is not None and context.published is not None:
        day = context.published.isoformat()
        date = EventDate(value=day, granularity="day", start=day, end=day, text="", basis="inferred")
        summary = context.noun_summary(welcome)
        return [_found(context, summary, welcome, date, context.evidence(welcome.sent), list(welcome.sent))], superseded
    return [], set()


def _dated_heading(context: ArticleContext, dated: list[tuple[Timex, EventDate]], taken: set[int]) -> Optional[Found]:
    lines = _head_lines(context)
    for n, line in enumerate(lines):
        if any(t.i in taken for t in line) or not all(t.i in context.headlines for t in line):
            continue  # the occasion is already an event of its own ("Press Conference on October 27")
        occasion = _occasion_named(line)
        if occasion is None:
            continue
        date_line = lines[n + 1] if n + 1 < len(lines) else None
        date = _day_in(line, dated) or (_day_in(date_line, dated, at_start=True) if date_line is not None else None)
        if date is None:
            continue
        words = [t for t in _after_record_word(line) if t.i not in context.excluded and not t.is_space]
        summary = phrase(without_stranded_punctuation(words), context.replacements, capitalize=True)
        if says_too_little(summary):
            continue  # "20.10.2016 - Interview": which interview, the heading does not say
        end = date_line if date_line is not None and not _day_in(line, dated) else line
        evidence = context.evidence(context.doc[line.start: end.end])
        return _found(context, summary, occasion, date, evidence, list(line))
    return None


def _retold(context: ArticleContext, heading: Found, told: list[Found]) -> bool:
    """The body tells the occasion on its day ("Japan-India Summit Meeting" over "On May 20,
    … held a Japan-India Summit Meeting with …"). A sitting body's name is no such telling:
    "the Council adopted …" is what came of its sitting."""
    occasion = context.doc[heading.anchor].lemma_.lower()
    if occasion in SITTING_BODIES:
        return False
    day = heading.event.date.start
    for found in told:
        if found.anchor is None or found.event.date.start != day:
            continue
        anchor = context.doc[found.anchor]
        if occasion in {t.lemma_.lower() for t in [anchor, *anchor.children]}:
            return True
    return False


def _head_lines(context: ArticleContext) -> list[Span]:
    """The first lines of the body that hold words, as spans."""
    lines = []
    start = 0
    for text in context.text.split("\n"):
        if text.strip():
            span = context.doc.char_span(start, start + len(text), alignment_mode="expand")
            if span is not None and any(t.is_alpha for t in span):
                lines.append(span)
        start += len(text) + 1
        if len(lines) > HEADLINE_LINES:
            break
    return lines


def _occasion_named(line: Span) -> Optional[Token]:
    """The occasion noun a heading is a noun phrase of, past a record word ("Transcript of")."""
    if any(t.tag_ in FINITE_TAGS and t.pos_ in {"VERB", "AUX"} for t in line):
        return None  # a headline written as a sentence
    head = next((t for t in line if t.head.i == t.i or not (line.start <= t.head.i < line.end)), None)
    if head is not None and head.lower_ in RECORD_WORDS:
        head = next((c for p in head.children if p.lower_ == "of" for c in p.children if c.dep_ == "pobj"), None)
    if head is None or head.pos_ not in {"NOUN", "PROPN"}:
        return None
    lemma = head.lemma_.lower()
    if lemma in RECORDED_OCCASIONS or head.lower_ in RECORDED_OCCASIONS:
        return head
    return head if lemma in SITTING_BODIES and head.pos_ == "PROPN" else None


def _after_record_word(line: Span) -> list[Token]:
    """The heading less what precedes "Transcript of": "MEA Weekly Press Briefing Transcript of
    Virtual Weekly Media Briefing" names one occasion, the second time in full."""
    tokens = list(line)
    for n in range(len(tokens) - 1, 0, -1):
        if tokens[n - 1].lower_ in RECORD_WORDS and tokens[n].lower_ == "of":
            return tokens[n + 1:]
    return tokens


def _day_in(line: Span, dated: list[tuple[Timex, EventDate]], at_start: bool = False) -> Optional[EventDate]:
    """The day an explicit date in the line gives (a time of it counts as its day); with
    ``at_start``, only a date the line opens with (a date line below a heading)."""
    first_word = next((t for t in line if not t.is_space), None)
    for timex, date in dated:
        if not (line.start_char <= timex.start < line.end_char) or timex.basis != "explicit":
            continue
        if at_start and (first_word is None or timex.start != first_word.idx):
            continue
        if date.granularity in {"day", "time"} and date.start:
            return EventDate(value=date.start, granularity="day", start=date.start, end=date.start, text=timex.text, basis="explicit")
    return None


def _welcomed_occasion(context: ArticleContext) -> Optional[Token]:
    """The occasion of "Welcome to the Weekly Press Briefing" among the opening sentences."""
    for sentence in list(context.doc.sents)[:OPENING_SENTENCES]:
        for token in sentence:
            if token.lower_ != "welcome":
                continue
            for preposition in token.children:
                if preposition.lower_ != "to":
                    continue
                noun = next((c for c in preposition.children if c.dep_ == "pobj"), None)
                if noun is not None and noun.lemma_.lower() in OCCASION_NOUNS:
                    return noun
    return None


def _found(context: ArticleContext, summary: str, occasion: Token, date: EventDate, evidence: TextSpan, words: list[Token]) -> Found:
    event = Event(
        id="E1",
        date=date,
        summary=summary,
        type=event_type_for([occasion.lemma_.lower()]),
        actors=context.actors_in(words),
        confidence=CONFIDENCE,
        evidence=[evidence],
    )
    return Found(event, evidence.start, anchor=occasion.i)
