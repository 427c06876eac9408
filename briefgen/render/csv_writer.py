"""The timeline as CSV: one row per event, for a spreadsheet or another tool.

RFC 4180 (comma-separated, CRLF line ends, fields quoted where needed) in UTF-8 with a byte
order mark, which Excel needs to read non-ASCII text correctly. Article text is untrusted: a
cell that starts with ``=``, ``+``, ``-`` or ``@`` would be run as a formula by a
spreadsheet, so such a cell starts with an apostrophe instead. Cells are on one line with
whitespace collapsed, so none starts with the tab or carriage return that can do the same.
"""

from __future__ import annotations

import csv
import io

from briefgen.model import Briefing, Event
from briefgen.render.dates import event_date_label
from briefgen.render.flags import event_reasons
from briefgen.render.memo import source_name
from briefgen.render.text import clean
from briefgen.templates import Template

COLUMNS = ("number", "date", "start", "end", "granularity", "summary", "type", "actors", "sources",
           "confidence", "flags")
_FORMULA_STARTS = ("=", "+", "-", "@")
LIST_SEPARATOR = "; "


def spreadsheet_safe(value: str) -> str:
    """The cell as text a spreadsheet shows rather than evaluates."""
    return "'" + value if value.startswith(_FORMULA_STARTS) else value


def _source_label(briefing: Briefing, source_id: str) -> str:
    name = source_name(briefing.source(source_id))
    return f"{source_id} {name}" if name else source_id


def _row(number: int, event: Event, briefing: Briefing, template: Template) -> list[str]:
    sources = dict.fromkeys(span.source for span in event.evidence)
    return [
        str(number),
        event_date_label(event.date, template.date_order),
        event.date.start or "",
        event.date.end or "",
        event.date.granularity,
        event.summary,
        event.type,
        LIST_SEPARATOR.join(event.actors),
        LIST_SEPARATOR.join(_source_label(briefing, s) for s in sources),
        f"{event.confidence:.2f}",
        LIST_SEPARATOR.join(event_reasons(event, template)),
    ]


def render_csv(briefing: Briefing, template: Template) -> bytes:
    """The briefing's timeline, numbered in timeline order, as CSV bytes."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for number, event in enumerate(briefing.events, start=1):
        writer.writerow(spreadsheet_safe(clean(cell)) for cell in _row(number, event, briefing, template))
    return buffer.getvalue().encode("utf-8-sig")
