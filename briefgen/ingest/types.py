"""What a reader receives and fills in; shared by every input format."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class ReaderError(ValueError):
    """The file cannot be read by its reader; the message says why, for one line of output."""


@dataclass
class RawInput:
    path: Path
    data: bytes
    text: str = ""
    # Where article prose begins in ``text``; everything before it is metadata (front matter).
    prose_start: int = 0
    metadata: dict = field(default_factory=dict)
    warnings: list = field(default_factory=list)
    encoding: str = "utf-8"
