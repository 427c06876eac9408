"""Role, affiliation and gender of a person, read from the words around a name.

Three placements cover most news prose:

* a title before the name: "South Korean Envoy Ana Park", "India's foreign minister Ravi Rao";
* an appositive after it: "Ana Park, Director General in the Ministry of Trade, said";
* an appositive before it: "The Japanese trade minister, Aiko Tanaka, said".

The role is the title's words ("Envoy", "Director General", "trade minister"); the
affiliation is the organisation of a following "of/in/at/for ..." phrase, else the country of
a nationality word or possessive ("South Korean", "India's"). A stretch of words counts as a
title only when it contains a role word from ``data/titles.tsv``, so lists of names and
descriptions such as "a 45-year-old" are not taken for roles.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Span, Token

from briefgen.extract.actors.lexicon import person_words
from briefgen.extract.actors.names import canonical_name
from briefgen.extract.entities import entity_at

# Modifiers that belong to a role ("former Foreign Minister"); other lower-case adjectives
# before a title ("longtime", "outspoken") describe the person, not the office, while
# nouns ("trade minister") are part of it.
ROLE_MODIFIERS = frozenset("former acting interim deputy senior chief vice principal assistant associate special".split())
AFFILIATION_LABELS = frozenset({"ORG", "GPE", "NORP"})
# Words that end an appositive: what follows them is no longer the description of the name.
APPOSITIVE_BREAKS = frozenset({",", ";", ":", "(", ")", "—", "–", "“", "”", '"'})
AFFILIATION_PREPOSITIONS = frozenset({"of", "in", "at", "for", "with", "from"})


@dataclass(frozen=True)
class PersonContext:
    role: Optional[str] = None
    affiliation: Optional[str] = None
    gender: Optional[str] = None

    @property
    def role_head(self) -> Optional[str]:
        """The role word a bare "the <role>" refers back with ("minister" of "Foreign Minister")."""
        if not self.role:
            return None
        words = person_words()
        heads = [w for w in self.role.lower().replace("-", " ").split() if words.is_role(w)]
        return heads[-1] if heads else None


def _affiliation_from_entity(entity: Span) -> Optional[str]:
    name = canonical_name(entity.text)
    return name or None


def _entity_of(token: Token) -> Optional[Span]:
    if not token.ent_type_ or token.ent_type_ not in AFFILIATION_LABELS:
        return None
    return entity_at(token)


def _read_title(tokens: list[Token]) -> PersonContext:
    """Role and affiliation from a title or appositive's words, or nothing if it has no role word."""
    words = person_words()
    if not any(words.is_role(t.text) or words.is_role(t.lemma_) for t in tokens):
        return PersonContext()
    affiliation: Optional[str] = None
    role_tokens: list[Token] = []
    i = 0
    while i < len(tokens):
        token = tokens[i]
        if token.lower_ in AFFILIATION_PREPOSITIONS and not any(
            words.is_role(t.text) or words.is_role(t.lemma_) for t in role_tokens
        ):
            # "criticism of President Obama", "the resignation of Prime Minister Khan": the
            # words before hold no role, so they are the phrase the title sits in, and what
            # follows the preposition is the title itself.
            role_tokens = []
            i += 1
            continue
        if token.lower_ in AFFILIATION_PREPOSITIONS and role_tokens:
            # "Secretary East in the Ministry of Trade": the phrase names where the role is held.
            for later in tokens[i + 1 :]:
                entity = _entity_of(later)
                if entity is not None and entity.label_ in ("ORG", "GPE"):
                    affiliation = _affiliation_from_entity(entity)
                    break
            if affiliation is None:
                rest = [t for t in tokens[i + 1 :] if t.pos_ != "DET"]
                if rest and all(t.text[:1].isupper() for t in rest if t.is_alpha and t.lower_ not in ("of", "and", "for")):
                    affiliation = canonical_name(" ".join(t.text for t in rest))
            break
        entity = _entity_of(token)
        if entity is not None:
            if affiliation is None:
                affiliation = _affiliation_from_entity(entity)
            i = max(i + 1, next((k for k, t in enumerate(tokens) if t.i >= entity.end), len(tokens)))
            continue
        if token.pos_ in ("DET", "PART", "PUNCT") or token.tag_ == "POS" or words.is_honorific(token.text):
            i += 1  # "Foreign Minister Mr. Fuad Hussein": the courtesy title is no part of the office
            continue
        role_tokens.append(token)
        i += 1
    while role_tokens and role_tokens[0].pos_ == "ADJ" and role_tokens[0].is_lower and role_tokens[0].lower_ not in ROLE_MODIFIERS:
        role_tokens.pop(0)
    if any(t.text[:1].isupper() for t in role_tokens):
        # "in our country Foreign Minister …", "the host President": words before a
        # capitalised title describe the person or the sentence, not the office.
        while role_tokens and role_tokens[0].is_lower and role_tokens[0].lower_ not in ROLE_MODIFIERS:
            role_tokens.pop(0)
    while role_tokens and not (words.is_role(role_tokens[-1].text) or role_tokens[-1].text[:1].isupper()):
        role_tokens.pop()
    if not any(words.is_role(t.text) or words.is_role(t.lemma_) for t in role_tokens):
        return PersonContext(affiliation=affiliation)
    role = " ".join(t.text for t in role_tokens)
    gender = next((words.gender_of(t.lemma_) for t in role_tokens if words.gender_of(t.lemma_)), None)
    return PersonContext(role=role, affiliation=affiliation, gender=gender)


def _title_before(name: Span) -> list[Token]:
    """The modifiers directly before a name inside its noun phrase ("South Korean Envoy")."""
    doc = name.doc
    tokens: list[Token] = []
    i = name.start - 1
    while i >= name.sent.start:
        token = doc[i]
        if token.pos_ in ("VERB", "AUX", "ADP", "CCONJ", "SCONJ", "PRON") and token.lower_ != "of":
            break
        if token.is_punct or token.pos_ == "DET" or token.like_num:
            break
        if token.head.i < token.i or token.head.i >= name.end + 1:
            # Not a modifier of something further right in this phrase (a preceding clause).
            if not (token.lower_ == "of" or token.dep_ in ("pobj", "case") or token.tag_ == "POS"):
                break
        tokens.insert(0, token)
        i -= 1
    return tokens


def _appositive_after(name: Span) -> list[Token]:
    doc = name.doc
    if name.end >= name.sent.end - 1 or doc[name.end].text != ",":
        return []
    tokens: list[Token] = []
    for token in doc[name.end + 1 : name.sent.end]:
        if token.text in APPOSITIVE_BREAKS or (token.pos_ in ("VERB", "AUX") and token.tag_ != "VBN"):
            break
        if token.lower_ in ("who", "which", "that", "and", "but"):
            break
        if token.tag_ == "VBN" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "by":
            break  # "Lloyd Austin, accompanied by Chairman …": someone else's description
        if token.ent_type_ == "PERSON" and tokens and _full_name_at(token):
            # "Nicolas Sarkozy, United Nations Secretary General Ban Ki-moon": the title
            # before the next name is that name's.
            while tokens and tokens[-1].head.ent_type_ == "PERSON" and tokens[-1].head.i >= token.i:
                tokens.pop()
            break
        tokens.append(token)
    after = tokens[-1].i + 1 if tokens else None
    if after is not None and after + 1 < len(doc) and doc[after].text == "," and doc[after + 1].ent_type_ == "PERSON":
        return []  # "French President, Nicolas Sarkozy, UN Secretary-General, Ban Ki-moon": the title of the next name
    return tokens


def _full_name_at(token: Token) -> bool:
    """A name of two words or more starts here ("Ban Ki-moon"), not a word the tagger took for
    one inside a title ("Secretary East")."""
    entity = entity_at(token)
    return entity is not None and entity.start == token.i and len(entity) >= 2 and not person_words().is_role(token.text)


def _appositive_before(name: Span) -> list[Token]:
    doc = name.doc
    if name.start - 1 <= name.sent.start or doc[name.start - 1].text != ",":
        return []
    tokens: list[Token] = []
    i = name.start - 2
    while i >= name.sent.start:
        token = doc[i]
        if token.text in APPOSITIVE_BREAKS or token.pos_ in ("VERB", "AUX", "SCONJ", "CCONJ"):
            break
        tokens.insert(0, token)
        i -= 1
    # Only a description that ends in a role word and leads straight into the name is an appositive.
    words = person_words()
    if not tokens or not words.is_role(tokens[-1].text) and not words.is_role(tokens[-1].lemma_):
        return []
    return tokens


def honorific_gender(name: Span) -> Optional[str]:
    """Gender from a courtesy title right before or at the start of a name ("Ms. Tanaka")."""
    words = person_words()
    candidates = [name[0]]
    if name.start > 0:
        candidates.append(name.doc[name.start - 1])
    for token in candidates:
        if words.is_honorific(token.text):
            return words.gender_of(token.text)
    return None


def description_tokens(name: Span) -> list[Token]:
    """The words around a name that describe it (its title and appositives), role or not."""
    return _title_before(name) + _appositive_after(name) + _appositive_before(name)


def describe_person(name: Span, leading_title: Optional[str] = None) -> PersonContext:
    """Role, affiliation and gender for one mention of a person's name.

    ``leading_title`` is a role the named-entity span itself began with (a tagger sometimes
    includes "Envoy" in the name); it is used when no fuller title is found around the name.
    """
    found = PersonContext()
    for tokens in (_title_before(name), _appositive_after(name), _appositive_before(name)):
        context = _read_title(tokens) if tokens else PersonContext()
        found = PersonContext(
            role=found.role or context.role,
            affiliation=found.affiliation or context.affiliation,
            gender=found.gender or context.gender,
        )
        if found.role and found.affiliation:
            break
    if not found.role and leading_title:
        found = PersonContext(role=leading_title, affiliation=found.affiliation, gender=found.gender)
    gender = found.gender or honorific_gender(name)
    return PersonContext(role=found.role, affiliation=found.affiliation, gender=gender)
