"""Organisations the gazetteer knows and the entity recognizer missed, set after it.

The small English model often leaves a bloc's acronym untagged ("ECOWAS", "CELAC" in the
middle of a sentence), and every later step (who speaks for whom, the actors list) reads the
entities; so a lone word outside any entity that the gazetteer (``data/countries.json``)
lists as an organisation becomes one: an acronym in capitals ("ECOWAS"), or a proper noun
written as the gazetteer writes it ("Mercosur", "Quad"). Countries are left to the tagger,
which misses few, and whose misses ("Georgia", "Chad") are as often people.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from briefgen.extract.actors.names import is_organisation, known_name

COMPONENT_NAME = "briefgen_known_entities"
MIN_ACRONYM_LETTERS = 3


@Language.component(COMPONENT_NAME)
def add_known_organisations(doc: Doc) -> Doc:
    covered = {t.i for ent in doc.ents for t in ent}
    found = [Span(doc, t.i, t.i + 1, label="ORG") for t in doc if t.i not in covered and _names_known_organisation(t)]
    if found:
        doc.set_ents(list(doc.ents) + found, default="unmodified")
    return doc


def _names_known_organisation(token: Token) -> bool:
    acronym = token.is_upper and token.is_alpha and len(token) >= MIN_ACRONYM_LETTERS
    if not acronym and not (token.pos_ == "PROPN" and token.is_title):
        return False
    name = known_name(token.text)
    return name is not None and is_organisation(name)
