"""The editable memo: Word styles, fields, links, widths, properties, determinism."""

import io
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

from briefgen.errors import TemplateError
from briefgen.render.docx_writer import render_docx
from briefgen.render.options import RenderOptions
from briefgen.templates import load_template
from fixtures import load, with_event_count, with_sources_citing_the_first_event


def docx_bytes(briefing_name="realistic_briefing", template="memo", count=None, **options) -> bytes:
    briefing = load(briefing_name)
    if count:
        briefing = with_event_count(briefing, count)
    return render_docx(briefing, load_template(template), RenderOptions(**options))


def open_docx(data: bytes):
    return Document(io.BytesIO(data))


def headings(document) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in document.paragraphs if p.style.name in ("Title", "Heading 1", "Heading 2")]


def test_sections_in_order_on_word_styles():
    document = open_docx(docx_bytes(to="Director", from_="Analysis Unit"))
    level_one = [text for style, text in headings(document) if style == "Heading 1"]
    assert level_one == ["Bottom line up front", "Notes on coverage", "Timeline", "Timeline at a glance",
                         "Key positions", "Actors", "Sources"]
    fields = [p.text for p in document.paragraphs if p.style.name == "Memo Field"]
    assert fields[0] == "TO:\tDirector" and fields[-1].startswith("SUBJECT:\t")
    titles = [p for p in document.paragraphs if p.style.name == "Title"]
    assert len(titles) == 1
    styles_used = {p.style.name for p in document.paragraphs}
    assert {"List Bullet", "Quote", "Heading 2", "Speaker Role", "Source Entry"} <= styles_used


def test_no_direct_formatting_on_runs():
    document = open_docx(docx_bytes("hard_text_briefing"))
    for paragraph in document.paragraphs:
        for run in paragraph.runs:
            properties = run._r.rPr
            if properties is not None:
                assert [child.tag for child in properties] == [qn("w:rStyle")], paragraph.text


def test_brief_has_contents_field_listing_its_sections():
    document = open_docx(docx_bytes(template="brief"))
    body = document.element.body
    instructions = [i.text for i in body.iter(qn("w:instrText"))]
    assert any(i.strip().startswith("TOC") for i in instructions)
    entries = [p.text for p in document.paragraphs if p.style.name == "toc 1"]
    assert entries == ["Key judgements", "Chronology at a glance", "Chronology", "Who said what", "Key actors",
                       "About this brief", "References"]
    assert document.settings.element.find(qn("w:updateFields")) is not None


def test_header_and_footer_hold_classification_and_page_fields():
    document = open_docx(docx_bytes(classification="CONFIDENTIAL"))
    section = document.sections[0]
    for part in (section.header, section.first_page_header, section.footer, section.first_page_footer):
        assert "CONFIDENTIAL" in [p.text for p in part.paragraphs]
    for footer in (section.footer, section.first_page_footer):
        instructions = [i.text.strip() for i in footer._element.iter(qn("w:instrText"))]
        assert instructions == ["PAGE", "NUMPAGES"]
        assert "Page 1 of 1" in [p.text for p in footer.paragraphs]
    assert section.header.paragraphs[-1].text.startswith("South Korea and India")


def test_document_properties():
    properties = open_docx(docx_bytes(author="Desk Officer")).core_properties
    assert properties.title == "South Korea and India: Track 1.5 forum, defence ties and the Quad"
    assert properties.subject == properties.title
    assert properties.author == "Desk Officer"
    assert "Quad" in properties.keywords
    assert properties.created.isoformat().startswith("2024-08-30T09:00:00")


def test_urls_and_references_are_hyperlinks():
    document = open_docx(docx_bytes())
    body = document.element.body
    external = [h for h in body.iter(qn("w:hyperlink")) if h.get(qn("r:id"))]
    internal = [h.get(qn("w:anchor")) for h in body.iter(qn("w:hyperlink")) if h.get(qn("w:anchor"))]
    assert len(external) == 1
    target = document.part.rels[external[0].get(qn("r:id"))].target_ref
    assert target == "https://www.example.org/news/korea-india-track-1-5-forum"
    assert internal.count("source_S1") == 12
    bookmarks = [b.get(qn("w:name")) for b in body.iter(qn("w:bookmarkStart"))]
    assert "source_S1" in bookmarks


def test_unsafe_url_is_not_a_hyperlink():
    document = open_docx(docx_bytes("hard_text_briefing"))
    targets = [rel.target_ref for rel in document.part.rels.values() if rel.is_external]
    assert targets == ["https://example.org/notes?id=7&lang=en"]


def test_timeline_table_has_fixed_widths_repeating_header_and_unsplit_rows():
    document = open_docx(docx_bytes(count=40))
    table = document.tables[0]
    assert table.style.name == "Memo Table"
    assert len(table.rows) == 41
    layout = table._tbl.tblPr.find(qn("w:tblLayout"))
    assert layout.get(qn("w:type")) == "fixed"
    widths = [cell.width for cell in table.rows[5].cells]
    # Word stores widths in twips, so allow for rounding.
    for width, expected in zip(widths, (Mm(9), Mm(27), None, Mm(17))):
        if expected is not None:
            assert abs(width - expected) < Mm(0.1)
    section = document.sections[0]
    assert abs(sum(widths) - (section.page_width - section.left_margin - section.right_margin)) < Mm(1)
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)


def test_flagged_rows_carry_the_marker_and_a_legend():
    document = open_docx(docx_bytes())
    table = document.tables[0]
    assert table.rows[2].cells[1].text == "2023 †"
    assert "date inferred" in table.rows[2].cells[2].text
    legend = [p.text for p in document.paragraphs if p.style.name == "Legend"]
    assert legend[0].startswith("† Check before use")


def test_hard_text_and_many_events_render():
    document = open_docx(docx_bytes("hard_text_briefing", count=300))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "S&P <Ltd> & Co" in text and "장재복" in text and "राजेश कुमार" in text
    assert "\x07" not in text and "\x01" not in text
    assert len(document.tables[0].rows) == 301


def test_paper_size():
    assert abs(open_docx(docx_bytes()).sections[0].page_width - Mm(210)) < Mm(0.1)
    assert abs(open_docx(docx_bytes(template="brief")).sections[0].page_width - Mm(215.9)) < Mm(0.1)


@pytest.mark.parametrize("template", ["memo", "brief"])
def test_two_builds_are_byte_identical(template):
    assert docx_bytes("hard_text_briefing", template) == docx_bytes("hard_text_briefing", template)


def test_zip_entries_carry_the_memo_timestamp():
    entries = zipfile.ZipFile(io.BytesIO(docx_bytes())).infolist()
    assert {entry.date_time for entry in entries} == {(2024, 8, 30, 9, 0, 0)}


def test_reference_docx_supplies_styles_and_letterhead(tmp_path):
    reference = Document()
    reference.styles["Normal"].font.name = "Courier New"
    reference.sections[0].header.paragraphs[0].text = "MINISTRY LETTERHEAD"
    reference.add_paragraph("Body text of the reference that must not appear.")
    path = tmp_path / "house.docx"
    reference.save(str(path))

    document = open_docx(docx_bytes(reference_docx=path, classification="RESTRICTED"))
    assert document.styles["Normal"].font.name == "Courier New"
    header_text = [p.text for p in document.sections[0].header.paragraphs]
    assert header_text[0] == "MINISTRY LETTERHEAD" and "RESTRICTED" in header_text
    assert "Body text of the reference" not in "\n".join(p.text for p in document.paragraphs)
    assert "Memo Table" in [s.name for s in document.styles]


def test_broken_reference_docx_is_a_template_error(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"not a zip")
    with pytest.raises(TemplateError, match="reference_docx"):
        docx_bytes(reference_docx=path)


def test_document_properties_are_shortened_to_what_word_holds():
    briefing = load("realistic_briefing").model_copy(update={"title": "y" * 5_000})
    document = Document(io.BytesIO(render_docx(briefing, load_template("memo"), RenderOptions(author="a" * 400))))
    properties = document.core_properties
    assert len(properties.title) == 255 and properties.title.endswith("…")
    assert len(properties.author) == 255


def test_a_row_many_sources_report_shows_four_links_and_the_count_of_the_rest():
    briefing = with_sources_citing_the_first_event(load("realistic_briefing"), 7)
    document = open_docx(render_docx(briefing, load_template("memo"), RenderOptions()))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "[S1, S2, S3, S4 +3 more]" in cells


def test_runs_keep_their_edge_spaces_and_tabs_and_the_body_ends_with_its_section():
    """Runs are written as XML directly: spaces at their edges must be kept for Word, tabs
    must be tab elements, and every paragraph must come before the closing section properties."""
    document = open_docx(docx_bytes())
    body = document.element.body
    assert body[-1].tag == qn("w:sectPr")
    edged = [t for t in body.iter(qn("w:t")) if t.text != t.text.strip()]
    assert edged and all(t.get(qn("xml:space")) == "preserve" for t in edged)
    sources = [p for p in document.paragraphs if p.style.name == "Source Entry"]
    assert sources and all(p._p.find(f".//{qn('w:tab')}") is not None for p in sources)
    assert all("\t" in p.text for p in sources)
