"""The occasion an article reports, told without a date of its own, and what came of it.

A readout, a wire story or a summit report is about one occasion: "Ana Park met Ravi Rao in
Lima", "A bomb tore through the security headquarters". News tells it in the past tense
and leaves the day to the dateline: it happened on the day the article appeared (or just
before), which is the single strongest signal of what a story's days are. So:

* **the lead**: a happening told in the past tense in the article's first sentence of prose
  (or its second, when the first tells none), with no date of its own, is an event dated by
  the publication date, marked ``inferred``;
* **what came of it**: later in the article, what the participants agreed, signed, adopted,
  issued or held there ("Both sides agreed to …", "They signed three memoranda") carries the
  occasion's date: the lead's own date when the text gives one ("met on Monday"), else the
  publication date, marked ``inferred`` too;
* **a forum people are reported speaking at** ("said, speaking at the inaugural event of
  the forum") happened when they spoke there, or, in the lead, on the publication date.

What is not the occasion stays out: a happening told as earlier ("had signed",
"previously met"), negated or merely possible, inside a quotation, or a report of speech
(statements are positions, and dated ones events of their own).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token

from briefgen.extract.actors.participants import members_name
from briefgen.extract.clauses import (
    Replacement,
    is_sound,
    noun_phrase,
    own_subtree,
    phrase,
    subject_bearer,
    without_stranded_punctuation,
)
from briefgen.extract.furniture import ends_a_sentence
from briefgen.extract.event_context import ArticleContext, clause_lemmas, dates_a_happening_before, says_too_little
from briefgen.extract.positions.lexicon import cue_lexicon
from briefgen.extract.positions.quotes import inside_quotation
from briefgen.extract.positions.units import subtree_span
from briefgen.extract.vocabulary import EVENT_NOUNS, OCCASION_NOUNS, event_type_for
from briefgen.model import Event, EventDate

CONFIDENCE = 0.6
# The first sentences of prose: the lead, which tells the article's own happening, and
# the sentence after it, whose actors are the occasion's participants too.
LEAD_SENTENCES = 2
# Verbs by which participants come out of an occasion with something ("agreed to …",
# "signed three memoranda", "adopted the declaration")...
PRODUCT_LEMMAS = frozenset(
    "agree sign adopt approve issue launch conclude establish decide endorse ink finalize finalise "
    "exchange concur unveil reach impose slap".split()
)
# ... or hold a part of it ("held a one-on-one meeting", "had a meeting", "hosted a luncheon").
OUTCOME_LEMMAS = PRODUCT_LEMMAS | frozenset(
    "hold have host meet receive visit attend convene inaugurate open announce pay call".split()
)
# Verbs that name a happening only through their object: "had talks", "held a meeting".
LIGHT_VERBS = frozenset({"have", "hold", "receive", "take", "make", "give", "pay", "call"})
# Verbs of state, not of happening: "is", "remains", "seems".
STATIVE_LEMMAS = frozenset(
    "be have remain seem appear continue include contain mean know need want like hope believe think expect "
    "become stay lie sit stand face own hold".split()
)
# Words that place a happening before the occasion the article reports.
EARLIER_WORDS = frozenset({"previously", "earlier", "formerly", "once", "originally", "already", "last", "before", "ago"})
HYPOTHETICAL_MODALS = frozenset({"can", "could", "may", "might", "should", "must", "will", "would", "shall", "'ll", "’ll"})


@dataclass
class Found:
    """An event with what the article's other steps need to know about it."""

    event: Event
    order: int  # character offset of the evidence, for reading order
    speaker: Optional[str] = None
    anchor: Optional[int] = None  # the token the event was built on


def occasion_events(context: ArticleContext, anchored: list[Found], statements: list[Found]) -> list[Found]:
    """Events of the occasion the article reports that the text does not date itself."""
    taken = {f.anchor for f in anchored + statements if f.anchor is not None}
    # A clause inside a dated entry's clause ("visited the port on 6 March and met its
    # operators") is told by that entry, with its date.
    found: list[Found] = []
    for f in anchored:
        if f.anchor is not None:
            anchor = context.doc[f.anchor]
            found += _shared_date_outcomes(anchor, f.event.date, context, taken)
            taken |= {t.i for t in own_subtree(anchor)}
    lead = _lead_sentences(context)
    published_date = _published_date(context)
    if published_date is not None:
        found += _undated_lead(lead, anchored, published_date, context, taken)
    occasion_date = _occasion_date(context, anchored + statements, lead)
    if occasion_date is not None and lead:
        participants = {a.name for s in lead for t in s if (a := context.actors.actor_at(t.i)) is not None}
        told = {_telling(context.doc[f.anchor], f.event.date.value) for f in anchored + found if f.anchor is not None}
        for token in context.doc[lead[0].start:]:
            if token.i in taken or not _is_outcome(token, context, participants):
                continue
            if _telling(token, occasion_date.value) in told:
                continue  # "The agreement was signed by …" retells the signing the lead dated
            # "In August, Shoukry headed to Europe … He met President Hollande": August's meeting.
            date = _time_gone_on_from(token, anchored, occasion_date, context) or occasion_date
            event = _event(token, date, context)
            if event is not None:
                taken.add(token.i)
                told.add(_telling(token, occasion_date.value))
                found.append(Found(event, event.evidence[0].start, anchor=token.i))
    found += _forums(context, statements, anchored + found, lead, occasion_date)
    return found


# --- the lead ----------------------------------------------------------------------------------


def _undated_lead(lead: list[Span], anchored: list[Found], published_date: EventDate, context: ArticleContext,
                  taken: set[int]) -> list[Found]:
    """The happenings the lead's first sentence tells without a date, on the publication day,
    unless it dates a clause of its own: then that date is the occasion's. When a standfirst
    tells none, the sentence that opens with the dateline is the lead."""
    if not lead or _dates_a_clause(lead[0], anchored, context):
        return []
    found = _undated_happenings(lead[0], published_date, context, taken)
    datelined = _datelined_sentence(context) if not found else None
    if datelined is not None and datelined.start != lead[0].start and not _dates_a_clause(datelined, anchored, context):
        found = _undated_happenings(datelined, published_date, context, taken)
    return found


def _dates_a_clause(sentence: Span, anchored: list[Found], context: ArticleContext) -> bool:
    """The sentence dates its main clause; a happening it names by a noun ("after the June 17
    encounter") or tells in a subordinate clause ("has concluded her visit, where she joined
    the delegation on September 16") leaves the main clause undated."""
    return any(_told_in(f, sentence) and (f.anchor is None or _main_clause(context.doc[f.anchor])) for f in anchored)


def _told_in(found: Found, sentence: Span) -> bool:
    return sentence.start_char <= found.event.evidence[0].start < sentence.end_char


def _inferred(date: EventDate) -> EventDate:
    """A date carried over from another happening, which the text does not give this one."""
    return date.model_copy(update={"basis": "inferred", "text": "", "sources": []})


def _main_clause(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))


def _undated_happenings(sentence: Span, published_date: EventDate, context: ArticleContext, taken: set[int]) -> list[Found]:
    found = []
    for verb in sentence:
        if verb.i in taken or not _tells_past_happening(verb, context) or _has_own_date(verb, context):
            continue
        if any(a.i in context.dates or dates_a_happening_before(a) for a in verb.ancestors):
            continue  # "after the encounter on June 17 where guards boarded a ship": the boarding is the encounter's
        event = _event(verb, published_date, context)
        if event is not None:
            taken.add(verb.i)
            found.append(Found(event, event.evidence[0].start, anchor=verb.i))
    return found


# A standfirst may come before the dateline: the story's first sentence is looked for this far in.
STANDFIRST_SENTENCES = 2


def _prose_sentences(context: ArticleContext, limit: int) -> list[Span]:
    """The article's first sentences of prose: past headlines, datelines and labels."""
    prose = []
    for sentence in context.doc.sents:
        words = [t for t in sentence if not t.is_space and t.i not in context.furniture and not t.is_punct]
        if not words:
            continue
        if not (ends_a_sentence(sentence.text) or sentence.text.rstrip().endswith(":")) or len(words) < 6:
            continue  # a headline, a caption or a label: no sentence of prose
        prose.append(sentence)
        if len(prose) == limit:
            break
    return prose


def _lead_sentences(context: ArticleContext) -> list[Span]:
    return _prose_sentences(context, LEAD_SENTENCES)


def _datelined_sentence(context: ArticleContext) -> Optional[Span]:
    """The sentence after a standfirst that opens with the dateline ("MANILA – The Department
    …"): where the story itself starts."""
    for sentence in _prose_sentences(context, STANDFIRST_SENTENCES + 1)[1:]:
        first = next((t for t in sentence if not t.is_space), None)
        if first is not None and first.i in context.furniture and first.is_alpha:
            return sentence
    return None


def _tells_past_happening(verb: Token, context: ArticleContext) -> bool:
    if verb.pos_ != "VERB" or verb.i in context.furniture or inside_quotation(verb.doc[verb.i: verb.i + 1]):
        return False
    lemma = verb.lemma_.lower()
    if (lemma, "VERB") in cue_lexicon() and lemma not in OUTCOME_LEMMAS:
        return False  # a report of speech or thought: a position, not a happening
    if lemma in STATIVE_LEMMAS and not _names_happening(verb):
        return False  # "is", "remains", but "had talks", "held a meeting"
    if lemma in LIGHT_VERBS and not _names_happening(verb):
        return False
    return _in_the_past(verb) and _asserted(verb) and not _reported(verb)


# Nouns of happenings a light verb takes beside the event nouns: "had a phone conversation".
LIGHT_VERB_OBJECTS = frozenset({"call", "conversation", "discussion", "luncheon", "lunch", "dinner", "delegation", "round",
                                "homage", "tribute", "respects", "courtesy"})


def _names_happening(verb: Token) -> bool:
    """"held talks", "had a phone conversation", "received a call", "paid homage", "called on
    the general secretary": the object is a happening, or the verb with its particle is one."""
    if verb.lemma_.lower() == "call":
        # "called on the general secretary", "called a summit"; not "called the accord a bridge".
        return any(c.lower_ == "on" and c.dep_ in ("prt", "prep") for c in verb.children) or any(
            c.dep_ == "dobj" and c.lemma_.lower() in OCCASION_NOUNS and not any(g.dep_ in ("oprd", "attr") for g in verb.children)
            for c in verb.children)
    for noun in (c for c in verb.children if c.dep_ in ("dobj", "attr")):
        words = {noun.lemma_.lower(), noun.lower_}
        if words & (EVENT_NOUNS | OCCASION_NOUNS | LIGHT_VERB_OBJECTS):
            return True
    return False


def _reported(verb: Token) -> bool:
    """Inside what someone is reported to have said or thought: "said China has attached …"."""
    lexicon = cue_lexicon()
    token = verb
    while token.head.i != token.i and token.dep_ in ("ccomp", "xcomp", "conj", "parataxis", "advcl"):
        token = token.head
        if (token.lemma_.lower(), "VERB") in lexicon or (token.lemma_.lower(), "ADJ") in lexicon:
            return True
    return False


def _in_the_past(verb: Token) -> bool:
    """Simple past, present perfect or a past passive; not the past perfect, which tells of
    something before the occasion ("had signed")."""
    auxiliaries = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.lower_ in ("had", "’d", "'d") for a in auxiliaries):
        return False
    if verb.tag_ == "VBD" and not auxiliaries:
        return True
    if verb.tag_ == "VBN":
        return any(a.lemma_ in ("have", "be") and a.tag_ in ("VBD", "VBZ", "VBP") for a in auxiliaries)
    return False


def _asserted(verb: Token) -> bool:
    """Neither negated, nor possible only, nor placed before the occasion, nor an infinitive."""
    for child in verb.children:
        if child.dep_ == "neg" or (child.dep_ == "aux" and child.lower_ in HYPOTHETICAL_MODALS):
            return False
        if child.dep_ in ("advmod", "npadvmod") and child.lower_ in EARLIER_WORDS:
            return False
    return not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


# Verbs whose infinitive is a plan: in "agreed to convene next week a meeting" the date is
# the meeting's; the agreeing happened at the occasion.
PLAN_LEMMAS = frozenset("agree decide plan schedule pledge promise vow resolve undertake commit".split())


def _has_own_date(verb: Token, context: ArticleContext) -> bool:
    """A date of its own, or a duration or recurrence that makes it a state or a habit
    ("has served for three years", "meets every June"); not a date of what it plans."""
    planned = set()
    if verb.lemma_.lower() in PLAN_LEMMAS:
        planned = {t.i for c in verb.children if c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children)
                   for t in c.subtree}
    return any((t.i in context.dates or t.i in context.spans_of_time) and t.i not in planned and not _describes_noun(t, verb)
               and not dates_a_happening_before(t) and not _in_a_clause_of_its_own(t, verb) for t in own_subtree(verb))


# Clauses with a verb of their own inside another: what they date is theirs.
SUBORDINATE_CLAUSE_DEPS = frozenset({"relcl", "advcl", "acl"})


def _in_a_clause_of_its_own(time_word: Token, verb: Token) -> bool:
    """"has concluded her visit, where she joined the delegation on September 16": the date is
    the joining's, in a relative or adverbial clause with a verb of its own."""
    token = time_word.head
    while token.i != verb.i and token.head.i != token.i:
        if token.pos_ in ("VERB", "AUX") and token.dep_ in SUBORDINATE_CLAUSE_DEPS:
            return True
        token = token.head
    return False


# Links by which a time word describes a thing, not when something happened: "a two-year
# road map", "the 2030 agenda".
NOUN_MODIFIER_DEPS = frozenset({"compound", "amod", "nummod", "nmod"})


def _describes_noun(time_word: Token, verb: Token) -> bool:
    token = time_word
    while token.i != verb.i and token.head.i != token.i:
        if token.dep_ in NOUN_MODIFIER_DEPS and token.head.pos_ in ("NOUN", "PROPN") and token.head.ent_type_ not in ("DATE", "TIME"):
            return True
        token = token.head
    return False


def _published_date(context: ArticleContext) -> Optional[EventDate]:
    if context.published is None:
        return None
    day = context.published.isoformat()
    return EventDate(value=day, granularity="day", start=day, end=day, text="", basis="inferred")


def _occasion_date(context: ArticleContext, anchored: list[Found], lead: list[Span]) -> Optional[EventDate]:
    """The day of the occasion: the day the lead gives a happening or a statement of its own
    ("agreed Saturday that …"), else the publication date; None when neither is known."""
    lead_starts = {s.start_char for s in lead}
    for found in anchored:
        date = found.event.date
        sentence = context.doc.char_span(found.event.evidence[0].start, found.event.evidence[0].end, alignment_mode="expand")
        if sentence is None or sentence.sent.start_char not in lead_starts or date.granularity != "day":
            continue  # a range of days ("September 28-29") is a day's granularity too
        if found.anchor is not None and context.doc[found.anchor].dep_ in SUBORDINATE_CLAUSE_DEPS:
            continue  # "has concluded her visit, where she joined the delegation on September 16"
        return _inferred(date)
    return _published_date(context)


# --- what came of it ---------------------------------------------------------------------------


def _shared_date_outcomes(anchor: Token, date: EventDate, context: ArticleContext, taken: set[int]) -> list[Found]:
    """"met in Tokyo on Monday and issued a joint statement": the date the text gives the
    first verb is the second's too. Taking part again ("… and met its operators") is part
    of the same entry; coming away with something is an entry of its own."""
    found = []
    joined = [c for c in anchor.children if c.dep_ == "conj" and c.pos_ == "VERB"]
    told_at = [t for t in anchor.subtree if _told_at(t) and t.i not in taken]
    for verb in joined + told_at:
        taken.add(verb.i)
        lemma = verb.lemma_.lower()
        # What was agreed or held at the happening is an outcome too ("where they agreed on
        # a road map"); a clause joined to it only when it came away with something.
        outcome = lemma in OUTCOME_LEMMAS and (lemma not in LIGHT_VERBS or _names_happening(verb)) if verb in told_at \
            else lemma in PRODUCT_LEMMAS
        if not outcome or _has_own_date(verb, context) or not _asserted(verb):
            continue
        if verb in told_at:
            _name_they(verb, anchor, context)
        event = _event(verb, date.model_copy(update={"sources": []}), context)
        if event is not None:
            found.append(Found(event, event.evidence[0].start, anchor=verb.i))
    return found


def _name_they(verb: Token, happening: Token, context: ArticleContext) -> None:
    """"Retno met Liz Truss in London, where they agreed …": "they" are who met, the
    happening's subject and whom it was with, when the text names them."""
    they = next((c for c in verb.children if c.dep_ == "nsubj" and c.lower_ == "they"), None)
    if they is None or any(r.start <= they.i < r.end for r in context.replacements):
        return
    sides = [c for c in happening.children if c.dep_ in ("nsubj", "dobj")]
    sides += [o for c in happening.children if c.dep_ == "prep" and c.lower_ == "with" for o in c.children if o.dep_ == "pobj"]
    members = []
    for side in sides:
        actor = context.actors.resolve(subtree_span(side))
        if actor is None or actor.type not in ("PERSON", "GPE", "ORG"):
            return  # someone the text does not name: "they" stays as written
        if actor not in members:
            members.append(actor)
    if len(members) >= 2:
        context.replacements.append(Replacement(they.i, they.i + 1, members_name(members), tuple(a.name for a in members)))


def _told_at(verb: Token) -> bool:
    """A clause of what happened at the dated happening it hangs on: "met in London on
    Tuesday, where they agreed …", "the state visit in April, during which 31 memoranda
    were signed"."""
    if verb.dep_ not in ("relcl", "advcl") or verb.pos_ != "VERB":
        return False
    if verb.head.lemma_.lower() in TIME_NOUNS:
        return False  # "the day when …": a time described
    return any(c.dep_ == "advmod" and c.lower_ == "where" for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ in ("during", "at") and any(o.lower_ == "which" for o in c.children)
        for c in verb.children)


# Nouns by which an article names the occasion's participants together ("both sides",
# "the two ministers") or the occasion itself ("at the meeting", "during the visit").
PARTICIPANT_NOUNS = frozenset(
    "side leader minister president premier delegation party country nation government counterpart "
    "official head chancellor secretary envoy diplomat member council assembly summit conference "
    "commission committee bloc group union parliament cabinet meeting".split()
)
# What "agreed on the importance of …" shares: a view, not something they came away with.
STANCE_NOUNS = frozenset({"importance", "need", "necessity", "significance", "value", "urgency"})
PARTICIPANT_PRONOUNS = frozenset({"they", "we", "he", "she", "both"})
TIME_NOUNS = frozenset({"day", "date", "time", "year", "month", "week", "moment", "period", "era"})


def _is_outcome(verb: Token, context: ArticleContext, participants: set[str]) -> bool:
    """A clause telling what the occasion's participants agreed, signed or held there."""
    lemma = verb.lemma_.lower()
    if lemma not in OUTCOME_LEMMAS or verb.pos_ != "VERB" or verb.i in context.furniture:
        return False
    if lemma in LIGHT_VERBS and not _names_happening(verb):
        return False  # "held the view", "received support"
    if lemma == "announce" and not any(c.dep_ == "dobj" for c in verb.children):
        return False  # "announced that …" reports speech; "announced the expansion" is an outcome
    if any(o.lemma_.lower() in STANCE_NOUNS for c in verb.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"):
        return False  # "agreed on the importance of dialogue" is a view they share, a position
    if inside_quotation(verb.doc[verb.i: verb.i + 1]) or _has_own_date(verb, context):
        return False
    if verb.dep_ == "relcl" and verb.head.lemma_.lower() in TIME_NOUNS:
        return False  # "the day the charter was signed": a time described, not an outcome
    finite = _governing_verb(verb)
    if finite is None or not _by_participants(verb, finite, context, participants):
        return False
    if finite is not verb:
        return _asserted(verb) and _in_the_past(finite) and _asserted(finite)  # "…, agreeing to open a consulate"
    return _in_the_past(verb) and _asserted(verb)


def _time_gone_on_from(verb: Token, anchored: list[Found], occasion_date: EventDate,
                       context: ArticleContext) -> Optional[EventDate]:
    """The date of another time the sentence before tells a happening of, which this one goes
    on with; None when it tells none."""
    sentence = verb.sent
    if sentence.start == 0:
        return None
    previous = context.doc[sentence.start - 1].sent
    for f in anchored:
        if (_told_in(f, previous) and f.anchor is not None and context.doc[f.anchor].pos_ in ("VERB", "AUX")
                and f.event.date.value != occasion_date.value):
            return _inferred(f.event.date)
    return None


def _telling(verb: Token, date: str) -> tuple[str, str, str]:
    """What a clause tells, to know a retelling: the verb, what it acts on, the day. "signed an
    agreement" and "the agreement was signed" are one; "paid a visit" and "paid homage" two,
    and so are "agreed to broker a summit" and "agreed on strengthening ties"."""
    acted_on = next((c.lemma_.lower() for c in verb.children if c.dep_ in ("dobj", "nsubjpass", "xcomp")), "")
    if not acted_on:
        acted_on = next((o.lemma_.lower() for c in verb.children if c.dep_ == "prep"
                         for o in c.children if o.dep_ in ("pobj", "pcomp")), "")
    return verb.lemma_.lower(), acted_on, date


def _governing_verb(verb: Token) -> Optional[Token]:
    """The finite verb whose tense and subject a participle shares: "emphasised their
    commitment by agreeing to …" → "emphasised"; the verb itself when it is finite."""
    if verb.tag_ != "VBG":
        return verb
    token = verb
    for _ in range(4):
        if token.dep_ not in ("advcl", "xcomp", "pcomp", "conj", "prep", "pobj") or token.head.i == token.i:
            return None
        token = token.head
        if token.pos_ in ("VERB", "AUX") and token.tag_ in ("VBD", "VBN", "VBZ", "VBP"):
            return token
    return None


def _by_participants(verb: Token, finite: Token, context: ArticleContext, participants: set[str]) -> bool:
    """Done by those the lead names, by "both sides" or "they", or, in the passive with no
    agent, at the occasion ("A joint statement was issued at the end of the talks")."""
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "agent")]
    if not subjects and (finite is not verb or verb.dep_ == "conj"):
        sharing = subject_bearer(finite if finite is not verb else verb.head)
        subjects = [c for c in sharing.children if c.dep_ == "nsubj"]
    for subject in subjects:
        noun = next((o for o in subject.children if o.dep_ == "pobj"), subject) if subject.dep_ == "agent" else subject
        for token in noun.subtree:
            actor = context.actors.actor_at(token.i)
            if actor is not None and actor.name in participants:
                return True
        if noun.lower_ in PARTICIPANT_PRONOUNS or noun.lemma_.lower() in PARTICIPANT_NOUNS:
            return True
    if any(c.dep_ == "nsubjpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children):
        return any(t.lemma_.lower() in OCCASION_NOUNS or t.lemma_.lower() in {"interaction", "call", "conversation"}
                   for t in own_subtree(verb) if t.dep_ == "pobj")
    return False


def _event(verb: Token, date: EventDate, context: ArticleContext) -> Optional[Event]:
    summary = context.clause_summary(verb)
    if not summary or says_too_little(summary):
        return None
    clause = own_subtree(verb)
    return Event(
        id="E1",
        date=date.model_copy(),
        summary=summary,
        type=event_type_for(clause_lemmas(verb)),
        actors=context.actors_in(clause + _subject_of_participle(verb)),
        confidence=CONFIDENCE,
        evidence=[context.evidence(verb.sent)],
    )


def _subject_of_participle(verb: Token) -> list[Token]:
    """"They emphasised …, agreeing to open …": who agreed is the subject above."""
    if verb.tag_ == "VBG" and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return [t for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") for t in c.subtree]
    return []


# --- forums people are reported speaking at ----------------------------------------------------


# Words that place a gathering before the occasion: "the previous meeting", "their first summit".
EARLIER_MODIFIERS = frozenset({"previous", "last", "earlier", "first", "former", "past", "prior"})


def _earlier(noun: Token) -> bool:
    return any(c.lower_ in EARLIER_MODIFIERS for c in noun.children)


def _forums(context: ArticleContext, statements: list[Found], earlier: list[Found], lead: list[Span],
            occasion_date: Optional[EventDate]) -> list[Found]:
    """Undated forums people are reported speaking at, dated by their statements or the article."""
    doc = context.doc
    found: list[Found] = []
    named: set[str] = set()
    taken = {f.anchor for f in earlier if f.anchor is not None}
    # Occasions the article dates itself ("Tuesday's debate") are covered by that entry.
    dated_names = {w.lower() for f in earlier for w in f.event.summary.split() if f.event.type in {"meeting", "visit"}}
    lead_starts = {s.start_char for s in lead}
    for token in doc:
        occasion = _reported_occasion(token)
        if occasion is None:
            continue
        verb, noun = occasion
        if verb.i in taken or any(t.i in context.dates for t in own_subtree(verb)):
            continue  # it has its own date, or its clause is already an entry
        subject = _subject_of(verb)
        speaker = context.actors.resolve(doc[subject.i: subject.i + 1]) if subject is not None else None
        if speaker is None:
            continue  # "it was at the conference that ...": whose occasion is not said
        in_lead = token.sent.start_char in lead_starts
        # Past the lead, only a gathering of the occasion's own ("in his meeting with Wang Yi")
        # takes its day; one told as earlier ("the previous meeting") does not.
        own = in_lead or (not _earlier(noun) and (_in_the_past(verb) or verb.tag_ in ("VBG", "VBN")))
        date = _speaker_date(speaker.name, statements) or (occasion_date if own else None)
        if date is None or noun.lemma_.lower() in dated_names:
            continue
        words = noun_phrase(noun, context.excluded)
        organised = next((c for c in noun.children if c.dep_ == "acl" and c.tag_ == "VBN"), None)
        if organised is not None:  # "hosted by the Embassy": who organised it belongs in the entry
            words = sorted(words + list(organised.subtree), key=lambda t: t.i)
        summary = context.noun_summary(noun) if organised is None else _with_organisers(noun, words, context)
        if summary.lower() in named:
            continue
        named.add(summary.lower())
        event = Event(
            id="E1",
            date=date,
            summary=summary,
            type="visit" if noun.lemma_.lower() in {"visit", "trip"} else "meeting",
            actors=list(dict.fromkeys([speaker.name] + context.actors_in(words))),
            confidence=CONFIDENCE,
            evidence=[context.evidence(token.sent)],
        )
        found.append(Found(event, event.evidence[0].start, speaker=speaker.name, anchor=noun.i))
    return _folded(found, statements)


def _with_organisers(noun: Token, words: list[Token], context: ArticleContext) -> str:
    kept = without_stranded_punctuation(words)
    if kept and is_sound(kept, {noun.i}, context.excluded):
        return phrase(kept, context.replacements, capitalize=True)
    return context.sentence_summary(noun.sent)


def _reported_occasion(token: Token) -> Optional[tuple[Token, Token]]:
    """(verb, occasion noun) for "speaking at the forum", "attended the summit" in the past."""
    lemma = token.lemma_.lower()
    if lemma not in OCCASION_NOUNS or token.pos_ not in {"NOUN", "PROPN"}:
        return None
    noun = token
    if noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in {"NOUN"}:
        # "the inaugural event of the forum": the outer noun is the occasion named.
        if noun.head.head.lemma_.lower() in OCCASION_NOUNS:
            return None
    if lemma == "event" and not any(c.dep_ == "prep" for c in noun.children):
        return None  # a bare "the event" refers back; it names nothing new
    if noun.dep_ == "pobj" and noun.head.lower_ in {"at", "during", "on", "to", "in"} and noun.head.head.pos_ in {"VERB", "AUX"}:
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


def _speaker_date(speaker: str, statements: list[Found]) -> Optional[EventDate]:
    """The day of the speaker's dated statement in the article, inferred for the forum."""
    own = [s for s in statements if s.speaker == speaker and s.event.date.granularity in {"day", "time"}]
    if not own:
        return None
    date = own[0].event.date
    return date.model_copy(update={"basis": "inferred", "value": date.value[:10], "granularity": "day", "mod": None})


def _folded(forums: list[Found], statements: list[Found]) -> list[Found]:
    """A statement the speaker made at the forum, that day, joins the forum's entry."""
    for forum in forums:
        for statement in list(statements):
            if forum.speaker != statement.speaker or (forum.event.date.start, forum.event.date.end) != (
                    statement.event.date.start, statement.event.date.end):
                continue
            forum.event.evidence += [e for e in statement.event.evidence if e not in forum.event.evidence]
            forum.event.actors = list(dict.fromkeys(forum.event.actors + statement.event.actors))
            forum.order = min(forum.order, statement.order)
            statements.remove(statement)
    return forums
