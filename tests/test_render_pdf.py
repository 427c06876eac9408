"""The printed memo: sections, page furniture, links, outline, fonts, determinism."""

import io
import re

import pytest
from pypdf import PdfReader

from briefgen.render import fonts
from briefgen.render.options import RenderOptions
from briefgen.render.pdf_writer import render_pdf
from briefgen.templates import load_template
from fixtures import load, with_event_count, with_sources_citing_the_first_event

A4_POINTS = (595.3, 841.9)
LETTER_POINTS = (612.0, 792.0)


def pdf(briefing_name="realistic_briefing", template="memo", count=None, **options) -> PdfReader:
    briefing = load(briefing_name)
    if count:
        briefing = with_event_count(briefing, count)
    data = render_pdf(briefing, load_template(template), RenderOptions(**options))
    return PdfReader(io.BytesIO(data))


def page_texts(reader: PdfReader) -> list[str]:
    return [page.extract_text() for page in reader.pages]


def outline_titles(reader: PdfReader) -> list[str]:
    titles = []

    def walk(items):
        for item in items:
            if isinstance(item, list):
                walk(item)
            else:
                titles.append(item.title)

    walk(reader.outline)
    return titles


def test_sections_appear_in_template_order():
    reader = pdf(to="Director", from_="Analysis Unit")
    assert outline_titles(reader) == [
        "South Korea and India: Track 1.5 forum, defence ties and the Quad", "Bottom line up front",
        "Notes on coverage", "Timeline", "Timeline at a glance", "Key positions", "Chang Jae-Bok", "Jaideep Mazumdar", "Actors", "Sources",
    ]
    first_page = page_texts(reader)[0]
    fields = [first_page.index(label) for label in ("TO:", "FROM:", "DATE:", "SUBJECT:")]
    assert fields == sorted(fields)
    assert first_page.index("SUBJECT:") < first_page.index("Bottom line up front")


def test_brief_template_renames_and_reorders_sections():
    reader = pdf(template="brief")
    assert [t for t in outline_titles(reader) if t not in ("Chang Jae-Bok", "Jaideep Mazumdar")] == [
        "South Korea and India: Track 1.5 forum, defence ties and the Quad", "Contents", "Key judgements",
        "Chronology at a glance", "Chronology", "Who said what", "Key actors", "About this brief", "References",
    ]
    text = "".join(page_texts(reader))
    assert "Bottom line up front" not in text and "TO:" not in text


def test_classification_line_on_every_page_top_and_bottom():
    reader = pdf(count=120, classification="SECRET//REL TO TEST")
    assert len(reader.pages) > 3
    for text in page_texts(reader):
        assert text.count("SECRET//REL TO TEST") == 2


def test_page_x_of_y_on_every_page():
    reader = pdf(count=120)
    total = len(reader.pages)
    for number, text in enumerate(page_texts(reader), start=1):
        assert f"Page {number} of {total}" in text


def test_outline_has_every_section_and_speaker():
    titles = outline_titles(pdf())
    for heading in ["Bottom line up front", "Notes on coverage", "Timeline", "Key positions", "Chang Jae-Bok",
                    "Jaideep Mazumdar", "Actors", "Sources"]:
        assert heading in titles


def test_metadata():
    metadata = pdf(author="Desk Officer").metadata
    assert metadata.title == "South Korea and India: Track 1.5 forum, defence ties and the Quad"
    assert metadata.author == "Desk Officer"
    assert metadata.subject == metadata.title
    assert "Chang Jae-Bok" in metadata["/Keywords"]
    assert metadata["/CreationDate"].startswith("D:20240830090000")


def test_paper_size_from_template_and_option():
    assert tuple(round(float(v), 1) for v in pdf().pages[0].mediabox[2:]) == A4_POINTS
    assert tuple(round(float(v), 1) for v in pdf(template="brief").pages[0].mediabox[2:]) == LETTER_POINTS
    assert tuple(round(float(v), 1) for v in pdf(paper="letter").pages[0].mediabox[2:]) == LETTER_POINTS


def link_annotations(reader: PdfReader):
    for page in reader.pages:
        for annotation in page.get("/Annots", []) or []:
            yield annotation.get_object()


def test_source_urls_are_clickable_and_references_link_to_sources():
    annotations = list(link_annotations(pdf()))
    uris = [a["/A"]["/URI"] for a in annotations if "/A" in a and "/URI" in a["/A"]]
    assert uris == ["https://www.example.org/news/korea-india-track-1-5-forum"]
    internal = [a for a in annotations if "/Dest" in a or ("/A" in a and a["/A"].get("/S") == "/GoTo")]
    # One link per reference: 5 timeline rows + 7 statements.
    assert len(internal) == 12


def test_unsafe_url_is_shown_but_not_linked():
    reader = pdf("hard_text_briefing")
    uris = [a["/A"]["/URI"] for a in link_annotations(reader) if "/A" in a and "/URI" in a["/A"]]
    assert uris == ["https://example.org/notes?id=7&lang=en"]
    assert "javascript:alert(1)" in "".join(page_texts(reader))


def embedded_fonts(reader: PdfReader) -> dict[str, bool]:
    fonts = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object().get("/FontDescriptor")
            descriptor = descriptor.get_object() if descriptor is not None else {}
            fonts[font["/BaseFont"]] = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
    return fonts


def test_every_font_is_embedded():
    fonts = embedded_fonts(pdf("hard_text_briefing"))
    assert fonts and all(fonts.values()), fonts
    names = " ".join(fonts)
    assert "PTSerif" in names and "NotoSansDevanagari" in names and "WenQuanYi" in names


def test_hard_text_renders_every_script_and_escapes_markup():
    reader = pdf("hard_text_briefing", count=300)
    text = "".join(page_texts(reader))
    assert "S&P <Ltd> & Co" in text
    assert "<b>not bold</b>" in text  # shown literally, not interpreted
    assert "장재복" in text
    assert "\x07" not in text
    assert len(reader.pages) > 8


def test_timeline_header_row_repeats_on_every_table_page():
    reader = pdf(count=150)
    texts = page_texts(reader)
    table_pages = [t for t in texts if re.search(r"^\d+\n28 Aug 2024", t, re.M)]
    assert len(table_pages) > 3
    for text in table_pages:
        assert "#\nDate\nEvent\nSource" in text


@pytest.mark.parametrize("template", ["memo", "brief"])
def test_two_builds_are_byte_identical(template):
    briefing = load("hard_text_briefing")
    first = render_pdf(briefing, load_template(template), RenderOptions())
    second = render_pdf(briefing, load_template(template), RenderOptions())
    assert first == second


def test_a_table_row_taller_than_a_page_continues_on_the_next(tmp_path):
    briefing = load("realistic_briefing")
    giant = "x" * 20_000  # one unbroken word: wrapped letter by letter, some metres of table cell
    events = [briefing.events[0].model_copy(update={"summary": giant})] + briefing.events[1:]
    speaker = briefing.positions[0].speaker.model_copy(update={"name": "z" * 20_000})
    positions = [briefing.positions[0].model_copy(update={"speaker": speaker})] + briefing.positions[1:]
    briefing = briefing.model_copy(update={"title": "y" * 5_000, "events": events, "positions": positions})
    path = tmp_path / "memo.pdf"
    path.write_bytes(render_pdf(briefing, load_template("memo"), RenderOptions()))
    text = "".join(page.extract_text() for page in PdfReader(str(path)).pages)
    assert text.count("x") >= 20_000  # every letter of the summary, over several pages
    # The title, shortened for its heading (running headers shorten it further).
    runs = [len(run) for run in re.findall(r"y{10,}", text.replace("\n", ""))]
    assert 290 <= max(runs) <= 300
    assert 290 <= max(len(run) for run in re.findall(r"z+", text.replace("\n", ""))) <= 300


def test_fallback_fonts_are_read_only_for_the_characters_that_need_them():
    fonts._fallback.cache_clear()
    chain = fonts.font_chain("PT Serif")
    assert chain.runs("Talks, then \u2014 \u201cdone\u201d.") == [(0, "Talks, then \u2014 \u201cdone\u201d.")]
    assert fonts._fallback.cache_info().currsize == 0
    devanagari = next(n for n, f in enumerate(fonts.FALLBACK_FAMILIES, start=1) if "Devanagari" in f.name)
    assert chain.runs("Modi: \u0928\u092e\u0938\u094d\u0924\u0947") == [(0, "Modi: "), (devanagari, "\u0928\u092e\u0938\u094d\u0924\u0947")]
    # Devanagari comes first in the chain, so the Hangul/CJK file is still unread.
    assert fonts._fallback.cache_info().currsize == devanagari


def test_a_row_many_sources_report_shows_four_links_and_the_count_of_the_rest():
    briefing = with_sources_citing_the_first_event(load("realistic_briefing"), 7)
    reader = PdfReader(io.BytesIO(render_pdf(briefing, load_template("memo"), RenderOptions())))
    text = re.sub(r"\s+", " ", " ".join(page_texts(reader)))
    assert "[S1, S2, S3, S4 +3 more]" in text
