"""A bound on sentence length, set before the parser runs.

Extraction works sentence by sentence, and several of its steps look across the sentence
around each token, which costs the square of the sentence's length. Prose keeps sentences
short, but a pasted table, a list of names or one 200,000-character line without a full
stop is a single "sentence" of tens of thousands of tokens, and that takes hours. This
component starts a new sentence wherever that many tokens have passed without a full
stop, question or exclamation mark or line break, so no sentence is longer than the bound.
Real sentences never come near it and are left to the parser.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

COMPONENT_NAME = "briefgen_sentence_bound"
# Tokens without a sentence end before one is forced. The longest sentences of news prose
# run to 100-150 tokens; a run twice that long is not prose.
MAX_TOKENS_WITHOUT_A_SENTENCE_END = 300
_SENTENCE_ENDS = {".", "!", "?"}


@Language.component(COMPONENT_NAME)
def bound_sentence_length(doc: Doc) -> Doc:
    since_end = 0
    for token in doc:
        if since_end >= MAX_TOKENS_WITHOUT_A_SENTENCE_END:
            token.is_sent_start = True
            since_end = 0
        if token.text in _SENTENCE_ENDS or (token.is_space and "\n" in token.text):
            since_end = 0
        else:
            since_end += 1
    return doc
