"""When a statement was made, from the temporal expressions another stage found.

Only a date attached to the cue's own clause counts ("said on Wednesday"), never one inside
the content ("said the talks would resume in March"): the first dates the statement, the
second is what the statement is about.
"""

from __future__ import annotations

import calendar
import re
from typing import Iterable, Optional, Protocol

from spacy.tokens import Span

from briefgen.model import EventDate

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# Words that make an expression relative to when the text was written.
_RELATIVE_WORDS = re.compile(
    r"\b(yesterday|today|tomorrow|tonight|last|next|this|ago|earlier|later|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    re.IGNORECASE,
)


class TemporalExpression(Protocol):
    start: int
    end: int
    text: str
    type: str
    value: str


def calendar_range(value: str) -> tuple[str, Optional[str], Optional[str]]:
    """Granularity and first/last day of a plain YYYY, YYYY-MM or YYYY-MM-DD value."""
    if _DAY.match(value):
        return "day", value, value
    month = _MONTH.match(value)
    if month:
        year, number = int(month.group(1)), int(month.group(2))
        if 1 <= number <= 12:
            last = calendar.monthrange(year, number)[1]
            return "month", f"{value}-01", f"{value}-{last:02d}"
    if _YEAR.match(value):
        return "year", f"{value}-01-01", f"{value}-12-31"
    return "unknown", None, None


def _basis(expression: TemporalExpression) -> str:
    basis = getattr(expression, "basis", None)
    if basis in ("explicit", "relative"):
        return basis
    return "relative" if _RELATIVE_WORDS.search(expression.text) else "explicit"


def _precision(value: str) -> int:
    return len(value) if value[:4].isdigit() else 0


def statement_date(
    cue_clause: Span, excluded: list[tuple[int, int]], dates: Optional[Iterable[TemporalExpression]]
) -> Optional[EventDate]:
    """The date of the cue's clause (its words) outside the content and speaker (character ranges)."""
    if not dates:
        return None
    clause_start, clause_end = cue_clause.start_char, cue_clause.end_char
    candidates = []
    for expression in dates:
        if getattr(expression, "type", "DATE") not in ("DATE", "TIME"):
            continue
        if not (clause_start <= expression.start and expression.end <= clause_end):
            continue
        if any(a < expression.end and expression.start < b for a, b in excluded):
            continue
        if not expression.value or not expression.value[:1].isdigit():
            continue
        candidates.append(expression)
    if not candidates:
        return None
    # The most precise value; of equal ones, the text that writes the date out ("on Wednesday
    # (August 28, 2024)" gives "August 28, 2024").
    best = max(candidates, key=lambda e: (_precision(e.value), _basis(e) == "explicit"))
    granularity, first, last = calendar_range(best.value[:10] if len(best.value) > 10 else best.value)
    return EventDate(value=best.value, granularity=granularity, start=first, end=last, text=best.text, basis=_basis(best))
