"""Score briefgen's temporal tagger on TempEval-3 training data (TimeBank + AQUAINT).

Run from the project root:

    python benchmarks/timex_eval.py [--data ../shared/data/tempeval3] [--errors N]

For each part and overall it prints the TempEval-3 measures (strict and relaxed span
precision/recall/F1, value accuracy and value F1 = relaxed F1 x value accuracy, type F1),
the speed of the tagger next to spaCy's own parse of the same text, the ten worst
documents and the most frequent kinds of error. The DCT (the CREATION_TIME TIMEX3) is given
to the tagger and not scored; only TIMEX3s inside <TEXT> are. The tagger's expressions are
scored as TimeML writes them: a range ("from 2001 to 2009") is two TIMEX3s, one per end.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_ROOT))

from briefgen.extract.temporal import tag_doc  # noqa: E402
from briefgen.extract.temporal.evaluation import Tally, score_document  # noqa: E402
from briefgen.extract.temporal.timeml import TimeMLDocument, read_timeml, timeml_expressions  # noqa: E402
from briefgen.nlp import get_pipeline  # noqa: E402

DEFAULT_DATA = Path("../shared/data/tempeval3")
PARTS = ("TimeBank", "AQUAINT")


def load_part(folder: Path) -> list[TimeMLDocument]:
    return [read_timeml(path) for path in sorted(folder.glob("*.tml"))]


def report(name: str, tally: Tally) -> str:
    sp, sr, sf = tally.strict_prf()
    rp, rr, rf = tally.relaxed_prf()
    return (
        f"{name:<10} gold {tally.gold:5d} system {tally.system:5d} | "
        f"strict P {sp:.3f} R {sr:.3f} F1 {sf:.3f} | "
        f"relaxed P {rp:.3f} R {rr:.3f} F1 {rf:.3f} | "
        f"value acc {tally.value_accuracy():.3f} F1 {tally.value_f1():.3f} | "
        f"type F1 {tally.type_f1():.3f}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="folder with TimeBank/ and AQUAINT/")
    parser.add_argument("--errors", type=int, default=0, help="print up to N errors per document")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: briefgen's choice)")
    args = parser.parse_args(argv)

    data = args.data if args.data.is_absolute() else (Path.cwd() / args.data)
    if not data.is_dir():
        data = PROJECT_ROOT / args.data
    if not data.is_dir():
        print(f"TempEval-3 data not found at {args.data}; nothing to measure.")
        return 0

    nlp = get_pipeline(args.model)
    parts = {part: load_part(data / part) for part in PARTS if (data / part).is_dir()}
    documents = [(part, doc) for part, docs in parts.items() for doc in docs]
    texts = [doc.text for _, doc in documents]

    # Warm up both (model caches, pattern compilation) on one document before timing.
    tag_doc(nlp(texts[0]), documents[0][1].dct)

    started = time.perf_counter()
    parsed = list(nlp.pipe(texts))
    parse_seconds = time.perf_counter() - started
    tokens = sum(len(doc) for doc in parsed)

    started = time.perf_counter()
    tagged = [tag_doc(doc, document.dct) for doc, (_, document) in zip(parsed, documents)]
    # Scored as TimeML writes them: a range is two TIMEX3s.
    tagged = [timeml_expressions(timexes) for timexes in tagged]
    tag_seconds = time.perf_counter() - started

    totals = {part: Tally() for part in parts}
    overall = Tally()
    per_document = []
    for (part, document), system in zip(documents, tagged):
        log: list[str] | None = [] if args.errors else None
        tally = score_document(document.timexes, system, log)
        totals[part].add(tally)
        overall.add(tally)
        per_document.append((tally.error_count(), part, document.doc_id, tally, log))

    print("TempEval-3 TIMEX3 evaluation (TimeBank + AQUAINT, TBAQ-cleaned)")
    print(f"pipeline: {nlp.meta.get('lang')}_{nlp.meta.get('name')} {nlp.meta.get('version')}")
    print()
    for part, tally in totals.items():
        print(report(part, tally))
    print(report("overall", overall))
    print()
    print(
        f"speed: spaCy parse {tokens / parse_seconds:,.0f} tokens/s ({parse_seconds:.2f} s), "
        f"tagger {tokens / tag_seconds:,.0f} tokens/s ({tag_seconds:.2f} s); "
        f"tagging adds {100 * tag_seconds / parse_seconds:.1f}% to the parse ({tokens:,} tokens)"
    )
    print()
    print("ten worst documents (missed + spurious + wrong value):")
    for errors, part, doc_id, tally, _ in sorted(per_document, key=lambda d: -d[0])[:10]:
        print(f"  {part}/{doc_id}: {errors} errors, gold {tally.gold}, system {tally.system}, value F1 {tally.value_f1():.2f}")
    print()
    print("most frequent error kinds:")
    for kind, count in overall.errors.most_common(15):
        print(f"  {count:4d}  {kind}")
    if args.errors:
        print()
        for _, part, doc_id, _, log in per_document:
            if log:
                print(f"{part}/{doc_id}")
                print("\n".join(log[: args.errors]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
