"""The unit every attribution search stays within, and tidy token ranges."""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

TokenRange = tuple[int, int]


def unit_bounds(token: Token) -> TokenRange:
    """Token range of the sentence around ``token``, cut at line breaks.

    A parser may join paragraphs into one sentence; no attribution runs over a paragraph
    break unless a quotation carries it, so this is the unit every search stays within.
    """
    sent = token.sent
    start, end = sent.start, sent.end
    doc = token.doc
    for i in range(token.i - 1, sent.start - 1, -1):
        if doc[i].is_space and "\n" in doc[i].text:
            start = i + 1
            break
    for i in range(token.i + 1, sent.end):
        if doc[i].is_space and "\n" in doc[i].text:
            end = i
            break
    return start, end


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
