"""How much a timeline entry matters to the reader of a memo that has room for only some.

An event scores by

* the number of sources reporting it (one point each: what several outlets carry is what
  the reader's principals will have read);
* the salience of its actors: mentions of its most-mentioned actor over those of the most
  mentioned actor of the briefing (0 to 1);
* its type: agreements, military action, elections and rulings change the situation;
  meetings and visits less; statements and other events least (0.2 to 1);
* its confidence (0 to 1).

Ties keep timeline order.
"""

from __future__ import annotations

from briefgen.model import Actor, Event

TYPE_WEIGHT = {
    "agreement": 1.0, "military": 1.0, "election": 1.0, "legal": 0.8,
    "meeting": 0.7, "visit": 0.6, "economic": 0.6, "statement": 0.3, "other": 0.2,
}


def event_importance(event: Event, mentions: dict[str, int], most_mentions: int) -> float:
    sources = len({span.source for span in event.evidence})
    salience = max((mentions.get(a.casefold(), 0) for a in event.actors), default=0) / most_mentions if most_mentions else 0.0
    return sources + salience + TYPE_WEIGHT[event.type] + event.confidence


def most_important(events: list[Event], actors: list[Actor], count: int) -> list[Event]:
    """The ``count`` most important events, in the order they were given."""
    mentions: dict[str, int] = {}
    for actor in actors:
        for name in [actor.name, *actor.aliases]:
            mentions[name.casefold()] = max(mentions.get(name.casefold(), 0), actor.mentions)
    most = max((a.mentions for a in actors), default=0)
    ranked = sorted(range(len(events)), key=lambda i: (-event_importance(events[i], mentions, most), i))
    chosen = set(ranked[:count])
    return [event for i, event in enumerate(events) if i in chosen]
