"""What every step that builds events of one article shares: its words, names and summaries.

An event's summary must be the source's own words (see :mod:`.clauses`): the clause
compressed where that is sound, else the sentence, never with the article's furniture (a
dateline, a time stamp) and with the few rewrites a timeline line needs: "the two countries"
and a subject pronoun read as the names they stand for.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span, Token

from briefgen.extract.actors.index import ActorIndex
from briefgen.extract.clauses import (
    Replacement,
    noun_phrase,
    phrase,
    whole_phrase,
    sentence_summary,
    summarize_clause,
    without_stranded_punctuation,
    is_sound,
)
from briefgen.extract.actors.participants import join_names, members_name
from briefgen.extract.furniture import headline_tokens, is_furniture
from briefgen.extract.positions.quotes import quotes_in
from briefgen.extract.positions.speakers import plural_antecedent, resolve_speaker
from briefgen.extract.vocabulary import EVENT_NOUNS
from briefgen.model import TextSpan

# Words that carry no happening of their own, "said" among them (a statement needs what
# was said); a clause of little else is no timeline entry.
FUNCTION_WORDS = frozenset(
    "i me my we us our you your he him his she her it its they them their this that these those "
    "a an the be is are was were been being am do does did done have has had will would shall "
    "should can could may might must 'll ’ll so not say says said tell tells told".split()
)
# Subject pronouns a summary names: "He met the envoy" reads "Ana Park met the envoy".
NAMED_PRONOUNS = frozenset({"he", "she", "it"})


@dataclass
class ArticleContext:
    doc: Doc
    text: str  # doc.text, read once: spaCy rebuilds it on every access
    source_id: str
    actors: ActorIndex
    dates: set[int]  # tokens of the date expressions, which a summary leaves out
    published: Optional[dt.date] = None
    # "the two countries" -> "India and South Korea", "he" -> "Ana Park".
    replacements: list[Replacement] = field(default_factory=list)
    furniture: set[int] = field(default_factory=set)
    # Tokens of durations and recurring times ("for three years", "every June"): a clause
    # they qualify tells a state or a habit, not a happening.
    spans_of_time: set[int] = field(default_factory=set)
    # Tokens of the headlines and subheads atop the article: the body tells the same
    # happenings in sentences, which are the entries.
    headlines: set[int] = field(default_factory=set)
    # Character ranges of quoted speech: a date said there dates what was said, not a
    # happening the article reports.
    speech: list[tuple[int, int]] = field(default_factory=list)

    @classmethod
    def of(cls, doc: Doc, source_id: str, actors: ActorIndex, dates: set[int], published: Optional[dt.date],
           pairs: list[Replacement], spans_of_time: set[int]) -> "ArticleContext":
        furniture = {t.i for t in doc if is_furniture(t)}
        text = doc.text
        context = cls(doc, text, source_id, actors, dates, published, list(pairs), furniture, spans_of_time,
                      headline_tokens(doc), _speech_ranges(doc, text))
        context.replacements += context._subject_pronouns(pairs) + context._groups()
        return context

    def in_speech(self, start: int) -> bool:
        return any(a <= start < b for a, b in self.speech)

    def _groups(self) -> list[Replacement]:
        """"Both sides agreed …" reads "Wang Yi and Cho Hyun agreed …" where the lead names them."""
        found = []
        for token in self.doc:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.pos_ not in ("NOUN", "PROPN"):
                continue
            phrase = self.doc[token.left_edge.i: token.i + 1]
            members = self.actors.group_members(phrase)
            if members:
                names = tuple(a.name for a in members)
                found.append(Replacement(phrase.start, phrase.end, members_name(members), names))
        return found

    def _subject_pronouns(self, pairs: list[Replacement]) -> list[Replacement]:
        taken = {i for r in pairs for i in range(r.start, r.end)}
        found = []
        for token in self.doc:
            if token.dep_ not in ("nsubj", "nsubjpass") or token.i in taken:
                continue
            if token.lower_ in NAMED_PRONOUNS:
                actor = self.actors.resolve(self.doc[token.i: token.i + 1])
                if actor is not None:
                    found.append(Replacement(token.i, token.i + 1, actor.name, (actor.name,)))
            elif token.lower_ == "they":
                # "Kishida and Yoon agreed … when they met in Phnom Penh": the people named
                # together just before, as the statement's speaker would be read.
                antecedent = plural_antecedent(token)
                people = resolve_speaker(antecedent, self.actors).speaker.members if antecedent is not None else []
                if len(people) >= 2:
                    found.append(Replacement(token.i, token.i + 1, join_names(people), tuple(people)))
        return found

    @property
    def excluded(self) -> set[int]:
        return self.dates | self.furniture

    def clause_summary(self, predicate: Token, extra: Optional[list[Token]] = None) -> str:
        """The clause in its own words, or its sentence when the clause cannot be cut soundly."""
        summary = summarize_clause(predicate, self.excluded, self.replacements, extra)
        if summary is None:
            return self.sentence_summary(predicate.sent)
        return summary

    def noun_summary(self, noun: Token, with_clauses: bool = False) -> str:
        """A happening named by a noun, as its noun phrase ("The October debate"); ``with_clauses``
        keeps the clauses that tell it ("the June 17 incident when coast guards blocked a boat")."""
        tokens = noun_phrase(noun, self.excluded) if not with_clauses else whole_phrase(noun, self.excluded)
        tokens = without_stranded_punctuation(tokens)
        kept = {t.i for t in tokens}
        # A phrase the parser hung on the verb keeps its place beside the noun it follows.
        roots = {noun.i} | ({t.i for t in tokens if t.dep_ == "prep" and t.head.i not in kept} if with_clauses else set())
        if not tokens or not is_sound(tokens, roots, self.excluded):
            return self.sentence_summary(noun.sent)
        return phrase(tokens, self.replacements, capitalize=True)

    def sentence_summary(self, sentence: Span, dates: Optional[set[int]] = None) -> str:
        """The sentence, less ``dates`` (default: all its date expressions) where that is sound."""
        return sentence_summary(sentence, self.dates if dates is None else dates, self.furniture, self.replacements)

    def evidence(self, sentence: Span) -> TextSpan:
        """The sentence without the blank lines spaCy attaches to it (a blanked front matter block)."""
        start, end = sentence.start_char, sentence.end_char
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return TextSpan(source=self.source_id, start=start, end=end, text=self.text[start:end])

    def actors_in(self, tokens: list[Token]) -> list[str]:
        names: list[str] = []
        for token in tokens:
            actor = self.actors.actor_at(token.i)
            if actor is not None and actor.name not in names:
                names.append(actor.name)
            for replacement in self.replacements:
                if replacement.start <= token.i < replacement.end:
                    names.extend(n for n in replacement.names if n not in names)
        return names


def says_too_little(summary: str) -> bool:
    """Fewer than two words besides pronouns, articles and the verbs be, do, have and the modals."""
    words = re.findall(r"[^\W\d_]+(?:[-’'][^\W\d_]+)*", summary.lower())
    return sum(1 for w in words if w not in FUNCTION_WORDS) < 2


def clause_lemmas(predicate: Token) -> list[str]:
    """The predicate's lemma, then the heads of its object and prepositional complements."""
    lemmas = [predicate.lemma_.lower()]
    for child in predicate.children:
        if child.dep_ in {"dobj", "attr", "nsubjpass", "oprd"}:
            lemmas.append(child.lemma_.lower())
        elif child.dep_ == "prep":
            lemmas.extend(c.lemma_.lower() for c in child.children if c.dep_ == "pobj")
    return lemmas


# Quotations this long are someone's words rather than a quoted name or term.
MIN_SPEECH_WORDS = 4


def _speech_ranges(doc: Doc, text: str) -> list[tuple[int, int]]:
    return [(q.start, q.end) for q in quotes_in(doc) if len(text[q.start:q.end].split()) >= MIN_SPEECH_WORDS]


# Prepositions that place one happening in time by another: "protested after the encounter".
TEMPORAL_PREPOSITIONS = frozenset({"after", "before", "since", "following", "until", "amid"})


def happening_just_before(preposition: Token) -> Optional[Token]:
    """The happening named right before a date phrase the parser hung on the verb, when that
    happening itself places the verb in time: in "filed a protest after another encounter on
    June 17", the date is the encounter's, not the filing's."""
    if preposition.i == 0:
        return None
    noun = preposition.doc[preposition.i - 1]
    if noun.pos_ != "NOUN" or noun.dep_ != "pobj" or noun.lemma_.lower() not in EVENT_NOUNS:
        return None
    return noun if noun.head.lower_ in TEMPORAL_PREPOSITIONS and noun.head.head.i == preposition.head.i else None


def dates_a_happening_before(date_word: Token) -> bool:
    """A word of a date phrase that belongs to a happening that places the verb in time
    ("filed a protest after another encounter on June 17"), however the parser hung it: on
    the happening's noun, or on the verb right after the noun (see :func:`happening_just_before`)."""
    token = date_word
    while token.head.i != token.i and token.pos_ not in ("VERB", "AUX"):
        if token.dep_ == "prep" and happening_just_before(token) is not None:
            return True
        if token.dep_ == "pobj" and token.lemma_.lower() in EVENT_NOUNS and token.head.lower_ in TEMPORAL_PREPOSITIONS:
            return token is not date_word  # the happening's own noun is no word of its date
        token = token.head
    return False
