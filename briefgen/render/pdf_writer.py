"""The printed memo: a PDF laid out with reportlab's Platypus.

Page furniture (classification line at top and bottom, running title, "Page X of Y") is
drawn once the page count is known, by a canvas that holds every page back until the end.
Headings carry outline entries, references link to the Sources list, and every piece of
article text goes through :class:`~briefgen.render.fonts.FontChain` so it is escaped and set
in a font that has its glyphs.
"""

from __future__ import annotations

import copy
import io
import time
from dataclasses import dataclass
from typing import Optional, Callable

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT
from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from briefgen.assemble.digest import Digest
from briefgen.model import Briefing
from briefgen.render.figure import layout_figure, to_drawing
from briefgen.render.fonts import font_chain
from briefgen.render.memo import Memo, Section, Statement, build_memo
from briefgen.render.options import RenderOptions
from briefgen.render.text import escape_attribute, escape_markup
from briefgen.templates import Template

PAGE_SIZES = {"a4": A4, "letter": LETTER}


@dataclass(frozen=True)
class _FixedTimeStamp:
    """Stands in for reportlab's TimeStamp so the PDF's dates are the memo's, not the clock's."""

    t: float
    YMDhms: tuple
    dhh: int = 0
    dmm: int = 0


class _Heading(Paragraph):
    """A heading that becomes an outline entry (and a contents line) where it lands."""

    def __init__(self, text: str, style: ParagraphStyle, key: str, outline_title: str, level: int):
        super().__init__(text, style)
        self.outline_key = key
        self.outline_title = outline_title
        self.outline_level = level


class _MemoDoc(BaseDocTemplate):
    def __init__(self, *args, section_pages: dict[str, int], **kwargs):
        super().__init__(*args, **kwargs)
        self.section_pages = section_pages

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _Heading):
            self.canv.bookmarkPage(flowable.outline_key)
            self.canv.addOutlineEntry(flowable.outline_title, flowable.outline_key, flowable.outline_level, closed=True)
            self.section_pages.setdefault(flowable.outline_key, self.page)


class _ContentsList(Flowable):
    """The contents: one linked line per section, its page number filled in after layout.

    Each page number is a PDF form XObject referenced here and defined once the last page
    is laid out, so the memo is laid out in one pass instead of the two a reportlab
    TableOfContents needs (which doubles the time for a long memo).
    """

    def __init__(self, entries: list[tuple[str, str]], memo: "PdfMemo"):
        super().__init__()
        self.entries = entries
        self.memo = memo
        self.style = memo.styles["toc"]

    def wrap(self, available_width, available_height):
        self.width = available_width
        self.height = len(self.entries) * self.style.leading * 1.25
        return self.width, self.height

    def draw(self):
        canvas, style = self.canv, self.style
        size, line = style.fontSize, style.leading * 1.25
        number_room = stringWidth("0000", self.memo.body.name, size)
        for index, (key, title) in enumerate(self.entries):
            y = self.height - (index + 1) * line + (line - size) / 2
            end = self.memo.draw_line(canvas, title, 0, y, size, "regular", TA_LEFT)
            canvas.setFillColor(self.memo.muted)
            dots_start, dots_end = end + 6, self.width - number_room - 4
            dot_width = stringWidth(". ", self.memo.body.name, size)
            if dots_end > dots_start:
                canvas.setFont(self.memo.body.name, size)
                canvas.drawString(dots_start, y, ". " * int((dots_end - dots_start) / dot_width))
            canvas.setFillColor(self.memo.text_colour)
            canvas.saveState()
            canvas.translate(self.width, y)
            canvas.doForm(_page_form(key))
            canvas.restoreState()
            canvas.linkRect("", key, (0, y - 2, self.width, y + size), relative=1, thickness=0)


def _page_form(key: str) -> str:
    return "page-of-" + key


def _page_canvas(decorate: Callable[[Canvas, int, int], None], finish: Callable[[Canvas], None], created: float):
    """A canvas class that draws page furniture after the last page, when the total is known."""

    class PagedCanvas(Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._doc._timeStamp = _FixedTimeStamp(created, tuple(time.gmtime(created))[:6])
            self._held_pages: list[dict] = []

        def showPage(self):
            self._held_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._held_pages)
            for number, state in enumerate(self._held_pages, start=1):
                self.__dict__.update(state)
                decorate(self, number, total)
                Canvas.showPage(self)
            finish(self)
            Canvas.save(self)

    return PagedCanvas


class PdfMemo:
    """Builds the flowables for one memo and the page furniture around them."""

    def __init__(self, memo: Memo):
        self.memo = memo
        self.template: Template = memo.template
        base = self.template.folder
        self.body = font_chain(self.template.fonts.pdf_body, base)
        self.heading = font_chain(self.template.fonts.pdf_heading, base)
        self.page_size = PAGE_SIZES[memo.paper]
        page = self.template.page
        self.margins = (page.margin_left_mm * mm, page.margin_right_mm * mm,
                        page.margin_top_mm * mm, page.margin_bottom_mm * mm)
        self.width = self.page_size[0] - self.margins[0] - self.margins[1]
        colours = self.template.colours
        self.text_colour = colors.HexColor(colours.text)
        self.accent = colors.HexColor(colours.accent)
        self.muted = colors.HexColor(colours.muted)
        self.rule = colors.HexColor(colours.rule)
        self.marker_colour = colours.marker
        self.styles = self._styles()
        self._parsed_refs: dict[tuple[tuple[str, ...], str], Paragraph] = {}
        self.section_pages: dict[str, int] = {}
        self.contents_keys: list[str] = []

    # -- styles -------------------------------------------------------------------------

    def _styles(self) -> dict[str, ParagraphStyle]:
        fonts = self.template.fonts
        size, small = fonts.body_size, fonts.small_size
        body = ParagraphStyle(
            "Body", fontName=self.body.name, fontSize=size, leading=size * 1.35, textColor=self.text_colour,
            spaceAfter=size * 0.45, allowWidows=0, allowOrphans=0, alignment=TA_LEFT,
        )
        heading_font = self.heading.face("bold")
        return {
            "body": body,
            "title": ParagraphStyle("Title", parent=body, fontName=heading_font, fontSize=fonts.title_size,
                                    leading=fonts.title_size * 1.2, textColor=self.accent, spaceBefore=4,
                                    spaceAfter=fonts.title_size * 0.5),
            "h1": ParagraphStyle("Heading1", parent=body, fontName=heading_font, fontSize=fonts.heading_size,
                                 leading=fonts.heading_size * 1.25, textColor=self.accent,
                                 spaceBefore=fonts.heading_size * 1.1, spaceAfter=fonts.heading_size * 0.45),
            "h2": ParagraphStyle("Heading2", parent=body, fontName=heading_font, fontSize=size * 1.1,
                                 leading=size * 1.4, spaceBefore=size * 0.9, spaceAfter=1, keepWithNext=1),
            "byline": ParagraphStyle("Byline", parent=body, fontName=self.body.face("italic"),
                                     textColor=self.muted, spaceAfter=size * 0.4, keepWithNext=1),
            "bullet": ParagraphStyle("Bullet", parent=body, leftIndent=14, bulletIndent=3,
                                     bulletFontName=self.body.name, spaceAfter=size * 0.35),
            "quote": ParagraphStyle("Quote", parent=body, leftIndent=16, rightIndent=10,
                                    fontName=self.body.face("italic"), spaceAfter=size * 0.5),
            "statement": ParagraphStyle("Statement", parent=body, leftIndent=16, spaceAfter=size * 0.5),
            "small": ParagraphStyle("Small", parent=body, fontSize=small, leading=small * 1.3,
                                    textColor=self.muted, spaceAfter=small * 0.4),
            "cell": ParagraphStyle("Cell", parent=body, fontSize=size * 0.92, leading=size * 1.22, spaceAfter=0),
            "cell_head": ParagraphStyle("CellHead", parent=body, fontName=self.body.face("bold"),
                                        fontSize=size * 0.92, leading=size * 1.22, spaceAfter=0,
                                        textColor=self._header_text_colour()),
            "field_label": ParagraphStyle("FieldLabel", parent=body, fontName=self.body.face("bold"), spaceAfter=0),
            "field_value": ParagraphStyle("FieldValue", parent=body, spaceAfter=0),
            "source": ParagraphStyle("Source", parent=body, leftIndent=26, firstLineIndent=-26, spaceAfter=size * 0.5),
            "toc": ParagraphStyle("Contents", parent=body, leftIndent=0, spaceAfter=2),
        }

    def _header_text_colour(self) -> colors.Color:
        """White on a dark table header, text colour on a light one."""
        background = colors.HexColor(self.template.colours.table_header_background)
        luminance = 0.299 * background.red + 0.587 * background.green + 0.114 * background.blue
        return colors.white if luminance < 0.5 else self.text_colour

    # -- inline pieces --------------------------------------------------------------------

    def _refs(self, refs: tuple[str, ...], more: str) -> str:
        """Source references as links to their entry in the Sources list, and how many more."""
        links = [f'<a href="#src-{escape_attribute(ref)}" color="{self.template.colours.accent}">{ref}</a>'
                 for ref in refs]
        if not links:
            return ""
        tail = " " + escape_markup(more) if more else ""
        return "[" + ", ".join(links) + tail + "]"

    def _refs_cell(self, refs: tuple[str, ...], more: str, style: ParagraphStyle) -> Paragraph:
        """A table cell of reference links; most rows cite the same few sources, so each
        distinct cell is parsed once and copied (parsing markup dominates long tables)."""
        if (refs, more) not in self._parsed_refs:
            self._parsed_refs[refs, more] = Paragraph(self._refs(refs, more), style)
        return copy.copy(self._parsed_refs[refs, more])

    def _marker(self) -> str:
        return f'<font color="{self.marker_colour}">{self.body.markup(self.template.marker)}</font>'

    def _reasons(self, reasons: tuple[str, ...]) -> str:
        size = self.template.fonts.small_size
        text = self.body.markup("; ".join(reasons))
        return f'<br/><font size="{size}" color="{self.template.colours.muted}"><i>{text}</i></font>'

    def _heading(self, section: Section, style: str = "h1", level: int = 0) -> _Heading:
        key = f"section-{section.id}"
        return _Heading(self.heading.markup(section.label), self.styles[style], key, section.label, level)

    def _section_start(self, section: Section) -> list[Flowable]:
        """A section heading, moved to the next page when fewer than a few lines would follow it.

        keepWithNext would not do: it keeps the heading with the whole next flowable, which
        moves a long table to a fresh page and leaves a gap.
        """
        return [CondPageBreak(self.template.fonts.heading_size * 2 + self.template.fonts.body_size * 6),
                self._heading(section)]

    # -- sections -------------------------------------------------------------------------

    def _header(self, section: Section) -> list[Flowable]:
        memo, flow = self.memo, []
        if self.template.logo:
            flow.append(self._logo())
        title = _Heading(self.heading.markup(memo.title), self.styles["title"], "section-header", memo.title, 0)
        if self.template.header.title_position == "before":
            flow.append(title)
        if memo.header:
            rows = [[Paragraph(self.body.markup(line.label + ":"), self.styles["field_label"]),
                     Paragraph(self.body.markup(line.value), self.styles["field_value"])] for line in memo.header]
            table = Table(rows, colWidths=[28 * mm, self.width - 28 * mm], hAlign="LEFT", splitInRow=1)
            table.setStyle(TableStyle([
                ("FONTNAME", (0, 0), (-1, -1), self.body.name),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("LINEBELOW", (0, -1), (-1, -1), 1.2, self.rule),
                ("BOTTOMPADDING", (0, -1), (-1, -1), 8),
            ]))
            flow += [table, Spacer(1, 8)]
        if self.template.header.title_position == "after":
            flow.append(title)
        return flow

    def _logo(self) -> Image:
        image = Image(str(self.template.logo))
        width = self.template.logo_width_mm * mm
        image.drawHeight = image.imageHeight * width / image.imageWidth
        image.drawWidth = width
        image.hAlign = "LEFT"
        return image

    def _contents(self, section: Section) -> list[Flowable]:
        entries = [(f"section-{s.id}", s.label) for s in self.memo.sections if s.id not in ("header", "contents")]
        self.contents_keys = [key for key, _ in entries]
        return self._section_start(section) + [_ContentsList(entries, self)]

    def _summary(self, section: Section) -> list[Flowable]:
        if not self.memo.summary:
            return []
        return self._section_start(section) + [
            Paragraph(self.body.markup(item), self.styles["bullet"], bulletText="•") for item in self.memo.summary
        ]

    def _notes(self, section: Section) -> list[Flowable]:
        if not self.memo.notes:
            return []
        return self._section_start(section) + [
            Paragraph(self.body.markup(note), self.styles["bullet"], bulletText="–") for note in self.memo.notes
        ]

    def _timeline(self, section: Section) -> list[Flowable]:
        rows = self.memo.timeline
        if not rows:
            return []
        labels = self.template.labels
        cell, head = self.styles["cell"], self.styles["cell_head"]
        data = [[Paragraph(self.body.markup(text), head) for text in
                 (labels.column_number, labels.column_date, labels.column_event, labels.column_source)]]
        number_width, date_width, source_width = 9 * mm, 27 * mm, 17 * mm
        padding = 8  # left plus right cell padding, from the table style below
        for row in rows:
            # A plain string cell costs a fraction of a Paragraph, which matters over a
            # thousand rows; it is used where nothing needs markup, fallback or wrapping.
            # A key day's further statements sit under its number and date.
            shown_date = "" if row.continues_day else row.date
            if not row.flagged and self.body.fits_primary(shown_date) and \
                    stringWidth(shown_date, self.body.name, cell.fontSize) <= date_width - padding:
                date = shown_date
            else:
                date = Paragraph(self.body.markup(shown_date) + (" " + self._marker() if row.flagged else ""), cell)
            event = self.body.markup(row.text) + (self._reasons(row.reasons) if row.reasons else "")
            number = "" if row.continues_day else str(row.number)
            data.append([number, date, Paragraph(event, cell), self._refs_cell(row.refs, row.more_refs, cell)])
        widths = [number_width, date_width, self.width - number_width - date_width - source_width, source_width]
        # splitInRow: a row taller than a page (an unbroken 20,000-character "word" in a
        # summary) continues on the next page instead of failing the whole memo.
        table = Table(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitInRow=1)
        colours = self.template.colours
        table.setStyle(TableStyle([
            # Cells hold Paragraphs, but the table still selects a cell font; without this it
            # would pull in an unembedded Helvetica.
            ("FONTNAME", (0, 0), (-1, -1), self.body.name),
            ("FONTSIZE", (0, 0), (-1, -1), cell.fontSize),
            ("LEADING", (0, 0), (-1, -1), cell.leading),
            ("TEXTCOLOR", (0, 0), (-1, -1), self.text_colour),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor(colours.table_header_background)),
            *self._stripes(rows, colors.HexColor(colours.table_stripe)),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, self.rule),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.HexColor("#d0d0d0")),
            ("LEFTPADDING", (0, 0), (-1, -1), 4),
            ("RIGHTPADDING", (0, 0), (-1, -1), 4),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        ]))
        flow: list[Flowable] = self._section_start(section) + [table]
        if self.memo.legend:
            flow.append(Spacer(1, 4))
            legend = self.memo.legend.replace(self.template.marker, "", 1).strip()
            flow.append(Paragraph(self._marker() + " " + self.body.markup(legend), self.styles["small"]))
        return flow

    @staticmethod
    def _stripes(rows, stripe: colors.Color) -> list[tuple]:
        """Every other entry on a tinted ground; a key day's statements share their day's."""
        if not any(row.continues_day for row in rows):
            return [("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, stripe])]
        return [("BACKGROUND", (0, index), (-1, index), stripe)
                for index, row in enumerate(rows, start=1) if row.number % 2 == 0]

    def _figure(self, section: Section) -> list[Flowable]:
        figure = layout_figure(self.memo, self.body, self.width)
        if figure is None:
            return []
        caption = self.template.labels.figure_caption
        if self.memo.figure_undated:
            caption += " " + self.template.labels.figure_undated.replace("{count}", str(self.memo.figure_undated))
        drawing = to_drawing(figure, self.body)
        return [KeepTogether(self._section_start(section) + [drawing, Spacer(1, 4),
                                                             Paragraph(self.body.markup(caption), self.styles["small"])])]

    def _statement(self, statement: Statement) -> Paragraph:
        if statement.kind == "direct":
            text = "“" + self.body.markup(statement.text) + "”"
            style = self.styles["quote"]
        else:
            text = self.body.markup(statement.text)
            style = self.styles["statement"]
        if statement.date:
            text = f"<b>{self.body.markup(statement.date)}</b>: " + text
        text += " " + self._refs(statement.refs, statement.more_refs)
        if statement.flagged:
            text += " " + self._marker() + self._reasons(statement.reasons)
        return Paragraph(text, style)

    def _positions(self, section: Section) -> list[Flowable]:
        if not self.memo.speakers:
            return []
        flow: list[Flowable] = []
        for index, group in enumerate(self.memo.speakers):
            speaker = Section(f"speaker-{index}", group.name)
            intro = self._section_start(section) if index == 0 else []
            intro.append(self._heading(speaker, "h2", level=1))
            if group.description:
                intro.append(Paragraph(self.body.markup(group.description), self.styles["byline"]))
            statements = [self._statement(s) for s in group.statements]
            # A speaker's name (and the section heading above the first one) never ends a
            # page without their first statement under it.
            flow.append(KeepTogether(intro + statements[:1]))
            flow += statements[1:]
            if group.omitted:
                more = self.template.labels.more_statements.replace("{count}", str(group.omitted))
                flow.append(Paragraph(self.body.markup(more), self.styles["small"]))
        if self.memo.legend and not self.memo.has("timeline"):
            flow.append(Paragraph(self.body.markup(self.memo.legend), self.styles["small"]))
        return flow

    def _actors(self, section: Section) -> list[Flowable]:
        if not self.memo.actors:
            return []
        flow: list[Flowable] = self._section_start(section)
        for group in self.memo.actors:
            flow.append(Paragraph(self.heading.markup(group.label), self.styles["h2"]))
            if any(entry.detail for entry in group.entries):
                for entry in group.entries:
                    text = f"<b>{self.body.markup(entry.name)}</b>"
                    if entry.detail:
                        text += " — " + self.body.markup(entry.detail)
                    flow.append(Paragraph(text, self.styles["bullet"], bulletText="•"))
            else:
                names = " · ".join(self.body.markup(entry.name) for entry in group.entries)
                flow.append(Paragraph(names, self.styles["body"]))
        return flow

    def _sources(self, section: Section) -> list[Flowable]:
        if not self.memo.sources:
            return []
        flow: list[Flowable] = self._section_start(section)
        for entry in self.memo.sources:
            text = f'<a name="src-{escape_attribute(entry.id)}"/><b>{entry.id}</b>&nbsp;&nbsp;'
            text += f"<i>{self.body.markup(entry.title)}</i>"
            if entry.details:
                text += ". " + self.body.markup(entry.details)
            if entry.url_text:
                shown = self.body.markup(entry.url_text)
                if entry.url:
                    shown = f'<a href="{escape_attribute(entry.url)}" color="{self.template.colours.accent}">{shown}</a>'
                text += ". " + shown
            flow.append(Paragraph(text, self.styles["source"]))
        return flow

    # -- assembly -------------------------------------------------------------------------

    def story(self) -> list[Flowable]:
        builders = {
            "header": self._header, "contents": self._contents, "summary": self._summary,
            "notes": self._notes, "timeline": self._timeline, "figure": self._figure,
            "positions": self._positions, "actors": self._actors, "sources": self._sources,
        }
        flow: list[Flowable] = []
        for section in self.memo.sections:
            flow += builders[section.id](section)
        return flow

    def decorate(self, canvas: Canvas, page: int, total: int) -> None:
        """Classification line top and bottom, running title, page numbers."""
        width, height = self.page_size
        left, right, top, bottom = self.margins
        small = self.template.fonts.small_size
        canvas.saveState()
        classification = self.memo.classification
        if classification:
            canvas.setFillColor(colors.HexColor(self.template.colours.classification))
            self.draw_line(canvas, classification, width / 2, height - top / 2 - 3, small + 1, "bold", TA_CENTER)
            self.draw_line(canvas, classification, width / 2, bottom / 2 - 3, small + 1, "bold", TA_CENTER)
        canvas.setFillColor(self.muted)
        canvas.setStrokeColor(self.rule)
        canvas.setLineWidth(0.4)
        if page > 1:
            title = self.memo.title if len(self.memo.title) <= 90 else self.memo.title[:89] + "…"
            self.draw_line(canvas, title, left, height - top + 10, small, "regular", TA_LEFT)
            canvas.line(left, height - top + 6, width - right, height - top + 6)
        canvas.line(left, bottom - 8, width - right, bottom - 8)
        page_text = self.template.labels.page_of.replace("{page}", str(page)).replace("{pages}", str(total))
        self.draw_line(canvas, page_text, width - right, bottom - 19, small, "regular", "right")
        canvas.restoreState()

    def define_page_forms(self, canvas: Canvas) -> None:
        """Page numbers for the contents list, now that every heading has a page."""
        for key in self.contents_keys:
            # The number is drawn right-aligned at the origin, so the box lies left of it.
            canvas.beginForm(_page_form(key), lowerx=-60, lowery=-5, upperx=0, uppery=30)
            canvas.setFont(self.body.name, self.styles["toc"].fontSize)
            canvas.setFillColor(self.text_colour)
            canvas.drawRightString(0, 0, str(self.section_pages.get(key, "")))
            canvas.endForm()

    def draw_line(self, canvas: Canvas, text: str, x: float, y: float, size: float, style: str, align) -> float:
        """Draw one line with font fallback; align is TA_LEFT, TA_CENTER or "right".

        Returns where the line ends on the right."""
        runs = [(self.body.run_font(choice, style), run) for choice, run in self.body.runs(text)]
        total = sum(stringWidth(run, font, size) for font, run in runs)
        if align == TA_CENTER:
            x -= total / 2
        elif align == "right":
            x -= total
        for font, run in runs:
            canvas.setFont(font, size)
            canvas.drawString(x, y, run)
            x += stringWidth(run, font, size)
        return x

    def build(self) -> bytes:
        memo = self.memo
        buffer = io.BytesIO()
        left, right, top, bottom = self.margins
        doc = _MemoDoc(
            buffer, pagesize=self.page_size, leftMargin=left, rightMargin=right, topMargin=top,
            bottomMargin=bottom, title=memo.title, author=memo.author, subject=memo.subject,
            keywords=list(memo.keywords), creator="briefgen", invariant=1, lang="en",
            initialFontName=self.body.name, initialFontSize=self.template.fonts.body_size,
            displayDocTitle=True, section_pages=self.section_pages,
        )
        frame = Frame(left, bottom, self.width, self.page_size[1] - top - bottom, id="body",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="page", frames=[frame])])
        canvasmaker = _page_canvas(self.decorate, self.define_page_forms, memo.created.timestamp())
        doc.build(self.story(), canvasmaker=canvasmaker)
        return buffer.getvalue()


def render_pdf(briefing: Briefing, template: Template, options: RenderOptions,
                digest: Optional[Digest] = None) -> bytes:
    """The memo as PDF bytes: same briefing, template and options give the same bytes."""
    return PdfMemo(build_memo(briefing, template, options, digest)).build()
