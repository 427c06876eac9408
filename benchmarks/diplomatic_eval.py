"""Score events and positions on diplomatic reporting against the project's development gold.

Run from the project root::

    python benchmarks/diplomatic_eval.py                 # the tuning half of the gold
    python benchmarks/diplomatic_eval.py --split check   # the half kept for checking
    python benchmarks/diplomatic_eval.py --split all -v  # every article, with each miss

The articles are read from ``../shared/data/diplomatic`` (``--data``); the gold is
``benchmarks/diplomatic_gold/<article>.json``, annotated by that folder's GUIDELINES.md (see
``benchmarks/diplomatic_gold/README.md`` for how, and for the two halves). Each article is
extracted on its own, as ``briefgen extract ARTICLE`` would, and scored:

* **events**: a gold event is found by an extracted event whose evidence covers at least
  half of the gold evidence and whose summary or sentence holds the gold keywords; pairs
  are one to one, best covered first. P, R, F1, and date accuracy: of the found events,
  those whose TIMEX3 value is the gold one (a range counts by its first day, as the gold
  writes ranges).
* **positions**: a gold statement is found by an extracted position whose evidence covers
  at least half of it, one to one. Attribution P, R, F1 count found statements; speaker
  accuracy is the share of found statements whose speaker is the gold speaker (its name or
  one of the aliases the article uses, compared without case, accents, punctuation or word
  order, or another name the gazetteer gives the same body; a group "A and B" must name
  the same members).
* **rules**: summaries and speakers that break the faithfulness rules, by the mechanical
  checks of ``../shared/tools/summary_lint.py`` (words not in the evidence or out of its
  order, broken brackets, a dangling last word; pronoun and date-word speakers), and the
  speakers named by an office, a document or a meeting alone ("President", "document").
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from briefgen.extract.actors.lexicon import person_words
from briefgen.extract.actors.names import known_name
from briefgen.extract.positions.speakers import GATHERING_NOUNS, ISSUED_DOCUMENTS

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path("../shared/data/diplomatic")
DEFAULT_GOLD = ROOT / "benchmarks" / "diplomatic_gold"
DEFAULT_LINT = Path("../shared/tools/summary_lint.py")
MIN_COVER = 0.5
# Words that say who someone is, not which one: a speaker named "Prime Minister Modi" is
# the gold's "Narendra Modi" when the names left agree.
TITLE_WORDS = frozenset(
    "mr mrs ms dr h e he his her excellency honourable honorable shri smt sheikh datuk seri dato tan sri "
    "president prime minister foreign pm fm eam secretary state chancellor premier spokesperson "
    "spokesman spokeswoman ambassador the".split()
)


def tune_or_check(name: str) -> str:
    """The part an article belongs to (benchmarks/diplomatic_gold/README.md)."""
    group = re.match(r"g(\d+)", name)
    if group:
        return "tune" if int(group.group(1)) <= 12 else "check"
    return "check" if int(name[:3]) in CHECK_SINGLES else "tune"


# The single articles kept for checking; with the groups from g13 on, a quarter of the gold.
CHECK_SINGLES = frozenset({56, 58, 59})


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    return "".join(c for c in text if not unicodedata.combining(c)).casefold()


def _name_words(name: str) -> frozenset[str]:
    # British and American spellings of one body's name ("Organisation", "Organization").
    words = [w.replace("isation", "ization") for w in
             re.findall(r"\w+", _fold(name).replace("-", "").replace("’", "").replace("'", ""))]
    kept = frozenset(w for w in words if w not in TITLE_WORDS)
    return kept or frozenset(words)


def _initials(name: str) -> str:
    return "".join(w[0] for w in re.findall(r"\w+", name) if w[0].isupper())


def _members(name: str) -> list[frozenset[str]]:
    parts = re.split(r",\s*(?:and\s+)?|\s+and\s+|\s*&\s*", name)
    return [_name_words(p) for p in parts if p.strip()]


def same_speaker(predicted: str, gold_names: list[str]) -> bool:
    """The predicted speaker is the gold one: the same members, each by one of its names."""
    mine = _members(predicted)
    for gold in gold_names:
        theirs = _members(gold)
        if len(mine) == len(theirs) and all(any(m == t for t in theirs) for m in mine):
            return True
    # A single speaker named by part of one of the gold's forms ("Lavrov" for "Sergei Lavrov"),
    # or by a fuller one ("United Nations Security Council" for "Security Council").
    singles = [_name_words(n) for n in gold_names if len(_members(n)) == 1]
    if len(mine) == 1 and any(mine[0] and (mine[0] <= form or (len(form) >= 2 and form <= mine[0])) for form in singles):
        return True
    # A body or country the gazetteer lists under both names ("ECOWAS", "the Quad").
    listed = known_name(predicted)
    if listed is not None and any(known_name(n) == listed for n in gold_names):
        return True
    # A body by its initials in one and in full in the other ("UN", "United Nations").
    return any(n.isupper() and len(n) >= 2 and n == _initials(predicted) or predicted.isupper() and predicted == _initials(n)
               for n in gold_names)


def _cover(gold: tuple[int, int], spans: list[tuple[int, int]]) -> float:
    length = gold[1] - gold[0]
    if length <= 0:
        return 0.0
    covered = set()
    for a, b in spans:
        covered.update(range(max(a, gold[0]), min(b, gold[1])))
    return len(covered) / length


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"\w+", _fold(text))) + " "


def _has_keywords(keywords: list[str], text: str) -> float:
    words = _words(text)
    return sum(1 for k in keywords if _words(k) in words) / max(len(keywords), 1)


@dataclass
class Score:
    gold: int = 0
    predicted: int = 0
    found: int = 0
    right: int = 0  # found with the right date or speaker

    def add(self, other: "Score") -> None:
        self.gold += other.gold
        self.predicted += other.predicted
        self.found += other.found
        self.right += other.right

    def prf(self) -> tuple[float, float, float]:
        p = self.found / self.predicted if self.predicted else 0.0
        r = self.found / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _body_start(text: str) -> int:
    """Where the article starts after its front matter: the gold quotes the body, and a title
    repeated in the front matter must not be taken for it."""
    if not text.startswith("---"):
        return 0
    close = re.search(r"^---[ \t]*$", text[3:], re.MULTILINE)
    return 3 + close.end() if close else 0


def _span_of(text: str, evidence: str) -> tuple[int, int]:
    start = text.find(evidence, _body_start(text))
    return (start, start + len(evidence)) if start >= 0 else (0, 0)


def _greedy(pairs: list[tuple[float, int, int]]) -> dict[int, int]:
    """One-to-one matching, best pairs first: gold index -> predicted index."""
    chosen: dict[int, int] = {}
    taken: set[int] = set()
    for _, g, p in sorted(pairs, key=lambda x: (-x[0], x[1], x[2])):
        if g not in chosen and p not in taken:
            chosen[g] = p
            taken.add(p)
    return chosen


def _tally(gold: list[dict], predicted: list[dict], pairs: list[tuple[float, int, int]], judge, report,
           missed, extra) -> Score:
    """Match gold to predicted one to one, best pairs first, and count the matches and those
    ``judge`` finds right (it returns None, or what is wrong); report the rest."""
    score = Score(gold=len(gold), predicted=len(predicted))
    matched = _greedy(pairs)
    score.found = len(matched)
    for g, item in enumerate(gold):
        if g not in matched:
            report(missed(item))
            continue
        wrong = judge(item, predicted[matched[g]])
        if wrong is None:
            score.right += 1
        else:
            report(wrong)
    for p, mine in enumerate(predicted):
        if p not in matched.values():
            report(extra(mine))
    return score


def score_events(text: str, gold: list[dict], predicted: list[dict], report) -> Score:
    pairs = []
    for g, event in enumerate(gold):
        span = _span_of(text, event["evidence"])
        for p, mine in enumerate(predicted):
            spans = [(e["start"], e["end"]) for e in mine["evidence"]]
            cover = _cover(span, spans)
            sentence = " ".join(e["text"] for e in mine["evidence"])
            keywords = max(_has_keywords(event["keywords"], mine["summary"]), _has_keywords(event["keywords"], sentence))
            if cover >= MIN_COVER and keywords >= 0.5:
                pairs.append((cover + _has_keywords(event["keywords"], mine["summary"]), g, p))

    def judge(event: dict, mine: dict):
        value = mine["date"]["value"].split("/")[0]
        return None if value == event["date"] else f"  wrong date {value} for {event['date']}: {mine['summary'][:100]!r}"

    return _tally(gold, predicted, pairs, judge, report,
                  missed=lambda event: f"  missed event {event['date']}: {event['evidence'][:110]!r}",
                  extra=lambda mine: f"  extra event {mine['date']['value']}: {mine['summary'][:110]!r}")


def score_positions(text: str, gold: list[dict], predicted: list[dict], report) -> Score:
    pairs = []
    for g, statement in enumerate(gold):
        span = _span_of(text, statement["evidence"])
        for p, mine in enumerate(predicted):
            cover = _cover(span, [(e["start"], e["end"]) for e in mine["evidence"]])
            if cover >= MIN_COVER:
                pairs.append((cover, g, p))

    def judge(statement: dict, mine: dict):
        if same_speaker(mine["speaker"]["name"], [statement["speaker"], *statement.get("aliases", [])]):
            return None
        return f"  wrong speaker {mine['speaker']['name']!r} for {statement['speaker']!r}: {statement['evidence'][:70]!r}"

    return _tally(gold, predicted, pairs, judge, report,
                  missed=lambda statement: f"  missed position [{statement['speaker']}]: {statement['evidence'][:100]!r}",
                  extra=lambda mine: f"  extra position [{mine['speaker']['name']}]: {mine['text'][:100]!r}")


def _load_lint(path: Path):
    if not path.is_file():
        return None
    spec = importlib.util.spec_from_file_location("summary_lint", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _briefings(articles: list[Path]) -> dict[str, dict]:
    """Each article extracted on its own, as `briefgen extract ARTICLE` does, as JSON data."""
    sys.path.insert(0, str(ROOT))
    from briefgen.api import assemble, extractions
    from briefgen.model import briefing_to_json

    found = extractions([str(a) for a in articles], cache=False)
    return {a.stem: json.loads(briefing_to_json(assemble([x], title=a.stem))) for a, x in zip(articles, found)}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the articles (default: %(default)s)")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="the gold files (default: benchmarks/diplomatic_gold)")
    parser.add_argument("--split", choices=("tune", "check", "all"), default="tune")
    parser.add_argument("--lint", type=Path, default=DEFAULT_LINT, help="summary_lint.py (default: %(default)s)")
    parser.add_argument("--save", type=Path, help="write each article's briefing JSON into this folder")
    parser.add_argument("--briefings", type=Path, help="score the briefing JSONs in this folder (<article>.json) instead of extracting")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every miss, wrong date or speaker, and extra")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no articles at {args.data}", file=sys.stderr)
        return 2
    golds = sorted(p for p in args.gold.glob("*.json") if args.split == "all" or tune_or_check(p.stem) == args.split)
    articles = [args.data / f"{p.stem}.txt" for p in golds]
    missing = [a for a in articles if not a.is_file()]
    if missing or not golds:
        print(f"articles missing for the gold: {', '.join(a.name for a in missing) or '(no gold files)'}", file=sys.stderr)
        return 2
    if args.briefings:
        briefings = {a.stem: json.loads((args.briefings / f"{a.stem}.json").read_text(encoding="utf-8")) for a in articles}
    else:
        briefings = _briefings(articles)
    lint = _load_lint(args.lint)
    events, positions = Score(), Score()
    lint_totals = [0, 0, 0, 0]
    office_speakers: list[str] = []
    for gold_path, article in zip(golds, articles):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        briefing = briefings[article.stem]
        text = article.read_text(encoding="utf-8")
        lines: list[str] = []
        events.add(score_events(text, gold["events"], briefing["events"], lines.append))
        positions.add(score_positions(text, gold["positions"], briefing["positions"], lines.append))
        if lint is not None:
            lint_totals = [x + y for x, y in zip(lint_totals, lint.check(briefing, args.verbose))]
        office_speakers += [p["speaker"]["name"] for p in briefing["positions"] if names_no_one(p["speaker"]["name"])]
        if args.verbose and lines:
            print(f"== {article.stem}")
            print("\n".join(lines))
        if args.save:
            args.save.mkdir(parents=True, exist_ok=True)
            (args.save / f"{article.stem}.json").write_text(json.dumps(briefing, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"diplomatic dev gold, {args.split}: {len(golds)} articles")
    p, r, f = events.prf()
    print(f"events      gold {events.gold:4}  predicted {events.predicted:4}  found {events.found:4}  "
          f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  date accuracy {events.right / max(events.found, 1):.3f}")
    p, r, f = positions.prf()
    print(f"positions   gold {positions.gold:4}  predicted {positions.predicted:4}  found {positions.found:4}  "
          f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  speaker accuracy {positions.right / max(positions.found, 1):.3f}")
    if lint is None:
        print(f"rules       {args.lint} not found: summaries and speakers not checked")
    else:
        print(f"rules       summaries breaking them {lint_totals[0]} of {lint_totals[1]}; "
              f"pronoun or date-word speakers {lint_totals[2]} of {lint_totals[3]}")
    print(f"            office, document or meeting speakers {len(office_speakers)} of {positions.predicted}"
          + (f": {', '.join(sorted(set(office_speakers)))}" if args.verbose and office_speakers else ""))
    return 0


def names_no_one(speaker: str) -> bool:
    """A speaker named by an office, a document or a meeting alone ("President", "the
    ministers", "document", "high-level meeting"), which rule 1 of the issue forbids; "a
    diplomat", an explicitly anonymous source, is allowed."""
    words = re.findall(r"[\w’']+", speaker.lower())
    if not words or words[0] in ("a", "an"):
        return False
    nouns = ISSUED_DOCUMENTS | GATHERING_NOUNS
    titles = person_words()
    kept = [w for w in words if w not in ("the", "main", "former", "upcoming", "high", "level")]
    return bool(kept) and all(titles.is_title(w) or w in nouns or w.rstrip("s") in nouns for w in kept)


if __name__ == "__main__":
    sys.exit(main())
