"""What the sentence around a temporal expression says: its governing word and its tense.

Tense decides which way a bare name points: "said on Wednesday" is the Wednesday before the
article, "will meet on Friday" the Friday after it.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

PAST, PRESENT, FUTURE = -1, 0, 1

_FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo", "would", "'d"})
_PAST_AUXILIARIES = frozenset({"was", "were", "had", "did", "has", "have", "'ve", "'s"})
_PLANNING_VERBS = frozenset(
    {"expect", "schedule", "plan", "set", "due", "intend", "hope", "aim", "agree", "promise", "vow", "prepare"}
)


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
    """PAST, PRESENT or FUTURE for the clause of the expression; None when there is no verb."""
    verb = governing_verb(span.root.head if span.root.head.i != span.root.i else span.root)
    if verb is None:
        return None
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    words = {child.lower_ for child in auxiliaries}
    if words & _FUTURE_AUXILIARIES or any(child.lemma_ == "go" and child.tag_ == "VBG" for child in auxiliaries):
        return FUTURE
    if "to" in words and verb.tag_ == "VB":
        return FUTURE
    if verb.tag_ == "VBD" or any(child.tag_ == "VBD" for child in auxiliaries):
        return PAST
    if verb.tag_ == "VBN" and words & _PAST_AUXILIARIES:
        return PAST
    if verb.tag_ == "VBG" and words & {"is", "are", "'re", "am"}:
        return FUTURE
    if verb.lemma_ in _PLANNING_VERBS and verb.tag_ in ("VBN", "JJ"):
        return FUTURE
    if verb.tag_ == "VBN":
        return PAST
    if verb.tag_ in ("VBZ", "VBP"):
        return PRESENT
    return None
