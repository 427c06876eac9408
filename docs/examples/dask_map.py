"""Map briefgen's extraction over a folder with Dask, then assemble one briefing.

    pip install dask            # not a briefgen dependency; only this example needs it
    python docs/examples/dask_map.py ARTICLES/ -o briefing.json
    python docs/examples/dask_map.py ARTICLES/ -o briefing.json --partition-size 100 --workers 4

Each partition of paths becomes one ``briefgen.extractions`` call in a worker process (which
loads the spaCy pipeline once and keeps it for later partitions), and the extractions come
back to this process, where ``briefgen.assemble`` numbers the sources in path order and
builds the timeline. The briefing is the one ``briefgen extract ARTICLES/`` writes. On a
cluster, create a ``dask.distributed.Client`` for the scheduler's address before
``compute``; the workers need briefgen installed and the articles at the same paths (a
shared file system), or a partition of texts sent to them instead of paths.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import dask
import dask.bag as db

from briefgen import api
from briefgen.ingest import expand_inputs


def extract_partition(paths: list[Path]) -> list:
    # One process per worker already: no further processes inside it. Each worker keeps its
    # own extraction cache; a shared cache file on a network disk is not safe for SQLite.
    return api.extractions(list(paths), jobs=1, cache=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", type=Path)
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--partition-size", type=int, default=50, help="articles per task")
    parser.add_argument("--workers", type=int, default=None, help="worker processes (default: every core)")
    args = parser.parse_args(argv)
    paths, failures, _ = expand_inputs(args.inputs)
    for failure in failures:
        print(f"skipped: {failure}", file=sys.stderr)
    bag = db.from_sequence(paths, partition_size=args.partition_size)
    with dask.config.set(scheduler="processes", num_workers=args.workers):
        found = bag.map_partitions(extract_partition).compute()
    briefing = api.assemble(found)
    print(f"wrote {api.write_briefing_json(briefing, args.output)}: {len(briefing.sources)} sources, "
          f"{len(briefing.events)} events", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
