"""From a :class:`Reading` to a TIMEX3 type and value, against the document's creation time.

Relative expressions are resolved against the DCT (``dct``), or, for anaphoric ones ("a
year earlier", "the same day"), against the last date the text itself gave (``reference``).
Without a DCT, DCT-relative expressions keep ``X`` in the parts nobody gave, the way TimeML
writes them ("XXXX-WXX-3" for a bare Wednesday), instead of inventing a date.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from briefgen.extract.temporal import lexicon as lx
from briefgen.extract.temporal import values as v
from briefgen.extract.temporal.context import FUTURE, PAST
from briefgen.extract.temporal.reading import Reading


_DAY_VALUE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Direction words that count from the date the text is telling about, not from the DCT.
_ANAPHORIC_DIRECTIONS = frozenset({"following", "previous", "preceding", "prior", "ensuing", "subsequent"})


@dataclass(frozen=True)
class Normalized:
    type: str
    value: str
    mod: str | None = None
    basis: str = "explicit"
    # The last day or year of a range written as one expression ("Sept. 9-10", "1989-90").
    end_value: str | None = None
    # A period named only to compare with another ("a year ago", "year-earlier"): later
    # expressions do not take it as the time being talked about.
    comparison: bool = False


@dataclass
class Situation:
    """What a value may be resolved against."""

    dct: dt.date | None
    tense: int | None = None
    day_first: bool = False
    # The last calendar value the text gave before this expression, and the last one in the
    # same sentence, both as TIMEX3 values (e.g. "1989-Q3").
    reference: str | None = None
    recent_reference: str | None = None  # in this sentence or the one before
    sentence_reference: str | None = None
    # A quarter or month the current or previous sentence talks about, which "a year ago"
    # and "year-earlier" compare with.
    context_period: str | None = None
    # The words just before and after the expression, lower-cased ("for the year", "the
    # year ended June 30").
    left: tuple[str, ...] = ()
    right: tuple[str, ...] = ()
    # The expression is a line of its own, like a live blog's "9:21 p.m." over each entry.
    own_line: bool = False
    # The text has already given a date in the publication year.
    publication_year_told: bool = False


def _iso_number(quantity: float) -> str:
    if quantity == int(quantity):
        return str(int(quantity))
    return f"{quantity:g}"


def duration_value(quantity: float | None, unit: str) -> str:
    """ISO 8601 duration for a count of a unit; None quantity means an unknown count (PXY).

    Fractions are written with the next smaller unit, as ISO 8601 prefers: two and a half
    years is P2Y6M, an hour and a half PT1H30M.
    """
    letter, multiplier, is_clock = lx.DURATION_UNITS[unit]
    prefix = "PT" if is_clock else "P"
    if unit == "weekend":
        return f"P{_iso_number(quantity) if quantity is not None else 'X'}WE"
    if quantity is None:
        return f"{prefix}X{letter}"
    amount = quantity * multiplier
    whole = int(amount)
    if amount == whole:
        return f"{prefix}{whole}{letter}"
    if letter == "W":
        # ISO 8601 does not mix weeks with other units: a week and a half is P10.5D
        return f"P{_iso_number(amount * 7)}D"
    smaller = _SMALLER_UNITS.get((letter, is_clock))
    if smaller is None:
        return f"{prefix}{_iso_number(amount)}{letter}"
    small_letter, factor, crosses_into_time = smaller
    rest = round((amount - whole) * factor)
    head = f"{whole}{letter}" if whole else ""
    if crosses_into_time:
        return f"P{head}T{rest}{small_letter}"
    return f"{prefix}{head}{rest}{small_letter}"


# For a fractional count: (smaller unit letter, how many in one, whether it is a time unit
# while the larger is not), keyed by (letter, is a time unit).
_SMALLER_UNITS = {
    ("Y", False): ("M", 12, False),
    ("M", False): ("D", 30, False),
    ("D", False): ("H", 24, True),
    ("H", True): ("M", 60, False),
    ("M", True): ("S", 60, False),
}


# --------------------------------------------------------------------------- calendar helpers


# How far a period written without its year ("Nov. 3", "the third quarter") may lie on the
# wrong side of the DCT for its tense before it is taken to be in the neighbouring year.
# News reports plans a few weeks ahead in the past tense ("said it extended the offer until
# Nov. 9"), so a past-tense date just after the DCT stays in the DCT's year; without a tense
# only a date most of a year away moves.
_TENSE_TOLERANCE = dt.timedelta(days=60)
_NO_TENSE_TOLERANCE = dt.timedelta(days=240)


def _year_of_period(period_in, situation: Situation) -> int | None:
    """The year of a period written without one. ``period_in(year)`` gives its first and
    last day in a given year."""
    dct = situation.dct
    if dct is None:
        return None
    year = dct.year
    first, last = period_in(year)
    tolerance = _TENSE_TOLERANCE if situation.tense in (PAST, FUTURE) else _NO_TENSE_TOLERANCE
    if situation.tense != FUTURE and first > dct + tolerance:
        return year - 1
    if situation.tense != PAST and last < dct - tolerance:
        return year + 1
    return year


def _told_year(situation: Situation) -> int | None:
    """The year before publication when the text is telling of it, which a month or day
    without a year told in the past belongs to: after "The war of 2011 left deep scars."
    (published in 2012), "in February" and "on 22 April" are of 2011. It takes the year of
    the date given in this sentence or the one before, and only while the text has given no
    date of the publication year itself: a news report that has ("sales in 2011 rose; in
    April 2012 they fell") goes on in its own year, and so does one that recalls a year long
    past."""
    told = situation.recent_reference
    dct = situation.dct
    if situation.tense != PAST or dct is None or situation.publication_year_told or not told or not told[:4].isdigit():
        return None
    return dct.year - 1 if int(told[:4]) == dct.year - 1 else None


def _month_period(month: int, day: int | None):
    def period_in(year: int) -> tuple[dt.date, dt.date]:
        if day is not None:
            date = v.safe_date(year, month, day) or v.last_day_of_month(year, month)
            return date, date
        return dt.date(year, month, 1), v.last_day_of_month(year, month)

    return period_in


def _quarter_period(letter: str, number: int):
    months = 3 if letter == "Q" else 6

    def period_in(year: int) -> tuple[dt.date, dt.date]:
        first_month = months * (number - 1) + 1
        return dt.date(year, first_month, 1), v.last_day_of_month(year, first_month + months - 1)

    return period_in


def _season_period(season: str):
    def period_in(year: int) -> tuple[dt.date, dt.date]:
        _, first, last = v.value_span(f"{year:04d}-{season}")
        return first, last

    return period_in


def _weekday_date(weekday: int, situation: Situation, direction: int | None, anaphoric: bool = False) -> dt.date | None:
    dct = situation.dct
    reference = situation.reference
    if anaphoric and reference and _DAY_VALUE.match(reference[:10]) and direction in (-1, 1):
        # "the previous Friday", "the following Monday": counted from the day just told,
        # not from the DCT
        dct = dt.date.fromisoformat(reference[:10])
    if dct is None:
        return None
    today = dct.isoweekday()
    back = (today - weekday) % 7
    forward = (weekday - today) % 7
    if direction == -1:
        return dct - dt.timedelta(days=back or 7)
    if direction == 1:
        return dct + dt.timedelta(days=forward or 7)
    if direction == 0:
        return dct + dt.timedelta(days=weekday - today)
    if situation.tense == FUTURE:
        return dct + dt.timedelta(days=forward)
    # Without a future tense, news names the days of the week just gone.
    return dct - dt.timedelta(days=back)


def _holiday_date(holiday: tuple, year: int) -> dt.date | None:
    kind, rule = holiday
    if kind == "fixed":
        return v.safe_date(year, *rule)
    if kind == "nth":
        month, weekday, n = rule
        return v.nth_weekday(year, month, weekday, n)
    return v.easter_sunday(year) + dt.timedelta(days=rule)


def _shift(value_parts: tuple[str, int, int, int], unit: str, amount: int) -> str | None:
    """Move a DCT-like point by whole units and write it at that unit's granularity."""
    _, year, month, day = value_parts
    base = dt.date(year, month, day)
    if unit == "day":
        return v.day_value(base + dt.timedelta(days=amount))
    if unit in ("week", "fortnight"):
        return v.week_value(base + dt.timedelta(weeks=amount * (2 if unit == "fortnight" else 1)))
    if unit == "weekend":
        return v.week_value(base + dt.timedelta(weeks=amount)) + "-WE"
    if unit == "month":
        y, m = v.shift_month(year, month, amount)
        return v.month_value(y, m)
    if unit == "quarter":
        y, q = v.shift_quarter(year, v.quarter_of(month), amount)
        return f"{y:04d}-Q{q}"
    if unit == "year":
        return v.year_value(year + amount)
    if unit == "decade":
        return f"{year // 10 + amount:03d}"
    if unit == "century":
        return f"{year // 100 + amount:02d}"
    return None


def _unknown_point(unit: str) -> str:
    """A DCT-relative point when the DCT is unknown, written with X as TimeML does."""
    return {
        "day": "XXXX-XX-XX",
        "week": "XXXX-WXX",
        "fortnight": "XXXX-WXX",
        "weekend": "XXXX-WXX-WE",
        "month": "XXXX-XX",
        "quarter": "XXXX-QX",
        "year": "XXXX",
        "decade": "XXX",
        "century": "XX",
    }.get(unit, "XXXX-XX-XX")


def _parse_point(value: str | None) -> tuple[str, int, int, int] | None:
    """(granularity, year, month, day) of a reference value, for shifting it."""
    if not value:
        return None
    granularity, first, _ = v.value_span(value)
    if first is None:
        return None
    if "-Q" in value:
        granularity = "quarter"
    return granularity, first.year, first.month, first.day


# --------------------------------------------------------------------------- normalization


def normalize(reading: Reading, situation: Situation) -> Normalized | None:
    """The TIMEX3 type and value of a reading, or None when it is not a temporal expression."""
    if reading.reference:
        if reading.unit or reading.calendar:
            return None
        if reading.reference == "FUTURE_REF" and reading.determiner is None and situation.tense == PAST:
            # "He was soon released": soon after a moment gone by, not soon after now
            return None
        basis = "relative" if situation.dct else "unresolved"
        return Normalized("DATE", reading.reference, None, basis)
    if reading.every or reading.set_period or reading.plural_weekday or reading.plural_season or reading.plural_part_of_day:
        return _set(reading, situation)
    if reading.clock is not None:
        return _time(reading, situation)
    if reading.year_ago and not reading.calendar:
        return _year_ago(reading, situation)
    if reading.calendar:
        return _date(reading, situation)
    if reading.unit is not None:
        return _unit_expression(reading, situation)
    if reading.part_of_day is not None:
        return _time(reading, situation)
    if reading.period_noun:
        return _reported_period(reading, situation)
    return None


def _set(reading: Reading, situation: Situation) -> Normalized | None:
    if reading.set_period:
        if reading.unit or reading.calendar:
            return None
        return Normalized("SET", reading.set_period)
    step = 2 if reading.every_other else 1
    if reading.weekday is not None:
        value = f"XXXX-WXX-{reading.weekday}"
        if reading.part_of_day:
            value += f"T{reading.part_of_day}"
        return Normalized("SET", value)
    if reading.month is not None:
        return Normalized("SET", f"XXXX-{reading.month:02d}")
    if reading.season is not None:
        return Normalized("SET", f"XXXX-{reading.season}")
    if reading.part_of_day is not None and reading.unit is None:
        return Normalized("SET", f"XXXX-XX-XXT{reading.part_of_day}")
    if reading.unit is not None and reading.every:
        quantity = (reading.quantity or 1) * step
        return Normalized("SET", duration_value(quantity, reading.unit))
    return None


def _time(reading: Reading, situation: Situation) -> Normalized | None:
    day_part = None
    basis = "explicit"
    if reading.calendar:
        date = _date(reading, situation)
        if date is None or date.type != "DATE":
            return None
        if len(date.value) != 10:
            return None
        day_part, basis = date.value, date.basis
    elif reading.unit is not None:
        return None
    elif reading.direction_word == "last" and reading.part_of_day is not None:
        # "last night", "last evening": yesterday's, whatever day the text was telling of
        if situation.dct:
            day_part, basis = v.day_value(situation.dct - dt.timedelta(days=1)), "relative"
    elif reading.direction in (-1, 1) and reading.part_of_day is not None and reading.clock is None:
        # "appeared in court the next morning", "had arrived the previous night": a day after or
        # before the day being told about, or after or before today when the text has told of
        # no time yet; after a month or a year told about, no day anyone can name
        reference = situation.reference
        if reference is not None and _DAY_VALUE.match(reference):
            day_part = v.day_value(dt.date.fromisoformat(reference) + dt.timedelta(days=reading.direction))
        elif reference is None and situation.dct is not None:
            day_part = v.day_value(situation.dct + dt.timedelta(days=reading.direction))
        basis = "relative"
    elif reading.clock is not None and situation.own_line and situation.dct is not None:
        # A time stamp over an entry of the page is the page's day, whatever the entry before told.
        day_part, basis = v.day_value(situation.dct), "relative"
    elif reading.clock is not None and situation.recent_reference and _DAY_VALUE.match(situation.recent_reference):
        # "On Aug. 7 ... at 10:35 a.m.": the clock time is on the day being told about.
        day_part, basis = situation.recent_reference, "relative"
    elif reading.clock is not None and situation.tense == PAST and situation.reference and _DAY_VALUE.match(situation.reference):
        # "was shot at 10 p.m.": a past event's hour, on the last day the text named
        day_part, basis = situation.reference, "relative"
    elif (
        reading.part_of_day is not None
        and reading.determiner == "the"
        and situation.recent_reference
        and _DAY_VALUE.match(situation.recent_reference)
    ):
        # "Prices fell Friday. Dealers bought in the morning": the morning of the day being told about
        day_part, basis = situation.recent_reference, "relative"
    elif reading.same and situation.reference and len(situation.reference) >= 10:
        day_part, basis = situation.reference[:10], "relative"
    elif situation.dct is not None:
        day_part, basis = v.day_value(situation.dct), "relative"
    if day_part is None:
        day_part, basis = "XXXX-XX-XX", "unresolved"
    if reading.clock is not None:
        hour, minute = reading.clock
        if hour > 24 or minute > 59:
            return None
        return Normalized("TIME", f"{day_part}T{hour:02d}:{minute:02d}", reading.mod, basis)
    return Normalized("TIME", f"{day_part}T{reading.part_of_day}", reading.mod, basis)


def _date(reading: Reading, situation: Situation) -> Normalized | None:
    if reading.unit == "year" and reading.year is None and (reading.same or reading.direction_word in _ANAPHORIC_DIRECTIONS):
        # "June of that year", "May of the following year": the year counts from the one
        # being told about
        reference = _parse_point(situation.reference)
        if reference is None:
            # no year told before it: the month is known, the year is not
            unknown_year = replace(reading, unit=None, direction=None, same=False)
            value, _ = _calendar_value(unknown_year, replace(situation, dct=None))
            return Normalized("DATE", value, reading.mod, "unresolved") if value else None
        reading = replace(reading, year=reference[1] + (reading.direction or 0), unit=None, direction=None, same=False)
        value, _ = _calendar_value(reading, situation)
        return Normalized("DATE", value, reading.mod, "relative") if value else None
    if reading.unit == "year" and reading.direction is not None and reading.year is None:
        # "January this year", "next year's first quarter": the unit names the year.
        if situation.dct is None:
            return None
        reading = replace(reading, year=situation.dct.year + reading.direction, unit=None, direction=None)
        value, _ = _calendar_value(reading, situation)
        return Normalized("DATE", value, reading.mod, "relative") if value else None
    if reading.unit == "week" and (reading.day is not None or reading.holiday is not None) and not reading.unit_plural:
        # "the week of March 6", "Easter week": the week that day falls in
        day = _date(replace(reading, unit=None), situation)
        if day is None or not _DAY_VALUE.match(day.value):
            return None
        return Normalized("DATE", v.week_value(dt.date.fromisoformat(day.value)), reading.mod, day.basis)
    if reading.unit is not None and reading.unit not in ("quarter",) and not reading.year_ago:
        if reading.quarter is None and reading.half is None:
            return None
    if (reading.unit == "quarter" or reading.period_noun) and reading.quarter is None and reading.year is not None:
        # "the 1988 quarter", "the 1989 period": the quarter being talked about, in that year
        context = situation.context_period
        if context and "-Q" in context:
            # the quarter talked about, or that quarter in another year to compare with
            comparison = context[:4] != f"{reading.year:04d}"
            return Normalized("DATE", f"{reading.year:04d}{context[4:]}", reading.mod, "relative", comparison=comparison)
    value, basis = _calendar_value(reading, situation)
    if value is None:
        return None
    if reading.part_of_day and len(value) == 10:
        # A named day with its part ("Friday night") stays a DATE, as TimeBank has it.
        return Normalized("DATE", f"{value}T{reading.part_of_day}", reading.mod, basis)
    end_value = None
    if reading.day_end is not None and len(value) == 10:
        if not reading.day < reading.day_end <= 31:
            return None
        end_value = f"{value[:8]}{reading.day_end:02d}"
        if value[0].isdigit() and v.value_span(end_value)[0] == "unknown":
            return None
    elif reading.year_end is not None and len(value) == 4:
        end_value = v.year_value(reading.year_end)
    return Normalized("DATE", value, reading.mod, basis, end_value=end_value)


def _explicit_year(reading: Reading) -> int | None:
    if reading.year is not None and 1000 <= reading.year <= 2199:
        return reading.year
    return None


def _calendar_value(reading: Reading, situation: Situation) -> tuple[str | None, str]:
    dct = situation.dct
    year = _explicit_year(reading)
    if reading.year is not None and year is None:
        return None, ""

    if reading.numeric_pattern is not None:
        first, second, third = reading.numeric_pattern
        year = third if third >= 100 else (2000 + third if third < 50 else 1900 + third)
        # The setting decides between two readings; when only one is a real date, it wins.
        day_first = situation.day_first or reading.numeric_day_first
        orders = [(second, first), (first, second)] if day_first else [(first, second), (second, first)]
        date = None
        for month, day in orders:
            date = v.safe_date(year, month, day)
            if date is not None:
                break
        return (v.day_value(date), "explicit") if date else (None, "")

    if reading.century is not None:
        return f"{reading.century:02d}", "explicit"
    if reading.decade is not None:
        return f"{reading.decade:03d}", "explicit"
    if reading.short_decade is not None:
        if dct is None:
            return f"19{reading.short_decade}", "explicit"
        century = dct.year // 100
        if century * 10 + reading.short_decade > dct.year // 10:
            century -= 1
        return f"{century}{reading.short_decade}", "relative"

    if reading.holiday is not None:
        if year is None:
            if dct is None:
                return None, ""
            holiday = reading.holiday
            year = _year_of_period(lambda y: (_holiday_date(holiday, y),) * 2, situation)
            date = _holiday_date(holiday, year)
            return (v.day_value(date), "relative") if date else (None, "")
        date = _holiday_date(reading.holiday, year)
        return (v.day_value(date), "explicit") if date else (None, "")

    if reading.month is not None:
        if reading.day is not None and not 1 <= reading.day <= 31:
            return None, ""
        basis = "explicit"
        if year is None:
            if reading.direction is not None and dct is not None:
                year = _directed_year(reading.month, reading.direction, dct)
            else:
                year = _told_year(situation) or _year_of_period(_month_period(reading.month, reading.day), situation)
            basis = "relative"
        if reading.day is not None:
            if year is None:
                return f"XXXX-{reading.month:02d}-{reading.day:02d}", "unresolved"
            date = v.safe_date(year, reading.month, reading.day)
            return (v.day_value(date), basis) if date else (None, "")
        if year is None:
            return f"XXXX-{reading.month:02d}", "unresolved"
        return v.month_value(year, reading.month), basis

    if reading.day is not None:
        # "the 28th": a day of the DCT's month (or the nearest month, by tense)
        if not 1 <= reading.day <= 31:
            return None, ""
        if dct is None:
            return f"XXXX-XX-{reading.day:02d}", "unresolved"
        month_year, month = dct.year, dct.month
        if situation.tense == PAST and reading.day > dct.day:
            month_year, month = v.shift_month(dct.year, dct.month, -1)
        elif situation.tense == FUTURE and reading.day < dct.day:
            month_year, month = v.shift_month(dct.year, dct.month, 1)
        date = v.safe_date(month_year, month, reading.day)
        return (v.day_value(date), "relative") if date else (None, "")

    if reading.quarter is not None or reading.half is not None:
        letter, number = ("Q", reading.quarter) if reading.quarter is not None else ("H", reading.half)
        if number is None or not 1 <= number <= (4 if letter == "Q" else 2):
            return None, ""
        if year is not None:
            return f"{year:04d}-{letter}{number}", "explicit"
        if dct is None:
            return f"XXXX-{letter}{number}", "unresolved"
        if reading.year_ago:
            # "the year-ago third quarter"
            return f"{dct.year - 1:04d}-{letter}{number}", "relative"
        year = _year_of_period(_quarter_period(letter, number), situation)
        return f"{year:04d}-{letter}{number}", "relative"

    if reading.season is not None:
        if year is not None:
            return f"{year:04d}-{reading.season}", "explicit"
        if dct is None:
            return f"XXXX-{reading.season}", "unresolved"
        if reading.direction_word == "this past":
            year = dct.year if _season_period(reading.season)(dct.year)[1] < dct else dct.year - 1
        elif reading.direction_word in ("coming", "upcoming"):
            # "the upcoming fall", like "this past spring", is the nearest one: "next fall",
            # like "last spring", the one in the next year
            year = dct.year if _season_period(reading.season)(dct.year)[0] > dct else dct.year + 1
        elif reading.direction in (-1, 1):
            year = dct.year + reading.direction
        elif reading.direction == 0:
            year = dct.year
        else:
            year = _year_of_period(_season_period(reading.season), situation)
        return f"{year:04d}-{reading.season}", "relative"

    if reading.weekday is not None:
        anaphoric = reading.direction_word in _ANAPHORIC_DIRECTIONS
        date = _weekday_date(reading.weekday, situation, reading.direction, anaphoric)
        if date is None:
            return f"XXXX-WXX-{reading.weekday}", "unresolved"
        return v.day_value(date), "relative"

    if reading.deictic is not None:
        if dct is None:
            return "XXXX-XX-XX", "unresolved"
        return v.day_value(dct + dt.timedelta(days=reading.deictic)), "relative"

    if year is not None:
        return v.year_value(year), "explicit"
    return None, ""


def _directed_year(month: int, direction: int, dct: dt.date) -> int:
    """'last March' is the latest March before the DCT's month; 'next March' the first after."""
    if direction == -1:
        return dct.year if month < dct.month else dct.year - 1
    if direction == 1:
        return dct.year if month > dct.month else dct.year + 1
    return dct.year


def _dated(value: str | None, mod: str | None, basis: str, comparison: bool = False) -> Normalized | None:
    """A DATE result, or None when no value could be computed."""
    if not value:
        return None
    return Normalized("DATE", value, mod, basis, comparison=comparison)


def _unit_expression(reading: Reading, situation: Situation) -> Normalized | None:
    """Expressions built on a unit: durations, DCT-relative periods, offsets."""
    unit = reading.unit
    dct = situation.dct
    counted = reading.quantity is not None or reading.vague_quantity
    if reading.year_ago:
        return _year_ago(reading, situation)
    if reading.offset is not None and counted:
        return _offset(reading, situation)
    if counted:
        if reading.quantity is not None and reading.quantity <= 0:
            return None
        if reading.indefinite and situation.tense == FUTURE:
            # "will one day be": some time ahead, not a day long
            return Normalized("DATE", "FUTURE_REF", None, "relative" if dct else "unresolved")
        quantity = None if reading.vague_quantity else reading.quantity
        return Normalized("DURATION", duration_value(quantity, unit), reading.mod)
    if reading.unit_plural:
        # "recent years" is a vague past, "the coming weeks" or "the weeks ahead" a vague
        # future; bare "years" ("for years") a stretch of unknown length.
        if reading.direction_word in ("recent", "past", "last"):
            return Normalized("DATE", "PAST_REF", None, "relative" if dct else "unresolved")
        if reading.direction_word in ("coming", "next", "upcoming", "future", "ahead"):
            return Normalized("DATE", "FUTURE_REF", None, "relative" if dct else "unresolved")
        return Normalized("DURATION", duration_value(None, unit), reading.mod)
    if reading.this_time:
        if dct is None or reading.direction is None:
            return None
        # "this time last year": about the same day, a year off
        value = _shift_keeping_granularity(("day", dct.year, dct.month, dct.day), unit, reading.direction)
        return _dated(value, "APPROX", "relative")
    if reading.direction is not None or reading.same or reading.determiner == "the" or reading.mod == "END":
        return _period(reading, situation)
    if reading.determiner in ("a", "an"):
        return Normalized("DURATION", duration_value(1, unit), reading.mod)
    return None


def _period(reading: Reading, situation: Situation) -> Normalized | None:
    """'last week', 'this year', 'the coming month', 'the same day', 'the quarter'."""
    unit = reading.unit
    dct = situation.dct
    if unit in ("second", "minute", "hour", "millennium"):
        return None
    if unit == "year" and reading.direction is None and situation.right[:1] in (("ended",), ("ending",)):
        # "the year ended June 30": a year-long period, named by its last day.
        return Normalized("DURATION", duration_value(1, unit), reading.mod)
    if reading.same or reading.direction is None:
        reference = _parse_point(situation.recent_reference)
        if reference is not None and _granularity_at_least(reference, unit):
            return _dated(_shift(reference, unit, 0), reading.mod, "relative")
        if reading.same:
            # "that day" with no day given before it is not worth a timeline entry
            return None
        if dct is None:
            return Normalized("DATE", _unknown_point(unit), reading.mod, "unresolved")
        if unit == "weekend":
            # like a weekday: the one just gone unless the clause looks ahead
            saturday = dct + dt.timedelta(days=6 - dct.isoweekday())
            if situation.tense != FUTURE and dct.isoweekday() < 6:
                saturday -= dt.timedelta(weeks=1)
            return Normalized("DATE", v.week_value(saturday) + "-WE", reading.mod, "relative")
        if unit == "quarter":
            # "the quarter" in a report is the one just ended
            return _dated(_shift(("day", dct.year, dct.month, dct.day), unit, -1), reading.mod, "relative")
        return _dated(_shift(("day", dct.year, dct.month, dct.day), unit, 0), reading.mod, "relative")
    direction = reading.direction
    anaphoric_day = unit == "day" and reading.determiner == "the" and reading.direction_word == "next"
    if anaphoric_day or reading.direction_word in _ANAPHORIC_DIRECTIONS:
        reference = _parse_point(situation.reference)
        if reference is not None and not _granularity_at_least(reference, unit):
            # "the next day" after a month or a year told about is no day anyone can name
            return Normalized("DATE", _unknown_point(unit), reading.mod, "unresolved")
        if reference is None:
            if dct is None:
                return Normalized("DATE", _unknown_point(unit), reading.mod, "unresolved")
            reference = ("day", dct.year, dct.month, dct.day)
        return _dated(_shift(reference, unit, direction), reading.mod, "relative")
    if reading.determiner == "the" and reading.direction_word in ("past", "last", "next", "coming"):
        # "the past year" stretches back from now: a duration in TimeML.
        return Normalized("DURATION", duration_value(1, unit), reading.mod, "relative" if dct else "unresolved")
    if dct is None:
        return Normalized("DATE", _unknown_point(unit), reading.mod, "unresolved")
    sentence_period = _parse_point(situation.sentence_reference)
    if situation.right[:1] in (("'s",), ("’s",)):
        # "last year's quarter", "last year's results": compared with the period at hand
        sentence_period = _parse_point(situation.context_period) or sentence_period
    if unit == "year" and direction == -1 and sentence_period is not None and sentence_period[0] == "quarter":
        # "profit rose in the third quarter from last year": that quarter, last year
        value = _shift_keeping_granularity(sentence_period, "year", -1)
        return _dated(value, reading.mod, "relative", comparison=True)
    value = _shift(("day", dct.year, dct.month, dct.day), unit, direction)
    if value is None:
        return None
    return Normalized("DATE", value, reading.mod, "relative")


def _granularity_at_least(reference: tuple[str, int, int, int], unit: str) -> bool:
    order = ["century", "decade", "year", "half", "season", "quarter", "month", "week", "day", "time"]
    granularity = reference[0]
    unit_rank = {"weekend": "week", "fortnight": "week"}.get(unit, unit)
    if granularity not in order or unit_rank not in order:
        return False
    return order.index(granularity) >= order.index(unit_rank)


# Offsets in months (calendar units) or days (day and week units).
_UNIT_MONTHS = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "weekend": 7}


def _shift_keeping_granularity(point: tuple[str, int, int, int], unit: str, amount: int) -> str | None:
    """Move a reference value by an offset and write it at the reference's own granularity:
    a year before 1989-Q3 is 1988-Q3, a year before 1988-11-02 is 1987-11-02."""
    granularity, year, month, day = point
    if unit in _UNIT_MONTHS:
        months = _UNIT_MONTHS[unit] * amount
        days = None
    else:
        days = _UNIT_DAYS[unit] * amount
        months = None
    if granularity in ("day", "week"):
        if months is not None:
            y, m = v.shift_month(year, month, months)
            base = v.safe_date(y, m, day) or v.last_day_of_month(y, m)
        else:
            base = dt.date(year, month, day) + dt.timedelta(days=days)
        return v.day_value(base) if granularity == "day" else v.week_value(base)
    if months is None:
        # A few days or weeks from a month or a year stays within it, or near enough.
        months = round(days / 30.4)
    if granularity == "month":
        return v.month_value(*v.shift_month(year, month, months))
    if granularity == "quarter" and months % 3 == 0:
        y, q = v.shift_quarter(year, v.quarter_of(month), months // 3)
        return f"{y:04d}-Q{q}"
    if granularity == "year" and months % 12 == 0:
        return v.year_value(year + months // 12)
    return None


def _offset(reading: Reading, situation: Situation) -> Normalized | None:
    """'two years ago', 'a year earlier', 'three days later', 'a week from now'."""
    unit = reading.unit
    if unit in ("second", "minute", "hour", "millennium"):
        return None
    if reading.vague_quantity:
        value = "PAST_REF" if reading.offset < 0 else "FUTURE_REF"
        return Normalized("DATE", value, reading.mod, "relative" if situation.dct else "unresolved")
    amount = reading.quantity
    if amount is None or amount != int(amount):
        return None
    amount = int(amount) * reading.offset
    # "a year earlier" counts from the date being talked about; "a year ago" from the DCT,
    # except that in a sentence about a quarter (or month) it means that quarter a year back.
    if reading.offset_word == "later":
        reference = _parse_point(situation.reference)
        if reference is not None and not _granularity_at_least(reference, unit) and situation.recent_reference is None:
            # "two days later" from a year named sentences ago is no day anyone can place
            reference = None
    elif unit == "year":
        reference = _current_period(situation, any_year=reading.offset_word == "earlier")
    else:
        reference = None
    if reference is None and reading.offset_word == "earlier":
        # "two days earlier" counts back from the date just told, when there is one
        reference = _parse_point(situation.recent_reference)
    if reference is not None:
        value = _shift_keeping_granularity(reference, unit, amount)
        if value is not None:
            return Normalized("DATE", value, reading.mod, "relative", comparison=True)
    if unit in ("decade", "century"):
        # "two decades ago" is a year, twenty years back, not a decade
        unit, amount = "year", amount * (10 if unit == "decade" else 100)
    if situation.dct is None or reading.offset_word == "later":
        # "two months later" counts from a time the story told; with none told, the
        # publication date is no stand-in for it.
        return Normalized("DATE", _unknown_point(unit), reading.mod, "unresolved")
    dct = situation.dct
    value = _shift(("day", dct.year, dct.month, dct.day), unit, amount)
    if value is None:
        return None
    return Normalized("DATE", value, reading.mod, "relative", comparison=True)


def _current_period(situation: Situation, any_year: bool) -> tuple[str, int, int, int] | None:
    """The quarter or month a comparison ("a year ago") is made with, if the text is talking
    about one; "ago" counts from now, so its period must be in the DCT's year."""
    context = _parse_point(situation.context_period)
    if context is None:
        return None
    if not any_year and situation.dct is not None and context[1] != situation.dct.year:
        return None
    return context


def _reported_period(reading: Reading, situation: Situation) -> Normalized | None:
    """'the latest period', 'the comparable period': the quarter or month a report is
    about, or, when it has named none, the quarter just ended."""
    if reading.direction not in (None, -1, 0) or reading.direction_word in ("previous", "prior"):
        return None
    context = _parse_point(situation.context_period)
    if context is not None:
        return _dated(_shift(context, context[0], 0), reading.mod, "relative")
    dct = situation.dct
    if dct is None:
        return Normalized("DATE", _unknown_point("quarter"), reading.mod, "unresolved")
    return _dated(_shift(("day", dct.year, dct.month, dct.day), "quarter", -1), reading.mod, "relative")


def _year_ago(reading: Reading, situation: Situation) -> Normalized | None:
    """'year-ago', 'the year-earlier quarter': the matching period one year back."""
    context = _current_period(situation, any_year=True)
    if context is not None and reading.unit == "quarter" and context[0] != "quarter":
        # "the year-ago quarter" in a sentence about a month: that month's quarter
        context = ("quarter",) + context[1:]
    if context is not None:
        value = _shift_keeping_granularity(context, "year", -1)
        if value is not None:
            return Normalized("DATE", value, None, "relative", comparison=True)
    if reading.unit == "quarter" and situation.dct is not None:
        # no quarter named yet: reports compare the quarter just ended with its year-ago twin
        dct = situation.dct
        return _dated(_shift(("day", dct.year, dct.month, dct.day), "quarter", -5), None, "relative", comparison=True)
    if situation.dct is None:
        return Normalized("DATE", "XXXX", None, "unresolved")
    return Normalized("DATE", v.year_value(situation.dct.year - 1), None, "relative", comparison=True)
