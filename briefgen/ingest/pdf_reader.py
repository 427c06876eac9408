"""Reader for the text layer of PDF files.

pypdf reads the file: it caps how far any compressed stream may inflate, so a PDF
"decompression bomb" is refused page by page instead of exhausting memory, and it opens
files encrypted with an empty user password (the common "no copying" restriction on
official statements). A PDF that needs a password, or has no text layer at all (a scan),
is refused with the reason.

A PDF holds positioned lines, not paragraphs, so three things are rebuilt:

- running headers and footers: a line in the top or bottom margin of a page that recurs
  in the margins of at least half the pages (digits aside, so "Page 3 of 9" recurs) is
  dropped from all of them; in ordinary layouts body text starts below the top margin and
  ends above the bottom one, so body lines that repeat page after page are kept;
- line-end hyphens: "manu-" + "facturing" becomes "manufacturing" only if the document
  spells "manufacturing" somewhere without a break; otherwise the hyphen stays ("well-known"
  keeps its hyphen), so no word is ever invented. A soft hyphen (U+00AD) is always removed;
- paragraph ends: where the next line sits further below than the usual line spacing, jumps
  back up the page (a new column), or changes font size (a heading). Across a page break, a
  page whose text stops well above the bottom closes its paragraph. There, and in files
  whose text positions cannot be read, a line that ends a sentence well short of the full
  line width, or a short unpunctuated line followed by a capital (a heading), closes its
  paragraph too. A missed break merges two paragraphs and a spurious one splits a
  paragraph; neither changes a character.

Metadata: the document information ``title`` (unless it is a file name such as
"Microsoft Word - draft.docx") and ``author``, and the catalogue's ``language``. The
``CreationDate`` is when the file was made, not when the statement was published; it is
kept as ``created``, a hint that a date found in the text outranks.
"""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, Optional

from pypdf import PageObject, PasswordType, PdfReader
from pypdf.errors import DependencyError

from briefgen.ingest.library_messages import describe_failure, library_warnings, one_line
from briefgen.ingest.metadata_dates import iso_day
from briefgen.ingest.plain import join_paragraphs
from briefgen.ingest.types import RawInput, ReaderError

# Past this a file is a book or a dump, not a statement, and a crafted file with a huge
# page tree would otherwise keep the reader busy for minutes.
MAX_PAGES = 2000
# The share of the page height at its top and at its bottom where running headers and
# footers sit. Word and most layout programs put them half an inch from the edge and start
# the body at one inch, so 7% (under 60 points on A4 or Letter) holds the first, not the second.
MARGIN_SHARE = 0.07
# A full page's text ends at most this share of the page height above its bottom edge.
FULL_PAGE_END_SHARE = 0.15
# A step to the next line this much larger than the usual line spacing opens a paragraph.
PARAGRAPH_GAP = 1.3
# A change of font size by more than this share separates a heading from its text.
FONT_SIZE_CHANGE = 0.15
# A line that ends a sentence and is shorter than this share of a full line ends a paragraph.
PARAGRAPH_END_SHARE = 0.8
# An unpunctuated line shorter than this share of a full line, followed by a capital, is a heading.
HEADING_SHARE = 0.6
# Typeset ligatures that some PDF fonts map to a single code point.
LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
)
# Titles that producers fill in from the file name rather than the document.
_FILE_NAME_TITLE = re.compile(
    r"^microsoft (word|powerpoint|excel) - |\.(docx?|pdf|rtf|odt|pptx?|indd|txt)$|^untitled\b", re.IGNORECASE
)
_PDF_DATE = re.compile(r"^(?:D:)?(\d{4})(\d{2})(\d{2})")
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"[.!?:][\"'”’)\]]*$")
_HYPHENS = ("-", "\u2010")


@dataclass
class _Line:
    """One line of a page as pypdf shows it, with its height on the page and its font size."""

    text: str
    y: float  # of the baseline, above the bottom edge of the visible page
    size: float
    page_height: float = 0.0

    @property
    def in_margin(self) -> bool:
        margin = MARGIN_SHARE * self.page_height
        return self.y < margin or self.y > self.page_height - margin


def read_pdf_document(raw: RawInput) -> RawInput:
    with library_warnings("pypdf") as logged:
        reader = _open(raw.data)
        metadata = _metadata(reader)
        pages, failures = _read_pages(reader)
    if failures and len(failures) == len(pages):
        raise ReaderError(f"cannot read any page of the PDF: {failures[0][1]}")
    if not any(pages):
        if logged:  # a damaged file that yields no text is not evidence of a scan
            raise ReaderError(f"no text could be read: the PDF is damaged ({one_line(logged[0])})")
        raise ReaderError("no text layer (scanned PDF?); run it through OCR first")
    raw.warnings.extend(_page_warnings(pages, failures))
    if logged:
        raw.warnings.append(f"the PDF has structural damage that was repaired while reading ({one_line(logged[0])})")
    raw.text = join_paragraphs(_paragraphs(_drop_running_lines(pages)))
    raw.prose_start = 0
    raw.metadata.update(metadata)
    return raw


def _open(data: bytes) -> PdfReader:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and reader.decrypt("") == PasswordType.NOT_DECRYPTED:
            raise ReaderError("the PDF is password-protected; open it and save an unprotected copy")
        count = len(reader.pages)
    except ReaderError:
        raise
    except DependencyError:
        raise ReaderError("the PDF is encrypted with a method this installation cannot decrypt") from None
    except Exception as exc:
        # pypdf repairs what it can; what it cannot surfaces as its own errors or as
        # KeyError, ValueError and the like from a broken object graph. Either way the
        # untrusted file is refused and the run goes on.
        raise ReaderError(f"not a readable PDF (damaged, or not a PDF at all): {describe_failure(exc)}") from None
    if count == 0:
        raise ReaderError("the PDF has no pages")
    if count > MAX_PAGES:
        raise ReaderError(f"the PDF has {count:,} pages; briefgen reads up to {MAX_PAGES:,}, split it")
    return reader


def _read_pages(reader: PdfReader) -> tuple[list[list[_Line]], list[tuple[int, str]]]:
    """Each page's non-empty lines, and the pages (1-based) that could not be read, with why."""
    pages: list[list[_Line]] = []
    failures: list[tuple[int, str]] = []
    for number, page in enumerate(reader.pages, start=1):
        try:
            pages.append(_page_lines(page))
        except Exception as exc:  # one broken or over-limit page does not cost the others
            failures.append((number, describe_failure(exc)))
            pages.append([])
    return pages, failures


def _page_lines(page: PageObject) -> list[_Line]:
    """The page's lines in content order, positioned by pypdf's text visitor.

    The visitor hands over text as pypdf lays it out, with the text and transformation
    matrices in force; a newline in that text ends a line.
    """
    lines: list[_Line] = []
    current: Optional[_Line] = None

    def visit(text: str, cm: list, tm: list, _font: object, font_size: float) -> None:
        nonlocal current
        for index, piece in enumerate(text.split("\n")):
            if index:
                _finish(current, lines)
                current = None
            if not piece:
                continue
            if current is None:
                y, scale = _placement(cm, tm)
                current = _Line("", y, abs(font_size or 0) * scale)
            current.text += piece

    page.extract_text(visitor_text=visit)
    _finish(current, lines)
    box = page.cropbox
    for line in lines:
        line.y -= float(box.bottom)
        line.page_height = abs(float(box.top) - float(box.bottom))
    return lines


def _placement(cm: list, tm: list) -> tuple[float, float]:
    """How high on the page text drawn under these matrices starts, and how much it is scaled."""
    y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
    scale = math.hypot(tm[2] * cm[0] + tm[3] * cm[2], tm[2] * cm[1] + tm[3] * cm[3])
    return y, scale


def _finish(line: Optional[_Line], lines: list[_Line]) -> None:
    if line is None:
        return
    line.text = " ".join(line.text.translate(LIGATURES).split())
    if line.text:
        lines.append(line)


def _page_warnings(pages: list[list[_Line]], failures: list[tuple[int, str]]) -> list[str]:
    warnings = [f"page {number} of the PDF cannot be read and is left out: {why}" for number, why in failures]
    failed = {number for number, _ in failures}
    blank = [number for number, lines in enumerate(pages, start=1) if not lines and number not in failed]
    if blank:
        warnings.append(f"{len(blank)} of {len(pages)} PDF pages have no text (scanned pages?): {_page_list(blank)}")
    return warnings


def _drop_running_lines(pages: list[list[_Line]]) -> list[list[_Line]]:
    """Pages without the header and footer lines that repeat across them."""
    if len(pages) < 2:
        return pages
    margin_counts: Counter = Counter()
    for lines in pages:
        margin_counts.update({_running_key(line.text) for line in lines if line.in_margin})
    needed = max(2, math.ceil(len(pages) / 2))
    running = {key for key, count in margin_counts.items() if count >= needed}
    return [[line for line in lines if not (line.in_margin and _running_key(line.text) in running)] for lines in pages]


def _running_key(text: str) -> str:
    return re.sub(r"\d+", "#", text.casefold())


def _paragraphs(pages: list[list[_Line]]) -> list[str]:
    lines = [line for page in pages for line in page]
    vocabulary = {word.casefold() for line in lines for word in _WORD.findall(line.text)}
    full_width = _full_line_length(lines)
    spacing = _line_spacing(pages)
    lowest = min((line.y for line in lines), default=0.0)
    paragraphs: list[str] = []
    current = ""
    for page_index, page in enumerate(pages):
        for index, line in enumerate(page):
            current = _join_lines(current, line.text, vocabulary)
            if index + 1 < len(page):
                following = page[index + 1]
                if spacing is None:
                    ends = _ends_by_text(line.text, following.text, full_width)
                else:
                    ends = _breaks_layout(line, following, spacing)
            else:
                following = _first_line(pages, page_index + 1)
                if following is None:
                    continue
                ends = _ends_by_text(line.text, following.text, full_width) or (
                    spacing is not None and _page_ends_early(line, lowest, spacing)
                )
            if ends:
                paragraphs.append(current)
                current = ""
    paragraphs.append(current)
    return paragraphs


def _page_ends_early(last: _Line, lowest: float, spacing: float) -> bool:
    """Whether a page's text stops more than two lines above where a full page's text stops.

    A full page stops at the lowest line of the document, or, when no page is full,
    no higher than :data:`FULL_PAGE_END_SHARE` of the page.
    """
    full_page_end = min(lowest, FULL_PAGE_END_SHARE * last.page_height)
    return last.y - full_page_end > 2 * spacing * last.size


def _first_line(pages: list[list[_Line]], start: int) -> Optional[_Line]:
    return next((page[0] for page in pages[start:] if page), None)


def _line_spacing(pages: list[list[_Line]]) -> Optional[float]:
    """The usual distance from a line to the next in a paragraph, in font sizes; None if unknown.

    Steps between paragraphs are larger than steps within one, and in short paragraphs
    they are nearly as frequent, so the spacing is taken from the lower quartile of the
    steps, not their middle. Steps under 0.8 font sizes (superscripts, overprinted text)
    and over 3 (gaps, columns) say nothing about line spacing. A file whose positions
    pypdf cannot follow has no such steps at all.
    """
    steps = sorted(
        (above.y - below.y) / below.size
        for page in pages
        for above, below in zip(page, page[1:])
        if below.size > 0 and 0.8 * below.size <= above.y - below.y <= 3 * below.size
    )
    return steps[(len(steps) - 1) // 4] if steps else None


def _breaks_layout(line: _Line, following: _Line, spacing: float) -> bool:
    """A paragraph break by position: extra space below, a jump upwards, or a new font size."""
    if following.size <= 0 or line.size <= 0:
        return False
    step = (line.y - following.y) / following.size
    if step > spacing * PARAGRAPH_GAP or step < -1:
        return True
    return abs(line.size - following.size) > FONT_SIZE_CHANGE * max(line.size, following.size)


def _full_line_length(lines: list[_Line]) -> int:
    """The length of a full line of body text: most lines of a paragraph run the full width."""
    lengths = sorted(len(line.text) for line in lines)
    return lengths[int(0.8 * (len(lengths) - 1))] if lengths else 0


def _join_lines(current: str, line: str, vocabulary: set[str]) -> str:
    if not current:
        return line
    if current.endswith("\u00ad"):
        return current[:-1] + line
    if current.endswith(_HYPHENS) and len(current) > 1 and current[-2].isalpha() and line[:1].isalpha():
        if line[0].islower():
            left = _WORD.findall(current)[-1]
            right = _WORD.match(line)
            if right and (left + right.group()).casefold() in vocabulary:
                return current[:-1] + line
        return current + line
    return current + " " + line


def _ends_by_text(line: str, following: str, full_width: int) -> bool:
    if _SENTENCE_END.search(line):
        return len(line) < PARAGRAPH_END_SHARE * full_width
    heading_like = len(line) < HEADING_SHARE * full_width and not line.endswith((",", ";", "-", "\u2010", "\u00ad"))
    return heading_like and (following[:1].isupper() or following[:1].isdigit())


def _metadata(reader: PdfReader) -> dict:
    try:
        info = reader.metadata
        title, author = (info.title, info.author) if info else (None, None)
        created = _pdf_day(info.creation_date_raw) if info else None
        root = reader.root_object
        language = root["/Lang"] if "/Lang" in root else None
    except Exception:  # metadata is a nicety; a broken information dictionary is ignored
        return {}
    fields = {
        "title": title if isinstance(title, str) and not _FILE_NAME_TITLE.search(title.strip()) else None,
        "author": author,
        "language": language,
        "created": created,
    }
    return {key: " ".join(value.split()) for key, value in fields.items() if isinstance(value, str) and value.strip()}


def _pdf_day(value: object) -> Optional[str]:
    """The day of a PDF date string ("D:20240828103000+05'30'"), as written."""
    match = _PDF_DATE.match(value.strip()) if isinstance(value, str) else None
    return iso_day("-".join(match.groups())) if match else None


def _page_list(numbers: Iterable[int]) -> str:
    numbers = list(numbers)
    shown = ", ".join(str(n) for n in numbers[:10])
    return shown + (f" and {len(numbers) - 10} more" if len(numbers) > 10 else "")

