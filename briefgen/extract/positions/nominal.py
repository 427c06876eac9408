"""Nouns and adjectives as cues: "Ana Park's claim that …", "officials are concerned about …".

A nominal cue reports only when it has content of its own: a that-clause or infinitive
("the decision to withdraw"), or a preposition the noun takes for its topic ("support for
the plan", "concern over prices", "opposition to the deal"). Its source is the possessor
("Ana Park's claim"), the object of "by" or "from" ("criticism from allies"), or the subject
of the verb that carries the noun ("the ministry expressed concern that …").

An adjectival cue is the complement of "be" and similar verbs ("were optimistic that …",
"is willing to …"); its source is that verb's subject, except the empty "it" of "it is
unclear whether …", which names no one.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from briefgen.extract.positions.units import TokenRange, subtree_span, trim_range, unit_bounds

NOUN_CONTENT_PREPOSITIONS = frozenset({"for", "about", "against", "on", "over", "to", "toward", "towards", "regarding"})
# Nouns whose "of" phrase is what they are about; for others it is who holds them.
OF_TARGET_NOUNS = frozenset("criticism critique praise condemnation rejection denial mention".split())
ADJECTIVE_CONTENT_PREPOSITIONS = frozenset({"about", "of", "to", "with", "over", "that", "for", "toward", "towards"})
NOUN_CLAUSE_DEPS = frozenset({"acl", "ccomp"})
SOURCE_PREPOSITIONS = frozenset({"by", "from"})
COPULAS = frozenset({"be", "seem", "appear", "become", "remain", "feel", "sound", "look", "grow"})


def _ranges(cue: Token, parts: list[Token]) -> list[TokenRange]:
    doc = cue.doc
    unit_start, unit_end = unit_bounds(cue)
    ranges = []
    for side in ([p for p in parts if p.i < cue.i], [p for p in parts if p.i > cue.i]):
        if not side:
            continue
        start = max(min(p.left_edge.i for p in side), unit_start)
        end = min(max(p.right_edge.i for p in side) + 1, unit_end)
        start, end = (start, min(end, cue.i)) if side[0].i < cue.i else (max(start, cue.i + 1), end)
        trimmed = trim_range(doc, start, end)
        if trimmed:
            ranges.append(trimmed)
    return ranges


def _has_object(preposition: Token) -> bool:
    return any(c.dep_ in ("pobj", "pcomp") for c in preposition.children)


def _reports(clause: Token) -> bool:
    """A that-clause or infinitive ("the claim that …", "the decision to …"), not a participle
    ("the statement released by …", "the question posed by …")."""
    if clause.dep_ == "ccomp":
        return True
    return any((c.dep_ == "mark" and c.lower_ == "that") or (c.dep_ == "aux" and c.lower_ == "to") for c in clause.children)


def _in_phrase(noun: Token) -> bool:
    """"in favor of", "in support of": the noun is the object of "in"."""
    return noun.dep_ == "pobj" and noun.head.lower_ == "in"


def _content_preposition(noun: Token, preposition: Token) -> bool:
    if preposition.dep_ != "prep" or preposition.i < noun.i or not _has_object(preposition):
        return False
    if preposition.lower_ == "of":
        # "criticism of the plan" names a target, "the support of millions" a source.
        return noun.lemma_.lower() in OF_TARGET_NOUNS or _in_phrase(noun)
    return preposition.lower_ in NOUN_CONTENT_PREPOSITIONS


def noun_content(noun: Token) -> list[TokenRange]:
    clauses = [c for c in noun.children if c.dep_ in NOUN_CLAUSE_DEPS and c.pos_ in ("VERB", "AUX") and c.i > noun.i and _reports(c)]
    if clauses:
        return _ranges(noun, clauses)
    prepositions = [c for c in noun.children if _content_preposition(noun, c)]
    return _ranges(noun, prepositions[:1])


def noun_source(noun: Token) -> Optional[Span]:
    for child in noun.children:
        if child.dep_ == "poss":
            return subtree_span(child)
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPOSITIONS:
            objects = [c for c in child.children if c.dep_ == "pobj"]
            if objects:
                return subtree_span(objects[0])
    # "Ana Park voiced concern that …", "avoided criticism of …", "is in favor of …": the
    # subject of the verb that carries the noun holds it.
    verb = noun.head.head if _in_phrase(noun) else noun.head
    if (noun.dep_ in ("dobj", "attr") or _in_phrase(noun)) and verb.pos_ in ("VERB", "AUX"):
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if subjects:
            return subtree_span(subjects[0])
    return None


def adjective_content(adjective: Token) -> list[TokenRange]:
    parts = [
        c for c in adjective.children
        if c.i > adjective.i and (
            c.dep_ in ("ccomp", "xcomp")
            or (c.dep_ == "prep" and c.lower_ in ADJECTIVE_CONTENT_PREPOSITIONS and _has_object(c))
        )
    ]
    return _ranges(adjective, parts)


def is_predicative(adjective: Token) -> bool:
    return adjective.dep_ in ("acomp", "oprd") and adjective.head.lemma_.lower() in COPULAS


def adjective_source(adjective: Token) -> Optional[Span]:
    subjects = [c for c in adjective.head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or subjects[0].lower_ == "it":
        return None
    return subtree_span(subjects[0])
