"""What a statement is about: the named entities and key noun phrases of its content."""

from __future__ import annotations

import bisect

from spacy.tokens import Doc, Span

from briefgen.extract.actors.index import ActorIndex
from briefgen.extract.actors.names import canonical_name
from briefgen.extract.entities import entities_within

TOPIC_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW", "PRODUCT", "WORK_OF_ART"})
MAX_TOPICS = 6
MAX_PHRASE_WORDS = 4


def statement_topics(doc: Doc, ranges: list[tuple[int, int]], actors: ActorIndex, noun_chunks: list[Span]) -> list[str]:
    """Entities first (by canonical name, people by their full name), then noun phrases.

    ``noun_chunks`` are the document's, computed once by the caller (spaCy recomputes them
    on every access).
    """
    topics: list[str] = []

    def add(topic: str) -> None:
        if topic and topic.lower() not in {t.lower() for t in topics}:
            topics.append(topic)

    spans = [doc[start:end] for start, end in ranges]
    for span in spans:
        for ent in entities_within(span):
            if ent.label_ not in TOPIC_LABELS:
                continue
            actor = actors.resolve(ent)
            add(actor.name if actor is not None else canonical_name(ent.text))
    phrases = []
    starts = [chunk.start for chunk in noun_chunks]
    for start, end in ranges:
        for chunk in noun_chunks[bisect.bisect_left(starts, start) :]:
            if chunk.start >= end:
                break
            if chunk.end > end:
                continue
            words = [t for t in chunk if not (t.is_stop or t.is_punct or t.pos_ in ("DET", "PRON", "NUM") or t.ent_type_)]
            if not words or chunk.root.is_stop or chunk.root.pos_ == "PRON" or chunk.root.ent_type_:
                continue
            words = words[-MAX_PHRASE_WORDS:]
            phrases.append(" ".join(t.text if t.pos_ == "PROPN" else t.text.lower() for t in words))
    for phrase in phrases:
        if len(topics) >= MAX_TOPICS:
            break
        add(phrase)
    return topics[:MAX_TOPICS]
