"""Scoring temporal expressions against a gold standard, with the TempEval-3 measures.

Spans match strictly when their offsets are equal and in the relaxed sense when they
overlap (each gold expression matches at most one system expression, the one it overlaps
most). Value and type accuracy are taken over the relaxed matches, and their F1 is the
relaxed F1 times that accuracy, as TempEval-3 defines them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from briefgen.extract.temporal.timex import Timex


@dataclass
class Tally:
    """Match counts over one or more documents, and the kinds of error seen."""

    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0
    errors: Counter = field(default_factory=Counter)

    def add(self, other: "Tally") -> None:
        self.gold += other.gold
        self.system += other.system
        self.strict += other.strict
        self.relaxed += other.relaxed
        self.value += other.value
        self.type += other.type
        self.errors.update(other.errors)

    @staticmethod
    def _f1(matched: int, system: int, gold: int) -> tuple[float, float, float]:
        precision = matched / system if system else 0.0
        recall = matched / gold if gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return precision, recall, f1

    def strict_prf(self) -> tuple[float, float, float]:
        return self._f1(self.strict, self.system, self.gold)

    def relaxed_prf(self) -> tuple[float, float, float]:
        return self._f1(self.relaxed, self.system, self.gold)

    def value_accuracy(self) -> float:
        return self.value / self.relaxed if self.relaxed else 0.0

    def type_accuracy(self) -> float:
        return self.type / self.relaxed if self.relaxed else 0.0

    def value_f1(self) -> float:
        return self.relaxed_prf()[2] * self.value_accuracy()

    def type_f1(self) -> float:
        return self.relaxed_prf()[2] * self.type_accuracy()

    def error_count(self) -> int:
        """Missed, spurious and wrongly valued expressions together."""
        return (self.gold - self.relaxed) + (self.system - self.relaxed) + (self.relaxed - self.value)


def value_form(value: str) -> str:
    """The shape of a TIMEX3 value, for grouping errors: 1989-Q3 -> 9999-Q9."""
    return re.sub(r"\d", "9", value)


def score_document(gold: list[Timex], system: list[Timex], log: list[str] | None = None) -> Tally:
    """Match system expressions to gold ones (one to one, by largest overlap) and count."""
    tally = Tally(gold=len(gold), system=len(system))
    used: set[int] = set()
    for g in gold:
        best, best_overlap = None, 0
        for index, s in enumerate(system):
            if index in used:
                continue
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > best_overlap:
                best, best_overlap = index, overlap
        if best is None:
            tally.errors[f"missed {g.type}"] += 1
            if log is not None:
                log.append(f"  MISSED    {g.text!r} {g.type} {g.value}")
            continue
        used.add(best)
        s = system[best]
        tally.relaxed += 1
        if (g.start, g.end) == (s.start, s.end):
            tally.strict += 1
        else:
            tally.errors["extent differs"] += 1
            if log is not None:
                log.append(f"  EXTENT    gold {g.text!r} system {s.text!r}")
        if g.value == s.value:
            tally.value += 1
        else:
            if value_form(g.value) == value_form(s.value):
                kind = f"value: right form {value_form(g.value)}, other date"
            else:
                kind = f"value: {value_form(g.value)} given as {value_form(s.value)}"
            tally.errors[kind] += 1
            if log is not None:
                log.append(f"  VALUE     {g.text!r}: gold {g.value} system {s.value} ({s.text!r})")
        if g.type == s.type:
            tally.type += 1
        else:
            tally.errors[f"type: {g.type} given as {s.type}"] += 1
    for index, s in enumerate(system):
        if index not in used:
            tally.errors[f"spurious {s.type}"] += 1
            if log is not None:
                log.append(f"  SPURIOUS  {s.text!r} {s.type} {s.value}")
    return tally
