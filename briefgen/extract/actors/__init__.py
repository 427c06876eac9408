"""Actors: the people, organisations and countries a document mentions, and their names."""

from briefgen.extract.actors.index import ActorIndex, find_actors
from briefgen.extract.actors.names import canonical_name

__all__ = ["ActorIndex", "canonical_name", "find_actors"]
