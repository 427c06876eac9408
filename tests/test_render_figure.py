"""The timeline figure: every dated event placed, labels never overlapping, in both formats."""

import datetime as dt
import io

import pytest
from docx import Document

from briefgen.model import EventDate
from briefgen.render.docx_writer import render_docx
from briefgen.render.figure import LABEL_SIZE, TextShape, layout_figure
from briefgen.render.fonts import font_chain
from briefgen.render.memo import build_memo
from briefgen.render.options import RenderOptions
from briefgen.render.pdf_writer import render_pdf
from briefgen.templates import load_template
from fixtures import load


def spread_events(count: int, days_apart: int = 9):
    briefing = load("hard_text_briefing")
    events = []
    for index in range(count):
        day = (dt.date(2019, 1, 1) + dt.timedelta(days=index * days_apart)).isoformat()
        date = EventDate(value=day, granularity="day", start=day, end=day, text="")
        events.append(briefing.events[index % 3].model_copy(update={"id": f"E{index + 1}", "date": date}))
    return briefing.model_copy(update={"events": events})


def label_boxes(figure):
    """(left, bottom, right, top) of each two-line label, from its top line's shape."""
    chain = font_chain("PT Sans")
    boxes = []
    texts = [s for s in figure.shapes if isinstance(s, TextShape) and s.size == LABEL_SIZE]
    for top, bottom in zip(texts[0::2], texts[1::2]):
        from briefgen.render.figure import _positioned_runs
        from reportlab.pdfbase.pdfmetrics import stringWidth
        widths = [sum(stringWidth(run, font, LABEL_SIZE) for _, font, run in _positioned_runs(line, chain))
                  for line in (top, bottom)]
        boxes.append((top.x, bottom.y - 2, top.x + max(widths), top.y + LABEL_SIZE))
    return boxes


@pytest.mark.parametrize("count", [3, 12, 60, 300])
def test_labels_never_overlap_and_every_event_is_shown(count):
    memo = build_memo(spread_events(count), load_template("brief"), RenderOptions())
    figure = layout_figure(memo, font_chain("PT Sans"), 450)
    boxes = label_boxes(figure)
    for index, a in enumerate(boxes):
        assert 0 <= a[0] and a[2] <= 450 + 0.5
        for b in boxes[index + 1:]:
            overlap = a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]
            assert not overlap, (a, b)
    shown = "".join(s.text for s in figure.shapes if isinstance(s, TextShape))
    # Every event is in a label of its own or in a cluster whose range names it.
    assert str(count) in shown and "1 ·" in shown or "1–" in shown


def test_a_few_events_keep_their_own_labels():
    memo = build_memo(spread_events(3, days_apart=200), load_template("memo"), RenderOptions())
    figure = layout_figure(memo, font_chain("PT Serif"), 450)
    tops = [s.text for s in figure.shapes if isinstance(s, TextShape) and s.bold]
    assert [t.split(" · ")[0] for t in tops] == ["1", "2", "3"]


def test_no_figure_without_dated_events():
    briefing = load("realistic_briefing")
    undated = briefing.model_copy(update={"events": [briefing.events[4]]})
    memo = build_memo(undated, load_template("memo"), RenderOptions())
    assert "figure" not in [s.id for s in memo.sections]


def test_figure_is_vector_in_pdf_and_a_picture_in_docx():
    briefing = spread_events(12)
    pdf = render_pdf(briefing, load_template("memo"), RenderOptions())
    assert b"/Subtype /Image" not in pdf  # drawn with vector shapes, not embedded as a bitmap
    from pypdf import PdfReader
    outline = [item.title for item in PdfReader(io.BytesIO(pdf)).outline if not isinstance(item, list)]
    assert "Timeline at a glance" in outline
    document = Document(io.BytesIO(render_docx(briefing, load_template("memo"), RenderOptions())))
    assert len(document.inline_shapes) == 1
    captions = [p.text for p in document.paragraphs if p.style.name == "Caption"]
    assert captions and captions[0].startswith("Events on a time axis")
