"""Where temporal expressions may be: token patterns for spaCy's Matcher and PhraseMatcher.

The patterns are deliberately generous: they propose candidate spans, and the reader
(``reading``) and the normalizer (``normalize``) decide whether a candidate really is a
temporal expression and what it means. Patterns are compiled once per vocabulary and
reused for every document; the Matcher runs only on short windows around anchor words.
"""

from __future__ import annotations

import numpy
from spacy.attrs import LOWER, SHAPE
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from briefgen.extract.temporal import lexicon as lx

# Token shapes (spaCy's SHAPE attribute) of the numbers a date is written with.
DAY_SHAPES = ["d", "dd"]
ORDINAL_SHAPES = ["dxx", "ddxx"]
NUMERIC_DATE_SHAPES = [
    f"{a}{sep}{b}{sep}{c}"
    for sep in "/."
    for a in ("d", "dd")
    for b in ("d", "dd")
    for c in ("dd", "dddd")
] + [f"dddd{sep}dd{sep}dd" for sep in "/."]
NUMBER_SHAPES = ["d", "dd", "ddd", "d,ddd", "d.d", "dd.d", "d/d"]
CLOCK_SHAPES = ["d:dd", "dd:dd", "d.dd", "dd.dd"]
DAY_RANGE_SHAPES = [f"{a}{dash}{b}" for a in ("d", "dd") for b in ("d", "dd") for dash in "-–"]

DAY_ORDINAL_WORDS = sorted(lx.ORDINALS)
ONES = [word for word, value in lx.CARDINALS.items() if value < 10]
NUMBER_WORDS = sorted(set(lx.CARDINALS) | {"a", "an", "half"})
SINGULAR_UNITS = sorted(u for u in lx.UNITS if u not in lx.PLURAL_UNITS)
ALL_UNITS = sorted(lx.UNITS)


def _words(words, op: str | None = None) -> dict:
    pattern: dict = {"LOWER": {"IN": sorted(words)}}
    if op:
        pattern["OP"] = op
    return pattern


def _shapes(shapes, op: str | None = None) -> dict:
    pattern: dict = {"SHAPE": {"IN": sorted(shapes)}}
    if op:
        pattern["OP"] = op
    return pattern


MONTH = _words(lx.MONTHS)
WEEKDAY = _words(lx.WEEKDAYS)
YEAR = {"SHAPE": "dddd"}
DAY = _shapes(DAY_SHAPES + ORDINAL_SHAPES)
COMMA = {"ORTH": ",", "OP": "?"}
HYPHEN = {"ORTH": {"IN": ["-", "–"]}, "OP": "?"}
DASH = {"ORTH": {"IN": ["-", "–"]}}
# What joins the two days of a range: "9-10 September", "from 28 to 29 September".
DAY_JOINER = {"LOWER": {"IN": ["-", "–", "to", "through", "till", "until"]}}
THE = {"LOWER": "the", "OP": "?"}
OF = {"LOWER": "of"}
DIRECTION = _words(set(lx.DIRECTION_WORDS) | {"latest"})
PART_OF_DAY = _words(lx.PARTS_OF_DAY)
SEASON = _words(lx.SEASONS)
AM_PM = _words(lx.AM_PM)
TIME_ZONE = _words(lx.TIME_ZONES, "?")
ORDINAL = {"LOWER": {"IN": DAY_ORDINAL_WORDS}}
ORDINAL_NUMBER = _shapes(ORDINAL_SHAPES)
NUMBER = {"LOWER": {"IN": NUMBER_WORDS}}
DIGITS = _shapes(NUMBER_SHAPES)
UNIT = _words(ALL_UNITS)
SINGULAR_UNIT = _words(SINGULAR_UNITS)
PERIOD_NOUN = _words(["quarter", "half"])
FISCAL = {"LOWER": "fiscal", "OP": "?"}

# A quantity: digits, number words ("twenty - four"), "a couple of", "5 1/2", "one and a half".
QUANTITIES = [
    [DIGITS],
    [DIGITS, _shapes(["d/d"])],
    [NUMBER],
    [{"LOWER": {"IN": sorted(lx.CARDINALS)}}, HYPHEN, {"LOWER": {"IN": sorted(lx.CARDINALS)}}],
    [NUMBER, {"LOWER": "and"}, {"LOWER": "a"}, {"LOWER": "half"}],
    [DIGITS, {"LOWER": "and"}, {"LOWER": "a"}, {"LOWER": "half"}],
    [{"LOWER": {"IN": ["a", "an"]}, "OP": "?"}, {"LOWER": {"IN": ["couple", "few", "dozen"]}}, {"LOWER": "of", "OP": "?"}],
    [_words(lx.VAGUE_QUANTITIES)],
    [{"LOWER": {"IN": ["several", "few", "many"]}}, {"LOWER": "more"}],
]
CLOCK_TIMES = [
    [_shapes(CLOCK_SHAPES), AM_PM, TIME_ZONE],
    [_shapes(CLOCK_SHAPES)],
    [_shapes(DAY_SHAPES), AM_PM, TIME_ZONE],
    [{"SHAPE": {"IN": ["dxx", "ddxx"]}, "LOWER": {"REGEX": r"^\d{1,2}[ap]m$"}}, TIME_ZONE],
    [_words(lx.NAMED_TIMES), TIME_ZONE],
    # 4 in the morning, 9:30 at night
    *[[_shapes(DAY_SHAPES + CLOCK_SHAPES), *({"LOWER": word} for word in phrase)] for phrase in lx.HALF_OF_DAY_PHRASES],
]
DAY_NAMES = [
    [WEEKDAY],
    [_words(lx.DEICTIC_DAYS)],
]


def _date_patterns() -> list[list[dict]]:
    weekday_prefix = [_words(lx.WEEKDAYS, "?"), COMMA]
    patterns = [
        # August 28, 2024 / Wednesday, Aug. 28 / Aug. 28
        weekday_prefix + [MONTH, DAY, COMMA, YEAR],
        weekday_prefix + [MONTH, DAY],
        # Sept. 9-10 (2024) / 9 to 10 September (2024) / 1989-90
        [MONTH, DAY, DAY_JOINER, DAY, COMMA, YEAR],
        [MONTH, DAY, DAY_JOINER, DAY],
        [MONTH, _shapes(DAY_RANGE_SHAPES), COMMA, YEAR],
        [MONTH, _shapes(DAY_RANGE_SHAPES)],
        [DAY, DAY_JOINER, DAY, MONTH, COMMA, YEAR],
        [DAY, DAY_JOINER, DAY, MONTH],
        [_shapes(DAY_RANGE_SHAPES), MONTH, COMMA, YEAR],
        [_shapes(DAY_RANGE_SHAPES), MONTH],
        [YEAR, DASH, _shapes(["dd"])],
        # 28 August 2024 / the 28th of August
        weekday_prefix + [THE, DAY, {"LOWER": "of", "OP": "?"}, MONTH, COMMA, YEAR],
        weekday_prefix + [THE, DAY, {"LOWER": "of", "OP": "?"}, MONTH],
        [THE, ORDINAL, OF, MONTH, COMMA, YEAR],
        [THE, ORDINAL, OF, MONTH],
        # August 2024 / August of 2024 / August
        [MONTH, COMMA, YEAR],
        [MONTH, DAY, _words(["this", "last", "next"]), {"LOWER": "year"}],
        [MONTH, _words(["this", "last", "next"]), {"LOWER": "year"}],
        # March of next year, June of that year
        [MONTH, OF, _words(["this", "last", "next", "that", "the"]), _words(["same", "following", "previous"], "?"), {"LOWER": "year"}],
        [_words(["this", "last", "next"]), {"LOWER": "year"}, {"LOWER": {"IN": ["'s", "’s"]}}, ORDINAL, HYPHEN, PERIOD_NOUN],
        [YEAR, {"LOWER": {"IN": ["'s", "’s"]}}, ORDINAL, HYPHEN, PERIOD_NOUN],
        [MONTH, OF, YEAR],
        [DIRECTION, MONTH],
        [DIRECTION, MONTH, _shapes(DAY_SHAPES + ORDINAL_SHAPES)],
        [MONTH],
        # the 28th
        [{"LOWER": "the"}, ORDINAL_NUMBER],
        # 2024, fiscal 2024, fiscal year 2024
        [YEAR],
        [{"LOWER": "fiscal"}, {"LOWER": "year", "OP": "?"}, YEAR],
        [THE, {"LOWER": {"IN": ["fiscal", "calendar", "financial", "school"]}}, {"LOWER": "year"}],
        # 2024-08-28 / 28/08/2024
        [YEAR, {"ORTH": "-"}, _shapes(DAY_SHAPES), {"ORTH": "-"}, _shapes(DAY_SHAPES)],
        [_shapes(NUMERIC_DATE_SHAPES)],
        # the 1990s / the '90s / the 1990's / the nineties / mid-1990s
        [THE, _shapes(["ddddx", "xxx-ddddx", "xxxx-ddddx", "xxx-dddd"])],
        [THE, {"ORTH": {"IN": ["'", "’"]}}, _shapes(["ddx"])],
        [THE, YEAR, {"LOWER": {"IN": ["'s", "’s"]}}],
        [{"LOWER": "the"}, _words(lx.DECADE_WORDS)],
        # the 20th century / the twentieth century
        [THE, {"SHAPE": {"IN": ORDINAL_SHAPES}}, HYPHEN, {"LOWER": {"IN": ["century", "centuries"]}}],
        [THE, ORDINAL, HYPHEN, {"LOWER": {"IN": ["century", "centuries"]}}],
        # seasons: summer 2022, the summer of 2022, last winter
        [THE, SEASON, OF, YEAR],
        [THE, SEASON, OF, _words(["eighteen", "nineteen"]), _words(lx.TENS | {"hundred"}), HYPHEN, _words(ONES, "?")],
        [DIRECTION, SEASON],
        [{"LOWER": "this"}, {"LOWER": "past"}, _words(set(lx.SEASONS) | set(lx.MONTHS) | {"week", "weekend", "month", "year"})],
        [SEASON, YEAR],
        [SEASON],
        [{"LOWER": "the"}, SEASON],
        # years said in words: nineteen ninety-six, the year two thousand
        [_words(["eighteen", "nineteen"]), _words(lx.TENS | {"hundred"}), HYPHEN, _words(ONES, "?")],
        [MONTH, COMMA, _words(["eighteen", "nineteen"]), _words(lx.TENS | {"hundred"}), HYPHEN, _words(ONES, "?")],
        [THE, {"LOWER": "year", "OP": "?"}, {"LOWER": "two"}, {"LOWER": "thousand"}, {"LOWER": "and", "OP": "?"}, _words(ONES, "?")],
        [{"LOWER": "the"}, {"LOWER": "year"}, YEAR],
        # quarters and halves: the third quarter (of 1989), the 1988 third quarter, third-quarter
        [THE, FISCAL, ORDINAL, HYPHEN, PERIOD_NOUN, OF, YEAR],
        [THE, FISCAL, ORDINAL, HYPHEN, PERIOD_NOUN, YEAR],
        [THE, FISCAL, ORDINAL, HYPHEN, PERIOD_NOUN],
        [THE, _words(["last", "latter", "final"]), PERIOD_NOUN, OF, YEAR],
        # the second half of July (2016): the end of that month
        [THE, _words(["first", "second", "last", "latter"]), {"LOWER": "half"}, OF, MONTH, COMMA, {"SHAPE": "dddd", "OP": "?"}],
        [THE, YEAR, _words(["quarter", "period"])],
        [THE, _shapes(["dxx"]), HYPHEN, PERIOD_NOUN, OF, YEAR],
        [THE, _shapes(["dxx"]), HYPHEN, PERIOD_NOUN],
        [THE, YEAR, ORDINAL, HYPHEN, PERIOD_NOUN],
        [THE, {"LOWER": "fiscal"}, YEAR, ORDINAL, HYPHEN, PERIOD_NOUN],
        [THE, DIRECTION, PERIOD_NOUN],
        [_words(["q1", "q2", "q3", "q4", "h1", "h2"]), YEAR],
        [_words(["q1", "q2", "q3", "q4", "h1", "h2"])],
        # today / yesterday morning / Friday / last Friday / Friday night
        *DAY_NAMES,
        [THE, DIRECTION, WEEKDAY],
        [WEEKDAY, PART_OF_DAY],
        [_words(lx.DEICTIC_DAYS), PART_OF_DAY],
        [{"LOWER": "the"}, {"LOWER": "day"}, {"LOWER": {"IN": ["before", "after"]}}, _words(["yesterday", "tomorrow"])],
        [{"LOWER": {"IN": ["this", "that", "last", "next", "early", "late"]}}, PART_OF_DAY],
        # "the next morning", "the previous night": told from the day the text is about
        [{"LOWER": "the"}, {"LOWER": {"IN": ["next", "following", "previous", "preceding"]}}, PART_OF_DAY],
        [{"LOWER": "the"}, _words(["morning", "afternoon", "evening"])],
        [PART_OF_DAY, _words(lx.DEICTIC_DAYS)],
        [{"LOWER": {"IN": ["mid"]}}, HYPHEN, PART_OF_DAY, _words(lx.DEICTIC_DAYS, "?")],
        [{"LOWER": "overnight"}],
        # this year / last week / the coming month / earlier this month / the year
        [THE, DIRECTION, FISCAL, SINGULAR_UNIT],
        [_words(["earlier", "later"]), _words(["this", "that", "last", "next"]), SINGULAR_UNIT],
        [_words(["earlier", "later"]), {"LOWER": "in"}, {"LOWER": "the"}, _words(["day", "week", "month", "year"])],
        [{"LOWER": "the"}, _words(["full", "entire", "whole"]), _words(["year", "quarter", "month", "week"])],
        # the week of March 6
        [THE, {"LOWER": "week"}, OF, MONTH, DAY, COMMA, YEAR],
        [THE, {"LOWER": "week"}, OF, MONTH, DAY],
        [{"LOWER": "the"}, _words(["same", "previous", "following", "current"]), SINGULAR_UNIT],
        [{"LOWER": "the"}, _words(["year", "month", "week", "weekend", "quarter"])],
        [_words(["that", "this"]), _words(["day", "week", "weekend", "month", "year", "quarter"])],
        # year-ago, the year-earlier quarter
        [THE, {"LOWER": "year"}, HYPHEN, _words(["ago", "earlier"]), _words(["quarter", "period", "month", "year"], "?")],
        [THE, {"LOWER": "year"}, HYPHEN, _words(["ago", "earlier"]), ORDINAL, HYPHEN, PERIOD_NOUN],
        [{"LOWER": "the"}, _words(lx.COMPARABLE_WORDS), {"LOWER": "year"}, HYPHEN, _words(["ago", "earlier"]), _words(["quarter", "period", "month"])],
        [THE, {"LOWER": "year"}, HYPHEN, {"LOWER": "end"}],
        # the latest period / the comparable period / the quarter a year ago / the same period last year
        [{"LOWER": "the"}, _words(["latest", "current", "same", "previous", "prior"] + sorted(lx.COMPARABLE_WORDS)), _words(["period", "quarter"])],
        *[
            [{"LOWER": "the"}, _words(["same"] + sorted(lx.COMPARABLE_WORDS), "?"), _words(["period", "quarter", "month"])]
            + [{"LOWER": word} for word in phrase]
            for phrase in sorted(lx.YEAR_BACK_PHRASES)
        ],
        [THE, {"LOWER": "year"}, {"LOWER": {"IN": ["'s", "’s"]}}, {"LOWER": "end"}],
        # two years ago / a year earlier / three days later / two weeks from now
        *[q + [HYPHEN, UNIT, _words(lx.OFFSET_WORDS)] for q in QUANTITIES],
        *[q + [UNIT, {"LOWER": "or"}, {"LOWER": "so"}, _words(lx.OFFSET_WORDS)] for q in QUANTITIES],
        *[q + [UNIT, {"LOWER": "from"}, {"LOWER": {"IN": ["now", "today"]}}] for q in QUANTITIES],
        [{"LOWER": "this"}, {"LOWER": "time"}, _words(["last", "next"]), SINGULAR_UNIT],
    ]
    return patterns


def _time_patterns() -> list[list[dict]]:
    patterns = []
    for clock in CLOCK_TIMES:
        patterns.append(clock)
        for day in DAY_NAMES:
            patterns.append(clock + [COMMA] + day)
            patterns.append(clock + [{"LOWER": "on"}] + day)
            patterns.append(day + [COMMA, {"LOWER": "at", "OP": "?"}] + clock)
        # 6:30 pm ET February 11, 2013 / 9 am on 3 March: the time of that day
        for joiner in (COMMA, {"LOWER": "on"}):
            patterns.append(clock + [joiner, MONTH, DAY])
            patterns.append(clock + [joiner, MONTH, DAY, COMMA, YEAR])
            patterns.append(clock + [joiner, DAY, MONTH])
            patterns.append(clock + [joiner, DAY, MONTH, COMMA, YEAR])
    return patterns


def _duration_patterns() -> list[list[dict]]:
    patterns = []
    for quantity in QUANTITIES:
        # three years / a decade / the past two months / two-year / the first nine months
        patterns.append([THE, _words(["past", "last", "next", "first", "coming", "previous", "following", "final", "remaining", "additional", "other", "further", "same"], "?")] + quantity + [HYPHEN, UNIT])
        patterns.append(quantity + [{"LOWER": "more"}, UNIT])
        # "a week or so", "the next two years or so": a count given as a rough one
        patterns.append([THE, _words(["past", "last", "next", "coming"], "?")] + quantity + [UNIT, {"LOWER": "or"}, {"LOWER": "so"}])
        patterns.append(quantity + [UNIT, {"LOWER": "and"}, {"LOWER": {"IN": ["a", "one"]}}, {"LOWER": "half"}])
    patterns.append([_words(["the"], "?"), _words(["past", "last", "next", "coming", "previous", "recent"]), _words(["few", "several", "many"]), UNIT])
    patterns.append([UNIT, HYPHEN, {"LOWER": "long"}])
    # an additional year, eight trading days
    patterns.append([_words(["a", "an"]), _words(lx.UNIT_ADJECTIVES), SINGULAR_UNIT])
    for quantity in QUANTITIES[:4]:
        patterns.append(quantity + [_words(lx.UNIT_ADJECTIVES), UNIT])
    # bare plural units ("for years"); the interpreter keeps them only after a cue
    patterns.append([_words(lx.PLURAL_UNITS)])
    patterns.append([_words(["recent", "coming", "past", "future", "upcoming"]), _words(lx.PLURAL_UNITS)])
    patterns.append([{"LOWER": "the"}, _words(lx.PLURAL_UNITS), {"LOWER": "ahead"}])
    return patterns


def _set_patterns() -> list[list[dict]]:
    targets = [UNIT, WEEKDAY, PART_OF_DAY, MONTH, SEASON]
    patterns = []
    for target in targets:
        patterns.append([_words(["every", "each", "per"]), _words(["other", "single"], "?"), target])
        for quantity in QUANTITIES[:4]:
            patterns.append([_words(["every", "each"])] + quantity + [target])
    patterns.append([_words(lx.UNITS_AS_ADJECTIVES)])
    patterns.append([_words(lx.WEEKDAYS_PLURAL)])
    patterns.append([WEEKDAY, _words(lx.PARTS_OF_DAY_PLURAL)])
    patterns.append([_words(["a", "an"]), SINGULAR_UNIT])
    return patterns


def _reference_patterns() -> list[list[dict]]:
    patterns = [
        [_words(lx.REFERENCE_WORDS)],
        [{"LOWER": "then", "OP": "?"}, {"ORTH": "-", "OP": "?"}, _words(lx.REFERENCE_ADJECTIVES)],
    ]
    for phrase in lx.REFERENCE_PHRASES:
        patterns.append([{"LOWER": word} for word in phrase])
    return patterns


# Words and shapes of which every pattern has at least one, not optional. Most of a text
# has none of them, so the Matcher only runs on short windows around them.
ANCHOR_WORDS = frozenset(
    set(lx.MONTHS) | set(lx.WEEKDAYS) | set(lx.WEEKDAYS_PLURAL) | set(lx.SEASONS) | set(lx.SEASONS_PLURAL)
    | set(lx.PARTS_OF_DAY) | set(lx.PARTS_OF_DAY_PLURAL) | set(lx.UNITS) | set(lx.DECADE_WORDS)
    | set(lx.DEICTIC_DAYS) | set(lx.REFERENCE_WORDS) | set(lx.REFERENCE_ADJECTIVES) | {phrase[-1] for phrase in lx.REFERENCE_PHRASES}
    | set(lx.UNITS_AS_ADJECTIVES) | set(lx.NAMED_TIMES) | set(lx.AM_PM)
    | {"half", "overnight", "q1", "q2", "q3", "q4", "h1", "h2", "eighteen", "nineteen", "thousand", "period"}
)
# Plain small numbers are not anchors: they are everywhere in news, and a pattern that
# counts them also has a unit or a month.
ANCHOR_SHAPES = frozenset(
    set(ORDINAL_SHAPES) | set(NUMERIC_DATE_SHAPES) | set(CLOCK_SHAPES)
    | {"dddd", "ddddx", "xxx-ddddx", "xxxx-ddddx", "xxx-dddd", "ddx"}
)
def _is_anchor(token_pattern: dict) -> bool:
    if token_pattern.get("OP") in ("?", "*"):
        return False
    for attribute, anchors in (("LOWER", ANCHOR_WORDS), ("SHAPE", ANCHOR_SHAPES)):
        allowed = token_pattern.get(attribute)
        if isinstance(allowed, str) and allowed in anchors:
            return True
        if isinstance(allowed, dict) and "IN" in allowed and set(allowed["IN"]) <= anchors:
            return True
    return False


def _anchor_reach(label: str, pattern: list[dict]) -> tuple[int, int]:
    """How many tokens the pattern may span before and after its best-placed anchor."""
    reaches = [(i, len(pattern) - 1 - i) for i, token in enumerate(pattern) if _is_anchor(token)]
    if not reaches:
        raise ValueError(f"{label} pattern has no anchor word or shape: {pattern}")
    return min(reaches, key=max)


class Grammar:
    """The compiled matchers for one vocabulary."""

    def __init__(self, vocab: Vocab):
        self.matcher = Matcher(vocab)
        # A match lies within reach_before tokens before and reach_after tokens after one of
        # its anchors, so windows that wide around every anchor find every match.
        self.reach_before = self.reach_after = 0
        for label, patterns in (
            ("DATE", _date_patterns()),
            ("TIME", _time_patterns()),
            ("DURATION", _duration_patterns()),
            ("SET", _set_patterns()),
            ("REF", _reference_patterns()),
        ):
            for pattern in patterns:
                before, after = _anchor_reach(label, pattern)
                self.reach_before = max(self.reach_before, before)
                self.reach_after = max(self.reach_after, after)
            self.matcher.add(label, patterns)
        # Holiday names are fixed phrases; the lexicon lists them as tokens already.
        self.holidays = PhraseMatcher(vocab, attr="LOWER")
        self.holidays.add("HOLIDAY", [Doc(vocab, words=list(phrase)) for phrase in lx.HOLIDAY_PHRASES])
        strings = vocab.strings
        self._anchor_words = numpy.array(sorted(strings.add(w) for w in ANCHOR_WORDS), dtype="uint64")
        self._anchor_shapes = numpy.array(sorted(strings.add(s) for s in ANCHOR_SHAPES), dtype="uint64")

    def windows(self, doc: Doc) -> list[tuple[int, int]]:
        """Token ranges around anchor words, merged where they touch."""
        if len(doc) == 0:
            return []
        attributes = doc.to_array([LOWER, SHAPE]).astype("uint64")
        anchored = numpy.isin(attributes[:, 0], self._anchor_words) | numpy.isin(attributes[:, 1], self._anchor_shapes)
        windows: list[tuple[int, int]] = []
        for index in numpy.flatnonzero(anchored).tolist():
            start, end = max(0, index - self.reach_before), min(len(doc), index + self.reach_after + 1)
            if windows and start <= windows[-1][1]:
                windows[-1] = (windows[-1][0], end)
            else:
                windows.append((start, end))
        return windows

    def __call__(self, doc: Doc) -> list[tuple[str, int, int]]:
        """Candidate spans as (kind, start token, end token), possibly overlapping.

        A document is tagged twice when its publication date must be inferred first, and the
        candidates do not depend on that date: the matches are kept with the Doc and reused.
        """
        cached = doc.user_data.get(_CANDIDATES_KEY)
        if cached is not None:
            return list(cached)
        strings = doc.vocab.strings
        found = []
        for window_start, window_end in self.windows(doc):
            for key, start, end in self.matcher(doc[window_start:window_end]):
                found.append((strings[key], window_start + start, window_start + end))
        for _, start, end in self.holidays(doc):
            found.append(("HOLIDAY", start, end))
            if end < len(doc) and doc[end].shape_ == "dddd":
                found.append(("HOLIDAY", start, end + 1))  # "Easter 2024"
            if end < len(doc) and doc[end].lower_ == "week":
                found.append(("HOLIDAY", start, end + 1))  # "Easter week", "Christmas week"
        doc.user_data[_CANDIDATES_KEY] = tuple(found)
        return found


_CANDIDATES_KEY = "briefgen.temporal_candidates"

# Keyed by id(); the vocabulary is kept alongside so that an id is never reused while its
# entry lives (spaCy's Vocab cannot be weakly referenced). A process has one or two.
_GRAMMARS: dict[int, tuple[Vocab, Grammar]] = {}


def grammar_for(vocab: Vocab) -> Grammar:
    """The grammar compiled for this vocabulary, built on first use."""
    entry = _GRAMMARS.get(id(vocab))
    if entry is None or entry[0] is not vocab:
        entry = (vocab, Grammar(vocab))
        _GRAMMARS[id(vocab)] = entry
    return entry[1]
