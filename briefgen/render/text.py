"""Making article text safe for each output: XML-forbidden characters, Paragraph markup, Markdown.

Article text arrives exactly as it was read, so it may hold control characters (a stray form
feed from a PDF extraction) or characters that mean something in the target markup ("S&P",
"<Ltd>"). Every writer passes text through these functions before it meets its format.
"""

from __future__ import annotations

import re
import unicodedata
from xml.sax.saxutils import escape as _xml_escape

# Characters XML 1.0 forbids (C0 controls other than tab/newline/carriage return, lone
# surrogates, U+FFFE/U+FFFF). lxml refuses them outright, so python-docx would crash on them.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_C1_CONTROLS = re.compile("[\x7f-\x9f]")
_WHITESPACE_RUN = re.compile(r"\s+")
# Markdown metacharacters that can change the meaning of inline text.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
# "&amp;" or "&#60;" in article text would be read as a character reference and shown as
# "&" or "<"; a lone "&" ("S&P") is shown as it is and needs no escape.
_MARKDOWN_ENTITY = re.compile(r"&(?=#?\w+;)")


def xml_safe(text: str | None) -> str:
    """Text with the characters XML forbids removed and nothing else changed."""
    return _XML_FORBIDDEN.sub("", text) if text else ""


def clean(text: str | None) -> str:
    """Text safe for any XML-based output, on one line, with runs of whitespace collapsed,
    composed (NFC: "n" and a combining tilde print as the font's "ñ", which every text font
    has, where a lone combining mark often has no glyph), and without C1 control characters,
    which print as nothing or a box (they come from text decoded with the wrong code page)."""
    composed = unicodedata.normalize("NFC", _C1_CONTROLS.sub("", xml_safe(text)))
    return _WHITESPACE_RUN.sub(" ", composed).strip()


def escape_markup(text: str) -> str:
    """Escape text for reportlab Paragraph markup (which is XML-like)."""
    return _xml_escape(text)


def escape_attribute(text: str) -> str:
    """Escape text for a double-quoted attribute in Paragraph markup."""
    return _xml_escape(text, {'"': "&quot;"})


def escape_markdown(text: str) -> str:
    """Escape inline Markdown so article text is shown, never interpreted."""
    escaped = _MARKDOWN_ENTITY.sub(r"\\&", _MARKDOWN_SPECIAL.sub(r"\\\1", text))
    # A line that starts with "1." or "-" would become a list item.
    return re.sub(r"^(\d+)\.(\s)", r"\1\\.\2", escaped).replace("\n", " ")


_LINKABLE_SCHEMES = ("http://", "https://", "mailto:")


def linkable_url(url: str | None) -> str | None:
    """The URL if it is safe to make clickable (web or mail), else None.

    A briefing is a hand-editable file; a ``javascript:`` or ``file:`` URL in it must never
    become a live link in a document someone opens.
    """
    cleaned = clean(url)
    if cleaned.lower().startswith(_LINKABLE_SCHEMES) and not any(c in cleaned for c in ' <>"'):
        return cleaned
    return None


def truncate(text: str, limit: int) -> str:
    """Shorten text to at most ``limit`` characters at a word boundary, ending with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-") + "…"
