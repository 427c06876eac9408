"""A Briefing of any size built through the model classes, for timing the writers.

Its events look like extracted ones: dates of every granularity over three years, several
types, two to three actors from a pool, evidence sentences from twenty sources, a share of
them with a date conflict or a review note; plus positions and actors, so that every memo
section has content.
"""

from __future__ import annotations

import datetime as dt
import random

from briefgen.model import Actor, Briefing, Event, EventDate, Position, Source, Speaker, TextSpan

COUNTRIES = ["India", "South Korea", "Japan", "Chile", "Norway", "Kenya", "Vietnam", "Brazil", "Canada", "Egypt"]
VERBS = {"agreement": "signed an accord on", "meeting": "met to discuss", "visit": "sent a delegation about",
         "economic": "agreed on tariffs for", "military": "held joint exercises near", "statement": "issued a statement on"}
TOPICS = ["shipbuilding", "rare earths", "fisheries", "grain exports", "border security", "visas", "semiconductors"]
SOURCES = 20


def synthetic_briefing(events: int, seed: int = 3, published_over_the_story: bool = False) -> Briefing:
    """``published_over_the_story``: the sources appear one after another over the three years
    the events cover, as the articles on a long story do, instead of all on one day."""
    rng = random.Random(seed)
    step = 3 * 365 // SOURCES
    sources = [Source(id=f"S{n}", path=f"articles/{n:03d}.txt", title=f"Report {n}", publisher="The Daily",
                      published=(dt.date(2022, 1, 1) + dt.timedelta(days=step * n)).isoformat()
                      if published_over_the_story else "2024-06-01",
                      published_basis="metadata") for n in range(1, SOURCES + 1)]
    actors = [Actor(id=f"A{n}", name=name, type="GPE", mentions=rng.randint(1, 40)) for n, name in enumerate(COUNTRIES, 1)]
    return Briefing(
        title=f"Synthetic briefing of {events} events",
        generated_at="2024-06-02T08:00:00Z",
        sources=sources,
        events=[_event(rng, n) for n in range(1, events + 1)],
        positions=[_position(rng, n) for n in range(1, events // 10 + 1)],
        actors=actors,
        summary=[f"{events} events across {SOURCES} sources."],
    )


def _date(rng: random.Random) -> EventDate:
    day = dt.date(2022, 1, 1) + dt.timedelta(days=rng.randrange(3 * 365))
    granularity = rng.choice(["day", "day", "day", "month", "year"])
    if granularity == "day":
        return EventDate(value=day.isoformat(), granularity="day", start=day.isoformat(), end=day.isoformat(),
                         text=day.strftime("%B %d, %Y"), sources=[f"S{rng.randint(1, SOURCES)}"])
    if granularity == "month":
        last = (day.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        return EventDate(value=day.strftime("%Y-%m"), granularity="month", start=day.replace(day=1).isoformat(),
                         end=last.isoformat(), text=day.strftime("%B %Y"), sources=[f"S{rng.randint(1, SOURCES)}"])
    return EventDate(value=str(day.year), granularity="year", start=f"{day.year}-01-01", end=f"{day.year}-12-31",
                     text=str(day.year), sources=[f"S{rng.randint(1, SOURCES)}"])


def _event(rng: random.Random, number: int) -> Event:
    kind = rng.choice(list(VERBS))
    actors = rng.sample(COUNTRIES, rng.randint(2, 3))
    summary = f"{' and '.join(actors)} {VERBS[kind]} {rng.choice(TOPICS)}"
    sentence = f"Officials said on Tuesday that {summary}, the first such step in a decade."
    cited = sorted(rng.sample(range(1, SOURCES + 1), rng.randint(1, 3)))
    conflict = [_date(rng)] if rng.random() < 0.05 else []
    return Event(id=f"E{number}", date=_date(rng), summary=summary, type=kind, actors=actors,
                 confidence=round(rng.uniform(0.4, 0.95), 2), conflicting_dates=conflict,
                 review=["the date is inferred"] if rng.random() < 0.1 else [],
                 evidence=[TextSpan(source=f"S{s}", start=100 * number, end=100 * number + len(sentence), text=sentence)
                           for s in cited])


def _position(rng: random.Random, number: int) -> Position:
    country = rng.choice(COUNTRIES)
    quote = f"We will keep working on {rng.choice(TOPICS)} with our partners"
    source = f"S{rng.randint(1, SOURCES)}"
    return Position(id=f"P{number}", speaker=Speaker(name=f"Minister {number}", role="Foreign Minister", affiliation=country),
                    kind="direct", text=quote, confidence=0.85,
                    evidence=[TextSpan(source=source, start=10, end=10 + len(quote), text=quote)])
