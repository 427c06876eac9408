"""When two written names are one person, and which of them to print.

Diplomatic reporting names one person many ways, and a briefing must name them once:

* family name first, or in capitals as official releases write it: "KISHIDA Fumio" and
  "Fumio Kishida";
* a given name spelt with a hyphen or a space: "Yoon Suk-yeol", "Yoon Suk Yeol";
* initials in the middle: "Retno LP Marsudi", "Retno Marsudi";
* transliterations a letter or two apart: "Sergey Lavrov", "Sergei Lavrov"; "Mohamed",
  "Mohammed", "Muhammad";
* a longer and a shorter form: "Mohamed bin Zayed" and "Mohamed bin Zayed Al Nahyan";
* courtesy titles and offices written as part of the name: "Shri Narendra Modi", "PM Modi".

Names compare by a key: lower-case words without accents, hyphens, titles or middle
initials. A lone name ("Kishida") is not compared here: it belongs to the one full name it
is part of, which the callers decide in context.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from briefgen.extract.actors.lexicon import person_words

_WORD = re.compile(r"[^\s]+")
ARABIC_ARTICLES = frozenset({"al", "el"})
# A transliteration differs from another by this many letters at most.
MAX_SPELLING_DISTANCE = 2
MIN_SPELLING_LENGTH = 5
MIN_FAMILY_NAME_SLIP_LENGTH = 7


def _fold(word: str) -> str:
    word = unicodedata.normalize("NFKD", word)
    return "".join(c for c in word if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def name_key(name: str) -> tuple[str, ...]:
    """The words that identify a person in a written name, comparable across spellings."""
    words = person_words()
    raw = [w.strip(".,;:'’\"()") for w in _WORD.findall(name)]
    raw = [w for w in raw if w]
    key: list[str] = []
    for position, word in enumerate(raw):
        folded = _fold(word)
        bare = folded.rstrip(".")
        if words.is_honorific(folded) or words.is_honorific(folded + ".") or words.is_role(bare):
            continue
        middle = 0 < position < len(raw) - 1
        if middle and (len(bare) == 1 or (word.isupper() and len(bare) <= 3)):
            continue  # "Retno LP Marsudi", "George W. Bush": initials between the names
        parts = re.split(r"[-‑]", bare)
        if len(parts) > 1 and parts[0] in ARABIC_ARTICLES:
            parts = parts[1:]  # "al-Sisi" is "El Sisi" is "Sisi": the article is spelt many ways
        elif len(parts) == 1 and parts[0] in ARABIC_ARTICLES and position < len(raw) - 1:
            continue
        joined = "".join(parts)  # a hyphenated given name is one word: "Suk-yeol"
        if joined:
            key.append(joined)
    return tuple(key)


def same_person(a: str, b: str) -> bool:
    """Whether two full names (two words or more each) name one person."""
    ka, kb = name_key(a), name_key(b)
    if len(ka) < 2 or len(kb) < 2:
        return False
    if "".join(ka) == "".join(kb) or sorted(ka) == sorted(kb):
        return True  # "Yoon Suk-yeol" / "Yoon Suk Yeol"; "KISHIDA Fumio" / "Fumio Kishida"
    if ka[-1] == kb[-1] and _compatible(ka[0], kb[0]):
        return True  # "Sergey Lavrov" / "Sergei Lavrov"; "S Jaishankar" / "Subrahmanyam Jaishankar"
    if ka[0] == kb[0] and len(ka[0]) > 1 and _same_spelling(ka[-1], kb[-1]):
        return True  # "Cyril Ramaphosa" / "Cyril Ramphosa": a slip in a long family name
    shorter, longer = (ka, kb) if len(ka) <= len(kb) else (kb, ka)
    return len(shorter) < len(longer) and _subsequence(shorter, longer) and (
        shorter[0] == longer[0] or shorter[-1] == longer[-1])


def _compatible(x: str, y: str) -> bool:
    """Two given names of one person: equal, one the other's initial, or spelt a letter or two apart."""
    if x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y)):
        return True
    return (min(len(x), len(y)) >= MIN_SPELLING_LENGTH and x[0] == y[0]
            and _distance(x, y) <= MAX_SPELLING_DISTANCE)


def _same_spelling(x: str, y: str) -> bool:
    """Two spellings of one long family name, a letter apart."""
    return min(len(x), len(y)) >= MIN_FAMILY_NAME_SLIP_LENGTH and x[0] == y[0] and _distance(x, y) <= 1


def _subsequence(needle: tuple[str, ...], hay: tuple[str, ...]) -> bool:
    words = iter(hay)
    return all(any(w == h for h in words) for w in needle)


def _distance(x: str, y: str) -> int:
    """Levenshtein distance, for names of a dozen letters."""
    previous = list(range(len(y) + 1))
    for i, cx in enumerate(x, start=1):
        current = [i]
        for j, cy in enumerate(y, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (cx != cy)))
        previous = current
    return previous[-1]


def display_name(forms: list[str]) -> str:
    """The form to print: the fullest name without titles, in the text's own case where it
    has one ("Fumio Kishida" over "KISHIDA Fumio"; "Kishida Fumio" when only that was
    written), the form written most often among equals."""
    def rank(form: str) -> tuple:
        key = name_key(form)
        shouting = any(w.isupper() and len(w) > 1 for w in _WORD.findall(form))
        titled = len(_WORD.findall(form)) != len(key)
        return (len(key), not shouting, not titled, forms.count(form), -forms.index(form))

    best = max(forms, key=rank)
    words = person_words()
    kept = [w for w in _WORD.findall(best) if not (words.is_honorific(_fold(w)) or words.is_role(_fold(w).rstrip(".")))]
    if not kept:
        return best
    return " ".join(w.capitalize() if w.isupper() and len(w) > 2 and w.isalpha() else w for w in kept)
