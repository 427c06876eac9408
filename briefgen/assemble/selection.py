"""What the memo shows of a briefing: the selection a reader of the printed memo needs.

The briefing JSON keeps everything that was extracted; the memo is a reading of it. Positions
are ranked per speaker, near-duplicates collapsed into one statement with all their evidence,
and statements without a named speaker left out (see ``assemble.positions``). The template's
cap on statements per speaker is applied by the memo layout, which also says how many
statements it left out.

The timeline is one of two readings, and a note says which:

* a **digest** of the key days (``assemble.digest``): ``key_days`` days with up to ``per_day``
  statements each. Without ``key_days`` or ``max_events``, a briefing of more than a handful
  of articles gets one, of a size that follows from its number of articles;
* the **events**, every one, or with ``max_events`` the most important (see
  ``assemble.importance``) in timeline order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from briefgen.assemble.digest import DEFAULT_PER_DAY, Digest, build_digest, default_key_days
from briefgen.assemble.importance import most_important
from briefgen.assemble.positions import select_key_positions
from briefgen.assemble.summary import summarize
from briefgen.errors import FilterError
from briefgen.model import Briefing


@dataclass(frozen=True)
class MemoSelection:
    """The briefing as the memo shows it, and the digest its timeline shows (None: the events)."""

    briefing: Briefing
    digest: Optional[Digest] = None


def _check_count(value: Optional[int], option: str) -> None:
    if value is not None and (isinstance(value, bool) or not isinstance(value, int) or value < 1):
        raise FilterError(f"{option} must be a whole number of 1 or more, not {value!r}")


def check_memo_timeline(max_events: Optional[int] = None, key_days: Optional[int] = None,
                        per_day: Optional[int] = None) -> None:
    """Refuse malformed or contradictory timeline options before any work is done."""
    _check_count(max_events, "--max-events")
    _check_count(key_days, "--key-days")
    _check_count(per_day, "--per-day")
    if max_events is not None and key_days is not None:
        raise FilterError("--max-events and --key-days choose the memo's timeline in two ways; give one of them")


def select_for_memo(briefing: Briefing, max_events: Optional[int] = None, key_days: Optional[int] = None,
                    per_day: Optional[int] = None) -> MemoSelection:
    """The briefing with its positions ranked and deduplicated, and its timeline as the memo shows it."""
    check_memo_timeline(max_events, key_days, per_day)
    ranked = select_key_positions(briefing.positions, cap_per_speaker=max(len(briefing.positions), 1))
    selected = briefing.model_copy(update={"positions": ranked})
    days = key_days if key_days is not None or max_events is not None else default_key_days(len(briefing.sources))
    if days is not None:
        digest = build_digest(briefing, days, per_day or DEFAULT_PER_DAY)
        if digest.days:
            summary = summarize(briefing.sources, briefing.events, briefing.positions, digest)
            notes = briefing.notes + [_digest_note(briefing, digest)]
            return MemoSelection(selected.model_copy(update={"summary": summary, "notes": notes}), digest)
    if max_events is not None and len(briefing.events) > max_events:
        selected = _most_important_events(selected, max_events)
    return MemoSelection(selected)


def _digest_note(briefing: Briefing, digest: Digest) -> str:
    shown = len(digest.days)
    return (f"The timeline is a digest: {shown:,} key day{'s' if shown != 1 else ''} of {digest.dated_days:,} dated "
            f"day{'s' if digest.dated_days != 1 else ''}, chosen by how many articles were published on each day and "
            f"refer to it, with up to {digest.per_day} statement{'s' if digest.per_day != 1 else ''} each and the "
            f"sources that report them. The full timeline of {len(briefing.events):,} "
            f"event{'s' if len(briefing.events) != 1 else ''} is in the briefing JSON and the CSV export.")


def _most_important_events(briefing: Briefing, max_events: int) -> Briefing:
    shown = most_important(briefing.events, briefing.actors, max_events)
    chosen = {id(e) for e in shown}
    left_out = [e for e in briefing.events if id(e) not in chosen]
    flagged = sum(1 for e in left_out if e.conflicting_dates or e.review)
    note = (f"The timeline shows the {len(shown)} most important of {len(briefing.events)} events (by number "
            f"of sources, mentions of their actors, type and confidence); {len(left_out)} "
            f"{'is' if len(left_out) == 1 else 'are'} left out")
    note += f", {flagged} of them with a date conflict or a review note." if flagged else "."
    note += " The briefing JSON lists every event."
    return briefing.model_copy(update={"events": shown, "notes": briefing.notes + [note]})
