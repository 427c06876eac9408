"""One PERSON entity per written name of a person, set after the entity recognizer.

The small English model cuts and labels names of people from outside the United States
unevenly, and diplomatic reporting is full of them:

* titles inside the name: "Minisiter Narendra Modi" (a typing slip), "Ministers Muhammad
  Nawaz Sharif", "Datuk Seri Anwar Ibrahim";
* names cut short: "Ursula von der" + "Leyen" (a place), "Ingrid Solberg" of "Solberg-Lunde";
* a name under another label: "Von der Leyen" and "Retno LP Marsudi" as organisations, "EAM"
  (External Affairs Minister) as one.

Every later step reads the entities (who is who, who said what, what an event is about), so
they are repaired once, here: a leading run of courtesy titles and role words leaves the
name (a role word may be misspelt by a letter, or plural); particles ("von der", "bin", "al")
and the second half of a hyphenated name join it; an entity that is only a role word is no
entity; and a span under another label that is made of particles and a known name of a
person, or that starts or ends with one and names no organisation, becomes that person.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from briefgen.extract.actors.lexicon import names_delegates, person_words
from briefgen.extract.actors.names import is_country, known_name
from briefgen.extract.vocabulary import EVENT_NOUNS, OCCASION_NOUNS

COMPONENT_NAME = "briefgen_person_entities"
PERSON_PARTICLES = frozenset(
    "von van der den de la le da di du del della dos das al el bin ibn binti bint ben ter ten zu".split()
)
# Words that make a span an organisation's or a place's name, whoever it is named after.
ORGANISATION_WORDS = frozenset(
    "administration government ministry department office council party bank university college school "
    "institute foundation company corporation group association union organisation organization forum "
    "agency house fund court commission committee assembly parliament congress senate cabinet secretariat "
    "embassy mission army force forces police front movement alliance centre center airport port street "
    "road square hall palace hotel hospital inc corp ltd plc llc news times post press memorial tower "
    "stadium bridge avenue boulevard island islands river lake mountain prize award doctrine plan act law "
    "treaty agreement declaration summit conference dialogue initiative line strait sea gulf bay province "
    "state city county district region valley".split()
)
DOCUMENT_WORDS = frozenset("declaration statement transcript communiqué communique report resolution charter "
                           "memorandum treaty protocol".split())
# Words before a role word that belong to the title ("Prime Minister", "External Affairs Minister").
MAX_TITLE_WORDS = 4
# Punctuation inside names: "Jae-in", "O'Brien", "W. Bush".
NAME_PUNCTUATION = frozenset({"-", "‑", ".", "'", "’"})


# Prefixes of ships' names ("BRP Sierra Madre", "USS Abraham Lincoln"): a vessel is no actor.
VESSEL_PREFIXES = frozenset("BRP USS USNS HMS HMAS HMCS HMNZS INS PNS RFS KRI ROKS MV".split())


@Language.component(COMPONENT_NAME)
def repair_person_entities(doc: Doc) -> Doc:
    spans: list[Span] = []
    for ent in doc.ents:
        vessel = _vessel_start(ent) if ent.label_ in ("PERSON", "ORG") else None
        if vessel is not None:
            spans.append(Span(doc, vessel, ent.end, label="PRODUCT"))
            continue
        if ent.label_ in ("ORG", "GPE", "NORP", "PERSON") and all(_is_title_word(t) for t in ent if t.is_alpha):
            continue  # "EAM", "PM": a role, not a name
        if ent.label_ == "PERSON":
            repaired = _person_span(doc, ent)
            if repaired is None:
                continue
            listed = known_name(repaired.text)
            if listed is not None:
                # "Burkina Faso", "Xinhua" taken for people: the gazetteer knows better.
                repaired = Span(doc, repaired.start, repaired.end, label="GPE" if is_country(listed) else "ORG")
            spans.append(repaired)
            continue
        if ent.label_ == "ORG":
            if _words_of_a_title(ent):
                continue
            ent = _body_in_delegates(_without_dangling_words(ent))
            if ent is None:
                continue
        spans.append(ent)
    spans = _merge_overlaps(doc, spans)
    # The first and last words of the names tagged as people, by which a name under another
    # label is known to be a person's.
    known = {t.lower_ for s in spans if s.label_ == "PERSON" for t in (s[0], s[-1]) if t.is_alpha and len(t) > 2}
    spans = [_as_person(doc, s, known) for s in spans]
    doc.set_ents(_merge_overlaps(doc, spans), default="outside")
    return doc


def _vessel_start(ent: Span) -> int | None:
    """Where a ship's name starts when the entity is one ("[the] BRP Sierra Madre", or "Madre"
    after "BRP Sierra"): at its prefix, within the entity's first words or at most two
    capitalised words before it, with a name after the prefix."""
    doc = ent.doc
    candidates = list(range(ent.start, min(ent.start + 2, ent.end - 1)))  # inside, leaving a name after it
    for before in range(ent.start - 1, max(ent.start - 3, -1), -1):
        if not doc[before].text[:1].isupper():
            break
        candidates.append(before)
    return next((i for i in candidates if doc[i].text in VESSEL_PREFIXES), None)


# Words of "Heads of State and Government of …" that name no body.
OFFICE_WORDS = frozenset({"state", "government"})


def _words_of_a_title(ent: Span) -> bool:
    """"[External Affairs] Minister Ravi Rao": the words before a role word are the office's,
    not an organisation's, when no word of theirs names a body ("Foreign Ministry spokesperson"
    keeps its ministry) and they are no known body's name or acronym ("FBI director")."""
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    return (after is not None and person_words().is_role(after.lower_)
            and not any(t.lower_ in ORGANISATION_WORDS or t.is_upper for t in ent)  # "FBI director" keeps the FBI
            and known_name(ent.text) is None)


def _without_dangling_words(ent: Span) -> Span | None:
    """"[State Enterprises and] parastatals": a name ends in a name's word, not in "and" or
    "of"; None when nothing is left."""
    end = ent.end
    while end > ent.start and ent.doc[end - 1].pos_ in ("CCONJ", "ADP", "PUNCT", "DET", "SPACE"):
        end -= 1
    return Span(ent.doc, ent.start, end, label=ent.label_) if end > ent.start else None


def _body_in_delegates(ent: Span | None) -> Span | None:
    """"[Heads of State and Government of the African Union]" tagged as one organisation is
    people sent by one: the body is the organisation ("the African Union"), the people are
    none; None when no body is named in it. So is "Heads of [State and Government of
    Niger]", the office the tagger took for the name."""
    if ent is None:
        return None
    root = ent.root
    before = ent.doc[ent.start - 2: ent.start] if ent.start >= 2 else None
    office = (ent[0].lower_ in OFFICE_WORDS and before is not None and before[1].lower_ == "of"
              and before[0].lower_ in ("head", "heads"))
    if not office and not names_delegates(root.lemma_, root.tag_):
        return ent
    body = next((t for t in root.subtree if t.dep_ == "pobj" and ent.start <= t.i < ent.end
                 and t.lemma_.lower() not in OFFICE_WORDS and t.i > ent.start), None)
    if body is None:
        return None
    # The body's whole name, which the tagger may have cut ("the Economic Community" of
    # "… of West African States"), less an appositive after it ("(ECOWAS)").
    within = {t.i for t in body.subtree}
    start = end = min(within)
    while end in within and not ent.doc[end].is_punct and ent.doc[end].dep_ != "appos":
        end += 1
    return Span(ent.doc, start, max(end, ent.end), label="ORG")


def _person_span(doc: Doc, ent: Span) -> Span | None:
    start, end = ent.start, ent.end
    title_end = _title_length(doc, start, end)
    if title_end is not None:
        start = title_end
    # "’s Attendance", "Briefing Transcript": no name starts with a mark or a word of events.
    cut = False
    while start < end and (not doc[start].is_alpha or _names_no_one(doc[start])):
        start += 1
        cut = True
    # A headline in title case runs words into the name: "Cho Hyun “Repeated Request",
    # "Fontelles discuss Indo-Pacific", "Lavrov Hold Talks". A name holds no quotation mark,
    # no word in lower case but its particles, and none of the words news tells events with.
    for i in range(start + 1, end):
        token = doc[i]
        if (token.is_quote or (token.is_punct and token.text not in NAME_PUNCTUATION)
                or (token.is_lower and token.lower_ not in PERSON_PARTICLES and doc[i - 1].text not in NAME_PUNCTUATION)
                or _names_no_one(token)):
            end = i
            cut = True
            break
    if cut and end - start < 2:
        return None  # "Johannesburg Declaration 2", "Follow Sputnik": what is left names no one for sure
    if end - start == 1 and doc[start].pos_ in ("VERB", "AUX", "ADV", "ADP", "DET", "ADJ"):
        return None  # "Preceded" opening a sentence
    # "Ursula von der" + "Leyen", "Ingrid Solberg" + "-Lunde": the rest of the name.
    while end < len(doc):
        token = doc[end]
        if token.lower_ in PERSON_PARTICLES and end + 1 < len(doc) and doc[end + 1].is_title:
            end += 2
        elif token.text in ("-", "‑") and not doc[end - 1].whitespace_ and end + 1 < len(doc) and doc[end + 1].is_title and not token.whitespace_:
            end += 2
        elif doc[end - 1].lower_ in PERSON_PARTICLES and token.is_title:
            end += 1
        else:
            break
    # "Majed al-" / "von der" before the entity: particles and the given name before them.
    while start > 0 and doc[start - 1].lower_ in PERSON_PARTICLES and doc[start - 1].is_lower:
        start -= 1
        if start > 0 and doc[start - 1].is_title and doc[start - 1].pos_ == "PROPN" and not _is_title_word(doc[start - 1]):
            start -= 1
    if end <= start:
        return None
    return Span(doc, start, end, label="PERSON")


def _names_no_one(token: Token) -> bool:
    """A word of events, documents or saying inside a headline's run of capitals ("Lavrov
    Hold Talks", "Johannesburg Declaration")."""
    lemma = token.lemma_.lower()
    return (lemma in EVENT_NOUNS or lemma in OCCASION_NOUNS or lemma in DOCUMENT_WORDS
            or (token.pos_ == "VERB" and token.is_title))


def _title_length(doc: Doc, start: int, end: int) -> int | None:
    """Where a leading run of courtesy titles and role words in a name ends, if it has one.

    "Prime Minister Narendra Modi" → at "Narendra"; the run may hold words before its last
    role word ("External Affairs Minister") but must leave at least one word of the name.
    """
    last_title = None
    for i in range(start, min(start + MAX_TITLE_WORDS, end - 1)):
        token = doc[i]
        if _is_title_word(token):
            last_title = i
        elif not (token.is_title or token.is_upper or token.is_punct):
            break
    return None if last_title is None else last_title + 1


def _is_title_word(token: Token) -> bool:
    return person_words().is_title(token.text, token.lemma_)


def _as_person(doc: Doc, span: Span, known: set[str]) -> Span:
    """A span under another label that is a known person's name ("Von der Leyen" as an
    organisation, "Retno LP Marsudi" as one) becomes that person."""
    if span.label_ == "PERSON" or len(span) > 5 or any(t.lower_ in ORGANISATION_WORDS for t in span):
        return span
    words = [t for t in span if t.is_alpha]
    if not words or not all(t.is_title or t.is_upper or t.lower_ in PERSON_PARTICLES for t in words):
        return span
    if words[0].lower_ in PERSON_PARTICLES and words[-1].lower_ in known:
        return Span(doc, span.start, span.end, label="PERSON")
    if len(words) >= 2 and (words[0].lower_ in known or words[-1].lower_ in known) and words[-1].is_title:
        return _person_span(doc, span) or span  # "PM Modi" as an organisation: Modi, without the title
    if len(words) >= 2 and _names_the_office_holder(span) and known_name(span.text) is None:
        # "The assistant director general of the WHO, Keiji Fukuda": the name an office is given
        return Span(doc, span.start, span.end, label="PERSON")
    return _person_of_a_country(doc, span) or span


# "Japan’s", and "the United States’", whose lone apostrophe the tagger reads as a quotation mark.
POSSESSIVE_MARKS = frozenset({"'s", "’s", "'", "’"})


def _person_of_a_country(doc: Doc, span: Span) -> Span | None:
    """"Japan’s Yoko Kamikawa", "the United States’ Antony Blinken": a given and a family name
    after a country's possessive, which the tagger took for a place; None for anything else
    (a known name, a one-word place, an organisation).

    A two-word place of a country the gazetteer does not know ("China’s Inner Mongolia")
    would pass; such places mostly carry a word that marks them ("Province", "Island"),
    and the tagger rarely takes them for anything but places."""
    if span.label_ != "GPE" or known_name(span.text) is not None:
        return None  # an organisation after a country ("Switzerland's Novartis AG") is a company
    start = span.start
    # the given name the tagger left outside: "Japan’s Yoko [Kamikawa]"
    while start > 0 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].is_title and not doc[start - 1].ent_type_:
        start -= 1
    if span.end - start < 2 or start < 2 or doc[start - 1].lower_ not in POSSESSIVE_MARKS:
        return None
    owner_end = start - 1
    owner_start = owner_end - 1
    while owner_start > 0 and doc[owner_start].ent_iob_ == "I":
        owner_start -= 1  # the whole of "the United States" before "’"
    owner = doc[owner_start: owner_end]
    country = known_name(owner.text) if owner[-1].ent_type_ in ("GPE", "NORP") else None
    if country is None or not is_country(country):
        return None
    return Span(doc, start, span.end, label="PERSON")


def _names_the_office_holder(span: Span) -> bool:
    """The span stands beside a role word as its appositive, the way a person's name does."""
    root = span.root
    return root.dep_ == "appos" and person_words().is_role(root.head.lemma_) and root.head.i < span.start


def _merge_overlaps(doc: Doc, spans: list[Span]) -> list[Span]:
    """Spans without overlaps: a grown name takes in the entity it ran into."""
    result: list[Span] = []
    for span in sorted(spans, key=lambda s: (s.start, -(s.end - s.start))):
        if result and span.start < result[-1].end:
            previous = result[-1]
            if previous.label_ == "PERSON" and span.end > previous.end:
                result[-1] = Span(doc, previous.start, span.end, label="PERSON")
            continue
        result.append(span)
    return result
