"""Reading the words of a candidate expression into calendar facts.

``read_tokens`` turns the tokens of one candidate span ("the past two months", "Aug. 28,
2024", "every other week") into a :class:`Reading`: which calendar fields it names, which
quantity and unit, which direction. It only reads; turning a reading into a TIMEX3 value
against the document's date is ``normalize``'s job. A candidate with a word the reader does
not understand is refused (``None``), which is what keeps "May I..." or "a march" out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Token

from briefgen.extract.temporal import lexicon as lx

_CLOCK = re.compile(r"^(\d{1,2})[:.](\d{2})$")
_CLOCK_AMPM = re.compile(r"^(\d{1,2})(?::(\d{2}))?([ap])\.?m\.?$")
_ORDINAL_NUMBER = re.compile(r"^(\d{1,2})(st|nd|rd|th)$")
_DECADE_NUMBER = re.compile(r"^(\d{3})0'?s$")
_SHORT_DECADE = re.compile(r"^(\d)0'?s$")
_NUMERIC_DATE = re.compile(r"^(\d{1,4})([/.\-])(\d{1,2})\2(\d{2}|\d{4})$")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)?$")
_FRACTION = re.compile(r"^(\d)/(\d)$")
_DAY_RANGE = re.compile(r"^(\d{1,2})[-–](\d{1,2})$")
_DASHES = frozenset({"-", "–"})
# What joins the two days of a range written in words: "from 28 to 29 September".
_DAY_JOINERS = _DASHES | {"to", "through", "till", "until"}

PUNCTUATION = frozenset({",", "-", "–", "—", "'", "’", "(", ")", "."})
DETERMINERS = frozenset({"the", "a", "an"})


@dataclass
class Reading:
    """The calendar facts a span states. Unset fields are ``None``."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    weekday: int | None = None
    season: str | None = None
    quarter: int | None = None
    half: int | None = None
    decade: int | None = None  # 199 for the 1990s
    short_decade: int | None = None  # 9 for "the '90s" or "the nineties": century unknown
    century: int | None = None  # 19 for the 20th century (TIMEX3 writes its first two digits)
    holiday: tuple | None = None
    deictic: int | None = None  # today 0, yesterday -1, tomorrow +1
    part_of_day: str | None = None
    clock: tuple[int, int] | None = None
    quantity: float | None = None
    vague_quantity: bool = False
    unit: str | None = None
    unit_plural: bool = False
    ordinal: int | None = None
    direction: int | None = None
    direction_word: str | None = None
    offset: int | None = None  # ago / earlier -1, later / from now +1
    offset_word: str | None = None
    mod: str | None = None
    reference: str | None = None  # PRESENT_REF, PAST_REF, FUTURE_REF
    every: bool = False
    every_other: bool = False
    set_period: str | None = None  # "daily" -> P1D
    plural_weekday: bool = False
    plural_season: bool = False
    plural_part_of_day: bool = False
    fiscal: bool = False
    determiner: str | None = None
    same: bool = False  # "the same day", "that day": the day already being talked about
    year_ago: bool = False  # "year-ago", "year-earlier"
    this_time: bool = False  # "this time last year"
    numeric_pattern: tuple[int, int, int] | None = None  # the three fields of 28/08/2024
    # Dotted dates ("11.02.2015") are written day first wherever they are used.
    numeric_day_first: bool = False
    day_end: int | None = None  # "Sept. 9-10": the last day of a range of days
    year_end: int | None = None  # "1989-90": the last year of a range of years
    period_noun: bool = False  # "the 1988 period": a part of the year the text is about
    indefinite: bool = False  # "one day" as in "will one day be"

    @property
    def calendar(self) -> bool:
        """Whether the span names a calendar position (not just a length of time)."""
        return any(
            v is not None
            for v in (
                self.year, self.month, self.day, self.weekday, self.season, self.quarter, self.half,
                self.decade, self.short_decade, self.century, self.holiday, self.deictic,
                self.numeric_pattern,
            )
        )


class _Stream:
    def __init__(self, tokens: list[Token]):
        self.tokens = tokens
        self.words = [t.lower_ for t in tokens]
        self.i = 0

    def peek(self, k: int = 0) -> str | None:
        j = self.i + k
        return self.words[j] if 0 <= j < len(self.words) else None

    def peek_skipping_hyphen(self) -> str | None:
        k = 1
        while self.peek(k) in ("-", "–"):
            k += 1
        return self.peek(k)

    def token(self, k: int = 0) -> Token:
        return self.tokens[self.i + k]

    def done(self) -> bool:
        return self.i >= len(self.tokens)


def _word_number(stream: _Stream) -> float | None:
    """Consume a number written in words ("twenty - four", "a hundred", "one and a half")."""
    total = 0.0
    seen = False
    while not stream.done():
        word = stream.peek()
        if word in lx.CARDINALS:
            value = lx.CARDINALS[word]
            if value in (100, 1000):
                total = (total or 1) * value
            else:
                total += value
            seen = True
            stream.i += 1
            if word in lx.TENS and stream.peek() in ("-",) and stream.peek(1) in lx.CARDINALS:
                stream.i += 1
            continue
        break
    if not seen:
        return None
    if stream.peek() == "and" and stream.peek(1) == "a" and stream.peek(2) == "half":
        stream.i += 3
        total += 0.5
    return total


def _quantity(stream: _Stream, reading: Reading) -> bool:
    """Consume a quantity in front of a unit; True when one was read."""
    word = stream.peek()
    token = stream.token()
    if word in ("a", "an"):
        following = stream.peek(1)
        if following in ("couple", "few", "dozen"):
            stream.i += 2
            if stream.peek() == "of":
                stream.i += 1
            if following == "couple":
                reading.quantity = 2
            elif following == "dozen":
                reading.quantity = 12
            else:
                reading.vague_quantity = True
            return True
        if following == "hundred":
            stream.i += 2
            reading.quantity = 100
            return True
        stream.i += 1
        reading.quantity = 1
        if stream.peek() == "half":
            stream.i += 1
            reading.quantity = 0.5
        return True
    if word == "half" and stream.peek(1) in ("a", "an"):
        stream.i += 2
        reading.quantity = 0.5
        return True
    if word in lx.VAGUE_QUANTITIES:
        stream.i += 1
        if word == "couple":
            reading.quantity = 2
            if stream.peek() == "of":
                stream.i += 1
        else:
            reading.vague_quantity = True
        if stream.peek() == "more":
            stream.i += 1
        return True
    if word in lx.CARDINALS:
        reading.quantity = _word_number(stream)
        if stream.peek() == "more":
            stream.i += 1
        return True
    if token.like_num and _NUMBER.match(word):
        reading.quantity = float(word.replace(",", ""))
        stream.i += 1
        fraction = _FRACTION.match(stream.peek() or "")
        if fraction and int(fraction.group(2)) != 0:
            reading.quantity += int(fraction.group(1)) / int(fraction.group(2))
            stream.i += 1
        elif stream.peek() == "and" and stream.peek(1) == "a" and stream.peek(2) == "half":
            stream.i += 3
            reading.quantity += 0.5
        if stream.peek() == "more":
            stream.i += 1
        return True
    return False


def _is_capitalized(token: Token) -> bool:
    return token.text[:1].isupper()


def _year_number(word: str) -> int | None:
    if len(word) == 4 and word.isdigit():
        return int(word)
    return None


def read_tokens(tokens: list[Token]) -> Reading | None:
    """The calendar facts of a span, or None when a word in it is not a temporal word."""
    reading = Reading()
    stream = _Stream(tokens)
    while not stream.done():
        word = stream.peek()
        token = stream.token()
        nxt = stream.peek(1)

        if word in PUNCTUATION:
            stream.i += 1
            continue
        comparison = _comparison_phrase(stream)
        if comparison and (reading.period_noun or reading.unit in ("quarter", "month")) and not reading.year_ago:
            # "the quarter a year ago", "the same period last year": that period, a year back
            reading.year_ago = True
            reading.same = False
            stream.i += comparison
            continue

        # multiword modifiers: the end of, the beginning of, more than, at least
        if word in ("end", "beginning", "start", "middle", "close", "turn", "dawn") and nxt == "of":
            # "the turn of the century" straddles two periods: no mod says which
            reading.mod = lx.POSITION_MODIFIERS.get(word)
            stream.i += 2
            continue
        matched_phrase = False
        for phrase, mod in lx.MULTIWORD_APPROXIMATORS.items():
            if tuple(stream.words[stream.i:stream.i + len(phrase)]) == phrase:
                reading.mod = mod
                stream.i += len(phrase)
                matched_phrase = True
                break
        if matched_phrase:
            continue
        phrase_reference = None
        for phrase, value in lx.REFERENCE_PHRASES.items():
            if tuple(stream.words[stream.i:stream.i + len(phrase)]) == phrase:
                phrase_reference = (phrase, value)
                break
        # "the past" alone is a vague past; in "the past two months" it starts a duration
        if phrase_reference and not (
            phrase_reference[0][-1] == "past" and stream.i + len(phrase_reference[0]) < len(tokens)
        ):
            reading.reference = phrase_reference[1]
            stream.i += len(phrase_reference[0])
            continue

        if word == "day" and nxt in ("before", "after") and stream.peek(2) in ("yesterday", "tomorrow"):
            # "the day before yesterday", "the day after tomorrow"
            reading.deictic = lx.DEICTIC_DAYS[stream.peek(2)] + (-1 if nxt == "before" else 1)
            stream.i += 3
            continue

        # holidays
        holiday = _holiday(stream)
        if holiday:
            reading.holiday = holiday
            continue

        if word == "one" and nxt == "day" and len(tokens) == 2:
            reading.indefinite = True
        if word in DETERMINERS and _quantity_follows(stream):
            if _quantity(stream, reading):
                continue
        if word in DETERMINERS:
            reading.determiner = reading.determiner or word
            stream.i += 1
            continue

        if word in lx.MONTHS and (_is_capitalized(token) or word.endswith(".")):
            reading.month = lx.MONTHS[word]
            stream.i += 1
            continue
        if word in lx.WEEKDAYS and _is_capitalized(token):
            reading.weekday = lx.WEEKDAYS[word]
            stream.i += 1
            continue
        if word in lx.WEEKDAYS_PLURAL and _is_capitalized(token):
            reading.weekday = lx.WEEKDAYS_PLURAL[word]
            reading.plural_weekday = True
            stream.i += 1
            continue
        if word in lx.SEASONS:
            reading.season = lx.SEASONS[word]
            stream.i += 1
            continue
        if word in lx.SEASONS_PLURAL:
            reading.season = lx.SEASONS_PLURAL[word]
            reading.plural_season = True
            stream.i += 1
            continue
        if word in lx.DEICTIC_DAYS:
            reading.deictic = lx.DEICTIC_DAYS[word]
            if word == "tonight":
                reading.part_of_day = "NI"
            stream.i += 1
            continue
        if word in lx.PARTS_OF_DAY:
            reading.part_of_day = lx.PARTS_OF_DAY[word]
            stream.i += 1
            continue
        if word in lx.PARTS_OF_DAY_PLURAL:
            reading.part_of_day = lx.PARTS_OF_DAY_PLURAL[word]
            reading.plural_part_of_day = True
            stream.i += 1
            continue
        if word in lx.NAMED_TIMES:
            hour, minute = lx.NAMED_TIMES[word].split(":")
            reading.clock = (int(hour), int(minute))
            stream.i += 1
            continue
        if word in lx.AM_PM:
            if reading.clock is None:
                return None
            reading.clock = _apply_ampm(reading.clock, lx.AM_PM[word])
            stream.i += 1
            continue
        if word in lx.TIME_ZONES:
            if reading.clock is None:
                return None
            stream.i += 1
            continue
        if word in lx.REFERENCE_ADJECTIVES and stream.i == len(tokens) - 1 and reading.unit is None:
            # "current" alone, qualifying a noun that is no unit of time; "then current" is
            # the present of a time gone by
            then = stream.i > 0 and "then" in stream.words[:stream.i]
            reading.reference = "PAST_REF" if then else lx.REFERENCE_ADJECTIVES[word]
            stream.i += 1
            continue
        if word == "then" and stream.peek_skipping_hyphen() in lx.REFERENCE_ADJECTIVES:
            stream.i += 1
            continue
        if word in lx.REFERENCE_WORDS:
            reading.reference = lx.REFERENCE_WORDS[word]
            stream.i += 1
            continue
        if word in lx.UNITS_AS_ADJECTIVES:
            reading.set_period = lx.UNITS_AS_ADJECTIVES[word]
            stream.i += 1
            continue
        if word in ("every", "each", "per"):
            reading.every = True
            stream.i += 1
            if stream.peek() == "other":
                reading.every_other = True
                stream.i += 1
            elif stream.peek() == "single":
                stream.i += 1
            continue
        if word == "fiscal":
            reading.fiscal = True
            stream.i += 1
            continue
        if word in ("same", "that") and reading.unit is None:
            reading.same = True
            stream.i += 1
            continue
        if word == "this" and nxt == "time":
            reading.this_time = True
            stream.i += 2
            continue
        if (
            word == "year"
            and stream.peek_skipping_hyphen() in ("ago", "earlier")
            and reading.quantity is None
            and not reading.vague_quantity
        ):
            reading.year_ago = True
            stream.i += 1
            while stream.peek() in ("-", "–"):
                stream.i += 1
            stream.i += 1
            if stream.peek() in ("quarter", "period", "month", "year"):
                reading.unit = {"period": None}.get(stream.peek(), stream.peek())
                stream.i += 1
            continue
        if word in lx.OFFSET_WORDS and (reading.unit or reading.year_ago):
            reading.offset = lx.OFFSET_WORDS[word]
            reading.offset_word = word
            stream.i += 1
            continue
        if word == "from" and nxt in ("now", "today") and reading.unit:
            reading.offset = 1
            reading.offset_word = "from now"
            stream.i += 2
            continue
        if word in ("earlier", "later") and reading.unit is None and not reading.calendar:
            # "earlier this month", "later in the day" name the period; the hedge is not a
            # TIMEX3 mod.
            stream.i += 2 if nxt == "in" else 1
            continue
        if word in lx.POSITION_MODIFIERS and word not in ("earlier", "later", "end", "beginning", "start", "middle", "close", "dawn"):
            reading.mod = lx.POSITION_MODIFIERS[word]
            stream.i += 1
            continue
        if word.startswith("mid-") and len(word) > 4:
            reading.mod = "MID"
            rest = word[4:]
            if not _read_number_word(rest, reading, stream):
                return None
            stream.i += 1
            continue
        if word in lx.VAGUE_QUANTITIES and not (word == "some" and _quantity_after(stream)):
            _quantity(stream, reading)
            continue
        if word in lx.APPROXIMATORS:
            reading.mod = lx.APPROXIMATORS[word]
            stream.i += 1
            continue
        if word == "this" and nxt == "past":
            # "this past spring": the latest one, even in the year of the article
            reading.direction = -1
            reading.direction_word = "this past"
            stream.i += 2
            continue
        if word == "last" and nxt in ("half", "quarter") and stream.peek(2) == "of" and reading.ordinal is None:
            # "the last half of 1989" is its second half; "last quarter" alone is the previous one
            reading.ordinal = 2 if nxt == "half" else 4
            stream.i += 1
            continue
        if word in lx.DIRECTION_WORDS:
            reading.direction = lx.DIRECTION_WORDS[word]
            reading.direction_word = word
            stream.i += 1
            continue
        if word == "latest":
            reading.direction = -1
            reading.direction_word = word
            stream.i += 1
            continue
        if word in ("last", "latter", "final") and nxt in ("half", "quarter") and reading.ordinal is None:
            reading.ordinal = 2 if nxt == "half" else 4
            stream.i += 1
            continue
        if word == "year" and stream.peek_skipping_hyphen() in ("end", "'s", "’s") and "end" in stream.words[stream.i + 1:stream.i + 4]:
            reading.unit = "year"
            reading.mod = "END"
            stream.i = stream.words.index("end", stream.i) + 1
            continue
        if word == "period" and (reading.year is not None or reading.year_ago or reading.determiner == "the"):
            reading.period_noun = True
            stream.i += 1
            continue
        if word in lx.COMPARABLE_WORDS and reading.determiner == "the":
            # "the comparable period", "the corresponding quarter": the one compared with
            stream.i += 1
            continue
        if word in ("first", "final") and _unit_follows(stream) and reading.ordinal is None:
            # "the first nine months" / "the final two years": a stretch, not an ordinal.
            if _quantity_after(stream):
                stream.i += 1
                continue
        if word in lx.ORDINALS and (_ordinal_context(stream)):
            reading.ordinal = lx.ORDINALS[word]
            stream.i += 1
            continue
        if word in ("quarter", "half") and reading.ordinal is not None:
            if word == "quarter":
                reading.quarter = reading.ordinal
            else:
                reading.half = reading.ordinal
            reading.ordinal = None
            stream.i += 1
            continue
        if word in ("century", "centuries") and reading.ordinal is not None:
            reading.century = reading.ordinal - 1
            reading.ordinal = None
            stream.i += 1
            continue
        if word in ("q1", "q2", "q3", "q4"):
            reading.quarter = int(word[1])
            stream.i += 1
            continue
        if word in ("h1", "h2"):
            reading.half = int(word[1])
            stream.i += 1
            continue
        if word in lx.DECADE_WORDS:
            reading.short_decade = lx.DECADE_WORDS[word]
            stream.i += 1
            continue
        if word == "year" and reading.year is None and reading.quantity is None and _names_a_year(stream):
            # "the year 2000", "the year two thousand": the year is named next
            stream.i += 1
            continue
        if word in lx.UNITS:
            if reading.unit is not None and reading.unit != word:
                return None
            reading.unit = lx.UNITS[word]
            reading.unit_plural = word in lx.PLURAL_UNITS
            stream.i += 1
            continue
        if word == "ahead" and reading.unit_plural and reading.quantity is None and not reading.vague_quantity:
            # "the weeks ahead" looks forward as "the coming weeks" does
            reading.direction = 1
            reading.direction_word = word
            stream.i += 1
            continue
        if word == "long" and reading.unit:
            # "day-long", "decades-long": as long as the unit says
            if reading.quantity is None and not reading.vague_quantity:
                if reading.unit_plural:
                    reading.vague_quantity = True
                else:
                    reading.quantity = 1
            stream.i += 1
            continue
        if word in ("full", "entire", "whole") and reading.determiner == "the" and stream.peek(1) in lx.UNITS:
            # "the full year" of a report is the current one, as "this year" is
            reading.direction = 0
            stream.i += 1
            continue
        if word in lx.UNIT_ADJECTIVES and _unit_follows(stream) and (reading.quantity is not None or reading.vague_quantity):
            stream.i += 1
            continue
        if word == "and" and nxt in ("a", "one") and stream.peek(2) == "half" and reading.unit and reading.quantity:
            # "a minute and a half"
            reading.quantity += 0.5
            stream.i += 3
            continue
        if word == "or" and nxt == "so":
            reading.mod = reading.mod or "APPROX"
            stream.i += 2
            continue
        if word in ("of", "and", "at", "on", "or", "so"):
            stream.i += 1
            continue

        # numbers
        if word in ("'s", "’s") and reading.year is not None and reading.determiner == "the" and reading.year % 10 == 0:
            reading.decade = reading.year // 10
            reading.year = None
            stream.i += 1
            continue
        if word in ("'s", "’s") and (reading.year is not None or reading.unit == "year"):
            stream.i += 1
            continue
        if word in lx.CARDINALS and not _counted_unit_ahead(stream):
            spoken = _spoken_year(stream)
            if spoken is not None:
                reading.year = spoken
                continue
        if word in lx.CARDINALS or (word in DETERMINERS):
            if _quantity(stream, reading):
                continue
        if _read_number_token(stream, reading):
            continue
        return None
    if reading.half is not None and reading.month is not None and reading.mod is None:
        # "the second half of July": TIMEX3 has no half of a month, but its start or end
        reading.mod = "START" if reading.half == 1 else "END"
        reading.half = None
    return reading


def _comparison_phrase(stream: _Stream) -> int:
    """The length of a phrase putting a period a year back ("a year ago", "last year",
    "the year before") when one starts here and ends the span, else 0."""
    rest = tuple(stream.words[stream.i:])
    return len(rest) if rest in lx.YEAR_BACK_PHRASES else 0


def _names_a_year(stream: _Stream) -> bool:
    following = stream.peek(1) or ""
    return (len(following) == 4 and following.isdigit()) or (following == "two" and stream.peek(2) == "thousand")


def _counted_unit_ahead(stream: _Stream) -> bool:
    return any(word in lx.UNITS for word in stream.words[stream.i + 1:stream.i + 6])


def _spoken_year(stream: _Stream) -> int | None:
    """A year said in words: "nineteen ninety-six", "nineteen hundred", "two thousand and
    one". Consumes it and returns the year, or returns None and consumes nothing."""
    word, following = stream.peek(), stream.peek(1)
    if word in ("eighteen", "nineteen") and (following in lx.TENS or following == "hundred"):
        year = lx.CARDINALS[word] * 100
        stream.i += 2
        if following in lx.TENS:
            year += lx.CARDINALS[following]
            if stream.peek() in ("-", "–") and stream.peek(1) in lx.CARDINALS and lx.CARDINALS[stream.peek(1)] < 10:
                year += lx.CARDINALS[stream.peek(1)]
                stream.i += 2
            elif stream.peek() in lx.CARDINALS and lx.CARDINALS[stream.peek()] < 10:
                year += lx.CARDINALS[stream.peek()]
                stream.i += 1
        return year
    if word == "two" and following == "thousand":
        year = 2000
        stream.i += 2
        if stream.peek() == "and" and stream.peek(1) in lx.CARDINALS:
            stream.i += 1
        if stream.peek() in lx.CARDINALS and lx.CARDINALS[stream.peek()] < 100:
            year += lx.CARDINALS[stream.peek()]
            stream.i += 1
        return year
    return None


def _counted_unit_follows(stream: _Stream) -> bool:
    """Whether the next word is a unit being counted ("1000 years"), not the ordinal
    "second" of "the 1988 second quarter"."""
    following = stream.peek_skipping_hyphen()
    if following not in lx.UNITS:
        return False
    if following not in lx.PLURAL_UNITS and len(stream.peek() or "") == 4:
        # "the 1988 quarter": a year naming the period, not 1988 quarters
        return False
    if following == "second":
        k = 1
        while stream.peek(k) in ("-", "–"):
            k += 1
        return stream.peek(k + 1) not in ("quarter", "half", "of")
    return True


def _quantity_follows(stream: _Stream) -> bool:
    """After "a"/"an": whether what follows is counted ("a year", "a few days", "a couple of")."""
    following = stream.peek(1)
    if following in ("couple", "few", "dozen", "hundred", "half"):
        return True
    if following in lx.UNIT_ADJECTIVES:
        following = stream.peek(2)
    return following in lx.UNITS and following not in lx.PLURAL_UNITS


def _unit_follows(stream: _Stream) -> bool:
    return any(w in lx.UNITS for w in stream.words[stream.i + 1:stream.i + 5])


def _quantity_after(stream: _Stream) -> bool:
    following = stream.peek(1)
    token_like_num = stream.i + 1 < len(stream.tokens) and stream.tokens[stream.i + 1].like_num
    return following in lx.CARDINALS or following in lx.VAGUE_QUANTITIES or token_like_num


def _ordinal_context(stream: _Stream) -> bool:
    following = stream.peek_skipping_hyphen()
    return following in ("quarter", "half", "century", "centuries", "of") or following in lx.MONTHS


def _apply_ampm(clock: tuple[int, int], half: str) -> tuple[int, int]:
    hour, minute = clock
    if half == "pm" and hour < 12:
        hour += 12
    elif half == "am" and hour == 12:
        hour = 0
    return hour, minute


def _read_number_word(text: str, reading: Reading, stream: _Stream) -> bool:
    """A year or decade written inside a token ("2021" in "mid-2021", "1990s")."""
    year = _year_number(text)
    if year is not None:
        reading.year = year
        return True
    decade = _DECADE_NUMBER.match(text)
    if decade:
        reading.decade = int(decade.group(1))
        return True
    if text in lx.MONTHS:
        reading.month = lx.MONTHS[text]
        return True
    return False


def _read_number_token(stream: _Stream, reading: Reading) -> bool:
    word = stream.peek()
    token = stream.token()
    previous = stream.peek(-1)
    clock = _CLOCK_AMPM.match(word)
    if clock:
        reading.clock = _apply_ampm((int(clock.group(1)), int(clock.group(2) or 0)), clock.group(3) + "m")
        stream.i += 1
        return True
    clock = _CLOCK.match(word)
    if clock and token.shape_ in ("d:dd", "dd:dd", "d.dd", "dd.dd"):
        if ":" not in word and stream.peek(1) not in lx.AM_PM:
            return False
        hour, minute = int(clock.group(1)), int(clock.group(2))
        if hour > 24 or minute > 59:
            return False
        reading.clock = (hour, minute)
        stream.i += 1
        _part_of_day_as_half(stream, reading)
        return True
    numeric = _NUMERIC_DATE.match(word)
    if numeric and token.shape_ not in ("d.d", "dd.d"):
        reading.numeric_pattern = (int(numeric.group(1)), int(numeric.group(3)), int(numeric.group(4)))
        reading.numeric_day_first = numeric.group(2) == "."
        if len(numeric.group(1)) == 4:
            reading.numeric_pattern = (int(numeric.group(1)), int(numeric.group(3)), int(numeric.group(4)))
            reading.year, reading.month, reading.day = reading.numeric_pattern
            reading.numeric_pattern = None
        stream.i += 1
        return True
    if _read_number_word(word, reading, stream) and reading.year is not None and word.isdigit():
        # A four-digit number is a year unless a unit follows ("1000 years").
        if _counted_unit_follows(stream) and reading.unit is None:
            reading.year = None
            return _quantity(stream, reading)
        stream.i += 1
        if stream.peek() in _DASHES and stream.peek(1) and stream.peek(1).isdigit() and reading.month is None:
            if len(stream.peek(1)) == 2 and stream.peek(2) == "-" and stream.peek(3) and stream.peek(3).isdigit():
                # 2024-08-28
                reading.month = int(stream.peek(1))
                reading.day = int(stream.peek(3))
                stream.i += 4
            elif len(stream.peek(1)) == 2:
                # 1989-90: the second year written with its last two digits
                end = reading.year - reading.year % 100 + int(stream.peek(1))
                if end <= reading.year:
                    end += 100
                if end - reading.year < 100:
                    reading.year_end = end
                    stream.i += 2
        return True
    if reading.decade is not None and word.endswith("s") and word[:-1].isdigit():
        stream.i += 1
        return True
    short = _SHORT_DECADE.match(word)
    if short and previous in ("'", "’"):
        reading.short_decade = int(short.group(1))
        stream.i += 1
        return True
    ordinal = _ORDINAL_NUMBER.match(word)
    if ordinal:
        number = int(ordinal.group(1))
        following = stream.peek_skipping_hyphen()
        if following in ("century", "centuries"):
            reading.ordinal = number
        elif following in ("quarter", "half"):
            reading.ordinal = number
        else:
            reading.day = number
        stream.i += 1
        return True
    day_range = _DAY_RANGE.match(word)
    if day_range and (reading.month is not None or stream.peek(1) in lx.MONTHS):
        # "9–10 September", "Sept. 9-10" written as one token
        reading.day, reading.day_end = int(day_range.group(1)), int(day_range.group(2))
        stream.i += 1
        return True
    if token.shape_ in ("d", "dd") and word.isdigit():
        if (
            stream.peek(1) in _DAY_JOINERS
            and stream.peek(2)
            and stream.peek(2).isdigit()
            and len(stream.peek(2)) <= 2
            and (reading.month is not None or stream.peek(3) in lx.MONTHS)
        ):
            # "Sept. 9 - 10", "9 - 10 September", "28 to 29 September"
            reading.day, reading.day_end = int(word), int(stream.peek(2))
            stream.i += 3
            return True
        following = stream.peek_skipping_hyphen()
        if following in lx.AM_PM:
            reading.clock = (int(word), 0)
            stream.i += 1
            return True
        if following in ("in", "at") and 1 <= int(word) <= 12:
            reading.clock = (int(word), 0)
            stream.i += 1
            if _part_of_day_as_half(stream, reading):
                return True
            stream.i -= 1
            reading.clock = None
        if following in lx.UNITS or following in ("and", "more") or _FRACTION.match(stream.peek(1) or ""):
            return _quantity(stream, reading)
        if reading.month is not None or following in lx.MONTHS or following == "of":
            reading.day = int(word)
            stream.i += 1
            return True
        return False
    if token.like_num and _NUMBER.match(word):
        return _quantity(stream, reading)
    return False


def _part_of_day_as_half(stream: _Stream, reading: Reading) -> bool:
    """After a clock hour, consume "in the morning" or "at night" and apply it as a.m. or p.m."""
    for phrase, half in lx.HALF_OF_DAY_PHRASES.items():
        if tuple(stream.words[stream.i:stream.i + len(phrase)]) == phrase:
            hour = reading.clock[0]
            if phrase[-1] == "night" and hour < 6:
                half = "am"  # "2 at night" is in the small hours
            reading.clock = _apply_ampm(reading.clock, half)
            stream.i += len(phrase)
            return True
    return False


def _holiday(stream: _Stream) -> tuple | None:
    if not _is_capitalized(stream.token()):
        return None
    for phrase, kind, rule in _HOLIDAYS_LONGEST_FIRST:
        if tuple(stream.words[stream.i:stream.i + len(phrase)]) == phrase:
            stream.i += len(phrase)
            return (kind, rule)
    return None


_HOLIDAYS_LONGEST_FIRST = sorted(
    [(phrase, "fixed", rule) for phrase, rule in lx.FIXED_HOLIDAYS.items()]
    + [(phrase, "nth", rule) for phrase, rule in lx.WEEKDAY_HOLIDAYS.items()]
    + [(phrase, "easter", rule) for phrase, rule in lx.EASTER_HOLIDAYS.items()],
    key=lambda entry: -len(entry[0]),
)
