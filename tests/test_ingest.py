"""Reading inputs: encodings, front matter, folders, and refusals that name the file."""

import codecs
from pathlib import Path

import pytest

from briefgen.errors import InputError
from briefgen.ingest import expand_inputs, iter_documents, read_document
from briefgen.ingest.decode import NotTextError, decode_text
from briefgen.ingest.frontmatter import FrontMatterError, parse_front_matter


def test_utf8_bom_is_dropped_and_newlines_normalised():
    decoded = decode_text(codecs.BOM_UTF8 + "Seoul\r\nDelhi\rTokyo".encode("utf-8"))
    assert decoded.text == "Seoul\nDelhi\nTokyo"
    assert decoded.warning is None


def test_utf16_with_bom_is_read():
    assert decode_text("Envoy “said”".encode("utf-16")).text == "Envoy “said”"


def test_legacy_bytes_fall_back_with_a_warning():
    decoded = decode_text("café talks".encode("cp1252"))
    assert decoded.text == "café talks"
    assert decoded.encoding == "cp1252" and "not valid UTF-8" in decoded.warning


def test_binary_is_refused():
    with pytest.raises(NotTextError):
        decode_text(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")


def test_front_matter_fields_and_offsets():
    text = "---\ntitle: Talks\npublished: 2024-08-28\nurl:\n---\nBody text."
    front = parse_front_matter(text)
    assert front.fields == {"title": "Talks", "published": "2024-08-28"}
    assert text[front.end:] == "Body text."


def test_front_matter_published_in_words_is_normalised():
    front = parse_front_matter("---\npublished: 28 August 2024\n---\nx")
    assert front.get("published") == "2024-08-28"


def test_unparseable_published_is_a_warning_not_a_date():
    front = parse_front_matter("---\npublished: sometime soon\n---\nx")
    assert front.get("published") is None
    assert any("not a date" in w for w in front.warnings)


def test_invalid_yaml_is_an_error():
    with pytest.raises(FrontMatterError, match="not valid YAML"):
        parse_front_matter("---\ntitle: [unclosed\n---\nx")


def test_yaml_tags_are_never_executed():
    with pytest.raises(FrontMatterError):
        parse_front_matter("---\ntitle: !!python/object/apply:os.system ['echo hi']\n---\nx")


def test_document_keeps_front_matter_in_text_but_blanks_it_for_analysis(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("---\ntitle: Talks\n---\nThe envoy spoke.", encoding="utf-8")
    document, _ = read_document(path, "S1")
    assert document.text.startswith("---")
    assert len(document.analysis_text) == len(document.text)
    assert document.analysis_text.strip() == "The envoy spoke."
    assert document.source.title == "Talks"
    assert document.source.published_basis == "unknown"


def test_metadata_date_is_recorded_as_metadata(tmp_path):
    path = tmp_path / "a.md"
    path.write_text("---\npublished: 2023-01-05\n---\nText.", encoding="utf-8")
    document, _ = read_document(path, "S1")
    assert (document.source.published, document.source.published_basis) == ("2023-01-05", "metadata")


def test_folders_are_searched_and_bad_files_reported_not_fatal(tmp_path):
    (tmp_path / "good.txt").write_text("Ministers met in Delhi.", encoding="utf-8")
    (tmp_path / "empty.txt").write_text("   \n", encoding="utf-8")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    files, failures, warnings = expand_inputs([tmp_path])
    assert failures == []
    assert any("skipped 1 file" in w for w in warnings)
    read = list(iter_documents(files))
    assert [Path(item[0].source.path).name for item in read if not isinstance(item, InputError)] == ["good.txt"]
    assert [Path(item.where).name for item in read if isinstance(item, InputError)] == ["empty.txt"]


def test_unknown_type_named_directly_is_refused_by_name(tmp_path):
    path = tmp_path / "notes.xyz"
    path.write_text("text", encoding="utf-8")
    with pytest.raises(InputError, match="unsupported file type '.xyz'"):
        read_document(path, "S1")


def test_text_longer_than_the_parser_takes_is_refused(tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("word " * 100, encoding="utf-8")
    with pytest.raises(InputError, match="at most 50"):
        read_document(path, "S1", max_chars=50)


def test_an_impossible_published_date_is_a_warning_not_a_crash():
    front = parse_front_matter("---\npublished: 2024-02-30\n---\nx")
    assert front.get("published") is None
    assert front.warnings == ["front matter 'published: 2024-02-30' is not a date; inferring it from the text"]


def test_a_value_python_cannot_build_is_a_front_matter_error():
    with pytest.raises(FrontMatterError, match="front matter holds a value that cannot be read"):
        parse_front_matter("---\ntitle: " + "1" * 5000 + "\n---\nx")
