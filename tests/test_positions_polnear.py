"""A floor on PolNeAR dev for a handful of articles; skipped when the corpus is absent."""

from pathlib import Path

import pytest

from briefgen.extract.actors.index import find_actors
from briefgen.extract.positions.build import extract_positions

POLNEAR = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "polnear"
ARTICLES = 8

pytestmark = pytest.mark.skipif(not (POLNEAR / "metadata.tsv").exists(), reason="PolNeAR is not at ../shared/data/polnear")


def test_attribution_f1_floor_on_dev_articles(nlp):
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    from attribution_eval import Tally, articles

    corpus = [a for _, a in zip(range(ARTICLES), articles(POLNEAR, "dev"))]
    tally = Tally()
    for doc, (_, text, gold) in zip(nlp.pipe(t for _, t, _ in corpus), corpus):
        tally.add_article(text, extract_positions(doc, "S1", find_actors(doc, "S1")), gold)
    precision = tally.source_right / tally.predicted
    recall = tally.source_right / tally.gold
    # Well under the full-dev figures (see benchmarks/attribution_eval.py): a floor that
    # catches a broken stage, not a target.
    assert precision > 0.6 and recall > 0.4, (precision, recall)
