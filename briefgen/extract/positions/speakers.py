"""Who a cue attributes its content to: the mention at the statement, and who that is.

The mention is the cue's subject ("the minister said"), the agent of a passive ("was
criticised by the ministry"), the object of "according to", or, for a cue without its own
subject, the subject it shares: a participle ("…, noting that …"), a coordinated verb
("said … and added …") or an infinitive ("wants to …"). A relative clause's speaker is the
noun it modifies ("Ana Park, who said …").

Resolution turns the mention into a :class:`~briefgen.model.Speaker`: a named actor with its
full name, role and affiliation when the actor index knows one; otherwise the mention as
written, with a kind read from its head noun ("officials from the bloc" is a group, "the
ministry" an organisation), never forced onto a person.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Span, Token

from briefgen.extract.actors.index import SPEAKER_KINDS, ActorIndex, speaker_of
from briefgen.extract.actors.participants import group_speaker
from briefgen.extract.actors.lexicon import names_delegates, person_words
from briefgen.extract.actors.names import canonical_name, tidy
from briefgen.extract.entities import entities_within
from briefgen.extract.furniture import is_furniture
from briefgen.extract.positions.units import subtree_span, unit_bounds
from briefgen.extract.positions.voices import FIRST_PERSON, Voices, first_person
from briefgen.extract.vocabulary import EVENT_NOUNS
from briefgen.model import Speaker

SUBJECT_DEPS = ("nsubj", "csubj")
# Dependents that share their head's subject ("added" in "said … and added …").
SHARED_SUBJECT_DEPS = frozenset({"xcomp", "conj", "advcl", "pcomp"})
MODIFIED_NOUN_DEPS = frozenset({"relcl", "acl"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which", "whom"})
PERSON_PRONOUNS = frozenset({"he", "she", "him", "her", "i", "me"})
GROUP_PRONOUNS = frozenset({"they", "we", "them", "us"})
MAX_CLIMB = 4


def _noun_phrase(token: Token) -> Span:
    """The noun with its left modifiers and an "of" phrase ("a number of states"), without
    relative clauses or other trailing parts."""
    doc = token.doc
    start = min([token.i] + [c.left_edge.i for c in token.lefts if not c.is_punct])
    end = token.i + 1
    of_phrase = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of" and c.i == token.i + 1), None)
    if of_phrase is not None:
        objects = [c for c in of_phrase.children if c.dep_ == "pobj"]
        if objects:
            end = max([objects[0].i] + [c.right_edge.i for c in objects[0].lefts]) + 1
    return doc[start:end]


def own_subject(verb: Token) -> Optional[Token]:
    """The verb's own subject or agent within its sentence and paragraph, if the parse gave one."""
    unit_start, unit_end = unit_bounds(verb)
    return next(
        (c for c in verb.children if (c.dep_ in SUBJECT_DEPS or c.dep_ == "agent") and unit_start <= c.i < unit_end), None
    )


def speaker_mention(cue: Token) -> Optional[Span]:
    """The words naming who ``cue`` attributes to, or None (an implicit source).

    The search never leaves the cue's sentence and paragraph: an arc that crosses a
    paragraph break comes from a parse that joined two paragraphs, and is wrong.
    """
    mention = _subject_words(cue)
    return _after_turn_label(mention) if mention is not None else None


def _after_turn_label(mention: Span) -> Span:
    """"[Shri Yatin Patel, OSD (PR): Sir,] Dhairya from Sputnik has asked": a transcript's
    turn label and the vocative after it, which the parser may hang on the subject, are not
    who asks."""
    doc = mention.doc
    colons = [t.i for t in mention if t.is_punct and t.text.endswith(":") and t.i < mention.end - 1]
    start = colons[-1] + 1 if colons else mention.start
    if start + 2 < mention.end and person_words().is_honorific(doc[start].text) and doc[start + 1].text == ",":
        start += 2
    return doc[start: mention.end] if start > mention.start else mention


def _subject_words(cue: Token) -> Optional[Span]:
    unit_start, unit_end = unit_bounds(cue)
    verb = cue
    for _ in range(MAX_CLIMB + 1):
        subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and unit_start <= c.i < unit_end]
        if subjects:
            # A relative pronoun ("…, who said") is the mention; it resolves to its noun.
            return subtree_span(min(subjects, key=lambda c: abs(c.i - verb.i)))
        agents = [o for c in verb.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
        if agents:
            return subtree_span(agents[0])
        passive_subjects = [c for c in verb.children if c.dep_ == "nsubjpass" and unit_start <= c.i < unit_end]
        if verb is cue and any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
            # "It was announced that …", "Ana Park was asked …": the source goes unnamed;
            # the passive subject is what was said or who was addressed.
            return None
        if passive_subjects:
            # "Ana Park was prompted to say …": who was prompted is who says.
            return subtree_span(passive_subjects[0])
        if not unit_start <= verb.head.i < unit_end or verb.head.i == verb.i:
            return None
        if verb.dep_ in MODIFIED_NOUN_DEPS:
            # "officials speaking on condition of anonymity": the noun is the speaker, when
            # it can be one; "had reason to know" is the subject's, of the verb above.
            if _can_speak(verb.head):
                return _noun_phrase(verb.head)
            if verb.head.dep_ in ("dobj", "attr", "pobj") and verb.head.head.i != verb.head.i:
                verb = verb.head.head
                continue
            return None
        possessors = [c for c in verb.children if c.dep_ == "poss"]
        if possessors and verb.pos_ in ("NOUN", "VERB"):
            # "Ana Park's talking about …", "their strategy of attacking …".
            return subtree_span(possessors[0])
        if verb.dep_ == "prep" and verb.head.pos_ == "NOUN":
            noun_possessors = [c for c in verb.head.children if c.dep_ == "poss"]
            return subtree_span(noun_possessors[0]) if noun_possessors else None
        if verb.dep_ in SHARED_SUBJECT_DEPS or verb.dep_ == "acomp" or (verb.pos_ == "ADP" and verb.dep_ == "prep"):
            # Infinitives, participles and coordinated verbs share the subject above them,
            # through an adjective ("is quick to point out") or a preposition ("by saying").
            verb = verb.head
            continue
        return None
    return None


def _can_speak(noun: Token) -> bool:
    if noun.pos_ in ("PROPN", "PRON") or noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return True
    words = person_words()
    lemma = noun.lemma_.lower()
    return lemma in words.speaker_nouns or words.is_role(lemma)


@dataclass
class ResolvedSpeaker:
    speaker: Speaker
    # Why a person should check this attribution, if anything ("speaker inferred from 'he'").
    review: list[str] = field(default_factory=list)
    # How the name was reached when not written at the statement: "inferred" (a pronoun or
    # description resolved to a name), "unresolved" (a pronoun left as it is), NOT_A_SPEAKER
    # (a thing or a topic in the speaker's place) or None.
    doubt: Optional[str] = None


def _affiliation_in(mention: Span, actors: ActorIndex) -> Optional[str]:
    """The organisation or country a group mention names ("officials from the bloc")."""
    for token in mention:
        if token.dep_ == "pobj" and token.head.lower_ in ("from", "of", "at", "in", "with"):
            actor = actors.resolve(_noun_phrase(token))
            if actor is not None and actor.type in ("ORG", "GPE"):
                return actor.name
    for ent in entities_within(mention):
        if ent.label_ in ("ORG", "GPE", "NORP") and ent.root.i != mention.root.i:
            return canonical_name(ent.text)
    return None


QUANTITY_NOUNS = frozenset("number majority minority handful lot dozen dozens hundreds thousands percent share half third".split())


def _head_of_quantity(root: Token) -> Token:
    """"a number of cities", "most of the officials": the kind is the counted noun's."""
    if root.lemma_.lower() in QUANTITY_NOUNS or root.pos_ in ("NUM", "ADJ"):
        for child in root.children:
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
    return root


def _kind_of_unresolved(root: Token) -> str:
    lower = root.lower_
    if lower in PERSON_PRONOUNS:
        return "person"
    if lower in GROUP_PRONOUNS:
        return "group"
    words = person_words()
    plural = root.tag_ in ("NNS", "NNPS")
    kind = words.speaker_nouns.get(root.lemma_.lower())
    if kind is None and (words.is_role(root.lemma_) or words.is_role(lower)):
        kind = "person"
    if kind in ("person", "country"):
        return "group" if plural else kind
    if kind == "group":
        return "group"
    if kind == "organisation":
        return "group" if plural else "organisation"
    if root.ent_type_ == "NORP" or (plural and root.pos_ in ("NOUN", "PROPN")):
        return "group"
    if root.ent_type_ in ("ORG",):
        return "organisation"
    if root.ent_type_ in ("GPE",):
        return "country"
    return "unknown"


def _one_member(root: Token) -> bool:
    """A singular noun with an article: one member of a group, not the group ("the Republican")."""
    return root.tag_ in ("NN", "NNP") and any(c.dep_ == "det" and c.lower_ in ("the", "a", "an") for c in root.children)


def antecedent_of_relative(mention: Span) -> Span:
    """The noun a relative pronoun stands for ("Ana Park, who said …" → "Ana Park")."""
    root = mention.root
    if len(mention) != 1 or root.lower_ not in RELATIVE_PRONOUNS:
        return mention
    if root.head.dep_ in MODIFIED_NOUN_DEPS:
        noun = root.head.head
    elif root.lower_ in ("who", "whom") and root.i > 0 and root.doc[root.i - 1].pos_ in ("NOUN", "PROPN"):
        noun = root.doc[root.i - 1]  # the parser missed the relative clause: "… of Guinea who said"
    else:
        return mention
    if root.lower_ in ("who", "whom"):
        noun = _person_of(noun)
    return _noun_phrase(noun) if noun.pos_ in ("NOUN", "PROPN", "PRON") else mention


PLACE_OR_BODY_LABELS = frozenset({"GPE", "ORG", "LOC", "NORP", "FAC"})


def _person_of(noun: Token) -> Token:
    """"Who" is a person: in "Alpha Conde, President of the Republic of Guinea who said …" the
    parser hangs the clause on the country; the person is the one whose title names it."""
    for _ in range(MAX_CLIMB):
        if noun.ent_type_ not in PLACE_OR_BODY_LABELS or noun.dep_ not in ("pobj", "appos", "compound"):
            break
        noun = noun.head.head if noun.dep_ == "pobj" else noun.head
    while noun.dep_ == "appos" and noun.ent_type_ != "PERSON" and noun.head.ent_type_ == "PERSON":
        noun = noun.head  # "Alpha Conde, President of …": the name, not the title
    return noun


PLURAL_REACH_SENTENCES = 2


def plural_antecedent(pronoun: Token) -> Optional[Span]:
    """The plural subject "they" most likely stands for, in its sentence or the two before.

    Only a subject that is a plural noun or a coordination ("officials from the bloc",
    "Ana Park and Ravi Menon"); anything less certain leaves "they" as written. Within a
    sentence the subject of its main clause comes first: "The two leaders were of the view
    that Britain and Pakistan …" leaves "they" to the leaders.
    """
    doc = pronoun.doc
    sentence = pronoun.sent
    for _ in range(PLURAL_REACH_SENTENCES + 1):
        candidates = [t for t in sentence if t.i < pronoun.i and t.dep_ in ("nsubj", "nsubjpass") and t.pos_ != "PRON"
                      and (t.tag_ in ("NNS", "NNPS") or any(c.dep_ == "conj" for c in t.children))]
        if candidates:
            main = [t for t in candidates if t.head.dep_ in ("ROOT", "conj") and t.head.head.dep_ in ("ROOT", "conj")]
            return subtree_span(main[0] if main else candidates[-1])
        if sentence.start == 0:
            return None
        sentence = doc[sentence.start - 1].sent
    return None


# The doubt of a mention that names no speaker at all: its attribution is no statement.
NOT_A_SPEAKER = "not a speaker"
# What a speaker who cannot be named is called: never a pronoun, never a guess.
UNIDENTIFIED = "unidentified"
# Documents that speak for whoever issued them: "the joint statement said", "the declaration
# called for".
ISSUED_DOCUMENTS = frozenset(
    "statement declaration communiqué communique readout release document text resolution letter note message "
    "memo memorandum tweet post transcript report editorial article column".split()
)
# What a meeting issues, and so speaks for those who held it when no one else is said to
# have issued it; a "report" or a "letter" may be anyone's.
OUTCOME_DOCUMENTS = frozenset("declaration communiqué communique document text resolution".split())
ISSUING_VERBS = frozenset("issue release publish adopt sign post send deliver make read put approve agree endorse".split())
# Who keeps a record, most likely first: an office before a country, a country before a person.
RECORD_KEEPERS = ("ORG", "GPE", "PERSON")
# Records that carry someone's words or findings without being their author.
RECORD_NOUNS = frozenset("detail details information data figure figures record records website page footage video "
                         "image images photo photos account feed channel".split())
ISSUER_REACH_SENTENCES = 12


def resolve_speaker(mention: Optional[Span], actors: ActorIndex, voices: Optional[Voices] = None) -> ResolvedSpeaker:
    mention = _without_furniture(mention)
    if mention is None:
        return ResolvedSpeaker(Speaker(name="unattributed", kind="unknown"), ["no speaker named at this statement"])
    lower = mention.root.lower_
    if lower in FIRST_PERSON and mention.root.pos_ == "PRON":  # "We", "We, the leaders of …,"
        speaker = first_person(mention.root, voices, actors) if voices is not None else None
        if speaker is not None:
            return ResolvedSpeaker(speaker, [f"speaker inferred from {mention.text!r}"], "inferred")
        return _unidentified(mention)
    if len(mention) == 1 and lower == "they":
        antecedent = plural_antecedent(mention.root)
        if antecedent is not None:
            resolved = resolve_speaker(antecedent, actors, voices)
            if resolved.doubt != "unresolved":
                return ResolvedSpeaker(resolved.speaker, [f"speaker inferred from {mention.text!r}", *resolved.review], "inferred")
        elif len(actors.participants) >= 2:
            # No plural subject before it: in a report of a meeting "they" are those who met.
            members = actors.participants
            speaker = group_speaker(members)
            return ResolvedSpeaker(speaker, [f"speaker {mention.text!r} read as the occasion's participants"], "inferred")
        return _unidentified(mention)
    mention = antecedent_of_relative(mention)
    root = mention.root
    body = _body_of_members(root, actors)
    if body is not None:
        return ResolvedSpeaker(body, [f"speaker inferred from {mention.text!r}"], "inferred")
    members = actors.group_members(mention) or _coordinated_people(mention, actors)
    if members:
        speaker = group_speaker(members)
        return ResolvedSpeaker(speaker, [f"speaker {mention.text!r} read as the occasion's participants"], "inferred")
    body = _earlier_delegates_body(mention, actors)
    if body is not None:
        return ResolvedSpeaker(body, [f"speaker inferred from {mention.text!r}"], "inferred")
    if root.lemma_.lower() in ISSUED_DOCUMENTS and root.pos_ == "NOUN":
        issuer = _issuer(mention, actors, voices)
        if issuer is None and root.lemma_.lower() in OUTCOME_DOCUMENTS:
            # A summit's declaration is its body's; a bilateral meeting's, its participants'.
            issuer = _occasion_body(mention, actors) or _participants(actors)
        if issuer is not None:
            return ResolvedSpeaker(issuer, [f"speaker inferred from {mention.text!r}"], "inferred")
        return ResolvedSpeaker(Speaker(name=UNIDENTIFIED, kind="unknown"),
                               [f"who issued {mention.text!r} is not said"], "unresolved")
    if root.lemma_.lower() in RECORD_NOUNS:
        # "details available on the website of the Prime Minister's Office", "footage released
        # by the army": the record speaks for whoever it names.
        named = sorted((e for e in entities_within(mention) if e.label_ in RECORD_KEEPERS),
                       key=lambda e: RECORD_KEEPERS.index(e.label_))
        if named:
            actor = actors.resolve(named[0])
            speaker = speaker_of(actor) if actor is not None else Speaker(name=tidy(named[0].text), kind=SPEAKER_KINDS[named[0].label_])
            return ResolvedSpeaker(speaker, [f"speaker inferred from {mention.text!r}"], "inferred")
        keeper = next((t for t in mention if t.dep_ == "pobj" and t.pos_ == "PROPN"), None)
        if keeper is not None:  # "the website of the Prime Minister's Office of Japan", a name the tagger missed
            speaker = Speaker(name=tidy(subtree_span(keeper).text), kind="organisation")
            return ResolvedSpeaker(speaker, [f"speaker inferred from {mention.text!r}"], "inferred")
    if root.lemma_.lower() in GATHERING_NOUNS and root.pos_ == "NOUN":
        gathering = _gathering(mention, actors)
        if gathering is not None:
            return ResolvedSpeaker(gathering, [f"speaker inferred from {mention.text!r}"], "inferred")
        return ResolvedSpeaker(Speaker(name=UNIDENTIFIED, kind="unknown"),
                               [f"who met at {mention.text!r} is not said"], "unresolved")
    actor = actors.resolve(mention)
    if actor is not None and actor.type == "NORP" and _one_member(root):
        # "the Kentucky Republican", "a Democrat": one person described by party or nation.
        speaker = Speaker(name=tidy(mention.text) or mention.text, affiliation=actor.name, kind="person")
        return ResolvedSpeaker(speaker, [f"speaker {mention.text!r} not resolved to a name"], "unresolved")
    if actor is not None:
        speaker = speaker_of(actor)
        if root.pos_ == "PRON" or root.i not in {t.i for ent in entities_within(mention) for t in ent}:
            return ResolvedSpeaker(speaker, [f"speaker inferred from {mention.text!r}"], "inferred")
        return ResolvedSpeaker(speaker)
    if root.pos_ == "PRON":
        return _unidentified(mention)
    head = _head_of_quantity(root)
    if head.ent_type_ in TIME_AND_NUMBER_ENTITIES or (head.pos_ == "NOUN" and _names_a_thing(head) and not _can_speak(head)):
        # "Recent skirmishes on the India-China border underline the need …", "the goals of
        # the Quad are to …", "The last 40 years have seen …": a thing, a topic or a time
        # stands where a speaker would, whatever names follow it, and no one is quoted.
        return ResolvedSpeaker(Speaker(name=UNIDENTIFIED, kind="unknown"),
                               [f"{mention.text!r} names no one who can speak"], "unresolved")
    if _only_an_office(mention) and _fuller_mention(mention) is None:
        # "The President is hoping …" where no president is named, "the ministers": an office
        # is not a name; the mention stays on the statement for the reader to resolve.
        return _unidentified(mention)
    outlet = _outlet(root, actors)
    if outlet is not None and root.is_title and root.i == mention.start:
        # "Meghna from Doordarshan is asking": a journalist named with the outlet they ask for.
        name = tidy(mention.doc[mention.start: outlet[0].i].text)
        return ResolvedSpeaker(Speaker(name=name, affiliation=outlet[1].name, kind="person"))
    kind = _kind_of_unresolved(head)
    name = _fuller_mention(mention) or tidy(mention.text) or mention.text
    affiliation = _affiliation_in(mention, actors) if kind in ("group", "person", "unknown") else None
    return ResolvedSpeaker(Speaker(name=name, affiliation=affiliation, kind=kind))


def _only_an_office(mention: Span) -> bool:
    """"The President", "the former Ambassador", "the Prime Ministers": "the", words that
    describe, and a role word, naming no one and nothing more."""
    root = mention.root
    words = person_words()
    if not (words.is_role(root.lemma_) or words.is_role(root.lower_) or words.is_title(root.text, root.lemma_)):
        return False
    before = [t for t in mention if t.i < root.i]
    after = [t for t in mention if t.i > root.i]
    return (bool(before) and before[0].lower_ == "the" and not after and not entities_within(mention)
            and all(t.pos_ in ("ADJ", "PROPN", "NOUN") or t.lower_ == "the" for t in before))


def _outlet(root: Token, actors: ActorIndex):
    """The "from <organisation>" a speaker is named with, as (the preposition, the actor)."""
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ == "from":
            body = next((c for c in child.children if c.dep_ == "pobj"), None)
            actor = actors.actor_at(body.i) if body is not None else None
            if actor is not None and actor.type == "ORG":
                return child, actor
    return None


def _without_furniture(mention: Optional[Span]) -> Optional[Span]:
    """A mention less a dateline the parser took into it ("TEHRAN (Tasnim) – The BRICS
    leaders"); None when no word of a name is left (a stray quotation mark)."""
    if mention is None:
        return None
    start = mention.start
    while start < mention.end and (is_furniture(mention.doc[start]) or not mention.doc[start].is_alpha):
        start += 1
    if start >= mention.end:
        return None
    return mention.doc[start: mention.end] if start > mention.start else mention


# Gatherings that speak through what they adopt: "the summit called for …".
GATHERING_NOUNS = frozenset("meeting summit session conference assembly gathering forum".split())


def _gathering(mention: Span, actors: ActorIndex) -> Optional[Speaker]:
    """"The ECOWAS summit called for …" is ECOWAS; "the meeting agreed …" its participants."""
    root = mention.root
    if root.lemma_.lower() not in GATHERING_NOUNS or root.pos_ != "NOUN":
        return None
    for token in mention:
        actor = actors.actor_at(token.i)
        if actor is not None and actor.type == "ORG" and token.i != root.i:
            return speaker_of(actor)
    # "The summit called for …" after "ECOWAS leaders met at an extraordinary summit": the
    # body whose gathering the article first names.
    for token in mention.doc[: mention.start]:
        if token.lemma_.lower() == root.lemma_.lower():
            # The same gathering told before, with whatever it was told with ("In an
            # Extraordinary Summit …, held in Abuja, the Heads of State of ECOWAS called …").
            owners = [a for t in token.subtree if (a := actors.actor_at(t.i)) is not None and a.type == "ORG"]
            if owners:
                return speaker_of(owners[0])
    return _participants(actors) or _occasion_body(mention, actors)


def _participants(actors: ActorIndex) -> Optional[Speaker]:
    """The people the lead names as meeting, together."""
    return group_speaker(actors.participants) if len(actors.participants) >= 2 else None


def _occasion_body(mention: Span, actors: ActorIndex) -> Optional[Speaker]:
    """The body whose gathering the article names first ("the IX Summit of … (CELAC)")."""
    for token in mention.doc[: mention.start]:
        holder = _holder(token, actors) if token.lemma_.lower() in GATHERING_NOUNS else None
        if holder is not None:
            return holder
    return None


def _holder(gathering: Token, actors: ActorIndex) -> Optional[Speaker]:
    """The body that holds a gathering, named by what it is "of" ("the IX Summit of the
    Community … (CELAC)", with its appositive, or "of ECOWAS Heads of State") or by its own
    modifiers ("the ECOWAS summit", "the bloc's summit"); not by a dateline hung on it, nor by
    "a meeting of Central Bank authorities", whose holders are people."""
    words = []
    for child in gathering.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for body in child.children:
                if body.dep_ == "pobj":
                    words += [body] + [c for c in body.children if c.dep_ == "appos"]
    words += [c for c in gathering.children if c.dep_ in ("compound", "poss", "nmod", "amod")]
    owner = next((a for t in words if (a := actors.actor_at(t.i)) is not None and a.type == "ORG"), None)
    if owner is not None:
        return speaker_of(owner)
    # "an extraordinary summit of ECOWAS Heads of State": the body whose people meet.
    return next((body for t in words if (body := _body_of_members(t, actors)) is not None), None)


def _body_of_members(root: Token, actors: ActorIndex) -> Optional[Speaker]:
    """"The members of the Security Council condemned …": the body speaks."""
    if not names_delegates(root.lemma_, root.tag_):
        return None
    members = root.lower_.startswith("member")  # "the members of Mercosur": its states, a body too
    for child in root.children:
        if child.dep_ == "prep" and child.lower_ in ("of", "from"):
            body = next((c for c in child.children if c.dep_ == "pobj"), None)
            actor = actors.resolve(subtree_span(body)) if body is not None else None
            if actor is not None and (actor.type == "ORG" or (actor.type == "GPE" and members)):
                return speaker_of(actor)
    # The body further in ("heads of state and senior representatives of CELAC") or named
    # before them ("BRICS leaders", "CELAC member countries").
    named = [t for t in root.subtree if t.i > root.i] + [c for c in root.children if c.dep_ == "compound"]
    bodies = [a for t in named if (a := actors.actor_at(t.i)) is not None and a.type == "ORG"]
    if bodies:
        return speaker_of(bodies[0])
    # "The summit attendees": the body whose summit it was.
    gathering = next((c for c in root.children if c.dep_ == "compound" and c.lemma_.lower() in GATHERING_NOUNS), None)
    holder = _gathering(subtree_span(gathering), actors) if gathering is not None else None
    return holder if holder is not None and holder.kind == "organisation" else None


def _earlier_delegates_body(mention: Span, actors: ActorIndex) -> Optional[Speaker]:
    """"The leaders condemned …" after "Heads of State and Government from ECOWAS convened
    …": the body whose people the text named just before, when the mention is only "the"
    and a plural of people ("the leaders", "the ministers", "the delegates")."""
    root = mention.root
    if [c.lower_ for c in root.children if c.i < root.i] != ["the"] or root.tag_ not in ("NNS", "NNPS"):
        return None
    words = person_words()
    if not (names_delegates(root.lemma_, root.tag_) or words.is_role(root.lemma_)):
        return None
    for token in _just_before(mention):
        if token.tag_ in ("NNS", "NNPS") and (names_delegates(token.lemma_, token.tag_) or words.is_role(token.lemma_)):
            # "The leaders …" before may itself be the body's people named further back.
            body = _body_of_members(token, actors) or _earlier_delegates_body(_noun_phrase(token), actors)
            if body is not None:
                return body
    return None


# Suffixes of nouns of things, acts and states ("development", "tension", "security").
THING_SUFFIXES = ("tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ship", "hood", "ure", "age", "cy")
# Nouns of things and topics that stand where a speaker would when the parse goes wrong.
THING_NOUNS = frozenset(
    "goal issue need problem question matter situation condition skirmish incident move step plan idea effort "
    "effect impact result consequence outcome factor trend change rise fall increase decline fact reason "
    "way point area field topic subject aspect".split()
)


# Entities that are times and quantities, never speakers.
TIME_AND_NUMBER_ENTITIES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "MONEY", "PERCENT", "QUANTITY"})


def _names_a_thing(noun: Token) -> bool:
    """A common noun that names a thing, an act, a topic or a record, never someone who
    speaks: a word of events, topics or records, or one made like a thing ("development",
    "tension"). A noun not known either way ("the rebels", "troops") may name people."""
    if noun.ent_type_ in ("PERSON", "ORG", "GPE", "NORP"):
        return False
    lemma = noun.lemma_.lower()
    if lemma in EVENT_NOUNS or lemma in THING_NOUNS or lemma in RECORD_NOUNS:
        return True
    return lemma.endswith(THING_SUFFIXES)


def _coordinated_people(mention: Span, actors: ActorIndex) -> Optional[list]:
    """"Muhammad Nawaz Sharif and David Cameron reiterated …": the coordinated names, together."""
    root = mention.root
    named = next((c for c in root.children if c.dep_ == "appos"), None)
    if named is not None and person_words().is_title(root.text, root.lemma_):
        root = named  # "Presidents Maria Gonzalez and Ravi Rao": the names are the appositive's
    conjuncts = [root] + [t for t in root.subtree if t.dep_ == "conj" and mention.start <= t.i < mention.end]
    if len(conjuncts) < 2:
        return None
    people = []
    for token in conjuncts:
        actor = actors.actor_at(token.i)
        if actor is None:  # "… and his South Korean counterpart, Park Jin": the name beside the role
            actor = next((a for c in token.children if c.dep_ == "appos" and (a := actors.actor_at(c.i)) is not None), None)
        if actor is None or actor.type != "PERSON":
            return None
        if actor not in people:
            people.append(actor)
    return people if len(people) >= 2 else None


# How far back the fuller description of "the ministry" may stand: further back, "the
# government" of one paragraph is seldom the government of another.
FULLER_MENTION_REACH_SENTENCES = 3


def _just_before(mention: Span) -> list[Token]:
    """The words before a mention in its sentence and the few before it, latest first: as far
    as a description ("the ministry", "the leaders") reaches back."""
    doc = mention.doc
    earliest = mention.sent.start
    for _ in range(FULLER_MENTION_REACH_SENTENCES):
        if earliest == 0:
            break
        earliest = doc[earliest - 1].sent.start
    return list(reversed(doc[earliest: mention.start]))


def _fuller_mention(mention: Span) -> Optional[str]:
    """"The ministry said …" after "Seoul's foreign ministry said …": the fuller description
    the text gave the same speaker before."""
    root = mention.root
    modifiers = [c for c in root.children if c.i < root.i]
    if root.pos_ != "NOUN" or [c.lower_ for c in modifiers] != ["the"]:
        return None
    for token in _just_before(mention):
        plural = token.tag_ in ("NNS", "NNPS")
        if (token.lemma_.lower() == root.lemma_.lower() and token.pos_ in ("NOUN", "PROPN") and token.i != root.i
                and plural == (root.tag_ in ("NNS", "NNPS"))):
            described = [c for c in token.children if c.dep_ in ("poss", "amod", "compound") and c.i < token.i]
            if described:
                return tidy(token.doc[min(c.left_edge.i for c in described): token.i + 1].text)
    return None


def _unidentified(mention: Span) -> ResolvedSpeaker:
    """A pronoun no one can be found for: flagged, never given a name it may not have."""
    return ResolvedSpeaker(Speaker(name=UNIDENTIFIED, kind="unknown"), [f"speaker {mention.text!r} not resolved to a name"],
                           "unresolved")


def _issuer(mention: Span, actors: ActorIndex, voices: Optional[Voices]) -> Optional[Speaker]:
    """Who issued the document a mention names: "the ministry's statement", "a statement by
    the council", "the joint statement" (its participants), the subject of an earlier
    "… issued a statement", or the author of the document that is itself that statement."""
    root = mention.root
    issuer_word = _issuer_word(root)
    for child in root.children:
        named = None
        if issuer_word is not None and child.i == issuer_word.i:
            named = child
        elif child.dep_ == "prep" and child.lower_ in ("by", "from", "of"):
            named = next((c for c in child.children if c.dep_ == "pobj"), None)
        elif child.dep_ == "acl" and child.tag_ == "VBN":  # "the statement issued by the ministry"
            agent = next((c for c in child.children if c.dep_ == "agent"), None)
            named = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
        speaker = _named_speaker(subtree_span(named), actors, voices) if named is not None else None
        if speaker is None and child.dep_ == "poss" and child.pos_ == "PROPN":
            # "The Hindu's editorial": a publication the tagger took for something else.
            speaker = Speaker(name=tidy(subtree_span(child).text), kind="organisation")
        if speaker is not None:
            return speaker
    if any(c.lower_ == "joint" for c in root.children) and len(actors.participants) >= 2:
        members = actors.participants
        return group_speaker(members)
    if root.dep_ == "pobj" and root.head.dep_ == "prep" and root.head.head.pos_ in ("VERB", "AUX"):
        # "In a statement, the ministry said …", "concluded their summit with a communiqué that …"
        subject = next((c for c in root.head.head.children if c.dep_ == "nsubj"), None)
        speaker = _named_speaker(subtree_span(subject), actors, voices) if subject is not None else None
        if speaker is not None:
            return speaker
    issuing = _issuing_subject(root)
    speaker = _named_speaker(issuing, actors, voices) if issuing is not None else None
    if speaker is not None and not (speaker.name.islower() and " " not in speaker.name):
        return speaker  # but not "group" from "The group signed the declaration"
    if voices is not None and voices.author is not None and voices.title_names(root.lemma_.lower()):
        return voices.author
    return None


def _issuer_word(document: Token) -> Optional[Token]:
    """The word before a document that names who issued it: "the ministry's statement", "an
    EU statement", "a Palacio San Martín statement", "the Chinese statement"."""
    return next((c for c in document.children if c.i < document.i and (
        c.dep_ == "poss" or (c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in RECORD_KEEPERS + ("NORP",)))), None)


def _named_speaker(mention: Span, actors: ActorIndex, voices: Optional[Voices]) -> Optional[Speaker]:
    """The speaker a mention resolves to, when that is a name and not a pronoun left as written."""
    resolved = resolve_speaker(mention, actors, voices)
    if resolved.doubt == "unresolved" or resolved.speaker.name == UNIDENTIFIED:
        return None
    return resolved.speaker


# Words for a document that do not say which kind: "the document", "the text" is the last
# statement, declaration or communiqué the article says was issued.
GENERIC_DOCUMENTS = frozenset({"document", "text"})


def _issuing_subject(document: Token) -> Optional[Span]:
    """The subject of the nearest earlier clause that issued a document of this kind ("The
    two ministers issued a joint statement")."""
    doc = document.doc
    lemma = document.lemma_.lower()
    kinds = ISSUED_DOCUMENTS if lemma in GENERIC_DOCUMENTS else {lemma}
    sentences = 0
    for i in range(document.i - 1, -1, -1):
        token = doc[i]
        if token.is_sent_end:
            sentences += 1
            if sentences > ISSUER_REACH_SENTENCES:
                return None
        if token.lemma_.lower() not in kinds or token.pos_ not in ("NOUN", "PROPN"):
            continue
        issuer = _issuer_word(token)
        if issuer is not None:
            return subtree_span(issuer)  # "A Palacio San Martín statement reads …" before "the document"
        if token.dep_ == "appos":
            token = token.head  # "approved the Tegucigalpa Declaration, a document that …"
        verb = token.head
        if token.dep_ == "pobj" and verb.dep_ == "prep":
            verb = verb.head  # "agreed by consensus on the Declaration"
        if token.dep_ in ("dobj", "pobj") and verb.lemma_.lower() in ISSUING_VERBS:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                return subtree_span(subject)
        if token.dep_ == "nsubjpass" and verb.lemma_.lower() in ISSUING_VERBS:
            agent = next((c for c in verb.children if c.dep_ == "agent"), None)
            pobj = next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
            if pobj is not None:
                return subtree_span(pobj)
    return None
