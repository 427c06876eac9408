"""The key-days digest: which days a memo of many articles shows, and which statements for each."""

from __future__ import annotations

import pytest

from briefgen.assemble.digest import build_digest, default_key_days
from briefgen.assemble.furniture import is_page_furniture
from briefgen.assemble.selection import select_for_memo
from briefgen.errors import FilterError
from briefgen.model import Briefing, Event, TextSpan
from fixtures.events import date, source

QUAKE = "A powerful earthquake struck the capital, destroying the presidential palace and many homes."
QUAKE_AGAIN = "The powerful earthquake destroyed the presidential palace and many homes in the capital."
RESCUE = "Rescue teams from abroad pulled survivors from collapsed buildings across the capital."
AID = "The first aid flights landed at the damaged airport carrying water, tents and medicine."
COMMENT = "My cousin thinks the football season will start late because of the weather."


def report(number: int, text: str, day: str, *sources: str, dates: dict | None = None) -> Event:
    """One timeline entry dated ``day``, reported by each of ``sources`` in the words ``text``;
    ``dates`` gives a source's own date where the sources disagree."""
    given = dates or {}
    main = date(day).model_copy(update={"sources": [s for s in sources if s not in given]})
    conflicts = [date(value).model_copy(update={"sources": [s]}) for s, value in given.items()]
    return Event(id=f"E{number}", date=main, summary=text, type="other", confidence=0.8,
                 conflicting_dates=conflicts,
                 evidence=[TextSpan(source=s, start=0, end=len(text), text=text) for s in sources])


def corpus(events: list[Event], published: list[str]) -> Briefing:
    """A briefing of articles published on the given days (S1 on the first, and so on)."""
    return Briefing(title="Quake", generated_at="2024-03-12T08:00:00Z",
                    sources=[source(n, published=day) for n, day in enumerate(published, start=1)],
                    events=events)


def days_of(digest) -> list[str]:
    return [key_day.day.isoformat() for key_day in digest.days]


def test_the_days_most_articles_point_at_are_the_key_days_in_timeline_order():
    published = ["2010-01-13"] * 4 + ["2010-01-15"] * 2
    events = [
        report(1, RESCUE, "2010-01-14", "S1", "S2", "S3", "S5"),   # four articles refer to the 14th
        report(2, QUAKE, "2010-01-12", "S1", "S2", "S3"),          # three to the 12th
        report(3, AID, "2010-01-11", "S4"),                        # one to the 11th
    ]
    digest = build_digest(corpus(events, published), key_days=2, per_day=2)
    assert days_of(digest) == ["2010-01-12", "2010-01-14"]
    assert digest.dated_days == 3
    assert [(d.published, d.referring) for d in digest.days] == [(0, 3), (0, 4)]


def test_articles_published_on_a_day_and_the_day_after_make_it_salient():
    # Each day is referred to by one article; four articles appeared on the 13th (the day
    # after the 12th), one on the 14th: the 12th and the 13th are the story's days.
    published = ["2010-01-13"] * 4 + ["2010-01-14"]
    events = [report(1, QUAKE, "2010-01-12", "S1"), report(2, RESCUE, "2010-01-13", "S2"),
              report(3, AID, "2010-01-14", "S5")]
    assert days_of(build_digest(corpus(events, published), key_days=2)) == ["2010-01-12", "2010-01-13"]


def test_a_day_gives_its_central_statements_once_each_from_different_articles():
    published = ["2010-01-13"] * 5
    events = [
        report(1, QUAKE, "2010-01-12", "S1", "S2"),
        report(2, QUAKE_AGAIN, "2010-01-12", "S3"),   # the same news in other words
        report(3, RESCUE, "2010-01-12", "S4"),
        report(4, COMMENT, "2010-01-12", "S5"),       # nothing to do with the story
    ]
    digest = build_digest(corpus(events, published), key_days=1, per_day=2)
    (key_day,) = digest.days
    texts = [s.text for s in key_day.statements]
    assert len(texts) == 2
    assert texts[0] in (QUAKE, QUAKE_AGAIN) and RESCUE in texts
    quake = key_day.statements[0]
    assert quake.sources == (("S1", "S2") if quake.text == QUAKE else ("S3",))


def test_a_day_with_fewer_statements_than_asked_shows_what_it_has():
    digest = build_digest(corpus([report(1, QUAKE, "2010-01-12", "S1")], ["2010-01-13"]), key_days=3, per_day=3)
    assert [len(d.statements) for d in digest.days] == [1]


def test_only_single_days_are_key_days():
    events = [report(1, QUAKE, "2010-01", "S1", "S2"), report(2, RESCUE, "2010", "S1"),
              report(3, AID, "2010-01-14", "S2")]
    assert days_of(build_digest(corpus(events, ["2010-01-15"] * 2), key_days=3)) == ["2010-01-14"]


def test_history_the_articles_recall_is_a_key_day_only_when_many_recall_it():
    # Twenty articles of mid-January 2010. Three recall the 1986 disaster (the threshold is
    # three, or 5% of the articles), one recalls a 1999 flood: only 1986 may be a key day.
    published = ["2010-01-13"] * 20
    events = [report(1, QUAKE, "2010-01-12", "S1"),
              report(2, "An earlier earthquake destroyed the old cathedral and the port in 1986.", "1986-03-02",
                     "S2", "S3", "S4"),
              report(3, "Floods swept away bridges and roads in the south of the country in 1999.", "1999-05-02", "S5")]
    assert days_of(build_digest(corpus(events, published), key_days=3)) == ["1986-03-02", "2010-01-12"]


def test_a_day_later_than_every_article_is_no_key_day():
    events = [report(1, QUAKE, "2010-01-12", "S1"),
              report(2, "Donors will meet in Montreal to plan the reconstruction of the capital.", "2010-01-25",
                     "S1", "S2")]
    assert days_of(build_digest(corpus(events, ["2010-01-13", "2010-01-14"]), key_days=2)) == ["2010-01-12"]


def test_page_furniture_is_a_line_whose_date_moves_with_each_article():
    furniture = "A version of this article appeared in print on January {}, 2010, on page A1."
    printed = report(1, furniture.format(13), "2010-01-13", "S1", "S2", "S3",
                     dates={"S2": "2010-01-14", "S3": "2010-01-15"})
    printed = printed.model_copy(update={"evidence": [
        TextSpan(source=s, start=0, end=50, text=furniture.format(day)) for s, day in (("S1", 13), ("S2", 14), ("S3", 15))]})
    assert is_page_furniture(printed)
    # The same words and the same date in three articles are a story they all carry.
    assert not is_page_furniture(report(2, QUAKE, "2010-01-12", "S1", "S2", "S3"))
    # Three sources, three dates, but each in its own words: a real disagreement to show.
    worded_apart = printed.model_copy(update={"evidence": [
        TextSpan(source=s, start=0, end=10, text=text) for s, text in (("S1", QUAKE), ("S2", RESCUE), ("S3", AID))]})
    assert not is_page_furniture(worded_apart)
    digest = build_digest(corpus([printed, report(3, RESCUE, "2010-01-14", "S4")], ["2010-01-15"] * 4), key_days=2)
    assert days_of(digest) == ["2010-01-14"]


def test_the_number_of_key_days_follows_the_number_of_articles():
    assert default_key_days(5) is None  # a handful: the memo lists the events
    assert default_key_days(12) == 10
    assert default_key_days(100) == 20
    assert default_key_days(600) == 30


def _many_articles(count: int) -> Briefing:
    events = [report(1, QUAKE, "2010-01-12", "S1", "S2"), report(2, RESCUE, "2010-01-14", "S3"),
              report(3, AID, "2010-01-16", "S4")]
    return corpus(events, ["2010-01-13"] * (count - 1) + ["2010-01-17"])


def test_a_memo_of_many_articles_is_a_digest_and_says_so():
    selection = select_for_memo(_many_articles(12))
    assert days_of(selection.digest) == ["2010-01-12", "2010-01-14", "2010-01-16"]
    assert selection.briefing.events == _many_articles(12).events  # the exports keep every event
    assert selection.briefing.notes[-1].startswith("The timeline is a digest: 3 key days of 3 dated days")
    assert "full timeline of 3 events is in the briefing JSON and the CSV export" in selection.briefing.notes[-1]
    # The bottom line names the latest key days, the last first.
    assert selection.briefing.summary[1:3] == [f"16 Jan 2010: {AID}", f"14 Jan 2010: {RESCUE}"]


def test_the_latest_events_of_a_summary_are_those_that_happened_last():
    from briefgen.assemble.summary import summarize

    events = [report(1, QUAKE, "2010-01-12", "S1"), report(2, AID, "2010", "S2"), report(3, RESCUE, "2010-01", "S1")]
    # "2010" lasts until December, but it is known only to its year: it started first.
    assert summarize(corpus(events, ["2010-01-13"] * 2).sources, events, [])[1:3] == [
        f"12 Jan 2010: {QUAKE}", f"Jan 2010: {RESCUE}"]


def test_a_memo_of_a_handful_of_articles_or_with_max_events_lists_events():
    assert select_for_memo(_many_articles(5)).digest is None
    capped = select_for_memo(_many_articles(12), max_events=2)
    assert capped.digest is None and len(capped.briefing.events) == 2
    assert select_for_memo(_many_articles(5), key_days=1).digest.days[0].day.isoformat() == "2010-01-12"


@pytest.mark.parametrize("options, message", [
    ({"key_days": 0}, "--key-days must be a whole number of 1 or more, not 0"),
    ({"per_day": "x"}, "--per-day must be a whole number of 1 or more, not 'x'"),
    ({"key_days": 3, "max_events": 5}, "--max-events and --key-days choose the memo's timeline in two ways"),
])
def test_malformed_or_contradictory_timeline_options_are_refused(options, message):
    with pytest.raises(FilterError, match=message):
        select_for_memo(_many_articles(12), **options)
