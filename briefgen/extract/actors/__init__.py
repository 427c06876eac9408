"""Actors: the people, organisations and countries a document mentions (:mod:`.index`), and
their names (:mod:`.names`, which assembly uses without spaCy)."""
