"""The named entities of a parsed document, read once per document.

spaCy builds ``Doc.ents`` afresh on every access, and ``Span.ents`` walks all of them, so a
step that asks once per statement or per mention costs entities × statements. These helpers
read the entities once per ``Doc`` (kept in its ``user_data``, which goes when the Doc goes)
and find the ones in a span or at a token by bisection.
"""

from __future__ import annotations

import bisect
from typing import Optional

from spacy.tokens import Doc, Span, Token

_KEY = "briefgen.entities"


def _table(doc: Doc) -> tuple[tuple[Span, ...], list[int]]:
    table = doc.user_data.get(_KEY)
    if table is None:
        ents = tuple(doc.ents)
        table = (ents, [ent.start for ent in ents])
        doc.user_data[_KEY] = table
    return table


def entities_within(span: Span) -> list[Span]:
    """The entities entirely inside ``span``, in order (what ``span.ents`` gives)."""
    ents, starts = _table(span.doc)
    found = []
    for ent in ents[bisect.bisect_left(starts, span.start):]:
        if ent.end > span.end:
            break
        found.append(ent)
    return found


def entity_at(token: Token) -> Optional[Span]:
    """The entity ``token`` is part of, if any."""
    ents, starts = _table(token.doc)
    index = bisect.bisect_right(starts, token.i) - 1
    if index >= 0 and token.i < ents[index].end:
        return ents[index]
    return None
