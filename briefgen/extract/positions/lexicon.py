"""The cue lexicon (``data/cues.tsv``): which verbs report speech, stance, belief or evidence.

The file documents its columns; each entry says what kind of attribution a verb makes and
where its content sits ("told reporters that …": the object is the listener, the clause
the content). How reliably each verb marks an attribution was measured on PolNeAR train
and is kept in the file for whoever extends it.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from briefgen.extract.actors.lexicon import read_table

CUE_CLASSES = ("speech", "stance", "belief", "evidence")
PARTS_OF_SPEECH = ("VERB", "NOUN", "ADJ")
FRAMES = ("clause", "addressee", "object", "report", "raising", "noun", "adjective", "phrase")


@dataclass(frozen=True)
class CueEntry:
    lemma: str
    pos: str  # VERB | NOUN | ADJ
    cue_class: str  # speech | stance | belief | evidence
    frame: str  # clause | addressee | object | report | raising | noun | adjective


@lru_cache(maxsize=1)
def cue_lexicon() -> dict[tuple[str, str], CueEntry]:
    """Entries by (lemma, part of speech): "support" is a cue as a verb and as a noun."""
    entries = {}
    for row in read_table("cues.tsv"):
        if row["class"] not in CUE_CLASSES or row["frame"] not in FRAMES or row["pos"] not in PARTS_OF_SPEECH:
            raise ValueError(f"cues.tsv: {row['lemma']!r} has an unknown part of speech, class or frame")
        entries[(row["lemma"], row["pos"])] = CueEntry(row["lemma"], row["pos"], row["class"], row["frame"])
    return entries


_INFLECTIONS = ("ing", "ies", "ied", "ed", "es", "s", "d")


# Cues are a few hundred distinct words however many statements a briefing holds.
@lru_cache(maxsize=4096)
def cue_class(cue_text: str) -> str:
    """The lexicon class of a cue as written ("urged", "called for" → stance); "speech" when unknown."""
    lexicon = cue_lexicon()
    words = cue_text.lower().split()
    if not words:
        return "speech"
    word = words[0]
    candidates = [word]
    for ending in _INFLECTIONS:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            stem = word[: -len(ending)]
            candidates += [stem, stem + "e", stem + "y", stem[:-1] if len(stem) > 3 and stem[-1] == stem[-2] else stem]
    phrasal = [f"{candidate} {words[1]}" for candidate in candidates] if len(words) > 1 else []
    for candidate in phrasal + candidates:
        for pos in PARTS_OF_SPEECH:
            if (candidate, pos) in lexicon:
                return lexicon[(candidate, pos)].cue_class
    return "speech"
