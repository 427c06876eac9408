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
        "say state announce declare stress tell note add warn claim insist urge emphasize emphasise reiterate remark respond reply write argue statement speech".split()
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


# Nouns that name a happening, so a date attached to them dates that happening: "the October
# debate", "China's entry into the WTO in 2001". A date on any other noun ("the 2007
# immigration bill", "the 2016 campaign") names the thing and makes no timeline entry.
EVENT_NOUNS = frozenset(
    (
        "accord agreement deal treaty pact memorandum roadmap signing ratification ceasefire truce "
        "meeting summit talks forum conference dialogue session consultation negotiation negotiations "
        "visit trip tour arrival departure "
        "election primary caucus caucuses vote poll referendum runoff inauguration nomination convention "
        "debate speech address remarks interview briefing announcement statement hearing testimony "
        "attack bombing strike raid shooting explosion invasion war clash offensive exercise drill test launch "
        "incident encounter confrontation standoff skirmish crackdown ambush assassination massacre killing "
        "kidnapping abduction seizure incursion collision blockade evacuation shelling airstrike "
        "ruling verdict trial sentencing indictment arrest lawsuit decision "
        "collapse crash crisis coup protest rally march demonstration riot "
        "resignation appointment dismissal death funeral birth "
        "entry exit withdrawal merger acquisition sale purchase release publication report "
        "earthquake flood storm hurricane fire outbreak ceremony celebration festival event"
    ).split()
)
# Happenings at which people speak: "said, speaking at the inaugural event of the forum".
OCCASION_NOUNS = frozenset(
    (
        "forum summit meeting conference talks dialogue session ceremony rally debate hearing convention "
        "briefing seminar symposium workshop roundtable event gathering reception dinner visit "
        "celebration festival launch inauguration sidelines interview call"
    ).split()
)
# Participles that work as prepositions ("starting in 2017", "following the vote"): a date
# under them belongs to the clause they introduce into.
PREPOSITIONAL_PARTICIPLES = frozenset("follow include start begin compare accord regard concern base give beginning".split())
# Past tenses the summaries need that do not end in -ed.
IRREGULAR_PAST = {
    "say": "said", "tell": "told", "speak": "spoke", "write": "wrote", "hold": "held", "give": "gave",
    "make": "made", "think": "thought", "take": "took", "meet": "met", "see": "saw", "know": "knew",
    "feel": "felt", "put": "put", "set": "set", "lead": "led", "bring": "brought", "find": "found",
    "go": "went", "come": "came", "get": "got", "keep": "kept", "leave": "left", "send": "sent",
    "seek": "sought", "teach": "taught", "be": "was", "have": "had", "do": "did",
}


def past_tense(token) -> str:
    """The simple past of a verb token, as a summary line needs it ("noting" -> "noted")."""
    if token.tag_ in {"VBD"}:
        return token.text
    lemma = token.lemma_.lower()
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    if lemma.endswith("y") and len(lemma) > 2 and lemma[-2] not in "aeiou":
        return lemma[:-1] + "ied"
    return lemma + "ed"


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
        # A statement is made by a speech verb, not by its object ("won the state").
        if event_type != "statement" and arguments & EVENT_TYPE_WORDS[event_type]:
            return event_type
    return "other"
