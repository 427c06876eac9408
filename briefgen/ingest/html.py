"""Reader for web pages saved as .html or .htm: the article, not the page around it.

Scripts, styles, ``<noscript>`` and ``<template>`` are removed first, so their text cannot
reach the article by any route. trafilatura then finds the article body (dropping
navigation, footers and comments) and the page's title, site name, canonical URL and
author. The publication date
comes only from what the markup declares (see :mod:`briefgen.ingest.html_published`):
trafilatura's own date finder also reads dates out of URLs and body text, which briefgen
must not present as metadata.

The text is the article's blocks (headings, paragraphs, list items, quotes, table rows)
one paragraph each, with entities decoded: ``&amp;`` is "&", and ``&lt;b&gt;`` is the
literal text "<b>", never markup.
"""

from __future__ import annotations

import codecs
import re
from typing import Iterator, Optional
from urllib.parse import urlsplit

import trafilatura
from lxml import etree
from lxml.etree import _Element
from trafilatura.settings import Document as PageMetadata
from trafilatura.settings import use_config

from briefgen.ingest.decode import NotTextError, decode_text
from briefgen.ingest.html_published import declared_published
from briefgen.ingest.library_messages import describe_failure, library_warnings, one_line
from briefgen.ingest.plain import join_paragraphs
from briefgen.ingest.types import RawInput, ReaderError

# Where a page may declare its character set; browsers look no further than this either.
CHARSET_WINDOW = 4096
_DECLARED_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_.:-]+)|<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_.:-]+)""",
    re.IGNORECASE,
)
# Labels that browsers read as a wider encoding (the WHATWG Encoding Standard): a page
# labelled ISO-8859-1 that uses curly quotes is really windows-1252, and so on.
BROWSER_ENCODINGS = {
    "iso-8859-1": "cp1252",
    "iso8859-1": "cp1252",
    "latin1": "cp1252",
    "latin-1": "cp1252",
    "l1": "cp1252",
    "ascii": "cp1252",
    "us-ascii": "cp1252",
    "gb2312": "gb18030",
    "gbk": "gb18030",
    "euc-kr": "cp949",
}
# Elements whose text is never article text. Removed before extraction so that none of
# trafilatura's fallback extractors can pick it up either.
NON_CONTENT = etree.XPath("//script | //style | //noscript | //template")
# trafilatura's date is not used (see the module docstring); its fast search costs least.
FAST_DATE_SEARCH = {"extensive_search": False}
# trafilatura treats an article under 250 characters as a failed extraction and replaces it
# with a dump of the whole page as one paragraph; a short statement is still an article.
EXTRACTION_CONFIG = use_config()
EXTRACTION_CONFIG.set("DEFAULT", "MIN_EXTRACTED_SIZE", "1")
# trafilatura's inline elements (emphasis, links, line breaks, images); every other
# element of its output (heading, paragraph, list item, quote, table row) is a block.
INLINE_TAGS = {"hi", "ref", "span", "del", "lb", "graphic"}
CELL_SEPARATOR = " | "


def read_html_article(raw: RawInput) -> RawInput:
    markup, raw.encoding, warning = _decode(raw.data)
    if warning:
        raw.warnings.append(warning)
    with library_warnings("trafilatura", "htmldate", "courlan", "justext") as logged:
        try:
            tree = trafilatura.load_html(markup)
            if tree is None:
                raise ReaderError("not an HTML page: no markup could be parsed")
            # Metadata is read first: JSON-LD lives in <script> elements, removed next.
            published = declared_published(tree)
            language = _declared_language(tree)
            page_metadata = trafilatura.extract_metadata(tree, date_config=FAST_DATE_SEARCH)
            for element in NON_CONTENT(tree):
                element.drop_tree()
            article = trafilatura.bare_extraction(
                tree,
                with_metadata=False,
                include_comments=False,
                include_tables=True,
                include_images=False,
                include_links=False,
                include_formatting=False,
                config=EXTRACTION_CONFIG,
            )
            if article is None or article.body is None:
                raise ReaderError("no article text found in the HTML page")
            paragraphs = list(_blocks(article.body))
        except ReaderError:
            raise
        except Exception as exc:
            # lxml and trafilatura were written for the web as it usually is; on
            # pathological markup (absurd nesting, invalid characters) they raise whatever
            # their internals hit. The file is refused, the run goes on.
            raise ReaderError(f"cannot parse the HTML page: {describe_failure(exc)}") from None
    if logged:
        raw.warnings.append(f"the HTML extractor reported problems: {one_line(logged[0])}")
    raw.text = join_paragraphs(paragraphs)
    raw.prose_start = 0
    raw.metadata.update(_metadata(page_metadata, published, language))
    return raw


def _decode(data: bytes) -> tuple[str, str, Optional[str]]:
    """The page as text: byte order mark, then the page's own declaration, then UTF-8.

    A page that declares a legacy single-byte charset but is valid UTF-8 with non-ASCII
    characters is read as UTF-8: such a declaration is a leftover (pages re-saved by a
    browser or an editor keep their old ``<meta charset>``), while real legacy text is
    almost never valid UTF-8 by accident.
    """
    if data.startswith((codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _decode_undeclared(data)
    declared = _declared_encoding(data[:CHARSET_WINDOW])
    if declared is None or declared == "utf-8":
        return _decode_undeclared(data)
    if not data.isascii():
        try:
            return data.decode("utf-8"), "utf-8", f"declares {declared} but is UTF-8; read as UTF-8"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode(declared), declared, None
    except UnicodeDecodeError as exc:
        text = data.decode(declared, errors="replace")
        return text, declared, f"not valid {declared} (byte {exc.start}); undecodable bytes replaced"


def _decode_undeclared(data: bytes) -> tuple[str, str, Optional[str]]:
    try:
        decoded = decode_text(data)
    except (NotTextError, UnicodeDecodeError) as exc:
        raise ReaderError(f"cannot read as an HTML page: {exc}") from None
    return decoded.text, decoded.encoding, decoded.warning


def _declared_encoding(head: bytes) -> Optional[str]:
    """The Python codec for the charset the page declares, or None if it declares none we know."""
    match = _DECLARED_CHARSET.search(head)
    if not match:
        return None
    label = (match.group(1) or match.group(2)).decode("ascii").lower()
    label = BROWSER_ENCODINGS.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    # A byte stream that reached this point has no UTF-16 byte order mark, so a UTF-16
    # label is wrong (browsers ignore it the same way).
    return "utf-8" if name.startswith(("utf-16", "utf-32")) else name


def _declared_language(tree: _Element) -> Optional[str]:
    value = tree.get("lang") or tree.get("{http://www.w3.org/XML/1998/namespace}lang")
    if not value:
        for meta in tree.iter("meta"):
            if (meta.get("http-equiv") or "").lower() == "content-language":
                value = meta.get("content")
                break
    return value.strip() if value and value.strip() else None


def _blocks(element: _Element) -> Iterator[str]:
    """The text of each block under ``element``, in document order."""
    if element.tag == "row":
        cells = (_inline_content(cell).strip() for cell in element if isinstance(cell.tag, str))
        yield CELL_SEPARATOR.join(cell for cell in cells if cell)
        return
    pieces = [_collapse(element.text)]
    for child in element:
        if not isinstance(child.tag, str) or child.tag in INLINE_TAGS:
            pieces.append(_inline(child))
            continue
        yield "".join(pieces)
        yield from _blocks(child)
        pieces = [_collapse(child.tail)]
    yield "".join(pieces)


def _inline(node: _Element) -> str:
    """A node inside a block, with its tail; explicit line breaks stay newlines."""
    if not isinstance(node.tag, str):  # a comment or processing instruction: only its tail is text
        inner = ""
    elif node.tag == "lb":
        inner = "\n"
    elif node.tag in INLINE_TAGS:
        inner = _inline_content(node)
    else:  # a block nested where inline text was expected (a paragraph in a table cell)
        inner = f" {_inline_content(node)} "
    return inner + _collapse(node.tail)


def _inline_content(element: _Element) -> str:
    return _collapse(element.text) + "".join(_inline(child) for child in element)


def _collapse(text: Optional[str]) -> str:
    """Source whitespace, newlines included, is one space in rendered HTML."""
    return re.sub(r"\s+", " ", text) if text else ""


def _metadata(page_metadata: PageMetadata, published: Optional[str], language: Optional[str]) -> dict:
    url = _absolute_url(page_metadata.url)
    fields = {
        "title": page_metadata.title,
        "publisher": _publisher(page_metadata.sitename, url),
        "url": url,
        "published": published,
        "author": page_metadata.author,
        "language": language,
    }
    return {key: value.strip() for key, value in fields.items() if isinstance(value, str) and value.strip()}


def _absolute_url(url: Optional[str]) -> Optional[str]:
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def _publisher(sitename: Optional[str], url: Optional[str]) -> Optional[str]:
    """The site name the page declares; not a URL, and not a host name trafilatura fell back to."""
    if not sitename or sitename.lower().startswith(("http://", "https://")):
        return None
    if url and sitename.lower() == (urlsplit(url).hostname or "").removeprefix("www."):
        return None
    return sitename

