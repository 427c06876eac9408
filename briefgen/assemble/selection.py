"""What the memo shows of a briefing: the selection a reader of the printed memo needs.

The briefing JSON keeps everything that was extracted; the memo is a reading of it. Positions
are ranked per speaker, near-duplicates collapsed into one statement with all their evidence,
and statements without a named speaker left out (see ``assemble.positions``). The template's
cap on statements per speaker is applied by the memo layout, which also says how many
statements it left out. With ``max_events``, the timeline keeps the most important events
(see ``assemble.importance``) in timeline order, and a note says how many were left out.
"""

from __future__ import annotations

from typing import Optional

from briefgen.assemble.importance import most_important
from briefgen.assemble.positions import select_key_positions
from briefgen.errors import FilterError
from briefgen.model import Briefing


def check_max_events(max_events: Optional[int]) -> Optional[int]:
    if max_events is not None and (isinstance(max_events, bool) or not isinstance(max_events, int) or max_events < 1):
        raise FilterError(f"--max-events must be a whole number of 1 or more, not {max_events!r}")
    return max_events


def select_for_memo(briefing: Briefing, max_events: Optional[int] = None) -> Briefing:
    """The briefing with its positions ranked and deduplicated, its events capped, for the memo."""
    ranked = select_key_positions(briefing.positions, cap_per_speaker=max(len(briefing.positions), 1))
    update = {"positions": ranked}
    if check_max_events(max_events) is not None and len(briefing.events) > max_events:
        shown = most_important(briefing.events, briefing.actors, max_events)
        chosen = {id(e) for e in shown}
        left_out = [e for e in briefing.events if id(e) not in chosen]
        flagged = sum(1 for e in left_out if e.conflicting_dates or e.review)
        note = (f"The timeline shows the {len(shown)} most important of {len(briefing.events)} events (by number "
                f"of sources, mentions of their actors, type and confidence); {len(left_out)} "
                f"{'is' if len(left_out) == 1 else 'are'} left out")
        note += f", {flagged} of them with a date conflict or a review note." if flagged else "."
        note += " The briefing JSON lists every event."
        update |= {"events": shown, "notes": briefing.notes + [note]}
    return briefing.model_copy(update=update)
