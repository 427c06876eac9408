"""The briefing model: validation errors name the field; the shipped schema matches the model."""

import json
from importlib import resources

import pytest

from briefgen.errors import BriefingFileError
from pydantic import ValidationError

from briefgen.model import (
    UNLABELLED_SOURCE_ID, Event, Extraction, Source, TextSpan, briefing_to_json, generated_timestamp, json_schema,
    parse_briefing,
)

MINIMAL = {
    "schema_version": 1,
    "title": "Test",
    "generated_at": "2024-01-01T00:00:00Z",
    "sources": [{"id": "S1", "path": "a.txt"}],
    "events": [
        {
            "id": "E1",
            "date": {"value": "2020", "granularity": "year", "start": "2020-01-01", "end": "2020-12-31"},
            "summary": "Something happened",
            "confidence": 0.8,
            "evidence": [{"source": "S1", "start": 0, "end": 4, "text": "Some"}],
        }
    ],
}


def _with(path, value):
    data = json.loads(json.dumps(MINIMAL))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def test_minimal_briefing_is_valid():
    assert parse_briefing(MINIMAL).events[0].date.granularity == "year"


@pytest.mark.parametrize(
    "path, value, message",
    [
        (("schema_version",), 7, "schema_version: unsupported schema_version 7"),
        (("events", 0, "confidence"), "high", "events[0].confidence"),
        (("events", 0, "date", "start"), "2020-13-01", "events[0].date.start: '2020-13-01' is not a calendar date"),
        (("events", 0, "evidence", 0, "source"), "S9", "events[0].evidence[0].source: 'S9' is not the id of any source"),
        (("events", 0, "sumary"), "typo", "events[0].sumary"),
    ],
)
def test_errors_name_the_field(path, value, message):
    with pytest.raises(BriefingFileError) as info:
        parse_briefing(_with(path, value), "edited.json")
    assert message in str(info.value)
    assert "(edited.json)" in str(info.value)


def test_top_level_must_be_an_object():
    with pytest.raises(BriefingFileError, match="JSON object"):
        parse_briefing([1, 2])


def test_shipped_schema_is_the_models_schema():
    shipped = json.loads(resources.files("briefgen.schema").joinpath("briefing.schema.json").read_text())
    assert shipped == json_schema()


def test_generated_at_honours_source_date_epoch():
    assert generated_timestamp({"SOURCE_DATE_EPOCH": "1700000000"}) == "2023-11-14T22:13:20Z"


def test_unpaired_surrogates_from_a_hand_edit_become_replacement_characters():
    # json.loads turns "\ud800" into a lone surrogate, which no UTF-8 writer can encode.
    data = json.loads(json.dumps(MINIMAL).replace('"Something happened"', '"Something \\ud800 happened"'))
    briefing = parse_briefing(data)
    assert briefing.events[0].summary == "Something \ufffd happened"
    briefing_to_json(briefing).encode("utf-8")


def test_a_lone_surrogate_in_a_title_given_by_the_api_is_replaced_not_kept():
    briefing = parse_briefing(dict(MINIMAL, title="Talks \udcff"))
    assert briefing.title == "Talks \ufffd"


def test_a_nested_model_built_by_the_api_loses_its_lone_surrogates_too():
    assert TextSpan(source="S1", start=0, end=2, text="a\ud800").text == "a\ufffd"


def test_json_text_cannot_bring_a_lone_surrogate():
    # Why JSON validation (the cache's path) may skip the surrogate walk: pydantic refuses the escape.
    with pytest.raises(ValidationError, match="Invalid JSON"):
        TextSpan.model_validate_json('{"source": "S1", "start": 0, "end": 1, "text": "\\ud800"}')


def _unlabelled_extraction() -> Extraction:
    event = dict(MINIMAL["events"][0])
    event["evidence"] = [{"source": UNLABELLED_SOURCE_ID, "start": 0, "end": 4, "text": "Some"}]
    event["date"] = dict(event["date"], sources=[UNLABELLED_SOURCE_ID])
    return Extraction(source=Source(id=UNLABELLED_SOURCE_ID, path="", published="2024-01-02", published_basis="inferred"),
                      events=[Event.model_validate(event)], warnings=["a warning"])


def test_an_extraction_read_back_cites_its_run_source_and_names_its_path():
    run_source = Source(id="S7", path="/news/a.txt", title="A")
    labelled = Extraction.read_labelled(_unlabelled_extraction().model_dump_json(), run_source)
    assert labelled.events[0].evidence[0].source == "S7"
    assert labelled.events[0].date.sources == ["S7"]
    assert (labelled.source.id, labelled.source.path, labelled.source.title) == ("S7", "/news/a.txt", "A")
    assert (labelled.source.published, labelled.source.published_basis) == ("2024-01-02", "inferred")
    assert labelled.warnings == ["a warning (/news/a.txt)"]


def test_an_extraction_renumbered_for_assembly_cites_its_new_id_everywhere():
    renamed = Extraction.read_labelled(_unlabelled_extraction().model_dump_json(), Source(id="S1", path="a")).with_source_id("S3")
    assert renamed.source.id == "S3"
    assert renamed.events[0].evidence[0].source == "S3" and renamed.events[0].date.sources == ["S3"]


def test_a_dangling_source_in_a_dates_sources_names_that_list_entry():
    data = _with(("events", 0, "date", "sources"), ["S1", "S4"])
    with pytest.raises(BriefingFileError, match=r"^events\[0\]\.date\.sources\[1\]: 'S4' is not the id of any source"):
        parse_briefing(data)


def test_two_sources_with_one_id_are_refused():
    data = _with(("sources",), [{"id": "S1", "path": "a.txt"}, {"id": "S1", "path": "b.txt"}])
    with pytest.raises(BriefingFileError, match=r"^sources\[1\]\.id: 'S1' is the id of an earlier source too"):
        parse_briefing(data)
