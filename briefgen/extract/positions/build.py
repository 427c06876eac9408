"""Turning attributions into :class:`~briefgen.model.Position` records with evidence."""

from __future__ import annotations

from typing import Iterable, Optional

from spacy.tokens import Doc, Token

from briefgen.extract.actors.index import ActorIndex
from briefgen.extract.furniture import title_case_headline_tokens
from briefgen.extract.positions.attributions import Attribution, find_attributions, reporting_phrase
from briefgen.extract.positions.units import subtree_span, unit_bounds
from briefgen.extract.positions.dates import statement_date
from briefgen.extract.temporal import Timex
from briefgen.extract.positions.reliability import estimate
from briefgen.extract.positions.speakers import NOT_A_SPEAKER, resolve_speaker
from briefgen.extract.positions.voices import Voices, document_voices
from briefgen.extract.positions.topics import statement_topics
from briefgen.model import Position, TextSpan

# Attributions estimated less likely than this to be right are left out (reliability.py).
# Precision first: on PolNeAR dev it keeps precision near 0.87 at an F1 of 0.73.
MIN_RELIABILITY = 0.5
# Speaker turns in a transcript ("PARK: …" on several lines) are attributions by the
# document's own layout; PolNeAR, news prose, holds almost none, so the model cannot judge
# them and they are kept whatever it estimates.
UNJUDGED_SHAPES = frozenset({"transcript"})
# Attributions by a label opening a line ("PARK: …"): the turns of a text's speakers.
LABELLED_SHAPES = frozenset({"transcript", "headline"})
# Confidence is the model's estimate, less the doubt of resolving the speaker's name, which
# PolNeAR does not measure: a pronoun or description resolved to a name, or left unresolved.
PENALTIES = {"inferred": 0.05, "unresolved": 0.1}
# Commas and spaces around a quotation belong to the sentence that frames it, not to the words.
FRAGMENT_EDGE = " \t\n,;:—–-"


def _text_span(text: str, source_id: str, start: int, end: int) -> TextSpan:
    return TextSpan(source=source_id, start=start, end=end, text=text[start:end])


def _tidy_fragment(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    while start < end and text[start] in FRAGMENT_EDGE:
        start += 1
    while end > start and text[end - 1] in FRAGMENT_EDGE:
        end -= 1
    # A reported clause ending in quoted words keeps the closing mark its opening one needs
    # ("called it “a formidable web”").
    if end < len(text) and text[end] == "”" and text.count("“", start, end) > text.count("”", start, end):
        end += 1
    return (start, end) if end > start else None


def _without_leading_date(text: str, fragments: list[tuple[int, int]], cue: Token, dates) -> list[tuple[int, int]]:
    """"said Tuesday her budget is balanced": the parser may start the content at the date
    that follows the cue; the date tells when it was said, not what."""
    if not fragments or not dates:
        return fragments
    start, end = fragments[0]
    gap = text[cue.idx + len(cue.text): start].strip().lower()
    if gap not in ("", "on"):
        return fragments
    for expression in dates:
        if expression.start == start and expression.type in ("DATE", "TIME") and expression.end < end:
            rest = _tidy_fragment(text, expression.end, end)
            return ([rest] if rest else []) + fragments[1:]
    return fragments


def _reported_by(cue: Token) -> Optional[str]:
    """Who the text says reported the speaker's words: "the minister said, according to
    the state broadcaster" → "the state broadcaster"."""
    for child in cue.children:
        source, _ = reporting_phrase(child) if child.lower_ == "according" else (None, 0)
        if source is not None:
            return subtree_span(source).text
    return None


def _token_ranges(doc: Doc, fragments: list[tuple[int, int]]) -> list[tuple[int, int]]:
    ranges = []
    for start, end in fragments:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            ranges.append((span.start, span.end))
    return ranges


def _position(
    doc: Doc,
    text: str,
    source_id: str,
    number: int,
    attribution: Attribution,
    actors: ActorIndex,
    dates,
    reliability: float,
    noun_chunks: list,
    voices: Voices,
) -> Optional[Position]:
    fragments = [f for f in (_tidy_fragment(text, a, b) for a, b in attribution.fragments) if f]
    fragments = _without_leading_date(text, fragments, attribution.cue[0], dates)
    if not fragments:
        return None
    resolved = resolve_speaker(attribution.source, actors, voices)
    if resolved.doubt == NOT_A_SPEAKER:
        return None
    review = list(resolved.review)
    confidence = reliability - PENALTIES.get(resolved.doubt, 0.0)
    if attribution.continued:
        review.append("part of the quotation follows without its own attribution")
    reporter = _reported_by(attribution.cue[0])
    if reporter is not None:
        review.append(f"as reported by {reporter}")
    excluded = list(fragments)
    if attribution.source is not None:
        excluded.append((attribution.source.start_char, attribution.source.end_char))
    cue_root = attribution.cue[0]
    unit_start, unit_end = unit_bounds(cue_root)
    clause = doc[max(cue_root.left_edge.i, unit_start) : min(cue_root.right_edge.i + 1, unit_end)]
    date = statement_date(clause, excluded, dates, cue=cue_root)
    evidence = [_text_span(text, source_id, a, b) for a, b in fragments]
    return Position(
        id=f"P{number}",
        speaker=resolved.speaker,
        speaker_mention=(
            _text_span(text, source_id, attribution.source.start_char, attribution.source.end_char)
            if attribution.source is not None
            else None
        ),
        cue=_text_span(text, source_id, attribution.cue.start_char, attribution.cue.end_char),
        kind=attribution.kind,
        text=" … ".join(span.text for span in evidence),
        topics=statement_topics(doc, _token_ranges(doc, fragments), actors, noun_chunks),
        date=date,
        confidence=round(max(0.05, min(confidence, 0.99)), 2),
        evidence=evidence,
        review=review,
    )


def extract_positions(
    doc: Doc,
    source_id: str,
    actors: ActorIndex,
    dates: Optional[Iterable[Timex]] = None,
    min_reliability: float = MIN_RELIABILITY,
    title: Optional[str] = None,
    publisher: Optional[str] = None,
) -> list[Position]:
    """Who said (or holds) what in one parsed document, in reading order; ids P1.. local to it.

    ``min_reliability`` leaves out attributions of kinds that were right less often than
    that on PolNeAR train; 0 keeps everything found. ``title`` and ``publisher`` tell whose
    words a text in the first person is ("Remarks by …", a ministry's release).
    """
    dates = list(dates) if dates is not None else None
    text = doc.text  # rebuilt from the tokens on every access: read it once
    noun_chunks = list(doc.noun_chunks)
    positions: list[Position] = []
    attributions = find_attributions(doc)
    labels = [a.source for a in attributions if a.shape in LABELLED_SHAPES and a.source is not None]
    voices = document_voices(doc, actors, title, publisher, labels)
    title_case = title_case_headline_tokens(doc)
    for attribution in attributions:
        if attribution.cue[0].i in title_case and attribution.shape not in LABELLED_SHAPES:
            # "Kremlin Reveals What Putin, Trump Discussed": a headline the parser misreads,
            # which the body reports with its speaker and words; "Lavrov: …" is kept.
            continue
        reliability = estimate(attribution)
        if reliability < min_reliability and attribution.shape not in UNJUDGED_SHAPES:
            continue
        position = _position(doc, text, source_id, len(positions) + 1, attribution, actors, dates, reliability, noun_chunks, voices)
        if position is not None:
            positions.append(position)
    return positions
