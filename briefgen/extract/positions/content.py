"""The content of a reported statement: the clause, object or phrase a cue verb governs.

Given a cue verb, the content is read off its dependents according to the verb's frame in
the cue lexicon: the complement clause ("said *that the talks failed*"), the infinitive
("vowed *to retaliate*"), the object when the verb takes a side on it ("welcomed *the
deal*"), or a prepositional phrase ("called *for a ceasefire*"). The listener of "told
reporters" is never content. When the verb governs nothing of the kind but stands inside
the sentence it reports ("The plan, she added, would cost more"), the content is the rest
of that sentence around it.

Ranges are token ranges [start, end) kept within one paragraph: a parser may join two
paragraphs into one sentence, and content never runs over a paragraph break unless a
quotation carries it.
"""

from __future__ import annotations

from spacy.tokens import Token

from briefgen.extract.positions.lexicon import CueEntry
from briefgen.extract.positions.units import TokenRange, trim_range, unit_bounds

CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
OBJECT_DEPS = frozenset({"dobj", "attr"})
CONTENT_PREPOSITIONS = frozenset({"about", "of", "on", "for", "against", "over", "toward", "towards", "regarding"})
# "referred to the debate", "responded to the criticism": "to" names the content only here;
# after other verbs it names a listener ("spoke to reporters").
TO_CONTENT_VERBS = frozenset({"refer", "point", "allude", "respond", "reply", "object", "react", "turn"})
# Prepositional objects that say when or how something was said, not what.
CIRCUMSTANCE_ENTITIES = frozenset({"DATE", "TIME"})
# "described the deal as a breakthrough": the phrase completes the object.
COMPLEMENT_PREPOSITIONS = frozenset({"as"})
# Verbs whose object is only ever the listener ("told reporters", "assured allies").
LISTENER_VERBS = frozenset({"tell", "inform", "assure", "remind", "ask", "warn"})
PARENTHETICAL_DEPS = frozenset({"parataxis", "ccomp"})

def _subtree_range(token: Token) -> TokenRange:
    return token.left_edge.i, token.right_edge.i + 1


def _names_content(cue: Token, child: Token) -> bool:
    if child.dep_ != "prep":
        return False
    if not (child.lower_ in CONTENT_PREPOSITIONS or (child.lower_ == "to" and cue.lemma_ in TO_CONTENT_VERBS)):
        return False
    if child.lower_ == "on" and child.i == cue.i + 1 and cue.lemma_ == "call" and not any(
            t.lower_ == "to" for t in cue.subtree if t.i > child.i):
        return False  # "called on the President" is a visit; "called on Dean to apologize" a demand
    objects = [c for c in child.children if c.dep_ == "pobj"]
    return bool(objects) and objects[0].ent_type_ not in CIRCUMSTANCE_ENTITIES


# Dependents of the verb that go on with its object ("expressed his congratulations to the
# president on his birthday", "expressed concern about the decision, despite …"): the parser
# hangs them on the verb, but they are what was expressed.
CONTINUATION_DEPS = frozenset({"prep", "advcl", "npadvmod", "pcomp"})
# Places and occasions of the saying ("in Beijing", "at the meeting"), not its content.
SETTING_PREPOSITIONS = frozenset({"at", "during", "in", "after", "before", "while", "amid", "ahead"})
SETTING_ENTITIES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})


def _object_continuation(cue: Token, objects: list[Token]) -> list[Token]:
    last = max(o.i for o in objects)
    kept = []
    for child in cue.children:
        if child.i <= last or child.dep_ not in CONTINUATION_DEPS:
            continue
        if child.tag_ == "VBG" and child.lemma_.lower() in REPORTING_VERBS:
            break  # "…, saying that …": a report of its own
        objects_of = [c for c in child.children if c.dep_ in ("pobj", "pcomp")]
        if child.lower_ in SETTING_PREPOSITIONS and objects_of and (objects_of[0].ent_type_ in SETTING_ENTITIES
                                                                   or objects_of[0].lemma_.lower() in SETTING_NOUNS):
            continue
        if objects_of and objects_of[0].ent_type_ in CIRCUMSTANCE_ENTITIES:
            continue
        kept.append(child)
    return kept


SETTING_NOUNS = frozenset("meeting talks summit call conversation session conference visit briefing interview sidelines".split())
RAISING_COMPLEMENT_DEPS = frozenset({"xcomp", "acomp", "attr", "oprd"})


def _raising_parts(cue: Token) -> list[Token]:
    """"The plan seems to work": subject and complement together, or nothing."""
    subjects = [c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "it"]
    complements = [c for c in cue.children if c.dep_ in RAISING_COMPLEMENT_DEPS or (c.dep_ == "ccomp" and c.i > cue.i)]
    return subjects + complements if complements else []


# Who a host welcomes: guests, not news ("welcomed the decision").
GUEST_NOUNS = frozenset("counterpart delegation guest visitor visitors delegates minister president leader envoy "
                        "ambassador team participants".split())


def _received(noun: Token) -> bool:
    return noun.ent_type_ == "PERSON" or noun.lemma_.lower() in GUEST_NOUNS


def _misparsed_relative_report(clause: Token) -> bool:
    """"… Alpha Conde, President of Guinea who said “…”": a relative clause of report the parser
    hung on the verb before it. It is its own report, not that verb's content (unlike "asked
    who would win", whose "who" opens the question asked)."""
    if clause.lemma_.lower() not in {"say", "tell", "add", "declare", "state", "announce"}:
        return False
    subject = next((c for c in clause.children if c.dep_ == "nsubj"), None)
    return (subject is not None and subject.lower_ == "who" and subject.i > 0
            and subject.doc[subject.i - 1].pos_ in ("NOUN", "PROPN"))


# What "declared" makes of a session or a ceremony: an act, not a statement.
DECLARED_STATES = frozenset({"open", "opened", "closed"})


def _content_parts(cue: Token, entry: CueEntry) -> list[Token]:
    if cue.lemma_.lower() == "declare" and any(c.lower_ in DECLARED_STATES for c in cue.children):
        return []  # "declared open the official ceremony", "declared the session closed"
    if cue.lemma_.lower() == "welcome" and any(_received(c) for c in cue.children if c.dep_ == "dobj"):
        return []  # "welcomed his Greek counterpart to Berlin": a host receiving a guest
    if entry.frame == "raising":
        return _raising_parts(cue)
    children = list(cue.children)
    clauses = [c for c in children if c.dep_ in CLAUSE_DEPS and not _misparsed_relative_report(c)]
    if entry.frame == "report":
        return [c for c in clauses if c.dep_ == "ccomp"]
    # "said, speaking at the forum" — a participle after the verb is an adjunct, not content,
    # unless a clause hangs from it ("said legalizing it would create jobs", misparsed).
    clauses = [
        c for c in clauses
        if not (c.dep_ == "xcomp" and c.tag_ == "VBG" and c.i > cue.i and not any(g.dep_ == "ccomp" for g in c.children))
    ]
    objects = [c for c in children if c.dep_ in OBJECT_DEPS]
    complements = [c for c in children if (c.dep_ == "prep" and c.lower_ in COMPLEMENT_PREPOSITIONS) or c.dep_ == "oprd"]
    prepositions = [c for c in children if _names_content(cue, c)]
    between = [o for o in objects if clauses and cue.i < o.i < min(c.i for c in clauses)]
    if entry.frame == "addressee" or cue.lemma_ in LISTENER_VERBS:
        if clauses:
            # "told reporters that …" names a listener; "urged both sides to …" names who
            # should act, which is part of the demand.
            return clauses if cue.lemma_ in LISTENER_VERBS else clauses + between
        if cue.lemma_ in LISTENER_VERBS:
            return prepositions
        return objects + complements or prepositions
    if clauses:
        # An object between the verb and its clause is the clause's misattached subject
        # ("said solidarity among nations has become essential") or, for object verbs, part
        # of what was said; either way it belongs to the content.
        return clauses + between
    if objects:
        return objects + complements + _object_continuation(cue, objects)
    passive_subjects = [c for c in children if c.dep_ == "nsubjpass" and c.lower_ not in ("it", "there")]
    if passive_subjects:
        # "The proposal was rejected", "Ana Park was criticised for her remarks".
        return passive_subjects + complements + prepositions
    return prepositions


def content_shape(parts: list[Token]) -> str:
    """How a content was found: a clause, an object (with its predicate), or a phrase."""
    deps = {p.dep_ for p in parts}
    if deps & {"nsubj", "nsubjpass"}:
        return "subject"
    if deps & CLAUSE_DEPS:
        return "clause"
    if deps & OBJECT_DEPS:
        return "object"
    return "phrase"


CONTRASTING_WORDS = frozenset({"but", "while", "whereas", "although", "though", "yet"})
REPORTING_VERBS = frozenset({"say", "tell", "add", "note", "claim", "argue", "insist", "write", "tweet", "explain", "warn", "stress"})


def _opens_reporters_words(token: Token) -> bool:
    """A trailing clause inside a content that is the reporter's, not the speaker's.

    "X said A and said B", "said A, telling reporters B": a coordinated or participial verb
    of saying starts a report of its own; "said A, but for critics, B" and "said A, while
    others said B" contrast the reporter's material with it.
    """
    if token.pos_ != "VERB" and token.pos_ != "AUX":
        return False
    if token.dep_ in ("conj", "advcl", "xcomp") and token.lemma_.lower() in REPORTING_VERBS:
        return True
    if token.dep_ == "advcl" and token.tag_ == "VBG" and token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ",":
        return True
    has_subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in token.children)
    contrast = any(c.lower_ in CONTRASTING_WORDS and c.dep_ in ("cc", "mark") for c in token.children)
    if token.dep_ == "conj" and has_subject:
        contrast = contrast or any(s.dep_ == "cc" and s.lower_ in CONTRASTING_WORDS for s in token.head.children if s.i < token.i)
    return contrast and has_subject


def _reporters_tail(part: Token) -> int:
    """Where the reporter's own words start inside a content's subtree (its end if nowhere)."""
    end = part.right_edge.i + 1
    for token in part.subtree:
        if token.i > part.i and token.left_edge.i < end and _opens_reporters_words(token):
            end = token.left_edge.i
            # "…, but", "… and": the joining word goes with what it joins.
            while end > part.i + 1 and (token.doc[end - 1].is_punct or token.doc[end - 1].dep_ == "cc"):
                end -= 1
    return end


def content_ranges(cue: Token, entry: CueEntry) -> tuple[list[TokenRange], str]:
    """Token ranges of what ``cue`` reports ([] when it governs none) and their shape."""
    doc = cue.doc
    unit_start, unit_end = unit_bounds(cue)
    parts = _content_parts(cue, entry)
    ranges: list[TokenRange] = []
    if parts:
        before = [p for p in parts if p.i < cue.i]
        after = [p for p in parts if p.i > cue.i]
        if before and after and not any(p.dep_ in ("nsubj", "nsubjpass") for p in before):
            # Content both sides of the verb: what precedes it is a fronted phrase the
            # parser took for a clause ("On Sunday, the pastor endorsed the senator").
            before = [p for p in before if p.left_edge.is_quote or (p.left_edge.i > 0 and doc[p.left_edge.i - 1].is_quote)]
        for side in (before, after):
            if not side:
                continue
            start = max(min(p.left_edge.i for p in side), unit_start)
            end = min(max(_reporters_tail(p) for p in side), unit_end)
            if side is before:
                end = min(end, cue.i)
            else:
                start = max(start, cue.i + 1)
            trimmed = trim_range(doc, start, end)
            if trimmed:
                ranges.append(trimmed)
        return ranges, content_shape(parts)
    return parenthetical_ranges(cue), "parenthetical"


def parenthetical_ranges(cue: Token) -> list[TokenRange]:
    """Content around a cue that interrupts or trails the sentence it reports.

    "The plan, she added, would cost more", "Talks failed, the minister said" (when the
    parser hangs the cue under the reported verb) and "As the minister noted, talks failed"
    give the head's words outside the cue's own.
    """
    if cue.head.i == cue.i:
        return []
    # "As Ana Park noted, …", "as reported by the paper, …": a clause of comparison reports
    # the sentence it hangs on.
    as_clause = cue.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
    if not as_clause:
        if cue.dep_ not in PARENTHETICAL_DEPS:
            return []
        if not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
            return []
    doc = cue.doc
    unit_start, unit_end = unit_bounds(cue)
    head_start, head_end = _subtree_range(cue.head)
    cue_start, cue_end = _subtree_range(cue)
    ranges = []
    for start, end in ((max(head_start, unit_start), cue_start), (cue_end, min(head_end, unit_end))):
        trimmed = trim_range(doc, start, end) if end > start else None
        if trimmed:
            ranges.append(trimmed)
    return ranges


def clause_around(token: Token, exclude: TokenRange) -> list[TokenRange]:
    """The clause a phrase attaches to, without the phrase ("according to X" and its commas)."""
    head = token.head
    while head.dep_ not in ("ROOT",) and head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    doc = token.doc
    unit_start, unit_end = unit_bounds(token)
    start, end = _subtree_range(head)
    start, end = max(start, unit_start), min(end, unit_end)
    ranges = []
    for a, b in ((start, exclude[0]), (exclude[1], end)):
        trimmed = trim_range(doc, a, b) if b > a else None
        if trimmed:
            ranges.append(trimmed)
    return ranges
