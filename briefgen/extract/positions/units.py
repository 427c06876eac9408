"""The unit every attribution search stays within, and tidy token ranges."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

TokenRange = tuple[int, int]
_UNITS_KEY = "briefgen.units"


def unit_bounds(token: Token) -> TokenRange:
    """Token range of the sentence around ``token``, cut at line breaks.

    A parser may join paragraphs into one sentence; no attribution runs over a paragraph
    break unless a quotation carries it, so this is the unit every search stays within.
    """
    starts, ends = _units(token.doc)
    return starts[token.i], ends[token.i]


def _units(doc) -> tuple[list[int], list[int]]:
    """Every token's unit, found in one pass over the document and kept with it.

    Searching outwards from each token instead costs the length of its sentence per call,
    and a text without full stops or line breaks (a pasted table, one 200,000-character
    line) is one sentence of tens of thousands of tokens, searched once per token.
    """
    cached = doc.user_data.get(_UNITS_KEY)
    if cached is not None and len(cached[0]) == len(doc):
        return cached
    starts, ends = [0] * len(doc), [0] * len(doc)
    for sent in doc.sents:
        start = sent.start
        for i in range(sent.start, sent.end):
            starts[i] = start
            if _line_break(doc[i]):
                start = i + 1
        end = sent.end
        for i in range(sent.end - 1, sent.start - 1, -1):
            ends[i] = end
            if _line_break(doc[i]):
                end = i
    doc.user_data[_UNITS_KEY] = (starts, ends)
    return starts, ends


def _line_break(token: Token) -> bool:
    return token.is_space and "\n" in token.text


def trim_range(doc, start: int, end: int) -> Optional[TokenRange]:
    """A range without punctuation or space at its edges (quotation marks included)."""
    while start < end and (doc[start].is_punct or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    return (start, end) if end > start else None


def subtree_span(token: Token) -> Span:
    """The token's phrase (its subtree) within its unit, without edge punctuation."""
    doc = token.doc
    unit_start, unit_end = unit_bounds(token)
    trimmed = trim_range(doc, max(token.left_edge.i, unit_start), min(token.right_edge.i + 1, unit_end))
    return doc[trimmed[0] : trimmed[1]] if trimmed else doc[token.i : token.i + 1]
