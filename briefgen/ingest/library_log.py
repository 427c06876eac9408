"""Hearing what a parsing library logs while it reads one file.

PDF and HTML libraries log the damage they repair ("Ignoring wrong pointing object",
"CropBox missing") through :mod:`logging`. Left alone, those lines reach the terminal as
stray noise, unattached to any file; collected, they become one warning on the file they
concern.
"""

from __future__ import annotations

import logging
from contextlib import contextmanager
from typing import Iterator


class _Collector(logging.Handler):
    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        try:
            self.messages.append(record.getMessage())
        except Exception:  # a library's malformed log call must not break reading
            self.messages.append(str(record.msg))


@contextmanager
def library_warnings(*logger_names: str) -> Iterator[list[str]]:
    """Collect WARNING and above from the named loggers (and their children) into a list."""
    collector = _Collector()
    loggers = [logging.getLogger(name) for name in logger_names]
    saved = [logger.propagate for logger in loggers]
    for logger in loggers:
        logger.addHandler(collector)
        logger.propagate = False
    try:
        yield collector.messages
    finally:
        for logger, propagate in zip(loggers, saved):
            logger.removeHandler(collector)
            logger.propagate = propagate
