"""Output names and atomic writes."""

import os

import pytest

from briefgen.errors import OutputError
from briefgen.outputs import prepare_output_dir, slugify, write_all_atomically, write_atomically


@pytest.mark.parametrize(
    "title, slug",
    [
        ("Korea–India Forum, 2024", "korea-india-forum-2024"),
        ("../../etc/passwd", "etc-passwd"),
        ("CON", "con-briefing"),
        ("?!*", "briefing"),
        ("서울 회담", "briefing"),
        ("Élysée talks", "elysee-talks"),
    ],
)
def test_slug_is_a_safe_file_name(title, slug):
    assert slugify(title) == slug


def test_slug_is_bounded():
    assert len(slugify("word " * 200)) <= 80


def test_write_replaces_atomically_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "memo.json"
    write_atomically(target, "old")
    write_atomically(target, "new")
    assert target.read_text() == "new"
    assert os.listdir(tmp_path) == ["memo.json"]


def test_output_folder_is_created(tmp_path):
    assert prepare_output_dir(tmp_path / "a" / "b").is_dir()


def test_a_file_where_the_folder_should_be_is_an_error(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("x")
    with pytest.raises(OutputError):
        prepare_output_dir(blocker)


def test_several_files_are_replaced_together_or_not_at_all(tmp_path, monkeypatch):
    first, second = tmp_path / "memo.docx", tmp_path / "memo.pdf"
    write_all_atomically({first: "old docx", second: "old pdf"})
    synced = []
    real_fsync = os.fsync

    def disk_full_at_the_second_file(descriptor):
        synced.append(descriptor)
        if len(synced) == 2:
            raise OSError(28, "No space left on device")
        real_fsync(descriptor)

    monkeypatch.setattr(os, "fsync", disk_full_at_the_second_file)
    with pytest.raises(OutputError, match="No space left on device"):
        write_all_atomically({first: "new docx", second: "new pdf"})
    assert first.read_text() == "old docx" and second.read_text() == "old pdf"
    assert sorted(os.listdir(tmp_path)) == ["memo.docx", "memo.pdf"]
