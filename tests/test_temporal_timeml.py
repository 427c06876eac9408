"""Writing and reading TimeML."""

import datetime as dt
from pathlib import Path

import pytest

from briefgen.extract.temporal import Timex, tag_doc, to_timeml
from briefgen.extract.temporal.timeml import parse_timeml, read_timeml

TEMPEVAL = Path(__file__).resolve().parent.parent / ".." / "shared" / "data" / "tempeval3"


def test_to_timeml_tags_escapes_and_round_trips():
    text = "Profits & losses: on Friday <sic> and in 2020."
    assert (text.index("Friday"), text.index("2020")) == (21, 41)
    timexes = [
        Timex(21, 27, "Friday", "DATE", "2024-08-30", basis="relative"),
        Timex(41, 45, "2020", "DATE", "2020", mod="START"),
    ]
    xml = to_timeml(text, timexes, dt.date(2024, 8, 29))
    assert '<TIMEX3 tid="t1" type="DATE" value="2024-08-30">Friday</TIMEX3>' in xml
    assert 'mod="START"' in xml
    assert "Profits &amp; losses" in xml and "&lt;sic&gt;" in xml
    document = parse_timeml(xml)
    assert document.text == text
    assert document.dct == dt.date(2024, 8, 29)
    assert [(t.start, t.end, t.value, t.mod) for t in document.timexes] == [
        (21, 27, "2024-08-30", None),
        (41, 45, "2020", "START"),
    ]


def test_to_timeml_without_a_dct_has_no_dct_element():
    assert "<DCT>" not in to_timeml("in 2020", [Timex(3, 7, "2020", "DATE", "2020")], None)


def test_to_timeml_refuses_overlapping_expressions():
    with pytest.raises(ValueError):
        to_timeml("in early 2020", [Timex(3, 13, "early 2020", "DATE", "2020"), Timex(9, 13, "2020", "DATE", "2020")], None)


def test_tagger_output_is_valid_timeml(nlp):
    text = "Talks ended on Friday & resume in 2025."
    doc = nlp(text)
    document = parse_timeml(to_timeml(text, tag_doc(doc, dt.date(2024, 8, 29)), dt.date(2024, 8, 29)))
    assert [(t.text, t.value) for t in document.timexes] == [("Friday", "2024-08-23"), ("2025", "2025")]


def test_parse_timeml_reads_nested_markup_into_plain_text():
    xml = (
        "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1998-01-08\" functionInDocument=\"CREATION_TIME\">"
        "19980108</TIMEX3></DCT><TEXT>It <EVENT eid=\"e1\">fell</EVENT> <TIMEX3 tid=\"t1\" type=\"DATE\" "
        "value=\"1998-01-07\">yesterday</TIMEX3>.</TEXT></TimeML>"
    )
    document = parse_timeml(xml)
    assert document.text == "It fell yesterday."
    assert document.dct == dt.date(1998, 1, 8)
    (timex,) = document.timexes
    assert (timex.start, timex.end, timex.text, timex.value) == (8, 17, "yesterday", "1998-01-07")


@pytest.mark.skipif(not TEMPEVAL.is_dir(), reason="TempEval-3 data is not available")
def test_tempeval_files_read_with_consistent_offsets():
    for path in sorted((TEMPEVAL / "TimeBank").glob("*.tml"))[:40]:
        document = read_timeml(path)
        assert document.dct is not None, path
        for timex in document.timexes:
            assert document.text[timex.start:timex.end] == timex.text


def test_a_range_is_written_as_its_two_ends(nlp):
    text = "The envoy served from 2011 to 2015 in Delhi."
    dct = dt.date(2024, 8, 29)
    (timex,) = tag_doc(nlp(text), dct)
    assert (timex.text, timex.value, timex.end_value) == ("2011 to 2015", "2011", "2015")
    document = parse_timeml(to_timeml(text, [timex], dct))
    assert [(t.text, t.value) for t in document.timexes] == [("2011", "2011"), ("2015", "2015")]


def test_the_first_end_of_a_range_takes_the_year_the_last_end_writes(nlp):
    text = "The office was shut from March to May 2020."
    dct = dt.date(2024, 8, 29)
    document = parse_timeml(to_timeml(text, tag_doc(nlp(text), dct), dct))
    assert [(t.text, t.value) for t in document.timexes] == [("March", "2020-03"), ("May 2020", "2020-05")]
