"""TimeML in and out: annotated documents for evaluation, and tagged text for TempEval tools."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from briefgen.extract.temporal.timex import Timex


@dataclass(frozen=True)
class TimeMLDocument:
    """A TimeML file read back: the plain text of its TEXT element and the TIMEX3s inside it.

    ``text`` is the TEXT content with every tag removed; the offsets of ``timexes`` point
    into it. ``dct`` is the day of the document creation time, when the file gives one.
    """

    doc_id: str
    text: str
    dct: dt.date | None
    timexes: list[Timex]


def _day_of(value: str | None) -> dt.date | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _collect(element: ET.Element, parts: list[str], offset: int, found: list[Timex]) -> int:
    """Append the text under ``element`` to ``parts``, noting where each TIMEX3 lies."""
    if element.text:
        parts.append(element.text)
        offset += len(element.text)
    for child in element:
        start = offset
        offset = _collect(child, parts, offset, found)
        if child.tag == "TIMEX3":
            text = "".join(parts)[start:offset]
            found.append(
                Timex(
                    start=start,
                    end=offset,
                    text=text,
                    type=child.get("type", ""),
                    value=child.get("value", ""),
                    mod=child.get("mod"),
                )
            )
        if child.tail:
            parts.append(child.tail)
            offset += len(child.tail)
    return offset


def parse_timeml(source: str) -> TimeMLDocument:
    """Read a TimeML document from its XML text."""
    root = ET.fromstring(source)
    doc_id = (root.findtext("DOCID") or "").strip()
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _day_of(timex.get("value"))
            break
    text_element = root.find("TEXT")
    if text_element is None:
        return TimeMLDocument(doc_id, "", dct, [])
    parts: list[str] = []
    found: list[Timex] = []
    _collect(text_element, parts, 0, found)
    found.sort(key=lambda t: (t.start, t.end))
    return TimeMLDocument(doc_id, "".join(parts), dct, found)


def read_timeml(path: Path) -> TimeMLDocument:
    document = parse_timeml(Path(path).read_text(encoding="utf-8"))
    if not document.doc_id:
        document = TimeMLDocument(Path(path).stem, document.text, document.dct, document.timexes)
    return document


def timeml_expressions(timexes: list[Timex]) -> list[Timex]:
    """The TIMEX3s that TimeML writes for tagged expressions: a range ("from 2001 to 2009")
    is two of them, one for each end, the words between them left outside."""
    expressions = []
    for timex in timexes:
        expressions.extend(timex.parts or (timex,))
    return expressions


def to_timeml(text: str, timexes: list[Timex], dct: dt.date | None) -> str:
    """The text with inline TIMEX3 tags, as a TimeML document carrying the DCT.

    Timexes must not overlap (``tag_doc`` guarantees it); a range is written as its two
    ends. ``tid`` numbers follow the order of the text; the DCT, when known, is ``t0``.
    """
    pieces = []
    position = 0
    for number, timex in enumerate(sorted(timeml_expressions(timexes), key=lambda t: t.start), start=1):
        if timex.start < position:
            raise ValueError(f"overlapping temporal expressions at offset {timex.start}")
        pieces.append(escape(text[position:timex.start]))
        attributes = f'tid="t{number}" type={quoteattr(timex.type)} value={quoteattr(timex.value)}'
        if timex.mod:
            attributes += f" mod={quoteattr(timex.mod)}"
        pieces.append(f"<TIMEX3 {attributes}>{escape(text[timex.start:timex.end])}</TIMEX3>")
        position = timex.end
    pieces.append(escape(text[position:]))
    if dct is not None:
        dct_element = (
            f'<DCT><TIMEX3 tid="t0" type="DATE" value="{dct.isoformat()}" temporalFunction="false" '
            f'functionInDocument="CREATION_TIME">{dct.isoformat()}</TIMEX3></DCT>\n'
        )
    else:
        dct_element = ""
    return (
        '<?xml version="1.0" ?>\n<TimeML>\n'
        f"{dct_element}<TEXT>{''.join(pieces)}</TEXT>\n</TimeML>\n"
    )
