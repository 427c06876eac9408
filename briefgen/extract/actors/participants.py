"""Who took part in the occasion an article reports, and whom "the two ministers" means.

Diplomatic reporting names the participants once, in its lead ("Foreign Minister Wang Yi
held talks with Cho Hyun, foreign minister of the ROK, in Beijing"), and from then on
speaks of them together: "the two ministers reaffirmed …", "both sides agreed …", "the
leaders called for …". A memo must print the names. The participants are the people the
first sentences of prose name (bylines and datelines are no prose), in the order they are
named; a group phrase stands for them when it can stand for no one else:

* it is a phrase of people who meet ("sides", "leaders", "ministers", "counterparts",
  "prime ministers") in the plural or after "both", with nothing more than a number and
  adjectives to it ("the two friendly prime ministers"; not "ministers of the bloc");
* its number, if it gives one ("two", "both", "four"), is the number of participants it
  can mean; a role it names ("ministers", "leaders") picks those participants whose role
  fits when exactly that many fit;
* without a number, it means the participants only when there are two or more.

Anything less certain leaves the phrase as written, for a person to resolve.
"""

from __future__ import annotations

from typing import Optional

from spacy.tokens import Span, Token

from briefgen.extract.actors.lexicon import plural_of
from briefgen.extract.furniture import is_furniture
from briefgen.model import Actor, Speaker

# The first sentences of prose whose people are the occasion's participants.
PARTICIPANT_SENTENCES = 3
MAX_PARTICIPANT_SENTENCES = 6
MIN_PROSE_WORDS = 6
NUMBER_WORDS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# Group nouns that stand for the participants, and the role words a participant's role must
# hold to be one of them (None: any participant).
LEADER_ROLES = ("president", "prime minister", "premier", "chancellor", "king", "queen", "emir", "prince", "sultan",
                "sheikh", "leader", "head of state", "head of government", "pm")
MINISTER_ROLES = ("minister", "secretary", "eam", "fm")
COLLECTIVE_NOUNS: dict[str, Optional[tuple[str, ...]]] = {
    "side": None, "party": None, "counterpart": None, "participant": None, "delegation": None,
    "leader": LEADER_ROLES, "president": ("president",), "premier": LEADER_ROLES, "minister": MINISTER_ROLES,
    "secretary": MINISTER_ROLES, "diplomat": None, "envoy": None, "chief": None,
}
DEFINITE_WORDS = frozenset({"the", "both", "these", "those", "their", "our"})
OTHER_WORDS = frozenset({"other", "some", "many", "several", "few", "most", "all", "various", "certain", "any", "more", "fellow"})
# What may stand in a group phrase besides its noun: "the two friendly prime ministers".
GROUP_PHRASE_DEPS = frozenset({"det", "nummod", "amod", "compound", "predet", "quantmod", "punct"})


def occasion_participants(doc, actors) -> list[Actor]:
    """The people named in the first sentences of prose, in the order they are named; further
    on when those name fewer than two ("The foreign ministers met in Tokyo. … The meeting was
    attended by …")."""
    found: list[Actor] = []
    sentences = 0
    for sentence in doc.sents:
        if sentences >= PARTICIPANT_SENTENCES and (len(found) >= 2 or sentences >= MAX_PARTICIPANT_SENTENCES):
            break
        words = [t for t in sentence if t.is_alpha and not is_furniture(t)]
        if len(words) < MIN_PROSE_WORDS:
            continue  # a headline, a dateline, a byline
        sentences += 1
        for token in sentence:
            actor = actors.actor_at(token.i)
            if actor is not None and actor.type == "PERSON" and actor not in found and not is_furniture(token) \
                    and not _accompanying(token):
                found.append(actor)
    return found


# Words by which a sentence names who came along, not who met: "Rajnath Singh, along with
# Defence Secretary Ajay Kumar, held a meeting with Lloyd Austin".
COMPANION_WORDS = frozenset({"along", "together", "accompanied", "alongside", "including", "joined"})


def _accompanying(token: Token) -> bool:
    for ancestor in token.ancestors:
        if ancestor.lower_ in COMPANION_WORDS or any(c.lower_ in COMPANION_WORDS and c.dep_ in ("advmod", "prep")
                                                     and c.i < token.i and ancestor.lower_ == "with" for c in ancestor.children):
            return True
        if ancestor.pos_ in ("VERB", "AUX"):
            return False
    return False


def _countries_named(root: Token, actors) -> list[Actor]:
    """The countries of "the foreign ministers of Korea and China", when the group's only
    other part is that list."""
    rest = [c for c in root.children if c.dep_ not in GROUP_PHRASE_DEPS and c.i > root.i]
    if len(rest) != 1 or rest[0].dep_ != "prep" or rest[0].lower_ not in ("of", "from"):
        return []
    named = [actors.actor_at(t.i) for t in rest[0].subtree if t.dep_ in ("pobj", "conj")]
    if not named or any(a is None or a.type != "GPE" for a in named):
        return []
    distinct: list[Actor] = []
    for actor in named:
        if actor not in distinct:
            distinct.append(actor)
    return distinct


def group_members(mention: Span, participants: list[Actor], actors) -> Optional[list[Actor]]:
    """The participants a group phrase ("both sides", "the two ministers") stands for, or None;
    ``actors`` (the document's ActorIndex) tells which words name countries."""
    root = mention.root
    lemma = plural_of(root.lemma_, root.tag_, COLLECTIVE_NOUNS) or root.lemma_.lower()  # "The Prime Ministers"
    if lemma not in COLLECTIVE_NOUNS or root.pos_ not in ("NOUN", "PROPN"):
        return None
    number = _number(root)
    if number is None and root.tag_ not in ("NNS", "NNPS") and not root.text.lower().endswith("s"):
        return None  # "the minister" is one person, resolved by role elsewhere
    countries = _countries_named(root, actors)
    if countries:
        number = len(countries)  # "the foreign ministers of Korea and China": one for each
    elif any(c.dep_ not in GROUP_PHRASE_DEPS for c in root.children if mention.start <= c.i < mention.end or c.i > root.i):
        return None  # "ministers of the bloc", "leaders who attended": a different group
    if not any(c.lower_ in DEFINITE_WORDS or c.dep_ == "poss" for c in root.children) and number is None:
        return None  # "other parties", "some ministers", "ministers": not the ones the lead named
    if any(c.lower_ in OTHER_WORDS for c in root.children):
        return None
    roles = COLLECTIVE_NOUNS[lemma]
    if roles is not None and lemma == "minister" and any(c.lower_ == "prime" for c in root.children):
        roles = ("prime minister", "pm", "premier")
    fitting = [a for a in participants if roles is None or _holds(a, roles)]
    if number is not None:
        return next((c for c in (fitting, participants) if len(c) == number), None)
    candidates = fitting if roles is not None else participants
    return candidates if len(candidates) >= 2 else None


def _number(root: Token) -> Optional[int]:
    for child in root.children:
        word = child.lower_
        if word in NUMBER_WORDS and child.dep_ in ("nummod", "det", "predet", "amod", "quantmod"):
            return NUMBER_WORDS[word]
        if child.like_num and child.text.isdigit():
            return int(child.text)
    return None


def _holds(actor: Actor, roles: tuple[str, ...]) -> bool:
    role = (actor.role or "").lower()
    return any(r in role for r in roles)


def members_name(members: list[Actor]) -> str:
    """"Narendra Modi and Fumio Kishida", "A, B and C"."""
    return join_names([a.name for a in members])


def join_names(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def group_speaker(members: list[Actor]) -> Speaker:
    """Several participants speaking as one ("the two ministers", a joint statement)."""
    return Speaker(name=members_name(members), kind="group", members=[a.name for a in members])
