"""Merging the actors of several sources into one list for the briefing.

Each source's actors were clustered within that source ("Ms. Park" and "Ana Park" are
already one); across sources the same person or country appears once per source and must
become one record. People match by name: the same family name and a compatible first name
("Ana Park", "A. Park"), or a lone family name that fits exactly one full name. Countries
and organisations match by canonical name ("US" and "United States").

``merge_actors`` returns the merged actors, renumbered A1.., and a lookup for renaming
references made before the merge. Its keys are

* ``(source_index, old_actor_id)``, e.g. ``(0, "A3")``, and
* ``(source_index, name)`` for the old actor's name and each of its aliases,

each mapping to the merged :class:`~briefgen.model.Actor`; a position's speaker name from
source ``i`` is renamed through ``lookup[(i, speaker.name)]``.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Optional

from briefgen.extract.actors.names import canonical_name
from briefgen.extract.actors.person_names import display_name, name_key, same_person
from briefgen.model import Actor


class _Group:
    def __init__(self, actor: Actor, number: int):
        self.members: list[Actor] = [actor]
        self.number = number  # creation order, which decides between equally good groups
        # The longest member name's key (the first of equal length): the group's full name.
        self.full_name = actor.name
        self.full_tokens = name_key(actor.name)

    def add(self, actor: Actor) -> None:
        self.members.append(actor)
        tokens = name_key(actor.name)
        if len(tokens) > len(self.full_tokens):
            self.full_name, self.full_tokens = actor.name, tokens

    def merged(self, number: int) -> Actor:
        names = [m.name for m in self.members]
        if self.members[0].type == "PERSON":
            name = display_name([n for n in names if len(name_key(n)) >= 2] or names)
        else:
            name = max(names, key=lambda n: (len(n.split()), -names.index(n)))
        aliases: list[str] = []
        for member in self.members:
            for alias in [member.name, *member.aliases]:
                if alias != name and alias not in aliases:
                    aliases.append(alias)
        type_ = Counter(m.type for m in self.members).most_common(1)[0][0]
        return Actor(
            id=f"A{number}",
            name=name,
            type=type_,
            role=next((m.role for m in self.members if m.role), None),
            affiliation=next((m.affiliation for m in self.members if m.affiliation), None),
            aliases=aliases,
            mentions=sum(m.mentions for m in self.members),
        )


class _People:
    """The person groups, indexed by the words of their full names, so that placing each of
    thousands of names does not scan every person met so far."""

    def __init__(self) -> None:
        self._by_word: dict[str, list[_Group]] = defaultdict(list)

    def find(self, actor: Actor) -> Optional[_Group]:
        tokens = name_key(actor.name)
        if len(tokens) >= 2:
            # Only a group sharing a word of the name, or written in another order, can be
            # the same person; transliterations share the family name.
            candidates = sorted({id(g): g for w in tokens for g in self._by_word.get(w, [])}.values(), key=lambda g: g.number)
            return next((g for g in candidates if same_person(g.full_name, actor.name)), None)
        # A lone name joins a person only when exactly one known full name fits it.
        fitting = self._by_word.get(tokens[-1], []) if tokens else []
        return fitting[0] if len(fitting) == 1 else None

    def add(self, group: _Group, actor: Optional[Actor] = None) -> None:
        """Index a new group, or add ``actor`` to an indexed one (its full name may grow)."""
        if actor is not None:
            self._unindex(group)
            group.add(actor)
        for word in set(group.full_tokens):
            self._by_word[word].append(group)

    def _unindex(self, group: _Group) -> None:
        for word in set(group.full_tokens):
            self._by_word[word].remove(group)


def merge_actors(per_source: list[list[Actor]]) -> tuple[list[Actor], dict]:
    """One record per person, organisation or country across sources, and a rename lookup."""
    groups: list[_Group] = []
    people = _People()
    by_name: dict[str, _Group] = {}
    placed: list[tuple[tuple[int, int], Actor, _Group]] = []
    # Full names first, so that a lone surname met early still finds its person.
    order = sorted(
        (((index, rank), actor) for index, actors in enumerate(per_source) for rank, actor in enumerate(actors)),
        key=lambda pair: (pair[1].type != "PERSON" or len(pair[1].name.split()) < 2),
    )
    for seen, actor in order:
        key = canonical_name(actor.name).lower() if actor.type != "PERSON" else ""
        if actor.type == "PERSON":
            group = people.find(actor)
        else:
            group = by_name.get(key)
            if group is not None and group.members[0].type == "PERSON":
                group = None
        if group is None:
            group = _Group(actor, len(groups))
            groups.append(group)
            if actor.type == "PERSON":
                people.add(group)
        elif group.members[0].type == "PERSON":
            people.add(group, actor)
        else:
            group.add(actor)
        if actor.type != "PERSON":
            by_name.setdefault(key, group)
        placed.append((seen, actor, group))
    # Renumber in the order actors were first seen, not in the merge order above.
    first_seen: dict[int, tuple[int, int]] = {}
    for seen, _, group in placed:
        first_seen[id(group)] = min(seen, first_seen.get(id(group), seen))
    ordered = sorted(groups, key=lambda g: first_seen[id(g)])
    merged = {id(g): g.merged(n) for n, g in enumerate(ordered, start=1)}
    lookup: dict = {}
    for (index, _), actor, group in placed:
        record = merged[id(group)]
        lookup[(index, actor.id)] = record
        for name in [actor.name, *actor.aliases]:
            lookup.setdefault((index, name), record)
    return [merged[id(g)] for g in ordered], lookup
