"""Score attribution extraction against PolNeAR (train or dev).

Run from the project root::

    python benchmarks/attribution_eval.py            # dev split
    python benchmarks/attribution_eval.py --split train
    python benchmarks/attribution_eval.py --split train --cue-stats
    python benchmarks/attribution_eval.py --split train --learn-reliability

The corpus is read from ``../shared/data/polnear`` (``--data`` to change). For each article
it scores one annotator's file: the first annotator listed for the article in metadata.tsv
that has a file (the corpus's own rule).

Matching is one-to-one: a predicted content matches a gold content when they share at
least one character; pairs are taken greedily by shared characters, largest first.

* content overlap P/R/F1: matched pairs over predicted and over gold contents;
* content exact P/R/F1: pairs whose spans are equal once quotation marks, spaces and
  edge punctuation are trimmed from each fragment;
* source accuracy: of the matched pairs, those whose ``speaker_mention`` overlaps the gold
  Source span, or where both are absent;
* cue accuracy: of the matched pairs, those whose cue overlaps the gold Cue span;
* attribution P/R/F1: matched pairs whose source is right, over predicted and over gold;
* the same, "covers half": a stricter match where the predicted content must cover at least
  half of the gold content's characters (the rule the diplomatic benchmark uses).

``--learn-reliability`` (on train) fits the weights in ``briefgen/data/reliability.tsv``: the
model of how likely an attribution is right, which sets positions' confidence and which are
left out. Run it again whenever the extraction rules change, then score dev.

``--cue-stats`` prints, for every verb lemma, how often it was a gold cue among the verbs
outside gold contents: the figures kept in ``briefgen/data/cues.tsv``.
"""

from __future__ import annotations

import argparse
import csv
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_DATA = Path("../shared/data/polnear")
EDGE = " \t\n\"'“”‘’.,;:!?()[]—–-"

Ranges = list[tuple[int, int]]


@dataclass
class GoldAttribution:
    content: Ranges
    source: Ranges = field(default_factory=list)
    cue: Ranges = field(default_factory=list)


def _fragments(field_text: str) -> Ranges:
    ranges = []
    for fragment in field_text.split(";"):
        start, end = fragment.split()
        ranges.append((int(start), int(end)))
    return ranges


def read_ann(path: Path) -> list[GoldAttribution]:
    """Attribution relations of one brat .ann file; notes and malformed lines are skipped."""
    spans: dict[str, Ranges] = {}
    events: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if line.startswith("T"):
            label, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = _fragments(offsets)
            except ValueError:
                continue
        elif line.startswith("E"):
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    gold = []
    for args in events:
        content = spans.get(args.get("Content", ""))
        if not content:
            continue
        content = content + spans.get(args.get("Content2", ""), [])
        gold.append(GoldAttribution(content, spans.get(args.get("Source", ""), []), spans.get(args.get("Cue", ""), [])))
    return gold


def articles(data: Path, split: str):
    """(name, text, gold) for each article of a split, under the one-annotator rule."""
    with open(data / "metadata.tsv", encoding="utf-8") as handle:
        rows = [r for r in csv.DictReader(handle, delimiter="\t") if r["compartment"] == split]
    for row in rows:
        for annotator in row["annotators"].split("|"):
            ann = data / split / "attributions" / f"{row['filename']}_{annotator}.ann"
            if ann.exists():
                text = (data / split / "text" / f"{row['filename']}.txt").read_text(encoding="utf-8")
                yield row["filename"], text, read_ann(ann)
                break


def _overlap(a: Ranges, b: Ranges) -> int:
    return sum(max(0, min(e1, e2) - max(s1, s2)) for s1, e1 in a for s2, e2 in b)


def _trimmed(text: str, ranges: Ranges) -> tuple[tuple[int, int], ...]:
    out = []
    for start, end in ranges:
        while start < end and text[start] in EDGE:
            start += 1
        while end > start and text[end - 1] in EDGE:
            end -= 1
        if end > start:
            out.append((start, end))
    return tuple(out)


@dataclass
class Tally:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    exact: int = 0
    source_right: int = 0
    half_matched: int = 0
    half_source_right: int = 0
    cue_right: int = 0
    words: int = 0
    seconds: float = 0.0

    def add_article(self, text: str, predicted, gold: list[GoldAttribution]) -> None:
        self.predicted += len(predicted)
        self.gold += len(gold)
        matched = _match([[(e.start, e.end) for e in p.evidence] for p in predicted], gold)
        for i, j in matched.items():
            position, g = predicted[i], gold[j]
            self.matched += 1
            content = [(e.start, e.end) for e in position.evidence]
            if _trimmed(text, content) == _trimmed(text, g.content):
                self.exact += 1
            mention = [(position.speaker_mention.start, position.speaker_mention.end)] if position.speaker_mention else []
            if _source_right(mention, g):
                self.source_right += 1
            cue = [(position.cue.start, position.cue.end)] if position.cue else []
            if cue and g.cue and _overlap(cue, g.cue):
                self.cue_right += 1
        half = _match([[(e.start, e.end) for e in p.evidence] for p in predicted], gold, min_cover=0.5)
        for i, j in half.items():
            self.half_matched += 1
            position = predicted[i]
            mention = [(position.speaker_mention.start, position.speaker_mention.end)] if position.speaker_mention else []
            if _source_right(mention, gold[j]):
                self.half_source_right += 1

    def report(self) -> str:
        def prf(hits: int) -> str:
            p = hits / self.predicted if self.predicted else 0.0
            r = hits / self.gold if self.gold else 0.0
            f = 2 * p * r / (p + r) if p + r else 0.0
            return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}"

        attributed = self.source_right
        lines = [
            f"articles' attributions: gold {self.gold}, predicted {self.predicted}, matched {self.matched}",
            f"content overlap     {prf(self.matched)}",
            f"content exact       {prf(self.exact)}",
            f"source accuracy     {self.source_right / self.matched if self.matched else 0.0:.3f} (of matched)",
            f"cue accuracy        {self.cue_right / self.matched if self.matched else 0.0:.3f} (of matched)",
            f"attribution         {prf(attributed)}",
            f"covers half         content {prf(self.half_matched)};  attribution {prf(self.half_source_right)}",
            f"speed               {self.words / self.seconds if self.seconds else 0.0:,.0f} words/second "
            f"(attribution and actors only, parse excluded; {self.words:,} words)",
        ]
        return "\n".join(lines)


def cue_statistics(docs, golds) -> str:
    cues, totals = Counter(), Counter()
    for doc, gold in zip(docs, golds):
        cue_chars = {i for g in gold for a, b in g.cue for i in range(a, b)}
        content_chars = {i for g in gold for a, b in g.content for i in range(a, b)}
        for token in doc:
            if token.pos_ != "VERB" or token.idx in content_chars:
                continue
            totals[token.lemma_.lower()] += 1
            if token.idx in cue_chars:
                cues[token.lemma_.lower()] += 1
    rows = sorted(cues, key=lambda lemma: -cues[lemma])
    return "\n".join(f"{lemma}\t{cues[lemma]}\t{cues[lemma] / totals[lemma]:.2f}" for lemma in rows)


def _match(predicted: list[Ranges], gold: list[GoldAttribution], min_cover: float = 0.0) -> dict[int, int]:
    """One-to-one matching of predicted to gold contents, largest shared characters first;
    with ``min_cover``, only pairs whose shared characters are that share of the gold's."""
    pairs = []
    for i, content in enumerate(predicted):
        for j, g in enumerate(gold):
            shared = _overlap(content, g.content)
            length = sum(b - a for a, b in g.content)
            if shared and shared >= min_cover * length:
                pairs.append((shared, i, j))
    matched: dict[int, int] = {}
    used = set()
    for _, i, j in sorted(pairs, reverse=True):
        if i not in matched and j not in used:
            matched[i] = j
            used.add(j)
    return matched


def _source_right(mention: Ranges, gold: GoldAttribution) -> bool:
    return (not mention and not gold.source) or bool(mention and gold.source and _overlap(mention, gold.source))


RELIABILITY_HEADER = """# Weights of the logistic model in briefgen/extract/positions/reliability.py: how much each
# feature of an attribution (how it was found, what names its source, its cue …) raises or
# lowers the odds that it is right, fitted on PolNeAR train, where right means content and
# source both match the gold annotation.
# Written by `python benchmarks/attribution_eval.py --split train --learn-reliability`.
"""


def learn_reliability(docs, corpus) -> str:
    from briefgen.extract.positions.attributions import find_attributions
    from briefgen.extract.positions.reliability import features, fit, format_weights

    examples = []
    for doc, (_, _, gold) in zip(docs, corpus):
        attributions = find_attributions(doc)
        matched = _match([a.fragments for a in attributions], gold)
        for i, attribution in enumerate(attributions):
            mention = [(attribution.source.start_char, attribution.source.end_char)] if attribution.source is not None else []
            right = i in matched and _source_right(mention, gold[matched[i]])
            examples.append((features(attribution), right))
    return format_weights(fit(examples), RELIABILITY_HEADER)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=0, help="score only the first N articles")
    parser.add_argument("--cue-stats", action="store_true", help="print cue rates per verb lemma instead")
    parser.add_argument(
        "--learn-reliability",
        nargs="?",
        const=Path("briefgen/data/reliability.tsv"),
        type=Path,
        help="fit the reliability model's weights and write them (default briefgen/data/reliability.tsv)",
    )
    parser.add_argument(
        "--min-reliability", type=float, default=None, help="leave out attribution kinds below this (default: the extraction's own)"
    )
    args = parser.parse_args(argv)
    if not (args.data / "metadata.tsv").exists():
        print(f"PolNeAR not found at {args.data}; nothing to score.", file=sys.stderr)
        return 0

    from briefgen.extract.actors.index import find_actors
    from briefgen.extract.positions.build import extract_positions
    from briefgen.nlp import get_pipeline

    nlp = get_pipeline()
    corpus = list(articles(args.data, args.split))
    if args.limit:
        corpus = corpus[: args.limit]
    started = time.perf_counter()
    docs = list(nlp.pipe((text for _, text, _ in corpus), batch_size=16))
    parse_seconds = time.perf_counter() - started
    if args.cue_stats:
        print(cue_statistics(docs, [gold for _, _, gold in corpus]))
        return 0
    if args.learn_reliability:
        args.learn_reliability.write_text(learn_reliability(docs, corpus), encoding="utf-8")
        print(f"wrote {args.learn_reliability}")
        return 0
    options = {} if args.min_reliability is None else {"min_reliability": args.min_reliability}
    tally = Tally()
    for doc, (name, text, gold) in zip(docs, corpus):
        started = time.perf_counter()
        actors = find_actors(doc, "S1")
        predicted = extract_positions(doc, "S1", actors, **options)
        tally.seconds += time.perf_counter() - started
        tally.words += sum(1 for t in doc if not (t.is_punct or t.is_space))
        tally.add_article(text, predicted, gold)
    print(f"PolNeAR {args.split}: {len(corpus)} articles")
    print(tally.report())
    print(f"parse               {tally.words / parse_seconds:,.0f} words/second (spaCy pipeline, for comparison)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
