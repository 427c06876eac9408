"""How far to trust an attribution, from how often its kind was right on PolNeAR train.

An attribution's kind is what the extraction knows about how it was found: the shape of its
content (a that-clause, an object, a quotation beside the cue, a noun's complement …), what
names its source (a name, a pronoun, a common noun, nothing), the cue's place in its
sentence (heading it, or inside a relative clause …), the cue's class and the cue word. ``data/reliability.tsv`` counts, for each kind, how many attributions the
extraction made on PolNeAR train and how many of them were right (content and source both
matching the gold annotation); ``python benchmarks/attribution_eval.py --learn-reliability``
writes it again after the rules change.

The estimate backs off from the most specific kind to broader ones, each count shrunk
towards its broader estimate, so a cue word seen twice borrows its class's record rather
than claiming 0 % or 100 %.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Optional

from spacy.tokens import Span

from briefgen.extract.actors.lexicon import person_words, read_table

# How many observations an estimate needs before it outweighs the broader one above it.
SHRINKAGE = 10.0
LEVELS = ("shape", "shape_source", "shape_source_role", "shape_source_role_class", "shape_source_lemma")
RELIABILITY_FILE = "reliability.tsv"


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


def kind_keys(shape: str, source: str, role: str, cue_class: str, lemma: str) -> dict[str, str]:
    """The kind's key at each level, broadest first.

    ``role`` is the cue's dependency relation: a cue heading its sentence ("ROOT") reports
    far more reliably than one inside a relative clause ("relcl") or another verb's object.
    """
    return {
        "shape": shape,
        "shape_source": f"{shape}|{source}",
        "shape_source_role": f"{shape}|{source}|{role}",
        "shape_source_role_class": f"{shape}|{source}|{role}|{cue_class}",
        "shape_source_lemma": f"{shape}|{source}|{lemma}",
    }


@lru_cache(maxsize=1)
def _counts() -> dict[tuple[str, str], tuple[int, int]]:
    if not resources.files("briefgen").joinpath(f"data/{RELIABILITY_FILE}").is_file():
        return {}
    return {(row["level"], row["kind"]): (int(row["made"]), int(row["right"])) for row in read_table(RELIABILITY_FILE)}


@lru_cache(maxsize=1)
def _overall() -> float:
    made = right = 0
    for (level, _), (m, r) in _counts().items():
        if level == "shape":
            made, right = made + m, right + r
    return right / made if made else 0.5


def estimate(shape: str, source: str, role: str, cue_class: str, lemma: str) -> float:
    """Share of attributions of this kind that were right on train, shrunk level by level."""
    counts = _counts()
    value = _overall()
    # Each level refines the one before: the cue word refines its role and class's figure.
    for level, key in kind_keys(shape, source, role, cue_class, lemma).items():
        made, right = counts.get((level, key), (0, 0))
        value = (right + SHRINKAGE * value) / (made + SHRINKAGE)
    return value
