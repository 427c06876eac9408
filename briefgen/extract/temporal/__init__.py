"""Temporal expressions: find them in a parsed document and normalize them as TIMEX3.

``tag_doc`` is the entry point; ``value_span`` turns a TIMEX3 value into the calendar days
it covers; ``to_timeml`` writes tagged text for TempEval tools.
"""

from briefgen.extract.temporal.tagger import tag_doc
from briefgen.extract.temporal.timeml import to_timeml
from briefgen.extract.temporal.timex import Timex
from briefgen.extract.temporal.values import value_span

__all__ = ["Timex", "tag_doc", "to_timeml", "value_span"]
