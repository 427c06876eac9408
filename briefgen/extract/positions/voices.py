"""Who "I" and "we" are in a text that speaks for itself.

A speech, a press statement, a briefing transcript or a chairman's statement says "we have
noted …", "I welcome …": the speaker is not in the sentence but in the document. In order:

1. the text names it itself: "We, the Heads of State/Government of ASEAN Member States, …";
2. a speaker's label opens the paragraph, or an earlier one in a transcript of several turns
   ("Yoko Kamikawa, Foreign Minister of Japan: It was a great pleasure …");
3. the title says whose words these are: "Remarks by Ana Park", "Transcript of the Press
   Briefing by Spokesperson", "Foreign Ministry Spokesperson Mao Ning's Regular Press
   Conference", and a joint statement speaks for those who made it;
4. an interview's opening says who answers ("In the interview, Ana Park talks about …");
5. the publisher is a government body (a ministry's release speaks as "we").

Otherwise "we" stays unresolved, and the statement says so rather than guessing.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span, Token

from briefgen.extract.actors.index import ActorIndex, speaker_of
from briefgen.extract.actors.lexicon import person_words
from briefgen.extract.actors.names import tidy
from briefgen.extract.actors.participants import group_speaker
from briefgen.extract.actors.person_names import name_key
from briefgen.extract.furniture import is_furniture
from briefgen.model import Speaker
from briefgen.person_entities import ORGANISATION_WORDS

FIRST_PERSON = frozenset({"i", "me", "we", "us"})
# "Remarks by …", "Transcript of the Press Briefing by Spokesperson on Friday …".
_DOCUMENT_WORDS = (r"statement|remarks|speech|address|message|interview|press conference|press briefing|briefing|"
                   r"media statement|press release|opening statement|keynote|op-ed|article|letter|transcript|readout")
_BY = re.compile(rf"\b(?:{_DOCUMENT_WORDS})\b[^:]*?\b(?:by|from)\s+(?P<who>.+)", re.IGNORECASE)
_POSSESSIVE = re.compile(rf"^(?P<who>[^:]+?)['’]s?\s+(?:\w+\s+){{0,3}}?(?:{_DOCUMENT_WORDS})\b", re.IGNORECASE)
_JOINT = re.compile(r"\bjoint\s+(?:statement|declaration|communiqu[eé]|press statement|press release)\b", re.IGNORECASE)
# Where the speaker's description in a title ends: "by Spokesperson on Friday 10 September".
_WHO_ENDS = re.compile(r"\s+(?:on|at|in|during|after|before|for|to|with|about|regarding)\s+.*$|[\d(].*$", re.IGNORECASE)
# Publishers that speak for a government or a body of governments.
# The opening sentences in which an interview says who answers.
INTRODUCTION_SENTENCES = 6
BODY_WORDS = frozenset(
    "ministry government office council embassy department commission mission presidency secretariat kremlin "
    "cabinet parliament chancellery consulate delegation".split()
)


@dataclass
class Voices:
    """The speakers of a document's first person: its author, and its labelled turns."""

    author: Optional[Speaker] = None
    # (character offset where a labelled turn starts, its speaker's mention), in order.
    turns: list[tuple[int, Span]] = field(default_factory=list)
    transcript: bool = False
    title: str = ""
    text: str = ""  # the document's text, read once: spaCy rebuilds it on every access

    def title_names(self, document_word: str) -> bool:
        """Whether the document is itself a statement of this kind ("Joint Statement between …")."""
        return document_word in self.title.lower()

    def turn_at(self, offset: int) -> Optional[Span]:
        """The label of the turn a character falls in: the last label before it, in a
        transcript of several turns; only its own paragraph's label otherwise."""
        starts = [start for start, _ in self.turns]
        k = bisect.bisect_right(starts, offset) - 1
        if k < 0:
            return None
        start, label = self.turns[k]
        if self.transcript or "\n" not in self.text[start:offset]:
            return label
        return None


def document_voices(doc: Doc, actors: ActorIndex, title: Optional[str], publisher: Optional[str],
                    labels: list[Span]) -> Voices:
    """The author of ``doc`` by its own words, its title or its publisher; ``labels`` are the
    speaker labels that open its paragraphs."""
    voices = Voices(turns=[(label.start_char, label) for label in labels], transcript=len(labels) >= 2, title=title or "",
                    text=doc.text)
    voices.author = (_self_named(doc) or _from_title(title, actors, publisher) or _interviewee(doc, actors)
                     or _publisher(publisher))
    return voices


def _self_named(doc: Doc) -> Optional[Speaker]:
    """"We, the Heads of State/Government of ASEAN Member States, …"."""
    for token in doc:
        if token.lower_ != "we" or token.i + 2 >= len(doc) or doc[token.i + 1].text != ",":
            continue
        if doc[token.i + 2].lower_ != "the":
            continue
        end = token.i + 3
        while end < len(doc) and doc[end].text != "," and not doc[end].is_space and end - token.i < 20:
            end += 1
        if end < len(doc) and doc[end].text == ",":
            name = tidy(doc[token.i + 2:end].text)
            if name:
                return Speaker(name=name, kind="group")
    return None


def _from_title(title: Optional[str], actors: ActorIndex, publisher: Optional[str]) -> Optional[Speaker]:
    if not title:
        return None
    if _JOINT.search(title):
        members = actors.participants
        if len(members) >= 2:
            return group_speaker(members)
        return None
    match = _BY.search(title) or _POSSESSIVE.search(title)
    if match is None:
        return None
    who = _WHO_ENDS.sub("", match.group("who")).strip(" ,.;")
    if not who:
        return None
    who_key = set(name_key(who))
    for actor in actors.actors:
        key = set(name_key(actor.name))
        if actor.type == "PERSON" and key and key <= who_key | set(name_key(" ".join(actor.aliases))) and key & who_key:
            return speaker_of(actor)
    named = _name_in_description(who)
    if named is not None:
        return named
    body = _body_name(publisher)
    if not name_key(who) and body:
        # "by Spokesperson": an office, named by the body it speaks for.
        return Speaker(name=f"{who} of the {body}", role=who, affiliation=body, kind="person")
    return None


def _name_in_description(who: str) -> Optional[Speaker]:
    """"South Africa's Minister of International Relations, Dr Naledi Pandor": the part of a
    title's description that is a person's name (two to four capitalised words, none of them
    a title or an organisation's word), with the rest as the role."""
    parts = [p.strip() for p in who.split(",") if p.strip()]
    words = person_words()
    for n, part in enumerate(parts):
        tokens = [w for w in part.split() if not words.is_title(w)]
        if 2 <= len(tokens) <= 4 and all(w[:1].isupper() and w.lower().strip(".’'") not in ORGANISATION_WORDS for w in tokens):
            role = ", ".join(parts[:n] + parts[n + 1:]) or None
            return Speaker(name=" ".join(tokens), role=role, kind="person")
    return None


def _interviewee(doc: Doc, actors: ActorIndex) -> Optional[Speaker]:
    """Who answers in an interview: the person the opening says speaks in it ("In the
    interview, Foreign Minister Ana Park talks about …", "Ana Park told the paper in an
    interview") or whom it is with ("an interview with Ana Park")."""
    for sentence in list(doc.sents)[:INTRODUCTION_SENTENCES]:
        for token in sentence:
            if token.lemma_.lower() != "interview":
                continue
            verb = token.head.head if token.dep_ == "pobj" else token.head
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            for candidate in ([subject] if subject is not None else []) + [
                    o for c in token.children if c.lower_ == "with" for o in c.children if o.dep_ == "pobj"]:
                actor = actors.resolve(doc[candidate.left_edge.i: candidate.right_edge.i + 1])
                if actor is not None and actor.type == "PERSON":
                    return speaker_of(actor)
    return None


def _body_name(publisher: Optional[str]) -> Optional[str]:
    """The government body a publisher names, as one name: "Ministry of Foreign Affairs,
    Pakistan" and "Pakistan, Ministry of Foreign Affairs" give "Ministry of Foreign Affairs
    of Pakistan"; None when the publisher is no such body."""
    if not publisher:
        return None
    parts = [p.strip() for p in re.sub(r"\s*\([^)]*\)", "", publisher).split(",") if p.strip()]
    heads = [p for p in parts if any(w in BODY_WORDS for w in re.findall(r"[a-z]+", p.lower()))]
    if not heads:
        return None
    return " of ".join([heads[0]] + [p for p in parts if p is not heads[0]])


def _publisher(publisher: Optional[str]) -> Optional[Speaker]:
    body = _body_name(publisher)
    return Speaker(name=body, kind="organisation") if body else None


def first_person(token: Token, voices: Voices, actors: ActorIndex) -> Optional[Speaker]:
    """Who "I" or "we" is at ``token``: the appositive it carries, its turn's labelled speaker,
    else the document's author."""
    # "We, the Heads of State of the Andean Community": a noun phrase, not "we all", "we both"
    appositive = next((c for c in token.children if c.dep_ == "appos" and c.pos_ in ("NOUN", "PROPN")), None)
    if appositive is not None:
        phrase = appositive.doc[appositive.left_edge.i: appositive.right_edge.i + 1]
        actor = actors.resolve(phrase)
        if actor is not None and len(name_key(actor.name)) >= len(name_key(tidy(phrase.text))):
            return speaker_of(actor)
        return Speaker(name=tidy(phrase.text), kind="group")  # "We, the Heads of State of the Andean Community"
    label = voices.turn_at(token.idx)
    if label is not None and not is_furniture(label[0]):
        actor = actors.resolve(label)
        if actor is not None:
            return speaker_of(actor)
        return Speaker(name=tidy(label.text), kind="unknown")
    return voices.author
