"""The command line end to end on the sample article in seeds/."""

import json
from pathlib import Path

import docx
import jsonschema
import pytest
from pypdf import PdfReader

from briefgen.cli import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "seeds" / "000_0ad1514b1b5e3b7d.txt"


@pytest.fixture(scope="module")
def sample_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("build")
    code = main(["build", str(SAMPLE), "-o", str(out), "-q", "--format", "docx,pdf,json,md"])
    assert code == 0
    outputs = {p.suffix: p for p in out.iterdir()}
    return out, outputs, json.loads(outputs[".json"].read_text(encoding="utf-8"))


def test_build_writes_every_requested_format(sample_build):
    _, outputs, _ = sample_build
    assert set(outputs) == {".docx", ".pdf", ".json", ".md"}
    assert len({p.stem for p in outputs.values()}) == 1, "all formats share one name"


def test_json_validates_against_the_published_schema(sample_build, capsys):
    _, _, briefing = sample_build
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    jsonschema.validate(briefing, schema)
    assert briefing["schema_version"] == 1


def test_publication_date_is_inferred_from_the_fully_written_date(sample_build):
    _, _, briefing = sample_build
    (source,) = briefing["sources"]
    # The front matter leaves `published` empty; the text says "on Wednesday (August 28, 2024)".
    assert source["published"] == "2024-08-28"
    assert source["published_basis"] == "inferred"


def test_bare_year_event_keeps_year_granularity(sample_build):
    _, outputs, briefing = sample_build
    roadmap = [e for e in briefing["events"] if e["date"]["value"] == "2020"]
    assert len(roadmap) == 1
    event = roadmap[0]
    assert event["date"]["granularity"] == "year"
    assert (event["date"]["start"], event["date"]["end"]) == ("2020-01-01", "2020-12-31")
    assert "signed a roadmap for defence industries cooperation" in event["evidence"][0]["text"]
    assert "roadmap" in event["summary"]
    assert event["type"] == "agreement"


def test_wednesday_statement_is_dated_to_the_day(sample_build):
    _, _, briefing = sample_build
    assert any(e["date"]["value"] == "2024-08-28" for e in briefing["events"])


def test_evidence_offsets_point_into_the_source_text(sample_build):
    _, _, briefing = sample_build
    text = SAMPLE.read_text(encoding="utf-8")
    spans = [span for e in briefing["events"] for span in e["evidence"]]
    spans += [span for p in briefing["positions"] for span in p["evidence"] + [p["cue"], p["speaker_mention"]] if span]
    assert spans
    for span in spans:
        assert text[span["start"]:span["end"]] == span["text"]


def test_positions_are_attributed_to_full_names(sample_build):
    _, _, briefing = sample_build
    speakers = {p["speaker"]["name"] for p in briefing["positions"]}
    assert {"Chang Jae-Bok", "Jaideep Mazumdar"} <= speakers
    chang = [p for p in briefing["positions"] if p["speaker"]["name"] == "Chang Jae-Bok"]
    # "Mr. Chang said" and "he added" are the same man: at least the two direct quotes.
    assert sum(p["kind"] == "direct" for p in chang) >= 2


def test_docx_opens_and_has_the_memo_sections(sample_build):
    _, outputs, briefing = sample_build
    document = docx.Document(str(outputs[".docx"]))
    headings = [p.text for p in document.paragraphs if p.style.name.startswith("Heading")]
    for section in ("Timeline", "Key positions", "Sources"):
        assert any(section.lower() in h.lower() for h in headings), (section, headings)
    body = "\n".join(p.text for p in document.paragraphs) + "\n".join(
        cell.text for table in document.tables for row in table.rows for cell in row.cells
    )
    assert briefing["title"] in body


def test_pdf_opens_and_shows_the_timeline(sample_build):
    _, outputs, briefing = sample_build
    text = " ".join(page.extract_text() for page in PdfReader(str(outputs[".pdf"])).pages)
    flat = " ".join(text.split())
    for event in briefing["events"]:
        first_words = " ".join(event["summary"].split()[:4])
        assert first_words in flat, first_words


def test_render_shows_a_hand_edit_in_both_documents(sample_build, tmp_path):
    _, outputs, briefing = sample_build
    briefing["events"][0]["summary"] = "Hand-corrected summary of the first event"
    edited = tmp_path / "edited.json"
    edited.write_text(json.dumps(briefing), encoding="utf-8")
    out = tmp_path / "out"
    assert main(["render", str(edited), "-o", str(out), "-q"]) == 0
    docx_path = next(out.glob("*.docx"))
    pdf_path = next(out.glob("*.pdf"))
    document = docx.Document(str(docx_path))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert any("Hand-corrected summary" in c for c in cells)
    pdf_text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(str(pdf_path)).pages)
    assert "Hand-corrected summary of the first event" in pdf_text


@pytest.mark.parametrize(
    "make_input, expected",
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: _write(d / "empty.txt", ""), "no text"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(tmp_path, capsys, make_input, expected):
    source = make_input(tmp_path)
    out = tmp_path / "out"
    code = main(["build", str(source), "-o", str(out)])
    err = capsys.readouterr().err
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefgen: error:") and expected in lines[0]
    assert not out.exists() or not any(out.iterdir())


def test_invalid_briefing_json_is_one_line_and_writes_nothing(tmp_path, capsys):
    bad = _write(tmp_path / "bad.json", '{"schema_version": 1, "title": ')
    out = tmp_path / "out"
    assert main(["render", str(bad), "-o", str(out)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and "not valid JSON" in lines[0] and "bad.json" in lines[0]
    assert not out.exists()


def test_briefing_with_a_wrong_field_names_it(sample_build, tmp_path, capsys):
    _, _, briefing = sample_build
    briefing["events"][0]["date"]["start"] = "2024-02-30"
    bad = _write(tmp_path / "edited.json", json.dumps(briefing))
    assert main(["render", str(bad), "-o", str(tmp_path / "out")]) == 1
    err = capsys.readouterr().err
    assert "events[0].date.start" in err and "not a calendar date" in err


def test_dates_json_lists_offsets_into_the_file(capsys):
    assert main(["dates", str(SAMPLE), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    text = SAMPLE.read_text(encoding="utf-8")
    assert rows and all(text[r["start"]:r["end"]] == r["text"] for r in rows)
    by_text = {r["text"]: r for r in rows}
    assert by_text["2020"]["value"] == "2020"
    assert by_text["August 28, 2024"]["value"] == "2024-08-28"


def test_dates_with_a_given_reference_resolves_weekdays_against_it(capsys):
    # Reference Monday 2 September 2024: "said on Wednesday" is the Wednesday before it.
    assert main(["dates", str(SAMPLE), "--format", "json", "--dct", "2024-09-02"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert {r["value"] for r in rows if r["text"] == "Wednesday"} == {"2024-08-28"}


def test_version_prints_the_package_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    from briefgen import __version__

    assert capsys.readouterr().out.strip() == f"briefgen {__version__}"


def _write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
