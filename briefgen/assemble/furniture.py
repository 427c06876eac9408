"""Page furniture: lines a publisher prints on every article, which are not news.

"A version of this article appeared in print on March 3, 2009, on page A1", a "RETWEET"
sidebar or a comments block carries a date, so extraction makes an event of it; printed on
many articles of one outlet it merges into one entry with many sources, the best-sourced
"event" of the briefing. What gives it away is that its wording stays while its date moves
with each article: the same words, numbers and month names aside, dated to three or more
different days by three or more sources. A real event repeated word for word across
articles (a background paragraph, a syndicated wire story) keeps its date, and a real
event whose sources disagree on the date is worded differently by each.
"""

from __future__ import annotations

import re
from collections import defaultdict

from briefgen.model import Event

MIN_SOURCES = 3
MIN_DAYS = 3
# The share of a furniture entry's sources that print the same wording.
MIN_SAME_WORDING = 0.6

_WORD = re.compile(r"[^\W\d_]+")
_DATE_NAMES = frozenset(
    """
    jan january feb february mar march apr april may jun june jul july aug august sep sept september
    oct october nov november dec december mon monday tue tues tuesday wed wednesday thu thur thurs thursday
    fri friday sat saturday sun sunday today yesterday tomorrow tonight st nd rd th
    """.split()
)


def wording(text: str) -> str:
    """The words of a sentence without its dates and numbers, for comparing templates."""
    return " ".join(word for word in _WORD.findall(text.casefold()) if word not in _DATE_NAMES)


def is_page_furniture(event: Event) -> bool:
    """Whether the entry is one line printed across articles with each article's own date."""
    if not event.conflicting_dates:
        return False
    days = {date.start or date.value for date in [event.date, *event.conflicting_dates]}
    sources = {span.source for span in event.evidence}
    if len(sources) < MIN_SOURCES or len(days) < MIN_DAYS:
        return False
    sources_of_wording: dict[str, set[str]] = defaultdict(set)
    for span in event.evidence:
        sources_of_wording[wording(span.text)].add(span.source)
    most_shared = max(len(s) for s in sources_of_wording.values())
    return most_shared >= MIN_SOURCES and most_shared >= MIN_SAME_WORDING * len(sources)
