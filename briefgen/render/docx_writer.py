"""The editable memo: a DOCX built on Word's own styles.

Every paragraph and run gets a named style (Title, Heading 1-2, List Bullet, Quote, Caption,
and a few briefgen styles such as "Memo Field" and "Table Text") rather than direct
formatting, so a reader restyles the whole memo from Word's Styles pane. The house style's
fonts and colours are written into those styles, not onto the text. With a reference
document (``--reference-docx``, as in pandoc) its styles, page setup, headers and footers
are kept as they are and only the missing styles are added.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import Optional

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Mm, Pt, RGBColor
from docx.text.paragraph import Paragraph

from briefgen.assemble.digest import Digest
from briefgen.errors import TemplateError
from briefgen.model import Briefing
from briefgen.render.figure import layout_figure, to_png
from briefgen.render.fonts import font_chain
from briefgen.render.memo import Memo, Section, Statement, build_memo
from briefgen.render.options import RenderOptions
from briefgen.render.text import clean, truncate, xml_safe
from briefgen.templates import Template

PAPER_MM = {"a4": (210, 297), "letter": (215.9, 279.4)}
TABLE_STYLE = "Memo Table"
# Word stores zip entries with DOS timestamps, which cannot go before 1980.
_EARLIEST_ZIP_TIME = (1980, 1, 1, 0, 0, 0)

CORE_PROPERTY_LIMIT = 255
# What Word keeps as elements of their own inside a run rather than as text.
_RUN_BREAKS = re.compile(r"(\t|\n|\r)")


def _hex(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


class DocxMemo:
    def __init__(self, memo: Memo):
        self.memo = memo
        self.template: Template = memo.template
        self.reference = memo.reference_docx
        try:
            self.doc = Document(str(self.reference)) if self.reference else Document()
        except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
            raise TemplateError(f"reference_docx: not a usable Word document ({exc})", where=str(self.reference)) from None
        self._bookmark_id = 0
        self._style_ids: dict[str, str] = {}

    # -- styles ---------------------------------------------------------------------------

    def _style(self, name: str, kind: WD_STYLE_TYPE, base: Optional[str] = None):
        """The named style, created (based on ``base``) when the document lacks it."""
        styles = self.doc.styles
        if name in [s.name for s in styles]:
            return styles[name], False
        style = styles.add_style(name, kind)
        if base:
            style.base_style = styles[base]
        style.quick_style = True
        return style, True

    def _set_fonts(self, style, latin: str) -> None:
        """Latin, East Asian and complex-script fonts, so Word picks a face per script."""
        fonts = self.template.fonts
        style.font.name = latin
        rpr = style.element.get_or_add_rPr()
        rfonts = rpr.find(qn("w:rFonts"))
        if rfonts is None:
            rfonts = OxmlElement("w:rFonts")
            rpr.insert(0, rfonts)
        rfonts.set(qn("w:eastAsia"), fonts.docx_east_asian)
        rfonts.set(qn("w:cs"), fonts.docx_complex_script)
        for theme_attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
            rfonts.attrib.pop(qn(theme_attr), None)

    def _prepare_styles(self) -> None:
        fonts, colours = self.template.fonts, self.template.colours
        own_styles = self.reference is None
        if own_styles:
            normal = self.doc.styles["Normal"]
            self._set_fonts(normal, fonts.docx_body)
            normal.font.size = Pt(fonts.body_size)
            normal.font.color.rgb = _hex(colours.text)
            normal.paragraph_format.space_after = Pt(fonts.body_size * 0.5)
            normal.paragraph_format.widow_control = True
            for name, size in (("Title", fonts.title_size), ("Heading 1", fonts.heading_size),
                               ("Heading 2", fonts.body_size * 1.1)):
                style = self.doc.styles[name]
                self._set_fonts(style, fonts.docx_heading)
                style.font.size = Pt(size)
                style.font.color.rgb = _hex(colours.accent if name != "Heading 2" else colours.text)
                style.font.bold = True
                style.paragraph_format.keep_with_next = True
            title = self.doc.styles["Title"]
            title.paragraph_format.space_after = Pt(fonts.title_size * 0.5)
            # The default Title has a heavy bottom border and expanded spacing; a memo title is plain.
            ppr = title.element.get_or_add_pPr()
            for border in ppr.findall(qn("w:pBdr")):
                ppr.remove(border)
            quote = self.doc.styles["Quote"]
            quote.font.color.rgb = _hex(colours.text)
            quote.paragraph_format.left_indent = Mm(8)
            caption = self.doc.styles["Caption"]
            caption.font.color.rgb = _hex(colours.muted)
            caption.font.size = Pt(fonts.small_size)

        def paragraph_style(name: str, base: str, setup) -> None:
            style, created = self._style(name, WD_STYLE_TYPE.PARAGRAPH, base)
            if created:
                setup(style)

        def character_style(name: str, setup) -> None:
            style, created = self._style(name, WD_STYLE_TYPE.CHARACTER)
            if created:
                setup(style)

        def classification(style) -> None:
            style.font.bold = True
            style.font.size = Pt(fonts.small_size + 1)
            style.font.color.rgb = _hex(colours.classification)
            style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
            style.paragraph_format.space_after = Pt(2)

        def memo_field(style) -> None:
            style.paragraph_format.space_after = Pt(2)
            style.paragraph_format.tab_stops.add_tab_stop(Mm(28), WD_TAB_ALIGNMENT.LEFT)
            style.paragraph_format.left_indent = Mm(28)
            style.paragraph_format.first_line_indent = Mm(-28)

        def small(style) -> None:
            style.font.size = Pt(fonts.small_size)
            style.font.color.rgb = _hex(colours.muted)
            style.paragraph_format.space_after = Pt(2)

        def table_text(style) -> None:
            style.font.size = Pt(fonts.body_size * 0.92)
            style.paragraph_format.space_after = Pt(0)

        def table_heading(style) -> None:
            style.font.bold = True
            style.font.color.rgb = _hex(_header_text_colour(colours))
            style.paragraph_format.keep_with_next = True

        def flag_note(style) -> None:
            style.font.size = Pt(fonts.small_size)
            style.font.italic = True
            style.font.color.rgb = _hex(colours.muted)
            style.paragraph_format.space_after = Pt(0)

        def speaker_role(style) -> None:
            style.font.italic = True
            style.font.color.rgb = _hex(colours.muted)
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.space_after = Pt(3)

        def statement(style) -> None:
            style.paragraph_format.left_indent = Mm(8)

        def source_entry(style) -> None:
            style.paragraph_format.left_indent = Mm(10)
            style.paragraph_format.first_line_indent = Mm(-10)

        def figure(style) -> None:
            style.paragraph_format.keep_with_next = True
            style.paragraph_format.space_after = Pt(2)

        def running_title(style) -> None:
            style.font.size = Pt(fonts.small_size)
            style.font.color.rgb = _hex(colours.muted)

        def hyperlink(style) -> None:
            style.font.color.rgb = _hex(colours.accent)
            style.font.underline = True

        def marker(style) -> None:
            style.font.color.rgb = _hex(colours.marker)
            style.font.bold = True

        paragraph_style("Classification", "Normal", classification)
        paragraph_style("Memo Field", "Normal", memo_field)
        paragraph_style("Legend", "Normal", small)
        paragraph_style("Table Text", "Normal", table_text)
        paragraph_style("Table Heading", "Table Text", table_heading)
        paragraph_style("Flag Note", "Table Text", flag_note)
        paragraph_style("Speaker Role", "Normal", speaker_role)
        paragraph_style("Statement", "Normal", statement)
        paragraph_style("Source Entry", "Normal", source_entry)
        paragraph_style("Running Title", "Normal", running_title)
        paragraph_style("Figure", "Normal", figure)
        character_style("Hyperlink", hyperlink)
        character_style("Check Marker", marker)
        self._table_style()

    def _table_style(self) -> None:
        """A table style with a shaded, bold header row and banded rows, in the house colours."""
        if TABLE_STYLE in [s.name for s in self.doc.styles]:
            return
        colours = self.template.colours
        header_fill = colours.table_header_background.lstrip("#")
        stripe = colours.table_stripe.lstrip("#")
        rule = colours.rule.lstrip("#")
        header_text = _header_text_colour(colours).lstrip("#")
        xml = f"""
<w:style {nsdecls('w')} w:type="table" w:customStyle="1" w:styleId="MemoTable">
  <w:name w:val="{TABLE_STYLE}"/>
  <w:basedOn w:val="TableNormal"/>
  <w:uiPriority w:val="40"/>
  <w:qFormat/>
  <w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>
  <w:tblPr>
    <w:tblStyleRowBandSize w:val="1"/>
    <w:tblBorders>
      <w:top w:val="single" w:sz="8" w:space="0" w:color="{rule}"/>
      <w:bottom w:val="single" w:sz="8" w:space="0" w:color="{rule}"/>
      <w:insideH w:val="single" w:sz="2" w:space="0" w:color="D0D0D0"/>
    </w:tblBorders>
    <w:tblCellMar>
      <w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/>
      <w:bottom w:w="60" w:type="dxa"/><w:right w:w="80" w:type="dxa"/>
    </w:tblCellMar>
  </w:tblPr>
  <w:tblStylePr w:type="firstRow">
    <w:rPr><w:b/><w:color w:val="{header_text}"/></w:rPr>
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{header_fill}"/></w:tcPr>
  </w:tblStylePr>
  <w:tblStylePr w:type="band2Horz">
    <w:tcPr><w:shd w:val="clear" w:color="auto" w:fill="{stripe}"/></w:tcPr>
  </w:tblStylePr>
</w:style>"""
        self.doc.styles.element.append(parse_xml(xml))

    # -- inline helpers ---------------------------------------------------------------------

    def _style_id(self, name: str) -> str:
        # python-docx looks a style up by scanning every style on each use, which costs
        # seconds over a thousand-row table; the ids are looked up once instead.
        if name not in self._style_ids:
            self._style_ids[name] = self.doc.styles[name].style_id
        return self._style_ids[name]

    def _apply_style(self, paragraph: Paragraph, style: str) -> None:
        if paragraph._p.pPr is None:  # a new paragraph: its properties are the style alone
            properties = OxmlElement("w:pPr")
            _add_child(properties, "w:pStyle", self._style_id(style))
            paragraph._p.insert(0, properties)
        else:
            paragraph._p.style = self._style_id(style)

    def _para(self, text: str = "", style: Optional[str] = None, container=None) -> Paragraph:
        if container is None:
            # Written straight before the body's closing section properties: python-docx
            # looks for them from the start of the body for every paragraph it adds, which
            # costs a long memo (a thousand sources) seconds.
            element = OxmlElement("w:p")
            body = self.doc.element.body
            closing = body[-1] if len(body) and body[-1].tag == qn("w:sectPr") else None
            if closing is not None:
                closing.addprevious(element)
            else:
                body.append(element)
            paragraph = Paragraph(element, self.doc._body)
        else:
            paragraph = container.add_paragraph()
        if style:
            self._apply_style(paragraph, style)
        if text:
            self._run(paragraph, clean(text))
        return paragraph

    def _run(self, paragraph: Paragraph, text: str, style: Optional[str] = None) -> None:
        """Append a run of ``text`` (tabs and line breaks as Word writes them) in character
        style ``style``. Built as XML directly: python-docx's run API adds a character at a
        time, a cost that shows on a memo of thousands of runs."""
        run = OxmlElement("w:r")
        if style:
            properties = OxmlElement("w:rPr")
            _add_child(properties, "w:rStyle", self._style_id(style))
            run.append(properties)
        # Every run passes here: whatever a template label or briefing holds, no character
        # that XML forbids reaches lxml (which would refuse it).
        for piece in _RUN_BREAKS.split(xml_safe(text)):
            if piece == "\t":
                run.append(OxmlElement("w:tab"))
            elif piece in ("\n", "\r"):
                run.append(OxmlElement("w:br"))
            elif piece:
                element = OxmlElement("w:t")
                element.text = piece
                if piece != piece.strip():  # Word drops edge spaces unless told to keep them
                    element.set(qn("xml:space"), "preserve")
                run.append(element)
        paragraph._p.append(run)

    def _hyperlink(self, paragraph: Paragraph, text: str, url: Optional[str] = None,
                   anchor: Optional[str] = None) -> None:
        """A clickable run: an external URL, or a bookmark inside the document."""
        link = OxmlElement("w:hyperlink")
        if url:
            link.set(qn("r:id"), paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True))
        else:
            link.set(qn("w:anchor"), anchor)
        run = OxmlElement("w:r")
        properties = OxmlElement("w:rPr")
        style = OxmlElement("w:rStyle")
        style.set(qn("w:val"), self._style_id("Hyperlink"))
        properties.append(style)
        run.append(properties)
        text_element = OxmlElement("w:t")
        text_element.text = xml_safe(text)
        text_element.set(qn("xml:space"), "preserve")
        run.append(text_element)
        link.append(run)
        paragraph._p.append(link)

    def _refs(self, paragraph: Paragraph, refs: tuple[str, ...], more: str) -> None:
        if not refs:
            return
        self._run(paragraph, "[")
        for index, ref in enumerate(refs):
            if index:
                self._run(paragraph, ", ")
            self._hyperlink(paragraph, ref, anchor=_bookmark_name(ref))
        if more:
            self._run(paragraph, " " + more)
        self._run(paragraph, "]")

    def _bookmark(self, paragraph: Paragraph, name: str) -> None:
        """Mark the start of the paragraph as a link target named ``name``."""
        self._bookmark_id += 1
        start = OxmlElement("w:bookmarkStart")
        start.set(qn("w:id"), str(self._bookmark_id))
        start.set(qn("w:name"), name)
        end = OxmlElement("w:bookmarkEnd")
        end.set(qn("w:id"), str(self._bookmark_id))
        paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, start)
        paragraph._p.append(end)

    @staticmethod
    def _field_char(paragraph: Paragraph, kind: str) -> None:
        run = OxmlElement("w:r")
        char = OxmlElement("w:fldChar")
        char.set(qn("w:fldCharType"), kind)
        if kind == "begin":
            # Marked dirty so Word recomputes it instead of trusting the text stored here.
            char.set(qn("w:dirty"), "true")
        run.append(char)
        paragraph._p.append(run)

    def _field_start(self, paragraph: Paragraph, instruction: str) -> None:
        self._field_char(paragraph, "begin")
        instr_run = OxmlElement("w:r")
        instr = OxmlElement("w:instrText")
        instr.set(qn("xml:space"), "preserve")
        instr.text = f" {instruction} "
        instr_run.append(instr)
        paragraph._p.append(instr_run)
        self._field_char(paragraph, "separate")

    def _field(self, paragraph: Paragraph, instruction: str, placeholder: str) -> None:
        """A Word field (PAGE, NUMPAGES) that Word and LibreOffice compute when shown."""
        self._field_start(paragraph, instruction)
        self._run(paragraph, placeholder)
        self._field_char(paragraph, "end")

    def _marker(self, paragraph: Paragraph) -> None:
        self._run(paragraph, " " + self.template.marker, style="Check Marker")

    # -- page setup, header and footer --------------------------------------------------------

    def _page_setup(self) -> None:
        section = self.doc.sections[0]
        explicit_paper = self.reference is None or self.memo.paper != self.template.page.paper
        if explicit_paper:
            width, height = PAPER_MM[self.memo.paper]
            section.page_width, section.page_height = Mm(width), Mm(height)
        if self.reference is None:
            page = self.template.page
            section.top_margin, section.bottom_margin = Mm(page.margin_top_mm), Mm(page.margin_bottom_mm)
            section.left_margin, section.right_margin = Mm(page.margin_left_mm), Mm(page.margin_right_mm)
            section.header_distance = section.footer_distance = Mm(min(page.margin_top_mm, page.margin_bottom_mm) / 2.5)

    def _header_footer(self) -> None:
        section = self.doc.sections[0]
        classification = self.memo.classification
        if self.reference is None:
            # Page one carries the memo header, so the running title starts on page two.
            section.different_first_page_header_footer = True
        headers = [(section.header, self.reference is None)]
        footers = [section.footer]
        if section.different_first_page_header_footer:
            headers.insert(0, (section.first_page_header, False))
            footers.insert(0, section.first_page_footer)
        for header, running_title in headers:
            if classification:
                self._append_to(header, classification, "Classification")
            if running_title:
                self._append_to(header, self.memo.title, "Running Title")
        for footer in footers:
            page_of = self.template.labels.page_of
            if not _has_field(footer, "PAGE"):
                paragraph = self._append_to(footer, "", "Footer")
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                before, rest = page_of.split("{page}", 1)
                middle, after = rest.split("{pages}", 1) if "{pages}" in rest else (rest, "")
                self._run(paragraph, before)
                self._field(paragraph, "PAGE", "1")
                self._run(paragraph, middle)
                self._field(paragraph, "NUMPAGES", "1")
                self._run(paragraph, after)
            if classification:
                self._append_to(footer, classification, "Classification")

    def _append_to(self, part, text: str, style: str) -> Paragraph:
        """Add to a header or footer, reusing its one empty paragraph if that is all it has."""
        paragraphs = part.paragraphs
        if len(paragraphs) == 1 and not paragraphs[0].text and not paragraphs[0]._p.xpath(".//w:drawing|.//w:fldChar"):
            paragraph = paragraphs[0]
            paragraph.style = self.doc.styles[style]
            if text:
                self._run(paragraph, text)
            return paragraph
        return self._para(text, style, container=part)

    # -- sections ---------------------------------------------------------------------------

    def _heading(self, text: str, level: int, section: Optional[Section] = None) -> Paragraph:
        paragraph = self.doc.add_heading(clean(text), level=level)
        if section is not None:
            self._bookmark(paragraph, _contents_bookmark(section.id))
        return paragraph

    def _header(self, section: Section) -> None:
        if self.template.logo:
            self.doc.add_picture(str(self.template.logo), width=Mm(self.template.logo_width_mm))
        if self.template.header.title_position == "before":
            self.doc.add_paragraph(clean(self.memo.title), style="Title")
        for line in self.memo.header:
            paragraph = self._para(style="Memo Field")
            self._run(paragraph, line.label + ":", style="Strong")
            self._run(paragraph, "\t" + line.value)
        if self.template.header.title_position == "after":
            self.doc.add_paragraph(clean(self.memo.title), style="Title")

    def _contents(self, section: Section) -> None:
        """A TOC field whose stored result already lists the sections, linked to them.

        Word refreshes the field (adding page numbers) when the document opens; LibreOffice
        and viewers that never update fields still show a usable list.
        """
        # "TOC Heading" rather than Heading 1, so the contents do not list themselves.
        self._para(section.label, "TOC Heading")
        entries = [s for s in self.memo.sections if s.id not in ("header", "contents")]
        if not entries:
            return
        style, created = self._style("toc 1", WD_STYLE_TYPE.PARAGRAPH, "Normal")
        if created:
            style.paragraph_format.space_after = Pt(2)
        for index, entry in enumerate(entries):
            paragraph = self._para(style="toc 1")
            if index == 0:
                self._field_start(paragraph, 'TOC \\o "1-1" \\h \\z \\u')
            self._hyperlink(paragraph, entry.label, anchor=_contents_bookmark(entry.id))
            if index == len(entries) - 1:
                self._field_char(paragraph, "end")

    def _summary(self, section: Section) -> None:
        if self.memo.summary:
            self._heading(section.label, 1, section)
            for item in self.memo.summary:
                self._para(item, "List Bullet")

    def _notes(self, section: Section) -> None:
        if self.memo.notes:
            self._heading(section.label, 1, section)
            for note in self.memo.notes:
                self._para(note, "List Bullet")

    def _timeline(self, section: Section) -> None:
        rows = self.memo.timeline
        if not rows:
            return
        self._heading(section.label, 1, section)
        labels = self.template.labels
        table = self.doc.add_table(rows=1, cols=4)
        table.style = self.doc.styles[TABLE_STYLE]
        table.alignment = WD_TABLE_ALIGNMENT.LEFT
        for cell, text in zip(table.rows[0].cells, (labels.column_number, labels.column_date,
                                                     labels.column_event, labels.column_source)):
            self._apply_style(cell.paragraphs[0], "Table Heading")
            self._run(cell.paragraphs[0], text)
        _repeat_as_header(table.rows[0])
        # Widths first: every row added after takes its cells' widths from the table grid,
        # which spares setting each cell of a long timeline again.
        self._column_widths(table, (9, 27, None, 17))
        for row in rows:
            cells = table.add_row().cells
            number, date, event, source = (cell.paragraphs[0] for cell in cells)
            for paragraph in (number, date, event, source):
                self._apply_style(paragraph, "Table Text")
            # A key day's further statements sit under its number and date.
            if not row.continues_day:
                self._run(number, str(row.number))
                self._run(date, row.date)
            if row.flagged:
                self._marker(date)
            self._run(event, row.text)
            if row.reasons:
                self._para("; ".join(row.reasons), "Flag Note", container=cells[2])
            self._refs(source, row.refs, row.more_refs)
        for table_row in table.rows:
            _keep_row_together(table_row)
        if self.memo.legend:
            legend = self._para(style="Legend")
            self._run(legend, self.template.marker, style="Check Marker")
            self._run(legend, self.memo.legend[len(self.template.marker):])

    def _column_widths(self, table, widths_mm: tuple[Optional[float], ...]) -> None:
        """Fixed column widths: LibreOffice otherwise spreads columns evenly, and a memo with
        a long timeline grows by dozens of pages."""
        section = self.doc.sections[0]
        available = (section.page_width - section.left_margin - section.right_margin) / Mm(1)
        fixed = sum(w for w in widths_mm if w is not None)
        widths = [Mm(w if w is not None else available - fixed) for w in widths_mm]
        table.autofit = False  # w:tblLayout fixed: the widths below are the widths shown
        for column, width in zip(table.columns, widths):
            column.width = width
        for row in table.rows:
            for cell, width in zip(row.cells, widths):
                cell.width = width

    def _figure(self, section: Section) -> None:
        """The timeline figure as a picture, laid out with the PDF's fonts and geometry."""
        section_width = self.doc.sections[0]
        width_pt = (section_width.page_width - section_width.left_margin - section_width.right_margin) / Pt(1)
        chain = font_chain(self.template.fonts.pdf_body, self.template.folder)
        figure = layout_figure(self.memo, chain, width_pt)
        if figure is None:
            return
        self._heading(section.label, 1, section)
        picture = self._para(style="Figure")
        picture.add_run().add_picture(io.BytesIO(to_png(figure, chain)), width=Pt(figure.width))
        caption = self.template.labels.figure_caption
        if self.memo.figure_undated:
            caption += " " + self.template.labels.figure_undated.replace("{count}", str(self.memo.figure_undated))
        self._para(caption, "Caption")

    def _statement(self, statement: Statement) -> None:
        if statement.kind == "direct":
            paragraph = self._para(style="Quote")
            text = "“" + statement.text + "”"
        else:
            paragraph = self._para(style="Statement")
            text = statement.text
        if statement.date:
            self._run(paragraph, statement.date + ": ", style="Strong")
        self._run(paragraph, text + " ")
        self._refs(paragraph, statement.refs, statement.more_refs)
        if statement.flagged:
            self._marker(paragraph)
            self._para("; ".join(statement.reasons), "Legend")

    def _positions(self, section: Section) -> None:
        if not self.memo.speakers:
            return
        self._heading(section.label, 1, section)
        for group in self.memo.speakers:
            self._heading(group.name, 2)
            if group.description:
                self._para(group.description, "Speaker Role")
            for statement in group.statements:
                self._statement(statement)
            if group.omitted:
                self._para(self.template.labels.more_statements.replace("{count}", str(group.omitted)), "Legend")

    def _actors(self, section: Section) -> None:
        if not self.memo.actors:
            return
        self._heading(section.label, 1, section)
        for group in self.memo.actors:
            self._heading(group.label, 2)
            if any(entry.detail for entry in group.entries):
                for entry in group.entries:
                    paragraph = self._para(style="List Bullet")
                    self._run(paragraph, entry.name, style="Strong")
                    if entry.detail:
                        self._run(paragraph, " — " + entry.detail)
            else:
                self._para(" · ".join(entry.name for entry in group.entries))

    def _sources(self, section: Section) -> None:
        if not self.memo.sources:
            return
        self._heading(section.label, 1, section)
        for entry in self.memo.sources:
            paragraph = self._para(style="Source Entry")
            self._run(paragraph, entry.id, style="Strong")
            self._run(paragraph, "\t")
            self._run(paragraph, entry.title, style="Emphasis")
            if entry.details:
                self._run(paragraph, ". " + entry.details)
            if entry.url_text:
                self._run(paragraph, ". ")
                if entry.url:
                    self._hyperlink(paragraph, entry.url_text, url=entry.url)
                else:
                    self._run(paragraph, entry.url_text)
            self._bookmark(paragraph, _bookmark_name(entry.id))

    # -- assembly -------------------------------------------------------------------------

    def _clear_reference_body(self) -> None:
        """Drop a reference document's body text, keeping its final section properties."""
        body = self.doc.element.body
        for child in list(body):
            if child.tag != qn("w:sectPr"):
                body.remove(child)

    def _properties(self) -> None:
        properties = self.doc.core_properties
        created = self.memo.created.replace(tzinfo=None)
        # Word's document properties hold at most 255 characters each (python-docx refuses
        # more); a long title or author line is shortened there, not in the memo itself.
        properties.title = truncate(self.memo.title, CORE_PROPERTY_LIMIT)
        properties.subject = truncate(self.memo.subject, CORE_PROPERTY_LIMIT)
        properties.author = truncate(self.memo.author, CORE_PROPERTY_LIMIT)
        properties.last_modified_by = truncate(self.memo.author, CORE_PROPERTY_LIMIT)
        properties.keywords = truncate(", ".join(self.memo.keywords), CORE_PROPERTY_LIMIT)
        properties.category = "Briefing memo"
        properties.comments = ""
        properties.created = created
        properties.modified = created
        properties.last_printed = created
        properties.revision = 1

    def _settings(self) -> None:
        """Ask Word to refresh fields (contents, page counts) when the document opens."""
        settings = self.doc.settings.element
        if settings.find(qn("w:updateFields")) is None:
            update = OxmlElement("w:updateFields")
            update.set(qn("w:val"), "true")
            settings.append(update)

    def build(self) -> bytes:
        if self.reference is not None:
            self._clear_reference_body()
        self._prepare_styles()
        self._page_setup()
        self._header_footer()
        builders = {
            "header": self._header, "contents": self._contents, "summary": self._summary,
            "notes": self._notes, "timeline": self._timeline, "figure": self._figure,
            "positions": self._positions, "actors": self._actors, "sources": self._sources,
        }
        for section in self.memo.sections:
            builders[section.id](section)
        self._properties()
        if self.memo.has("contents"):
            self._settings()
        buffer = io.BytesIO()
        self.doc.save(buffer)
        return _normalise_zip(buffer.getvalue(), self.memo.created)


def _add_child(parent, tag: str, value: str) -> None:
    """Append ``<tag w:val="value"/>`` to ``parent``."""
    child = OxmlElement(tag)
    child.set(qn("w:val"), value)
    parent.append(child)


def _header_text_colour(colours) -> str:
    """White on a dark table header, the text colour on a light one."""
    fill = colours.table_header_background.lstrip("#")
    red, green, blue = (int(fill[i:i + 2], 16) for i in (0, 2, 4))
    return "#ffffff" if 0.299 * red + 0.587 * green + 0.114 * blue < 128 else colours.text


def _bookmark_name(source_id: str) -> str:
    return f"source_{source_id}"


def _contents_bookmark(section_id: str) -> str:
    # Word hides bookmarks whose names start with "_Toc", as it does for its own contents.
    return f"_Toc_{section_id}"


def _has_field(part, name: str) -> bool:
    return any(name in (instr.text or "").split() for instr in part._element.iter(qn("w:instrText")))


def _repeat_as_header(row) -> None:
    """Repeat the row at the top of every page the table runs onto."""
    tr_pr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _keep_row_together(row) -> None:
    """Never split a row across pages."""
    tr_pr = row._tr.get_or_add_trPr()
    tr_pr.insert(0, OxmlElement("w:cantSplit"))


def _normalise_zip(data: bytes, moment: dt.datetime) -> bytes:
    """Rewrite the package with fixed entry timestamps so equal memos are equal bytes."""
    stamp = max(_EARLIEST_ZIP_TIME, moment.timetuple()[:6])
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(item.filename))
    return out.getvalue()


def render_docx(briefing: Briefing, template: Template, options: RenderOptions,
                digest: Optional[Digest] = None) -> bytes:
    """The memo as DOCX bytes: same briefing, template and options give the same bytes."""
    return DocxMemo(build_memo(briefing, template, options, digest)).build()
