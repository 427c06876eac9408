"""The event-type vocabulary: which predicates and nouns make an event an agreement, a meeting, …

The types are a small fixed set so that a memo can group and filter by them:

========== =====================================================================
agreement  signing, agreeing, treaties, accords, roadmaps, memoranda
meeting    meetings, summits, talks, forums, conferences, dialogues, hosting
statement  saying, announcing, declaring, stressing, warning (speech acts)
visit      visits, trips, arrivals, tours
election   elections, votes, polls, campaigns, inaugurations
military   attacks, strikes, deployments, exercises, troops, missiles, wars
economic   trade, investment, tariffs, sanctions, budgets, markets, growth
legal      courts, rulings, lawsuits, indictments, laws, bills, sentences
other      anything else
========== =====================================================================

A type is chosen by the predicate's lemma first, then by the nouns of its object, because
"held talks" is a meeting although "hold" says nothing by itself.
"""

from __future__ import annotations

from typing import Iterable

EVENT_TYPE_WORDS: dict[str, frozenset[str]] = {
    "agreement": frozenset(
        "sign agree agreement accord treaty roadmap memorandum mou pact deal ratify conclude partnership framework".split()
    ),
    "meeting": frozenset(
        "meet meeting summit talk talks forum conference dialogue host convene gather session consultation negotiate negotiation".split()
    ),
    "statement": frozenset(
        "say state announce declare stress tell note add warn claim insist urge emphasize emphasise reiterate remark statement speech".split()
    ),
    "visit": frozenset("visit trip arrive tour travel depart welcome land".split()),
    "election": frozenset("elect election vote poll ballot campaign inaugurate inauguration referendum nominate".split()),
    "military": frozenset(
        "attack strike bomb deploy deployment exercise drill troop troops missile war invade invasion shell fire clash ceasefire".split()
    ),
    "economic": frozenset(
        "trade invest investment tariff sanction economy economic budget market export import growth inflation loan fund".split()
    ),
    "legal": frozenset("court rule ruling sue lawsuit indict indictment law bill sentence convict arrest charge verdict".split()),
}
# A predicate that is itself a speech act decides the type even when its object mentions
# something else ("said the treaty was fair" is a statement).
SPEECH_LEMMAS = EVENT_TYPE_WORDS["statement"]
TYPE_PRIORITY = ("agreement", "meeting", "visit", "election", "military", "legal", "economic", "statement")


def is_speech_lemma(lemma: str) -> bool:
    return lemma.lower() in SPEECH_LEMMAS


def event_type_for(lemmas: Iterable[str]) -> str:
    """Event type from the predicate lemma (first item) and the lemmas of its arguments."""
    lemmas = [lemma.lower() for lemma in lemmas]
    if not lemmas:
        return "other"
    predicate, arguments = lemmas[0], set(lemmas[1:])
    if predicate in SPEECH_LEMMAS:
        return "statement"
    for event_type in TYPE_PRIORITY:
        if predicate in EVENT_TYPE_WORDS[event_type]:
            return event_type
    for event_type in TYPE_PRIORITY:
        if arguments & EVENT_TYPE_WORDS[event_type]:
            return event_type
    return "other"
