"""What the person asking for a memo decides at render time, as opposed to the house style."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from briefgen.errors import OutputError

PAPER_SIZES = ("a4", "letter")


@dataclass(frozen=True)
class RenderOptions:
    """Per-memo choices; each one left as None falls back to the template.

    ``classification=""`` removes a classification line the template would print.
    ``memo_date`` is shown as given (a memo is often dated for when it is sent).
    """

    classification: Optional[str] = None
    to: Optional[str] = None
    from_: Optional[str] = None
    memo_date: Optional[str] = None
    subject: Optional[str] = None
    author: Optional[str] = None
    paper: Optional[str] = None
    reference_docx: Optional[Path] = None

    def __post_init__(self) -> None:
        if self.paper is not None and self.paper.lower() not in PAPER_SIZES:
            raise OutputError(f"paper: {self.paper!r} is not one of {', '.join(PAPER_SIZES)}")
        if self.reference_docx is not None and not Path(self.reference_docx).is_file():
            raise OutputError("reference DOCX not found", where=str(self.reference_docx))
