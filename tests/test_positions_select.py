"""Choosing the memo's key positions: ranking, near-duplicates, caps."""

from briefgen.assemble.positions import select_key_positions
from briefgen.model import Position, Speaker, TextSpan


def make(number, name, text, cue="said", kind="indirect", topics=(), confidence=0.8, mention=True):
    span = TextSpan(source="S1", start=number * 100, end=number * 100 + len(text), text=text)
    return Position(
        id=f"P{number}",
        speaker=Speaker(name=name),
        speaker_mention=TextSpan(source="S1", start=0, end=len(name), text=name) if mention else None,
        cue=TextSpan(source="S1", start=0, end=len(cue), text=cue),
        kind=kind,
        text=text,
        topics=list(topics),
        confidence=confidence,
        evidence=[span],
    )


def test_direct_quotes_and_stances_rank_first_and_cap_applies():
    positions = [
        make(1, "Ana Park", "the weather was fine", cue="said"),
        make(2, "Ana Park", "both sides to show restraint", cue="urged"),
        make(3, "Ana Park", "We will not sign this deal", kind="direct"),
        make(4, "Ana Park", "prices could fall", cue="believes"),
    ]
    chosen = select_key_positions(positions, cap_per_speaker=2)
    assert [p.id for p in chosen] == ["P3", "P2"]


def test_near_duplicates_collapse_and_keep_all_evidence():
    positions = [
        make(1, "Ana Park", "We will not sign this deal", kind="direct"),
        make(2, "Ana Park", "we will not sign this deal at all", kind="direct"),
        make(3, "Ravi Menon", "the border stays open"),
    ]
    chosen = select_key_positions(positions, cap_per_speaker=3)
    park = [p for p in chosen if p.speaker.name == "Ana Park"]
    assert len(park) == 1
    assert len(park[0].evidence) == 2
    assert {p.speaker.name for p in chosen} == {"Ana Park", "Ravi Menon"}


def test_positions_without_a_named_speaker_are_left_out():
    positions = [make(1, "he", "talks failed"), make(2, "unattributed", "talks failed again", mention=False)]
    assert select_key_positions(positions, cap_per_speaker=3) == []


def test_topic_salience_breaks_ties():
    positions = [
        make(1, "Ana Park", "the tariffs hurt exports", topics=["tariffs"]),
        make(2, "Ana Park", "the canteen food is good", topics=["canteen"]),
        make(3, "Ravi Menon", "tariffs should go", topics=["tariffs"]),
    ]
    chosen = select_key_positions(positions, cap_per_speaker=1)
    assert [p.id for p in chosen if p.speaker.name == "Ana Park"] == ["P1"]
