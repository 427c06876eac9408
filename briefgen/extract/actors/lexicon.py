"""Word lists about people and speakers: honorifics, role titles, and speaker nouns.

The lists are data (``data/titles.tsv``, ``data/speaker_nouns.tsv``) so that a house can
extend them without touching code; the files document their columns.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Optional


def read_table(name: str) -> list[dict[str, str]]:
    """Rows of a tab-separated data file with a header line; lines starting with # are notes."""
    text = resources.files("briefgen").joinpath(f"data/{name}").read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@dataclass(frozen=True, eq=False)
class PersonWords:
    honorifics: dict[str, Optional[str]]  # word -> gender ("m", "f") or None
    roles: dict[str, Optional[str]]
    speaker_nouns: dict[str, str]  # lemma -> person | group | organisation | document

    def is_honorific(self, word: str) -> bool:
        return word.lower() in self.honorifics

    def is_role(self, word: str) -> bool:
        return word.lower() in self.roles

    def is_title(self, word: str, lemma: str = "") -> bool:
        """A courtesy title or a role word as written before a name: in any case, with or
        without its abbreviation dot, plural ("Prime Ministers"), or misspelt by one letter
        when long ("Minisiter")."""
        lower = word.lower()
        bare = lower.rstrip(".")
        if self.is_honorific(lower) or self.is_honorific(bare) or self.is_role(bare) or (lemma and self.is_role(lemma)):
            return True
        if bare.endswith("s") and self.is_role(bare[:-1]):
            return True
        return word[:1].isupper() and bare in _misspelt_roles(self)

    def gender_of(self, word: str) -> Optional[str]:
        word = word.lower()
        return self.honorifics.get(word) or self.roles.get(word)


# People a body sends, who speak for it together: "the members of the Security Council",
# "Heads of State and Government of ECOWAS", "representatives from 30 CELAC member countries",
# "the summit attendees".
DELEGATE_NOUNS = frozenset({"member", "representative", "delegate", "delegation", "head", "leader", "participant",
                            "attendee"})


def plural_of(lemma: str, tag: str, nouns) -> Optional[str]:
    """The noun of ``nouns`` that a plural is, or None: "leaders", and "Heads" or "Ministers"
    capitalised, whose lemma keeps its "s" and which the tagger may even call singular."""
    lemma = lemma.lower()
    if tag in ("NNS", "NNPS") and lemma in nouns:
        return lemma
    if tag in ("NNS", "NNPS", "NNP") and lemma.endswith("s") and lemma[:-1] in nouns:
        return lemma[:-1]
    return None


def names_delegates(lemma: str, tag: str) -> bool:
    """A plural of DELEGATE_NOUNS, however tagged."""
    return plural_of(lemma, tag, DELEGATE_NOUNS) is not None


# A role word shorter than this is too close to ordinary words for its misspellings to count.
MISSPELT_ROLE_MIN_LENGTH = 6


@lru_cache(maxsize=1)
def _misspelt_roles(words: PersonWords) -> frozenset[str]:
    """Every word one typing slip (a letter left out, added or changed) from a long role word."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    found = set()
    for role in words.roles:
        if len(role) < MISSPELT_ROLE_MIN_LENGTH or not role.isalpha():
            continue
        for i in range(len(role) + 1):
            if i < len(role):
                found.add(role[:i] + role[i + 1:])
            for letter in letters:
                found.add(role[:i] + letter + role[i:])
                if i < len(role):
                    found.add(role[:i] + letter + role[i + 1:])
    return frozenset(found - set(words.roles) - set(words.honorifics))


@lru_cache(maxsize=1)
def person_words() -> PersonWords:
    honorifics: dict[str, Optional[str]] = {}
    roles: dict[str, Optional[str]] = {}
    for row in read_table("titles.tsv"):
        gender = row["gender"] if row["gender"] in ("m", "f") else None
        (honorifics if row["kind"] == "honorific" else roles)[row["word"]] = gender
    nouns = {row["lemma"]: row["kind"] for row in read_table("speaker_nouns.tsv")}
    return PersonWords(honorifics=honorifics, roles=roles, speaker_nouns=nouns)
