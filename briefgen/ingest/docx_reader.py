"""Reader for Word documents (.docx), checked for hostile packaging before it is parsed.

A .docx is a zip of XML parts, which makes it a carrier for two classic attacks:

- a zip bomb: a small file whose parts unpack to gigabytes. The sizes in the zip's central
  directory are checked against :data:`MAX_UNPACKED_BYTES` before anything is unpacked;
  Python's zipfile never inflates a part past its declared size, so the check holds even
  when the sizes lie.
- XML entities: a DTD that declares entities pointing at local files or URLs, or that
  expand exponentially. Word never writes a DTD, so every XML part is scanned with
  defusedxml first and a file with any DTD is refused; python-docx's own parser does not
  resolve entities either, so no entity is ever expanded.

The text is the body in document order: each paragraph, and each table row as one
paragraph with its cells separated by " | " (a merged cell's text appears once). Tracked
insertions are read as written and tracked deletions left out, as Word shows the document
with changes accepted. Headers, footers, footnotes, comments and text boxes are not read.

Metadata: ``title`` is the core property, or else the first paragraph styled "Title";
``author`` and ``language`` are the core properties. The core ``created`` timestamp is when
the file was made, which for a statement passed between colleagues can be weeks after (or
before) publication, so it is never the publication date: it is kept as ``created``, a hint
that the date found in the text itself outranks.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from typing import Iterator, Optional

import docx
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import ParseError, iterparse
from docx.document import Document as WordDocument
from docx.table import Table
from lxml import etree

from briefgen.ingest.library_messages import describe_failure
from briefgen.ingest.metadata_dates import iso_day
from briefgen.ingest.plain import clean_paragraph, join_paragraphs
from briefgen.ingest.types import RawInput, ReaderError

# A long report with photographs unpacks to a few tens of megabytes; past this a file is
# either a zip bomb or nothing an analyst means to brief from.
MAX_UNPACKED_BYTES = 100 * 1024 * 1024
# A real document has dozens of parts; tens of thousands is a crafted archive.
MAX_PARTS = 5000
# Word 97-2003 .doc files and password-protected .docx files are OLE compound files.
OLE_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CELL_SEPARATOR = " | "

_NAMESPACES = {
    "w": "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "mc": "http://schemas.openxmlformats.org/markup-compatibility/2006",
}
_W = "{%s}" % _NAMESPACES["w"]
# The children of every run the paragraph shows: not runs in tracked deletions or moves
# away, not runs in text boxes (they belong to a drawing, not to the sentence around it),
# and not the fallback copy of content that Word also writes in a newer form.
_RUN_CONTENT = etree.XPath(
    ".//w:r[not(ancestor::w:del or ancestor::w:moveFrom or ancestor::w:txbxContent or ancestor::mc:Fallback)]/*",
    namespaces=_NAMESPACES,
)
# Run content that is text besides w:t; w:delText and w:instrText (field codes) are not.
_RUN_CHARACTERS = {f"{_W}tab": "\t", f"{_W}br": "\n", f"{_W}cr": "\n", f"{_W}noBreakHyphen": "-"}


def read_docx_document(raw: RawInput) -> RawInput:
    _check_package(raw.data)
    try:
        document = docx.Document(io.BytesIO(raw.data))
        paragraphs = list(_container_paragraphs(document.element.body, document))
    except Exception as exc:
        # python-docx trusts the package it opens: a missing part or relationship surfaces
        # as KeyError, AttributeError, ValueError and the like. Whatever goes wrong inside
        # this untrusted file refuses the file; it does not end the run.
        raise ReaderError(f"cannot read the Word document: {describe_failure(exc)}") from None
    raw.text = join_paragraphs(paragraphs)
    raw.prose_start = 0
    raw.metadata.update(_metadata(document))
    return raw


def _check_package(data: bytes) -> None:
    """Refuse what is not a zip, what would unpack too far, and any part with a DTD."""
    if data.startswith(OLE_SIGNATURE):
        raise ReaderError(
            "not a .docx: an old Word 97-2003 document or a password-protected one; save it as an unprotected .docx"
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, OSError, EOFError):
        # NotImplementedError: a zip feature Python does not read, such as a newer version.
        raise ReaderError("not a .docx: the file is not a zip archive, or the archive is damaged") from None
    if len(parts) > MAX_PARTS:
        raise ReaderError(f"the .docx holds {len(parts):,} parts, more than the {MAX_PARTS:,} briefgen accepts")
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_UNPACKED_BYTES:
        raise ReaderError(
            f"the .docx would unpack to {unpacked / 1e6:,.0f} MB, more than the "
            f"{MAX_UNPACKED_BYTES // 2**20} MB briefgen accepts (a zip bomb?)"
        )
    for part in parts:
        _refuse_dtd(archive, part)


def _refuse_dtd(archive: zipfile.ZipFile, part: zipfile.ZipInfo) -> None:
    """Refuse a part whose XML has a DTD; parts that are not XML (images) pass untouched.

    A DTD can only come before the root element, so parsing stops at the first element.
    """
    try:
        with archive.open(part) as stream:
            for _ in iterparse(stream, events=("start",), forbid_dtd=True, forbid_entities=True):
                break
    except DefusedXmlException:
        raise ReaderError(
            f"the .docx part {_name(part)} declares an XML DTD or entities, which Word never writes; refused as unsafe"
        ) from None
    except ParseError:
        return  # not XML; if python-docx needs it as XML, it will refuse it there
    except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError, RuntimeError, NotImplementedError):
        # RuntimeError: an encrypted zip member; NotImplementedError: an unknown compression;
        # ValueError: offsets that point outside the file.
        raise ReaderError(f"the .docx part {_name(part)} cannot be unpacked: the archive is damaged") from None


def _name(part: zipfile.ZipInfo) -> str:
    """A part's name fit for a one-line message, whatever bytes a damaged archive holds there."""
    return "".join(ch if ch.isprintable() else "?" for ch in part.filename)[:80]


def _container_paragraphs(container: etree._Element, parent) -> Iterator[str]:
    """Paragraph texts of a document body or table cell in order, tables row by row.

    Content controls (``w:sdt``) are entered: templates often wrap the whole text in
    one, and python-docx's own block iteration passes over them.
    """
    for child in container:
        if child.tag == f"{_W}p":
            yield _paragraph_text(child)
        elif child.tag == f"{_W}tbl":
            yield from _table_rows(Table(child, parent))
        elif child.tag == f"{_W}sdt":
            for content in child.iterchildren(f"{_W}sdtContent"):
                yield from _container_paragraphs(content, parent)


def _table_rows(table: Table) -> Iterator[str]:
    # A merged cell is handed out once per grid column and once per row it spans; its
    # XML element identifies it, so its text is kept the first time only.
    seen = set()
    for row in table.rows:
        cells = []
        for cell in row.cells:
            if cell._tc in seen:
                continue
            seen.add(cell._tc)
            text = " ".join(" ".join(p.split()) for p in _container_paragraphs(cell._tc, cell))
            if text.strip():
                cells.append(text.strip())
        yield CELL_SEPARATOR.join(cells)


def _paragraph_text(paragraph: etree._Element) -> str:
    """The paragraph as Word shows it with tracked changes accepted.

    python-docx's ``Paragraph.text`` reads only runs directly under the paragraph, which
    drops tracked insertions, content controls and simple fields.
    """
    pieces = []
    for element in _RUN_CONTENT(paragraph):
        if element.tag == f"{_W}t":
            pieces.append(element.text or "")
        else:
            pieces.append(_RUN_CHARACTERS.get(element.tag, ""))
    return "".join(pieces)


def _metadata(document: WordDocument) -> dict:
    try:
        properties = document.core_properties
        fields = {
            "title": properties.title or _title_paragraph(document),
            "author": properties.author,
            "language": properties.language,
            "created": iso_day(properties.created),
        }
    except Exception:  # metadata is a nicety; a broken properties part is ignored, the text is read
        return {}
    return {key: value.strip() for key, value in fields.items() if isinstance(value, str) and value.strip()}


def _title_paragraph(document: WordDocument) -> Optional[str]:
    for paragraph in document.paragraphs:
        if paragraph.style is not None and paragraph.style.name == "Title":
            text = clean_paragraph(_paragraph_text(paragraph._p))
            if text:
                return " ".join(text.split())
    return None

