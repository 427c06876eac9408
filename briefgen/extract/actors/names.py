"""Canonical names for countries and organisations, from the gazetteer in ``data/countries.json``.

News text names one country many ways ("the U.S.", "US", "America", "American officials");
a briefing must name it one way so that actors merge and timelines group. Aliases written
in capitals ("US", "UN") only match in capitals, because "us" and "who" are ordinary words.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from typing import Optional

_SPACES = re.compile(r"\s+")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_LEADING_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
_EDGE_PUNCTUATION = " \t\n,;:()[]\"“”‘’'"


def tidy(text: str) -> str:
    """Whitespace collapsed, a leading "the", a possessive ending and edge punctuation dropped."""
    text = _SPACES.sub(" ", text).strip(_EDGE_PUNCTUATION)
    text = _POSSESSIVE.sub("", text).strip(_EDGE_PUNCTUATION)
    return _LEADING_ARTICLE.sub("", text).strip()


def _is_capitals(alias: str) -> bool:
    letters = [c for c in alias if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    raw = json.loads(resources.files("briefgen").joinpath("data/countries.json").read_text(encoding="utf-8"))
    return frozenset(place.lower() for place in raw["regions"] + raw["cities"])


def is_known_place(text: str) -> bool:
    """A world region, sea, disputed area or city ("the Middle East", "Buenos Aires"): a place,
    never a person or a body, whatever the tagger calls it."""
    return tidy(text).lower() in _places()


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[dict[str, str], dict[str, str], frozenset[str]]:
    """(exact-case forms, lower-cased forms, canonical country names) -> canonical name."""
    raw = json.loads(resources.files("briefgen").joinpath("data/countries.json").read_text(encoding="utf-8"))
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    countries = frozenset(entry["name"] for entry in raw["countries"])
    for entry in raw["countries"] + raw["organisations"]:
        for form in [entry["name"], *entry["aliases"], *entry["demonyms"]]:
            form = tidy(form)
            if _is_capitals(form):
                exact[form] = entry["name"]
            else:
                folded[form.lower()] = entry["name"]
    return exact, folded, countries


# "the Republic of Niger", "the State of Qatar": a country by its formal style.
FORMAL_STYLE = re.compile(r"^(?:the\s+)?(?:republic|kingdom|state|emirate|sultanate|principality)\s+of\s+", re.IGNORECASE)


def known_name(text: str) -> Optional[str]:
    """The canonical name of a country or organisation the gazetteer knows, else None; a
    country in its formal style the gazetteer does not list ("the Republic of Niger") is the
    country it names."""
    form = tidy(text)
    exact, folded, countries = _gazetteer()
    found = exact.get(form) or folded.get(form.lower())
    if found is None and FORMAL_STYLE.match(form):
        country = known_name(FORMAL_STYLE.sub("", form))
        found = country if country in countries else None
    return found


# The same few hundred names recur across every article of a briefing.
@lru_cache(maxsize=65536)
def canonical_name(text: str) -> str:
    """One name for a country or organisation however the text wrote it.

    "the U.S.", "US", "United States" and "America" give "United States"; a nationality word
    ("South Korean") gives its country; unknown text comes back tidied (a leading "the" and
    surplus whitespace dropped).
    """
    return known_name(text) or tidy(text)


def is_country(name: str) -> bool:
    return name in _gazetteer()[2]


@lru_cache(maxsize=1)
def _forms_by_name() -> dict[str, tuple[str, ...]]:
    raw = json.loads(resources.files("briefgen").joinpath("data/countries.json").read_text(encoding="utf-8"))
    return {entry["name"]: (entry["name"], *entry["aliases"]) for entry in raw["countries"] + raw["organisations"]}


def gazetteer_forms(name: str) -> tuple[str, ...]:
    """Every name the gazetteer gives a country or body ("IRNA", "Islamic Republic News Agency")."""
    return _forms_by_name().get(name, (name,))


def is_organisation(name: str) -> bool:
    """An international body the gazetteer knows ("ASEAN", "Economic Community of West African States")."""
    known = known_name(name)
    return known is not None and not is_country(known)
