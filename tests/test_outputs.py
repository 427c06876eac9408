"""Output names and atomic writes."""

import os

import pytest

from briefgen.errors import OutputError
from briefgen.outputs import prepare_output_dir, slugify, write_atomically


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
