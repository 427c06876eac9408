"""The plain-text shape every format reader gives its output.

Offsets in a briefing point into this text, so its shape is part of the contract: ``\\n``
newlines only, one blank line between paragraphs, no blank line inside a paragraph, no
control characters, and no whitespace at the ends of lines.
"""

from __future__ import annotations

import re
from typing import Iterable

# C0 and C1 control characters other than tab and newline: PDF text layers and Word files
# carry form feeds, vertical tabs and stray NULs that mean nothing in prose and confuse
# the tokenizer.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_BLANK_LINES = re.compile(r"\n{2,}")


def clean_paragraph(text: str) -> str:
    """One paragraph: lines trimmed, runs of spaces collapsed, inner blank lines removed."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROL.sub(" ", text)
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n", "\n".join(lines)).strip("\n")


def join_paragraphs(paragraphs: Iterable[str]) -> str:
    """Cleaned paragraphs, empty ones dropped, separated by one blank line."""
    cleaned = (clean_paragraph(p) for p in paragraphs)
    return "\n\n".join(p for p in cleaned if p)
