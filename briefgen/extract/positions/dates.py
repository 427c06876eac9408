"""When a statement was made, from the temporal expressions the tagger found.

Only a date attached to the cue's own clause counts ("said on Wednesday"), never one inside
the content ("said the talks would resume in March"): the first dates the statement, the
second is what the statement is about.
"""

from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Span, Token

from briefgen.extract.dating import event_date
from briefgen.extract.positions.quotes import inside_quotation
from briefgen.extract.temporal import Timex
from briefgen.model import EventDate


def _precision(value: str) -> int:
    return len(value) if value[:4].isdigit() else 0


# Dependencies that start another clause: a date below one dates that clause, not the cue
# ("said of the course, which opened in 1971").
_OTHER_CLAUSES = frozenset({"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "csubj", "parataxis"})


_BETWEEN_CUE_AND_DATE = frozenset({"on", "late", "early", "earlier", "last", "this"})


def _modifies_cue(cue: Token, date: Span) -> bool:
    """The date hangs from the cue verb itself, through prepositions and appositions only,
    or follows it directly ("said Tuesday his actions are lawful", which the parser often
    hangs on the reported clause)."""
    between = date.doc[cue.i + 1: date.start]
    if cue.i < date.start and all(t.lower_ in _BETWEEN_CUE_AND_DATE for t in between):
        return True
    token = date.root
    for _ in range(8):
        if token.i == cue.i:
            return True
        head = token.head
        if token.dep_ in _OTHER_CLAUSES or head.i == token.i:
            return False
        if head.pos_ in {"NOUN", "PROPN"} and not (date.start <= head.i < date.end) and token.dep_ != "appos":
            if head.ent_type_ not in {"DATE", "TIME"}:
                return False  # "the 2007 bill", "the course in 1971": the date is the noun's
        token = head
    return False


def statement_date(
    cue_clause: Span, excluded: list[tuple[int, int]], dates: Optional[Iterable[Timex]], cue: Optional[Token] = None
) -> Optional[EventDate]:
    """The date of the cue's clause (its words) outside the content and speaker (character ranges).

    With ``cue`` given, only a date that modifies the cue verb itself counts.
    """
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
        if cue is not None:
            span = cue_clause.doc.char_span(expression.start, expression.end, alignment_mode="expand")
            if span is None or not _modifies_cue(cue, span) or (inside_quotation(span) and not inside_quotation(cue_clause.doc[cue.i: cue.i + 1])):
                continue  # "pledged to oppose it “today, tomorrow, forever”": the quoted words' date
        date = event_date(expression)
        if date is not None:
            candidates.append((expression, date))
    if not candidates:
        return None
    # The most precise value; of equal ones, the text that writes the date out ("on Wednesday
    # (August 28, 2024)" gives "August 28, 2024").
    _, best = max(candidates, key=lambda pair: (_precision(pair[0].value), pair[1].basis == "explicit"))
    return best
