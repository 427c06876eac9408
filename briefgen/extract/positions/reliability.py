"""How far to trust an attribution: a logistic model of how often ones like it were right.

An attribution is described by what the extraction knows about how it was found: the shape
of its content (a that-clause, an object, a quotation beside the cue, a noun's complement
…) and whether it is quoted, what names its source (a person's name, a pronoun, a noun
that can speak, a document, nothing), the cue's place in its sentence (heading it, inside a
relative clause …), its class, word and tense, and the content's length. Each description
feature carries a weight; the estimate is the logistic of their sum.

The weights are fitted on PolNeAR train, where an attribution counts as right when its
content and its source both match the gold annotation, and kept in
``data/reliability.tsv``; ``python benchmarks/attribution_eval.py --split train
--learn-reliability`` fits them again after the rules change. The estimate is a
position's confidence, and the extraction leaves out what falls below a threshold.
"""

from __future__ import annotations

import math
from functools import lru_cache
from importlib import resources
from typing import Iterable, Optional

from spacy.tokens import Span

from briefgen.extract.actors.lexicon import person_words, read_table
from briefgen.extract.positions.attributions import Attribution

RELIABILITY_FILE = "reliability.tsv"
BIAS = "(bias)"
# Fitting: features seen fewer times than this are left out (their weight would be noise);
# the rest are fitted by full-batch gradient descent with momentum and a little L2
# shrinkage, enough iterations to converge on PolNeAR train.
MIN_FEATURE_COUNT = 3
ITERATIONS = 1500
LEARNING_RATE = 2.0
MOMENTUM = 0.9
L2 = 1e-4


def source_kind(source: Optional[Span]) -> str:
    """What names the source: none, a pronoun, a person's name, another name, a noun that can
    speak ("officials", "the ministry"), a document ("a poll"), or another noun."""
    if source is None:
        return "none"
    root = source.root
    if root.pos_ == "PRON":
        return "pronoun"
    if root.ent_type_ == "PERSON":
        return "person"
    if root.pos_ == "PROPN" or root.ent_type_ in ("ORG", "GPE", "NORP"):
        return "name"
    words = person_words()
    kind = words.speaker_nouns.get(root.lemma_.lower())
    if kind == "document":
        return "document"
    if kind is not None or words.is_role(root.lemma_):
        return "speaker-noun"
    return "noun"


def features(attribution: Attribution) -> list[str]:
    cue = attribution.cue[0]
    shape = f"{attribution.shape}/{attribution.kind}"
    source = source_kind(attribution.source)
    role = cue.dep_
    lemma = cue.lemma_.lower()
    length = sum(end - start for start, end in attribution.fragments)
    return [
        f"shape={shape}",
        f"source={source}",
        f"role={role}",
        f"class={attribution.cue_class}",
        f"lemma={lemma}",
        f"tag={cue.tag_}",
        f"shape+source={shape}|{source}",
        f"shape+role={shape}|{role}",
        f"source+role={source}|{role}",
        f"lemma+shape={lemma}|{shape}",
        f"head-role={cue.head.dep_ if cue.head.i != cue.i else 'ROOT'}",
        f"length={min(int(math.log2(length + 1)), 9)}",
        f"fragments={min(len(attribution.fragments), 3)}",
        f"source-words={min(len(attribution.source), 6) if attribution.source is not None else 0}",
        f"quotes-in-sentence={any(t.is_quote for t in cue.sent)}",
        f"content-first={attribution.fragments[0][0] < cue.idx}",
        f"continued={attribution.continued}",
    ]


def _sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


@lru_cache(maxsize=1)
def _weights() -> dict[str, float]:
    if not resources.files("briefgen").joinpath(f"data/{RELIABILITY_FILE}").is_file():
        return {}
    return {row["feature"]: float(row["weight"]) for row in read_table(RELIABILITY_FILE)}


def estimate(attribution: Attribution) -> float:
    """How likely an attribution like this one is right (0.5 when no weights are installed)."""
    weights = _weights()
    return _sigmoid(weights.get(BIAS, 0.0) + sum(weights.get(f, 0.0) for f in features(attribution)))


def fit(examples: Iterable[tuple[list[str], bool]]) -> dict[str, float]:
    """Weights for ``estimate`` from (features, right) pairs.

    Full-batch gradient descent with momentum on the mean log loss plus a little L2
    shrinkage: the problem is convex, so the result does not depend on example order.
    """
    import numpy as np  # spaCy's own dependency; only fitting needs it

    examples = list(examples)
    counts: dict[str, int] = {}
    for names, _ in examples:
        for name in names:
            counts[name] = counts.get(name, 0) + 1
    vocabulary = sorted(n for n, c in counts.items() if c >= MIN_FEATURE_COUNT)
    index = {name: i for i, name in enumerate(vocabulary)}
    padding = len(vocabulary)  # a column whose weight stays 0, for rows with fewer features
    width = max((len(names) for names, _ in examples), default=1)
    rows = np.full((len(examples), width), padding, dtype=np.int64)
    for r, (names, _) in enumerate(examples):
        ids = [index[n] for n in names if n in index]
        rows[r, : len(ids)] = ids
    right = np.array([float(r) for _, r in examples])
    weights = np.zeros(padding + 1)
    velocity = np.zeros(padding + 1)
    bias = bias_velocity = 0.0
    for _ in range(ITERATIONS):
        predicted = 1.0 / (1.0 + np.exp(-(bias + weights[rows].sum(axis=1))))
        error = (predicted - right) / len(right)
        gradient = np.bincount(rows.ravel(), weights=np.repeat(error, width), minlength=padding + 1) + L2 * weights
        gradient[padding] = 0.0
        velocity = MOMENTUM * velocity - LEARNING_RATE * gradient
        bias_velocity = MOMENTUM * bias_velocity - LEARNING_RATE * error.sum()
        weights += velocity
        bias += bias_velocity
    fitted = {BIAS: float(bias)}
    fitted.update({name: float(weights[i]) for name, i in index.items()})
    return fitted


def format_weights(weights: dict[str, float], header: str) -> str:
    rows = sorted(weights.items(), key=lambda item: (item[0] != BIAS, -abs(item[1]), item[0]))
    return header + "feature\tweight\n" + "".join(f"{name}\t{weight:.4f}\n" for name, weight in rows)
