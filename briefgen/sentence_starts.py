"""Sentence boundaries the parser must respect, set before it runs.

Three rules, each a fact about the text rather than a guess:

* **A line break ends a sentence.** Headlines, datelines, bylines and list items stand on
  lines of their own without a full stop; left to itself, the parser runs a headline into
  the lead ("Leaders meet President Ana Park met …") and every step after it reads one
  sentence where there are two. Text wrapped at a fixed width is the exception: there a
  line break mostly falls inside a sentence, so only a blank line ends one.
* **No sentence starts without an end before it.** Inside a line, a new sentence follows a
  full stop, question or exclamation mark (a closing quotation mark or bracket may stand
  between); the small model otherwise splits at capitalised names ("… talks with PM |
  Modi").
* **No sentence runs on for ever.** A pasted table or one 200,000-character line without a
  full stop is a single "sentence" of tens of thousands of tokens, and several extraction
  steps look across the sentence around each token; a new one starts wherever that many
  tokens have passed without an end, so no sentence is longer than the bound.
"""

from __future__ import annotations

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

COMPONENT_NAME = "briefgen_sentence_starts"
# Tokens without a sentence end before one is forced. The longest sentences of news prose
# run to 100-150 tokens; a run twice that long is not prose.
MAX_TOKENS_WITHOUT_A_SENTENCE_END = 300
_SENTENCE_ENDS = frozenset({".", "!", "?", "…"})
# Token.is_sent_start as the SENT_START array holds it.
_START, _NOT_START = 1, -1
# What may stand between a sentence's last word and the next sentence: closing marks.
_CLOSERS = frozenset({'"', "”", "’", "'", "''", ")", "]", "»"})
# A text is taken as wrapped at a fixed width when at least this share of its single line
# breaks fall after a long line without an end and before a word in lower case.
WRAPPED_SHARE = 0.3
WRAP_MIN_LINE_CHARS = 40


@Language.component(COMPONENT_NAME)
def set_sentence_starts(doc: Doc) -> Doc:
    wrapped = _wrapped_at_fixed_width(doc.text)
    # Set in one array: assigning Token.is_sent_start checks the whole Doc for a parse each
    # time, which makes a long document's cost grow with the square of its length.
    starts = doc.to_array([SENT_START]).astype("int64")  # -1 for "not a start", stored wrapped as uint64
    since_end = 0
    for token in doc:
        if token.i > 0 and not token.is_space:
            previous = doc[token.i - 1]
            if previous.is_space and "\n" in previous.text and (not wrapped or previous.text.count("\n") > 1):
                starts[token.i] = _START
            elif not _follows_sentence_end(token):
                starts[token.i] = _NOT_START
        if since_end >= MAX_TOKENS_WITHOUT_A_SENTENCE_END:
            starts[token.i] = _START
            since_end = 0
        if token.text in _SENTENCE_ENDS or (token.is_space and "\n" in token.text):
            since_end = 0
        else:
            since_end += 1
    doc.from_array([SENT_START], starts.astype("uint64"))
    return doc


def _follows_sentence_end(token: Token) -> bool:
    doc = token.doc
    i = token.i - 1
    while i > 0 and (doc[i].is_space or doc[i].text in _CLOSERS):
        i -= 1
    # "U.S." and "Jr." carry their full stop inside the token.
    return doc[i].text[-1:] in _SENTENCE_ENDS


def _wrapped_at_fixed_width(text: str) -> bool:
    lines = text.split("\n")
    single_breaks = wraps = 0
    for line, following in zip(lines, lines[1:]):
        if not line.strip() or not following.strip():
            continue  # a blank line ends a paragraph in any layout
        single_breaks += 1
        stripped, next_start = line.rstrip(), following.lstrip()[:1]
        if len(stripped) >= WRAP_MIN_LINE_CHARS and stripped[-1] not in ".!?:;\"”'’)" and next_start.islower():
            wraps += 1
    return single_breaks > 0 and wraps >= WRAPPED_SHARE * single_breaks
