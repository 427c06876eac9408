"""The key days of a story: the memo's timeline as a digest of hundreds of articles.

A folder of a few hundred articles yields thousands of dated events; a reader wants what a
news desk publishes instead, the twenty or thirty days that mattered, each with the two or
three sentences that say what happened. The digest is chosen from the whole corpus, in two
steps.

**Which days.** A day matters when the corpus points at it: articles are published on it
(news follows events within a day) and articles refer to it, by any date that resolves to
it ("on 12 January", "Tuesday", "yesterday"). A day's salience is the number of distinct
articles referring to it plus half the number published on it and a quarter of those
published the day after (a day's events are reported the next morning). Only single days
count; an event known only to its month or year is no key day. The story's span is where
the articles were published (from the first day by which 2% of them had appeared, less a
week, to the last); an earlier day is history the articles recall, eligible only when many
of them (5%, and at least three) refer to it, so a few recalled dates do not crowd out the
story while its founding moments stay. Page furniture (``assemble.furniture``) counts for
nothing.

**Which statements.** Each of a day's events offers its sources' sentences. A sentence is
central when its content words (stems weighted by how rare they are in the sentences of all
days) are close to those of the day's other sentences and to those of the whole story, and
it counts for more when more sources report its event; of the most central, a sentence too
like one already chosen is passed over, so the K statements of a day say K different things.
Each statement is the source's own sentence, with the ids of the sources reporting its event.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable, Optional

from briefgen.assemble.content_words import content_words
from briefgen.assemble.furniture import is_page_furniture, wording
from briefgen.model import Briefing, Event

DAY_GRANULARITIES = frozenset({"day", "time"})
# When --key-days is not given: no digest for a handful of articles (the memo lists their
# events), else about twice the square root of the number of articles, within 10 to 30 days.
AUTO_DIGEST_MIN_SOURCES = 12
MIN_AUTO_KEY_DAYS = 10
MAX_AUTO_KEY_DAYS = 30
DEFAULT_PER_DAY = 3

REFERRING_WEIGHT = 1.0
PUBLISHED_WEIGHT = 0.5
PUBLISHED_NEXT_DAY_WEIGHT = 0.25
SPAN_QUANTILE = 0.02
SPAN_LEAD_DAYS = 7
RECALLED_MIN_SHARE = 0.05
RECALLED_MIN_SOURCES = 3

STORY_WEIGHT = 1.0
SUPPORT_WEIGHT = 0.1
REDUNDANT_SIMILARITY = 0.3
MIN_SENTENCE_WORDS = 6
MAX_SENTENCE_WORDS = 60


@dataclass(frozen=True)
class DigestStatement:
    """One statement of what happened on a key day: a source's sentence and who reports it."""

    event_id: str
    text: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class KeyDay:
    day: dt.date
    statements: tuple[DigestStatement, ...]
    published: int  # articles published that day
    referring: int  # articles with an event dated to that day


@dataclass(frozen=True)
class Digest:
    """The key days in timeline order, and what they were chosen from."""

    days: tuple[KeyDay, ...]
    dated_days: int  # days with at least one event dated to them
    per_day: int


def default_key_days(source_count: int) -> Optional[int]:
    """How many key days a memo of ``source_count`` articles shows when the reader did not
    say; None for a handful of articles, whose memo lists every event."""
    if source_count < AUTO_DIGEST_MIN_SOURCES:
        return None
    return max(MIN_AUTO_KEY_DAYS, min(MAX_AUTO_KEY_DAYS, round(2 * math.sqrt(source_count))))


def build_digest(briefing: Briefing, key_days: int, per_day: int = DEFAULT_PER_DAY) -> Digest:
    """The ``key_days`` most salient days of the briefing, each with up to ``per_day`` statements."""
    published = Counter(dt.date.fromisoformat(s.published) for s in briefing.sources if s.published)
    events_of_day: dict[dt.date, list[Event]] = defaultdict(list)
    for event in briefing.events:
        if _single_day(event) and not is_page_furniture(event):
            events_of_day[dt.date.fromisoformat(event.date.start)].append(event)
    referring = {day: len({span.source for e in events for span in e.evidence}) for day, events in events_of_day.items()}
    eligible = _eligible_days(events_of_day, referring, published, len(briefing.sources))
    sentences = {day: _sentences(events_of_day[day]) for day in eligible}
    sentences = {day: found for day, found in sentences.items() if found}
    weights = _inverse_document_frequency(s.words for found in sentences.values() for s in found)
    every = [s for found in sentences.values() for s in found]
    story = _centroid_by_source(every, [s.vector(weights) for s in every])

    def salience(day: dt.date) -> float:
        return (REFERRING_WEIGHT * referring.get(day, 0) + PUBLISHED_WEIGHT * published.get(day, 0)
                + PUBLISHED_NEXT_DAY_WEIGHT * published.get(day + dt.timedelta(days=1), 0))

    chosen_days = sorted(sentences, key=lambda day: (-salience(day), day))[:key_days]
    shown: set[str] = set()
    days = []
    for day in sorted(chosen_days):
        statements = _central_statements(sentences[day], weights, story, per_day, shown)
        days.append(KeyDay(day, tuple(statements), published.get(day, 0), referring.get(day, 0)))
    return Digest(tuple(days), dated_days=len(events_of_day), per_day=per_day)


def _single_day(event: Event) -> bool:
    date = event.date
    return date.granularity in DAY_GRANULARITIES and bool(date.start) and date.start == date.end


def _eligible_days(events_of_day: dict[dt.date, list[Event]], referring: dict[dt.date, int],
                   published: Counter, source_count: int) -> list[dt.date]:
    """The days that may be key days: within the story's span, or recalled by many articles."""
    if not published:
        return sorted(events_of_day)
    ordered = sorted(published.elements())
    first = ordered[min(len(ordered) - 1, int(SPAN_QUANTILE * len(ordered)))] - dt.timedelta(days=SPAN_LEAD_DAYS)
    last = ordered[-1]
    recalled = max(RECALLED_MIN_SOURCES, RECALLED_MIN_SHARE * source_count)
    return sorted(day for day in events_of_day
                  if day <= last and (day >= first or referring[day] >= recalled))


@dataclass
class _Sentence:
    """A sentence offered for a day: the words of one or more sources, and its event."""

    text: str
    key: str  # its wording without dates and numbers
    event: Event
    words: frozenset[str]
    sources: set[str]

    def vector(self, weights: dict[str, float]) -> dict[str, float]:
        return _unit({word: weights[word] for word in self.words})


def _sentences(events: list[Event]) -> list[_Sentence]:
    """The day's sentences, one per distinct wording, each from the event most sources report."""
    by_wording: dict[str, _Sentence] = {}
    for event in sorted(events, key=lambda e: -len({span.source for span in e.evidence})):
        for span in event.evidence:
            text = " ".join(span.text.split())
            if not MIN_SENTENCE_WORDS <= len(text.split()) <= MAX_SENTENCE_WORDS:
                continue
            key = wording(text)
            if key in by_wording:
                by_wording[key].sources.add(span.source)
                continue
            words = content_words(text)
            if words:
                by_wording[key] = _Sentence(text, key, event, words, {span.source})
    return list(by_wording.values())


def _inverse_document_frequency(documents: Iterable[frozenset[str]]) -> dict[str, float]:
    frequency: Counter = Counter()
    total = 0
    for words in documents:
        frequency.update(words)
        total += 1
    return {word: math.log((1 + total) / (1 + count)) + 1 for word, count in frequency.items()}


def _unit(vector: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vector.values()))
    return {word: v / norm for word, v in vector.items()} if norm else {}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(value * b.get(word, 0.0) for word, value in a.items())


def _central_statements(sentences: list[_Sentence], weights: dict[str, float], story: dict[str, float],
                        count: int, shown: set[str]) -> list[DigestStatement]:
    """The ``count`` most central sentences of a day that say different things, from different
    articles as long as the day offers enough."""
    vectors = [s.vector(weights) for s in sentences]
    day = _centroid_by_source(sentences, vectors)

    def centrality(i: int) -> float:
        support = len({span.source for span in sentences[i].event.evidence} | sentences[i].sources)
        return (_cosine(vectors[i], day) + STORY_WEIGHT * _cosine(vectors[i], story)
                + SUPPORT_WEIGHT * math.log(support))

    ranked = sorted(range(len(sentences)), key=lambda i: (-centrality(i), i))
    chosen: list[int] = []
    for distinct_articles in (True, False):
        for i in ranked:
            if len(chosen) == count:
                break
            if i in chosen or sentences[i].key in shown:
                continue
            if any(_cosine(vectors[i], vectors[j]) >= REDUNDANT_SIMILARITY for j in chosen):
                continue
            if distinct_articles and any(sentences[i].sources & sentences[j].sources for j in chosen):
                continue
            chosen.append(i)
    statements = []
    for i in sorted(chosen, key=ranked.index):
        sentence = sentences[i]
        shown.add(sentence.key)
        reporting = dict.fromkeys([*sorted(sentence.sources, key=_source_number),
                                   *(span.source for span in sentence.event.evidence)])
        statements.append(DigestStatement(sentence.event.id, sentence.text, tuple(reporting)))
    return statements


def _centroid_by_source(sentences: list[_Sentence], vectors: list[dict[str, float]]) -> dict[str, float]:
    """The centroid of sentences with every article weighing the same, however many of the
    sentences it holds: a live page or a comments thread must not make up a day by itself."""
    share: Counter = Counter(source for s in sentences for source in s.sources)
    total: dict[str, float] = defaultdict(float)
    for sentence, vector in zip(sentences, vectors):
        weight = sum(1 / share[source] for source in sentence.sources)
        for word, value in vector.items():
            total[word] += weight * value
    return _unit(total)


def _source_number(source_id: str) -> int:
    return int(source_id[1:])
