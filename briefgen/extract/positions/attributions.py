"""Finding attributions in a parsed document: cue, source mention and content, as token facts.

An attribution links a cue ("said", "according to", a headline colon) to its content and,
usually, to a source mention. The search runs in a fixed order because each token plays at
most one part (a quotation's words belong to that quotation, not to a cue inside it):

1. "Name: …" headlines and transcript lines: the whole line is that speaker's;
2. "according to X" and "In a poll, …" phrases: "“…,” she said, according to the paper" is
   the paper's report;
3. cue verbs from the lexicon, shallowest first, so that "X said Y believes Z" is one
   attribution whose content holds the second;
4. nouns and adjectives from the lexicon ("her claim that …", "concerned that …");
5. quotations no cue claimed: a quote that carries on the previous direct quote ("…," she
   said. "…") or opens the paragraph after "X said:" joins that attribution.

A content that is mostly quotation becomes the quotation itself (direct speech); a few
quoted words inside a reported clause leave it indirect.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from itertools import accumulate
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span, Token

from briefgen.extract.furniture import is_furniture
from briefgen.extract.positions.content import clause_around, content_ranges
from briefgen.extract.positions.lexicon import CueEntry, cue_lexicon
from briefgen.extract.positions.nominal import adjective_content, adjective_source, is_predicative, noun_content, noun_source
from briefgen.extract.positions.quotes import Quote, quotes_in
from briefgen.extract.positions.reporting_clause import phrase_after, phrase_before, trailing_report
from briefgen.extract.positions.speakers import own_subject, speaker_mention
from briefgen.extract.positions.units import subtree_span, trim_range, unit_bounds

# A quotation this long is someone's words rather than a quoted term ("so-called “reforms”").
MIN_QUOTE_WORDS_FOR_SPEECH = 4
# Share of a content's words that must be quoted for the content to count as direct speech.
DIRECT_SHARE = 0.5
HEADLINE_SOURCE_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
# A line that opens with up to four capitalised words and a colon: "Ana Park:", "PARK:", or
# with the speaker's office after a comma: "Yoko Kamikawa, Foreign Minister of Japan:".
LINE_LABEL = re.compile(
    r"^[ \t]*(?P<name>[A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*){0,3})"
    r"(?:,[ \t]+[A-Z][\w.'’-]*(?:[ \t]+(?:[A-Z][\w.'’-]*|of|the|for|and|de))*)?(?P<colon>:)[ \t]+\S",
    re.MULTILINE,
)
FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP"})
# Documents whose findings a sentence can open with: "In a new poll, most voters said …".
FINDINGS_NOUNS = frozenset({"poll", "survey", "study", "report", "analysis", "review", "audit", "census", "tally"})
# Punctuation that may stand between a reporting clause and its quotation.
QUOTE_JOINERS = frozenset({",", ":", "—", "–"})
# Only verbs of saying take a quotation the parse did not link to them ("“…,” said Ana Park").
QUOTING_FRAMES = frozenset({"clause", "report", "addressee"})


@dataclass
class Attribution:
    cue: Span
    cue_class: str
    source: Optional[Span]
    fragments: list[tuple[int, int]]  # character ranges of the content, in order
    kind: str = "indirect"
    # How the content was found: clause, object, phrase, subject (of a passive or "seems"),
    # parenthetical, trailing (the "…, X said" shape), quote (a quotation beside the cue),
    # according, headline ("Ana Park: …" once), transcript (a label opening several lines),
    # noun, adjective.
    shape: str = "clause"
    # Fragments attached because they carry on an earlier quote rather than by their own cue.
    continued: bool = False
    quotes: list[int] = field(default_factory=list)  # indexes into the document's quotes

    @property
    def end_char(self) -> int:
        ends = [b for _, b in self.fragments] + [self.cue.end_char]
        if self.source is not None:
            ends.append(self.source.end_char)
        return max(ends)


def _depth(token: Token) -> int:
    depth = 0
    while token.head.i != token.i and depth < 50:
        token = token.head
        depth += 1
    return depth


def reporting_phrase(token: Token) -> tuple[Optional[Token], int]:
    """(source noun, end of the cue) when ``token`` opens "according to X" or "In a poll …"."""
    if token.lower_ == "according":
        to = next((c for c in token.children if c.lower_ == "to" and c.i == token.i + 1), None)
        objects = [c for c in to.children if c.dep_ == "pobj"] if to is not None else []
        return (objects[0], to.i + 1) if objects else (None, 0)
    if token.lower_ == "in" and token.dep_ == "prep" and token.i == unit_bounds(token)[0]:
        objects = [c for c in token.children if c.dep_ == "pobj" and c.lemma_.lower() in FINDINGS_NOUNS]
        return (objects[0], token.i + 1) if objects else (None, 0)
    return None, 0


def _overlaps(span: Span, ranges: list[tuple[int, int]]) -> bool:
    return any(a < span.end and span.start < b for a, b in ranges)


def _speaker_beside(cue: Token, ranges: list[tuple[int, int]]) -> tuple[Optional[Span], list[tuple[int, int]]]:
    """When the parse found the speaker inside the content, read the speaker off the words.

    The subject it found belongs to what was said ("“It is not …,” Ana Park said"); the
    noun phrase right before or after the verb names the speaker, and a content range that
    is only that phrase ("Ana Park, in Lima, said that …") was the speaker, not content.
    """
    doc = cue.doc
    phrase = phrase_before(cue) or phrase_after(cue)
    if phrase is None:
        return None, ranges
    speaker = doc[phrase[0] : phrase[1]]
    # A range that is the phrase itself, or that starts with it after the verb ("said Ana
    # Park, who …" read as an object), was the speaker.
    kept = [
        (a, b)
        for a, b in ranges
        if not (phrase[0] <= a and b <= phrase[1] + 2 and b <= cue.i) and not (a == phrase[0] and a > cue.i)
    ]
    if not kept or _overlaps(speaker, kept):
        return None, ranges
    return speaker, kept


def _passive_participle(token: Token) -> bool:
    """A bare past participle heading an adjunct ("Asked about the deal, …"): no source.

    A tagger may read a sentence-initial participle as a past tense, so there the position
    decides.
    """
    if any(c.dep_ in ("aux", "nsubj", "nsubjpass", "auxpass") for c in token.children):
        return False
    if token.tag_ == "VBN" and token.dep_ in ("advcl", "acl", "conj"):
        return True
    return token.tag_ == "VBD" and token.dep_ == "advcl" and token.i == unit_bounds(token)[0]


def _not_a_report(token: Token) -> bool:
    """Verb forms that describe or intend rather than report.

    A participle used as an adjective ("pledged delegates", "a judge considered liberal"),
    or an infinitive of purpose ("signed a roadmap to promote trade").
    """
    if token.dep_ == "amod" or (token.dep_ == "acl" and token.tag_ == "VBN"):
        return True
    return token.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


class _Finder:
    def __init__(self, doc: Doc):
        self.doc = doc
        self.lexicon = cue_lexicon()
        # Doc.text is rebuilt from the tokens on every access; read it once.
        self.text = doc.text
        self.quotes: list[Quote] = quotes_in(doc)
        self.claimed = [False] * len(doc)
        self.quote_of_token: dict[int, int] = {}
        self.quote_tokens: list[Optional[Span]] = []
        for n, quote in enumerate(self.quotes):
            span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
            self.quote_tokens.append(span)
            if span is not None:
                for token in span:
                    self.quote_of_token[token.i] = n
        # Token ends and character openings of the quotations, both in document order, for
        # finding the quotations near a cue without scanning them all.
        self.quote_ends = [span.end if span is not None else 0 for span in self.quote_tokens]
        self.quote_ends = list(accumulate(self.quote_ends, max))
        self.quote_opens = [quote.open_mark for quote in self.quotes]
        # Counted once: an unclosed quotation mark opens a quotation that runs to the end of
        # the text, and it is asked about once for every token inside it.
        self.quote_word_counts = [0 if span is None else sum(1 for t in span if not (t.is_punct or t.is_space))
                                  for span in self.quote_tokens]
        self.quote_owner: dict[int, Attribution] = {}
        self.attributions: list[Attribution] = []

    # -- helpers ---------------------------------------------------------------------------

    def _quote_words(self, n: int) -> int:
        return self.quote_word_counts[n]

    def _in_speech_quote(self, token: Token) -> bool:
        n = self.quote_of_token.get(token.i)
        return n is not None and self._quote_words(n) >= MIN_QUOTE_WORDS_FOR_SPEECH

    def _free(self, start: int, end: int) -> bool:
        return not any(self.claimed[start:end])

    def _claim(self, start: int, end: int) -> None:
        for i in range(start, end):
            self.claimed[i] = True

    def _quote_range(self, n: int) -> tuple[int, int]:
        span = self.quote_tokens[n]
        return span.start, span.end

    def _quote_chars(self, n: int) -> tuple[int, int]:
        quote = self.quotes[n]
        return quote.start, quote.end

    def _add(self, attribution: Attribution, token_ranges: list[tuple[int, int]]) -> None:
        for start, end in token_ranges:
            self._claim(start, end)
        self._claim(attribution.cue.start, attribution.cue.end)
        for n in attribution.quotes:
            self.quote_owner[n] = attribution
        self.attributions.append(attribution)

    # -- content to quotations -------------------------------------------------------------

    def _as_speech(self, ranges: list[tuple[int, int]]) -> tuple[str, list[tuple[int, int]], list[int]]:
        """Direct speech when the ranges are mostly quotation, with the quotations as content."""
        words = [t for a, b in ranges for t in self.doc[a:b] if not (t.is_punct or t.is_space)]
        quoted = {self.quote_of_token[t.i] for t in words if t.i in self.quote_of_token}
        quoted = {n for n in quoted if self.quote_owner.get(n) is None}
        share = sum(1 for t in words if self.quote_of_token.get(t.i) in quoted) / max(len(words), 1)
        if quoted and share >= DIRECT_SHARE:
            ordered = sorted(quoted)
            return "direct", [self._quote_chars(n) for n in ordered], ordered
        chars = [(self.doc[a].idx, self.doc[b - 1].idx + len(self.doc[b - 1])) for a, b in ranges]
        return "indirect", chars, []

    def _token_ranges_of(self, kind: str, quotes: list[int], ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
        if kind == "direct":
            return [self._quote_range(n) for n in quotes if self.quote_tokens[n] is not None]
        return ranges

    def _adjacent_quote(self, cue: Token, mention: Optional[Span]) -> Optional[int]:
        """A free quotation next to a cue that governs none ("“…,” said Ana Park").

        Only within the cue's sentence and paragraph, and with nothing but the speaker, the
        cue's own words and commas or quotation marks in between: a full stop or a line
        break ends the reporting clause.
        """
        unit_start, unit_end = unit_bounds(cue)
        best = None
        first = bisect.bisect_left(self.quote_ends, unit_start - 1)
        for n in range(first, len(self.quotes)):
            span = self.quote_tokens[n]
            if span is not None and span.start > unit_end + 1:
                break
            if span is None or self.quote_owner.get(n) is not None or self._quote_words(n) < 2:
                continue
            between = range(span.end, cue.i) if span.end <= cue.i else range(cue.i + 1, span.start)
            allowed = set(range(mention.start, mention.end)) if mention is not None else set()
            allowed |= {t.i for t in cue.subtree}
            if all(i in allowed or self.doc[i].text in QUOTE_JOINERS or self.doc[i].is_quote for i in between):
                distance = len(between)
                if best is None or distance < best[0]:
                    best = (distance, n)
        return best[1] if best else None

    def _following_quote(self, cue: Token) -> Optional[int]:
        """The quotation right after a sentence that ends in a colon ("She added: …")."""
        sent = cue.sent
        last = next((t for t in reversed(sent) if not t.is_space), None)
        if last is None or last.text not in (":", ","):
            return None
        n = bisect.bisect_left(self.quote_opens, last.idx + 1)
        if n == len(self.quotes):
            return None
        if self.text[last.idx + 1 : self.quotes[n].open_mark].strip() == "" and self.quote_owner.get(n) is None:
            return n
        return None

    # -- the passes --------------------------------------------------------------------------

    def find(self) -> list[Attribution]:
        self._line_labels()
        self._according_to()
        self._verb_cues()
        self._nominal_cues()
        self._carry_on_quotes()
        self.attributions.sort(key=lambda a: a.fragments[0][0])
        return self.attributions

    def _verb_cues(self) -> None:
        candidates = [
            t for t in self.doc
            if t.pos_ == "VERB" and (t.lemma_.lower(), "VERB") in self.lexicon and t.i not in self.quote_of_token
            and not _not_a_report(t)
        ]
        # Finite verbs first: a participle ("…, noting that …") takes its speaker from the
        # verb it hangs on, which must have been read by then.
        candidates.sort(key=lambda t: (t.tag_ == "VBG", _depth(t), t.i))
        # Cues whose content the parse shows go first; a cue that governs nothing may then
        # take a quotation beside it, once the quotations' own cues have had theirs.
        waiting = []
        for cue in candidates:
            if not self.claimed[cue.i]:
                if not self._verb_attribution(cue, self.lexicon[(cue.lemma_.lower(), "VERB")], quotes_beside=False):
                    waiting.append(cue)
        for cue in waiting:
            entry = self.lexicon[(cue.lemma_.lower(), "VERB")]
            if not self.claimed[cue.i] and entry.cue_class == "speech" and entry.frame in QUOTING_FRAMES:
                self._verb_attribution(cue, entry, quotes_beside=True)

    def _shared_source(self, cue: Token) -> Optional[Span]:
        """The speaker of the cue a subjectless participle goes with, in its sentence."""
        unit = unit_bounds(cue)
        same_unit = [a for a in self.attributions if unit[0] <= a.cue.start < unit[1] and a.source is not None]
        for attribution in same_unit:
            if attribution.cue.start == cue.head.i:
                return attribution.source
        if not same_unit:
            return None
        return min(same_unit, key=lambda a: abs(a.cue.start - cue.i)).source

    def _verb_attribution(self, cue: Token, entry: CueEntry, quotes_beside: bool) -> bool:
        """Record the attribution ``cue`` makes, if any; False when it governs no content."""
        ranges, shape = content_ranges(cue, entry)
        mention: Optional[Span] = None
        if own_subject(cue) is None:
            if cue.tag_ == "VBG":
                mention = self._shared_source(cue)
            else:
                trailing = trailing_report(cue) if not ranges else None
                if trailing is not None:
                    (s_start, s_end), content = trailing
                    mention, ranges, shape = self.doc[s_start:s_end], [content], "trailing"
                elif cue.tag_ in FINITE_TAGS:
                    phrase = phrase_before(cue) or phrase_after(cue)
                    mention = self.doc[phrase[0] : phrase[1]] if phrase else None
        if entry.frame == "raising":
            mention = None  # "the plan seems to work": an impression, no one's statement
        elif mention is None and not _passive_participle(cue):
            mention = speaker_mention(cue)
        if mention is not None and ranges and _overlaps(mention, ranges):
            mention, ranges = _speaker_beside(cue, ranges)
        if ranges and not all(self._free(a, b) for a, b in ranges):
            return True
        if ranges:
            kind, fragments, quotes = self._as_speech(ranges)
        elif not quotes_beside:
            return False
        else:
            n = self._adjacent_quote(cue, mention)
            if n is None:
                n = self._following_quote(cue)
            if n is None or self._quote_words(n) < MIN_QUOTE_WORDS_FOR_SPEECH:
                return False  # none, or a quoted term ("“a political decision”"), not words said
            kind, fragments, quotes, shape = "direct", [self._quote_chars(n)], [n], "quote"
        if mention is not None and any(a < mention.end_char and mention.start_char < b for a, b in fragments):
            mention = None  # the speaker inside a quotation beside the cue: trust neither
        cue_span = self._cue_span(cue)
        cue_class = entry.cue_class
        if shape == "phrase" and kind == "indirect" and ranges:
            cue_span, fragments, cue_class = self._phrasal_cue(cue_span, fragments, cue_class)
        attribution = Attribution(cue_span, cue_class, mention, fragments, kind, shape, quotes=quotes)
        self._add(attribution, self._token_ranges_of(kind, quotes, ranges))
        if kind == "direct":
            self._split_quote(attribution, cue, mention)
        return True

    def _cue_span(self, cue: Token) -> Span:
        particles = [c.i for c in cue.children if c.dep_ == "prt" and c.i == cue.i + 1]
        return self.doc[cue.i : (particles[-1] + 1) if particles else cue.i + 1]

    def _phrasal_cue(
        self, cue_span: Span, fragments: list[tuple[int, int]], cue_class: str
    ) -> tuple[Span, list[tuple[int, int]], str]:
        """"called for a ceasefire": the preposition belongs to the cue, its object is the
        content, and the phrasal verb may take a side the bare verb does not ("call for")."""
        start, end = fragments[0]
        preposition = self.doc.char_span(start, end, alignment_mode="expand")
        if preposition is None or preposition[0].pos_ != "ADP" or preposition[0].i != cue_span.end or len(preposition) < 2:
            return cue_span, fragments, cue_class
        phrasal = self.doc[cue_span.start : preposition[0].i + 1]
        rest = (preposition[1].idx, end)
        entry = self.lexicon.get((f"{cue_span[0].lemma_.lower()} {preposition[0].lower_}", "VERB"))
        return phrasal, [rest] + fragments[1:], entry.cue_class if entry else cue_class

    def _split_quote(self, attribution: Attribution, cue: Token, mention: Optional[Span]) -> None:
        """“First part,” she said, “second part.”: the second quote joins the first."""
        n = self._adjacent_quote(cue, mention)
        if n is None or n in attribution.quotes:
            return
        attribution.fragments.append(self._quote_chars(n))
        attribution.fragments.sort()
        attribution.quotes.append(n)
        self.quote_owner[n] = attribution
        a, b = self._quote_range(n)
        self._claim(a, b)

    def _nominal_cues(self) -> None:
        """Nouns and adjectives from the lexicon that carry content of their own."""
        for token in self.doc:
            if token.pos_ not in ("NOUN", "ADJ") or self.claimed[token.i] or token.i in self.quote_of_token:
                continue
            entry = self.lexicon.get((token.lemma_.lower(), token.pos_))
            if entry is None:
                continue
            if token.pos_ == "NOUN":
                ranges, source = noun_content(token), noun_source(token)
            elif is_predicative(token):
                ranges, source = adjective_content(token), adjective_source(token)
            else:
                continue
            if not ranges or not all(self._free(a, b) for a, b in ranges):
                continue
            kind, fragments, quotes = self._as_speech(ranges)
            attribution = Attribution(self.doc[token.i : token.i + 1], entry.cue_class, source, fragments, kind, entry.frame, quotes=quotes)
            self._add(attribution, self._token_ranges_of(kind, quotes, ranges))

    def _according_to(self) -> None:
        """"…, according to the ministry" and "In a new poll, most voters said …": the phrase
        names who reports the clause it attaches to."""
        for token in self.doc:
            if self.claimed[token.i] or self._in_speech_quote(token):
                continue
            source_token, cue_end = reporting_phrase(token)
            if source_token is None:
                continue
            if token.lower_ == "according" and self._speaker_of_own(token.head):
                # "According to Yonhap, Park told reporters that …", "“…,” the minister said,
                # according to the broadcaster": the named speaker's words, by way of the
                # reporter, which the statement notes (build.py).
                continue
            phrase_end = max(t.i for t in token.subtree) + 1
            ranges = [r for r in clause_around(token, (token.i, phrase_end)) if self._free(*r)]
            if not ranges:
                continue
            source = subtree_span(source_token)
            kind, fragments, quotes = self._as_speech(ranges)
            attribution = Attribution(self.doc[token.i : cue_end], "speech", source, fragments, kind, "according", quotes=quotes)
            self._add(attribution, self._token_ranges_of(kind, quotes, ranges))

    def _speaker_of_own(self, verb: Token) -> bool:
        """The verb is a cue of saying with a subject and a reported clause of its own ("Park
        told reporters that …"); "Retno spoke of the impacts", with no clause, is the
        reporter's summary."""
        # The parser often hangs a "that" clause after an object on the noun before it
        # ("told reporters after the meeting that he urged …"), so any "that" below will do.
        return (self._speech_subject(verb) is not None
                and any(c.dep_ == "ccomp" or (c.dep_ == "mark" and c.lower_ == "that") for c in verb.subtree))

    def _speech_subject(self, verb: Token) -> Optional[Token]:
        """The subject of a cue of saying, when the verb is one and has its own."""
        entry = self.lexicon.get((verb.lemma_.lower(), verb.pos_))
        return own_subject(verb) if entry is not None and entry.cue_class == "speech" else None

    def _line_labels(self) -> None:
        """"Ana Park: Talks Will Resume" and transcripts' "PARK: We are ready." — a speaker's
        name opening a line, a colon, then what they said.

        A label counts as a speaker when it is a named entity, when a person the document
        names carries it ("PARK" for Ana Park), or when it opens two or more lines; a one-off
        "CORRECTION:" or "UPDATE:" is none of these. Two named speakers or more make the
        document a transcript.
        """
        labels = [m for m in LINE_LABEL.finditer(self.text)]
        counts = Counter(m.group("name").upper() for m in labels)
        person_words = {t.lower_ for ent in self.doc.ents if ent.label_ == "PERSON" for t in ent if t.is_alpha}
        speakers: dict[int, bool] = {}
        for n, match in enumerate(labels):
            label = self.doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
            if label is not None:
                entity = any(t.ent_type_ in HEADLINE_SOURCE_LABELS for t in label)
                known = any(t.lower_ in person_words for t in label)
                speakers[n] = entity or known or counts[match.group("name").upper()] >= 2
        # A press conference gives each speaker a label: two different named speakers make a
        # transcript even when each speaks once.
        transcript = len({labels[n].group("name").upper() for n, named in speakers.items() if named}) >= 2
        for n, match in enumerate(labels):
            label = self.doc.char_span(match.start("name"), match.end("name"), alignment_mode="expand")
            colon = self.doc.char_span(match.start("colon"), match.end("colon"), alignment_mode="expand")
            if label is None or colon is None or self.claimed[colon.start] or not speakers.get(n) or is_furniture(label[0]):
                continue  # "Jakarta: …" opening the first paragraph is a dateline, not a speaker
            turns = transcript or counts[match.group("name").upper()] >= 2
            line_end = self.text.find("\n", match.end())
            line_end = len(self.text) if line_end < 0 else line_end
            content = self.doc.char_span(match.end("colon"), line_end, alignment_mode="contract")
            if content is None:
                continue
            ranges = [r for r in self._own_sentences(content) if self._free(*r) and r[1] - r[0] >= 3]
            if not ranges:
                continue
            kind, fragments, quotes = self._as_speech(ranges)
            shape = "transcript" if turns else "headline"
            attribution = Attribution(colon, "speech", label, fragments, kind, shape, quotes=quotes)
            self._add(attribution, self._token_ranges_of(kind, quotes, ranges))

    def _own_sentences(self, turn: Span) -> list[tuple[int, int]]:
        """The token ranges of a turn that are the labelled speaker's own words: not a
        sentence in which they report someone they name ("Sir, Priya from Reuters has asked,
        “…”"), which the cue verb then gives to that person."""
        ranges: list[tuple[int, int]] = []
        start = turn.start
        for sentence in turn.sents:
            if any(self._reports_named(t) for t in sentence):
                ranges.append((start, sentence.start))
                start = sentence.end
        ranges.append((start, turn.end))
        return [r for a, b in ranges if a < b and (r := trim_range(self.doc, a, b)) is not None]

    def _reports_named(self, verb: Token) -> bool:
        subject = self._speech_subject(verb)
        return subject is not None and subject.pos_ == "PROPN" and not self._in_speech_quote(verb)

    def _carry_on_quotes(self) -> None:
        """Quotations with no cue of their own that carry on the quote before them."""
        previous: Optional[Attribution] = None
        for n, quote in enumerate(self.quotes):
            owner = self.quote_owner.get(n)
            if owner is not None:
                previous = owner
                continue
            span = self.quote_tokens[n]
            if span is None or previous is None or previous.kind != "direct" or not self._free(span.start, span.end):
                continue
            if self._quote_words(n) < MIN_QUOTE_WORDS_FOR_SPEECH:
                continue
            gap = self.text[previous.end_char : quote.open_mark]
            carries_on = (
                (quote.continues_previous and self.quotes[n - 1].close_mark is None)
                or gap.strip(" \t\n.,;:!?”’\"'") == ""
                or self._opens_next_sentence(previous, quote)
            )
            if not carries_on:
                continue
            previous.fragments.append((quote.start, quote.end))
            previous.quotes.append(n)
            previous.continued = True
            self.quote_owner[n] = previous
            self._claim(span.start, span.end)


    def _opens_next_sentence(self, previous: Attribution, quote: Quote) -> bool:
        """A quote that opens the sentence after the one holding the previous cue and quote.

        ("“…,” Ana Park said at the forum. “…”"). Any other quotation in between breaks it.
        """
        opening = self.doc.char_span(quote.open_mark, quote.open_mark + 1, alignment_mode="expand")
        if opening is None:
            return False
        start = opening[0]
        unit_start, _ = unit_bounds(start)
        if start.i != unit_start or unit_start == 0:
            return False
        before = self.doc[unit_start - 1]
        while before.i > 0 and before.is_space:
            before = self.doc[before.i - 1]
        prior_start, _ = unit_bounds(before)
        return prior_start <= previous.cue.start <= before.i and previous.fragments[-1][1] <= before.idx + len(before)


def find_attributions(doc: Doc) -> list[Attribution]:
    return _Finder(doc).find()
