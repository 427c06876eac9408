"""Attribution: who said what — quotations, reported speech and stances, with their speakers.

``extract_positions(doc, source_id, actors, dates=None)`` is the entry point; the modules
split the work: :mod:`.quotes` (quotation marks), :mod:`.lexicon` (the cue lexicon),
:mod:`.content` (what a cue reports), :mod:`.speakers` (who it is attributed to),
:mod:`.attributions` (the search over a document), :mod:`.topics` and :mod:`.dates`
(what a statement is about and when it was made), :mod:`.build` (the Position records).
"""

from briefgen.extract.positions.build import extract_positions
from briefgen.extract.positions.lexicon import cue_class

__all__ = ["cue_class", "extract_positions"]
