"""Attribution: who said what — quotations, reported speech and stances, with their speakers.

``build.extract_positions(doc, source_id, actors, dates=None)`` is the entry point. The modules
split the work: :mod:`.quotes` (quotation marks), :mod:`.lexicon` (the cue lexicon),
:mod:`.units` (sentence-and-paragraph units), :mod:`.content` (what a cue reports),
:mod:`.nominal` (nouns and adjectives as cues), :mod:`.reporting_clause` (speaker and
content read off the words where the parse fails), :mod:`.speakers` (who a cue attributes
to, resolved to a name), :mod:`.attributions` (the search over a document),
:mod:`.reliability` (how far to trust each one), :mod:`.topics` and :mod:`.dates` (what a
statement is about and when it was made), :mod:`.build` (the Position records).

The package itself imports nothing: assembly ranks statements with the cue lexicon in runs
that need not import spaCy.
"""
