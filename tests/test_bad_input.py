"""Hostile and broken input through the command line: a clear one-line error or a complete,
correct memo, never a traceback, a half-written file or content that escapes its place.

Readers' own refusals (zip bombs and external entities in DOCX, scripts in HTML, damaged
PDFs) are tested with each reader; this file tests what a user sees of a whole run.
"""

import json
import os
from pathlib import Path

import docx
import icalendar
import jsonschema
import pytest
from pypdf import PdfReader

import briefgen.api
import briefgen.render.pdf_writer
from briefgen.cli import EXIT_ERROR, EXIT_OK, EXIT_PARTIAL, main
from briefgen.ingest import MAX_INPUT_BYTES
from briefgen.templates import load_template

ARTICLE = ("The foreign minister of Norway said on 3 March 2024 that the two countries had signed a fisheries "
           "agreement. \"We are pleased with the result,\" the minister, Anna Berg, told reporters in Oslo.\n")
NO_DATES = "Officials from Chile and Norway discussed fisheries. Anna Berg, the minister, said \"We agree.\"\n"
NO_QUOTES = "Chile and Norway signed a fisheries agreement in Oslo on 3 March 2024.\n"
LABELS = load_template("memo").labels


def write(path: Path, content) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def run(capsys, *args) -> tuple[int, list[str]]:
    code = main([str(a) for a in args])
    return code, capsys.readouterr().err.strip().splitlines()


def errors(lines: list[str]) -> list[str]:
    return [line for line in lines if line.startswith("briefgen: error:")]


def docx_text(path: Path) -> str:
    document = docx.Document(str(path))
    parts = [p.text for p in document.paragraphs]
    parts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    parts.append(document.core_properties.title or "")
    return "\n".join(parts)


def pdf_text(path: Path) -> str:
    return " ".join(" ".join((page.extract_text() or "").split()) for page in PdfReader(str(path)).pages)


def outputs(directory: Path) -> dict[str, Path]:
    return {p.name.split(".", 1)[1]: p for p in directory.iterdir()}


# One file that cannot be read: one line naming the file and why, exit 1, nothing written.


@pytest.mark.parametrize(
    "name, content, reason",
    [
        ("empty.txt", b"", "no text to read"),
        ("blank.txt", b" \n\t\r\n   \n", "no text to read"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "binary, not text"),
        ("control.txt", bytes(range(1, 32)) * 40, "binary, not text"),
        ("broken.md", b"---\ntitle: [unclosed\n---\nThe minister spoke.", "front matter is not valid YAML at line 3"),
        ("notes.rtf", b"{\\rtf1 The minister spoke.}", "unsupported file type '.rtf'"),
    ],
)
def test_an_unreadable_file_is_one_line_naming_it_and_nothing_is_written(tmp_path, capsys, name, content, reason):
    source = write(tmp_path / name, content)
    out = tmp_path / "out"
    code, lines = run(capsys, "build", source, "-o", out)
    assert code == EXIT_ERROR
    assert len(lines) == 1 and lines[0].startswith("briefgen: error: ")
    assert reason in lines[0] and f"({source})" in lines[0]
    assert not out.exists()


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path, capsys):
    big = tmp_path / "dump.txt"
    with big.open("wb") as stream:  # sparse: 50 MB on paper, nothing on disk
        stream.truncate(50 * 1024 * 1024)
    code, lines = run(capsys, "extract", big, "-o", tmp_path / "b.json")
    assert code == EXIT_ERROR
    assert errors(lines) == [f"briefgen: error: file is 52.4 MB; briefgen reads inputs up to "
                             f"{MAX_INPUT_BYTES // 2**20} MB, split it ({big})"]


def test_text_longer_than_the_parser_takes_is_refused_with_both_lengths(tmp_path, capsys, nlp):
    words = nlp.max_length // 5 + 1
    source = write(tmp_path / "long.txt", "word " * words)
    code, lines = run(capsys, "extract", source, "-o", tmp_path / "b.json")
    assert code == EXIT_ERROR
    assert f"text is {words * 5:,} characters; the parser takes at most {nlp.max_length:,}" in lines[0]


# Several files: the bad ones are skipped and named, the rest make the briefing.


def test_a_stray_file_in_a_folder_is_skipped_and_named_and_the_rest_is_built(tmp_path, capsys):
    folder = tmp_path / "articles"
    write(folder / "a-good.txt", ARTICLE)
    binary = write(folder / "b-stray.txt", bytes(range(256)) * 8)
    broken = write(folder / "c-broken.md", "---\npublished: [\n---\nText.")
    out = tmp_path / "out"
    code, lines = run(capsys, "build", folder, "-o", out, "-q", "--format", "json")
    assert code == EXIT_PARTIAL
    assert lines == [f"briefgen: skipped: cannot read as text: it contains NUL bytes, so it is binary, not text ({binary})",
                     f"briefgen: skipped: front matter is not valid YAML at line 3 ({broken})"]
    briefing = json.loads(next(out.glob("*.json")).read_text(encoding="utf-8"))
    assert [Path(s["path"]).name for s in briefing["sources"]] == ["a-good.txt"]


def test_strict_makes_any_bad_file_fatal_and_writes_nothing(tmp_path, capsys):
    folder = tmp_path / "articles"
    write(folder / "a-good.txt", ARTICLE)
    write(folder / "b-empty.txt", "")
    out = tmp_path / "out"
    code, lines = run(capsys, "build", folder, "-o", out, "-q", "--strict")
    assert code == EXIT_ERROR
    assert errors(lines) == [f"briefgen: error: no text to read (the file is empty or holds only metadata) "
                             f"({folder / 'b-empty.txt'})"]
    assert not out.exists()


# Odd but readable text: read with a warning where something was guessed.


def test_invalid_utf8_is_read_as_cp1252_with_a_warning(tmp_path, capsys):
    source = write(tmp_path / "legacy.txt", ARTICLE.replace("Oslo", "Tromsø").encode("cp1252"))
    out = tmp_path / "b.json"
    code, lines = run(capsys, "extract", source, "-o", out)
    assert code == EXIT_OK
    assert any("not valid UTF-8" in line and "read as cp1252" in line for line in lines)
    written = out.read_text(encoding="utf-8")
    assert "Tromsø" in written and "TromsÃ" not in written


def test_an_unparseable_published_date_is_a_warning_and_the_date_is_inferred(tmp_path, capsys):
    source = write(tmp_path / "a.md", "---\npublished: the day before yesterday\n---\nOSLO, 4 March 2024 - " + ARTICLE)
    out = tmp_path / "b.json"
    code, lines = run(capsys, "extract", source, "-o", out)
    assert code == EXIT_OK
    assert any("'published: the day before yesterday' is not a date" in line for line in lines)
    source_record = json.loads(out.read_text(encoding="utf-8"))["sources"][0]
    assert (source_record["published"], source_record["published_basis"]) == ("2024-03-04", "inferred")


def test_another_language_is_read_with_a_warning(tmp_path, capsys):
    text = ("Le ministre norvégien des Affaires étrangères a déclaré mardi que les deux pays avaient signé "
            "un accord sur la pêche. Nous sommes satisfaits du résultat, a déclaré la ministre aux journalistes "
            "réunis à Oslo, selon un communiqué publié par le gouvernement.\n")
    code, lines = run(capsys, "extract", write(tmp_path / "fr.txt", text), "-o", tmp_path / "b.json")
    assert code == EXIT_OK
    assert any("does not look like English" in line for line in lines)


@pytest.mark.parametrize(
    "name, text",
    [
        ("one-line-of-words.txt", " ".join(["Norway and Chile met in Oslo"] * 6700)),  # 200,999 characters
        ("one-word.txt", "x" * 200_000),
        ("no-sentences.txt", "... !!! ??? --- ,,, ;;; 123 456 789"),
    ],
)
def test_text_without_sentences_or_line_breaks_still_makes_a_memo(tmp_path, capsys, name, text):
    out = tmp_path / "out"
    code, lines = run(capsys, "build", write(tmp_path / name, text), "-o", out, "-q", "--format", "json,md")
    assert code == EXIT_OK and errors(lines) == []
    memo = outputs(out)["md"].read_text(encoding="utf-8")
    assert "No dated events" in memo


# The memo says what it has none of.


def test_a_memo_without_dates_or_quotes_says_so_in_every_format(tmp_path, capsys):
    for name, text, note in [("no-dates.txt", NO_DATES, LABELS.no_dated_events),
                             ("no-quotes.txt", NO_QUOTES, LABELS.no_statements)]:
        out = tmp_path / name
        code, _ = run(capsys, "build", write(tmp_path / "in" / name, text), "-o", out, "-q", "--format", "docx,pdf,md")
        assert code == EXIT_OK
        files = outputs(out)
        assert note in docx_text(files["docx"])
        assert note in pdf_text(files["pdf"])
        assert note in files["md"].read_text(encoding="utf-8")


def test_a_memo_with_dates_and_quotes_has_neither_note(tmp_path, capsys):
    out = tmp_path / "out"
    assert run(capsys, "build", write(tmp_path / "a.txt", ARTICLE), "-o", out, "-q", "--format", "md")[0] == EXIT_OK
    memo = outputs(out)["md"].read_text(encoding="utf-8")
    assert LABELS.no_dated_events not in memo and LABELS.no_statements not in memo


# Characters that mean something to a format, or that no format can hold.

MARKUP = "<b>Oslo</b> &amp; ]]> {{x}}"


def test_markup_in_titles_quotes_and_summaries_is_shown_literally_everywhere(tmp_path, capsys):
    article = (f"---\ntitle: \"{MARKUP}\"\n---\nAnna Berg, the foreign minister of Norway, said on 3 March 2024: "
               f"\"{MARKUP} is our answer.\"\nNorway and Chile signed {MARKUP} in Oslo on 4 March 2024.\n")
    out = tmp_path / "out"
    code, _ = run(capsys, "build", write(tmp_path / "a.md", article), "-o", out, "-q",
                  "--format", "docx,pdf,json,md,csv,ics,timelinejs")
    assert code == EXIT_OK
    files = outputs(out)
    briefing = json.loads(files["json"].read_text(encoding="utf-8"))
    assert briefing["title"] == MARKUP
    assert any(MARKUP in p["text"] for p in briefing["positions"])
    assert any(MARKUP in e["summary"] for e in briefing["events"])
    for text in (docx_text(files["docx"]), pdf_text(files["pdf"]), files["csv"].read_text(encoding="utf-8-sig")):
        assert text.count(MARKUP) >= 2, "title and at least one quote or event, as written"
    # Markdown and the HTML of TimelineJS escape it, so that a viewer shows it as written.
    assert r"\<b\>Oslo\</b\> \&amp; \]\]\> {{x}}" in files["md"].read_text(encoding="utf-8")
    assert "&lt;b&gt;Oslo&lt;/b&gt; &amp;amp; ]]&gt;" in files["timelinejs.json"].read_text(encoding="utf-8")
    calendar = icalendar.Calendar.from_ical(files["ics"].read_bytes())
    assert any(MARKUP in str(event.get("SUMMARY")) for event in calendar.walk("VEVENT"))


def test_control_characters_and_lone_surrogates_reach_no_output_and_crash_none(tmp_path, capsys):
    article = ("---\ntitle: \"Talks \\x07\\x1b[31m \\ud800 in Oslo\"\n---\n"
               "Anna Berg\x0b said on 3 March 2024: \"We\x0c agree\x1b[0m.\"\n")
    out = tmp_path / "out"
    code, lines = run(capsys, "build", write(tmp_path / "a.md", article), "-o", out, "-q",
                      "--title", "Talks \udcff\x07 Oslo", "--format", "docx,pdf,json,md,csv,ics,timelinejs")
    assert (code, errors(lines)) == (EXIT_OK, [])
    files = outputs(out)
    briefing = json.loads(files["json"].read_text(encoding="utf-8"))
    assert briefing["title"] == "Talks \ufffd\x07 Oslo"
    assert briefing["sources"][0]["title"] == "Talks \x07\x1b[31m \ufffd in Oslo"
    assert "Talks \ufffd Oslo" in docx_text(files["docx"])
    assert "\x07" not in docx_text(files["docx"]) + files["md"].read_text(encoding="utf-8")
    assert len(PdfReader(str(files["pdf"])).pages) >= 1


# Where outputs go, and what happens to what is already there.


@pytest.mark.parametrize(
    "title, name",
    [("../../etc/passwd", "etc-passwd"), ("CON", "con-briefing"), ("?!*/\\..", "briefing"),
     (("Talks " * 84)[:500], "talks-" * 13 + "ta")],  # cut at 80 characters
)
def test_a_title_never_makes_a_path_outside_the_output_folder(tmp_path, capsys, title, name):
    out = tmp_path / "deep" / "out"
    source = write(tmp_path / "a.txt", ARTICLE)
    assert run(capsys, "build", source, "-o", out, "-q", "--title", title, "--format", "json")[0] == EXIT_OK
    written = list(out.iterdir())
    assert len(written) == 1 and written[0].parent == out
    stem = written[0].name.removesuffix(".json")
    assert stem == name
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt", "deep"]


def test_an_output_folder_that_cannot_be_made_is_one_line(tmp_path, capsys):
    blocker = write(tmp_path / "not-a-folder", "x")
    code, lines = run(capsys, "build", write(tmp_path / "a.txt", ARTICLE), "-o", blocker / "out", "-q")
    assert code == EXIT_ERROR
    assert lines == [f"briefgen: error: cannot create the output folder: Not a directory ({blocker / 'out'})"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_output_folder_is_one_line(tmp_path, capsys):
    out = tmp_path / "out"
    out.mkdir(mode=0o500)
    code, lines = run(capsys, "build", write(tmp_path / "a.txt", ARTICLE), "-o", out, "-q")
    assert code == EXIT_ERROR and lines == [f"briefgen: error: output folder is not writable ({out})"]


def test_a_failing_writer_leaves_earlier_outputs_untouched_and_no_temporary_files(tmp_path, capsys, monkeypatch):
    source = write(tmp_path / "a.txt", ARTICLE)
    out = tmp_path / "out"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    assert run(capsys, "build", source, "-o", out, "-q", "--format", "docx,json,pdf")[0] == EXIT_OK
    before = {p.name: p.read_bytes() for p in out.iterdir()}

    def pdf_writer_that_fails(*args, **kwargs):
        raise RuntimeError("the PDF writer broke")

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # a new run would change every file
    monkeypatch.setattr(briefgen.render.pdf_writer, "render_pdf", pdf_writer_that_fails)
    code, lines = run(capsys, "build", source, "-o", out, "--format", "docx,json,pdf")
    assert code == EXIT_ERROR
    assert errors(lines) == ["briefgen: error: internal error: RuntimeError: the PDF writer broke "
                             "(run with --debug for the traceback)"]
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_debug_shows_the_traceback(tmp_path, capsys, monkeypatch):
    def pdf_writer_that_fails(*args, **kwargs):
        raise RuntimeError("the PDF writer broke")

    monkeypatch.setattr(briefgen.render.pdf_writer, "render_pdf", pdf_writer_that_fails)
    code, lines = run(capsys, "build", write(tmp_path / "a.txt", ARTICLE), "-o", tmp_path / "out", "-q", "--debug")
    assert code == EXIT_ERROR
    assert lines[0] == "Traceback (most recent call last):" and "in pdf_writer_that_fails" in "\n".join(lines)


def test_an_existing_output_is_replaced_by_the_complete_new_one(tmp_path, capsys):
    out = tmp_path / "out"
    write(out / "norway.json", "an old briefing")
    code, _ = run(capsys, "extract", write(tmp_path / "a.txt", ARTICLE), "-o", out / "norway.json", "-q")
    assert code == EXIT_OK
    assert json.loads((out / "norway.json").read_text(encoding="utf-8"))["schema_version"] == 1
    assert os.listdir(out) == ["norway.json"]


# A briefing JSON edited by hand: the error names the field.

EDITED = {
    "schema_version": 1, "title": "Talks", "generated_at": "2024-03-05T00:00:00Z",
    "sources": [{"id": "S1", "path": "a.txt"}],
    "events": [{"id": "E1", "date": {"value": "2024-03-03", "granularity": "day", "start": "2024-03-03",
                                     "end": "2024-03-03"},
                "summary": "Norway and Chile signed", "confidence": 0.8,
                "evidence": [{"source": "S1", "start": 0, "end": 6, "text": "Norway"}]}],
}


@pytest.mark.parametrize(
    "edit, message",
    [
        (lambda b: b["events"][0].update(confidence="high"), "events[0].confidence: Input should be a valid number"),
        (lambda b: b.update(schema_version=2), "schema_version: unsupported schema_version 2"),
        (lambda b: b["events"][0]["evidence"][0].update(source="S7"),
         "events[0].evidence[0].source: 'S7' is not the id of any source in sources"),
        (lambda b: b["events"][0]["date"].update(end="2024-02-30"), "events[0].date.end: '2024-02-30' is not a calendar date"),
        (lambda b: b.update(sources="a.txt"), "sources: Input should be a valid list"),
    ],
)
def test_a_hand_edited_briefing_error_names_the_field(tmp_path, capsys, edit, message):
    edited = json.loads(json.dumps(EDITED))
    assert run(capsys, "render", write(tmp_path / "ok.json", json.dumps(edited)), "-o", tmp_path / "ok", "-q",
               "--format", "md")[0] == EXIT_OK
    edit(edited)
    path = write(tmp_path / "edited.json", json.dumps(edited))
    code, lines = run(capsys, "render", path, "-o", tmp_path / "out")
    assert code == EXIT_ERROR and len(lines) == 1
    assert lines[0].startswith("briefgen: error: " + message) and lines[0].endswith(f"({path})")
    assert not (tmp_path / "out").exists()


def test_the_json_of_a_hostile_run_validates_against_the_shipped_schema(tmp_path, capsys):
    out = tmp_path / "b.json"
    article = f"---\ntitle: \"{MARKUP} \\ud800\"\npublished: never\n---\n" + ARTICLE + "\x07" + MARKUP
    assert run(capsys, "extract", write(tmp_path / "a.md", article), "-o", out, "-q")[0] == EXIT_OK
    jsonschema.validate(json.loads(out.read_text(encoding="utf-8")), briefgen.api.schema())
