"""Extraction: one parsed document in, plain model objects out.

The steps run in a fixed order because each one feeds the next: the publication date is
the reference for relative dates; dates anchor events and date statements; actors resolve
who the speakers are.
"""

from __future__ import annotations

import datetime as dt
from typing import Union

from spacy.tokens import Doc

from briefgen.extract.actors.index import find_actors
from briefgen.extract.events import build_events
from briefgen.extract.positions.build import extract_positions
from briefgen.extract.published import infer_published
from briefgen.extract.temporal import tag_doc
from briefgen.ingest.metadata_dates import date_in_file_name
from briefgen.model import UNLABELLED_SOURCE_ID, Document, Event, Extraction, Position


def reference_date(doc: Doc, document: Document, *, day_first: bool = False) -> tuple[dt.date | None, str, bool]:
    """The document creation time relative dates resolve against, where it came from, and
    whether it is only guessed from the latest date the text writes."""
    source = document.source
    if source.published:
        return dt.date.fromisoformat(source.published), source.published_basis, False
    prose_start = len(document.analysis_text) - len(document.analysis_text.lstrip())
    inferred = infer_published(doc, tag_doc(doc, None, day_first=day_first), prose_start, date_in_file_name(source.path))
    if inferred is None:
        return None, "unknown", False
    return inferred.day, "inferred", inferred.guessed


def extract_document(doc: Doc, document: Document, *, day_first: bool = False) -> Extraction:
    """What ``doc`` (the parse of ``document``) holds, labelled with the document's source."""
    return extract_unlabelled(doc, document, day_first=day_first).labelled(document.source)


def extract_unlabelled(doc: Doc, document: Document, *, day_first: bool = False) -> Extraction:
    """What ``doc`` holds, citing :data:`UNLABELLED_SOURCE_ID` and no path, so that the result
    depends on the document alone (its text, its metadata and the date its file's name holds)
    and can be cached and labelled for any run (``Extraction.labelled``)."""
    warnings: list[str] = []
    dct, basis, guessed = reference_date(doc, document, day_first=day_first)
    source = document.source.model_copy(
        update={"id": UNLABELLED_SOURCE_ID, "path": "", "published": dct.isoformat() if dct else None,
                "published_basis": basis}
    )
    if dct is None:
        warnings.append("no publication date given or found; relative dates are left unresolved")
    timexes = tag_doc(doc, dct, day_first=day_first)
    actors = find_actors(doc, source.id)
    positions = extract_positions(doc, source.id, actors, dates=timexes, title=document.source.title,
                                  publisher=document.source.publisher)
    # A guessed publication date resolves relative dates (flagged below) but dates no occasion.
    events = build_events(doc, source.id, timexes, actors, positions, published=None if guessed else dct)
    if guessed:
        note = (f"relative date resolved against a publication date guessed from the latest date the text "
                f"writes ({dct.isoformat()}); check it")
        warnings.append(f"no publication date given; guessed {dct.isoformat()} from the latest date the text "
                        "writes, and relative dates resolved against it are flagged for review")
        events = [_flagged(e, note) for e in events]
        positions = [_flagged(p, note) for p in positions]
    return Extraction(source=source, events=events, positions=positions, actors=actors.actors, warnings=warnings)


def _flagged(item: Union[Event, Position], note: str) -> Union[Event, Position]:
    """``item`` with a review note when its date was resolved against a guessed publication date."""
    if item.date is None or item.date.basis != "relative":
        return item
    return item.model_copy(update={"review": [*item.review, note]})
