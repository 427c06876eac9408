"""Rendering formats side by side: the same documents as one after the other, and errors intact."""

import os

import pytest

import briefgen.render.concurrent as concurrent
from briefgen.errors import OutputError
from briefgen.render.concurrent import render_all

needs_fork = pytest.mark.skipif(not concurrent._can_fork(), reason="this platform cannot fork a process")


@pytest.fixture
def two_cores(monkeypatch):
    monkeypatch.setattr(concurrent, "available_cores", lambda: 2)


@needs_fork
def test_the_first_task_runs_in_a_child_and_every_result_comes_back(two_cores):
    parent = os.getpid()
    results = render_all({"pdf": lambda: f"pid {os.getpid()}".encode(), "json": lambda: f"pid {os.getpid()}"})
    assert results["json"] == f"pid {parent}"
    assert results["pdf"] != f"pid {parent}".encode() and results["pdf"].startswith(b"pid ")


@needs_fork
def test_an_error_in_the_child_is_raised_here_with_its_type_and_message(two_cores):
    def failing():
        raise OutputError("the font file is damaged")

    with pytest.raises(OutputError, match="the font file is damaged"):
        render_all({"pdf": failing, "docx": lambda: b"docx"})


@needs_fork
def test_a_child_that_dies_without_a_word_is_replaced_by_rendering_here(two_cores):
    parent = os.getpid()

    def dies_in_a_child():
        if os.getpid() != parent:
            os._exit(3)
        return b"rendered here"

    assert render_all({"pdf": dies_in_a_child, "docx": lambda: b"docx"}) == {"pdf": b"rendered here", "docx": b"docx"}


def test_on_one_core_everything_is_rendered_here(monkeypatch):
    monkeypatch.setattr(concurrent, "available_cores", lambda: 1)
    parent = os.getpid()
    assert render_all({"pdf": os.getpid, "docx": os.getpid}) == {"pdf": parent, "docx": parent}


@needs_fork
def test_documents_rendered_side_by_side_are_byte_identical_to_those_rendered_in_turn(tmp_path, monkeypatch):
    from briefgen import api
    from fixtures import load

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    written = {}
    for cores in (1, 2):
        monkeypatch.setattr(concurrent, "available_cores", lambda: cores)
        paths = api.render(load("realistic_briefing"), output_dir=tmp_path / str(cores), formats=["docx", "pdf", "json"])
        written[cores] = {fmt: path.read_bytes() for fmt, path in paths.items()}
    assert written[1] == written[2]
    assert list(written[2]) == ["docx", "pdf", "json"]  # in the order asked for


def test_a_process_with_other_threads_renders_everything_here(two_cores):
    import threading

    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        parent = os.getpid()
        assert render_all({"pdf": os.getpid, "docx": os.getpid}) == {"pdf": parent, "docx": parent}
    finally:
        release.set()
        other.join()
