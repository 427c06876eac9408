"""Dated events: what happened, happens or is scheduled, on the date a temporal expression gives.

An event is built from the clause the expression modifies: its predicate with subject and
object, not the whole sentence. The summary is one short subject-verb-object line, so the
timeline reads as a list of happenings rather than a list of quotations.
"""

from __future__ import annotations

from typing import Callable, Iterable, Optional

from spacy.tokens import Doc, Span, Token

from briefgen.extract.dating import event_date
from briefgen.extract.temporal import Timex
from briefgen.extract.vocabulary import event_type_for, is_speech_lemma
from briefgen.model import Event, TextSpan

# Clause dependents that start a separate statement; they are left out of a summary.
SEPARATE_CLAUSES = {"advcl", "parataxis", "ccomp", "conj", "cc", "mark", "punct", "relcl", "appos", "dep", "csubj", "meta"}
# Infinitive and participial clauses that only state a purpose or circumstance: the date in
# "signed a roadmap to promote production in 2020" belongs to the signing.
SUBORDINATE_VERB_DEPS = {"xcomp", "advcl", "acl", "pcomp"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl"}
SUMMARY_WORD_LIMIT = 24
EVENT_TIMEX_TYPES = {"DATE", "TIME"}


def build_events(
    doc: Doc,
    source_id: str,
    timexes: Iterable[Timex],
    actor_name: Optional[Callable[[Span], Optional[str]]] = None,
) -> list[Event]:
    """One event per clause that a calendar-anchored DATE or TIME expression modifies."""
    events: list[Event] = []
    by_predicate: dict[tuple[int, str], Event] = {}
    timex_tokens = _timex_token_indices(doc, timexes)
    text = doc.text  # rebuilt from the tokens on every access: read it once
    for timex in timexes:
        if timex.type not in EVENT_TIMEX_TYPES:
            continue
        date = event_date(timex)
        if date is None:
            continue  # "recently", "in the past": nothing a timeline can place
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is None or _inside_quoted_title(span):
            continue
        predicate = _governing_predicate(span)
        if predicate is None:
            continue
        key = (predicate.i, timex.value)
        if key in by_predicate:
            # Two expressions for one date on one predicate ("on Wednesday (August 28)"):
            # one event, the fuller wording kept as its date text.
            existing = by_predicate[key]
            if len(timex.text) > len(existing.date.text):
                existing.date.text = timex.text
            continue
        sentence = predicate.sent
        summary = summarize_clause(predicate, excluded=timex_tokens)
        if not summary:
            continue
        event = Event(
            id=f"E{len(events) + 1}",
            date=date,
            summary=summary,
            type=event_type_for(_clause_lemmas(predicate)),
            actors=_clause_actors(predicate, actor_name),
            confidence=_confidence(timex, predicate),
            evidence=[_sentence_evidence(text, source_id, sentence)],
        )
        by_predicate[key] = event
        events.append(event)
    return events


def _timex_token_indices(doc: Doc, timexes: Iterable[Timex]) -> set[int]:
    indices: set[int] = set()
    for timex in timexes:
        span = doc.char_span(timex.start, timex.end, alignment_mode="expand")
        if span is not None:
            indices.update(range(span.start, span.end))
    return indices


def _inside_quoted_title(span: Span) -> bool:
    """A date inside a quoted name ("the “2030 Agenda”") names something; it dates nothing."""
    left = span.doc[max(span.sent.start, span.start - 6): span.start]
    right = span.doc[span.end: min(span.sent.end, span.end + 6)]
    opens = [t for t in left if t.text in {"“", '"'}]
    closes = [t for t in right if t.text in {"”", '"'}]
    return bool(opens and closes) and all(t.is_title or t.like_num or t.is_punct for t in span.doc[opens[-1].i + 1: closes[0].i])


def _governing_predicate(span: Span) -> Optional[Token]:
    """The verb (or eventive noun's verb) whose clause the temporal expression modifies."""
    token = span.root.head
    steps = 0
    while token.pos_ not in {"VERB", "AUX"} and token.head is not token and steps < 8:
        token = token.head
        steps += 1
    if token.pos_ not in {"VERB", "AUX"}:
        return None
    # Climb out of purpose infinitives: "signed a roadmap to promote production in 2020".
    while token.dep_ in SUBORDINATE_VERB_DEPS and token.head.pos_ in {"VERB", "AUX"} and _is_infinitive(token):
        token = token.head
    return token


def _is_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def summarize_clause(predicate: Token, excluded: set[int]) -> str:
    """Subject, predicate and complements of one clause, in text order, in the past tense where it was past perfect."""
    words = _clause_tokens(predicate, excluded)
    if is_speech_lemma(predicate.lemma_):
        words += _reported_content(predicate, excluded)
    words = sorted(set(words), key=lambda t: t.i)
    words = _trim_edges(words)
    if not words or not any(t.dep_ in SUBJECT_DEPS or t.i == predicate.i for t in words):
        return ""
    text = _join(words[:SUMMARY_WORD_LIMIT])
    if len(words) > SUMMARY_WORD_LIMIT:
        text = text.rstrip(",;:") + " …"
    return text[:1].upper() + text[1:]


def _clause_tokens(predicate: Token, excluded: set[int]) -> list[Token]:
    kept: list[Token] = []
    for token in _own_subtree(predicate):
        if token.i in excluded:
            continue
        if token.dep_ == "aux" and token.head is predicate and token.lower_ == "had" and predicate.tag_ == "VBN":
            continue  # "had signed" reads as "signed" on a timeline
        kept.append(token)
    # A preposition left without its object ("in" of "in 2020") goes too.
    kept_ids = {t.i for t in kept}
    return [t for t in kept if not (t.dep_ == "prep" and not any(c.i in kept_ids for c in t.children))]


def _own_subtree(predicate: Token) -> list[Token]:
    tokens = [predicate]
    for child in predicate.children:
        if child.dep_ in SEPARATE_CLAUSES and not (child.dep_ == "advcl" and _is_infinitive(child)):
            if not (child.dep_ == "conj" and child.pos_ not in {"VERB", "AUX"}):
                continue
        tokens.extend(child.subtree)
    return tokens


def _reported_content(predicate: Token, excluded: set[int]) -> list[Token]:
    """For "X said on Monday", the statement itself: its complement, or the clause it interrupts."""
    for child in predicate.children:
        if child.dep_ == "ccomp":
            return [t for t in _own_subtree(child) if t.i not in excluded]
    if predicate.dep_ in {"parataxis", "ccomp"} and predicate.head.i < predicate.i:
        head = predicate.head
        return [t for t in _own_subtree(head) if t.i not in excluded and t.i < predicate.i]
    return []


def _trim_edges(words: list[Token]) -> list[Token]:
    while words and (words[0].is_punct or words[0].dep_ in {"cc", "mark"}):
        words = words[1:]
    while words and (words[-1].is_punct and words[-1].text not in {"”", '"', ")"} or words[-1].dep_ in {"cc", "prep"}):
        words = words[:-1]
    return words


def _join(tokens: list[Token]) -> str:
    parts: list[str] = []
    for previous, token in zip([None] + tokens[:-1], tokens):
        if previous is not None and (previous.i + 1 != token.i or previous.whitespace_):
            parts.append(" ")
        parts.append(token.text)
    return "".join(parts).strip()


def _clause_lemmas(predicate: Token) -> list[str]:
    return [predicate.lemma_.lower()] + [t.lemma_.lower() for t in predicate.children if t.dep_ in {"dobj", "attr", "nsubjpass", "prep", "pobj"}] + [
        t.lemma_.lower() for c in predicate.children if c.dep_ in {"dobj", "prep"} for t in c.subtree
    ]


def _sentence_evidence(text: str, source_id: str, sentence: Span) -> TextSpan:
    """The sentence without the blank lines spaCy attaches to it (a blanked front matter block)."""
    start, end = sentence.start_char, sentence.end_char
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return TextSpan(source=source_id, start=start, end=end, text=text[start:end])


def _clause_actors(predicate: Token, actor_name: Optional[Callable[[Span], Optional[str]]]) -> list[str]:
    clause = {t.i for t in _own_subtree(predicate)}
    names: list[str] = []
    for entity in predicate.doc.ents:
        if entity.label_ not in {"PERSON", "ORG", "GPE", "NORP"} or entity.root.i not in clause:
            continue
        name = actor_name(entity) if actor_name else entity.text
        if name and name not in names:
            names.append(name)
    return names


def _confidence(timex: Timex, predicate: Token) -> float:
    """How much to trust the pairing of this date with this clause (a heuristic, documented in README)."""
    confidence = 0.85 if timex.basis != "relative" else 0.75
    if predicate.dep_ not in {"ROOT", "conj", "parataxis", "ccomp"}:
        confidence -= 0.1  # a date deep in a subordinate clause may belong elsewhere
    return round(confidence, 2)

