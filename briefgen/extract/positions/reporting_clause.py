"""The reporting clause read off the words, where the parse fails it.

"Trade talks will resume, South Korean Envoy Ana Park said" and "“…,” said Col. Ana Park,
a military spokeswoman, …" are the commonest shapes of reported speech in news, and the
ones a parser most often gets wrong: it hangs the speaker on the last noun of the content or
leaves the verb without a subject. These readers check the shape itself: a noun phrase
(with an appositive) right before or after the verb, and a comma before the content.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from briefgen.extract.positions.units import TokenRange, trim_range, unit_bounds

# Words that may make up the speaker's noun phrase in "…, South Korean Envoy Ana Park said".
_SPEAKER_PHRASE_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "NUM", "PRON"})
_SPEAKING_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
# An appositive may hold a preposition ("Ana Park, a spokeswoman for the ministry, said").
_APPOSITIVE_PREPOSITIONS = frozenset({"of", "in", "at", "for", "from", "with"})
MAX_SPEAKER_PHRASE = 16
MIN_REPORTED_WORDS = 3


def _phrase_token(token: Token, appositive: bool) -> bool:
    if token.pos_ == "PRON":
        return token.lower_ in _SPEAKING_PRONOUNS or token.tag_ == "PRP$"
    if appositive and token.lower_ in _APPOSITIVE_PREPOSITIONS:
        return True
    if token.lower_ in ("in", "of") and token.i > 0 and token.nbor(-1).like_num:
        return True  # "Six in 10 say", "two of three said"
    return token.pos_ in _SPEAKER_PHRASE_POS or token.text in ("-", ".", "&") or token.tag_ == "POS"


def _chunk_before(doc, end: int, unit_start: int, appositive: bool) -> int:
    """Start of the run of noun-phrase words ending just before ``end``."""
    i = end - 1
    while i >= unit_start and _phrase_token(doc[i], appositive):
        i -= 1
    return i + 1


def phrase_before(cue: Token) -> Optional[TokenRange]:
    """The noun phrase right before a verb, with an appositive if it has one.

    "Col. Ana Park, a military spokeswoman in Lima, said": the parser often leaves such a
    verb without a subject, and the words show who it is.
    """
    doc = cue.doc
    unit_start, _ = unit_bounds(cue)
    end = cue.i
    while end - 1 >= unit_start and doc[end - 1].pos_ == "ADV":
        end -= 1  # "Ana Park also said", "he later said"
    if end - 1 >= unit_start and doc[end - 1].text == ",":
        # "Ana Park, a spokeswoman for the ministry, said": appositive, then the name.
        appositive_start = _chunk_before(doc, end - 1, unit_start, appositive=True)
        before = appositive_start - 1
        if appositive_start == end - 1 or before < unit_start or doc[before].text != ",":
            return None
        name_start = _chunk_before(doc, before, unit_start, appositive=False)
        if name_start == before or not any(t.pos_ == "PROPN" for t in doc[name_start:end]):
            return None
        start = name_start
    else:
        start = _chunk_before(doc, end, unit_start, appositive=False)
        if start == end:
            return None
    words = doc[start:end]
    if len(words) > MAX_SPEAKER_PHRASE or not any(t.pos_ in ("PROPN", "NOUN", "PRON") or t.like_num for t in words):
        return None
    return start, end


def phrase_after(cue: Token) -> Optional[TokenRange]:
    """The speaker of an inverted reporting clause: "“…,” said Ana Park, a spokeswoman."

    Only after a quotation or comma, where inversion is the norm; the phrase is the name
    (or "the" and a noun) up to the next comma or the end of the sentence.
    """
    doc = cue.doc
    unit_start, unit_end = unit_bounds(cue)
    before = cue.i - 1
    if before < unit_start or not (doc[before].is_quote or doc[before].text == ","):
        return None
    end = cue.i + 1
    while end < unit_end and _phrase_token(doc[end], appositive=False) and doc[end].pos_ != "PRON":
        end += 1
    words = doc[cue.i + 1 : end]
    if not words or len(words) > MAX_SPEAKER_PHRASE or not any(t.pos_ in ("PROPN", "NOUN") for t in words):
        return None
    if end < unit_end and not (doc[end].is_punct or doc[end].pos_ in ("ADV", "CCONJ", "SCONJ", "ADP")):
        return None
    return cue.i + 1, end


def trailing_report(cue: Token) -> Optional[tuple[TokenRange, TokenRange]]:
    """(speaker, content) for "Content …, Speaker said" read from the words, not the parse.

    The reporting clause after its content is the commonest shape in news and the one a
    parser most often gets wrong (it hangs the speaker on the last noun of the content), so
    the shape itself is checked: a noun phrase right before the verb, a comma before it,
    and a few words of content before that.
    """
    doc = cue.doc
    unit_start, _ = unit_bounds(cue)
    phrase = phrase_before(cue)
    if phrase is None:
        return None
    comma = phrase[0] - 1
    while comma >= unit_start and doc[comma].is_quote:
        comma -= 1
    if comma < unit_start or doc[comma].text != ",":
        return None
    content = trim_range(doc, unit_start, comma)
    if content is None or sum(1 for t in doc[content[0] : content[1]] if t.is_alpha) < MIN_REPORTED_WORDS:
        return None
    return phrase, content
