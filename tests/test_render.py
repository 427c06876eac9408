"""What every memo format shares: date labels, text safety, the memo plan, and Markdown."""

import datetime as dt

import pytest

from briefgen.model import EventDate
from briefgen.render.dates import event_date_label
from briefgen.render.markdown_writer import render_markdown
from briefgen.render.memo import build_memo, build_moment
from briefgen.render.options import RenderOptions
from briefgen.render.text import clean, escape_markup, escape_markdown, linkable_url
from briefgen.errors import OutputError
from briefgen.templates import load_template
from fixtures import load, with_event_count, with_sources_citing_the_first_event


def date(value, granularity, start=None, end=None, text="", mod=None):
    return EventDate(value=value, granularity=granularity, start=start, end=end, text=text, mod=mod)


@pytest.mark.parametrize(
    "event_date, label",
    [
        (date("2024-08-28", "day", "2024-08-28", "2024-08-28"), "28 Aug 2024"),
        (date("2024-08", "month", "2024-08-01", "2024-08-31"), "Aug 2024"),
        (date("2020", "year", "2020-01-01", "2020-12-31"), "2020"),
        (date("2023-Q3", "quarter", "2023-07-01", "2023-09-30"), "Q3 2023"),
        (date("2022-H1", "half", "2022-01-01", "2022-06-30"), "H1 2022"),
        (date("2021-SU", "season", "2021-06-01", "2021-08-31"), "summer 2021"),
        (date("2023-W12", "week", "2023-03-20", "2023-03-26"), "week 12, 2023"),
        (date("198", "decade", "1980-01-01", "1989-12-31"), "1980s"),
        (date("19", "century", "1900-01-01", "1999-12-31"), "20th century"),
        (date("2021", "year", "2021-01-01", "2021-12-31", mod="EARLY"), "early 2021"),
        (date("2021", "year", "2021-01-01", "2021-12-31", mod="MID"), "mid-2021"),
        (date("2024-08-28T14:30", "time", "2024-08-28", "2024-08-28"), "28 Aug 2024, 14:30"),
        (date("PAST_REF", "unknown", text="in the past"), "in the past"),
        (date("PAST_REF", "unknown"), "undated"),
        (date("XXXX-XX", "month", "2019-03-01", "2019-03-31"), "1 Mar 2019 – 31 Mar 2019"),
    ],
)
def test_dates_read_as_a_person_writes_them(event_date, label):
    assert event_date_label(event_date) == label


def test_month_first_date_order():
    assert event_date_label(date("2024-08-28", "day", "2024-08-28", "2024-08-28"), "mdy") == "Aug 28, 2024"


def test_clean_removes_what_xml_forbids_and_keeps_the_rest():
    assert clean("a\x07b\x0c c\x00 \ud800d  e\n") == "ab c d e"
    assert clean("장재복 नरेन्द्र “x”") == "장재복 नरेन्द्र “x”"


def test_clean_composes_accents_and_drops_c1_controls():
    # "n" + COMBINING TILDE prints as the font's "ñ"; U+0083 is mojibake with no glyph.
    assert clean("Pen\u0303a said\x83 so") == "Pe\u00f1a said so"


def test_markup_and_markdown_escaping():
    assert escape_markup('S&P <Ltd> & Co') == "S&amp;P &lt;Ltd&gt; &amp; Co"
    assert escape_markdown("*bold* [link](x) <b>") == r"\*bold\* \[link\](x) \<b\>"
    # A character reference would be shown as the character it names; a lone ampersand is text.
    assert escape_markdown("&amp; &lt;b&gt; S&P ]]>") == r"\&amp; \&lt;b\&gt; S&P \]\]\>"


@pytest.mark.parametrize("url, linkable", [
    ("https://example.org/a?b=1&c=2", True), ("mailto:desk@example.org", True),
    ("javascript:alert(1)", False), ("file:///etc/passwd", False), ("https://x.org/<script>", False), (None, False),
])
def test_only_web_and_mail_urls_become_links(url, linkable):
    assert (linkable_url(url) is not None) == linkable


def test_build_moment_prefers_source_date_epoch():
    briefing = load("realistic_briefing")
    assert build_moment(briefing, {}) == dt.datetime(2024, 8, 30, 9, 0, tzinfo=dt.timezone.utc)
    assert build_moment(briefing, {"SOURCE_DATE_EPOCH": "0"}).year == 1970


def test_memo_plan_flags_what_a_person_must_check():
    memo = build_memo(load("realistic_briefing"), load_template("memo"), RenderOptions())
    flagged = {row.number: row.reasons for row in memo.timeline if row.flagged}
    assert set(flagged) == {2, 4}  # inferred date; confidence below the 60% threshold
    assert any("inferred" in reason for reason in flagged[2])
    assert flagged[4] == ("confidence 52%",)
    assert memo.legend.startswith("† ") and "60%" in memo.legend


def test_an_event_many_sources_report_cites_the_first_few_and_counts_the_rest():
    briefing = with_sources_citing_the_first_event(load("realistic_briefing"), 7)
    memo = build_memo(briefing, load_template("memo"), RenderOptions())  # caps.refs = 4
    assert (memo.timeline[0].refs, memo.timeline[0].more_refs) == (("S1", "S2", "S3", "S4"), "+3 more")
    assert "[S4](#source-s4) +3 more]" in render_markdown(briefing, load_template("memo"), RenderOptions())
    uncapped = load_template("memo").model_copy(update={"caps": load_template("memo").caps.model_copy(update={"refs": 0})})
    assert build_memo(briefing, uncapped, RenderOptions()).timeline[0].more_refs == ""


def test_conflicting_dates_are_shown():
    memo = build_memo(load("hard_text_briefing"), load_template("memo"), RenderOptions())
    assert any("sources disagree on the date:" in reason and "Aug 2023" in reason for reason in memo.timeline[1].reasons)


def test_positions_group_by_speaker_in_order_of_first_appearance():
    memo = build_memo(load("realistic_briefing"), load_template("brief"), RenderOptions())
    assert [g.name for g in memo.speakers] == ["Chang Jae-Bok", "Jaideep Mazumdar"]
    chang = memo.speakers[0]
    assert chang.description == "Envoy, South Korea"
    # The brief shows at most four statements per speaker and says how many it left out.
    assert len(chang.statements) == 4 and chang.omitted == 1


def test_a_speaker_cap_keeps_those_with_most_statements_in_reading_order():
    briefing = load("realistic_briefing")
    # Five speakers: the fixture's two (five and two statements) and three with one each.
    extra = []
    for name in ("Ana Ruiz", "Lee Min-ho", "Tom Okafor"):
        first = briefing.positions[0]
        extra.append(first.model_copy(update={"speaker": first.speaker.model_copy(update={"name": name, "role": None, "affiliation": None})}))
    briefing = briefing.model_copy(update={"positions": extra[:1] + briefing.positions + extra[1:]})
    template = load_template("brief")
    template = template.model_copy(update={"caps": template.caps.model_copy(update={"speakers": 2})})
    memo = build_memo(briefing, template, RenderOptions())
    assert [g.name for g in memo.speakers] == ["Chang Jae-Bok", "Jaideep Mazumdar"]
    assert any("3 other speakers with 3 statements are left out" in note for note in memo.notes)
    everyone = build_memo(briefing, load_template("brief"), RenderOptions())
    assert [g.name for g in everyone.speakers][:2] == ["Ana Ruiz", "Chang Jae-Bok"]
    assert not any("other speakers" in note for note in everyone.notes)


def test_an_actor_cap_keeps_the_most_mentioned_in_order():
    briefing = load("realistic_briefing")
    actors = [a.model_copy(update={"mentions": n}) for a, n in zip(briefing.actors, range(len(briefing.actors), 0, -1))]
    actors[-1] = actors[-1].model_copy(update={"mentions": 100})  # the last listed is the most mentioned
    briefing = briefing.model_copy(update={"actors": actors})
    template = load_template("memo")
    template = template.model_copy(update={"caps": template.caps.model_copy(update={"actors": 2})})
    memo = build_memo(briefing, template, RenderOptions())
    listed = [e.name for g in memo.actors for e in g.entries]
    assert sorted(listed) == sorted([actors[0].name, actors[-1].name])
    assert any(f"Actors lists the 2 most mentioned of {len(actors)}" in note for note in memo.notes)


def test_header_fields_come_from_options_then_template():
    options = RenderOptions(to="Director", from_="Analysis Unit", memo_date="3 September 2024")
    memo = build_memo(load("realistic_briefing"), load_template("memo"), options)
    assert [(h.label, h.value) for h in memo.header] == [
        ("TO", "Director"), ("FROM", "Analysis Unit"), ("DATE", "3 September 2024"),
        ("SUBJECT", "South Korea and India: Track 1.5 forum, defence ties and the Quad"),
    ]
    assert memo.classification == "UNCLASSIFIED"
    assert build_memo(load("realistic_briefing"), load_template("memo"),
                      RenderOptions(classification="")).classification == ""


def test_empty_sections_are_left_out():
    briefing = load("realistic_briefing").model_copy(update={"notes": []})
    memo = build_memo(briefing, load_template("memo"), RenderOptions())
    assert briefing.positions and any(e.date.start for e in briefing.events)
    assert "notes" not in [s.id for s in memo.sections]


def test_an_empty_timeline_or_positions_section_is_replaced_by_a_note():
    template = load_template("memo")
    undated = [e.model_copy(update={"date": e.date.model_copy(update={"start": None, "end": None})})
               for e in load("realistic_briefing").events]
    briefing = load("realistic_briefing").model_copy(update={"notes": [], "positions": [], "events": undated})
    memo = build_memo(briefing, template, RenderOptions())
    ids = [s.id for s in memo.sections]
    assert "positions" not in ids and "figure" not in ids
    assert memo.notes == [template.labels.no_dated_events, template.labels.no_statements]
    assert "notes" in ids


def test_render_options_reject_unknown_paper():
    with pytest.raises(OutputError, match="paper"):
        RenderOptions(paper="a3")


def section_positions(text, headings):
    return [text.index(heading) for heading in headings]


def test_markdown_has_every_section_in_template_order():
    text = render_markdown(load("realistic_briefing"), load_template("memo"), RenderOptions())
    headings = ["## Bottom line up front", "## Notes on coverage", "## Timeline", "## Key positions",
                "## Actors", "## Sources"]
    positions = section_positions(text, headings)
    assert positions == sorted(positions)
    assert text.startswith("**UNCLASSIFIED**") and text.rstrip().endswith("**UNCLASSIFIED**")
    assert "[[S1](#source-s1)]" in text and '<a id="source-s1"></a>' in text


def test_markdown_escapes_article_text():
    text = render_markdown(load("hard_text_briefing"), load_template("memo"), RenderOptions())
    assert r"S&P \<Ltd\> & Co" in text
    assert "<b>not bold</b>" not in text
    assert "\x07" not in text and "\x0c" not in text


def test_markdown_never_links_an_unsafe_url():
    text = render_markdown(load("hard_text_briefing"), load_template("memo"), RenderOptions())
    assert "<javascript:" not in text and "](javascript:" not in text
    assert "<https://example.org/notes?id=7&lang=en>" in text


def test_markdown_of_many_events():
    text = render_markdown(with_event_count(load("hard_text_briefing"), 300), load_template("brief"), RenderOptions())
    assert text.count("\n| 300 |") == 1
