"""The memo's key days against the timelines news desks published: Timeline17 (T17) with the
field's protocol and scorer.

Run from the project root::

    python benchmarks/tls_eval.py [--data ../shared/data/t17] [--topics H1N1,haiti]
                                  [--cache PATH] [--jobs N] [--keep DIR]

For every reference timeline of every topic (``<topic>/reference/*.txt``), as in news-tls
(Gholipour Ghalandari & Ifrim, ACL 2020):

* L is the reference's number of days, k the mean number of its sentences per day (rounded),
  and the span runs from its first to its last day;
* the input is the topic's articles published within that span;
* briefgen is run as a user runs it: ``briefgen build ARTICLES --key-days L --per-day k
  --since FIRST --until LAST --format md``, and the memo's timeline table is read back (a
  row per statement: the day, then the statement);
* a publication-count baseline is computed in the same run from the same articles: the L
  days on which most articles were published, each with the k sentences of that day's
  articles most like the day's other sentences (PUBCOUNT in the paper, with a plain
  centroid summary);
* both are scored with tilse 0.2.1: AR1-F and AR2-F are ROUGE-1 and ROUGE-2 F under
  ``align_date_content_costs_many_to_one`` (the Perl ROUGE-1.5.5 that tilse bundles, with
  stemming and stop words removed), Date-F1 is F1 over exact days.

Precision and recall are averaged over the timelines of a topic (and over all timelines for
the overall line), then F is taken, as news-tls does. Scoring needs ``pip install
tilse==0.2.1`` and Perl's XML::Parser (``apt-get install libxml-parser-perl``); extraction
is cached (``--cache``), so a second run only assembles and scores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import math
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = PROJECT_ROOT / ".." / "shared" / "data" / "t17"
REFERENCE_SEPARATOR = re.compile(r"^-{5,}\s*$")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
PUBLISHED = re.compile(r"^published:\s*['\"]?(\d{4}-\d{2}-\d{2})", re.MULTILINE)
TOKEN = re.compile(r"\w+(?:['’]\w+)?|[^\w\s]")
SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[\"'“‘(]?[A-Z0-9])")
MEMO_DAY_FORMATS = ("%d %b %Y", "%b %d, %Y")
TILSE_MISSING = ("scoring needs tilse 0.2.1 and Perl's XML::Parser: pip install tilse==0.2.1 "
                 "&& apt-get install libxml-parser-perl")


@dataclass
class Task:
    """One reference timeline and what the protocol gives a system for it."""

    topic: str
    name: str
    reference: dict[dt.date, list[str]]

    @property
    def days(self) -> int:
        return len(self.reference)

    @property
    def per_day(self) -> int:
        sentences = sum(len(s) for s in self.reference.values())
        # news-tls rounds the mean half up (int(round()) rounds half to even).
        return max(1, math.floor(sentences / len(self.reference) + 0.5))

    @property
    def first(self) -> dt.date:
        return min(self.reference)

    @property
    def last(self) -> dt.date:
        return max(self.reference)


@dataclass
class Scores:
    """Precision and recall of one timeline, kept apart so they can be averaged before F."""

    date: tuple[float, float]
    rouge_1: tuple[float, float]
    rouge_2: tuple[float, float]


def read_reference(path: Path) -> dict[dt.date, list[str]]:
    """A tilse timeline file: a YYYY-MM-DD line, that day's sentences, a line of dashes."""
    timeline: dict[dt.date, list[str]] = {}
    day = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line:
            continue
        if REFERENCE_SEPARATOR.match(line):
            day = None
        elif day is None and ISO_DAY.match(line):
            day = dt.date.fromisoformat(line)
            timeline.setdefault(day, [])
        elif day is not None:
            timeline[day].append(line)
    return {day: sentences for day, sentences in timeline.items() if sentences}


def published_day(path: Path) -> dt.date | None:
    head = path.read_text(encoding="utf-8", errors="replace")[:500]
    match = PUBLISHED.search(head)
    return dt.date.fromisoformat(match.group(1)) if match else None


def article_text(path: Path) -> str:
    """The article without its front matter."""
    text = path.read_text(encoding="utf-8", errors="replace")
    if text.startswith("---"):
        end = text.find("\n---", 3)
        if end != -1:
            text = text[end + 4:]
    return text


def tokenized(sentence: str) -> str:
    """Words and punctuation apart, as the reference timelines are written."""
    return " ".join(TOKEN.findall(sentence))


# ---------------------------------------------------------------------------------------
# briefgen, run as a user runs it


def run_briefgen(task: Task, articles: list[Path], work: Path, cache: str | None, jobs: int | None) -> dict:
    inputs = work / "articles"
    inputs.mkdir(parents=True)
    for path in articles:
        (inputs / path.name).symlink_to(path.resolve())
    output = work / "memo"
    command = [sys.executable, "-m", "briefgen", "build", str(inputs), "-o", str(output), "--format", "md",
               "--title", f"{task.topic} {task.name}", "--key-days", str(task.days), "--per-day", str(task.per_day),
               "--since", task.first.isoformat(), "--until", task.last.isoformat(), "-q"]
    command += ["--cache", cache] if cache else []
    command += ["--jobs", str(jobs)] if jobs else []
    finished = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True)
    if finished.returncode not in (0, 3):
        raise SystemExit(f"briefgen failed on {task.topic}/{task.name}: {finished.stderr.strip()}")
    memo = next(output.glob("*.md"))
    return memo_timeline(memo.read_text(encoding="utf-8"))


def memo_timeline(markdown: str) -> dict[dt.date, list[str]]:
    """The memo's timeline table read back: every row whose date cell names a day, its statement
    (the event cell up to any check note), grouped by day."""
    timeline: dict[dt.date, list[str]] = {}
    for line in markdown.splitlines():
        cells = _table_cells(line)
        if len(cells) < 3:
            continue
        day = _memo_day(cells[1])
        if day is None:
            continue
        statement = _unescape_markdown(cells[2].split("<br>")[0])
        if statement:
            timeline.setdefault(day, []).append(statement)
    return timeline


def _table_cells(line: str) -> list[str]:
    line = line.strip()
    if not (line.startswith("|") and line.endswith("|")):
        return []
    return [cell.strip() for cell in re.split(r"(?<!\\)\|", line[1:-1])]


def _memo_day(cell: str) -> dt.date | None:
    """The day a date cell names: "14 Jan 2010", "Jan 14, 2010", also with a check marker
    after it or, in a memo of events, a clock time ("14 Jan 2010, 16:53")."""
    text = _unescape_markdown(cell)
    text = re.sub(r"(, \d{1,2}:\d{2})?(\s+\S)?$", "", text) if not text[-4:].isdigit() else text
    for pattern in MEMO_DAY_FORMATS:
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    return None


def _unescape_markdown(text: str) -> str:
    text = re.sub(r"\\(.)", r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


# ---------------------------------------------------------------------------------------
# The publication-count baseline


def publication_count_baseline(task: Task, articles: list[Path]) -> dict[dt.date, list[str]]:
    """The L days with most articles published (earlier first on ties), each with the k
    sentences of that day's articles closest to the centroid of the day's sentences."""
    by_day: dict[dt.date, list[Path]] = {}
    for path in articles:
        by_day.setdefault(published_day(path), []).append(path)
    days = sorted((d for d in by_day if d is not None), key=lambda d: (-len(by_day[d]), d))[: task.days]
    return {day: _central_sentences([s for p in by_day[day] for s in _sentences(article_text(p))], task.per_day)
            for day in days}


def _sentences(text: str) -> list[str]:
    return [s.strip() for paragraph in text.split("\n") for s in SENTENCE_END.split(paragraph)
            if 5 <= len(s.split()) <= 60]


def _central_sentences(sentences: list[str], count: int) -> list[str]:
    vectors = [Counter(w.lower() for w in re.findall(r"[A-Za-z]{3,}", s)) for s in sentences]
    centroid: Counter = Counter()
    for vector in vectors:
        centroid.update(set(vector))

    def similarity(a: Counter, b: Counter) -> float:
        dot = sum(v * b[w] for w, v in a.items() if w in b)
        norm = math.sqrt(sum(v * v for v in a.values()) * sum(v * v for v in b.values()))
        return dot / norm if norm else 0.0

    ranked = sorted(range(len(sentences)), key=lambda i: (-similarity(vectors[i], centroid), i))
    chosen: list[int] = []
    for i in ranked:
        if all(similarity(vectors[i], vectors[j]) < 0.5 for j in chosen):
            chosen.append(i)
        if len(chosen) == count:
            break
    return [sentences[i] for i in chosen]


# ---------------------------------------------------------------------------------------
# Scoring with tilse


def scorer(rouge: str):
    try:
        from tilse.data.timelines import GroundTruth, Timeline
        from tilse.evaluation import dates, rouge as tilse_rouge
    except ImportError:
        raise SystemExit(f"tls_eval: error: {TILSE_MISSING}") from None
    if rouge == "perl" and subprocess.run(["perl", "-MXML::Parser", "-e", "1"], capture_output=True).returncode != 0:
        raise SystemExit(f"tls_eval: error: {TILSE_MISSING}")
    evaluator = tilse_rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"],
                                                   rouge_computation="original" if rouge == "perl" else "reimpl")

    def score(predicted: dict[dt.date, list[str]], reference: dict[dt.date, list[str]]) -> Scores:
        if not predicted:
            return Scores((0.0, 0.0), (0.0, 0.0), (0.0, 0.0))
        system = Timeline({day: [tokenized(s) for s in sentences] for day, sentences in predicted.items()})
        truth = GroundTruth([Timeline(reference)])
        content = evaluator.evaluate_align_date_content_costs_many_to_one(system, truth)
        days = dates.evaluate_dates(system, truth)
        return Scores((days["precision"], days["recall"]),
                      (content["rouge_1"]["precision"], content["rouge_1"]["recall"]),
                      (content["rouge_2"]["precision"], content["rouge_2"]["recall"]))

    return score


def f_of_means(pairs: list[tuple[float, float]]) -> float:
    precision = sum(p for p, _ in pairs) / len(pairs)
    recall = sum(r for _, r in pairs) / len(pairs)
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def summary_line(label: str, scores: list[Scores]) -> str:
    return (f"{label:<28} Date-F1 {f_of_means([s.date for s in scores]):.3f}   "
            f"AR1-F {f_of_means([s.rouge_1 for s in scores]):.3f}   AR2-F {f_of_means([s.rouge_2 for s in scores]):.3f}")


# ---------------------------------------------------------------------------------------


def tasks_of(topic_dir: Path) -> list[Task]:
    return [Task(topic_dir.name, path.stem, read_reference(path)) for path in sorted((topic_dir / "reference").glob("*.txt"))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the T17 folder (default ../shared/data/t17)")
    parser.add_argument("--topics", help="comma-separated topic folders (default: every topic in --data)")
    parser.add_argument("--cache", help="briefgen's extraction cache file (default: briefgen's own)")
    parser.add_argument("--jobs", type=int, help="briefgen --jobs")
    parser.add_argument("--keep", type=Path, help="keep each run's memo and inputs under this folder")
    parser.add_argument("--rouge", choices=("perl", "python"), default="perl",
                        help="tilse's Perl ROUGE-1.5.5 (the published figures) or its quicker approximation")
    args = parser.parse_args(argv)
    data = args.data.resolve()
    if not data.is_dir():
        print(f"no T17 data at {data}; nothing to measure", file=sys.stderr)
        return 0
    topics = args.topics.split(",") if args.topics else sorted(p.name for p in data.iterdir() if (p / "reference").is_dir())
    score = scorer(args.rouge)
    work = args.keep or Path(tempfile.mkdtemp(prefix="briefgen-tls-"))
    ours_all: list[Scores] = []
    baseline_all: list[Scores] = []
    try:
        for topic in topics:
            ours: list[Scores] = []
            baseline: list[Scores] = []
            for task in tasks_of(data / topic):
                articles = sorted(p for p in (data / topic / "articles").glob("*.txt")
                                  if (day := published_day(p)) and task.first <= day <= task.last)
                predicted = run_briefgen(task, articles, work / topic / task.name, args.cache, args.jobs)
                ours.append(score(predicted, task.reference))
                baseline.append(score(publication_count_baseline(task, articles), task.reference))
                print(f"{topic}/{task.name}: L={task.days} k={task.per_day} {task.first}..{task.last}, "
                      f"{len(articles)} articles; briefgen gave {len(predicted)} days", file=sys.stderr, flush=True)
            print(summary_line(f"{topic}: briefgen", ours))
            print(summary_line(f"{topic}: publication count", baseline), flush=True)
            ours_all += ours
            baseline_all += baseline
        print(summary_line(f"all {len(ours_all)} timelines: briefgen", ours_all))
        print(summary_line(f"all {len(ours_all)} timelines: pub. count", baseline_all))
    finally:
        if args.keep is None:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
