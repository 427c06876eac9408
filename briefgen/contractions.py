"""Lemmas for contractions typed with a typographic apostrophe, set after the lemmatizer.

spaCy's English lemmatizer knows "'s", "'re" and "'ll" only with a straight apostrophe: in
"That’s" the verb keeps "’s" as its lemma, so every rule that asks whether a verb is "be"
or "have" misses it, and news is mostly typeset with "’". This component gives such
tokens the lemma their straight spelling gets.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT_NAME = "briefgen_contraction_lemmas"
_TYPOGRAPHIC_APOSTROPHE = "’"
# Lemmas of the verb contractions, by their straight spelling. "'d" is "would" as a modal
# and "have" otherwise ("she’d said"); "’s" is "us" in "let’s", and a possessive "’s" keeps
# what the lemmatizer gave it.
_VERB_LEMMAS = {"'s": "be", "'re": "be", "'m": "be", "'ve": "have", "'ll": "will"}


@Language.component(COMPONENT_NAME)
def set_contraction_lemmas(doc: Doc) -> Doc:
    for token in doc:
        if _TYPOGRAPHIC_APOSTROPHE not in token.text:
            continue
        straight = token.lower_.replace(_TYPOGRAPHIC_APOSTROPHE, "'")
        is_verb = token.pos_ in ("AUX", "VERB")
        if straight == "'s" and token.pos_ == "PRON":
            token.lemma_ = "us"
        elif straight == "'d" and is_verb:
            token.lemma_ = "would" if token.tag_ == "MD" else "have"
        elif straight in _VERB_LEMMAS and is_verb:
            token.lemma_ = _VERB_LEMMAS[straight]
    return doc
