"""What the sentence around a temporal expression says: its governing word and its tense.

Tense decides which way a bare name points: "said on Wednesday" is the Wednesday before the
article, "will meet on Friday" the Friday after it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

PAST, PRESENT, FUTURE = -1, 0, 1

# Auxiliaries by their norm, which spells "'ll", "’ll" and "wo" (won't) as "will", "'ve" as "have".
_FUTURE_AUXILIARIES = frozenset({"will", "shall", "would", "'d", "may", "might", "should", "must", "can"})
_PAST_AUXILIARIES = frozenset({"was", "were", "had", "did", "has", "have", "'s"})
# Verbs whose object lies ahead of them, whatever their tense ("has scheduled a news
# conference Thursday").
_PLANNING_VERBS = frozenset({"schedule", "plan", "expect", "slate", "intend"})
# Verbs whose infinitive complement lies ahead ("agreed to meet on Friday").
_INTENT_VERBS = frozenset(
    {"expect", "schedule", "plan", "set", "intend", "hope", "aim", "agree", "promise", "vow", "prepare",
     "want", "seek", "decide", "threaten", "pledge", "need", "try"}
)
_ADJACENT_SKIPPABLE = frozenset({"on", "late", "early", "earlier", "last", ","})
_REPORTING_VERBS = frozenset(
    {"say", "tell", "report", "announce", "state", "add", "note", "claim", "confirm", "reveal", "write",
     "insist", "warn", "argue", "acknowledge", "admit", "deny", "disclose", "explain"}
)
# Verbs of belief and estimation: in the plain present they state what someone holds now
# ("estimates the house, worth $2 million in April, is worth half that"), not a plan.
_BELIEF_VERBS = frozenset({"estimate", "believe", "think", "know", "consider", "doubt", "suspect", "feel"})
# Verbs that set a deadline: what they put off "until Tuesday" or extend "through January"
# lies ahead of the telling, whatever their tense ("postponed the vote until Tuesday").
_DEADLINE_VERBS = frozenset({"postpone", "extend", "delay", "defer", "give", "adjourn", "suspend", "push", "put"})
# Participles used as prepositions whose object came before what they attach to.
_AFTER_PARTICIPLES = frozenset({"following"})
# Words after which a date's tense does not follow the sentence's: "effective Feb. 1".
_UNTENSED_CUES = frozenset({"effective"})
_LOOKING_AHEAD = frozenset({("ahead", "to"), ("forward", "to")})


def anchor_of(span: Span) -> int | None:
    """Index of the word whose clause the expression modifies: the governor of its head,
    looking through a preposition ("met [on] Friday" -> met)."""
    head = span.root.head
    while head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    if span.start <= head.i < span.end:
        return None
    return head.i


def governing_verb(token: Token) -> Token | None:
    """The nearest verb above the token in the parse (the token itself when it is a verb)."""
    current = token
    for _ in range(12):
        if current.pos_ in ("VERB", "AUX") and current.tag_ != "MD":
            return current
        if current.head.i == current.i:
            return None
        current = current.head
    return None


def tense_of(span: Span) -> int | None:
    """PAST, PRESENT or FUTURE for the clause of the expression; None when nothing tells.

    A verb form that carries no tense of its own (an infinitive of purpose, a participle)
    takes the tense of the verb it depends on: "staged celebrations to mark the entry on
    Friday" is past. A possessive ("Wednesday's ruling") names a day already known, so the
    clause around it says nothing about it.
    """
    root = span.root
    if root.dep_ == "poss":
        return None
    doc = span.doc
    if span.start > 0 and doc[span.start - 1].lower_ in _UNTENSED_CUES:
        return None
    if any(token.lower_ == "since" for token in doc[max(0, span.start - 4):span.start]):
        # "since the Oct. 23 attack": whatever the verb, it lies behind
        return PAST
    if span.start >= 2 and (doc[span.start - 2].lower_, doc[span.start - 1].lower_) in _LOOKING_AHEAD:
        # "Looking ahead to the fall, he said ...": whatever the verb, it lies ahead
        return FUTURE
    adjacent = _adjacent_verb_tense(span)
    if adjacent is not None:
        return adjacent
    verb = governing_verb(root.head if root.head.i != root.i else root)
    if _is_deadline(span, verb):
        return FUTURE
    if verb is not None and verb.lower_ in _AFTER_PARTICIPLES and verb.dep_ == "prep":
        return PAST  # "ties strengthened following the state visit in April": the visit came first
    for _ in range(4):
        if verb is None:
            return None
        tense = _tense_of_verb(verb)
        if tense == PRESENT and verb.dep_ in ("advcl", "ccomp") and verb.head.i != verb.i:
            # "when the campaign is over on Monday, we will have ...": a time clause speaks
            # of the future in the present tense, and its main clause shows it.
            main = governing_verb(verb.head)
            if main is not None and _tense_of_verb(main) == FUTURE:
                return FUTURE
        if tense is not None:
            return tense
        if verb.head.i == verb.i:
            return None
        verb = governing_verb(verb.head)
    return None


def _adjacent_verb_tense(span: Span) -> int | None:
    """The tense of a verb written right before the expression ("said Monday", "announced
    on Friday"), which is what the expression modifies even when the parser attaches it
    to a later clause ("said on Monday it would cut jobs")."""
    doc = span.doc
    i = span.start - 1
    while i >= 0 and doc[i].lower_ in _ADJACENT_SKIPPABLE:
        i -= 1
    if i < 0:
        return None
    verb = doc[i]
    if verb.tag_ == "VBD" and verb.pos_ == "VERB":
        return PAST
    return None


def _tense_of_verb(verb: Token) -> int | None:
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.norm_ for child in auxiliaries}
    if verb.lemma_ in _PLANNING_VERBS:
        return PAST if _past_perfect(verb) else FUTURE
    if verb.tag_ == "VBN" and "have" in words:
        # "may have been", "would have won": a perfect looks back, except the future perfect
        # ("will have spoken to a million people by Monday")
        return FUTURE if words & {"will", "shall"} else PAST
    if words & _FUTURE_AUXILIARIES or any(child.lemma_ == "go" and child.tag_ == "VBG" for child in auxiliaries):
        return FUTURE
    if "to" in words and (verb.tag_ == "VB" or (verb.tag_ == "VBN" and "be" in words)):
        # "agreed to meet on Friday", "an accord set to be signed in October" look ahead
        # from the agreement; "staged celebrations to mark the day" does not: the verb it
        # depends on decides.
        head = verb.head
        if head.i != verb.i and (head.lemma_ in _INTENT_VERBS or head.tag_ in ("VBZ", "VBP", "MD")):
            return PAST if _past_perfect(head) else FUTURE
        if head.pos_ == "ADJ" and head.dep_ == "acomp" and head.head.tag_ in ("VBZ", "VBP"):
            return FUTURE  # "is likely to appear in court Wednesday", "are due to vote Friday"
        return None
    if verb.tag_ == "VB" and not auxiliaries and _opens_clause(verb):
        if not any(child.dep_ in ("nsubj", "nsubjpass", "expl") for child in verb.children):
            return FUTURE  # an imperative asks for what is still to come: "Let's defeat her in November"
    if verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries):
        return PAST
    if verb.tag_ == "VBN" and words & _PAST_AUXILIARIES:
        return PAST
    if verb.tag_ == "VBN" and not words and any(child.dep_ == "nsubj" for child in verb.children):
        # A participle has no subject of its own: "the pact that Peru signed on Monday" is a
        # simple past the tagger misread.
        return PAST
    if verb.tag_ == "VBN" and not words and verb.dep_ in ("acl", "amod", "advcl"):
        # "the decision, announced Wednesday, ...": a reduced clause reporting what happened
        return PAST
    if verb.tag_ == "VBG" and words & {"is", "are", "'re", "am"}:
        return FUTURE
    if verb.tag_ == "VBP" and _has_singular_subject(verb):
        # "weakness hurt the index": a form the present and the past share, with a
        # singular subject, can only be the past
        return PAST
    if verb.tag_ in ("VBZ", "VBP"):
        # News tells what just happened in the present of reporting ("says Friday") and
        # what is scheduled in the plain present ("the truce expires Saturday").
        if verb.lemma_ in _REPORTING_VERBS:
            return PAST
        if verb.lemma_ in _BELIEF_VERBS:
            return PRESENT
        return FUTURE if verb.lemma_ not in ("be", "have") else PRESENT
    return None


def _opens_clause(verb: Token) -> bool:
    """Whether the verb is the first word of a sentence or of a quotation, as an imperative is."""
    if verb.is_sent_start:
        return True
    before = verb.doc[verb.i - 1]
    return before.is_quote or before.text == ":" or (before.is_punct and before.is_sent_start)


def _past_perfect(verb: Token) -> bool:
    """Whether the verb is in the past perfect ("had been scheduled to expire Friday"): a
    plan told that way is over, and so is what it planned."""
    return any(child.lower_ == "had" and child.dep_ in ("aux", "auxpass") for child in verb.children)


def _is_deadline(span: Span, verb: Token | None) -> bool:
    """Whether the expression is a deadline a verb sets: "extended its offer until Tuesday"."""
    doc = span.doc
    before = doc[span.start - 1].lower_ if span.start > 0 else ""
    return before in ("until", "till", "through") and verb is not None and verb.lemma_ in _DEADLINE_VERBS


def _has_singular_subject(verb: Token) -> bool:
    """Whether the verb's subject is a singular noun ("the index", "Weakness")."""
    return any(child.dep_ == "nsubj" and child.tag_ in ("NN", "NNP") for child in verb.children)
