"""Print a random sample of extracted events from real news, for reading by hand.

Run from the project root::

    python benchmarks/events_sample.py                    # 120 train articles, 50 events
    python benchmarks/events_sample.py --articles 200 --events 50 --seed 7

Articles come from ``../shared/data/polnear/<split>/text`` (``--data`` to change); each is
given its publication date from ``metadata.tsv``, as a publisher's page would, so relative
dates resolve as they would in use. For every sampled event the script prints the date
(TIMEX3 value, the words it came from, its basis), the type and summary, and the sentence
it was taken from, so a reader can judge two things per event: is the date right for what
happened, and does the summary say what the sentence says. It also prints how many events
each article gave, to spot articles that yield none or far too many.
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import textwrap
from pathlib import Path

DEFAULT_DATA = Path("../shared/data/polnear")


def _published_dates(data: Path) -> dict[str, str]:
    with (data / "metadata.tsv").open(encoding="utf-8", newline="") as handle:
        return {row["filename"]: row["publication_date"] for row in csv.DictReader(handle, delimiter="\t")}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", default="train", choices=("train", "dev"))
    parser.add_argument("--articles", type=int, default=120)
    parser.add_argument("--events", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    folder = args.data / args.split / "text"
    if not folder.is_dir():
        print(f"no corpus at {folder}; nothing to sample", file=sys.stderr)
        return 0

    from briefgen.extract.document import extract_document
    from briefgen.ingest import read_document
    from briefgen.nlp import get_pipeline

    published = _published_dates(args.data)
    rng = random.Random(args.seed)
    paths = sorted(folder.glob("*.txt"))
    paths = rng.sample(paths, min(args.articles, len(paths)))
    nlp = get_pipeline()
    found = []
    per_article = []
    for number, path in enumerate(paths, start=1):
        document, _ = read_document(path, source_id=f"S{number}", max_chars=nlp.max_length)
        date = published.get(path.stem)
        if date:
            document.source = document.source.model_copy(update={"published": date, "published_basis": "metadata"})
        extraction = extract_document(nlp(document.analysis_text), document)
        per_article.append(len(extraction.events))
        found.extend((path.stem, date, event) for event in extraction.events)

    print(f"{len(paths)} articles, {len(found)} events; per article: "
          f"min {min(per_article)}, max {max(per_article)}, none in {per_article.count(0)}")
    for index, (name, date, event) in enumerate(rng.sample(found, min(args.events, len(found))), start=1):
        sentence = " ".join(event.evidence[0].text.split()) if event.evidence else ""
        print(f"\n#{index} {name} (published {date})")
        print(f"   date: {event.date.value} [{event.date.granularity}, {event.date.basis}] from {event.date.text!r}")
        print(f"   {event.type}: {event.summary}")
        print(textwrap.fill(sentence, width=110, initial_indent="   > ", subsequent_indent="     "))
    return 0


if __name__ == "__main__":
    sys.exit(main())
