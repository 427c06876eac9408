"""Words of time in English: the vocabulary both detection and normalization read.

Everything here is general language (calendar names, number words, units, holiday names),
kept in one place so that the Matcher patterns and the interpreter never disagree about
what a word means.
"""

from __future__ import annotations

MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("january", "jan"),
        ("february", "feb"),
        ("march", "mar"),
        ("april", "apr"),
        ("may",),
        ("june", "jun"),
        ("july", "jul"),
        ("august", "aug"),
        ("september", "sep", "sept"),
        ("october", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _number
        if len(_name) <= 4 and _name != "may":
            MONTHS[_name + "."] = _number

# Month names that are also common words; alone (without a day or year) they need support
# from their context before they count as months.
AMBIGUOUS_MONTHS = frozenset({"may", "march", "mar", "jan", "jun", "aug", "sep", "dec", "oct"})

WEEKDAYS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("monday", "mon."),
        ("tuesday", "tue.", "tues."),
        ("wednesday", "wed."),
        ("thursday", "thu.", "thur.", "thurs."),
        ("friday", "fri."),
        ("saturday", "sat."),
        ("sunday", "sun."),
    ),
    start=1,
):
    for _name in _names:
        WEEKDAYS[_name] = _number
WEEKDAYS_PLURAL = {name + "s": number for name, number in WEEKDAYS.items() if not name.endswith(".")}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
SEASONS_PLURAL = {"springs": "SP", "summers": "SU", "autumns": "FA", "winters": "WI"}

# Parts of the day as TIMEX3 writes them after a date ("2024-08-28TMO").
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
}
PARTS_OF_DAY_PLURAL = {"mornings": "MO", "afternoons": "AF", "evenings": "EV", "nights": "NI"}

UNITS: dict[str, str] = {
    "second": "second",
    "seconds": "second",
    "minute": "minute",
    "minutes": "minute",
    "hour": "hour",
    "hours": "hour",
    "day": "day",
    "days": "day",
    "week": "week",
    "weeks": "week",
    "weekend": "weekend",
    "weekends": "weekend",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "month": "month",
    "months": "month",
    "quarter": "quarter",
    "quarters": "quarter",
    "year": "year",
    "years": "year",
    "decade": "decade",
    "decades": "decade",
    "century": "century",
    "centuries": "century",
    "millennium": "millennium",
    "millennia": "millennium",
}
PLURAL_UNITS = frozenset(
    {
        "seconds", "minutes", "hours", "days", "weeks", "weekends", "fortnights", "months",
        "quarters", "years", "decades", "centuries", "millennia",
    }
)

# Words that may stand between a count and its unit without changing the unit: "an
# additional year", "eight trading days".
UNIT_ADJECTIVES = frozenset(
    {"additional", "extra", "further", "full", "entire", "whole", "trading", "business", "working", "calendar"}
)

# How a unit is written inside an ISO 8601 duration, and how many of the smaller unit make
# one of it (a decade is ten years: "a decade" -> P10Y).
DURATION_UNITS: dict[str, tuple[str, int, bool]] = {
    # unit: (ISO letter, multiplier, is a time-of-day unit written after "T")
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "weekend": ("WE", 1, False),
    "week": ("W", 1, False),
    "fortnight": ("W", 2, False),
    "month": ("M", 1, False),
    # ISO 8601 has no quarter: three of them are nine months.
    "quarter": ("M", 3, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
    "millennium": ("Y", 1000, False),
}

UNITS_AS_ADJECTIVES = {
    # "daily" and friends: frequency adverbs and adjectives (SET) with their period.
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "bimonthly": "P2M",
    "yearly": "P1Y",
    "annually": "P1Y",
    "hourly": "PT1H",
}

CARDINALS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
}
TENS = frozenset({"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"})

ORDINALS: dict[str, int] = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
ORDINAL_SUFFIXES = ("st", "nd", "rd", "th")

# Quantities that are not numbers: "several years" is a duration of unknown length (PXY).
VAGUE_QUANTITIES = frozenset({"several", "few", "many", "some", "couple", "numerous", "multiple"})

DECADE_WORDS = {
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
}

# Words that place a period in relation to now (the DCT): -1 before, 0 the current one, +1 after.
DIRECTION_WORDS = {
    "last": -1,
    "past": -1,
    "previous": -1,
    "preceding": -1,
    "prior": -1,
    "recent": -1,
    "this": 0,
    "current": 0,
    "present": 0,
    "these": 0,
    "next": 1,
    "coming": 1,
    "following": 1,
    "upcoming": 1,
    "future": 1,
    "ensuing": 1,
    "subsequent": 1,
}

# Words naming the period that another is compared with: "the comparable quarter", "the
# corresponding period last year".
COMPARABLE_WORDS = frozenset({"comparable", "corresponding", "equivalent"})
# Phrases after a period that put it a year back: "the quarter a year ago".
YEAR_BACK_PHRASES = frozenset(
    {
        ("a", "year", "ago"), ("a", "year", "earlier"), ("a", "year", "before"), ("last", "year"),
        ("the", "year", "before"), ("the", "previous", "year"), ("the", "prior", "year"),
    }
)

# "two years ago" / "three days later": the offset's direction.
# "before" is left out: "30 days before the vote" counts from an event, not from now.
OFFSET_WORDS = {"ago": -1, "earlier": -1, "later": 1, "hence": 1}

# Position inside a period, as TIMEX3 ``mod``.
POSITION_MODIFIERS = {
    "early": "START",
    "earlier": "START",
    "beginning": "START",
    "start": "START",
    "dawn": "START",
    "mid": "MID",
    "middle": "MID",
    "late": "END",
    "later": "END",
    "end": "END",
    "close": "END",
}

# Hedges on a quantity or a point, as TIMEX3 ``mod``.
APPROXIMATORS = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "circa": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "under": "LESS_THAN",
    "over": "MORE_THAN",
}
MULTIWORD_APPROXIMATORS = {
    ("more", "than"): "MORE_THAN",
    ("less", "than"): "LESS_THAN",
    ("fewer", "than"): "LESS_THAN",
    ("at", "least"): "EQUAL_OR_MORE",
    ("at", "most"): "EQUAL_OR_LESS",
    ("no", "more", "than"): "EQUAL_OR_LESS",
    ("up", "to"): "EQUAL_OR_LESS",
    ("as", "many", "as"): "EQUAL_OR_LESS",
}

# Days named relative to today.
DEICTIC_DAYS = {"today": 0, "tomorrow": 1, "yesterday": -1, "tonight": 0}

# Vague references to the present, past or future, as TIMEX3 writes them.
REFERENCE_WORDS = {
    "now": "PRESENT_REF",
    "currently": "PRESENT_REF",
    "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF",
    "recently": "PAST_REF",
    "lately": "PAST_REF",
    "soon": "FUTURE_REF",
}
# Adjectives that alone place what they qualify in the present: "current market conditions".
REFERENCE_ADJECTIVES = {"current": "PRESENT_REF"}
# Nouns after which "current" means "due within the year", as accounts use it, not "now".
ACCOUNTING_NOUNS = frozenset({"account", "accounts", "asset", "assets", "liabilities", "liability"})
REFERENCE_PHRASES = {
    ("right", "now"): "PRESENT_REF",
    ("these", "days"): "PRESENT_REF",
    ("the", "present"): "PRESENT_REF",
    ("the", "past"): "PAST_REF",
    ("the", "future"): "FUTURE_REF",
    ("the", "near", "future"): "FUTURE_REF",
    ("the", "foreseeable", "future"): "FUTURE_REF",
    ("the", "long", "term"): "FUTURE_REF",
    ("the", "short", "term"): "FUTURE_REF",
    ("the", "near", "term"): "FUTURE_REF",
}

# Clock words.
AM_PM = {"a.m.": "am", "am": "am", "a.m": "am", "p.m.": "pm", "pm": "pm", "p.m": "pm"}
NAMED_TIMES = {"noon": "12:00", "midnight": "24:00", "midday": "12:00"}
# "ET" and "PT" are the US zones whatever the season ("6:30 pm ET"); the pattern takes a zone
# only right after a clock time, where "et" cannot be the Latin word.
TIME_ZONES = frozenset(
    {"est", "edt", "et", "cst", "cdt", "ct", "mst", "mdt", "pst", "pdt", "pt", "gmt", "utc", "bst", "cet", "cest",
     "ist", "jst"}
)

# Holidays on a fixed day of the year. Names that differ between countries
# ("Independence Day") are left out: they cannot be dated without knowing the country.
FIXED_HOLIDAYS: dict[tuple[str, ...], tuple[int, int]] = {
    ("new", "year's", "day"): (1, 1),
    ("new", "year", "'s", "day"): (1, 1),
    ("new", "year's", "eve"): (12, 31),
    ("new", "year", "'s", "eve"): (12, 31),
    ("christmas",): (12, 25),
    ("christmas", "day"): (12, 25),
    ("christmas", "eve"): (12, 24),
    ("boxing", "day"): (12, 26),
    ("valentine", "'s", "day"): (2, 14),
    ("halloween",): (10, 31),
    ("veterans", "day"): (11, 11),
    ("armistice", "day"): (11, 11),
    ("may", "day"): (5, 1),
    ("labour", "day"): (5, 1),
    ("bastille", "day"): (7, 14),
}
# Holidays defined as the n-th weekday of a month (n = -1: the last one).
WEEKDAY_HOLIDAYS: dict[tuple[str, ...], tuple[int, int, int]] = {
    ("thanksgiving",): (11, 4, 4),
    ("thanksgiving", "day"): (11, 4, 4),
    ("labor", "day"): (9, 1, 1),
    ("memorial", "day"): (5, 1, -1),
    ("mother", "'s", "day"): (5, 7, 2),
    ("father", "'s", "day"): (6, 7, 3),
    ("martin", "luther", "king", "day"): (1, 1, 3),
    ("presidents", "day"): (2, 1, 3),
    ("presidents", "'", "day"): (2, 1, 3),
}
# Holidays that move with Easter, as days after Easter Sunday.
EASTER_HOLIDAYS: dict[tuple[str, ...], int] = {
    ("easter",): 0,
    ("easter", "sunday"): 0,
    ("easter", "day"): 0,
    ("easter", "monday"): 1,
    ("good", "friday"): -2,
}
# Every holiday's name, as words; and every word of them, for asking whether a word is one.
HOLIDAY_PHRASES: tuple[tuple[str, ...], ...] = (*FIXED_HOLIDAYS, *WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS)
HOLIDAY_WORDS = frozenset(word for phrase in HOLIDAY_PHRASES for word in phrase)
# After a clock hour, the part of the day that tells its half: "4 in the morning", "9 at night".
HALF_OF_DAY_PHRASES: dict[tuple[str, ...], str] = {
    ("in", "the", "morning"): "am",
    ("in", "the", "afternoon"): "pm",
    ("in", "the", "evening"): "pm",
    ("at", "night"): "pm",
}
