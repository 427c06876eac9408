"""Turning the bytes of a text file into text, with the encoding stated rather than guessed silently."""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from typing import Optional

# A file that is mostly control bytes is not text whatever its name says; below this share
# of printable characters we refuse it instead of feeding garbage to the parser.
MIN_PRINTABLE_SHARE = 0.85
LEGACY_FALLBACK = "cp1252"


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    warning: Optional[str] = None


class NotTextError(ValueError):
    """The bytes do not look like text in any encoding briefgen reads."""


def decode_text(data: bytes) -> Decoded:
    """Decode UTF-8 (BOM optional) or UTF-16 with a BOM; other bytes fall back to cp1252 with a warning.

    Newlines are normalised to ``\\n`` the way Python's text mode reads files, so offsets
    into the result match offsets into the file as any Python tool reads it.
    """
    if data.startswith(codecs.BOM_UTF8):
        text, encoding, warning = data[len(codecs.BOM_UTF8):].decode("utf-8", errors="strict"), "utf-8-sig", None
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding, warning = data.decode("utf-16"), "utf-16", None
        except UnicodeDecodeError:
            raise NotTextError("it starts with a UTF-16 byte order mark but is not valid UTF-16") from None
    else:
        if b"\x00" in data:
            raise NotTextError("it contains NUL bytes, so it is binary, not text")
        try:
            text, encoding, warning = data.decode("utf-8"), "utf-8", None
        except UnicodeDecodeError as exc:
            text = data.decode(LEGACY_FALLBACK, errors="replace")
            encoding = LEGACY_FALLBACK
            warning = f"not valid UTF-8 (byte {exc.start}); read as {LEGACY_FALLBACK}, check accented characters"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if text and _printable_share(text) < MIN_PRINTABLE_SHARE:
        raise NotTextError("most of its characters are control codes, so it is binary, not text")
    return Decoded(text=text, encoding=encoding, warning=warning)


def _printable_share(text: str) -> float:
    sample = text[:20000]
    # Nearly every file is text throughout: one C-level check spares counting character by character.
    if sample.replace("\n", "").replace("\t", "").isprintable():
        return 1.0
    printable = sum(1 for ch in sample if ch.isprintable() or ch in "\n\t")
    return printable / len(sample)
