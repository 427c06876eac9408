"""Dated events of one article: what happened, happens or is scheduled, and when.

Three kinds of evidence make an event:

1. A calendar-anchored DATE or TIME expression and what it modifies. Attached to a clause
   ("signed a roadmap in 2020") it dates that clause, summarized subject-verb-object. Attached
   to a noun that names a happening ("the October debate", "China's entry into the WTO in
   2001") it dates that happening. Attached to any other noun ("the 2007 immigration bill")
   or standing as a subject ("Tuesday was a good day") it dates nothing.
2. A dated statement ("X said on Wednesday that ..."): built from the attributed position, so
   the speaker is the resolved name and the summary says what was said.
3. The occasion an article reports, told without a date of its own: its lead ("Ana Park
   met Ravi Rao in Lima"), what was agreed or signed there, and the forum people are
   reported speaking at (see :mod:`.occasions`).
4. The occasion a document is the record of, named by its heading ("Press Conference by
   the Foreign Minister / Tuesday, April 16, 2024"; see :mod:`.document_occasion`).

Summaries are the source's own words (see :mod:`.event_context`).

"The two countries" and similar phrases are replaced by the countries the article names
together just before, when it names exactly two.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from briefgen.extract.actors.index import ActorIndex
from briefgen.extract.clauses import Replacement, is_infinitive, noun_phrase, own_subtree, whole_phrase
from briefgen.extract.dating import event_date
from briefgen.extract.document_occasion import document_occasion
from briefgen.extract.event_context import ArticleContext, clause_lemmas, happening_just_before, says_too_little
from briefgen.extract.furniture import within_furniture
from briefgen.extract.occasions import Found, occasion_events
from briefgen.extract.positions.lexicon import cue_class
from briefgen.extract.positions.speakers import UNIDENTIFIED
from briefgen.extract.positions.quotes import CLOSING_QUOTE_TOKENS, OPENING_QUOTE_TOKENS, STRAIGHT_MARK, inside_quotation
from briefgen.extract.temporal import Timex
from briefgen.extract.vocabulary import EVENT_NOUNS, PREPOSITIONAL_PARTICIPLES, event_type_for, is_speech_lemma
from briefgen.model import Event, EventDate, Position

EVENT_TIMEX_TYPES = {"DATE", "TIME"}
UNNAMED_SPEAKERS = {"i", "we", "you", "he", "she", "they", "it", "unattributed", UNIDENTIFIED}
# Infinitive and participial clauses that only state a purpose or circumstance: the date in
# "signed a roadmap to promote production in 2020" belongs to the signing.
SUBORDINATE_VERB_DEPS = {"xcomp", "advcl", "acl", "pcomp"}
# Modals that make a clause a possibility rather than a happening; "will" and "would" stay,
# since news writes scheduled events with them ("talks will resume in March").
HYPOTHETICAL_MODALS = {"can", "could", "may", "might", "should", "must"}
# Words that tie a time of day or a season to one particular day or year.
DEICTIC_WORDS = {"today", "tonight", "tomorrow", "yesterday", "this", "next", "last", "monday", "tuesday",
                 "wednesday", "thursday", "friday", "saturday", "sunday"}
# What a speech verb says: a clause, an infinitive, an object ("announced his candidacy").
REPORTED_DEPS = {"ccomp", "xcomp", "dobj", "dative", "parataxis"}
# Verbs of change whose "from <date>" names the baseline of a comparison.
CHANGE_LEMMAS = {
    "rise", "fall", "increase", "decrease", "drop", "decline", "climb", "grow", "jump", "slip", "slide",
    "dip", "surge", "shrink", "soar", "plunge", "double", "triple", "gain", "lose", "improve", "worsen",
    "go",  # "costs went from $6 billion in 2009 to $12 billion this year"
}
NOMINAL_MODIFIER_DEPS = {"compound", "amod", "nummod", "nmod", "npadvmod", "poss"}
# "the two countries", "both sides": a pair the article has just named.
PAIR_WORDS = {"two", "both"}
PAIR_NOUNS = {"countries", "nations", "sides", "governments", "states", "neighbours", "neighbors", "parties", "allies", "capitals"}
# How far back the pair may be named, and how close its two names must stand.
PAIR_REACH_TOKENS = 250
PAIR_GAP_TOKENS = 6
CONFIDENCE = {"clause": 0.85, "noun": 0.7, "statement": 0.8}


def build_events(
    doc: Doc,
    source_id: str,
    timexes: Iterable[Timex],
    actors: ActorIndex,
    positions: Iterable[Position] = (),
    published: Optional[dt.date] = None,
) -> list[Event]:
    """The events of one parsed article, in reading order, ids E1.. local to it.

    ``published`` is the article's own date, which dates the occasion it reports when the
    text gives that no date of its own; None when the date is unknown or only guessed.
    """
    timexes = list(timexes)
    generic = _generic_clauses(doc, timexes)
    spans_of_time = _token_indices(doc, [t for t in timexes if t.type not in EVENT_TIMEX_TYPES])
    timexes = [t for t in timexes if t.type in EVENT_TIMEX_TYPES]
    # A period a thing is named by stays in a summary like any other words of its name.
    dates = _token_indices(doc, [t for t in timexes if not _names_a_period_at(doc, t)])
    context = ArticleContext.of(doc, source_id, actors, dates, published, _pair_replacements(doc, actors), spans_of_time)
    dated_positions = [p for p in positions if _made_statement(p, doc)]

    found: list[Found] = []
    by_anchor: dict[tuple[int, str], Found] = {}
    for timex in timexes:
        date = event_date(timex)
        if date is None:
            continue  # "recently", "in the past": nothing a timeline can place
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or within_furniture(span) or _inside_quoted_title(span) or _page_furniture(span.sent) or _dates_a_statement(timex, date, dated_positions):
            continue
        if context.in_speech(timex.start) or (span.root.i in context.headlines and timex.basis != "explicit"):
            continue  # a date said in a quotation, or a headline the body retells ("… next month")
        anchor = _anchor(span)
        if anchor is None or anchor.i in generic:
            continue
        if anchor.pos_ in {"NOUN", "PROPN"} and date.granularity == "time" and not _names_a_day(timex):
            continue  # "the evening session": which evening is not said
        if anchor.pos_ in {"VERB", "AUX"} and _habitual(timex, date, anchor):
            continue  # "the day shift starts around 6 a.m.": what usually happens
        if inside_quotation(span) and (is_speech_lemma(anchor.lemma_) or not inside_quotation(anchor.doc[anchor.i: anchor.i + 1])):
            # "she said, 'this November we decide'", "pledged to oppose it 'today, tomorrow,
            # forever'": the date is in the words quoted, not on the happening around them.
            continue
        earlier_day = next((f for (i, _), f in by_anchor.items() if i == anchor.i and _coordinated_days(f.event.date, date)), None)
        if earlier_day is not None:
            # "on March 24 and 25": one happening over both days.
            earlier_day.event.date = _joined(earlier_day.event.date, date)
            continue
        key = (anchor.i, date.value)
        if key in by_anchor:
            # Two expressions for one date on one anchor ("on Wednesday (August 28)"): one
            # event, dated by the fuller wording.
            earlier = by_anchor[key].event.date
            if len(timex.text) > len(earlier.text):
                earlier.text = timex.text
            continue
        event = _anchored_event(anchor, date, timex, context)
        if event is not None:
            by_anchor[key] = Found(event, event.evidence[0].start, anchor=anchor.i)
            found.append(by_anchor[key])

    statements = _statement_events(dated_positions, context)
    occasions = occasion_events(context, found, statements)  # takes in the statements made at a forum
    dated = [(t, d) for t in timexes if (d := event_date(t)) is not None]
    recorded, superseded = document_occasion(context, dated, found + statements + occasions)
    found = [f for f in found if f.anchor not in superseded] + statements + occasions + recorded
    found.sort(key=lambda f: f.order)
    return [f.event.model_copy(update={"id": f"E{n}"}) for n, f in enumerate(found, start=1)]


# --- what a date is attached to -------------------------------------------------------------


def _anchor(span: Span) -> Optional[Token]:
    """The verb of the clause, or the noun naming a happening, that the expression dates."""
    root = span.root
    if root.dep_ == "det" and len(span) > 1:
        # "Some 2016 candidates": the tagger took the determiner in; the number is the root.
        root = next((t for t in span if t.dep_ != "det"), root)
    if root.dep_ in {"nsubj", "nsubjpass", "attr"}:
        return None  # "Tuesday was a very good day": the date is the topic, not a time
    if _compared(root):
        return None  # "voted in lower numbers than in 2008": 2008 is the yardstick, not the time
    head = root.head
    if _names_a_period(root):
        return None  # "a work programme for 2027-2029", "chair for 2011": the thing's period, not a time
    if root.dep_ in NOMINAL_MODIFIER_DEPS and head.pos_ in {"NOUN", "PROPN"}:
        return head if _is_event_noun(head) else None  # "the October debate" / "the 2007 bill"
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"VERB", "AUX"}:
        happening = happening_just_before(head)
        if happening is not None and not _too_little(whole_phrase(happening, {t.i for t in span})):
            return happening  # "filed a protest after another encounter on June 17": the encounter's date
    if root.dep_ == "pobj" and head.dep_ == "prep" and head.head.pos_ in {"NOUN", "PROPN"}:
        noun = head.head
        if _is_event_noun(noun) and noun.dep_ in {"pobj", "ROOT", "conj", "appos"}:
            return noun  # "until the Nafta agreement in 1994": the agreement is the event
        return _clause_verb(noun)  # "signed a roadmap ... production in 2020": the signing
    verb = _clause_verb(root)
    if verb is None or any(c.dep_ == "neg" or (c.dep_ == "aux" and c.lower_ in HYPOTHETICAL_MODALS) for c in verb.children):
        return None  # "did not reply on Tuesday", "can run ten hours in summer": nothing happened
    if verb.lemma_ == "be" and not any(c.dep_ in {"nsubj", "nsubjpass", "expl"} for c in verb.children):
        return None  # "Tuesday was a good day": the date is what the sentence is about
    if any(c.dep_ == "expl" for c in verb.children):
        # "there is an election on Tuesday" names a happening; "there is disappointment" does not.
        attribute = next((c for c in verb.children if c.dep_ in {"attr", "nsubj"} and c.pos_ in {"NOUN", "PROPN"}), None)
        return attribute if attribute is not None and _is_event_noun(attribute) else None
    return verb


# Two days named together ("on March 24 and 25") are one happening when this close.
MAX_JOINED_DAYS = 7


def _coordinated_days(earlier: EventDate, later: EventDate) -> bool:
    if earlier.granularity != "day" or later.granularity != "day" or not (earlier.end and later.start):
        return False
    gap = (dt.date.fromisoformat(later.start) - dt.date.fromisoformat(earlier.end)).days
    return 0 < gap <= MAX_JOINED_DAYS


def _joined(earlier: EventDate, later: EventDate) -> EventDate:
    first = earlier.value.split("/")[0]
    return earlier.model_copy(update={"value": f"{first}/{later.value}", "end": later.end,
                                      "text": f"{earlier.text} and {later.text}"})


# Prepositions by which a date names the period a thing covers or its deadline.
PERIOD_PREPOSITIONS = frozenset({"for", "until", "till", "through", "by"})


def _names_a_period(root: Token) -> bool:
    """A date in "a work programme for 2027-2029", "the chair for 2011", "a target of £3 billion
    by 2015": it tells what period the thing (not a happening) covers, not when anything happened.
    "For" with a date never dates the happening itself, wherever the parser hangs it
    ("adopted a programme for 2027-2029")."""
    head = root.head
    if root.dep_ != "pobj" or head.lower_ not in PERIOD_PREPOSITIONS:
        return False
    if head.lower_ == "for":
        return True
    return head.head.pos_ in {"NOUN", "PROPN"} and not _is_event_noun(head.head)


def _compared(token: Token) -> bool:
    """The date is a yardstick, not a time: "than in 2008", "up 70 percent from 2008", "went from
    $6 billion in 2009 to $12 billion this year"."""
    baseline = False
    while token.head.i != token.i and token.pos_ not in {"VERB", "AUX"}:
        if token.lower_ == "than":
            return True
        baseline = baseline or (token.lower_ == "from" and not any(
            c.lower_ in {"to", "until", "through"} for c in list(token.children) + list(token.head.children)))
        baseline = baseline or (token.lower_ in {"from", "to"} and _an_amount(token))
        token = token.head
    if token.lemma_.lower() in CHANGE_LEMMAS and any(c.lower_ == "from" and _an_amount(c) for c in token.children):
        return True  # a change from one amount to another: its dates are the ends of a statistic
    return baseline and (
        token.lemma_.lower() in CHANGE_LEMMAS or any(c.dep_ == "advmod" and c.lower_ in {"up", "down"} for c in token.children)
    )


AMOUNT_ENTITIES = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})


def _an_amount(preposition: Token) -> bool:
    """"from $6 billion", "to 5 percent": the ends of a change are amounts."""
    return any(c.dep_ == "pobj" and (c.ent_type_ in AMOUNT_ENTITIES or (c.like_num and c.ent_type_ not in ("DATE", "TIME")))
               for c in preposition.children)


def _generic_clauses(doc: Doc, timexes: list[Timex]) -> set[int]:
    """Verbs a SET expression modifies ("every year, the council meets in June"): recurring, not events."""
    verbs = set()
    for timex in timexes:
        if timex.type == "SET":
            span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
            verb = _clause_verb(span.root) if span is not None else None
            if verb is not None:
                verbs.add(verb.i)
    return verbs


def _habitual(timex: Timex, date: EventDate, verb: Token) -> bool:
    """What usually or nowadays happens, on a verb in the simple present: a time of day or a
    season with no day or year named ("starts around 6 a.m."), or "today" in the sense of
    "these days" ("today the agency focuses on ..."), unless someone says something today."""
    if verb.tag_ not in {"VBZ", "VBP"} or any(c.dep_ == "aux" for c in verb.children):
        return False
    if timex.text.lower() == "today":
        return not is_speech_lemma(verb.lemma_)
    if date.granularity not in {"time", "season"}:
        return False
    return not _names_a_day(timex)


def _names_a_day(timex: Timex) -> bool:
    return any(word in DEICTIC_WORDS for word in timex.text.lower().split())


def _is_event_noun(noun: Token) -> bool:
    return noun.lemma_.lower() in EVENT_NOUNS or noun.lower_ in EVENT_NOUNS


def _clause_verb(token: Token) -> Optional[Token]:
    steps = 0
    while token.pos_ not in {"VERB", "AUX"} and token.head.i != token.i and steps < 8:
        token = token.head
        steps += 1
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    while token.head.i != token.i and token.head.pos_ in {"VERB", "AUX"} and (
        # Out of purpose infinitives and of participles that act as prepositions
        # ("will leave the course starting in 2017").
        (token.dep_ in SUBORDINATE_VERB_DEPS and is_infinitive(token))
        or (token.lemma_.lower() in PREPOSITIONAL_PARTICIPLES and token.tag_ in {"VBG", "VBN"})
        # "reported raising $9 million during the month": the reporting has the subject.
        or (token.dep_ in {"xcomp", "pcomp"} and not any(c.dep_ in {"nsubj", "nsubjpass"} for c in token.children))
    ):
        token = token.head
    if token.dep_ == "xcomp" and token.head.dep_ == "acomp" and token.head.head.pos_ in {"VERB", "AUX"}:
        token = token.head.head  # "is likely to appear in court Wednesday": the subject is the copula's
    if token.lemma_.lower() in PREPOSITIONAL_PARTICIPLES and token.tag_ == "VBG" and token.dep_ in {"prep", "advcl", "acl"}:
        return None  # a sentence-initial "Following ..." with nothing above it to date
    return token


def _dates_a_statement(timex: Timex, date: EventDate, positions: list[Position]) -> bool:
    """The expression is the date of an attributed statement: the statement makes the event."""
    for position in positions:
        cue = position.cue
        content = [(e.start, e.end) for e in position.evidence]
        near_cue = abs(timex.start - cue.start) < 200
        in_content = any(a <= timex.start < b for a, b in content)
        if near_cue and not in_content and position.date.value == date.value:
            return True
    return False


# --- building events --------------------------------------------------------------------------


def _anchored_event(anchor: Token, date: EventDate, timex: Timex, context: ArticleContext) -> Optional[Event]:
    if anchor.pos_ in {"NOUN", "PROPN"}:
        tokens = noun_phrase(anchor, context.excluded)
        with_clauses = _too_little(tokens)
        if with_clauses:
            # "the June 17 incident when coast guards blocked a boat": the clause tells it.
            tokens = whole_phrase(anchor, context.excluded)
            if _too_little(tokens) or not any(t.pos_ in {"VERB", "AUX"} for t in tokens):
                return None  # "Tuesday's outcome": too little to stand as a timeline entry
        summary = context.noun_summary(anchor, with_clauses)
        kind, lemmas, clause = "noun", [anchor.lemma_] + [t.lemma_ for t in tokens], tokens
    else:
        extra = _reported_content(anchor, context.excluded) if is_speech_lemma(anchor.lemma_) else []
        summary = context.clause_summary(anchor, extra)
        kind, lemmas, clause = "clause", clause_lemmas(anchor), own_subtree(anchor)
        if is_speech_lemma(anchor.lemma_) and not any(c.dep_ in REPORTED_DEPS for c in anchor.children):
            lemmas[0] = ""  # "added to his portfolio", "the case was argued": nothing is reported
    if not summary or (kind == "clause" and says_too_little(summary)):
        return None  # "We said", "She did", "It was revealed": no entry a reader could use
    confidence = CONFIDENCE[kind] - (0.1 if timex.basis == "relative" else 0.0)
    if kind == "clause" and anchor.dep_ not in {"ROOT", "conj", "parataxis", "ccomp", "relcl"}:
        confidence -= 0.1  # a date deep in a subordinate clause may belong elsewhere
    return Event(
        id="E1",
        date=date,
        summary=summary,
        type=event_type_for(lemmas),
        actors=context.actors_in(clause),
        confidence=round(confidence, 2),
        evidence=[context.evidence(anchor.sent)],
    )


def _too_little(tokens: list[Token]) -> bool:
    return sum(1 for t in tokens if t.is_alpha and not t.is_stop) < 2


def _reported_content(predicate: Token, excluded: set[int]) -> list[Token]:
    """For "X said on Monday" without an attributed position: its complement clause."""
    for child in predicate.children:
        if child.dep_ == "ccomp":
            return [t for t in own_subtree(child) if t.i not in excluded]
    return []


def _made_statement(position: Position, doc: Doc) -> bool:
    """A dated position that is a statement someone made, fit to stand as a timeline entry.

    Beliefs and wishes ("would like", "thinks") are not happenings; a cue in the infinitive
    is what someone plans or is expected to do ("prepares to accept the nomination"), not
    what they did; and "I" or "he" is not a name a timeline can use.
    """
    if position.date is None or position.cue is None or cue_class(position.cue.text) not in {"speech", "stance"}:
        return False
    if position.speaker.name.lower() in UNNAMED_SPEAKERS and not _described(position, doc):
        return False
    cue = doc.char_span(position.cue.start, position.cue.end, alignment_mode="expand")
    return cue is not None and not is_infinitive(cue.root)


def _described(position: Position, doc: Doc) -> bool:
    """The speaker no name was found for is described ("The governor said …"), which a
    timeline can print as written, not a pronoun."""
    mention = position.speaker_mention
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand") if mention is not None else None
    return span is not None and span.root.pos_ in ("NOUN", "PROPN")


def _statement_events(positions: list[Position], context: ArticleContext) -> list[Found]:
    """One event per speaker, date and sentence of dated statements: the sentence in its own
    words, the speaker's pronoun or description read as the speaker's name."""
    doc = context.doc
    groups: dict[tuple[str, str, int], list[Position]] = {}
    for position in positions:
        sentence = doc.char_span(position.cue.start, position.cue.end, alignment_mode="expand")
        if sentence is None:
            continue
        key = (position.speaker.name, position.date.value, sentence.sent.start)
        groups.setdefault(key, []).append(position)
    found = []
    for (speaker, _, sentence_start), group in groups.items():
        first = min(group, key=lambda p: p.cue.start)
        cue = doc.char_span(first.cue.start, first.cue.end, alignment_mode="expand")
        sentence = doc[sentence_start].sent
        # The date of the saying goes; a date inside what was said stays ("would reopen next month").
        content = [(e.start, e.end) for p in group for e in p.evidence]
        said_when = {i for i in context.dates if not any(a <= doc[i].idx < b for a, b in content)}
        summary = context.sentence_summary(sentence, said_when)
        if not summary or says_too_little(summary):
            continue
        confidence = min(CONFIDENCE["statement"], first.confidence) - (0.1 if first.date.basis == "relative" else 0.0)
        named = [] if speaker.lower() in UNNAMED_SPEAKERS else [speaker]  # "The governor said": no name to list
        names = named + [a for p in group for a in ([p.speaker.affiliation] if p.speaker.affiliation else [])]
        event = Event(
            id="E1",
            date=first.date.model_copy(),
            summary=summary,
            type=event_type_for([cue.root.lemma_]),
            actors=list(dict.fromkeys(n for n in names if n)),
            confidence=round(max(confidence, 0.0), 2),
            evidence=[context.evidence(sentence)],
        )
        found.append(Found(event, event.evidence[0].start, speaker=speaker, anchor=cue.root.i))
    return found


# --- names and evidence -------------------------------------------------------------------------


def _pair_replacements(doc: Doc, actors: ActorIndex) -> list[Replacement]:
    """"The two countries" -> "India and South Korea" when the text just named exactly those two."""
    replacements = []
    for token in doc:
        if token.lower_ not in PAIR_NOUNS or not any(c.lower_ in PAIR_WORDS for c in token.children):
            continue
        pair = _last_named_pair(doc, actors, token)
        if pair is None:
            continue
        start = min(c.i for c in token.children if c.dep_ in {"det", "nummod", "predet"} or c.lower_ in PAIR_WORDS)
        replacements.append(Replacement(start, token.i + 1, f"{pair[0]} and {pair[1]}", pair))
    return replacements


def _last_named_pair(doc: Doc, actors: ActorIndex, token: Token) -> Optional[tuple[str, str]]:
    """The last two different countries named close together ("India and Korea", "Korea-India"),
    not the end of a longer list."""
    mentions: list[tuple[int, str]] = []  # (token index, country), latest first
    for i in range(token.i - 1, max(-1, token.i - PAIR_REACH_TOKENS), -1):
        actor = actors.actor_at(i)
        if actor is not None and actor.type == "GPE" and (not mentions or mentions[-1][1] != actor.name):
            mentions.append((i, actor.name))
    for k, ((later, second), (earlier, first)) in enumerate(zip(mentions, mentions[1:])):
        if first != second and later - earlier <= PAIR_GAP_TOKENS:
            before = mentions[k + 2] if k + 2 < len(mentions) else None
            if before is not None and before[1] not in (first, second) and earlier - before[0] <= PAIR_GAP_TOKENS:
                return None  # the last two of "China, Australia, …, Palestine and the UK" are no pair
            return first, second
    return None


def _names_a_period_at(doc: Doc, timex: Timex) -> bool:
    span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
    return span is not None and _names_a_period(span.root)


def _token_indices(doc: Doc, timexes: list[Timex]) -> set[int]:
    indices: set[int] = set()
    for timex in timexes:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None:
            indices.update(range(span.start, span.end))
            # "on" of "on Wednesday" and the brackets of "(August 28, 2024)" go with the date.
            for token in span:
                if token.head.dep_ == "prep" and token.head.i == span.start - 1:
                    indices.add(token.head.i)
    return indices


# "FlagShareLikeReply", "5ptsmoderatorFeaturedFebruary": buttons and bylines of a scraped page
# run together without spaces; a word with two or more such joins is no word of prose.
RUN_TOGETHER = re.compile(r"[a-z][A-Z].*[a-z][A-Z]")


def _page_furniture(sentence: Span) -> bool:
    """A "sentence" made of a web page's controls and bylines: no event belongs to it."""
    return sum(1 for t in sentence if len(t.text) > 12 and RUN_TOGETHER.search(t.text)) >= 2


def _inside_quoted_title(span: Span) -> bool:
    """A date inside a quoted name ("the “2030 Agenda”") names something; it dates nothing."""
    left = span.doc[max(span.sent.start, span.start - 6): span.start]
    right = span.doc[span.end: min(span.sent.end, span.end + 6)]
    # A doubled apostrophe may open as well as close: archives write both marks that way.
    opens = [t for t in left if t.text in OPENING_QUOTE_TOKENS | {STRAIGHT_MARK, "''"}]
    closes = [t for t in right if t.text in CLOSING_QUOTE_TOKENS | {STRAIGHT_MARK}]
    return bool(opens and closes) and all(t.is_title or t.like_num or t.is_punct for t in span.doc[opens[-1].i + 1: closes[0].i])
