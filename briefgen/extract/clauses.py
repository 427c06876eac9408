"""One-line summaries of a clause from its dependency parse: who did what, in the text's words.

A timeline entry must say what the sentence says and nothing more, so a summary is made of
the clause's own words: its subject, predicate and complements in text order, without the
date (the timeline shows it), without clauses that make separate statements, and with two
rewrites that keep it readable on its own line:

- a relative clause whose pronoun is its subject takes the antecedent in the pronoun's place
  ("Clinton, who collected $112 million in 2015" -> "Clinton collected $112 million"); one
  that would need its words moved ("the pact that Peru signed") or a verb added ("the
  constitution, drawn up by …") is summarised by its sentence instead;
- "had signed" reads "signed": on a timeline every past event is simply past.

Callers may replace a run of tokens by other words (``the two countries`` by the countries
the text means, "he" by the person it resolves to).

A deletion must leave a sound clause, and that is checked rather than hoped for: every word
kept keeps the word it depends on, no word loses a complement it needs (a preposition its
object, a verb its object or clause), brackets and quotation marks stay paired and never
empty, and punctuation that belonged to a deleted phrase goes with it. When the check fails
the summary is the whole sentence (``sentence_summary``), without its date expressions only
where that removal passes the same check. A summary longer than the timeline's line is cut
at a phrase boundary: whole trailing phrases are dropped, never the middle of one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token

# Clause dependents that start a separate statement; they are left out of a summary.
SEPARATE_CLAUSES = {"advcl", "parataxis", "ccomp", "conj", "cc", "mark", "punct", "relcl", "appos", "dep", "csubj", "meta", "acl"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "expl", "csubj"}
RELATIVE_PRONOUNS = {"who", "whom", "which", "that", "whose"}
SUMMARY_WORD_LIMIT = 28
ANTECEDENT_WORD_LIMIT = 10


@dataclass(frozen=True)
class Replacement:
    """Tokens ``start``..``end`` (exclusive) read as ``text`` in a summary: the ``names`` of
    the actors they stand for ("India and South Korea" for "the two countries")."""

    start: int
    end: int
    text: str
    names: tuple[str, ...] = ()


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


def whole_phrase(noun: Token, excluded: set[int]) -> list[Token]:
    """A noun with everything that hangs on it, its clauses too, and the prepositional phrases
    right after it that the parser hung on the verb instead ("after another encounter on
    June 17 in the shoal where guards boarded a ship": the encounter's date and place)."""
    tokens = list(noun.subtree)
    end = tokens[-1].i + 1
    verb = noun.head.head if noun.dep_ == "pobj" else None
    for child in sorted(verb.children, key=lambda t: t.i) if verb is not None else ():
        if child.dep_ == "prep" and child.i == end:
            tokens += child.subtree
            end = child.right_edge.i + 1
    return _tidy(sorted((t for t in tokens if t.i not in excluded and not t.is_space), key=lambda t: t.i), excluded,
                 heads=frozenset(t.i for t in tokens if t.dep_ == "prep"))


def summarize_clause(
    predicate: Token, excluded: set[int], replacements: Optional[list[Replacement]] = None, extra: Optional[list[Token]] = None
) -> Optional[str]:
    """Subject, predicate and complements of one clause as one line.

    "" when the clause says nothing a timeline can use (no subject or verb left); None when
    the deletions cannot be shown to leave a sound clause, so that the caller falls back to
    the whole sentence.
    """
    shared = _shared_subject(predicate)
    words = _clause_tokens(predicate, excluded) + [t for t in (extra or []) + shared if t.i not in excluded]
    words = sorted(set(words), key=lambda t: t.i)
    antecedent = _antecedent_piece(predicate, words, excluded, replacements or [])
    if antecedent is NEEDS_REWRITING:
        return None
    has_subject = (
        antecedent is not None
        or bool(shared)
        or any(t.dep_ in SUBJECT_DEPS and t.head.i == predicate.i for t in words)
    )
    if not has_subject and not (predicate.dep_ == "ROOT" and predicate.tag_ in {"VBD", "VBZ", "VBP"}):
        return ""  # "Showing up", "When delivering his address": no one to say did it
    if _non_finite(predicate) and antecedent is None:
        return None  # "… and China doing the same next year": no clause on its own line
    if predicate.lemma_ == "be" and not any(t.head.i == predicate.i and t.dep_ not in SUBJECT_DEPS | {"aux", "neg", "advmod", "punct"} for t in words):
        return ""  # "just as Clinton was eight years ago": the rest of the clause is elided
    opening = {t.i for t in _relative_phrase(predicate)}
    words = [t for t in words if t.i not in opening]  # "during which 31 accords were signed" -> "31 accords were signed"
    stand_ins = frozenset()
    while words and words[0].tag_ in {"WRB", "WDT", "WP"} and not _replaced(words[0], replacements or []):
        # "when he founded it" -> "he founded it"; "that Peru signed" -> "Peru signed <the pact>".
        stand_ins |= {words[0].i} if antecedent is not None else set()
        words = words[1:]
    words = without_stranded_punctuation(words)
    roots = {predicate.i} | {t.i for t in shared if t.head.i not in {w.i for w in shared}}
    if not words or not is_sound(words, roots, excluded, stand_ins):
        return None
    words, cut = shortened(words, roots, excluded, predicate, stand_ins)
    pieces = _pieces(words, replacements or [])
    if antecedent is not None:
        pieces = _merge_antecedent(pieces, antecedent)
    return finish(pieces, cut=cut)


def sentence_summary(
    sentence: Span, dates: set[int], furniture: set[int], replacements: Optional[list[Replacement]] = None
) -> str:
    """The sentence as the summary, for a clause that cannot be compressed soundly.

    Without its ``dates`` where that leaves it sound (the timeline shows the date), and never
    with ``furniture`` (a dateline, a byline); cut at a phrase boundary when longer than a
    timeline line.
    """
    tokens = [t for t in sentence if not t.is_space and t.i not in furniture]
    root = sentence.root
    for dropped in (dates | furniture, furniture):
        kept = without_stranded_punctuation(_tidy([t for t in tokens if t.i not in dropped], dropped))
        if kept and is_sound(kept, {root.i}, dropped):
            words, cut = shortened(kept, {root.i}, dropped, root)
            return finish(_pieces(words, replacements or []), cut=cut)
    while tokens and tokens[-1].text in {".", "!", "?"}:
        tokens = tokens[:-1]
    return finish(_pieces(tokens, replacements or []))


def _replaced(token: Token, replacements: list[Replacement]) -> bool:
    return any(r.start <= token.i < r.end for r in replacements)


# Dependents a word cannot lose and still read as written: "met with" needs its object,
# "signed" the thing signed, "is" its complement.
REQUIRED_DEPS = frozenset({"dobj", "pobj", "pcomp", "attr", "acomp", "oprd", "xcomp", "ccomp", "dative"})
OPENING_BRACKETS = {"(": ")", "[": "]"}
CLOSING_BRACKETS = {")": "(", "]": "["}
QUOTE_PAIRS = {"“": "”", "‘": "’", "«": "»"}
# Punctuation that separates phrases; it goes with a phrase when the phrase goes.
SEPARATORS = frozenset({",", ";", ":", "—", "–", "-", "--"})


def is_sound(words: list[Token], roots: set[int], excluded: set[int], stand_ins: frozenset[int] = frozenset()) -> bool:
    """Whether the kept words read as a clause the text wrote, less whole phrases.

    ``roots`` are the words allowed to lose their head (the clause's predicate, a subject
    it shares with the clause above); ``excluded`` words (the dates) may go from under a
    word that needs them only together with the preposition that introduced them, and a
    phrase the parser hung on a date keeps its place without it. ``stand_ins`` are words
    replaced rather than deleted (a relative pronoun by its antecedent).
    """
    kept = {t.i for t in words} | stand_ins
    for token in words:
        if token.is_punct:
            continue
        if token.i not in roots and token.head.i not in kept and token.head.i not in excluded and token.head.i != token.i:
            return False
        for child in token.children:
            if child.dep_ in REQUIRED_DEPS and child.i not in kept and not _all_excluded(child, excluded):
                return False
    last = next((t for t in reversed(words) if not t.is_punct), None)
    if last is not None and (last.dep_ == "mark" or last.pos_ == "SCONJ"):
        return False  # "announced that" less the date that was all its clause held
    return _paired(words)


def _all_excluded(token: Token, excluded: set[int]) -> bool:
    return all(t.i in excluded for t in token.subtree if not t.is_punct)


def _paired(words: list[Token]) -> bool:
    """Brackets and quotation marks kept in pairs, each pair around at least one word."""
    stack: list[str] = []
    straight = 0
    inside_words = [0]
    for token in words:
        text = token.text
        if text in OPENING_BRACKETS or text in QUOTE_PAIRS:
            stack.append(OPENING_BRACKETS.get(text) or QUOTE_PAIRS[text])
            inside_words.append(0)
        elif text in CLOSING_BRACKETS or text in QUOTE_PAIRS.values():
            if not stack or stack.pop() != text or inside_words.pop() == 0:
                return False
        elif text == '"':
            straight += 1
        elif not token.is_punct:
            inside_words[-1] += 1
    return not stack and straight % 2 == 0


def without_stranded_punctuation(words: list[Token]) -> list[Token]:
    """The words without separators or brackets left stranded by a deletion.

    A comma or dash next to a deleted phrase belonged to it ("The bloc, which was formed in
    2009, added …" less the clause reads "The bloc added …"); one at either end, or before
    another, separates nothing.
    """
    kept = {t.i for t in words}
    doc = words[0].doc if words else None
    result: list[Token] = []
    for n, token in enumerate(words):
        if token.text in SEPARATORS:
            before, after = _neighbour(doc, token, -1), _neighbour(doc, token, +1)
            at_edge = not result or n == len(words) - 1
            next_kept = words[n + 1] if n + 1 < len(words) else None
            doubled = next_kept is not None and (next_kept.text in SEPARATORS or next_kept.text in CLOSING_BRACKETS or next_kept.text in {".", "?", "!"})
            beside_gap = (before is not None and before.i not in kept) or (after is not None and after.i not in kept)
            if at_edge or doubled or beside_gap or (result and result[-1].text in OPENING_BRACKETS):
                continue
        result.append(token)
    while result and result[-1].is_punct and result[-1].text not in CLOSING_BRACKETS and result[-1].text not in QUOTE_PAIRS.values() and result[-1].text != '"':
        result.pop()
    return _without_empty_brackets(result)


def _without_empty_brackets(words: list[Token]) -> list[Token]:
    """Brackets whose content was deleted ("the Briefing (July 08, 2021)" less its date)."""
    result: list[Token] = []
    for token in words:
        if result and OPENING_BRACKETS.get(result[-1].text) == token.text:
            result.pop()
            continue
        result.append(token)
    return result


def _neighbour(doc, token: Token, step: int) -> Optional[Token]:
    i = token.i + step
    while 0 <= i < len(doc) and doc[i].is_space:
        i += step
    return doc[i] if 0 <= i < len(doc) else None


# Dependents whose whole phrase may go from the end of a summary that is too long.
TRAILING_PHRASE_DEPS = frozenset({"prep", "advcl", "advmod", "npadvmod", "conj", "appos", "relcl", "acl", "dep", "parataxis", "ccomp", "xcomp"})


def shortened(words: list[Token], roots: set[int], excluded: set[int], predicate: Token,
              stand_ins: frozenset[int] = frozenset()) -> tuple[list[Token], bool]:
    """The words cut to the timeline's line at a phrase boundary, and whether anything went.

    Only whole phrases at the end go, after the predicate: the smallest trailing phrase whose
    removal brings the line within the limit and leaves a sound clause. Without one the
    words stay whole; a long line is better than one cut mid-phrase.
    """
    if _word_count(words) <= SUMMARY_WORD_LIMIT:
        return words, False
    kept = {t.i for t in words}
    candidates = []
    for token in words:
        if token.i <= predicate.i or token.dep_ not in TRAILING_PHRASE_DEPS or token.head.i not in kept:
            continue
        start = token.left_edge.i
        if token.dep_ == "conj":
            start = min([start] + [c.i for c in token.head.children if c.dep_ in {"cc", "punct"} and start - 3 <= c.i < start])
        phrase_ids = {t.i for t in token.subtree} | set(range(start, token.left_edge.i))
        if all(t.i in phrase_ids for t in words if t.i >= start):
            candidates.append(start)
    for start in sorted(set(candidates), reverse=True):
        rest = without_stranded_punctuation([t for t in words if t.i < start])
        if _word_count(rest) <= SUMMARY_WORD_LIMIT and _word_count(rest) >= 3 and is_sound(rest, roots, excluded | set(range(start, words[-1].i + 1)), stand_ins):
            return rest, True
    return words, False


def _word_count(words: list[Token]) -> int:
    return sum(1 for t in words if not t.is_punct)


@dataclass
class _Piece:
    position: float
    text: str
    token: Optional[Token]
    tight: bool  # no space before it


# What an antecedent comes back as when the clause could only take it by moving words or
# adding a verb: the clause is then summarised by its sentence.
NEEDS_REWRITING = _Piece(-1.0, "", None, False)


def subject_bearer(verb: Token) -> Token:
    """The verb of a list of verbs that carries their subject: "paid homage …, had a meeting
    …; and attended the banquet" → "paid"."""
    while verb.dep_ == "conj" and not any(c.dep_ in SUBJECT_DEPS for c in verb.children):
        verb = verb.head
    return verb


def _shared_subject(predicate: Token) -> list[Token]:
    """"The treaty was signed in 1992 and ratified in 1994": the second verb's subject and auxiliaries."""
    if predicate.dep_ != "conj" or any(c.dep_ in SUBJECT_DEPS for c in predicate.children):
        return []
    head = subject_bearer(predicate.head)
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
    return _tidy(kept, excluded, heads={predicate.i})


def _tidy(tokens: list[Token], excluded: set[int], heads: frozenset[int] | set[int] = frozenset()) -> list[Token]:
    """Drop a preposition whose object went (the "in" of "in 2020") and edge punctuation;
    ``heads`` stay whatever they hang on ("on Tuesday, where they agreed …": the clause
    the parser hung on the date)."""
    kept_ids = {t.i for t in tokens}
    dropped = set(excluded)
    prepositions = {t.i for t in tokens if _is_preposition(t) and not any(c.i in kept_ids for c in t.children)}
    dropped |= prepositions
    tokens = [t for t in tokens if t.i not in prepositions]
    tokens = [t for t in tokens if not (t.dep_ == "case" and t.head.i not in kept_ids)]
    # Words that lean on a dropped word go with it: "in 1988 and 1992" leaves no "and", "in the
    # 1960s and 70s" no "70s", "on Super Tuesday" no "Super", "almost two years ago" no "almost".
    while True:
        # A prepositional phrase the parser hung on a date ("in 2016 and 2020 with large
        # majorities") usually belongs to the verb, so it stays.
        # A subject the parser hung on a dropped dateline ("Tehran: Iran's spokesman Baghaei
        # announced …", the spokesman in apposition to Tehran) takes its place.
        orphans = {t.i for t in tokens if t.head.i in dropped and t.head.i != t.i and t.dep_ != "prep" and t.i not in heads
                   and not (t.dep_ == "appos" and t.head.dep_ in ("nsubj", "nsubjpass"))}
        if not orphans:
            break
        dropped |= orphans
        tokens = [t for t in tokens if t.i not in orphans]
    tokens = sorted(tokens, key=lambda t: t.i)
    while tokens and (tokens[0].is_punct or tokens[0].dep_ in {"cc", "mark"} or _is_preposition(tokens[0])):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct and tokens[-1].text not in {"”", '"', ")"} or tokens[-1].dep_ in {"cc", "det"}
                      or _is_preposition(tokens[-1])):
        tokens = tokens[:-1]
    return tokens


def _non_finite(predicate: Token) -> bool:
    """A participle or bare verb with no auxiliary and no clause of its own above it, or with
    participles for auxiliaries only ("the Chairperson having been elected")."""
    if predicate.tag_ not in {"VBG", "VBN", "VB"} or predicate.dep_ == "ROOT":
        return False
    auxiliaries = [c for c in predicate.children if c.dep_ in {"aux", "auxpass"}]
    return all(a.tag_ in {"VBG", "VBN"} for a in auxiliaries)


def _is_preposition(token: Token) -> bool:
    """A preposition by its part of speech, not only its label: the parser labels the second
    year of "2027-2029" a preposition too."""
    return token.dep_ in {"prep", "agent"} and token.pos_ in {"ADP", "SCONJ"}


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
    if any(c.dep_ == "advmod" and c.lower_ in {"where", "when"} for c in predicate.children) or _relative_phrase(predicate):
        # "the room where he saw him", "the visit, during which 31 accords were signed": a
        # place, time or occasion, no part the clause lacks
        return None
    # "Ana Park, who met the envoy, and her deputy": what follows the clause is not its antecedent.
    after = {t.i for c in predicate.head.children if c.dep_ in {"conj", "cc"} and c.i > predicate.i for t in c.subtree}
    antecedent = noun_phrase(predicate.head, excluded | {t.i for t in predicate.subtree} | after)
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
        # "the pact that Peru signed" would read "Peru signed the pact": words moved, which a
        # summary never does; the sentence stands instead.
        return NEEDS_REWRITING
    if predicate.dep_ == "acl" and predicate.tag_ == "VBN":
        return NEEDS_REWRITING  # "the constitution, drawn up by …" would need a "was" the text lacks
    if is_infinitive(predicate) and not any(t.dep_ in SUBJECT_DEPS for t in words):
        start = min(c.i for c in predicate.children if c.dep_ == "aux")
        return _Piece(start - 0.5, text, None, False)  # "plans to attend a rally" stays as written
    if predicate.dep_ == "acl" and predicate.tag_ == "VBG":
        # "the Chairperson of ECOWAS having been elected", "the envoy attending the forum": a
        # noun and a participle, no clause; the sentence stands instead.
        return NEEDS_REWRITING
    if not any(t.dep_ in SUBJECT_DEPS for t in words):
        return _Piece(predicate.i - 0.5, text, None, False)
    return NEEDS_REWRITING  # "the bill he signed": the object would have to move after the verb


def _relative_phrase(predicate: Token) -> list[Token]:
    """The "during which" opening a relative clause, or nothing."""
    for child in predicate.children:
        if child.dep_ == "prep" and child.i < predicate.i and any(o.lower_ in {"which", "whom"} for o in child.children):
            return list(child.subtree)
    return []


def _merge_antecedent(pieces: list[_Piece], antecedent: _Piece) -> list[_Piece]:
    if antecedent.token is not None:
        pieces = [p for p in pieces if p.token is None or p.token.i != antecedent.token.i]
    pieces.append(antecedent)
    return sorted(pieces, key=lambda p: p.position)


def finish(pieces: list[_Piece], capitalize: bool = True, cut: bool = False) -> str:
    """Join pieces into one line; ``cut`` marks a line shortened at a phrase boundary with an ellipsis."""
    parts: list[str] = []
    for index, piece in enumerate(pieces):
        if index and not piece.tight:
            parts.append(" ")
        parts.append(piece.text)
    text = " ".join("".join(parts).split())
    if cut:
        text = text.rstrip(",;:") + " …"
    return text[:1].upper() + text[1:] if capitalize else text


def phrase(tokens: list[Token], replacements: Optional[list[Replacement]] = None, capitalize: bool = False) -> str:
    """Tokens joined as the text wrote them (with replacements applied)."""
    return finish(_pieces(tokens, replacements or []), capitalize=capitalize)
