"""One-line summaries of a clause from its dependency parse: who did what, in the text's words.

A timeline entry must say what the sentence says and nothing more, so a summary is made of
the clause's own words: its subject, predicate and complements in text order, without the
date (the timeline shows it), without clauses that make separate statements, and with two
rewrites that keep it readable on its own line:

- a relative or participial clause gets its antecedent back ("Clinton, who collected $112
  million in 2015" -> "Clinton collected $112 million"; "the constitution, drawn up by the
  rulers in 2008" -> "the constitution was drawn up by the rulers");
- "had signed" reads "signed": on a timeline every past event is simply past.

Callers may replace a run of tokens by other words (``the two countries`` by the countries
the text means).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

# Clause dependents that start a separate statement; they are left out of a summary.
SEPARATE_CLAUSES = {"advcl", "parataxis", "ccomp", "conj", "cc", "mark", "punct", "relcl", "appos", "dep", "csubj", "meta", "acl"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl", "csubj"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that", "whose"}
SUMMARY_WORD_LIMIT = 28
ANTECEDENT_WORD_LIMIT = 10


@dataclass(frozen=True)
class Replacement:
    """Tokens ``start``..``end`` (exclusive) read as ``text`` in a summary."""

    start: int
    end: int
    text: str


def is_infinitive(verb: Token) -> bool:
    return verb.tag_ == "VB" and any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def own_subtree(predicate: Token) -> list[Token]:
    """The predicate and its dependents, without the clauses that say something else."""
    tokens = [predicate]
    for child in predicate.children:
        if child.dep_ in SEPARATE_CLAUSES and not (child.dep_ == "advcl" and is_infinitive(child)):
            if not (child.dep_ == "conj" and child.pos_ not in {"VERB", "AUX"}):
                continue
        tokens.extend(child.subtree)
    return tokens


def noun_phrase(noun: Token, excluded: set[int]) -> list[Token]:
    """A noun with its modifiers and prepositional complements, without clauses or asides."""
    tokens = [noun]
    for child in noun.children:
        if child.dep_ in {"relcl", "appos", "punct", "cc", "conj", "acl", "advcl"} and not (
            child.dep_ in {"cc", "conj"} and noun.dep_ != "ROOT"
        ):
            continue
        tokens.extend(child.subtree)
    return _tidy(sorted((t for t in tokens if t.i not in excluded and not t.is_space), key=lambda t: t.i), excluded)


def summarize_clause(
    predicate: Token, excluded: set[int], replacements: Optional[list[Replacement]] = None, extra: Optional[list[Token]] = None
) -> str:
    """Subject, predicate and complements of one clause as one line; "" when it has no subject or verb left."""
    words = _clause_tokens(predicate, excluded) + [t for t in (extra or []) + _shared_subject(predicate) if t.i not in excluded]
    pieces = _pieces(sorted(set(words), key=lambda t: t.i), replacements or [])
    antecedent = _antecedent_piece(predicate, words, excluded, replacements or [])
    if antecedent is not None:
        pieces = _merge_antecedent(pieces, antecedent)
    has_subject = (
        antecedent is not None
        or bool(_shared_subject(predicate))
        or any(t.dep_ in SUBJECT_DEPS and t.head.i == predicate.i for t in words)
    )
    if not has_subject and not (predicate.dep_ == "ROOT" and predicate.tag_ in {"VBD", "VBZ", "VBP"}):
        return ""  # "Showing up", "When delivering his address": no one to say did it
    if predicate.lemma_ == "be" and not any(t.head.i == predicate.i and t.dep_ not in SUBJECT_DEPS | {"aux", "neg", "advmod", "punct"} for t in words):
        return ""  # "just as Clinton was eight years ago": the rest of the clause is elided
    while pieces and pieces[0].token is not None and pieces[0].text == pieces[0].token.text and pieces[0].token.tag_ in {"WRB", "WDT", "WP"}:
        pieces = pieces[1:]  # "when he founded it" -> "he founded it"
    if not pieces:
        return ""
    return finish(pieces)


@dataclass
class _Piece:
    position: float
    text: str
    token: Optional[Token]
    tight: bool  # no space before it


def _shared_subject(predicate: Token) -> list[Token]:
    """"The treaty was signed in 1992 and ratified in 1994": the second verb's subject and auxiliaries."""
    if predicate.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in predicate.children):
        return []
    head = predicate.head
    shared = [t for c in head.children if c.dep_ in SUBJECT_DEPS for t in c.subtree]
    # The tagger often reads the second participle as a past tense ("ratified"): a passive
    # first verb makes the second one passive too.
    if predicate.tag_ in {"VBN", "VBD"} and not any(c.dep_ in {"aux", "auxpass"} for c in predicate.children):
        shared += [c for c in head.children if c.dep_ == "auxpass"]
    return shared


def _clause_tokens(predicate: Token, excluded: set[int]) -> list[Token]:
    kept: list[Token] = []
    for token in own_subtree(predicate):
        if token.i in excluded:
            continue
        if token.dep_ == "aux" and token.head.i == predicate.i and token.lower_ == "had" and predicate.tag_ == "VBN" and predicate.lemma_ != "be":
            continue  # "had signed" reads as "signed" on a timeline
        kept.append(token)
    return _tidy(kept, excluded)


def _tidy(tokens: list[Token], excluded: set[int]) -> list[Token]:
    """Drop a preposition whose object went (the "in" of "in 2020") and edge punctuation."""
    kept_ids = {t.i for t in tokens}
    dropped = set(excluded)
    prepositions = {t.i for t in tokens if t.dep_ in {"prep", "agent"} and not any(c.i in kept_ids for c in t.children)}
    dropped |= prepositions
    tokens = [t for t in tokens if t.i not in prepositions]
    tokens = [t for t in tokens if not (t.dep_ == "case" and t.head.i not in kept_ids)]
    # Words that lean on a dropped word go with it: "in 1988 and 1992" leaves no "and", "in the
    # 1960s and 70s" no "70s", "on Super Tuesday" no "Super", "almost two years ago" no "almost".
    while True:
        # A prepositional phrase the parser hung on a date ("in 2016 and 2020 with large
        # majorities") usually belongs to the verb, so it stays.
        orphans = {t.i for t in tokens if t.head.i in dropped and t.head.i != t.i and t.dep_ != "prep"}
        if not orphans:
            break
        dropped |= orphans
        tokens = [t for t in tokens if t.i not in orphans]
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in {"cc", "mark", "prep"}):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in {"”", '"', ")"} or tokens[-1].dep_ in {"cc", "prep", "det"}):
        tokens = tokens[:-1]
    return tokens


def _pieces(tokens: list[Token], replacements: list[Replacement]) -> list[_Piece]:
    pieces: list[_Piece] = []
    previous: Optional[Token] = None
    for token in tokens:
        replacement = next((r for r in replacements if r.start <= token.i < r.end), None)
        if replacement is not None:
            if token.i == replacement.start or not any(p.token is not None and replacement.start <= p.token.i < replacement.end for p in pieces):
                pieces.append(_Piece(token.i, replacement.text, token, False))
            previous = token
            continue
        tight = previous is not None and previous.i + 1 == token.i and not previous.whitespace_
        pieces.append(_Piece(token.i, token.text, token, tight))
        previous = token
    return pieces


def _antecedent_piece(predicate: Token, words: list[Token], excluded: set[int], replacements: list[Replacement]) -> Optional[_Piece]:
    """For a relative or participial clause, its antecedent placed where the clause needs it."""
    if predicate.dep_ not in {"relcl", "acl"} or predicate.head.pos_ not in {"NOUN", "PROPN", "PRON"}:
        return None
    if any(c.dep_ == "advmod" and c.lower_ in {"where", "when"} for c in predicate.children):
        return None  # "the room where he saw him": a place or time, no part the clause lacks
    antecedent = noun_phrase(predicate.head, excluded | {t.i for t in predicate.subtree})
    if not antecedent or len(antecedent) > ANTECEDENT_WORD_LIMIT:
        antecedent = [predicate.head]
    text = finish(_pieces(antecedent, replacements), capitalize=False)
    if antecedent[0].tag_ == "DT":
        text = text[:1].lower() + text[1:]  # "The agreement" is "the agreement" after a verb
    pronoun = next((t for t in words if t.lower_ in RELATIVE_PRONOUNS and t.head.i == predicate.i and t.dep_ != "mark"), None)
    if pronoun is None and predicate.dep_ == "relcl" and {"dobj", "nsubj"} <= {c.dep_ for c in predicate.children}:
        return None  # subject and object both there: a "that" clause the parser took for a relative one
    if pronoun is not None:
        if pronoun.dep_ in SUBJECT_DEPS:
            return _Piece(pronoun.i, text, pronoun, False)
        return _Piece(_after_verb(predicate), text, None, False)  # "that Clinton chaired" -> "Clinton chaired <it>"
    if predicate.dep_ == "acl" and predicate.tag_ == "VBN":
        verb = "were" if predicate.head.tag_ in {"NNS", "NNPS"} else "was"
        return _Piece(predicate.i - 0.5, f"{text} {verb}", None, False)
    if is_infinitive(predicate) and not any(t.dep_ in SUBJECT_DEPS for t in words):
        start = min(c.i for c in predicate.children if c.dep_ == "aux")
        return _Piece(start - 0.5, text, None, False)  # "plans to attend a rally" stays as written
    if predicate.dep_ == "acl" and predicate.tag_ == "VBG" or not any(t.dep_ in SUBJECT_DEPS for t in words):
        return _Piece(predicate.i - 0.5, text, None, False)
    return _Piece(_after_verb(predicate), text, None, False)  # "the bill he signed" -> "he signed the bill"


def _after_verb(predicate: Token) -> float:
    """Where a relative clause's missing object goes: after its verb, or after the verb of the
    infinitive it governs ("an argument Republicans are likely to hear" -> "hear an argument")."""
    verb = predicate
    while True:
        complement = next((c for c in verb.children if c.dep_ == "xcomp" and is_infinitive(c)), None)
        if complement is None:
            complement = next((g for c in verb.children if c.dep_ == "acomp"
                               for g in c.children if g.dep_ == "xcomp" and is_infinitive(g)), None)
        if complement is None or any(c.dep_ in {"dobj", "ccomp"} for c in complement.children):
            break
        verb = complement
    particles = [c.i for c in verb.children if c.dep_ == "prt"]
    return max([verb.i] + particles) + 0.5


def _merge_antecedent(pieces: list[_Piece], antecedent: _Piece) -> list[_Piece]:
    if antecedent.token is not None:
        pieces = [p for p in pieces if p.token is None or p.token.i != antecedent.token.i]
    pieces.append(antecedent)
    return sorted(pieces, key=lambda p: p.position)


def finish(pieces: list[_Piece], capitalize: bool = True) -> str:
    """Join pieces into one line, cut to the word limit with an ellipsis."""
    parts: list[str] = []
    for index, piece in enumerate(pieces[:SUMMARY_WORD_LIMIT]):
        if index and not piece.tight:
            parts.append(" ")
        parts.append(piece.text)
    text = "".join(parts).strip()
    if len(pieces) > SUMMARY_WORD_LIMIT:
        text = text.rstrip(",;:") + " …"
    text = " ".join(text.split())
    return text[:1].upper() + text[1:] if capitalize else text


def phrase(tokens: list[Token], replacements: Optional[list[Replacement]] = None, capitalize: bool = False) -> str:
    """Tokens joined as the text wrote them (with replacements applied)."""
    return finish(_pieces(tokens, replacements or []), capitalize=capitalize)
