"""What every format reader shares: metadata dates, the plain-text shape, library messages."""

import datetime as dt
import logging

import pytest

from briefgen.ingest.library_messages import describe_failure, library_warnings, one_line
from briefgen.ingest.metadata_dates import date_in_file_name, iso_day
from briefgen.ingest.plain import clean_paragraph, join_paragraphs


@pytest.mark.parametrize(
    "value, day",
    [
        ("2024-08-28", "2024-08-28"),
        ("2024-08-28T23:30:00-04:00", "2024-08-28"),  # the day as the publisher wrote it
        ("2024-08-28 10:00", "2024-08-28"),
        ("20240828", "2024-08-28"),
        ("28/08/2024", "2024-08-28"),  # only day/month reads
        ("08/28/2024", "2024-08-28"),  # only month/day reads
        ("05.05.2024", "2024-05-05"),  # both readings agree
        ("28 August 2024", "2024-08-28"),
        ("Aug. 28, 2024", "2024-08-28"),
        ("Wed, 28 Aug 2024 10:00:00 GMT", "2024-08-28"),
        (dt.datetime(2024, 8, 28, 23, 59), "2024-08-28"),
        (dt.date(2024, 8, 28), "2024-08-28"),
    ],
)
def test_a_value_naming_one_day_becomes_an_iso_day(value, day):
    assert iso_day(value) == day


@pytest.mark.parametrize(
    "value",
    ["2024-08", "2024", "August 2024", "03/04/2024", "yesterday", "2024-02-30", "soon", "", None, 20240828],
)
def test_a_value_naming_no_single_day_gives_none(value):
    assert iso_day(value) is None


def test_paragraph_is_cleaned_but_keeps_its_line_breaks():
    assert clean_paragraph("  The envoy\t  said \x0c\r\n\n\n  it would\u00a0expand.  ") == "The envoy said\nit would expand."


def test_paragraphs_are_joined_by_one_blank_line_and_empty_ones_dropped():
    assert join_paragraphs(["First.", "  ", "\n", "Second\r\nline.", ""]) == "First.\n\nSecond\nline."


def test_library_warnings_are_collected_and_kept_from_the_terminal(capsys):
    with library_warnings("briefgen-test-library") as messages:
        logging.getLogger("briefgen-test-library.parser").warning("Ignoring wrong pointing object %d", 7)
        logging.getLogger("briefgen-test-library").info("not a warning")
    logging.getLogger("briefgen-test-library").warning("after the read")
    assert messages == ["Ignoring wrong pointing object 7"]
    assert "wrong pointing" not in capsys.readouterr().err


def test_failures_are_described_on_one_printable_line():
    assert one_line("bad\x00part\nname") == "bad?part name"
    assert describe_failure(KeyError("word/document.xml")) == "KeyError: 'word/document.xml'"
    assert describe_failure(RecursionError()) == "RecursionError"


@pytest.mark.parametrize(
    "name, day",
    [
        ("nyt_2016-07-15_poll-has-trump.txt", dt.date(2016, 7, 15)),
        ("20160715-poll.html", dt.date(2016, 7, 15)),
        ("reports/2019_03_01 statement.docx", dt.date(2019, 3, 1)),
        ("poll-2016-07-15-update-2016-07-15.txt", dt.date(2016, 7, 15)),  # the same date twice
        ("000_0ad1514b1b5e3b7d.txt", None),
        ("budget-2024.txt", None),  # a year is not a day
        ("2016-02-30-notes.txt", None),  # no such day
        ("from-2016-07-15-to-2016-07-20.txt", None),  # two dates: which is meant is not said
        ("order-120160715.txt", None),  # inside a longer number
    ],
)
def test_a_file_name_gives_its_one_full_date(name, day):
    assert date_in_file_name(name) == day
