"""Reading the text layer of PDFs: paragraphs, running heads, hyphens, metadata, hostile files."""

import io
import random
import time
import zlib
from pathlib import Path

import pytest
from pypdf import PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

from briefgen.ingest import read_document
from briefgen.ingest.pdf_reader import MAX_PAGES, read_pdf_document
from briefgen.ingest.types import RawInput, ReaderError

STYLES = getSampleStyleSheet()
LINE = 14  # points between drawn lines


def read(data):
    return read_pdf_document(RawInput(path=Path("statement.pdf"), data=data))


def typeset(story, *, header=None, footer=None, **info):
    """A PDF laid out by reportlab's Platypus, the way a word processor lays out a statement."""

    def furniture(pdf, document):
        pdf.setFont("Helvetica", 8)
        if header:
            pdf.drawString(72, 810, header)
        if footer:
            pdf.drawString(280, 30, footer.format(page=document.page))

    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A4, invariant=1, **info).build(story, onFirstPage=furniture, onLaterPages=furniture)
    return buffer.getvalue()


def drawn(pages, **options):
    """A PDF whose lines are placed one by one: each page is a list of lines, top down."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4, invariant=1, **options)
    for lines in pages:
        pdf.setFont("Helvetica", 11)
        for index, line in enumerate(lines):
            pdf.drawString(72, 760 - index * LINE, line)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def body(text):
    return Paragraph(text, STYLES["BodyText"])


FIRST = (
    "Seoul and New Delhi signed a roadmap for cooperation in defence industries on Wednesday, "
    "the ministry said in a statement issued after the talks between the two delegations."
)
SECOND = (
    "The envoy said the agreement covered shipbuilding and artillery, and that both sides would "
    "review progress at a meeting of senior officials in the first half of next year."
)


def test_paragraphs_are_rebuilt_from_line_spacing():
    raw = read(typeset([Paragraph("Joint Statement", STYLES["Heading1"]), body(FIRST), body(SECOND)]))
    assert raw.text == f"Joint Statement\n\n{FIRST}\n\n{SECOND}"
    assert raw.prose_start == 0


SECTIONS = [
    "Defence industries. " + FIRST,
    "Shipbuilding. " + SECOND,
    "Next steps. Senior officials will meet in Seoul in March to review the roadmap and report to ministers.",
]


def test_running_header_and_page_numbers_are_dropped():
    story = [item for section in SECTIONS for item in (body(section), PageBreak())]
    raw = read(typeset(story, header="Ministry of External Affairs", footer="Page {page} of 3"))
    assert raw.text.split("\n\n") == SECTIONS


def test_body_text_repeated_on_every_page_is_kept():
    story = [item for section in SECTIONS for item in (body(section), body(SECOND), PageBreak())]
    raw = read(typeset(story, footer="Page {page} of 3"))
    assert raw.text.split("\n\n") == [p for section in SECTIONS for p in (section, SECOND)]


def test_a_single_page_keeps_its_header_and_footer():
    raw = read(typeset([body(FIRST)], header="Ministry of External Affairs", footer="Page {page}"))
    # reportlab draws the page furniture before the body, and the text follows drawing order.
    assert raw.text == f"Ministry of External Affairs\n\nPage 1\n\n{FIRST}"


def test_line_end_hyphen_is_removed_only_when_the_document_spells_the_word_whole():
    raw = read(
        drawn(
            [
                [
                    "Both sides discussed defence manu-",
                    "facturing and a well-",
                    "known shipbuilding programme. Joint manufacturing",
                    "starts next year.",
                ]
            ]
        )
    )
    assert raw.text == (
        "Both sides discussed defence manufacturing and a well-known shipbuilding programme. "
        "Joint manufacturing starts next year."
    )


def test_a_hyphen_before_a_capital_is_kept():
    raw = read(drawn([["The talks covered the India-", "Korea partnership in detail."]]))
    assert raw.text == "The talks covered the India-Korea partnership in detail."


def test_a_sentence_running_over_a_page_break_stays_one_paragraph():
    # A full first page: lines down to the bottom margin, the sentence breaking after its last line.
    filler = ["The delegations reviewed the draft text of the roadmap clause by clause and"] * 46
    last_lines = ["agreed that the two countries would", "expand"]
    raw = read(drawn([filler + last_lines, ["cooperation in shipbuilding over the next five years."]]))
    assert raw.text == " ".join(filler + last_lines) + " cooperation in shipbuilding over the next five years."


def test_document_information_is_metadata_and_creation_date_only_a_hint():
    raw = read(typeset([body(FIRST)], title="Joint Statement", author="Ministry of Defence"))
    # reportlab's invariant mode dates every file 1 January 2000.
    assert raw.metadata == {"title": "Joint Statement", "author": "Ministry of Defence", "created": "2000-01-01"}


def test_a_file_name_is_not_taken_for_the_title():
    raw = read(typeset([body(FIRST)], title="Microsoft Word - statement_final_v2.docx", author="Desk"))
    assert "title" not in raw.metadata


def test_scanned_pdf_without_text_layer_is_refused():
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.rect(72, 400, 400, 300, fill=1)  # a page that is all picture, no text
    pdf.showPage()
    pdf.save()
    with pytest.raises(ReaderError, match=r"no text layer \(scanned PDF\?\)"):
        read(buffer.getvalue())


def test_pages_without_text_among_text_pages_are_reported():
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.drawString(72, 760, "The statement text is on the first page.")
    pdf.showPage()
    pdf.rect(72, 400, 400, 300, fill=1)
    pdf.showPage()
    pdf.save()
    raw = read(buffer.getvalue())
    assert raw.text == "The statement text is on the first page."
    assert raw.warnings == ["1 of 2 PDF pages have no text (scanned pages?): 2"]


def test_password_protected_pdf_is_refused():
    data = drawn([["Restricted text."]], encrypt=StandardEncryption("user-secret", "owner-secret"))
    with pytest.raises(ReaderError, match="password-protected"):
        read(data)


def test_copy_restricted_pdf_with_empty_password_is_read():
    restriction = StandardEncryption("", "owner-secret", canCopy=0, strength=128)
    assert read(drawn([["The statement may be read but not copied."]], encrypt=restriction)).text == (
        "The statement may be read but not copied."
    )


def test_aes_encrypted_pdf_with_empty_password_is_read():
    writer = PdfWriter(clone_from=io.BytesIO(drawn([["Released under AES-256."]])))
    writer.encrypt(user_password="", owner_password="owner-secret", algorithm="AES-256")
    buffer = io.BytesIO()
    writer.write(buffer)
    assert read(buffer.getvalue()).text == "Released under AES-256."


@pytest.mark.parametrize(
    "data",
    [
        b"Minutes of the meeting, pasted as plain text.",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage",
        b"",
    ],
    ids=["text", "broken-objects", "empty"],
)
def test_what_is_not_a_readable_pdf_is_refused(data):
    with pytest.raises(ReaderError):
        read(data)


def test_truncated_pdf_is_read_in_part_or_refused():
    data = typeset([body(FIRST), PageBreak(), body(SECOND)])
    try:
        raw = read(data[: len(data) // 2])
    except ReaderError as exc:
        assert str(exc).isprintable()
        return
    assert SECOND not in raw.text


def minimal_pdf(content: bytes) -> bytes:
    """A one-page PDF with the given flate-compressed content stream, xref table included."""
    stream = zlib.compress(content, 1)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + obj + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def test_hand_built_pdf_is_read():
    assert read(minimal_pdf(b"BT /F1 12 Tf 72 720 Td (Talks resumed.) Tj ET")).text == "Talks resumed."


def test_decompression_bomb_is_refused_not_inflated():
    # 200 MB of spaces (valid content-stream whitespace) compress to a few hundred kilobytes.
    bomb = minimal_pdf(b"BT /F1 12 Tf 72 720 Td (Talks resumed.) Tj ET" + b" " * 200_000_000)
    assert len(bomb) < 1_000_000
    with pytest.raises(ReaderError, match="cannot read any page of the PDF"):
        read(bomb)


def test_a_hundred_pages_read_quickly_and_completely():
    story = []
    for number in range(1, 101):
        story += [body(f"Item {number}: {FIRST}"), body(SECOND), PageBreak()]
    data = typeset(story, header="Ministry of External Affairs", footer="- {page} -")
    started = time.perf_counter()
    raw = read(data)
    elapsed = time.perf_counter() - started
    paragraphs = raw.text.split("\n\n")
    assert [p for p in paragraphs if p.startswith("Item ")] == [f"Item {n}: {FIRST}" for n in range(1, 101)]
    assert "Ministry of External Affairs" not in raw.text and "- 7 -" not in raw.text
    assert elapsed < 10, f"100 pages took {elapsed:.1f} s"


def test_page_count_is_limited(monkeypatch):
    monkeypatch.setattr("briefgen.ingest.pdf_reader.MAX_PAGES", 2)
    with pytest.raises(ReaderError, match="the PDF has 3 pages; briefgen reads up to 2, split it"):
        read(drawn([["One."], ["Two."], ["Three."]]))
    assert MAX_PAGES >= 1000  # the real limit leaves room for long reports


def test_damaged_pdfs_are_read_or_refused_never_crash():
    rng = random.Random(5)
    original = typeset([body(FIRST), body(SECOND)], title="Joint Statement")
    for _ in range(40):
        damaged = bytearray(original)
        for _ in range(10):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            raw = read(bytes(damaged))
        except ReaderError as exc:
            assert str(exc).isprintable()  # one line, no control characters
            continue
        assert isinstance(raw.text, str)


def test_pdf_is_read_through_the_registry(tmp_path):
    path = tmp_path / "statement.pdf"
    path.write_bytes(typeset([body(FIRST)], title="Joint Statement", author="MEA"))
    document, warnings = read_document(path, "S1")
    assert document.source.title == "Joint Statement"
    assert (document.source.published, document.source.published_basis) == (None, "unknown")
    assert document.text == FIRST
    assert warnings == []
