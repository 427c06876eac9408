"""The same event reported by several sources becomes one timeline entry; a date conflict is flagged."""

from briefgen.assemble.briefing import assemble_briefing
from briefgen.assemble.content_words import content_words, stem
from briefgen.assemble.event_merge import merge_events
from briefgen.model import Extraction
from fixtures.events import actor, event, source

NORWAY_CHILE = ("Norway", "Chile")
ACTORS = [actor(1, "Norway", mentions=6), actor(2, "Chile", mentions=7), actor(3, "Santiago"), actor(4, "Bergen")]


def merge(*per_source):
    """merge_events over sources S1, S2, ... given each source's events in order."""
    return merge_events([(f"S{n}", list(events)) for n, events in enumerate(per_source, start=1)], ACTORS)


def sources_of(entry):
    return [span.source for span in entry.evidence]


def test_inflections_meet_at_one_stem():
    assert {stem(w) for w in ("signed", "signing", "signs")} == {"sign"}
    assert {stem(w) for w in ("agree", "agreed", "agreement", "agreements")} == {"agr"}
    assert {stem(w) for w in ("shipments", "shipping", "shipped")} == {"ship"}
    assert stem("met") == stem("meeting") == "meet"


def test_content_words_leave_out_stop_words_dates_and_what_every_report_says():
    words = content_words("The two countries signed the hydrogen accord on Tuesday, March 5, officials said")
    assert words == {"sign", "hydrogen", "accord"}


def test_three_wordings_of_one_signing_become_one_entry_with_every_source():
    entries = merge(
        [event("Norway and Chile signed a green hydrogen cooperation agreement in Oslo", "2024-03-05",
               source="S1", actors=NORWAY_CHILE, confidence=0.75)],
        [event("Chile and Norway signed an agreement on green hydrogen cooperation", "2024-03-05",
               source="S2", actors=("Chile", "Norway"), confidence=0.75)],
        [event("The green hydrogen agreement that Norway and Chile signed", "2024-03-05",
               source="S3", actors=NORWAY_CHILE, confidence=0.85)],
    )
    (entry,) = entries
    assert sources_of(entry) == ["S1", "S2", "S3"]
    assert entry.date.value == "2024-03-05" and entry.date.sources == ["S1", "S2", "S3"]
    assert not entry.conflicting_dates
    # Three sources agreeing are surer than the surest of them alone.
    assert 0.85 < entry.confidence < 1.0


def test_a_finer_date_wins_over_the_span_that_contains_it():
    entries = merge(
        [event("Norway and Chile signed a hydrogen roadmap", "2020", source="S1", actors=NORWAY_CHILE)],
        [event("Norway and Chile signed the hydrogen roadmap in Oslo", "2020-03-05", source="S2", actors=NORWAY_CHILE)],
        [event("The hydrogen roadmap Norway and Chile signed", "2020-03", source="S3", actors=NORWAY_CHILE)],
    )
    (entry,) = entries
    assert (entry.date.value, entry.date.granularity) == ("2020-03-05", "day")
    assert entry.date.sources == ["S1", "S2", "S3"]


def test_a_conflicting_year_is_kept_in_one_entry_with_both_dates():
    signing = "Norway and Chile signed a green hydrogen cooperation agreement"
    entries = merge(
        [event(signing + " in Oslo", "2024-03-05", source="S1", actors=NORWAY_CHILE)],
        [event("Chile and Norway signed an agreement on green hydrogen", "2024-03-05", source="S2", actors=NORWAY_CHILE)],
        [event(signing, "2023", source="S3", actors=NORWAY_CHILE)],
    )
    (entry,) = entries
    assert sources_of(entry) == ["S1", "S2", "S3"]
    # The date two sources give is the entry's date; the third source's year is the conflict.
    assert (entry.date.value, entry.date.sources) == ("2024-03-05", ["S1", "S2"])
    assert [(d.value, d.sources) for d in entry.conflicting_dates] == [("2023", ["S3"])]


def test_a_conflict_between_two_single_sources_takes_the_finer_date():
    signing = "Norway and Chile signed a green hydrogen cooperation agreement"
    (entry,) = merge([event(signing, "2023", source="S1", actors=NORWAY_CHILE)],
                     [event(signing, "2024-03-05", source="S2", actors=NORWAY_CHILE)])
    assert entry.date.value == "2024-03-05"
    assert [d.value for d in entry.conflicting_dates] == ["2023"]


def test_two_summits_of_the_same_countries_on_different_dates_stay_apart():
    entries = merge(
        [event("The leaders of Norway and Chile met at a summit in Santiago", "2022-11", source="S1",
               type="meeting", actors=("Norway", "Chile", "Santiago"))],
        [event("The leaders of Norway and Chile will meet again at a summit in Bergen", "2024-06", source="S2",
               type="meeting", actors=("Norway", "Chile", "Bergen"))],
    )
    assert [e.date.value for e in entries] == ["2022-11", "2024-06"]
    assert all(not e.conflicting_dates for e in entries)


def test_recurring_events_with_few_words_in_common_are_not_called_a_conflict():
    entries = merge(
        [event("Chile held parliamentary elections", "2021-11-21", source="S1", type="election", actors=("Chile",))],
        [event("Chile held elections", "2017-11-19", source="S2", type="election", actors=("Chile",))],
    )
    assert len(entries) == 2


def test_one_source_is_never_merged_with_itself():
    entries = merge([
        event("Norway and Chile signed a hydrogen agreement", "2024-03-05", source="S1", actors=NORWAY_CHILE),
        event("Norway and Chile signed a hydrogen agreement", "2024-03-05", source="S1", actors=NORWAY_CHILE, number=2),
    ])
    assert len(entries) == 2


def test_different_types_or_actors_keep_events_apart():
    entries = merge(
        [event("Norway and Chile signed a hydrogen agreement", "2024-03-05", source="S1", actors=NORWAY_CHILE)],
        [event("Norway praised the hydrogen agreement", "2024-03-05", source="S2", type="statement", actors=("Norway",))],
        [event("Peru and Bolivia signed a hydrogen agreement", "2024-03-05", source="S3", actors=("Peru", "Bolivia"))],
    )
    assert len(entries) == 3


def test_two_agreements_signed_the_same_day_stay_apart():
    entries = merge(
        [event("Norway and Chile signed an agreement on railway cooperation", "2024-03-05", source="S1", actors=NORWAY_CHILE)],
        [event("Norway and Chile signed a memorandum on cybersecurity cooperation", "2024-03-05", source="S2",
               actors=NORWAY_CHILE)],
    )
    assert len(entries) == 2


def test_a_bare_report_joins_the_one_event_it_can_mean():
    entries = merge(
        [event("Norway and Chile signed a green hydrogen agreement", "2024-03-05", source="S1", actors=NORWAY_CHILE)],
        [event("That Norway and Chile signed", "2024-03-05", source="S2", actors=NORWAY_CHILE)],
    )
    (entry,) = entries
    assert sources_of(entry) == ["S1", "S2"]
    assert entry.summary == "Norway and Chile signed a green hydrogen agreement"


def test_a_bare_report_that_could_mean_two_events_is_left_alone():
    entries = merge(
        [event("Norway and Chile signed an agreement on railways", "2024-03-05", source="S1", actors=NORWAY_CHILE),
         event("Norway and Chile signed a memorandum on cybersecurity", "2024-03-05", source="S1",
               actors=NORWAY_CHILE, number=2)],
        [event("That Norway and Chile signed", "2024-03-05", source="S2", actors=NORWAY_CHILE)],
    )
    assert len(entries) == 3


def test_an_actor_named_in_the_summary_counts_as_shared():
    # One report has the port as its actor; the other names the port only in its words.
    reports = [
        ("S1", [event("He visited the port of Mongstad to inspect its ammonia terminals", "2024-03-06", source="S1",
                      type="visit", actors=("Mongstad",))]),
        ("S2", [event("Energy Minister Tomás Errázuriz visited the Mongstad port after the signing", "2024-03-06",
                      source="S2", type="visit", actors=("Tomás Errázuriz",))]),
    ]
    assert len(merge_events(reports, ACTORS)) == 2  # Mongstad is no actor of this briefing: nothing is shared
    (entry,) = merge_events(reports, ACTORS + [actor(5, "Mongstad", type="ORG")])
    assert sources_of(entry) == ["S1", "S2"]


def test_assembly_merges_across_actor_aliases_and_orders_the_timeline():
    def extraction(number, events, actors):
        return Extraction(source=source(number), events=events, actors=actors)

    briefing = assemble_briefing([
        extraction(1, [event("The US and India signed a defence framework", "2023-06-22", source="S1",
                             actors=("US", "India"))],
                   [actor(1, "US"), actor(2, "India")]),
        extraction(2, [event("Leaders held talks in Delhi", "2023-02", source="S2", type="meeting", actors=("India",)),
                       event("India and the United States signed the defence framework", "2023", source="S2",
                             actors=("India", "United States"), number=2)],
                   [actor(1, "India"), actor(2, "United States", aliases=["US"])]),
    ])
    assert [e.id for e in briefing.events] == ["E1", "E2"]
    talks, framework = briefing.events
    assert talks.date.value == "2023-02"
    assert framework.date.value == "2023-06-22"
    assert [s.source for s in framework.evidence] == ["S1", "S2"]
    assert set(framework.actors) == {"United States", "India"}


def test_one_shared_word_does_not_join_a_day_to_a_year_that_contains_it():
    # "contracts" and "contracted" meet at one stem; the sanctions and the economy are two events.
    merged = merge_events([
        ("S1", [event("Oil contracts were signed before 2 September", "2011-09-02", source="S1")]),
        ("S2", [event("The economy contracted by 2% in 2011", "2011", source="S2")]),
    ], [])
    assert [e.date.value for e in merged] == ["2011-09-02", "2011"]
