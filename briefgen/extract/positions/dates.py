"""When a statement was made, from the temporal expressions the tagger found.

Only a date attached to the cue's own clause counts ("said on Wednesday"), never one inside
the content ("said the talks would resume in March"): the first dates the statement, the
second is what the statement is about.
"""

from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Span

from briefgen.extract.dating import event_date
from briefgen.extract.temporal import Timex
from briefgen.model import EventDate


def _precision(value: str) -> int:
    return len(value) if value[:4].isdigit() else 0


def statement_date(
    cue_clause: Span, excluded: list[tuple[int, int]], dates: Optional[Iterable[Timex]]
) -> Optional[EventDate]:
    """The date of the cue's clause (its words) outside the content and speaker (character ranges)."""
    if not dates:
        return None
    clause_start, clause_end = cue_clause.start_char, cue_clause.end_char
    candidates = []
    for expression in dates:
        if expression.type not in ("DATE", "TIME"):
            continue
        if not (clause_start <= expression.start and expression.end <= clause_end):
            continue
        if any(a < expression.end and expression.start < b for a, b in excluded):
            continue
        date = event_date(expression)
        if date is not None:
            candidates.append((expression, date))
    if not candidates:
        return None
    # The most precise value; of equal ones, the text that writes the date out ("on Wednesday
    # (August 28, 2024)" gives "August 28, 2024").
    _, best = max(candidates, key=lambda pair: (_precision(pair[0].value), pair[1].basis == "explicit"))
    return best
