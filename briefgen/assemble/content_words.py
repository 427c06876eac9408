"""The words of an event summary that say what happened, reduced to a comparable stem.

Two articles rarely word an event alike ("signed an agreement on green hydrogen
cooperation", "the green hydrogen agreement that Norway and Chile signed"). Comparing
them needs the words that carry content — not "the", not a date, not the names of the
actors (compared separately) — in one form whatever their inflection, so that "signed",
"signing" and "signs" meet. Summaries are plain strings (a briefing JSON may have been
edited by hand), so the stem comes from suffix stripping rather than a language model.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)

STOP_WORDS = frozenset(
    """
    a an the and or but nor of to in on at by for from with without into onto over under about
    as than that this these those which who whom whose what when where while if then so not no
    is are was were be been being am has have had do does did will would shall should can could
    may might must it its it's they them their theirs he him his she her hers we us our ours you
    your i me my also again still just only very more most much many such other another both
    each all any some there here after before during since until up down out off against between
    """.split()
)
# Words that say when, which the dates already compare.
DATE_WORDS = frozenset(
    """
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday today yesterday tomorrow tonight day days week weeks month months year years
    quarter decade century last next earlier later ago morning evening afternoon night
    """.split()
)
# Words nearly every report on relations between governments uses; sharing one says
# nothing about whether two reports describe the same event.
GENERIC_WORDS = frozenset(
    """
    country countries government governments official officials minister ministers ministry
    leader leaders president prime side sides two bilateral cooperation relation relations
    tie ties said say says
    """.split()
)
# Past tenses that suffix stripping cannot bring back to their verb.
IRREGULAR = {
    "met": "meet", "held": "hold", "said": "say", "told": "tell", "took": "take", "made": "make",
    "began": "begin", "begun": "begin", "led": "lead", "won": "win", "struck": "strike",
    "fought": "fight", "sent": "send", "left": "leave", "became": "become", "went": "go",
    "gone": "go", "came": "come", "gave": "give", "given": "give", "spoke": "speak",
    "spoken": "speak", "wrote": "write", "written": "write", "rose": "rise", "fell": "fall",
    "brought": "bring", "sought": "seek", "chose": "choose", "drew": "draw", "broke": "break",
    "ran": "run", "paid": "pay", "laid": "lay", "bought": "buy", "sold": "sell", "built": "build",
    "flew": "fly", "hit": "hit", "shot": "shoot", "stood": "stand", "withdrew": "withdraw",
    "kept": "keep", "found": "find", "got": "get", "saw": "see", "knew": "know",
}
# Longest first, so that "ations" is tried before "s".
_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ies", "ied", "ers", "er", "es", "ed", "s")
_MIN_STEM = 3


# A briefing's reports use a few thousand distinct words, each many times.
@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude, consistent stem: "signed", "signing" and "signs" all give "sign".

    The stem need not be a word; it only has to be the same for the forms a news report
    uses of one word. A final "e" is always dropped so that "agree", "agreed" and
    "agreement" meet at "agr".
    """
    word = word.lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = IRREGULAR.get(word, word)
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= _MIN_STEM:
            word = word[: -len(suffix)]
            if suffix in ("ies", "ied"):
                word += "y"
            break
    if len(word) > _MIN_STEM:
        word = word.rstrip("e") or word
    # A doubled final consonant left by a suffix ("planned", "shipping") is one letter.
    if len(word) > _MIN_STEM and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    return word


_IGNORED_STEMS = frozenset(stem(w) for w in DATE_WORDS | GENERIC_WORDS)


def name_words(names: Iterable[str]) -> frozenset[str]:
    """The stems of the words of some names ("South Korea" -> "south", "kor")."""
    return frozenset(stem(w) for name in names for w in _WORD.findall(name))


def content_words(text: str, ignore: frozenset[str] = frozenset()) -> frozenset[str]:
    """The stems of the content words of ``text``, less any stem in ``ignore``."""
    stems = (stem(w) for w in _WORD.findall(text) if w.lower() not in STOP_WORDS)
    return frozenset(s for s in stems if len(s) > 1 and s not in _IGNORED_STEMS and s not in ignore)
