"""Extraction: one parsed document in, plain model objects out (:mod:`.document` runs the steps).

The package imports nothing heavy itself: assembly and rendering use its vocabularies
(:mod:`.vocabulary`, actor names, the cue lexicon) in runs where every document comes from
the cache, and those runs need not import spaCy.
"""
