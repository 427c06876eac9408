"""Speed and scale: the extraction cache, worker processes, and that neither changes the briefing."""

from __future__ import annotations

import gc
import json
import multiprocessing
import os
import sqlite3
import subprocess
import sys
import types
import weakref
import zlib

import pytest

import briefgen.api as api
import briefgen.cache as cache_module
from briefgen.extract import document as document_module
import briefgen.runner as runner
from briefgen.cli import main
from briefgen.model import briefing_to_json

ARTICLES = {
    "accord.txt": "---\npublished: 2024-03-05\n---\nJapan and Vietnam signed a trade agreement in Hanoi on March 3, 2024. "
                  "\"This is a new chapter,\" Foreign Minister Yoko Kamikawa said on Monday.\n",
    "summit.txt": "---\npublished: 2024-04-12\n---\nThe leaders of Chile and Norway met in Oslo on Wednesday. "
                  "The Chilean president said that the talks had been useful.\n",
    "vote.txt": "Kenya held a parliamentary election in August 2022, the commission said on Tuesday (September 6, 2022).\n",
}
NEW_ARTICLE = ("visit.txt", "---\npublished: 2024-05-20\n---\nPrime Minister Anthony Albanese visited Jakarta on May 18, 2024.\n")


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def parsed(monkeypatch):
    """The paths of the documents actually parsed (rather than served from the cache), in order."""
    seen: list[str] = []
    real = document_module.extract_unlabelled

    def counting(doc, document, **options):
        seen.append(document.source.path)
        return real(doc, document, **options)

    monkeypatch.setattr(document_module, "extract_unlabelled", counting)
    return seen


def _json(inputs, **options) -> str:
    return briefing_to_json(api.extract(inputs, jobs=1, **options))


def test_a_rerun_parses_nothing_and_gives_the_same_briefing(corpus, tmp_path, parsed):
    store = tmp_path / "cache.sqlite3"
    first = _json([corpus], cache=store)
    assert len(parsed) == 3
    second = _json([corpus], cache=store)
    assert len(parsed) == 3
    assert first == second == _json([corpus], cache=False)


def test_one_new_article_is_the_only_one_parsed(corpus, tmp_path, parsed):
    store = tmp_path / "cache.sqlite3"
    _json([corpus], cache=store)
    (corpus / NEW_ARTICLE[0]).write_text(NEW_ARTICLE[1], encoding="utf-8")
    parsed.clear()
    with_cache = _json([corpus], cache=store)
    assert [p.rsplit("/", 1)[-1] for p in parsed] == ["visit.txt"]
    assert with_cache == _json([corpus], cache=False)


@pytest.fixture
def pools(monkeypatch):
    """The size of every worker pool the runner starts."""
    sizes: list[int] = []
    real = runner.ProcessPoolExecutor

    def recording(max_workers, **options):
        sizes.append(max_workers)
        return real(max_workers=max_workers, **options)

    monkeypatch.setattr(runner, "ProcessPoolExecutor", recording)
    return sizes


def test_a_fully_cached_run_loads_no_pipeline_and_starts_no_worker(corpus, tmp_path, monkeypatch, pools):
    store = tmp_path / "cache.sqlite3"
    first = _json([corpus], cache=store)

    def no_loading(name):
        raise AssertionError(f"pipeline {name} loaded although every document was cached")

    monkeypatch.setattr(runner, "get_pipeline", no_loading)
    assert briefing_to_json(api.extract([corpus], jobs=2, cache=store)) == first
    assert pools == []


def test_a_new_article_after_cached_ones_is_parsed_by_one_worker(corpus, tmp_path, monkeypatch, pools):
    """One worker parses it while this process reads back the cached extractions before it;
    a second worker would only load the pipeline again."""
    monkeypatch.setattr(runner, "BATCH_SIZE", 1)
    store = tmp_path / "cache.sqlite3"
    _json([corpus], cache=store)
    (corpus / "zz-latest.txt").write_text(NEW_ARTICLE[1], encoding="utf-8")  # read last
    with_cache = briefing_to_json(api.extract([corpus], jobs=2, cache=store))
    assert pools == [1]
    assert with_cache == _json([corpus], cache=False)


def test_a_worker_starts_before_the_folder_is_read_when_a_file_is_newer_than_the_cache(corpus, tmp_path, monkeypatch):
    """The file times say a new article is there: the worker loads the pipeline while this
    process reads and looks up the folder, instead of from when the article is met."""
    events: list[str] = []
    real_pool, real_lookup = runner.ProcessPoolExecutor, runner._lookup
    monkeypatch.setattr(runner, "ProcessPoolExecutor", lambda **options: events.append("pool") or real_pool(**options))
    monkeypatch.setattr(runner, "_lookup", lambda *args: events.append("lookup") or real_lookup(*args))
    monkeypatch.setattr(runner, "BATCH_SIZE", 1)
    store = tmp_path / "cache.sqlite3"
    _json([corpus], cache=store)
    (corpus / "zz-latest.txt").write_text(NEW_ARTICLE[1], encoding="utf-8")
    written = store.stat().st_mtime
    os.utime(corpus / "zz-latest.txt", (written + 60, written + 60))
    events.clear()
    with_cache = briefing_to_json(api.extract([corpus], jobs=2, cache=store))
    assert events[0] == "pool" and events.count("pool") == 1
    assert with_cache == _json([corpus], cache=False)


def test_a_rerun_imports_the_writers_while_its_worker_loads_the_pipeline(corpus, tmp_path, monkeypatch):
    events: list[str] = []
    real_writers, real_lookup = api._writers, runner._lookup
    monkeypatch.setattr(api, "_writers", lambda: events.append("writers") or real_writers())
    monkeypatch.setattr(runner, "_lookup", lambda *args: events.append("lookup") or real_lookup(*args))
    store = tmp_path / "cache.sqlite3"
    api.build([corpus], output_dir=tmp_path / "first", formats=["json"], jobs=2, cache=store)
    assert events[0] == "lookup" and events[-1] == "writers" and events.count("writers") == 1  # when it renders
    (corpus / "zz-latest.txt").write_text(NEW_ARTICLE[1], encoding="utf-8")
    written = store.stat().st_mtime
    os.utime(corpus / "zz-latest.txt", (written + 60, written + 60))
    events.clear()
    api.build([corpus], output_dir=tmp_path / "second", formats=["json"], jobs=2, cache=store)
    assert events[0] == "writers" and events.count("writers") == 2 and "lookup" in events


def test_a_file_touched_but_unchanged_is_still_served_from_the_cache(corpus, tmp_path, parsed):
    """File times are only a hint: a worker may start for nothing, but nothing is parsed."""
    store = tmp_path / "cache.sqlite3"
    first = _json([corpus], cache=store)
    parsed.clear()
    written = store.stat().st_mtime
    os.utime(corpus / "summit.txt", (written + 60, written + 60))
    assert briefing_to_json(api.extract([corpus], jobs=2, cache=store)) == first
    assert parsed == []


def test_the_cache_counts_the_files_changed_since_it_was_last_written(corpus, tmp_path):
    store = tmp_path / "cache.sqlite3"
    files = sorted(corpus.iterdir())
    assert cache_module.ExtractionCache(store, print).count_changed_since_written(files) == len(files)  # a new cache
    _json([corpus], cache=store)
    written = store.stat().st_mtime
    os.utime(files[0], (written + 60, written + 60))
    os.utime(files[1], (written - 60, written - 60))
    cache = cache_module.ExtractionCache(store, print)
    assert cache.count_changed_since_written(files + [corpus / "gone.txt"]) == 2  # a vanished file counts
    cache.close()


def test_batches_shrink_toward_the_end_of_a_run_shared_among_workers():
    """Eighty-one articles for two workers: full batches first, then smaller ones, so that
    neither worker is left with a full batch while the other has nothing to do."""
    documents = list(range(81))
    shared = [len(batch) for batch in runner._batches(documents, 16, expected=81, workers=2)]
    assert sum(shared) == 81 and shared[0] == 16
    assert shared == sorted(shared, reverse=True) and shared[-1] == 1
    assert all(size <= -(-(81 - sum(shared[:i])) // 4) for i, size in enumerate(shared))
    assert [len(batch) for batch in runner._batches(documents, 16)] == [16, 16, 16, 16, 16, 1]


def test_a_batch_is_parsed_in_parts_of_bounded_length(monkeypatch):
    """Parse memory grows with the words parsed together: parts stay under the limit, and a
    document longer than the limit is parsed alone."""
    monkeypatch.setattr(runner, "PARSE_PART_CHARACTERS", 100)
    lengths = [40, 40, 30, 250, 10, 60, 50]
    documents = [types.SimpleNamespace(analysis_text="x" * n) for n in lengths]
    parts = [[len(d.analysis_text) for d in part] for part in runner._parse_parts(documents)]
    assert parts == [[40, 40], [30], [250], [10, 60], [50]]


def test_a_small_cold_run_is_parsed_without_workers(corpus, pools):
    # Three articles, one batch: starting processes would cost more than it shares out.
    api.extract([corpus], jobs=2, cache=False)
    assert pools == []


def test_a_stored_entry_that_no_longer_reads_as_an_extraction_is_parsed_again(corpus, tmp_path, parsed):
    store = tmp_path / "cache.sqlite3"
    first = _json([corpus], cache=store)
    with sqlite3.connect(store) as connection:
        connection.execute("UPDATE extractions SET extraction = ?", (zlib.compress(b'{"source": {"id": "S0"}}'),))
    parsed.clear()
    assert _json([corpus], cache=store) == first
    assert len(parsed) == 3


def test_a_cached_text_is_labelled_with_its_new_source_id_and_path(corpus, tmp_path, parsed):
    """Source ids are handed out per run: the same text as S3 in one run and S1 in the next."""
    store = tmp_path / "cache.sqlite3"
    _json([corpus], cache=store)
    moved = tmp_path / "elsewhere" / "copy.txt"
    moved.parent.mkdir()
    moved.write_text(ARTICLES["vote.txt"], encoding="utf-8")
    parsed.clear()
    briefing = json.loads(_json([moved], cache=store))
    assert parsed == []
    assert briefing == json.loads(_json([moved], cache=False))
    assert [s["id"] for s in briefing["sources"]] == ["S1"]
    assert {span["source"] for event in briefing["events"] for span in event["evidence"]} == {"S1"}


def test_the_same_text_under_another_dated_name_is_parsed_again(tmp_path, parsed):
    """The date a file's name holds may become the publication date, so it is part of the key."""
    store = tmp_path / "cache.sqlite3"
    text = "The council approved the budget on Monday.\n"
    first = tmp_path / "a" / "wire_2024-05-09_council.txt"
    second = tmp_path / "b" / "wire_2024-06-13_council.txt"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    one = json.loads(_json([first], cache=store))
    two = json.loads(_json([second], cache=store))
    assert len(parsed) == 2
    assert [e["date"]["value"] for e in one["events"]] == ["2024-05-06"]
    assert [e["date"]["value"] for e in two["events"]] == ["2024-06-10"]


def test_a_cached_warning_names_the_path_of_this_run(tmp_path):
    undated = "The two ministers met and agreed to talk again next week.\n"
    first, second = tmp_path / "a" / "one.txt", tmp_path / "b" / "two.txt"
    for path in (first, second):
        path.parent.mkdir()
        path.write_text(undated, encoding="utf-8")
    store = tmp_path / "cache.sqlite3"
    api.extract([first], jobs=1, cache=store)
    notes = api.extract([second], jobs=1, cache=store).notes
    assert len(notes) == 1 and notes[0].endswith(f"({second.resolve()})")


@pytest.mark.parametrize("change", ["model", "version", "code", "day_first"])
def test_a_change_of_model_version_code_or_options_parses_again(corpus, tmp_path, parsed, monkeypatch, change):
    store = tmp_path / "cache.sqlite3"
    _json([corpus], cache=store)
    parsed.clear()
    options = {}
    if change == "model":
        monkeypatch.setattr(api, "check_pipeline", lambda name: "en_core_web_sm@9.9.9")
    elif change == "version":
        monkeypatch.setattr(cache_module, "__version__", "99.0")
    elif change == "code":
        monkeypatch.setattr(cache_module, "code_digest", lambda: "edited")
    else:
        options["day_first"] = True
    _json([corpus], cache=store, **options)
    assert len(parsed) == 3


def test_the_code_digest_follows_every_file_of_the_tree(tmp_path):
    (tmp_path / "module.py").write_text("A = 1\n")
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "words.tsv").write_text("lemma\tkind\n")
    before = cache_module.tree_digest(tmp_path)
    (tmp_path / "data" / "words.tsv").write_text("lemma\tkind\nenvoy\tperson\n")
    assert cache_module.tree_digest(tmp_path) != before


def test_two_jobs_give_the_same_briefing_as_one(corpus, tmp_path, monkeypatch):
    (corpus / NEW_ARTICLE[0]).write_text(NEW_ARTICLE[1], encoding="utf-8")
    monkeypatch.setattr(runner, "BATCH_SIZE", 1)  # four batches, so two workers really start
    one = briefing_to_json(api.extract([corpus], jobs=1, cache=False))
    two = briefing_to_json(api.extract([corpus], jobs=2, cache=False))
    two_cached = briefing_to_json(api.extract([corpus], jobs=2, cache=tmp_path / "cache.sqlite3"))
    assert one == two == two_cached


def test_a_corrupt_cache_file_is_a_warning_and_the_run_goes_on(corpus, tmp_path):
    store = tmp_path / "cache.sqlite3"
    store.write_bytes(b"this is not a database\n" * 200)
    warnings: list[str] = []
    briefing = api.extract([corpus], jobs=1, cache=store, report=api.Report(on_warning=warnings.append))
    assert any("extraction cache" in w and "continuing without it" in w for w in warnings)
    assert briefing_to_json(briefing) == _json([corpus], cache=False)


def test_a_corrupt_cache_file_on_the_command_line_is_one_warning_line(corpus, tmp_path, capsys):
    store = tmp_path / "cache.sqlite3"
    store.write_bytes(b"\x00garbage" * 500)
    code = main(["extract", str(corpus), "-o", str(tmp_path / "out.json"), "--cache", str(store), "--jobs", "1"])
    err = capsys.readouterr().err
    assert code == 0
    assert "Traceback" not in err
    assert [line for line in err.splitlines() if "extraction cache" in line][0].startswith("briefgen: warning: ")


def test_a_cache_folder_holds_the_cache_file(corpus, tmp_path):
    _json([corpus], cache=tmp_path)
    assert (tmp_path / cache_module.CACHE_FILE_NAME).is_file()


def test_the_default_cache_follows_the_environment(tmp_path):
    assert cache_module.default_cache_path({"BRIEFGEN_CACHE": str(tmp_path / "c.db")}) == tmp_path / "c.db"
    assert cache_module.default_cache_path({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "briefgen" / "extractions.sqlite3"


def _extract_into(folder: str, store: str, out: str) -> None:
    from pathlib import Path

    Path(out).write_text(briefing_to_json(api.extract([folder], jobs=1, cache=store)), encoding="utf-8")


def test_two_processes_writing_one_cache_leave_it_whole(corpus, tmp_path, parsed):
    other = tmp_path / "more"
    other.mkdir()
    (other / NEW_ARTICLE[0]).write_text(NEW_ARTICLE[1], encoding="utf-8")
    (other / "vote.txt").write_text(ARTICLES["vote.txt"], encoding="utf-8")
    store = tmp_path / "cache.sqlite3"
    context = multiprocessing.get_context("fork")
    runs = [context.Process(target=_extract_into, args=(str(folder), str(store), str(tmp_path / f"{n}.json")))
            for n, folder in enumerate((corpus, other))]
    for run in runs:
        run.start()
    for run in runs:
        run.join(timeout=120)
    assert [run.exitcode for run in runs] == [0, 0]
    with sqlite3.connect(store) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert connection.execute("SELECT count(*) FROM extractions").fetchone() == (4,)
    assert _json([corpus, other], cache=store) == _json([corpus, other], cache=False)
    assert len(parsed) == 5  # the five documents of the uncached run; the cached run parsed none


def test_jobs_must_be_a_whole_number(corpus, tmp_path, capsys):
    with pytest.raises(api.OptionError):
        api.extract([corpus], jobs=0)
    with pytest.raises(SystemExit) as exit_:
        main(["extract", str(corpus), "-o", str(tmp_path / "x.json"), "--jobs", "0"])
    assert exit_.value.code == 2
    assert "--jobs: must be a whole number of 1 or more" in capsys.readouterr().err


def test_briefgen_extract_stays_the_api_function_after_the_first_call(corpus):
    import briefgen

    first = briefgen.extract([corpus], jobs=1, cache=False)
    assert briefing_to_json(briefgen.extract([corpus], jobs=1, cache=False)) == briefing_to_json(first)


def test_extractions_mapped_apart_assemble_into_the_briefing_of_one_run(corpus, tmp_path):
    """The map and reduce halves of extract, as a distributed engine would run them."""
    (corpus / NEW_ARTICLE[0]).write_text(NEW_ARTICLE[1], encoding="utf-8")
    paths = sorted(corpus.glob("*.txt"))
    halves = [api.extractions(paths[:2], jobs=1, cache=False), api.extractions(paths[2:], jobs=1, cache=False)]
    assert [x.source.id for x in halves[1]] == ["S1", "S2"]
    together = api.assemble(halves[0] + halves[1])
    assert briefing_to_json(together) == _json([corpus], cache=False)


def test_the_documented_map_and_reduce_are_the_package_functions():
    """``briefgen.extractions(...)`` then ``briefgen.assemble(...)``, as the README spells them:
    loading the API imports the subpackage briefgen.assemble, which must not hide the function."""
    code = ("import briefgen, briefgen.api; print(briefgen.assemble is briefgen.api.assemble, "
            "briefgen.extract is briefgen.api.extract)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "True"]


def test_the_api_and_command_line_import_without_spacy():
    """Rendering a briefing, or re-running on a folder the cache holds, needs no spaCy: its
    import is most of a short run's start-up, so it waits until a document must be parsed."""
    code = "import sys, briefgen.cli, briefgen.api; print('spacy' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_the_api_imports_no_document_writer_before_it_renders():
    """python-docx, reportlab and Pillow are half of the API's import time: a run loads them
    while it parses, or when it renders, not before its first parse can start."""
    code = "import sys, briefgen.api; print(sorted(m for m in ('docx', 'reportlab', 'PIL') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_a_fully_cached_run_never_imports_spacy(corpus, tmp_path):
    """Finding and checking the pipeline reads its package metadata; only a parse imports spaCy."""
    store = tmp_path / "cache.sqlite3"
    _json([corpus], cache=store)
    code = (f"import sys, briefgen.api as api; b = api.extract([{str(corpus)!r}], cache={str(store)!r}); "
            "print(len(b.sources), 'spacy' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.split() == [str(len(ARTICLES)), "False"]


def test_each_parse_is_freed_as_soon_as_its_document_is_extracted(corpus, monkeypatch):
    """No Doc waits for the garbage collector: with the collector off for the whole run, every
    parse is gone by the end of it, so a worker's memory does not grow with the corpus."""
    parses = []
    real = document_module.extract_unlabelled

    def recording(doc, document, **options):
        parses.append(weakref.ref(doc))
        return real(doc, document, **options)

    monkeypatch.setattr(document_module, "extract_unlabelled", recording)
    gc.collect()
    gc.disable()
    try:
        api.extract([corpus], jobs=1, cache=False)
        assert len(parses) == len(ARTICLES)
        assert [ref() for ref in parses] == [None] * len(ARTICLES)
    finally:
        gc.enable()
