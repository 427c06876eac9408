"""The TempEval-3 scorer, and the tagger's floor on TempEval-3 documents."""

from pathlib import Path

import pytest

from briefgen.extract.temporal import Timex, tag_doc
from briefgen.extract.temporal.evaluation import Tally, score_document
from briefgen.extract.temporal.timeml import read_timeml, timeml_expressions

TEMPEVAL = Path(__file__).resolve().parent.parent / ".." / "shared" / "data" / "tempeval3"


def timex(start, end, value="2020", type_="DATE"):
    return Timex(start, end, "x" * (end - start), type_, value)


def test_strict_and_relaxed_matches():
    gold = [timex(0, 10), timex(20, 24), timex(40, 44)]
    system = [timex(0, 10), timex(18, 24, "2021"), timex(60, 64)]
    tally = score_document(gold, system)
    assert (tally.strict, tally.relaxed, tally.value) == (1, 2, 1)
    assert tally.strict_prf() == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert tally.relaxed_prf() == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert tally.value_accuracy() == pytest.approx(0.5)
    assert tally.value_f1() == pytest.approx(2 / 3 * 0.5)
    assert tally.errors["missed DATE"] == 1 and tally.errors["spurious DATE"] == 1


def test_a_system_expression_matches_one_gold_expression_only():
    gold = [timex(0, 4), timex(8, 12)]
    system = [timex(0, 12)]
    tally = score_document(gold, system)
    assert (tally.relaxed, tally.gold, tally.system) == (1, 2, 1)


def test_type_and_value_errors_are_named_by_form():
    tally = score_document([timex(0, 4, "1989-Q3")], [timex(0, 4, "1989", "DURATION")])
    assert tally.errors["value: 9999-Q9 given as 9999"] == 1
    assert tally.errors["type: DATE given as DURATION"] == 1
    assert tally.type_f1() == 0.0


def test_tallies_add_up():
    total = Tally()
    total.add(score_document([timex(0, 4)], [timex(0, 4)]))
    total.add(score_document([timex(0, 4)], []))
    assert (total.gold, total.system, total.relaxed) == (2, 1, 1)


@pytest.mark.skipif(not TEMPEVAL.is_dir(), reason="TempEval-3 data is not available")
def test_tagger_floor_on_tempeval_documents(nlp):
    # A sample of both parts; the full measurement is benchmarks/timex_eval.py.
    paths = sorted((TEMPEVAL / "TimeBank").glob("*.tml"))[::20] + sorted((TEMPEVAL / "AQUAINT").glob("*.tml"))[::10]
    documents = [read_timeml(path) for path in paths]
    total = Tally()
    for document, doc in zip(documents, nlp.pipe(d.text for d in documents)):
        total.add(score_document(document.timexes, timeml_expressions(tag_doc(doc, document.dct))))
    assert total.gold > 50
    assert total.relaxed_prf()[2] >= 0.85
    assert total.value_f1() >= 0.80
