"""Errors a user can act on. The CLI prints them as one line: ``briefgen: error: <what> (<where>)``."""

from __future__ import annotations

from typing import Optional


class BriefgenError(Exception):
    """A failure caused by input, configuration or environment, not by a bug in briefgen."""

    def __init__(self, what: str, where: Optional[str] = None):
        super().__init__(what)
        self.what = what
        self.where = where

    def __str__(self) -> str:
        return f"{self.what} ({self.where})" if self.where else self.what


class InputError(BriefgenError):
    """An input document cannot be read or holds nothing to work with."""


class BriefingFileError(BriefgenError):
    """A briefing JSON file is malformed or does not satisfy the schema."""


class ModelNotFoundError(BriefgenError):
    """No usable spaCy pipeline is installed or the named one cannot be loaded."""


class TemplateError(BriefgenError):
    """A house-style template is missing or malformed."""


class OutputError(BriefgenError):
    """An output file cannot be written where it was asked for."""


class FilterError(BriefgenError):
    """A timeline filter or memo limit is malformed: a date that is not YYYY[-MM[-DD]], an
    unknown event type, a window that ends before it starts. The CLI treats it as a bad
    command line."""


class OptionError(BriefgenError):
    """A run option is malformed (``jobs=0``). The CLI treats it as a bad command line."""
