"""Readers: one Source per input file.

Inputs are files or folders (searched recursively for the types briefgen reads). A file that
cannot be read is reported with its path and reason; the others are still read, unless the
caller asks for strictness.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union

from briefgen.errors import InputError
from briefgen.ingest.language import language_warning
from briefgen.ingest.text import read_text_article
from briefgen.ingest.types import RawInput, ReaderError
from briefgen.model import Document, Source, replace_unpaired_surrogates

# Larger inputs are refused rather than streamed: a single article, statement or
# transcript is far below this, and a file this big is almost always a mistake (a data
# dump, a log) that would tie up the parser for minutes.
MAX_INPUT_BYTES = 10 * 1024 * 1024


# The readers of other formats import trafilatura, pypdf and python-docx, a third of a
# second together: each is imported when a file of its format is first read, not on every start.
def read_html_article(raw: RawInput) -> RawInput:
    from briefgen.ingest.html import read_html_article as read

    return read(raw)


def read_docx_document(raw: RawInput) -> RawInput:
    from briefgen.ingest.docx_reader import read_docx_document as read

    return read(raw)


def read_pdf_document(raw: RawInput) -> RawInput:
    from briefgen.ingest.pdf_reader import read_pdf_document as read

    return read(raw)


READERS: dict[str, Callable[[RawInput], RawInput]] = {
    ".txt": read_text_article,
    ".text": read_text_article,
    ".md": read_text_article,
    ".markdown": read_text_article,
    ".html": read_html_article,
    ".htm": read_html_article,
    ".docx": read_docx_document,
    ".pdf": read_pdf_document,
}


def supported_suffixes() -> list[str]:
    return sorted(READERS)


def expand_inputs(inputs: Sequence[Path]) -> tuple[list[Path], list[InputError], list[str]]:
    """Files named directly, plus readable files found under named folders, in a stable order."""
    files: list[Path] = []
    failures: list[InputError] = []
    warnings: list[str] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p.relative_to(path)))
            readable = [p for p in found if p.suffix.lower() in READERS]
            skipped = len(found) - len(readable)
            if skipped:
                warnings.append(f"skipped {skipped} file(s) of types briefgen does not read ({path})")
            if not readable:
                failures.append(InputError("folder holds no files briefgen reads (" + ", ".join(supported_suffixes()) + ")", str(path)))
            files.extend(readable)
        elif path.exists():
            files.append(path)
        else:
            failures.append(InputError("no such file or folder", str(path)))
    unique = list(dict.fromkeys(p.resolve() for p in files))
    return unique, failures, warnings


def iter_documents(files: Iterable[Path], *, max_chars: Optional[int] = None) -> Iterator[Union[InputError, tuple[Document, list[str]]]]:
    """Read ``files`` one at a time, so a large folder is never held in memory at once.

    Yields a (Document, warnings naming the path) pair per readable file, with source ids
    S1, S2, … in order, and the InputError of each file that cannot be read.
    """
    count = 0
    for path in files:
        try:
            document, doc_warnings = read_document(path, source_id=f"S{count + 1}", max_chars=max_chars)
        except InputError as exc:
            yield exc
            continue
        count += 1
        yield document, [f"{w} ({path})" for w in doc_warnings]


def read_document(path: Path, source_id: str, max_chars: Optional[int] = None) -> tuple[Document, list[str]]:
    """Read one file into a Document; ``max_chars`` is the most text the parser will take."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        raise InputError(
            f"unsupported file type {path.suffix or '(none)'!r}; briefgen reads " + ", ".join(supported_suffixes()),
            str(path),
        )
    try:
        size = path.stat().st_size
        if size > MAX_INPUT_BYTES:
            raise InputError(
                f"file is {size / 1e6:.1f} MB; briefgen reads inputs up to {MAX_INPUT_BYTES // (1024 * 1024)} MB, split it",
                str(path),
            )
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the file: {exc.strerror or exc}", str(path)) from None
    try:
        raw = reader(RawInput(path=path, data=data))
    except ReaderError as exc:
        raise InputError(str(exc), str(path)) from None
    raw.text = replace_unpaired_surrogates(raw.text)
    prose = raw.text[raw.prose_start:]
    if not prose.strip():
        raise InputError("no text to read (the file is empty or holds only metadata)", str(path))
    if max_chars is not None and len(raw.text) > max_chars:
        raise InputError(f"text is {len(raw.text):,} characters; the parser takes at most {max_chars:,}, split it", str(path))
    analysis_text = _blank(raw.text[: raw.prose_start]) + prose
    not_english = language_warning(prose)
    if not_english:
        raw.warnings.append(not_english)
    meta = raw.metadata
    source = Source(
        id=source_id,
        path=str(path),
        title=meta.get("title") or _first_heading(prose),
        publisher=meta.get("publisher"),
        url=meta.get("url"),
        published=meta.get("published"),
        published_basis="metadata" if meta.get("published") else "unknown",
        language=meta.get("language"),
        sha256=hashlib.sha256(data).hexdigest(),
    )
    return Document(source=source, text=raw.text, analysis_text=analysis_text), raw.warnings


def _blank(text: str) -> str:
    """Same length, newlines kept, everything else a space: offsets survive, content does not."""
    return re.sub(r"[^\n]", " ", text)


def _first_heading(prose: str) -> Optional[str]:
    """A Markdown '# Title' line at the top of the prose, if the article has one."""
    for line in prose.splitlines():
        if line.strip():
            match = re.match(r"#{1,2}\s+(.+)", line.strip())
            return match.group(1).strip() if match else None
    return None


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)
