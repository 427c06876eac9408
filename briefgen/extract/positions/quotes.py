"""Quotations in running text: where each one opens and closes.

Works on characters, not tokens, because quotation marks are typographic facts: straight
("…") and typographic (“…”, «…») marks, quotes that run over several sentences, and the
newspaper convention for quotes over several paragraphs (each paragraph opens with a mark,
only the last one closes). Unbalanced marks never fail the scan: a quote still open at the
end of its paragraph runs to that end and is marked ``closed=False``, so an odd number of
marks costs at most one quote's boundary, not the document.

Archives that write a double mark as two apostrophes (''…'') are read the same way.

Single quotes (‘…’) count only at the top level and only around two or more words, since
the same character is the apostrophe in "Korea’s"; inside double quotes they are a quote
within the quote and stay part of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from spacy.tokens import Doc, Span

OPENING_MARKS = {"“": "”", "«": "»", "„": "”"}
CLOSING_MARKS = frozenset({"”", "»"})
STRAIGHT_MARK = '"'
# Some archives write a double quotation mark as two apostrophes (''like this'').
DOUBLED_APOSTROPHES = "''"
_TRIPLE_APOSTROPHES = re.compile(r"'{3}(?=(\w))?")
SINGLE_OPEN, SINGLE_CLOSE = "‘", "’"
_PARAGRAPH_BREAK = re.compile(r"\n")


@dataclass(frozen=True)
class Quote:
    start: int  # first character inside the marks
    end: int  # one past the last character inside the marks
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph ended first
    # True when this quote opens a paragraph that carries on the unclosed quote of the
    # paragraph before (the multi-paragraph convention).
    continues_previous: bool = False

    @property
    def closed(self) -> bool:
        return self.close_mark is not None


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for match in _PARAGRAPH_BREAK.finditer(text):
        if match.start() > start:
            yield start, match.start()
        start = match.end()
    if start < len(text):
        yield start, len(text)


def _opens_straight(text: str, i: int, para_start: int) -> bool:
    before = text[i - 1] if i > para_start else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not after.isspace() and (before.isspace() or before in "([{—–-:,;/" or i == para_start)


def _closes_straight(text: str, i: int, para_end: int) -> bool:
    before = text[i - 1]
    after = text[i + 1] if i + 1 < para_end else " "
    return not before.isspace() or after.isspace() or after in ".,;:!?)]}—–-"


def _opening_mark_closes(text: str, i: int, para_end: int) -> bool:
    """An opening mark typed where a closing one belongs ("…,“ he said"): after a word or
    punctuation, before a space or the end of the paragraph."""
    after = text[i + 1] if i + 1 < para_end else " "
    return not text[i - 1].isspace() and (after.isspace() or after in ".,;:!?)")


def _single_quotes(text: str, start: int, end: int) -> list[Quote]:
    found = []
    i = start
    while i < end:
        if text[i] == SINGLE_OPEN and (i == start or not text[i - 1].isalnum()):
            j = i + 1
            while j < end:
                if text[j] == SINGLE_CLOSE and (j + 1 >= end or not text[j + 1].isalnum()):
                    break
                j += 1
            if j < end and len(text[i + 1 : j].split()) >= 2:
                found.append(Quote(i + 1, j, i, j))
                i = j
        i += 1
    return found


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


_QUOTES_KEY = "briefgen.quotes"


def quotes_in(doc: Doc) -> list[Quote]:
    """``find_quotes`` of the document's text, found once and kept with the Doc: the
    attributions and the events of a document both read them."""
    found = doc.user_data.get(_QUOTES_KEY)
    if found is None:
        found = doc.user_data[_QUOTES_KEY] = find_quotes(doc.text)
    return found


def find_quotes(text: str) -> list[Quote]:
    """All top-level quotations in ``text``, in order; inner offsets exclude the marks."""
    # Two apostrophes scan as a space and a straight mark: same length, so offsets hold,
    # and the space lets the mark read as opening or closing by what follows it. Three are
    # a double and a single mark together, opening before a word, else closing.
    text = _TRIPLE_APOSTROPHES.sub(lambda m: " \"'" if m.group(1) else "' \"", text)
    text = text.replace(DOUBLED_APOSTROPHES, ' "')
    quotes: list[Quote] = []
    previous_unclosed = False
    for para_start, para_end in _paragraphs(text):
        carried, previous_unclosed = previous_unclosed, False
        open_at: int | None = None
        closing: str | None = None
        paragraph_quotes: list[Quote] = []
        first_open = True
        i = para_start
        while i < para_end:
            ch = text[i]
            if open_at is None:
                if ch in OPENING_MARKS or (ch == STRAIGHT_MARK and _opens_straight(text, i, para_start)):
                    open_at, closing = i, (OPENING_MARKS.get(ch, STRAIGHT_MARK))
            elif (
                ch in CLOSING_MARKS
                or (ch == STRAIGHT_MARK and _closes_straight(text, i, para_end))
                or (ch in OPENING_MARKS and _opening_mark_closes(text, i, para_end))
            ):
                # Any closing mark closes: writers and editors mix straight and curly marks
                # ("…,” or “…,").
                start, end = _trim(text, open_at + 1, i)
                if end > start:
                    continues = first_open and carried and not text[para_start:open_at].strip()
                    paragraph_quotes.append(Quote(start, end, open_at, i, continues))
                first_open = False
                open_at = closing = None
            elif ch in OPENING_MARKS and ch != closing:
                # A new opening mark while one is open: the earlier quote lost its close.
                start, end = _trim(text, open_at + 1, i)
                if end > start:
                    continues = first_open and carried and not text[para_start:open_at].strip()
                    paragraph_quotes.append(Quote(start, end, open_at, None, continues))
                first_open = False
                open_at, closing = i, OPENING_MARKS[ch]
            i += 1
        if open_at is not None:
            start, end = _trim(text, open_at + 1, para_end)
            if end > start:
                continues = first_open and carried and not text[para_start:open_at].strip()
                paragraph_quotes.append(Quote(start, end, open_at, None, continues))
                previous_unclosed = True
        if not paragraph_quotes:
            paragraph_quotes = _single_quotes(text, para_start, para_end)
        quotes.extend(paragraph_quotes)
    return quotes


# Quotation marks as spaCy's tokens: typographic, and the doubled apostrophes and backticks
# of archives (``like this'').
OPENING_QUOTE_TOKENS = frozenset({"“", "‘‘", "``"})
CLOSING_QUOTE_TOKENS = frozenset({"”", "’’", "''"})


def inside_quotation(span: Span) -> bool:
    """Whether a quotation mark opened before the span in its sentence is still open there."""
    before = span.doc[span.sent.start: span.start]
    opening = sum(1 for t in before if t.text in OPENING_QUOTE_TOKENS) - sum(1 for t in before if t.text in CLOSING_QUOTE_TOKENS)
    straight = sum(1 for t in before if t.text == STRAIGHT_MARK)
    return opening > 0 or straight % 2 == 1
