"""The map on a cluster (docs/scaling.md): extraction spread over a dask.distributed cluster's
worker processes, assembled here, is the briefing one process builds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import briefgen.api as api
from briefgen.model import briefing_to_json, load_briefing

pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed; pip install '.[test]' brings it")

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
# Run in a process of its own: a dask.distributed client leaves threads behind in the process
# that made it, and a process with threads must not fork (as the PDF writer does).
ON_A_CLUSTER = """
import functools, sys
from pathlib import Path
from dask import distributed
import briefgen.api as api
from briefgen.model import briefing_to_json

paths = [Path(p) for p in sys.argv[2:]]
partitions = [paths[:2], paths[2:4], paths[4:]]
if __name__ == "__main__":
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster, \\
            distributed.Client(cluster) as client:
        extract_part = functools.partial(api.extractions, jobs=1, cache=False)
        parts = client.gather(client.map(extract_part, partitions, pure=False))
        workers = len(client.run(lambda: True))
    print(workers, *(len(part) for part in parts))
    briefing = api.assemble([extraction for part in parts for extraction in part])
    Path(sys.argv[1]).write_text(briefing_to_json(briefing), encoding="utf-8")
"""


def test_the_map_on_a_local_cluster_gives_the_briefing_of_one_process(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    paths = sorted(folder.glob("*.txt")) + sorted(SEEDS.glob("*.txt"))
    script, mapped = tmp_path / "on_a_cluster.py", tmp_path / "mapped.json"
    script.write_text(ON_A_CLUSTER, encoding="utf-8")
    finished = subprocess.run([sys.executable, str(script), str(mapped), *map(str, paths)],
                              capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    # Two worker processes, each extracting the partitions it was given.
    assert finished.stdout.split() == ["2", "2", "2", str(len(paths) - 4)]
    single = api.extract(paths, jobs=1, cache=False)
    assert len(single.sources) == len(paths) and single.events
    # Byte for byte, but for the moment each was generated.
    mapped_briefing = load_briefing(mapped)
    assert briefing_to_json(mapped_briefing.model_copy(update={"generated_at": single.generated_at})) == \
        briefing_to_json(single)
