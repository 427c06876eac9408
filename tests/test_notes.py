"""The briefing's notes, each warning said once naming every source it concerns, and its scope line."""

from briefgen.assemble.briefing import assemble_briefing
from briefgen.model import Extraction, Source

UNDATED = "no publication date given or found; relative dates are left unresolved"


def _extraction(number: int, *warnings: str) -> Extraction:
    path = f"/news/{number:03d}.txt"
    return Extraction(source=Source(id=f"S{number}", path=path), warnings=[f"{w} ({path})" for w in warnings])


def test_a_warning_of_one_source_names_its_file():
    briefing = assemble_briefing([_extraction(1, UNDATED), _extraction(2)])
    assert briefing.notes == [f"{UNDATED} (/news/001.txt)"]


def test_a_warning_shared_by_many_sources_is_one_note_with_their_ids_in_runs():
    undated = [1, 2, 3, 4, 6, 9, 10]
    extractions = [_extraction(n, UNDATED) if n in undated else _extraction(n) for n in range(1, 11)]
    extractions[4] = _extraction(5, "the PDF has 2 pages without text")
    briefing = assemble_briefing(extractions)
    assert briefing.notes == [
        f"{UNDATED} (7 sources: S1–S4, S6, S9–S10)",
        "the PDF has 2 pages without text (/news/005.txt)",
    ]


def test_the_scope_line_groups_the_thousands_of_a_large_briefing():
    from briefgen.assemble.summary import summarize

    sources = [Source(id=f"S{n}", path=f"/news/{n}.txt") for n in range(1, 1002)]
    assert summarize(sources, [], [])[0] == "From 1,001 sources: no dated events were found; 0 statements by 0 speakers."
