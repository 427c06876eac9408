"""The parts of an article's text that are not its prose: datelines, bylines, time stamps, labels.

Wire copy and web pages carry lines a reader skips: "BEIJING, Aug. 30 (Xinhua) --" before
the lead, "PTI | London | Updated: 05-05-2021 00:04 IST", "By Kim Hyelin", "20:00 JST, July 29,
2024", "[Provisional translation]", "FULL TEXT:" before a headline. None of it is an event, an
actor or part of a summary: a date in a time stamp dates no happening, and a summary that
starts "PUTRAJAYA, —" is not the source's sentence. This module finds those character
ranges once per document; the extraction steps leave them out.

The shapes are typographic, not lexical: a place in capitals at the head of a paragraph
followed by a dash or a bracketed agency; a line made only of dates, times, zone
abbreviations and separators; a line of fields separated by bars; a whole line in brackets;
a byline. A place in ordinary case before a colon counts only at the head of the first
paragraph ("New Delhi: Prime Minister …"), where a speaker's label ("Ana Park: …") would not
stand on a place.
"""

from __future__ import annotations

import bisect
import re

from spacy.tokens import Doc, Span, Token

from briefgen.extract.actors.names import is_known_place

_KEY = "briefgen.furniture"
# "BEIJING, Aug. 30 (Xinhua) --", "MANILA, Philippines —", "MOSCOW—", "LONDON - ",
# "ABU DHABI, (UrduPoint / WAM - 12th Oct, 2020) ": a place in capitals, then what may follow it.
_CAPITAL_PLACE = r"[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,3}"
_DATELINE = re.compile(
    rf"^(?P<line>{_CAPITAL_PLACE}(?:,\s*[A-Z][\w.'’]+(?:\s[A-Z][\w.'’]+){{0,2}})?"
    r"(?:,?\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,\s*\d{4})?)?"
    r"(?:,?\s*\([^()\n]{1,100}\))?"
    r"(?:\s*(?:--|—|–|-)\s*|(?<=\))\s+))(?=\S)"
)
# "New Delhi: Prime Minister …", "WASHINGTON: Defence Minister …", "San Cristóbal, 29 July 2022
# (TDI): The Foreign Minister …" at the head of the first paragraph.
_PLACE_COLON = re.compile(
    r"^(?P<line>(?P<place>[A-Z][^\W\d_]+(?:[ -][A-Z][^\W\d_]+){0,2})"
    r"(?:,\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s*\d{4})?)?"
    r"(?:\s*\([^()\n]{1,60}\))?:\s+)(?=[A-Z])"
)
# "FULL TEXT:", "UPDATE:", "WATCH:" opening the first line: a label in capitals that names no one.
_LABEL = re.compile(r"^(?P<line>[A-Z]{2,}(?: [A-Z]{2,}){0,2}:\s+)(?=\S)")
# A photo's caption ends with its credit: "…, Dr Naledi Pandor. File Picture: Werner Beukes/SAPA",
# "… at State House, Nairobi. Photo/PSCU".
_CAPTION_CREDIT = re.compile(r"\b(?:File\s+)?(?:Photo|Picture|Image|Photograph)s?\s*(?::|/|©|by\b)\s*\S+\s*\S*$", re.IGNORECASE)
MAX_CAPTION_WORDS = 40
_BYLINE = re.compile(r"^By\s+[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|van|von|al-\w+))*$")
_FIELDS = re.compile(r"\S\s*\|\s*\S.*\|")
_BRACKETED = re.compile(r"^[\[(].*[\])]$")
# Words a time stamp may hold besides dates and times: zone names, agencies, "Updated".
_STAMP_WORDS = re.compile(
    r"^(?:(?-i:[A-Z]{2,5})(?:[+-]\d{1,2})?|UTC[+-]?\d*|GMT[+-]?\d*|am|pm|a\.m\.|p\.m\.|updated|published|posted|created|"
    r"last|modified|on|at|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tue|tues|wed|thu|thurs|fri|sat|sun|"
    r"\d+(?:st|nd|rd|th)?|[:/.,|()\-–—•·]+)$",
    re.IGNORECASE,
)
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def furniture_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges [start, end) of the document's furniture, in order; kept with the Doc."""
    cached = doc.user_data.get(_KEY)
    if cached is not None:
        return cached
    text = doc.text
    ranges: list[tuple[int, int]] = []
    first_paragraph = first_line = True
    head_lines = 0
    for line_start, line in _lines(text):
        stripped = line.strip()
        if not stripped:
            continue
        head_lines += 1
        offset = line_start + (len(line) - len(line.lstrip()))
        if _whole_line(stripped) or (1 < head_lines <= BYLINE_HEAD_LINES and _bare_name(doc, offset, stripped)):
            ranges.append((offset, offset + len(stripped)))
            continue
        patterns = (_DATELINE,) + ((_LABEL,) if first_line else ()) + ((_PLACE_COLON,) if first_paragraph else ())
        first_line = False
        for pattern in patterns:
            match = pattern.match(stripped)
            if match and (pattern is not _PLACE_COLON or _names_a_place(doc, offset, match.end("place"))):
                if pattern is _LABEL and _names_someone(doc, offset, match.end("line")):
                    continue
                ranges.append((offset, offset + match.end("line")))
                break
        first_paragraph = first_paragraph and not _is_prose(stripped)
    doc.user_data[_KEY] = ranges
    return ranges


def is_furniture(token: Token) -> bool:
    ranges = furniture_ranges(token.doc)
    k = bisect.bisect_right(ranges, (token.idx, float("inf"))) - 1
    return k >= 0 and ranges[k][0] <= token.idx < ranges[k][1]


# A headline or subhead: one of the first lines of the body, without a sentence's end.
HEADLINE_LINES = 3
MAX_HEADLINE_WORDS = 25
_HEADLINES_KEY = "briefgen.headlines"


def headline_tokens(doc: Doc) -> frozenset[int]:
    """Indexes of the tokens of the headlines and subheads atop the body, which the body
    retells in sentences; kept with the Doc."""
    cached = doc.user_data.get(_HEADLINES_KEY)
    if cached is not None:
        return cached
    found: set[int] = set()
    lines = 0
    for line_start, line in _lines(doc.text):
        stripped = line.strip()
        if not stripped:
            continue
        span = doc.char_span(line_start, line_start + len(line), alignment_mode="expand")
        words = [t for t in span if t.is_alpha and not is_furniture(t)] if span is not None else []
        if words:
            lines += 1
            if not ends_a_sentence(stripped) and stripped[-1] != ":" and len(words) <= MAX_HEADLINE_WORDS:
                found.update(t.i for t in span)
        if lines >= HEADLINE_LINES:
            break
    doc.user_data[_HEADLINES_KEY] = frozenset(found)
    return doc.user_data[_HEADLINES_KEY]


# Words this short ("of", "the", "with") stay in lower case in a title-case headline.
TITLE_CASE_MIN_LENGTH = 4
TITLE_CASE_SHARE = 0.75


def title_case_headline_tokens(doc: Doc) -> frozenset[int]:
    """Indexes of the tokens of the headlines Written In Title Case, which the tagger and
    parser misread ("Kremlin Reveals" as an organisation)."""
    headlines = headline_tokens(doc)
    found: set[int] = set()
    for line_start, line in _lines(doc.text) if headlines else ():
        span = doc.char_span(line_start, line_start + len(line), alignment_mode="expand")
        if span is None or not any(t.i in headlines for t in span):
            continue
        words = [w for w in line.split() if w.isalpha() and len(w) >= TITLE_CASE_MIN_LENGTH]
        if len(words) >= 3 and sum(w[0].isupper() for w in words) >= TITLE_CASE_SHARE * len(words):
            found.update(t.i for t in span)
    return frozenset(found)


def within_furniture(span: Span) -> bool:
    """The span lies entirely in furniture (a time stamp's date, a byline's name)."""
    return all(is_furniture(t) for t in span if not t.is_space)


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _whole_line(line: str) -> bool:
    if _BYLINE.match(line) or _FIELDS.search(line) or (_BRACKETED.match(line) and len(line) < 300):
        return True
    if _CAPTION_CREDIT.search(line) and len(line.split()) <= MAX_CAPTION_WORDS:
        return True
    return _is_time_stamp(line)


def _is_time_stamp(line: str) -> bool:
    """A line of dates, times, zone abbreviations and separators only: "20:00 JST, July 29, 2024",
    "Antara • 31 October 2022 22:02" (a date and a clock time may carry the outlet's name)."""
    words = re.findall(r"[^\s,]+", line)
    if not words or len(words) > 12:
        return False
    has_date = has_clock = False
    names = 0
    for word in words:
        bare = word.strip("().,")
        if re.fullmatch(r"\d{1,2}:\d{2}(?::\d{2})?", bare):
            has_clock = True
        elif re.fullmatch(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}", bare) or re.fullmatch(r"\d{4}", bare):
            has_date = True
        elif bare.lower()[:3] in _MONTHS and bare.isalpha() and len(bare) <= 9:
            has_date = True
        elif _STAMP_WORDS.match(bare) or (bare[:1].isupper() and word.endswith(")")):
            continue
        elif bare[:1].isupper() and bare.isalpha():
            names += 1
        else:
            return False
    return (has_date or has_clock) and (names == 0 or (has_date and has_clock and names <= 2))


def _is_prose(line: str) -> bool:
    """A line that reads as a sentence rather than a headline or a label."""
    return ends_a_sentence(line) and len(line.split()) > 6


CLOSING_QUOTES = "”\"’'"


def ends_a_sentence(text: str) -> bool:
    """Whether the text ends as a sentence does: on ".", "!" or "?", before any closing
    quotation marks ("… he said, “We will.”"). A headline ending on a quoted word ("Manila
    files protest vs Chinese ‘aggression’") does not."""
    text = text.rstrip()
    while text and text[-1] in CLOSING_QUOTES:
        text = text[:-1].rstrip()
    return text[-1:] in (".", "!", "?", "…")


# A byline without its "By": the reporter's name alone on a line of the article's head (its
# first lines: headline, standfirst, byline, outlet, date).
BYLINE_NAME_WORDS = (2, 4)
BYLINE_HEAD_LINES = 8


def _bare_name(doc: Doc, start: int, line: str) -> bool:
    """"Jacob Lazaro" alone on a line between the headline and the story: the reporter."""
    words = line.split()
    if not BYLINE_NAME_WORDS[0] <= len(words) <= BYLINE_NAME_WORDS[1] or not all(w[:1].isupper() for w in words):
        return False
    span = doc.char_span(start, start + len(line), alignment_mode="expand")
    return span is not None and all(t.ent_type_ == "PERSON" for t in span if not t.is_punct)


def _names_a_place(doc: Doc, start: int, length: int) -> bool:
    """A place, as the tagger labels it or as the gazetteer knows it ("Doha" tagged a person)."""
    span = doc.char_span(start, start + length, alignment_mode="expand")
    return span is not None and (any(t.ent_type_ in ("GPE", "LOC") for t in span) or is_known_place(span.text))


def _names_someone(doc: Doc, start: int, length: int) -> bool:
    """"PARK:" in a transcript is a speaker, not a label."""
    span = doc.char_span(start, start + length, alignment_mode="expand")
    return span is not None and any(t.ent_type_ in ("PERSON", "ORG", "NORP", "GPE") for t in span)
