"""Reading Word documents: body order, tables, tracked changes, metadata, hostile packages."""

import datetime as dt
import io
import random
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls

from briefgen.ingest import read_document
from briefgen.ingest.docx_reader import MAX_UNPACKED_BYTES, read_docx_document
from briefgen.ingest.types import RawInput, ReaderError


def read(data):
    return read_docx_document(RawInput(path=Path("statement.docx"), data=data))


def saved(document):
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def statement():
    document = docx.Document()
    document.add_paragraph("Joint Statement on Defence Cooperation", style="Title")
    first = document.add_paragraph("Seoul and New Delhi signed a roadmap.")
    first.add_run().add_break()
    first.add_run("The envoy\tspoke after the talks.")
    document.add_paragraph("")
    table = document.add_table(rows=3, cols=3)
    for row, values in zip(table.rows, [("Name", "Role", "Country"), ("Chang Jae-Bok", "Envoy", "South Korea")]):
        for cell, value in zip(row.cells, values):
            cell.text = value
    table.cell(2, 0).merge(table.cell(2, 2)).text = "Signed in New Delhi"
    document.add_paragraph("Both sides will meet again in 2025.")
    return document


def with_part(data, name, content):
    """The same package with one part's bytes replaced (or added)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != name:
                target.writestr(item, source.read(item))
        target.writestr(name, content)
    return buffer.getvalue()


def test_body_paragraphs_and_table_rows_in_document_order():
    raw = read(saved(statement()))
    assert raw.text == (
        "Joint Statement on Defence Cooperation\n\n"
        "Seoul and New Delhi signed a roadmap.\nThe envoy spoke after the talks.\n\n"
        "Name | Role | Country\n\n"
        "Chang Jae-Bok | Envoy | South Korea\n\n"
        # The merged cell spans three grid columns; its text appears once.
        "Signed in New Delhi\n\n"
        "Both sides will meet again in 2025."
    )
    assert raw.prose_start == 0


def test_vertically_merged_cell_text_appears_once():
    document = docx.Document()
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).merge(table.cell(1, 0)).text = "Delegation"
    table.cell(0, 1).text = "Seoul"
    table.cell(1, 1).text = "New Delhi"
    assert read(saved(document)).text == "Delegation | Seoul\n\nNew Delhi"


def test_tracked_insertions_are_read_and_deletions_are_not():
    document = docx.Document()
    paragraph = document.add_paragraph("The ministers agreed ")
    paragraph._p.append(parse_xml(f'<w:del {nsdecls("w")} w:id="1" w:author="A"><w:r><w:delText>not </w:delText></w:r></w:del>'))
    paragraph._p.append(parse_xml(f'<w:ins {nsdecls("w")} w:id="2" w:author="A"><w:r><w:t>today</w:t></w:r></w:ins>'))
    paragraph.add_run(".")
    assert read(saved(document)).text == "The ministers agreed today."


def test_text_inside_a_content_control_is_read():
    document = docx.Document()
    document.add_paragraph("Before the control.")
    control = parse_xml(
        f'<w:sdt {nsdecls("w")}><w:sdtPr/><w:sdtContent>'
        "<w:p><w:r><w:t>Inside the control.</w:t></w:r></w:p>"
        "</w:sdtContent></w:sdt>"
    )
    document.element.body.insert(1, control)
    assert read(saved(document)).text == "Before the control.\n\nInside the control."


def test_core_properties_are_metadata_and_created_is_only_a_hint():
    document = statement()
    document.core_properties.title = "Joint Statement"
    document.core_properties.author = "Desk Officer"
    document.core_properties.language = "en-GB"
    document.core_properties.created = dt.datetime(2024, 9, 2, 8, 30)
    meta = read(saved(document)).metadata
    assert meta == {"title": "Joint Statement", "author": "Desk Officer", "language": "en-GB", "created": "2024-09-02"}
    assert "published" not in meta


def test_title_style_paragraph_stands_in_for_a_missing_title_property():
    document = statement()
    document.core_properties.title = ""
    assert read(saved(document)).metadata["title"] == "Joint Statement on Defence Cooperation"


def test_docx_is_read_through_the_registry(tmp_path):
    path = tmp_path / "statement.docx"
    path.write_bytes(saved(statement()))
    document, warnings = read_document(path, "S1")
    assert document.source.title == "Joint Statement on Defence Cooperation"
    assert (document.source.published, document.source.published_basis) == (None, "unknown")
    assert document.text.endswith("Both sides will meet again in 2025.")
    assert warnings == []


# Hostile and broken packages


def test_zip_bomb_is_refused_from_the_central_directory():
    buffer = io.BytesIO(saved(statement()))
    with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        with archive.open("word/media/padding.bin", "w") as member:
            chunk = bytes(1024 * 1024)
            for _ in range(MAX_UNPACKED_BYTES // len(chunk) + 1):
                member.write(chunk)
    data = buffer.getvalue()
    assert len(data) < MAX_UNPACKED_BYTES // 100  # it really is a bomb: over 100:1
    with pytest.raises(ReaderError, match=r"would unpack to 10\d MB, more than the 100 MB .*zip bomb"):
        read(data)


def test_external_entity_pointing_at_a_local_file_is_never_resolved(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT", encoding="utf-8")
    original = saved(statement())
    body = zipfile.ZipFile(io.BytesIO(original)).read("word/document.xml").decode("utf-8")
    declaration = f'<!DOCTYPE w:document [<!ENTITY leak SYSTEM "{secret.as_uri()}">]>'
    body = body.replace("?>", "?>" + declaration, 1).replace("Seoul and New Delhi", "&leak;", 1)
    with pytest.raises(ReaderError, match="word/document.xml declares an XML DTD") as refused:
        read(with_part(original, "word/document.xml", body))
    assert "TOP-SECRET" not in str(refused.value)


def test_entity_expansion_in_the_core_properties_is_refused():
    original = saved(statement())
    core = zipfile.ZipFile(io.BytesIO(original)).read("docProps/core.xml").decode("utf-8")
    laughs = '<!DOCTYPE cp:coreProperties [<!ENTITY a "lol"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
    core = core.replace("?>", "?>" + laughs, 1)
    with pytest.raises(ReaderError, match="docProps/core.xml declares an XML DTD"):
        read(with_part(original, "docProps/core.xml", core))


def test_file_that_is_not_a_zip_is_refused():
    with pytest.raises(ReaderError, match="not a zip archive"):
        read(b"Minutes of the meeting, pasted as plain text.")


def test_truncated_docx_is_refused():
    data = saved(statement())
    with pytest.raises(ReaderError, match="not a zip archive, or the archive is damaged"):
        read(data[: len(data) // 2])


def test_old_word_or_password_protected_file_is_refused_by_name():
    with pytest.raises(ReaderError, match="Word 97-2003 document or a password-protected one"):
        read(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512))


def test_zip_that_is_not_a_word_document_is_refused():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("notes.txt", "not a Word document")
    with pytest.raises(ReaderError, match="cannot read the Word document"):
        read(buffer.getvalue())


def test_damaged_packages_are_read_or_refused_never_crash():
    rng = random.Random(11)
    original = saved(statement())
    for _ in range(40):
        damaged = bytearray(original)
        for _ in range(20):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        try:
            raw = read(bytes(damaged))
        except ReaderError as exc:
            assert str(exc).isprintable()  # one line, no control characters
            continue
        assert isinstance(raw.text, str)
