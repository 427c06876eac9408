"""Every PolNeAR article through one ``briefgen extract`` run: no error, nothing skipped.

Run from the project root::

    python benchmarks/corpus_run.py                  # ../shared/data/polnear
    python benchmarks/corpus_run.py --data PATH

Real news is the input briefgen must never refuse. The unit tests put every tenth article
through the same command (tests/test_corpus.py); this runs all of them, as a user would,
through the command line in a process of its own, and prints how many articles went in,
how many sources the briefing holds, the exit code, the stderr lines by kind and the time.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

DEFAULT_DATA = Path("../shared/data/polnear")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the PolNeAR folder (default: %(default)s)")
    args = parser.parse_args(argv)
    folders = sorted(args.data.glob("*/text"))
    if not folders:
        print(f"no */text folders under {args.data}", file=sys.stderr)
        return 2
    articles = sum(1 for folder in folders for _ in folder.glob("*.txt"))
    with tempfile.TemporaryDirectory() as out:
        target = Path(out) / "corpus.json"
        started = time.monotonic()
        done = subprocess.run([sys.executable, "-m", "briefgen", "extract", *map(str, folders), "-o", str(target)],
                              capture_output=True, text=True)
        elapsed = time.monotonic() - started
        sources = len(json.loads(target.read_text(encoding="utf-8"))["sources"]) if target.exists() else 0
    kinds = Counter(line.split(":", 2)[1].strip() for line in done.stderr.splitlines() if line.startswith("briefgen:"))
    print(f"articles: {articles}")
    print(f"sources in the briefing: {sources}")
    print(f"exit code: {done.returncode}")
    print("stderr lines: " + (", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items())) or "none"))
    for line in done.stderr.splitlines():
        if line.startswith(("briefgen: error", "briefgen: skipped")):
            print(line)
    print(f"time: {elapsed:.0f} s")
    return 0 if done.returncode == 0 and sources == articles else 1


if __name__ == "__main__":
    sys.exit(main())
