"""Dated events of one article: what happened, happens or is scheduled, and when.

Three kinds of evidence make an event:

1. A calendar-anchored DATE or TIME expression and what it modifies. Attached to a clause
   ("signed a roadmap in 2020") it dates that clause, summarized subject-verb-object. Attached
   to a noun that names a happening ("the October debate", "China's entry into the WTO in
   2001") it dates that happening. Attached to any other noun ("the 2007 immigration bill")
   or standing as a subject ("Tuesday was a good day") it dates nothing.
2. A dated statement ("X said on Wednesday that ..."): built from the attributed position, so
   the speaker is the resolved name and the summary says what was said.
3. The occasion an article reports ("said, speaking at the inaugural event of the forum"):
   it happened when its speakers spoke, or, when the article dates none of that, on the
   publication date; either way the date is marked ``inferred``. A statement made at that
   occasion on that date is part of its entry rather than a second one.

"The two countries" and similar phrases are replaced by the countries the article names
together just before, when it names exactly two.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.tokens import Doc, Span, Token

from briefgen.extract.actors.index import ActorIndex
from briefgen.extract.clauses import Replacement, is_infinitive, noun_phrase, own_subtree, phrase, summarize_clause
from briefgen.extract.dating import event_date
from briefgen.extract.positions.lexicon import cue_class
from briefgen.extract.positions.quotes import CLOSING_QUOTE_TOKENS, OPENING_QUOTE_TOKENS, STRAIGHT_MARK, inside_quotation
from briefgen.extract.temporal import Timex
from briefgen.extract.vocabulary import (
    EVENT_NOUNS,
    OCCASION_NOUNS,
    PREPOSITIONAL_PARTICIPLES,
    event_type_for,
    is_speech_lemma,
    past_tense,
)
from briefgen.model import Event, EventDate, Position, TextSpan

EVENT_TIMEX_TYPES = {"DATE", "TIME"}
UNNAMED_SPEAKERS = {"i", "we", "you", "he", "she", "they", "it", "unattributed"}
# Infinitive and participial clauses that only state a purpose or circumstance: the date in
# "signed a roadmap to promote production in 2020" belongs to the signing.
SUBORDINATE_VERB_DEPS = {"xcomp", "advcl", "acl", "pcomp"}
# Modals that make a clause a possibility rather than a happening; "will" and "would" stay,
# since news writes scheduled events with them ("talks will resume in March").
HYPOTHETICAL_MODALS = {"can", "could", "may", "might", "should", "must"}
# Words that tie a time of day or a season to one particular day or year.
DEICTIC_WORDS = {"today", "tonight", "tomorrow", "yesterday", "this", "next", "last", "monday", "tuesday",
                 "wednesday", "thursday", "friday", "saturday", "sunday"}
# Words that carry no happening of their own, "said" among them (a statement needs what
# was said); a clause of little else is no timeline entry.
FUNCTION_WORDS = frozenset(
    "i me my we us our you your he him his she her it its they them their this that these those "
    "a an the be is are was were been being am do does did done have has had will would shall "
    "should can could may might must 'll ’ll so not say says said tell tells told".split()
)
# What a speech verb says: a clause, an infinitive, an object ("announced his candidacy").
REPORTED_DEPS = {"ccomp", "xcomp", "dobj", "dative", "parataxis"}
# Verbs of change whose "from <date>" names the baseline of a comparison.
CHANGE_LEMMAS = {
    "rise", "fall", "increase", "decrease", "drop", "decline", "climb", "grow", "jump", "slip", "slide",
    "dip", "surge", "shrink", "soar", "plunge", "double", "triple", "gain", "lose", "improve", "worsen",
}
NOMINAL_MODIFIER_DEPS = {"compound", "amod", "nummod", "nmod", "npadvmod", "poss"}
# "the two countries", "both sides": a pair the article has just named.
PAIR_WORDS = {"two", "both"}
PAIR_NOUNS = {"countries", "nations", "sides", "governments", "states", "neighbours", "neighbors", "parties", "allies", "capitals"}
# How far back the pair may be named, and how close its two names must stand.
PAIR_REACH_TOKENS = 250
PAIR_GAP_TOKENS = 6
# An occasion may take the publication date only when the article opens with it.
LEAD_CHARS = 600
STATEMENT_CONTENT_WORDS = 22
CONFIDENCE = {"clause": 0.85, "noun": 0.7, "statement": 0.8, "occasion": 0.6}


@dataclass
class _Found:
    event: Event
    order: int  # character offset of the evidence, for reading order
    speaker: Optional[str] = None


def build_events(
    doc: Doc,
    source_id: str,
    timexes: Iterable[Timex],
    actors: ActorIndex,
    positions: Iterable[Position] = (),
    published: Optional[dt.date] = None,
) -> list[Event]:
    """The events of one parsed article, in reading order, ids E1.. local to it."""
    timexes = list(timexes)
    generic = _generic_clauses(doc, timexes)
    timexes = [t for t in timexes if t.type in EVENT_TIMEX_TYPES]
    text = doc.text  # rebuilt from the tokens on every access: read it once
    pairs = _pair_replacements(doc, actors)
    timex_tokens = _token_indices(doc, timexes)
    dated_positions = [p for p in positions if _made_statement(p, doc)]

    found: list[_Found] = []
    by_anchor: dict[tuple[int, str], _Found] = {}
    for timex in timexes:
        date = event_date(timex)
        if date is None:
            continue  # "recently", "in the past": nothing a timeline can place
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or _inside_quoted_title(span) or _page_furniture(span.sent) or _dates_a_statement(timex, date, dated_positions):
            continue
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
        key = (anchor.i, date.value)
        if key in by_anchor:
            # Two expressions for one date on one anchor ("on Wednesday (August 28)"): one
            # event, dated by the fuller wording.
            earlier = by_anchor[key].event.date
            if len(timex.text) > len(earlier.text):
                earlier.text = timex.text
            continue
        event = _anchored_event(anchor, date, timex, text, source_id, timex_tokens, pairs, actors)
        if event is not None:
            by_anchor[key] = _Found(event, event.evidence[0].start)
            found.append(by_anchor[key])

    statements = _statement_events(dated_positions, doc, text, source_id, actors)
    occasions = _occasion_events(doc, text, source_id, actors, statements, found, published, timex_tokens, pairs)
    folded = {id(s) for o in occasions for s in statements if _fold(o, s)}
    found += [s for s in statements if id(s) not in folded] + occasions
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
    if root.dep_ in NOMINAL_MODIFIER_DEPS and head.pos_ in {"NOUN", "PROPN"}:
        return head if _is_event_noun(head) else None  # "the October debate" / "the 2007 bill"
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


def _compared(token: Token) -> bool:
    """The date is a yardstick, not a time: "than in 2008", "up 70 percent from 2008"."""
    baseline = False
    while token.head.i != token.i and token.pos_ not in {"VERB", "AUX"}:
        if token.lower_ == "than":
            return True
        baseline = baseline or (token.lower_ == "from" and not any(
            c.lower_ in {"to", "until", "through"} for c in list(token.children) + list(token.head.children)))
        token = token.head
    return baseline and (
        token.lemma_.lower() in CHANGE_LEMMAS or any(c.dep_ == "advmod" and c.lower_ in {"up", "down"} for c in token.children)
    )


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


def _anchored_event(
    anchor: Token, date: EventDate, timex: Timex, text: str, source_id: str,
    timex_tokens: set[int], pairs: list[Replacement], actors: ActorIndex,
) -> Optional[Event]:
    if anchor.pos_ in {"NOUN", "PROPN"}:
        tokens = noun_phrase(anchor, timex_tokens)
        if sum(1 for t in tokens if t.is_alpha and not t.is_stop) < 2:
            return None  # "Tuesday's outcome": too little to stand as a timeline entry
        summary = phrase(tokens, pairs, capitalize=True)
        kind, lemmas, clause = "noun", [anchor.lemma_] + [t.lemma_ for t in tokens], tokens
    else:
        extra = _reported_content(anchor, timex_tokens) if is_speech_lemma(anchor.lemma_) else []
        summary = summarize_clause(anchor, timex_tokens, pairs, extra)
        kind, lemmas, clause = "clause", _clause_lemmas(anchor), own_subtree(anchor)
        if is_speech_lemma(anchor.lemma_) and not any(c.dep_ in REPORTED_DEPS for c in anchor.children):
            lemmas[0] = ""  # "added to his portfolio", "the case was argued": nothing is reported
    if not summary or (kind == "clause" and _says_too_little(summary)):
        return None  # "We said", "She did", "It was revealed": no entry a reader could use
    confidence = CONFIDENCE[kind] - (0.1 if timex.basis == "relative" else 0.0)
    if kind == "clause" and anchor.dep_ not in {"ROOT", "conj", "parataxis", "ccomp", "relcl"}:
        confidence -= 0.1  # a date deep in a subordinate clause may belong elsewhere
    return Event(
        id="E1",
        date=date,
        summary=summary,
        type=event_type_for(lemmas),
        actors=_actors_in(clause, actors, pairs),
        confidence=round(confidence, 2),
        evidence=[_sentence_evidence(text, source_id, anchor.sent)],
    )


def _says_too_little(summary: str) -> bool:
    """Fewer than two words besides pronouns, articles and the verbs be, do, have and the modals."""
    words = re.findall(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*", summary.lower())
    return sum(1 for w in words if w not in FUNCTION_WORDS) < 2


def _reported_content(predicate: Token, excluded: set[int]) -> list[Token]:
    """For "X said on Monday" without an attributed position: its complement clause."""
    for child in predicate.children:
        if child.dep_ == "ccomp":
            return [t for t in own_subtree(child) if t.i not in excluded]
    return []


def _clause_lemmas(predicate: Token) -> list[str]:
    """The predicate's lemma, then the heads of its object and prepositional complements."""
    lemmas = [predicate.lemma_.lower()]
    for child in predicate.children:
        if child.dep_ in {"dobj", "attr", "nsubjpass", "oprd"}:
            lemmas.append(child.lemma_.lower())
        elif child.dep_ == "prep":
            lemmas.extend(c.lemma_.lower() for c in child.children if c.dep_ == "pobj")
    return lemmas


def _made_statement(position: Position, doc: Doc) -> bool:
    """A dated position that is a statement someone made, fit to stand as a timeline entry.

    Beliefs and wishes ("would like", "thinks") are not happenings; a cue in the infinitive
    is what someone plans or is expected to do ("prepares to accept the nomination"), not
    what they did; and "I" or "he" is not a name a timeline can use.
    """
    if position.date is None or position.cue is None or cue_class(position.cue.text) not in {"speech", "stance"}:
        return False
    if position.speaker.name.lower() in UNNAMED_SPEAKERS:
        return False
    cue = doc.char_span(position.cue.start, position.cue.end, alignment_mode="expand")
    return cue is not None and not is_infinitive(cue.root)


def _statement_events(positions: list[Position], doc: Doc, text: str, source_id: str, actors: ActorIndex) -> list[_Found]:
    """One event per speaker, date and sentence of dated statements."""
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
        mention = first.speaker_mention.text if first.speaker_mention is not None else ""
        if mention.lower().split(" ", 1)[0] in {"the", "a", "an"} and mention.lower().endswith(speaker.lower()):
            # A speaker with no name reads as the text named it: "The governor said".
            speaker = first.speaker_mention.text[:1].upper() + first.speaker_mention.text[1:]
        cue = doc.char_span(first.cue.start, first.cue.end, alignment_mode="expand")
        verb = past_tense(cue.root)
        content = " ".join(first.text.split()[:STATEMENT_CONTENT_WORDS])
        if len(first.text.split()) > STATEMENT_CONTENT_WORDS:
            content = content.rstrip(",;:") + " …"
        if first.kind != "direct" and content.count("“") > content.count("”"):
            content += "”"  # a quotation inside the reported words closes where they end
        said = f"“{content}”" if first.kind == "direct" else content
        confidence = min(CONFIDENCE["statement"], first.confidence) - (0.1 if first.date.basis == "relative" else 0.0)
        names = [speaker] + [a for p in group for a in ([p.speaker.affiliation] if p.speaker.affiliation else [])]
        event = Event(
            id="E1",
            date=first.date.model_copy(),
            summary=f"{speaker} {verb} {said}",
            type=event_type_for([cue.root.lemma_]),
            actors=list(dict.fromkeys(n for n in names if n)),
            confidence=round(max(confidence, 0.0), 2),
            evidence=[_sentence_evidence(text, source_id, doc[sentence_start].sent)],
        )
        found.append(_Found(event, event.evidence[0].start, speaker))
    return found


def _occasion_events(
    doc: Doc, text: str, source_id: str, actors: ActorIndex, statements: list[_Found], anchored: list[_Found],
    published: Optional[dt.date], timex_tokens: set[int], pairs: list[Replacement],
) -> list[_Found]:
    """Undated occasions people are reported speaking at, dated by their statements or the article."""
    found: list[_Found] = []
    named: set[str] = set()
    # Occasions the article dates itself ("Tuesday's debate") are covered by that entry.
    dated_names = {w.lower() for f in anchored for w in f.event.summary.split() if f.event.type in {"meeting", "visit"}}
    for token in doc:
        occasion = _reported_occasion(token)
        if occasion is None:
            continue
        verb, noun = occasion
        if any(t.i in timex_tokens for t in own_subtree(verb)):
            continue  # it has its own date: the date's clause event covers it
        subject = _subject_of(verb)
        speaker = actors.resolve(doc[subject.i: subject.i + 1]) if subject is not None else None
        if speaker is None:
            continue  # "it was at the conference that ...": whose occasion is not said
        in_lead = token.sent.start_char - doc[0].sent.start_char < LEAD_CHARS
        date = _occasion_date(speaker.name, statements, published if in_lead else None)
        if date is None or noun.lemma_.lower() in dated_names:
            continue
        words = noun_phrase(noun, timex_tokens)
        name = phrase(words, pairs)
        if name.lower() in named:
            continue
        named.add(name.lower())
        organised = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
        if organised is not None:  # "hosted by the Embassy": who organised it belongs in the entry
            organisers = sorted(organised.subtree, key=lambda t: t.i)
            name += ", " + phrase(organisers, pairs)
            words = words + organisers
        preposition = noun.head.lower_ if noun.dep_ == "pobj" else ""
        if is_speech_lemma(verb.lemma_) or verb.lemma_.lower() == "speak":
            action = f"spoke {preposition}".strip()
        else:
            action = f"{past_tense(verb)} {preposition}".strip()
        summary = f"{speaker.name} {action} {name}"
        event = Event(
            id="E1",
            date=date,
            summary=summary,
            type="visit" if noun.lemma_.lower() in {"visit", "trip"} else "meeting",
            actors=list(dict.fromkeys([speaker.name] + _actors_in(words, actors, pairs))),
            confidence=CONFIDENCE["occasion"],
            evidence=[_sentence_evidence(text, source_id, token.sent)],
        )
        found.append(_Found(event, event.evidence[0].start, speaker.name))
    return found


def _reported_occasion(token: Token) -> Optional[tuple[Token, Token]]:
    """(verb, occasion noun) for "speaking at the forum", "attended the summit" in the past."""
    lemma = token.lemma_.lower()
    if lemma not in OCCASION_NOUNS or token.pos_ not in {"NOUN", "PROPN"}:
        return None
    noun = token
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"NOUN"}:
        # "the inaugural event of the forum": the outer noun is the occasion named.
        outer = noun.head.head
        if outer.lemma_.lower() in OCCASION_NOUNS:
            return None
    if lemma == "event" and not any(c.dep_ == "prep" for c in noun.children):
        return None  # a bare "the event" refers back; it names nothing new
    if noun.dep_ == "pobj" and noun.head.lower_ in {"at", "during", "on", "to"} and noun.head.head.pos_ in {"VERB", "AUX"}:
        verb = noun.head.head
    elif noun.dep_ == "dobj" and noun.head.lemma_.lower() in {"attend", "address", "host", "hold", "open", "inaugurate", "visit", "chair", "organise", "organize"}:
        verb = noun.head
    else:
        return None
    if not _reported_as_past(verb):
        return None
    return verb, noun


def _reported_as_past(verb: Token) -> bool:
    if verb.tag_ in {"VBD"} or (verb.tag_ == "VBN" and any(c.dep_ in {"aux", "auxpass"} for c in verb.children)):
        return True
    # "said, speaking at ...": a participle takes the tense of the verb it hangs from.
    return verb.tag_ in {"VBG", "VBN"} and verb.head.i != verb.i and verb.head.tag_ == "VBD"


def _subject_of(verb: Token) -> Optional[Token]:
    for candidate in (verb, verb.head):
        for child in candidate.children:
            if child.dep_ in {"nsubj", "nsubjpass"}:
                return child
        if candidate.tag_ not in {"VBG", "VBN"}:
            break
    return None


def _occasion_date(speaker: Optional[str], statements: list[_Found], published: Optional[dt.date]) -> Optional[EventDate]:
    """The day of the speaker's dated statement in the article, else the publication date; inferred."""
    own = [s for s in statements if speaker and s.speaker == speaker and s.event.date.granularity in {"day", "time"}]
    if own:
        date = own[0].event.date
        return date.model_copy(update={"basis": "inferred", "value": date.value[:10], "granularity": "day", "mod": None})
    if published is None:
        return None
    day = published.isoformat()
    return EventDate(value=day, granularity="day", start=day, end=day, text="", basis="inferred")


def _fold(occasion: _Found, statement: _Found) -> bool:
    """A statement the speaker made at the occasion, that day, joins the occasion's entry."""
    if not occasion.speaker or occasion.speaker != statement.speaker:
        return False
    if (occasion.event.date.start, occasion.event.date.end) != (statement.event.date.start, statement.event.date.end):
        return False
    occasion.event.evidence += [e for e in statement.event.evidence if e not in occasion.event.evidence]
    occasion.event.actors = list(dict.fromkeys(occasion.event.actors + statement.event.actors))
    occasion.order = min(occasion.order, statement.order)
    return True


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
        replacements.append(Replacement(start, token.i + 1, f"{pair[0]} and {pair[1]}"))
    return replacements


def _last_named_pair(doc: Doc, actors: ActorIndex, token: Token) -> Optional[tuple[str, str]]:
    """The last two different countries named close together ("India and Korea", "Korea-India")."""
    mentions: list[tuple[int, str]] = []  # (token index, country), latest first
    for i in range(token.i - 1, max(-1, token.i - PAIR_REACH_TOKENS), -1):
        actor = actors.actor_at(i)
        if actor is not None and actor.type == "GPE" and (not mentions or mentions[-1][1] != actor.name):
            mentions.append((i, actor.name))
    for (later, second), (earlier, first) in zip(mentions, mentions[1:]):
        if first != second and later - earlier <= PAIR_GAP_TOKENS:
            return first, second
    return None


def _actors_in(tokens: list[Token], actors: ActorIndex, pairs: list[Replacement]) -> list[str]:
    names: list[str] = []
    for token in tokens:
        actor = actors.actor_at(token.i)
        if actor is not None and actor.type in {"PERSON", "ORG", "GPE", "NORP"} and actor.name not in names:
            names.append(actor.name)
        for pair in pairs:
            if pair.start <= token.i < pair.end:
                names.extend(n for n in pair.text.split(" and ") if n not in names)
    return names


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


def _sentence_evidence(text: str, source_id: str, sentence: Span) -> TextSpan:
    """The sentence without the blank lines spaCy attaches to it (a blanked front matter block)."""
    start, end = sentence.start_char, sentence.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return TextSpan(source=source_id, start=start, end=end, text=text[start:end])
