"""Put many hostile inputs through extract and render and count what happened.

Run from the project root::

    python benchmarks/fuzz.py                      # 500 inputs
    python benchmarks/fuzz.py --inputs 2000 --seed 3

Inputs are the known hostile cases of ``tests/fixtures/hostile.py``, those cases damaged
(bytes flipped, cut, spliced together), random Unicode text mixed with news words, and
random bytes, each as a ``.txt`` or ``.md`` file. Every run must end in briefgen's own
error or in documents that check out (the JSON validates against the schema, the DOCX and
PDF open); anything else is a crash, printed with its input, and the script exits 1.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from fixtures.hostile import SEEDS, run_once  # noqa: E402

NEWS_WORDS = ["said", "on", "3 March 2024", "Norway", "Chile", '"', "“", "”", "in 2020", ".", "\n", "\n\n",
              "Anna Berg", "the minister", "<b>", "&amp;", "]]>", "---\n", "according to", "signed", "met", "Mr.",
              "he", "last week", "2024-02-30", "Q3 2023", "(", ")", ":", "—"]
ENCODINGS = ("utf-8", "utf-16", "cp1252")


def _random_text(rng: random.Random) -> str:
    pieces = []
    for _ in range(rng.randrange(1, 120)):
        if rng.random() < 0.7:
            pieces.append(rng.choice(NEWS_WORDS))
        else:
            # Any code point, surrogates and controls included.
            pieces.append("".join(chr(rng.randrange(0x110000)) for _ in range(rng.randrange(1, 6))))
    return " ".join(pieces)


def _damaged(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randrange(1, 10)):
        if data and rng.random() < 0.6:
            data[rng.randrange(len(data))] = rng.randrange(256)
        else:
            data[rng.randrange(len(data) + 1):] = b""
            data += rng.choice(SEEDS)
    return bytes(data)


def make_input(rng: random.Random) -> bytes:
    kind = rng.randrange(4)
    if kind == 0:
        return rng.choice(SEEDS)
    if kind == 1:
        return _damaged(rng, rng.choice(SEEDS))
    if kind == 2:
        encoding = rng.choice(ENCODINGS)
        # Lone surrogates can be written by the UTF codecs only; cp1252 writes "?" for what it lacks.
        return _random_text(rng).encode(encoding, errors="replace" if encoding == "cp1252" else "surrogatepass")
    return bytes(rng.randrange(256) for _ in range(rng.randrange(0, 2000)))


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=500, help="how many inputs to try (default 500)")
    parser.add_argument("--seed", type=int, default=1, help="random seed, so a run can be repeated")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    counts: Counter = Counter()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as root:
        for index in range(args.inputs):
            data = make_input(rng)
            suffix = rng.choice([".txt", ".md"])
            try:
                counts[run_once(data, Path(root) / str(index), suffix)] += 1
            except Exception:
                counts["crash"] += 1
                print(f"crash on input {index} ({suffix}, {len(data)} bytes): {data[:300]!r}", file=sys.stderr)
                traceback.print_exc()
    elapsed = time.monotonic() - started
    print(f"inputs tried: {args.inputs}")
    print(f"clean errors: {counts['error']}")
    print(f"successes: {counts['success']}")
    print(f"crashes: {counts['crash']}")
    print(f"time: {elapsed:.0f} s")
    return 1 if counts["crash"] else 0


if __name__ == "__main__":
    sys.exit(main())
