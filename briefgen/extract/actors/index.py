"""Actors of one document: who and what it mentions, clustered, and how to resolve a mention.

:func:`find_actors` makes one pass over a parsed document. Named-entity mentions become
clusters ("Ana Park", "Ms. Park" and "Park" are one person; "US" and "the United States"
one country); a person's role and affiliation come from titles and appositives around any
of their names. Pronouns ("she") and role descriptions ("the envoy", "the ministry") are
then resolved in reading order, each to the most recent compatible actor, so that a chain
"Ana Park said … she added … the envoy said" stays on one person. The resulting
:class:`ActorIndex` answers "who is this span?" for the attribution stage.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span, Token

from briefgen.extract.actors.lexicon import person_words
from briefgen.extract.actors.names import (
    canonical_name,
    gazetteer_forms,
    is_country,
    is_organisation,
    is_known_place,
    known_name,
    tidy,
)
from briefgen.extract.actors.participants import LEADER_ROLES, group_members, occasion_participants
from briefgen.extract.actors.person_names import display_name, name_key, same_person
from briefgen.extract.actors.roles import describe_person, description_tokens
from briefgen.extract.furniture import is_furniture
from briefgen.extract.entities import entity_at
from briefgen.model import Actor, Speaker

ACTOR_LABELS = ("PERSON", "ORG", "GPE", "NORP")
MALE_PRONOUNS = frozenset({"he", "him", "his", "himself"})
FEMALE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
NEUTER_PRONOUNS = frozenset({"it", "its", "itself"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# How far back a pronoun or description looks for its person: news prose re-names a
# speaker within a few sentences, and a longer reach mostly finds the wrong one.
PERSON_REACH_SENTENCES = 5
THING_REACH_SENTENCES = 2
# A description ("the envoy", "the ministry") names its referent again much later than a
# pronoun can.
DESCRIPTION_REACH_SENTENCES = 30
SPEAKER_KINDS = {"PERSON": "person", "ORG": "organisation", "GPE": "country", "NORP": "group"}


def speaker_of(actor: Actor) -> Speaker:
    """The actor as a statement's speaker: its name, role and affiliation."""
    return Speaker(name=actor.name, role=actor.role, affiliation=actor.affiliation, kind=SPEAKER_KINDS[actor.type])


@dataclass
class _Cluster:
    label: str
    name: str
    key_tokens: tuple[str, ...]
    forms: list[str] = field(default_factory=list)
    role: Optional[str] = None
    role_head: Optional[str] = None
    affiliation: Optional[str] = None
    gender: Optional[str] = None
    mentions: int = 0

    def add_form(self, form: str) -> None:
        if form and form not in self.forms:
            self.forms.append(form)


@dataclass(frozen=True)
class _Mention:
    start: int  # first token
    end: int
    sentence: int
    cluster: int
    is_subject: bool


def _sentence_numbers(doc: Doc) -> list[int]:
    numbers = [0] * len(doc)
    for n, sent in enumerate(doc.sents):
        for i in range(sent.start, sent.end):
            numbers[i] = n
    return numbers


def _clean_name(ent: Span) -> tuple[Optional[Span], Optional[str], Optional[str]]:
    """The name inside an entity span without courtesy titles, leading role words and "'s".

    Returns (name span, leading role words, honorific) — the tagger sometimes includes
    "Mr." or "Envoy" in a PERSON span.
    """
    words = person_words()
    start, end = ent.start, ent.end
    doc = ent.doc
    honorific = None
    role_tokens: list[str] = []
    while start < end and (words.is_honorific(doc[start].text) or (ent.label_ == "PERSON" and words.is_role(doc[start].text))):
        if words.is_honorific(doc[start].text):
            honorific = doc[start].text
        else:
            role_tokens.append(doc[start].text)
        start += 1
    if ent.label_ != "PERSON" and start > ent.start:
        start = ent.start  # "Dr. Pepper" is a company; only people lose their titles
    if ent.label_ == "PERSON" and start == ent.start:
        # The tagger sometimes leaves a first name out ("Min [Ho Lee]").
        while start > 0 and _is_name_part(doc[start - 1], ent):
            start -= 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if end <= start:
        return None, None, None
    return doc[start:end], (" ".join(role_tokens) or None), honorific


def _is_name_part(token: Token, ent: Span) -> bool:
    words = person_words()
    return (
        token.pos_ == "PROPN"
        and token.is_title
        and not token.ent_type_
        and ent.start <= token.head.i < ent.end
        and not words.is_title(token.text, token.lemma_)
    )


def _person_tokens(name: Span) -> tuple[str, ...]:
    return name_key(name.text)


def _honorific_before(name: Span) -> Optional[str]:
    if name.start == 0:
        return None
    token = name.doc[name.start - 1]
    return token.text if person_words().is_honorific(token.text) else None


def _after_article(name: Span) -> bool:
    return name.start > 0 and name.doc[name.start - 1].lower_ in ("the", "a", "an")


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w[:1].isupper())


# Relations by which a name belongs to the phrase it is in ("Envoy Ana Park", "the
# minister, Ana Park"), unlike "a spokesman for Ana Park" or "Ana Park's aide".
NAMING_DEPS = frozenset({"compound", "appos", "flat", "nmod", "amod", "conj"})


def _names_head(token: Token, head: Token) -> bool:
    while token.i != head.i:
        if token.dep_ not in NAMING_DEPS or token.head.i == token.i:
            return False
        token = token.head
    return True


def _is_subject(span: Span) -> bool:
    root = span.root
    while root.dep_ in ("compound", "appos", "conj") and root.head.i != root.i:
        root = root.head
    return root.dep_ in SUBJECT_DEPS


_DATELINE_DASHES = {"—", "–", "-", "--", "(", ","}


def _is_dateline(ent: Span) -> bool:
    """An all-capitals place opening a paragraph and followed by a dash: "OSLO — ...". """
    doc = ent.doc
    starts_paragraph = ent.start == 0 or "\n" in doc[ent.start - 1].text_with_ws or doc[ent.start - 1].is_space
    followed = ent.end < len(doc) and doc[ent.end].text in _DATELINE_DASHES
    return starts_paragraph and followed and ent.text.isupper() and len(ent.text) > 2


def _is_byline(ent: Span) -> bool:
    """A reporter's name on a line of its own in the article's head (see :mod:`..furniture`)."""
    return ent.label_ == "PERSON" and all(is_furniture(t) for t in ent if not t.is_space)


class ActorIndex:
    """The actors of one document and the mentions that name them."""

    def __init__(self, doc: Doc, source_id: str, clusters: list[_Cluster], mentions: list[_Mention]):
        self.doc = doc
        self.source_id = source_id
        self._clusters = clusters
        self._mentions = sorted(mentions, key=lambda m: m.start)
        self._starts = [m.start for m in self._mentions]
        self._by_token: dict[int, int] = {}
        for m in self._mentions:
            for i in range(m.start, m.end):
                self._by_token.setdefault(i, m.cluster)
        self._sentence = _sentence_numbers(doc)
        self._participants: Optional[list[Actor]] = None
        self.actors: list[Actor] = [
            Actor(
                id=f"A{n}",
                name=c.name,
                type=c.label,
                role=c.role,
                affiliation=c.affiliation,
                aliases=[f for f in c.forms if f != c.name],
                mentions=c.mentions,
            )
            for n, c in enumerate(clusters, start=1)
        ]

    @property
    def participants(self) -> list[Actor]:
        """The people the article's first sentences of prose name: its occasion's participants."""
        if self._participants is None:
            self._participants = occasion_participants(self.doc, self)
        return self._participants

    def group_members(self, mention: Span) -> Optional[list[Actor]]:
        """The participants a phrase like "both sides" or "the two ministers" stands for."""
        return group_members(mention, self.participants, self)

    def actor_at(self, token_index: int) -> Optional[Actor]:
        """The actor named by the mention a token belongs to, if any."""
        cluster = self._by_token.get(token_index)
        return None if cluster is None else self.actors[cluster]

    def resolve(self, span: Span) -> Optional[Actor]:
        """The actor a mention refers to: a name, a resolved pronoun or description, or None.

        The span's syntactic head decides when it holds several names ("Ana Park, an aide
        to Ravi Rao" is Ana Park).
        """
        root = span.root
        if root.i in self._by_token:
            return self.actors[self._by_token[root.i]]
        # The head is a title ("Envoy") or a common noun ("minister") with the name attached
        # to it; a name further away ("a spokesman for Ana Park") is someone else.
        candidates = [self._by_token[t.i] for t in span if t.i in self._by_token and _names_head(t, root)]
        persons = [c for c in candidates if self._clusters[c].label == "PERSON"]
        if persons:
            return self.actors[persons[0]]
        named = self._name_ending_title(span)
        if named is not None:
            return self.actors[named]
        if root.lower_ in NEUTER_PRONOUNS:
            return self._recent(root, labels=("ORG", "GPE"), reach=THING_REACH_SENTENCES, subjects_only=True)
        if candidates and root.pos_ not in ("NOUN", "PRON"):
            return self.actors[candidates[0]]
        return self._by_surname(span)

    def _name_ending_title(self, span: Span) -> Optional[int]:
        """"The Indonesian Minister of Foreign Affairs Retno Marsudi": a title phrase the name
        ends, however the parser hung the name; not "a spokesman for Ana Park"."""
        if not person_words().is_title(span.root.text, span.root.lemma_):
            return None
        last = span[-1]
        cluster = self._by_token.get(last.i)
        if cluster is None or self._clusters[cluster].label != "PERSON":
            return None
        start = last.i
        while start > span.start and self._by_token.get(start - 1) == cluster:
            start -= 1
        before = self.doc[start - 1] if start > span.start else None
        if before is None or before.lower_ in ("for", "to", "of", "by", "with", "from", "and", "or"):
            return None
        return cluster

    def _by_surname(self, span: Span) -> Optional[Actor]:
        """A name the tagger did not mark that fits one person the text names in full: "PARK:"
        in a transcript, "Morial, a former mayor of New Orleans", "the assistant director
        general of the WHO, Keiji Fukuda"."""
        words = [t for t in span if t.is_alpha]
        if len(words) == 1:
            candidate = words[0]
        elif (person_words().is_title(span.root.text, span.root.lemma_) and span[-1].pos_ == "PROPN"
              and not any(t.lower_ in OTHERS_PREPOSITIONS for t in span)):
            candidate = span[-1]  # the name a title phrase ends with; not "a spokesman for Ana Park"
        elif span.root.pos_ == "PROPN" and any(c.dep_ == "appos" for c in span.root.children):
            candidate = span.root  # the name an appositive describes
        else:
            return None
        if not candidate.text[:1].isupper():
            return None
        word = candidate.text.lower()
        fitting = [n for n, c in enumerate(self._clusters) if c.label == "PERSON" and len(c.key_tokens) > 1 and word in c.key_tokens]
        return self.actors[fitting[0]] if len(fitting) == 1 else None

    def _recent(self, token: Token, labels: tuple[str, ...], reach: int, subjects_only: bool) -> Optional[Actor]:
        sentence = self._sentence[token.i]
        for m in _backwards(self._mentions, self._starts, token.i):
            if sentence - m.sentence > reach:
                break
            if self._clusters[m.cluster].label in labels and (m.is_subject or not subjects_only):
                return self.actors[m.cluster]
        return None


class _Builder:
    """Clusters entity mentions, then resolves pronouns and descriptions in reading order."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.sentence = _sentence_numbers(doc)
        self.clusters: list[_Cluster] = []
        self.mentions: list[_Mention] = []
        self._by_key: dict[tuple[str, str], int] = {}
        # Words that describe a named person ("Secretary East in the Ministry"): a tagger may
        # take one of them for a name, which it is not.
        self._described: set[int] = set()
        # Where each cluster is named, in order: a lone surname goes to the latest before it.
        self._starts_by_cluster: dict[int, list[int]] = {}

    def _new_cluster(self, label: str, name: str, key_tokens: tuple[str, ...]) -> int:
        self.clusters.append(_Cluster(label=label, name=name, key_tokens=key_tokens))
        self._by_key[(label, name)] = len(self.clusters) - 1
        return len(self.clusters) - 1

    def _mention(self, span: Span, cluster: int, form: Optional[str]) -> None:
        self.mentions.append(
            _Mention(span.start, span.end, self.sentence[span.start], cluster, _is_subject(span))
        )
        bisect.insort(self._starts_by_cluster.setdefault(cluster, []), span.start)
        self.clusters[cluster].mentions += 1
        if form:
            self.clusters[cluster].add_form(form)

    def build(self) -> list[_Cluster]:
        people: list[tuple[Span, Optional[str], Optional[str], Span]] = []
        single_names: list[tuple[Span, Optional[str], Span]] = []
        things: list[tuple[Span, str]] = []
        for ent in self.doc.ents:
            if ent.label_ not in ACTOR_LABELS or not any(c.isupper() or c.isdigit() for c in ent.text):
                continue
            name, leading_role, honorific = _clean_name(ent)
            if name is None:
                continue
            honorific = honorific or _honorific_before(name)
            if _is_dateline(ent) or _is_byline(ent):
                continue  # "OSLO —": where the story was filed, not who is in it; the reporter neither
            if is_known_place(name.text):
                things.append((name, "GPE"))  # the tagger may call "Middle East" a person
                continue
            if ent.label_ == "PERSON" and not honorific and _after_article(name):
                continue  # "the Middle East", "the Kremlin": people's names take no article
            if ent.label_ == "PERSON" or honorific:
                if len(_person_tokens(name)) >= 2:
                    people.append((name, leading_role, honorific, ent))
                elif _person_tokens(name):
                    single_names.append((name, honorific, ent))
            elif len(name) == 1 and name[0].pos_ == "PROPN":
                # A lone proper noun tagged ORG or GPE may be a surname the tagger missed;
                # decided once every full name is known.
                single_names.append((name, None, ent))
            else:
                things.append((name, ent.label_))
        people += self._untagged_full_names(people, single_names)
        people.sort(key=lambda entry: entry[0].start)
        self._cluster_people(people)
        self._attach_single_names(single_names, things)
        self._cluster_things(things)
        self._resolve_references()
        return self.clusters

    def _untagged_full_names(self, people, single_names) -> list:
        """Full names the tagger missed whose surname it tagged elsewhere ("Ana Park" … "Park").

        A capitalised proper noun or two right before a known lone name, in the same noun
        phrase, is taken for that person's first names.
        """
        words = person_words()
        lone = {_person_tokens(name)[0] for name, honorific, ent in single_names if ent.label_ == "PERSON" or honorific}
        if not lone:
            return []
        covered = {i for name, *_ in people for i in range(name.start, name.end)}
        found = []
        for token in self.doc:
            if token.lower_ not in lone or token.i in covered or token.i == 0:
                continue
            end = token.i + 1
            # "Retno" known alone, "Retno Marsudi" untagged: a family name after a known given name.
            while (end < len(self.doc) and end - token.i < 3 and self.doc[end].pos_ == "PROPN" and self.doc[end].is_title
                   and not self.doc[end].ent_type_ in ("ORG", "GPE", "NORP", "LOC", "FAC") and end not in covered
                   and not words.is_title(self.doc[end].text, self.doc[end].lemma_)):
                end += 1
            if end > token.i + 1:
                name = self.doc[token.i: end]
                found.append((name, None, None, name))
                covered.update(range(name.start, name.end))
                continue
            start = token.i
            while (
                start > 0
                and token.i - start < 2
                and self.doc[start - 1].pos_ == "PROPN"
                and self.doc[start - 1].is_title
                and self.doc[start - 1].head.i == token.i
                and not self.doc[start - 1].ent_type_ in ("ORG", "GPE", "NORP", "LOC", "FAC")
                and not words.is_title(self.doc[start - 1].text, self.doc[start - 1].lemma_)
            ):
                start -= 1
            if start < token.i and not is_known_place(self.doc[start : token.i + 1].text):
                name = self.doc[start : token.i + 1]
                found.append((name, None, None, name))
                covered.update(range(name.start, name.end))
        return found

    def _cluster_people(self, people) -> None:
        for name, leading_role, honorific, ent in people:
            tokens = _person_tokens(name)
            cluster = next((n for n, c in enumerate(self.clusters) if c.label == "PERSON" and len(c.key_tokens) >= 2
                            and any(same_person(form, name.text) for form in c.forms)), None)
            if cluster is None:
                cluster = self._new_cluster("PERSON", name.text, tokens)
            elif len(tokens) > len(self.clusters[cluster].key_tokens):
                self.clusters[cluster].key_tokens = tokens
            self._describe(cluster, name, leading_role)
            self._described.update(t.i for t in description_tokens(name))
            self._mention(ent, cluster, (honorific + " " + name.text) if honorific else name.text)
            forms = self.clusters[cluster].forms
            self.clusters[cluster].name = display_name([f for f in forms if len(name_key(f)) >= 2] or forms)

    def _describe(self, cluster: int, name: Span, leading_role: Optional[str]) -> None:
        context = describe_person(name, leading_role)
        c = self.clusters[cluster]
        if context.role and not c.role:
            c.role, c.role_head = context.role, context.role_head
        c.affiliation = c.affiliation or context.affiliation
        c.gender = c.gender or context.gender

    def _attach_single_names(self, single_names, things) -> None:
        # Names the tagger took for people first, so that a lone "Lavrov" it tagged ORG at the
        # top of the story still finds the person it tagged PERSON further down.
        people_first = sorted(single_names, key=lambda entry: not (entry[2].label_ == "PERSON" or entry[1]))
        for name, honorific, ent in people_first:
            token = _person_tokens(name)
            if not token:
                continue
            word = token[0]
            if name.start in self._described and not honorific:
                continue
            tagged_person = ent.label_ == "PERSON" or honorific
            if not tagged_person and known_name(name.text):
                things.append((name, ent.label_))  # "Jordan", "Georgia": a known place or body
                continue
            named = [(n, c) for n, c in enumerate(self.clusters) if c.label == "PERSON"]
            first_mention = {n: starts[0] for n, starts in self._starts_by_cluster.items()}
            matches = [n for n, c in named if word in c.key_tokens]
            if not matches:
                if tagged_person:
                    cluster = self._by_key.get(("PERSON", name.text))
                    if cluster is None:
                        cluster = self._new_cluster("PERSON", name.text, token)
                    self._describe(cluster, name, None)
                    self._mention(ent, cluster, (honorific + " " + name.text) if honorific else name.text)
                else:
                    things.append((name, ent.label_))
                continue
            cluster = self._closest_before(matches, ent.start, first_mention, word)
            c = self.clusters[cluster]
            if honorific and not c.gender:
                c.gender = person_words().gender_of(honorific)
            self._describe(cluster, name, None)
            self._mention(ent, cluster, (honorific + " " + name.text) if honorific else name.text)

    def _closest_before(self, matches: list[int], position: int, first_mention: dict[int, int], word: str) -> int:
        """Of the people a surname fits, the one named most recently before it (else first after)."""
        best, best_start = None, -1
        for cluster in matches:
            starts = self._starts_by_cluster.get(cluster, [])
            k = bisect.bisect_left(starts, position)
            if k and starts[k - 1] > best_start:
                best, best_start = cluster, starts[k - 1]
        if best is not None:
            return best
        # A surname fits a family name better than a first name ("Clinton" over "Clinton Hughes").
        return min(matches, key=lambda n: (self.clusters[n].key_tokens[-1] != word, first_mention.get(n, 0)))

    def _cluster_things(self, things) -> None:
        orgs_by_initials: dict[str, int] = {}
        for name, label in sorted(things, key=lambda t: t[0].start):
            if label == "ORG" and (name[-1].lemma_.lower() in HAPPENING_HEADS or name.root.lemma_.lower() in HAPPENING_HEADS):
                # "an Extraordinary Summit", "the G7 Foreign Ministers' Meeting", "the IX
                # Presidential Summit of the Community …": events, not bodies
                continue
            state = _state_of(name)
            known = known_name(name.text) or state
            canonical = known or tidy(name.text)
            if not canonical:
                continue
            if label == "NORP" and known and is_country(known):
                label = "GPE"  # "South Korean" names a country
            elif label in ("GPE", "ORG") and known:
                label = "GPE" if is_country(known) else "ORG"
            cluster = self._by_key.get(("", canonical))
            if cluster is None and label == "ORG" and canonical.isupper():
                cluster = orgs_by_initials.get(canonical)
            if cluster is None:
                cluster = self._new_cluster(label, canonical, (canonical.lower(),))
                self._by_key[("", canonical)] = cluster
                if label == "ORG" and len(canonical.split()) > 1:
                    orgs_by_initials.setdefault(_initials(canonical), cluster)
            self._mention(name, cluster, tidy(name.text))

    def _resolve_references(self) -> None:
        """Pronouns and "the <role>" descriptions, in reading order, become mentions too."""
        words = person_words()
        self.mentions.sort(key=lambda m: m.start)
        named_tokens = {i for m in self.mentions for i in range(m.start, m.end)}
        resolved: list[_Mention] = []
        history = list(self.mentions)
        starts = [m.start for m in history]
        for token in self.doc:
            if token.i in named_tokens:
                continue
            lower = token.lower_
            cluster = None
            if token.pos_ == "PRON" and (lower in MALE_PRONOUNS or lower in FEMALE_PRONOUNS):
                gender = "m" if lower in MALE_PRONOUNS else "f"
                cluster = self._antecedent(history, starts, token, gender)
                # A possessive may stand for a country ("Kenya's commitment to her partners"):
                # it tells nothing of the person it was resolved to.
                if cluster is not None and self.clusters[cluster].gender is None and token.tag_ != "PRP$":
                    self.clusters[cluster].gender = gender
            elif _office_abbreviation(token) and words.is_role(lower):
                # "EAM called on the President-elect": the External Affairs Minister the text names
                cluster = self._office_holder(token)
            elif token.pos_ in ("NOUN", "PROPN") and token.dep_ != "compound" and token.tag_ not in ("NNS", "NNPS") \
                    and _is_definite(token) and token.ent_iob_ == "O":
                # "the ministers" are several people, not the last minister named; "the
                # Summit of the Community of …" is a name, if not an actor's, no description
                if words.is_role(token.lemma_) or words.is_role(lower):
                    cluster = self._described_person(history, starts, token)
                elif words.speaker_nouns.get(token.lemma_.lower()) in ("organisation", "country") \
                        or token.lemma_.lower() in BODY_NOUNS | COUNTRY_NOUNS:
                    cluster = self._described_organisation(history, starts, token)
            if cluster is None:
                continue
            mention = _Mention(token.i, token.i + 1, self.sentence[token.i], cluster, token.dep_ in SUBJECT_DEPS)
            position = bisect.bisect_left(starts, token.i)
            history.insert(position, mention)
            starts.insert(position, token.i)
            resolved.append(mention)
            self.clusters[cluster].mentions += 1
        self.mentions.extend(resolved)

    def _antecedent(self, history, starts, token: Token, gender: str) -> Optional[int]:
        """Most recent compatible person that was a subject, else the most recent one."""
        sentence = self.sentence[token.i]
        fallback = None
        for m in _backwards(history, starts, token.i):
            if sentence - m.sentence > PERSON_REACH_SENTENCES:
                break
            c = self.clusters[m.cluster]
            if c.label != "PERSON" or (c.gender and c.gender != gender):
                continue
            if m.is_subject:
                return m.cluster
            if fallback is None:
                fallback = m.cluster
        return fallback

    def _described_person(self, history, starts, token: Token) -> Optional[int]:
        """The person last given the role a description names: "the foreign minister" is not
        the prime minister, "the South Korean minister" not Japan's."""
        role_word = token.lemma_.lower()
        sentence = self.sentence[token.i]
        modifiers, country = _description_of(token)
        for m in _backwards(history, starts, token.i):
            if sentence - m.sentence > DESCRIPTION_REACH_SENTENCES:
                break
            c = self.clusters[m.cluster]
            # A person of unknown country may be the one described; one of another may not.
            if _holds_office(c, role_word, modifiers) and not (country and c.affiliation and country != c.affiliation):
                return m.cluster
        # "Pakistan's new foreign minister, …" before the name: the one person the text gives
        # that office and country further on.
        if modifiers and country:
            fitting = {m.cluster for m in history[bisect.bisect_right(starts, token.i):]
                       if _holds_office(self.clusters[m.cluster], role_word, modifiers)
                       and self.clusters[m.cluster].affiliation == country}
            if len(fitting) == 1:
                return fitting.pop()
        return None

    def _office_holder(self, abbreviation: Token) -> Optional[int]:
        """The one person the article gives the office an abbreviation stands for, wherever it
        names them: "EAM" is the "External Affairs Minister Jaishankar" of another paragraph."""
        holders = {c for c, cluster in enumerate(self.clusters)
                   if cluster.label == "PERSON" and cluster.role and initials(cluster.role) == abbreviation.text}
        return holders.pop() if len(holders) == 1 else None

    def _described_organisation(self, history, starts, token: Token) -> Optional[int]:
        """"The ministry" is the last organisation with "Ministry" in its name; "the bloc" or
        "the grouping" the last body of several members, "the country" the last country."""
        sentence = self.sentence[token.i]
        noun = token.lemma_.lower()
        for m in _backwards(history, starts, token.i):
            if sentence - m.sentence > DESCRIPTION_REACH_SENTENCES:
                break
            c = self.clusters[m.cluster]
            named = {w.lower() for form in gazetteer_forms(c.name) for w in form.split()}
            if c.label == "ORG" and (noun in named or (noun in BODY_NOUNS and is_organisation(c.name))):
                return m.cluster
            if noun in COUNTRY_NOUNS and c.label == "GPE" and is_country(c.name):
                return m.cluster
        return None


# Words before a role that describe the person or the time, not the office.
DESCRIBING_WORDS = frozenset("new former then current top senior visiting outgoing incoming acting interim veteran".split())


# Words that describe a kind of office rather than name one, and the offices they cover:
# "the diplomat" of a story about a foreign minister, "the leader" of one about a president.
GENERIC_OFFICES = {
    "diplomat": ("foreign minister", "foreign secretary", "external affairs minister", "secretary of state",
                 "ambassador", "envoy", "diplomat"),
    "leader": LEADER_ROLES,
}


def _holds_office(cluster: _Cluster, role_word: str, modifiers: set[str]) -> bool:
    """Whether a person's role is the office a description names: its role word and every
    office word before it ("foreign" of "the foreign minister")."""
    if cluster.label != "PERSON" or not cluster.role:
        return False
    if role_word in GENERIC_OFFICES and not modifiers:
        return any(office in cluster.role.lower() for office in GENERIC_OFFICES[role_word])
    role_words = set(cluster.role.lower().replace("-", " ").split())
    return (cluster.role_head == role_word or role_word in role_words) and modifiers <= role_words


def _description_of(role: Token) -> tuple[set[str], Optional[str]]:
    """The office words ("foreign" of "the foreign minister") and the country ("South Korean",
    "Pakistan's") a role description gives."""
    modifiers: set[str] = set()
    country = None
    for child in role.children:
        if child.ent_type_ in ("NORP", "GPE") or child.dep_ == "poss" and child.ent_type_:
            country = country or canonical_name(entity_at(child).text if entity_at(child) is not None else child.text)
        elif child.dep_ in ("compound", "amod") and child.is_alpha and child.lower_ not in DESCRIBING_WORDS:
            modifiers.add(child.lower_)
    return modifiers, country


# Prepositions by which a title phrase names someone else: "a spokesman for Ana Park".
OTHERS_PREPOSITIONS = frozenset({"for", "to", "by", "with", "from"})
# Descriptions of a body of several members ("the bloc") and of a country ("the kingdom").
BODY_NOUNS = frozenset("bloc grouping alliance organisation organization union body coalition community group".split())
COUNTRY_NOUNS = frozenset("country kingdom republic nation emirate sultanate".split())
# Heads of names the tagger calls organisations that name happenings or documents instead:
# the actor lists hold organisations and places, not events. ("Conference", "Forum" and
# "Dialogue" also head bodies: the Conference on Disarmament, the Pacific Islands Forum.)
HAPPENING_HEADS = frozenset(
    "summit meeting session talks visit ceremony election war attack crisis lecture games cup festival expo "
    "exhibition declaration statement agreement accord treaty protocol communiqué communique memorandum".split()
)
# "The State of Qatar", "the Kingdom of Bahrain": the country, however the tagger cut it.
STATE_WORDS = frozenset({"state", "kingdom", "republic", "emirate", "sultanate", "federation", "principality"})


def _state_of(name: Span) -> Optional[str]:
    doc = name.doc
    if len(name) != 1 or name[0].lower_ not in STATE_WORDS or name.end + 1 >= len(doc) or doc[name.end].lower_ != "of":
        return None
    country = entity_at(doc[name.end + 1])
    return known_name(country.text) if country is not None and country.label_ == "GPE" else None


def _backwards(history: list[_Mention], starts: list[int], position: int):
    """Mentions that start before ``position``, nearest first, without copying the list."""
    for k in range(bisect.bisect_left(starts, position) - 1, -1, -1):
        yield history[k]


def _office_abbreviation(token: Token) -> bool:
    """A bare office abbreviation standing for its holder ("EAM said", "the PM"), not one
    before a name ("PM Kishida"), which names the person itself."""
    return token.is_upper and token.is_alpha and len(token.text) >= 2 and token.dep_ != "compound" \
        and token.pos_ in ("NOUN", "PROPN")


def initials(role: str) -> str:
    """"External Affairs Minister" → "EAM": the abbreviation the press of its country uses."""
    return "".join(word[0].upper() for word in role.replace("-", " ").split() if word[:1].isalpha() and word.lower() not in ("of", "the", "and", "for"))


def _is_definite(token: Token) -> bool:
    """"the minister", "this envoy", "Pakistan's foreign minister": one known person."""
    return any((child.dep_ == "det" and child.lower_ in ("the", "this", "that")) or child.dep_ == "poss"
               for child in token.children)


def find_actors(doc: Doc, source_id: str) -> ActorIndex:
    """Cluster the people, organisations and countries a parsed document mentions."""
    builder = _Builder(doc)
    clusters = builder.build()
    return ActorIndex(doc, source_id, clusters, builder.mentions)
