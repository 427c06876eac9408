"""What the memo shows of a briefing: the selection a reader of the printed memo needs.

The briefing JSON keeps everything that was extracted; the memo is a reading of it. Positions
are ranked per speaker, near-duplicates collapsed into one statement with all their evidence,
and statements without a named speaker left out (see ``assemble.positions``). The template's
cap on statements per speaker is applied by the memo layout, which also says how many
statements it left out.
"""

from __future__ import annotations

from briefgen.assemble.positions import select_key_positions
from briefgen.model import Briefing


def select_for_memo(briefing: Briefing) -> Briefing:
    """The briefing with its positions ranked and deduplicated for the memo."""
    ranked = select_key_positions(briefing.positions, cap_per_speaker=max(len(briefing.positions), 1))
    return briefing.model_copy(update={"positions": ranked})
