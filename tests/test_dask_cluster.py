"""The map on a cluster (docs/scaling.md): extraction spread over a dask.distributed cluster's
worker processes, assembled here, is the briefing one process builds."""

from __future__ import annotations

import functools
from pathlib import Path

import pytest

import briefgen.api as api
from briefgen.model import briefing_to_json

distributed = pytest.importorskip(
    "dask.distributed", reason="dask[distributed] is not installed; pip install '.[test]' brings it")

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
ARTICLES = {
    "a-accord.txt": "---\npublished: 2024-03-05\n---\nJapan and Vietnam signed a trade agreement in Hanoi on March 3, "
                    "2024. \"This is a new chapter,\" Foreign Minister Yoko Kamikawa said on Monday.\n",
    "b-summit.txt": "---\npublished: 2024-04-12\n---\nThe leaders of Chile and Norway met in Oslo on Wednesday. The "
                    "Chilean president said that the talks had been useful.\n",
    "c-vote.txt": "Kenya held a parliamentary election in August 2022, the commission said on Tuesday (September 6, 2022).\n",
    "d-visit.txt": "---\npublished: 2024-05-20\n---\nPrime Minister Anthony Albanese visited Jakarta on May 18, 2024, "
                   "and met President Joko Widodo there on Sunday.\n",
}


def test_the_map_on_a_local_cluster_gives_the_briefing_of_one_process(tmp_path):
    for name, text in ARTICLES.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    paths = sorted(tmp_path.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    partitions = [paths[:2], paths[2:4], paths[4:]]
    # Worker processes, as on a cluster: each loads the pipeline for itself, and sends the
    # extractions back to be assembled here.
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \
            distributed.Client(cluster) as client:
        extract_part = functools.partial(api.extractions, jobs=1, cache=False)
        parts = client.gather(client.map(extract_part, partitions, pure=False))
        workers = client.run(lambda: True)
    assert len(workers) == 2
    assert [len(part) for part in parts] == [2, 2, len(paths) - 4]
    mapped = api.assemble([extraction for part in parts for extraction in part])
    single = api.extract(paths, jobs=1, cache=False)
    assert len(single.sources) == len(paths) and single.events
    # Byte for byte, but for the moment each was generated.
    assert briefing_to_json(mapped.model_copy(update={"generated_at": single.generated_at})) == briefing_to_json(single)
