"""Choosing the positions a memo shows: the key statements of each speaker.

A memo has room for a few statements per speaker, so they are ranked: direct quotations
and statements that take a side ("urged", "rejected", "called for") first, plain reports of
speech next, beliefs and findings last; within that, statements about what the whole pack
talks about (topics many positions share) come before asides. Near-duplicates — the same
words quoted twice, or by two sources — collapse into one position that keeps every
copy's evidence. Positions without a named speaker, or whose speaker is an unresolved
pronoun, are left out: a memo does not print "he said".
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

from briefgen.extract.positions.lexicon import cue_class
from briefgen.model import Position, TextSpan

CLASS_WEIGHT = {"stance": 1.5, "speech": 1.0, "belief": 0.5, "evidence": 0.3}
DIRECT_WEIGHT = 2.0
SALIENCE_WEIGHT = 0.5
# Two statements are the same when most of the shorter one's words are in the longer one.
DUPLICATE_CONTAINMENT = 0.8
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
# Speakers a memo does not print: pronouns left as written (briefings made before speakers
# were resolved) and the name extraction gives a speaker it could not resolve.
_UNRESOLVED_PRONOUNS = frozenset({"he", "she", "they", "it", "we", "i", "him", "her", "them", "unidentified"})


def _words(text: str) -> frozenset[str]:
    return frozenset(map(str.lower, _WORD.findall(text)))


def _is_duplicate(a: frozenset[str], b: frozenset[str]) -> bool:
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= DUPLICATE_CONTAINMENT


def _shown(position: Position) -> bool:
    if position.speaker_mention is None:
        return False
    return not (position.speaker.name.lower() in _UNRESOLVED_PRONOUNS)


def _speaker_key(position: Position) -> tuple[str, str]:
    return position.speaker.name.lower(), position.speaker.kind


class _Kept:
    """A position the memo keeps, with its words and the evidence its repeats add to it."""

    def __init__(self, position: Position, words: frozenset[str]):
        self.position = position
        self.words = words
        self.evidence = list(position.evidence)
        self._cited = {_span_key(e) for e in position.evidence}

    def add_evidence(self, spans: list[TextSpan]) -> None:
        for span in spans:
            if _span_key(span) not in self._cited:
                self._cited.add(_span_key(span))
                self.evidence.append(span)

    def merged(self) -> Position:
        if len(self.evidence) == len(self.position.evidence):
            return self.position
        return self.position.model_copy(update={"evidence": self.evidence})


def _span_key(span: TextSpan) -> tuple:
    return span.source, span.start, span.end, span.text


def select_key_positions(positions: list[Position], cap_per_speaker: int) -> list[Position]:
    """At most ``cap_per_speaker`` positions per speaker, best first; speakers by their best."""
    if cap_per_speaker <= 0:
        return []
    shown = [p for p in positions if _shown(p)]
    topic_counts = Counter(t.lower() for p in shown for t in set(p.topics))

    def score(position: Position) -> float:
        salience = sum(math.log1p(topic_counts[t.lower()] - 1) for t in position.topics)
        return (
            (DIRECT_WEIGHT if position.kind == "direct" else 0.0)
            + CLASS_WEIGHT[cue_class(position.cue.text if position.cue else "")]
            + SALIENCE_WEIGHT * salience / max(len(position.topics), 1)
            + position.confidence
        )

    by_speaker: dict[tuple[str, str], list[Position]] = defaultdict(list)
    for position in shown:
        by_speaker[_speaker_key(position)].append(position)
    chosen: list[tuple[float, list[Position]]] = []
    for speaker_positions in by_speaker.values():
        ranked = sorted(speaker_positions, key=lambda p: -score(p))
        kept: list[_Kept] = []
        # A statement repeated word for word (a wire story in many papers) is found at once.
        # No earlier kept statement can be its duplicate too: it would have absorbed the copy kept.
        kept_by_words: dict[frozenset[str], _Kept] = {}
        for position in ranked:
            words = _words(position.text)
            duplicate = kept_by_words.get(words) if words else None
            if duplicate is None:
                duplicate = next((k for k in kept if _is_duplicate(words, k.words)), None)
            if duplicate is None:
                # Past the cap a new position would never be shown: it is only compared, so
                # that repeats of the shown ones lend them their evidence, and a speaker
                # quoted a thousand times costs a thousand comparisons per shown position,
                # not a thousand squared.
                if len(kept) < cap_per_speaker:
                    kept.append(_Kept(position, words))
                    kept_by_words.setdefault(words, kept[-1])
                continue
            duplicate.add_evidence(position.evidence)
        selected = [k.merged() for k in kept]
        chosen.append((score(ranked[0]), selected))
    chosen.sort(key=lambda pair: -pair[0])
    return [p for _, selected in chosen for p in selected]
