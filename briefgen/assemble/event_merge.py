"""One timeline entry per event, however many sources report it.

Three articles on one signing give three extracted events; the timeline must show one entry
with all three as its evidence. If one article dates the signing to another year, the entry
keeps the date most sources give and shows the other as a conflict for a person to resolve.

Two reports from different sources are taken for the same event when

* their types agree, or one of them is ``other``;
* they share an actor, or one of them names none (an actor counts for an event when it is in
  the event's actors or named in its summary);
* their summaries share enough content words (stems, less stop words, date words, words
  every diplomatic report uses and the actors' names: see ``content_words``), measured as
  Dice overlap, and the date relation allows it:

  - both dated to the same single day: at least one shared content word and a score (Dice
    + 0.5 × actor overlap + 0.25 for the same specific type) of at least 0.6;
  - one date's span contains the other's ("2020" and "5 March 2020"): Dice ≥ 0.3, a score
    of at least 0.75, and two shared content words or a shared actor (or the same words);
    the finer date becomes the entry's date;
  - same day, same specific type, and one summary says nothing beyond its actors and the
    type's own verb ("Norway and Chile signed"): its actors all in the other's, and no other
    report of that source fitting as well (otherwise which one it means is a guess);
  - the spans are disjoint or only overlap: a date *conflict*, accepted only on stronger
    evidence — the same type, a shared actor, Dice ≥ 0.6 and at least two shared content
    words — because two summits of the same two countries a year apart are different
    events, not one event dated two ways.

Reports from one source are never merged with each other: within an article that is
extraction's decision. Matching is greedy, strongest pairs first, and an entry never takes
two reports from one source or two dates neither of which contains the other; conflicting
groups are linked afterwards. The entry's date comes from the group of agreeing reports with
the most sources (ties: the finer date, then the earlier source); the other groups' dates go
to ``conflicting_dates``, each with the sources that give it.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from itertools import combinations
from typing import Iterable, Optional

from briefgen.assemble.content_words import content_words, name_words, stem
from briefgen.extract.vocabulary import EVENT_TYPE_WORDS
from briefgen.model import Actor, Event, EventDate

ACTOR_WEIGHT = 0.5
SAME_TYPE_BONUS = 0.25
SAME_DAY_MIN_SCORE = 0.6
CONTAINED_MIN_DICE = 0.3
CONTAINED_MIN_SCORE = 0.75
CONTAINED_MIN_SHARED_WORDS = 2
CONFLICT_MIN_DICE = 0.6
CONFLICT_MIN_SHARED_WORDS = 2
DAY_GRANULARITIES = frozenset({"day", "time"})
BASIS_RANK = {"explicit": 0, "relative": 1, "inferred": 2}
# A word that only restates the event's type ("signed", "summit") says nothing the type
# comparison has not said already.
_TYPE_STEMS = frozenset(stem(word) for words in EVENT_TYPE_WORDS.values() for word in words)


@dataclass
class _Report:
    """One event as one source reported it."""

    order: int  # source order, then text order
    source_id: str
    event: Event
    words: frozenset[str]
    actors: frozenset[str]  # case-folded actor names


@dataclass
class _Group:
    """Reports that agree on the event and on its date (each date contains or is the others)."""

    reports: list[_Report] = field(default_factory=list)

    @property
    def sources(self) -> set[str]:
        return {r.source_id for r in self.reports}

    @property
    def first(self) -> int:
        return min(r.order for r in self.reports)

    def best_date(self) -> EventDate:
        """The finest date of the group; every other date in it contains this one."""
        finest = min(self.reports, key=lambda r: (_span_days(r.event.date), BASIS_RANK[r.event.date.basis], r.order))
        sources = sorted(self.reports, key=lambda r: r.order)
        ids = list(dict.fromkeys(r.source_id for r in sources))
        return finest.event.date.model_copy(update={"sources": ids})


def merge_events(per_source: list[tuple[str, list[Event]]], actors: list[Actor]) -> list[Event]:
    """Events of all sources, reports of one event merged; in source and text order."""
    reports = _reports(per_source, actors)
    matches = _candidate_matches(reports)
    groups = _agreeing_groups(reports, [m for m in matches if m.kind != "conflict"])
    linked = _conflicting_groups(groups, [m for m in matches if m.kind == "conflict"])
    entries = [_entry(members) for members in linked]
    return [event for _, event in sorted(entries, key=lambda pair: pair[0])]


def _reports(per_source: list[tuple[str, list[Event]]], actors: list[Actor]) -> list[_Report]:
    actor_of = {n: actor.name for actor in actors for n in [actor.name, *actor.aliases] if n.strip()}
    mentions = _mention_pattern(actor_of)
    names_of = {actor.name.casefold(): [actor.name, *actor.aliases] for actor in actors}
    reports = []
    for source_id, events in per_source:
        for event in events:
            mentioned = {actor_of[m.group()] for m in mentions.finditer(event.summary)} if mentions else set()
            names = {n.casefold() for n in [*event.actors, *mentioned]}
            ignore = name_words(n for name in names for n in names_of.get(name, [name])) | _TYPE_STEMS
            words = content_words(event.summary, ignore)
            reports.append(_Report(len(reports), source_id, event, words, frozenset(names)))
    return reports


def _mention_pattern(names: Iterable[str]) -> Optional[re.Pattern]:
    """One pattern for every name, longest first, so "South Korea" is not read as "Korea".

    Case-sensitive: names are capitalised in running text, and "US" must not match "us".
    """
    ordered = sorted(names, key=len, reverse=True)
    if not ordered:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(n) for n in ordered) + r")(?!\w)")


def _span_days(date: EventDate) -> int:
    if not (date.start and date.end):
        return 1 << 30
    return (dt.date.fromisoformat(date.end) - dt.date.fromisoformat(date.start)).days


def _date_relation(a: EventDate, b: EventDate) -> str:
    """'same day', 'contained' (one span within the other), 'apart' or 'unknown'."""
    if not (a.start and a.end and b.start and b.end):
        return "unknown"
    if (a.start, a.end) == (b.start, b.end) and a.start == a.end and {a.granularity, b.granularity} <= DAY_GRANULARITIES:
        return "same day"
    if (a.start <= b.start and b.end <= a.end) or (b.start <= a.start and a.end <= b.end):
        return "contained"
    return "apart"


def _types_agree(a: str, b: str) -> bool:
    return a == b or "other" in (a, b)


@dataclass(frozen=True)
class _Match:
    kind: str  # "same", "bare" or "conflict"
    score: float
    a: _Report
    b: _Report


def _compare(a: _Report, b: _Report) -> Optional[_Match]:
    if a.source_id == b.source_id or not _types_agree(a.event.type, b.event.type):
        return None
    relation = _date_relation(a.event.date, b.event.date)
    if relation == "unknown":
        return None  # an event without a calendar span gives nothing to compare dates by
    shared_actors = a.actors & b.actors
    if a.actors and b.actors and not shared_actors:
        return None
    actor_overlap = len(shared_actors) / len(a.actors | b.actors) if a.actors and b.actors else 0.0
    shared_words = a.words & b.words
    dice = 2 * len(shared_words) / (len(a.words) + len(b.words)) if shared_words else 0.0
    same_type = a.event.type == b.event.type and a.event.type != "other"
    score = dice + ACTOR_WEIGHT * actor_overlap + (SAME_TYPE_BONUS if same_type else 0.0)
    if relation == "apart":
        conflict = (a.event.type == b.event.type and shared_actors and dice >= CONFLICT_MIN_DICE
                    and len(shared_words) >= CONFLICT_MIN_SHARED_WORDS)
        return _Match("conflict", score, a, b) if conflict else None
    if relation == "same day":
        if shared_words and score >= SAME_DAY_MIN_SCORE:
            return _Match("same", score, a, b)
        bare, other = (a, b) if not a.words else (b, a)
        if not bare.words and same_type and bare.actors and bare.actors <= other.actors:
            return _Match("bare", score, a, b)
        return None
    # Dates that only contain one another agree less than one day does: one shared word
    # ("contracts signed before 2 September", "the economy contracted in 2011") is not enough
    # unless the two share an actor too, or it is all either summary says.
    enough_words = len(shared_words) >= CONTAINED_MIN_SHARED_WORDS or bool(shared_actors) or a.words == b.words
    if dice >= CONTAINED_MIN_DICE and score >= CONTAINED_MIN_SCORE and enough_words:
        return _Match("same", score, a, b)
    return None


def _candidate_pairs(reports: list[_Report]) -> list[tuple[int, int]]:
    """The pairs that could match at all: those sharing a content word, and a report without
    content words with each report of its day. Comparing only these spares a briefing of a
    thousand events half a million comparisons."""
    by_word: dict[str, list[int]] = defaultdict(list)
    by_day: dict[str, list[int]] = defaultdict(list)
    for report in reports:
        for word in report.words:
            by_word[word].append(report.order)
        if report.event.date.start:
            by_day[report.event.date.start].append(report.order)
    pairs = {pair for orders in by_word.values() for pair in combinations(orders, 2)}
    for report in reports:
        if not report.words:
            pairs.update((min(report.order, o), max(report.order, o))
                         for o in by_day.get(report.event.date.start, []) if o != report.order)
    return sorted(pairs)


def _candidate_matches(reports: list[_Report]) -> list[_Match]:
    matches = [m for a, b in _candidate_pairs(reports) if (m := _compare(reports[a], reports[b]))]
    # A bare report ("Norway and Chile signed") that fits two reports of one source could
    # mean either: it is left alone rather than guessed.
    fits: Counter = Counter()
    for match in matches:
        if match.kind == "bare":
            for bare, other in ((match.a, match.b), (match.b, match.a)):
                if not bare.words:
                    fits[(bare.order, other.source_id)] += 1
    ambiguous = {order for (order, _), count in fits.items() if count > 1}
    kept = [m for m in matches if not (m.kind == "bare" and {m.a.order, m.b.order} & ambiguous)]
    return sorted(kept, key=lambda m: (-m.score, m.a.order, m.b.order))


def _agreeing_groups(reports: list[_Report], matches: list[_Match]) -> list[_Group]:
    group_of = {r.order: _Group([r]) for r in reports}
    for match in matches:
        first, second = group_of[match.a.order], group_of[match.b.order]
        if first is second or not _can_join(first, second):
            continue
        first.reports += second.reports
        for report in second.reports:
            group_of[report.order] = first
    unique = {id(g): g for g in group_of.values()}
    return sorted(unique.values(), key=lambda g: g.first)


def _can_join(first: _Group, second: _Group) -> bool:
    if first.sources & second.sources:
        return False
    types = {r.event.type for r in first.reports + second.reports} - {"other"}
    if len(types) > 1:
        return False
    return all(_date_relation(a.event.date, b.event.date) != "apart" for a in first.reports for b in second.reports)


def _conflicting_groups(groups: list[_Group], matches: list[_Match]) -> list[list[_Group]]:
    """Agreeing groups linked where they report one event with incompatible dates."""
    linked_of = {id(g): [g] for g in groups}
    group_of = {r.order: g for g in groups for r in g.reports}
    for match in matches:
        first, second = linked_of[id(group_of[match.a.order])], linked_of[id(group_of[match.b.order])]
        if first is second:
            continue
        if set().union(*(g.sources for g in first)) & set().union(*(g.sources for g in second)):
            continue
        first += second
        for group in second:
            linked_of[id(group)] = first
    unique = {id(members): members for members in linked_of.values()}
    return list(unique.values())


def _entry(members: list[_Group]) -> tuple[int, Event]:
    """One timeline entry from linked groups; its sort position is its first report's."""
    ranked = sorted(members, key=lambda g: (-len(g.sources), _span_days(g.best_date()), g.first))
    primary, others = ranked[0], ranked[1:]
    reports = sorted((r for g in members for r in g.reports), key=lambda r: r.order)
    writer = max(primary.reports, key=lambda r: (r.event.confidence, len(r.words), -r.order))
    types = Counter(r.event.type for r in primary.reports if r.event.type != "other")
    conflicts = [g.best_date() for g in sorted(others, key=lambda g: (-len(g.sources), g.best_date().start or ""))]
    event = writer.event.model_copy(update={
        "date": primary.best_date(),
        "type": types.most_common(1)[0][0] if types else writer.event.type,
        "actors": list(dict.fromkeys(a for r in reports for a in r.event.actors)),
        "confidence": _agreement_confidence([r.event.confidence for r in primary.reports]),
        "evidence": [span for r in reports for span in r.event.evidence],
        "conflicting_dates": conflicts + [d for r in reports for d in r.event.conflicting_dates],
        "review": list(dict.fromkeys(note for r in reports for note in r.event.review)),
    })
    return reports[0].order, event


def _agreement_confidence(confidences: list[float]) -> float:
    """Higher when several sources agree, never 1: each further source removes half of the
    doubt its own confidence would, since outlets often repeat one another."""
    best, *rest = sorted(confidences, reverse=True)
    if not rest:
        return best
    doubt = (1 - best) * math.prod(1 - c / 2 for c in rest)
    return round(1 - doubt, 2)
