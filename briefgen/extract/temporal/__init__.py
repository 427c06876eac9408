"""Temporal expressions: find them in a parsed document and normalize them as TIMEX3.

``tag_doc(doc, dct)`` returns every temporal expression of a spaCy ``Doc`` as a
:class:`Timex`, sorted and non-overlapping, with offsets into ``doc.text``. Values follow
TIMEX3 and keep the granularity of the text:

- dates: ``2020``, ``2024-08``, ``2024-08-28``, ``2024-W35``, ``2024-W35-WE`` (a weekend),
  ``2023-Q3``, ``2023-H1``, ``2022-SU``, ``199`` (the 1990s), ``19`` (the 20th century);
- times: ``2024-08-28T15:00``, ``2024-08-29TMO`` (this morning);
- durations: ``P3Y``, ``P10Y`` (a decade), ``PT5H30M``, ``PXY`` (several years);
- sets: ``P1Y`` (every year, annually), ``XXXX-WXX-1`` (every Monday);
- references: ``PRESENT_REF`` (now), ``PAST_REF`` (recently), ``FUTURE_REF`` (the future).

Relative expressions are resolved against ``dct``, the document creation time, using the
tense of their clause ("said on Wednesday" is the Wednesday before, "will meet on Friday"
the Friday after) and, for anaphoric ones ("a year earlier", "the following day"), the
dates the text gave before them. Without a DCT they keep ``X`` where the date is unknown
("XXXX-WXX-3") and their ``basis`` is ``"unresolved"``.

``mod`` uses the TimeML 1.2 names: "early 2020" is ``START``, "mid-2021" ``MID``, "late
2019" ``END``, "around 2019" ``APPROX``, "more than two years" ``MORE_THAN``. Ranges
("from 2001 to 2009", "Sept. 9-10", "1989-90") are one expression whose ``value`` is the
first end and ``end_value`` the last.

``value_span`` turns a value (and mod) into the first and last calendar day it covers;
``to_timeml`` writes tagged text as a TimeML document for TempEval tools.
"""

from briefgen.extract.temporal.tagger import tag_doc
from briefgen.extract.temporal.timeml import to_timeml
from briefgen.extract.temporal.timex import Timex
from briefgen.extract.temporal.values import value_span

__all__ = ["Timex", "tag_doc", "to_timeml", "value_span"]
