"""Turning what a parsing library says about one file into one line about that file.

PDF and HTML libraries log the damage they repair ("Ignoring wrong pointing object",
"Multiple definitions in dictionary") through :mod:`logging`. Left alone, those lines reach
the terminal as stray noise, unattached to any file; collected, they become one warning on
the file they concern. Their exceptions become the one-line reason a file is refused.
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


def one_line(message: object, limit: int = 200) -> str:
    """A library's message on one line, shortened and without control characters.

    Messages quote bytes from the damaged file itself (a part name, a token), so they
    can hold anything.
    """
    text = " ".join(str(message).split())[:limit]
    return "".join(ch if ch.isprintable() else "?" for ch in text)


def describe_failure(exc: BaseException) -> str:
    """What went wrong inside a library, named so that a bug report can be matched to it."""
    message = one_line(exc)
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__
