"""Speed and scale of briefgen on real news, each figure beside its target.

Run from the project root::

    python benchmarks/run.py              # 60,000 words (600,000 at 10×): about 10 minutes
    python benchmarks/run.py --quick      # a small corpus, for trying it out
    python benchmarks/run.py --words 600000 --repeat 5

The corpus is PolNeAR (``../shared/data/polnear/{train,dev}/text``; ``--data`` to change),
cut to ``--words`` words, and for the scale figures the same texts copied 3 and 10 times,
each copy with one line added so that its content hash (and so its cache key) differs from
every other copy's.
All figures come from one run on the same texts:

* words per second of bare ``nlp.pipe`` (same pipeline, same batch size: the floor), of the
  whole of ``briefgen extract`` with one job and no cache, and their ratio; two jobs against one;
* cold start: ``briefgen build`` on ``seeds/`` (no cache) against a Python process that only
  loads the spaCy pipeline, wall clock, best of ``--repeat``;
* a warm re-run: ``briefgen build`` of 1,000 cached articles and one new one (best of the
  same number of runs as the cold start, each with a different new article);
* rendering a memo of 1,000 events (a synthetic Briefing) to DOCX and to PDF;
* choosing the key days of a synthetic briefing of 5,000 events (``--digest-only`` measures
  just this, without the corpus);
* peak resident memory of ``briefgen extract`` at 1×, 3× and 10× the corpus.

Timings depend on what else the machine is doing; run it on an idle machine for figures to quote.
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "polnear"
FULL_WORDS = 60_000
QUICK_WORDS = 12_000
WARM_CACHED = 1000
RENDER_EVENTS = 1000
TARGETS = {
    "throughput": 0.8,   # whole pipeline ≥ 0.8 × bare nlp.pipe
    "jobs": 1.6,         # --jobs 2 ≥ 1.6 × --jobs 1
    "warm": 2.0,         # warm re-run ≤ 2 × cold start on the sample
    "cold": 2.0,         # cold build ≤ 2 × loading the pipeline alone
    "render": 3.0,       # seconds, DOCX and PDF each
    "memory": 1.2,       # peak RSS at 10× ≤ 1.2 × at 1×
    "digest": 1.0,       # seconds to choose the key days of DIGEST_EVENTS events
}
DIGEST_EVENTS = 5000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the PolNeAR folder")
    parser.add_argument("--words", type=int, help=f"words of the 1× corpus (default {FULL_WORDS:,}; --quick {QUICK_WORDS:,})")
    parser.add_argument("--repeat", type=int, default=3, help="runs per cold-start figure; the best counts")
    parser.add_argument("--quick", action="store_true", help="a small corpus and fewer repeats")
    parser.add_argument("--digest-only", action="store_true", help="only time choosing the key days")
    args = parser.parse_args(argv)
    digest_row = _digest_row()
    if args.digest_only:
        _print_table([digest_row])
        return 0
    folders = [args.data / split / "text" for split in ("train", "dev")]
    if not any(f.is_dir() for f in folders):
        print(f"no corpus at {args.data} (expected train/text and dev/text); nothing to measure", file=sys.stderr)
        return 0
    words = args.words or (QUICK_WORDS if args.quick else FULL_WORDS)
    repeat = 1 if args.quick else max(1, args.repeat)

    from briefgen.nlp import resolve_model_name

    pipeline = resolve_model_name()
    rows: list[tuple[str, str, str, str]] = []
    with tempfile.TemporaryDirectory(prefix="briefgen-bench-") as scratch:
        work = Path(scratch)
        texts = _corpus(folders, words)
        base = _write_corpus(work / "x1", texts, copies=range(1))
        print(f"# corpus: {len(texts)} PolNeAR articles, {_count_words(texts):,} words; pipeline {pipeline}; "
              f"{os.cpu_count()} cores", file=sys.stderr)

        floor, whole, two = _throughput(base, pipeline)
        rows.append(("bare nlp.pipe (floor)", f"{floor:,.0f} words/s", "", ""))
        rows.append(("briefgen extract, 1 job, no cache", f"{whole:,.0f} words/s", "", ""))
        rows.append(("  whole pipeline / floor", f"{whole / floor:.2f}×", f"≥ {TARGETS['throughput']}×",
                     _verdict(whole / floor >= TARGETS["throughput"])))
        rows.append(("briefgen extract, 2 jobs, no cache", f"{two:,.0f} words/s", "", ""))
        rows.append(("  2 jobs / 1 job", f"{two / whole:.2f}×", f"≥ {TARGETS['jobs']}×", _verdict(two / whole >= TARGETS["jobs"])))

        bare_load = _best(repeat, [sys.executable, "-c", f"import spacy; spacy.load({pipeline!r})"])
        cold = _best(repeat, _briefgen("build", str(ROOT / "seeds"), "-o", str(work / "cold"), "--no-cache", "-q"))
        rows.append(("python loading the pipeline only", f"{bare_load:.2f} s", "", ""))
        rows.append(("cold briefgen build on seeds/ (no cache)", f"{cold:.2f} s", "", ""))
        rows.append(("  cold build / pipeline load", f"{cold / bare_load:.2f}×", f"≤ {TARGETS['cold']}×",
                     _verdict(cold / bare_load <= TARGETS["cold"])))

        # The three scales use different copies (1, then 3 more, then 10 more), so they share
        # one cache without a hit between them, and it ends up holding every copy.
        memory = {}
        store = work / "cache.sqlite3"
        folders = {1: base, 3: _write_corpus(work / "x3", texts, copies=range(1, 4)),
                   10: _write_corpus(work / "x10", texts, copies=range(4, 14))}
        for scale, folder in folders.items():
            memory[scale] = _peak_rss(_briefgen("extract", str(folder), "-o", str(work / f"x{scale}.json"), "-q",
                                                "--cache", str(store)))
        for scale in (1, 3, 10):
            rows.append((f"peak RSS, briefgen extract at {scale}× ({_count_words(texts) * scale:,} words)",
                         f"{memory[scale] / 1024:.0f} MB", "", ""))
        growth = memory[10] / memory[1]
        rows.append(("  peak RSS 10× / 1×", f"{growth:.2f}×", f"≤ {TARGETS['memory']}×", _verdict(growth <= TARGETS["memory"])))

        # The memory runs left every copy in the cache: re-run on 1,000 of them (or all, when
        # the corpus is smaller) and one article that is not cached yet.
        cached = sorted(p for folder in folders.values() for p in folder.glob("*.txt"))[:WARM_CACHED]
        warm_folder = work / "warm"
        warm_folder.mkdir()
        for path in cached:
            os.link(path, warm_folder / path.name)
        # Best of the same number of runs as the cold figure; each run meets an article no run
        # before it has seen, so every one parses exactly one.
        warm_times = []
        for run in range(repeat):
            for earlier in warm_folder.glob("zz-new-*.txt"):
                earlier.unlink()
            (warm_folder / f"zz-new-{run}.txt").write_text(
                texts[0] + f"\n\nUpdate {run}: a new article.\n", encoding="utf-8")
            warm_times.append(_best(1, _briefgen("build", str(warm_folder), "-o", str(work / "warm-out"), "-q",
                                                 "--cache", str(store))))
        warm = min(warm_times)
        rows.append((f"warm briefgen build: 1 new among {len(cached):,} cached", f"{warm:.2f} s", "", ""))
        rows.append(("  warm re-run / cold build on seeds/", f"{warm / cold:.2f}×", f"≤ {TARGETS['warm']}×",
                     _verdict(warm / cold <= TARGETS["warm"])))

        for fmt, seconds in _render_times(work / "render").items():
            rows.append((f"render {RENDER_EVENTS:,} events to {fmt.upper()}", f"{seconds:.2f} s",
                         f"≤ {TARGETS['render']:.0f} s", _verdict(seconds <= TARGETS["render"])))
    _print_table(rows + [digest_row])
    return 0


def _corpus(folders: list[Path], words: int) -> list[str]:
    """PolNeAR texts in a fixed shuffled order (so a cut mixes publishers), up to ``words`` words."""
    paths = sorted(p for folder in folders if folder.is_dir() for p in folder.glob("*.txt"))
    random.Random(8).shuffle(paths)
    texts, total = [], 0
    for path in paths:
        if total >= words:
            break
        text = path.read_text(encoding="utf-8")
        texts.append(text)
        total += len(text.split())
    return texts


def _count_words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _write_corpus(folder: Path, texts: list[str], copies: range) -> Path:
    """The numbered copies of every text; every copy but number 0 gets a line naming its
    number, so that no two files share a content hash."""
    folder.mkdir(parents=True)
    for copy in copies:
        for number, text in enumerate(texts):
            extra = f"\n\n(Reprinted, copy {copy}.)\n" if copy else ""
            (folder / f"{copy:02d}-{number:05d}.txt").write_text(text + extra, encoding="utf-8")
    return folder


def _throughput(folder: Path, pipeline: str) -> tuple[float, float, float]:
    """Words per second of the floor, of extract with one job and of extract with two, in this
    process with the pipeline already loaded, so that loading it is left out of all three."""
    from briefgen import api
    from briefgen.nlp import get_pipeline
    from briefgen.runner import BATCH_SIZE

    nlp = get_pipeline(pipeline)
    paths = sorted(folder.glob("*.txt"))
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    # A first pass warms what spaCy and briefgen set up lazily, so the floor is not charged for it.
    api.extract(paths[:BATCH_SIZE], jobs=1, cache=False, model=pipeline)
    start = time.perf_counter()
    for _ in nlp.pipe((p.read_text(encoding="utf-8") for p in paths), batch_size=BATCH_SIZE):
        pass
    floor = words / (time.perf_counter() - start)
    rates = []
    for jobs in (1, 2):
        start = time.perf_counter()
        api.extract([folder], jobs=jobs, cache=False, model=pipeline)
        rates.append(words / (time.perf_counter() - start))
    return floor, rates[0], rates[1]


def _briefgen(*arguments: str) -> list[str]:
    return [sys.executable, "-m", "briefgen", *arguments]


def _best(repeat: int, command: list[str]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=ROOT)
        times.append(time.perf_counter() - start)
    return min(times)


def _peak_rss(command: list[str]) -> int:
    """Peak resident set size in KiB of the largest process ``command`` ran (its workers included).

    Each measurement runs under a fresh intermediate Python, because RUSAGE_CHILDREN keeps
    the largest child ever waited for and would otherwise carry over between measurements.
    """
    probe = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
             "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    result = subprocess.run([sys.executable, "-c", probe, *command], check=True, capture_output=True, text=True, cwd=ROOT)
    return int(result.stdout.split()[-1])


def _render_times(output: Path) -> dict[str, float]:
    from briefgen import api
    from synthetic import synthetic_briefing  # benchmarks/synthetic.py, beside this script

    briefing = synthetic_briefing(RENDER_EVENTS)
    times = {}
    for fmt in ("docx", "pdf"):
        start = time.perf_counter()
        api.render(briefing, output_dir=output, formats=[fmt])
        times[fmt] = time.perf_counter() - start
    return times


def _digest_row() -> tuple[str, str, str, str]:
    """Choosing the key days of a long story, best of three: what a memo of it adds to a build."""
    from briefgen.assemble.digest import build_digest
    from synthetic import synthetic_briefing  # benchmarks/synthetic.py, beside this script

    briefing = synthetic_briefing(DIGEST_EVENTS, published_over_the_story=True)
    times = []
    for _ in range(3):
        start = time.perf_counter()
        build_digest(briefing, key_days=30, per_day=3)
        times.append(time.perf_counter() - start)
    seconds = min(times)
    return (f"choose 30 key days of {DIGEST_EVENTS:,} events", f"{seconds:.2f} s", f"≤ {TARGETS['digest']:.0f} s",
            _verdict(seconds <= TARGETS["digest"]))


def _verdict(ok: bool) -> str:
    return "pass" if ok else "FAIL"


def _print_table(rows: list[tuple[str, str, str, str]]) -> None:
    header = ("measure", "figure", "target", "result")
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
    for row in [header, tuple("-" * w for w in widths), *rows]:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip())


if __name__ == "__main__":
    sys.exit(main())
