"""--max-events: the memo shows the most important events in timeline order and says what it left out."""

from briefgen.assemble.importance import most_important
from briefgen.assemble.selection import select_for_memo
from briefgen.render.markdown_writer import render_markdown
from briefgen.render.memo import build_memo
from briefgen.render.options import RenderOptions
from briefgen.templates import load_template
from fixtures.events import actor, briefing, event

ACTORS = [actor(1, "India", mentions=20), actor(2, "South Korea", aliases=["Republic of Korea"], mentions=12),
          actor(3, "Fiji", mentions=1)]


def reported_by(item, *sources):
    spans = [item.evidence[0].model_copy(update={"source": s}) for s in sources]
    return item.model_copy(update={"evidence": spans})


def test_more_sources_matter_most_then_actors_type_and_confidence():
    events = [
        event("Fiji opened a consulate", "2021", type="other", actors=("Fiji",), number=1),
        reported_by(event("India and South Korea held talks", "2022", type="meeting", actors=("India",), number=2),
                    "S1", "S2", "S3"),
        event("India signed a defence roadmap", "2020", actors=("India",), number=3),
        event("Fiji signed a fisheries pact", "2023", actors=("Fiji",), number=4),
        event("The Republic of Korea hosted a forum", "2024", type="meeting", actors=("Republic of Korea",),
              confidence=0.9, number=5),
    ]
    # Three sources first (3 + 1 + 0.7 + 0.8); then India's agreement (1 + 1 + 1 + 0.8); then the
    # Korean forum (1 + 12/20 + 0.7 + 0.9, its actor found by an alias) over Fiji's pact
    # (1 + 1/20 + 1 + 0.8): a rarely mentioned actor outweighs the pact's type.
    assert [e.id for e in most_important(events, ACTORS, 3)] == ["E2", "E3", "E5"]
    # Chosen events keep their timeline order.
    assert [e.id for e in most_important(events, ACTORS, 2)] == ["E2", "E3"]


def test_the_memo_says_how_many_events_it_left_out():
    events = [event(f"India signed agreement number {n}", f"20{10 + n}", actors=("India",), number=n) for n in range(1, 6)]
    events[3] = events[3].model_copy(update={"conflicting_dates": [events[0].date]})
    given = briefing(events, actors=ACTORS)
    selected = select_for_memo(given, max_events=3).briefing
    assert len(selected.events) == 3
    assert selected.notes[-1].startswith("The timeline shows the 3 most important of 5 events")
    # Equal scores keep timeline order, so the conflicting fourth event is among those left out.
    assert "2 are left out, 1 of them with a date conflict or a review note." in selected.notes[-1]
    memo = build_memo(selected, load_template("memo"), RenderOptions())
    assert len(memo.timeline) == 3
    assert any("3 most important of 5 events" in note for note in memo.notes)
    assert "2 are left out" in render_markdown(selected, load_template("memo"), RenderOptions())


def test_a_cap_above_the_number_of_events_changes_nothing():
    given = briefing([event("India signed a pact", "2020", actors=("India",))], actors=ACTORS)
    assert select_for_memo(given, max_events=10).briefing.notes == []
