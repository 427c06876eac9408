"""Behaviour of the temporal tagger on sentences written for these tests.

Unless a test says otherwise, articles are dated Thursday 29 August 2024 (ISO week 35).
"""

import datetime as dt

import pytest

from briefgen.extract.temporal import Timex, tag_doc

DCT = dt.date(2024, 8, 29)


def tag(nlp, text, dct=DCT, **options):
    return tag_doc(nlp(text), dct, **options)


def only(nlp, text, dct=DCT, **options) -> Timex:
    found = tag(nlp, text, dct, **options)
    assert len(found) == 1, found
    return found[0]


def values(nlp, text, dct=DCT, **options):
    return [(t.text, t.value) for t in tag(nlp, text, dct, **options)]


# --------------------------------------------------------------------------- absolute dates


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("The accord was signed on August 28, 2024 in Seoul.", "August 28, 2024", "2024-08-28"),
        ("The accord was signed on 28 August 2024 in Seoul.", "28 August 2024", "2024-08-28"),
        ("The accord was signed on the 28th of August, 2024.", "the 28th of August, 2024", "2024-08-28"),
        ("The accord was signed on 2024-08-28 in Seoul.", "2024-08-28", "2024-08-28"),
        ("The museum opened in 1998.", "1998", "1998"),
        ("The museum opened in March 2023.", "March 2023", "2023-03"),
        ("The museum opened in December of 2019.", "December of 2019", "2019-12"),
        ("Sales fell on Dec. 2, 1956, the records show.", "Dec. 2, 1956", "1956-12-02"),
    ],
)
def test_absolute_dates_are_explicit(nlp, text, expression, value):
    timex = only(nlp, text)
    assert (timex.text, timex.type, timex.value, timex.basis) == (expression, "DATE", value, "explicit")


def test_month_and_day_without_year_take_the_year_of_the_article(nlp):
    timex = only(nlp, "The ministers met on Aug. 28 in Delhi.")
    assert (timex.text, timex.value, timex.basis) == ("Aug. 28", "2024-08-28", "relative")


def test_a_past_month_well_after_the_article_date_is_last_year(nlp):
    # Written in August: a meeting that already took place "on Dec. 3" was in 2023.
    assert values(nlp, "The two leaders met on Dec. 3 in Tokyo.") == [("Dec. 3", "2023-12-03")]


def test_a_plan_reported_in_the_past_tense_a_few_weeks_ahead_stays_this_year(nlp):
    assert values(nlp, "The company extended its offer until Sept. 12.") == [("Sept. 12", "2024-09-12")]


def test_without_a_tense_a_month_far_ahead_is_last_year(nlp):
    # A headline-like fragment in February naming December: the December just gone.
    assert values(nlp, "Record floods in December.", dct=dt.date(2025, 2, 3)) == [("December", "2024-12")]


def test_the_ordinal_day_is_in_the_month_of_the_article(nlp):
    assert values(nlp, "The vote was held on the 28th.") == [("the 28th", "2024-08-28")]


@pytest.mark.parametrize(
    "day_first, text, value",
    [
        (True, "The deal was signed on 05/08/2024.", "2024-08-05"),
        (False, "The deal was signed on 05/08/2024.", "2024-05-08"),
        (True, "The deal was signed on 28/08/2024.", "2024-08-28"),
        # a month of 28 cannot be meant, whatever the setting says
        (False, "The deal was signed on 28/08/2024.", "2024-08-28"),
        # dotted dates are written day first wherever they are used
        (False, "The deal was signed on 05.08.2024.", "2024-08-05"),
    ],
)
def test_numeric_dates_follow_the_day_first_setting(nlp, day_first, text, value):
    timex = only(nlp, text, day_first=day_first)
    assert (timex.type, timex.value) == ("DATE", value)


# --------------------------------------------------------------------------- relative dates


def test_the_worked_example_from_an_article_dated_thursday(nlp):
    text = (
        "The envoy said on Wednesday (August 28, 2024) that the two countries had signed "
        "a roadmap in 2020."
    )
    assert values(nlp, text) == [
        ("Wednesday", "2024-08-28"),
        ("August 28, 2024", "2024-08-28"),
        ("2020", "2020"),
    ]


def test_a_weekday_in_the_future_tense_is_the_next_one(nlp):
    timex = only(nlp, "The ministers will meet on Friday in Seoul.")
    assert (timex.value, timex.basis) == ("2024-08-30", "relative")


def test_a_weekday_in_the_past_tense_is_the_last_one(nlp):
    assert values(nlp, "The ministers met on Monday in Seoul.") == [("Monday", "2024-08-26")]


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("Prices rose today.", "today", "2024-08-29"),
        ("Prices rose yesterday.", "yesterday", "2024-08-28"),
        ("Prices will rise tomorrow.", "tomorrow", "2024-08-30"),
        ("Prices rose last week.", "last week", "2024-W34"),
        ("Prices rose this week.", "this week", "2024-W35"),
        ("Prices will rise next month.", "next month", "2024-09"),
        ("Prices rose this year.", "this year", "2024"),
        ("Prices rose last year.", "last year", "2023"),
        ("Prices rose two years ago.", "two years ago", "2022"),
        ("Prices rose three days ago.", "three days ago", "2024-08-26"),
        ("Prices rose earlier this month.", "earlier this month", "2024-08"),
        ("Prices rose last summer.", "last summer", "2023-SU"),
        ("Prices will fall in the fourth quarter.", "the fourth quarter", "2024-Q4"),
    ],
)
def test_relative_dates_resolve_against_the_article_date(nlp, text, expression, value):
    timex = only(nlp, text)
    assert (timex.text, timex.type, timex.value, timex.basis) == (expression, "DATE", value, "relative")


def test_a_weekday_said_just_before_is_past_even_when_a_future_clause_follows(nlp):
    found = values(nlp, "The company said on Monday it would cut 500 jobs.")
    assert found == [("Monday", "2024-08-26")]


def test_a_weekday_in_a_reduced_past_clause_is_past(nlp):
    found = values(nlp, "Lawyers will appeal the ruling, issued Tuesday by the court.")
    assert found == [("Tuesday", "2024-08-27")]


def test_a_schedule_in_the_plain_present_looks_ahead(nlp):
    assert values(nlp, "The truce expires at midnight on Saturday.") == [("midnight on Saturday", "2024-08-31T24:00")]


def test_the_present_of_reporting_looks_back(nlp):
    assert values(nlp, "The minister says Monday's vote was fair.") == [("Monday", "2024-08-26")]


def test_a_possessive_weekday_is_the_one_just_gone(nlp):
    found = values(nlp, "Lawyers said they would look for ways around Tuesday's ruling.")
    assert found == [("Tuesday", "2024-08-27")]


def test_the_weekend_and_holidays(nlp):
    assert values(nlp, "Fighting stopped over the weekend.") == [("the weekend", "2024-W34-WE")]
    assert values(nlp, "Talks will resume over the weekend.") == [("the weekend", "2024-W35-WE")]
    assert values(nlp, "The shops were shut on Christmas Eve.") == [("Christmas Eve", "2023-12-24")]
    assert values(nlp, "The parade will take place on Thanksgiving.") == [("Thanksgiving", "2024-11-28")]
    assert values(nlp, "The pope spoke at Easter 2024.") == [("Easter 2024", "2024-03-31")]


def test_the_past_decade_is_a_period_reaching_back_from_now(nlp):
    timex = only(nlp, "Trade doubled over the past decade.")
    assert (timex.text, timex.type, timex.value) == ("the past decade", "DURATION", "P10Y")


def test_a_year_ago_in_a_sentence_about_a_quarter_is_that_quarter_a_year_before(nlp):
    text = "Profit rose 5% in the second quarter of 2024 from a year ago."
    assert values(nlp, text) == [("the second quarter of 2024", "2024-Q2"), ("a year ago", "2023-Q2")]


def test_a_report_keeps_comparing_figures_with_its_quarter_but_not_other_talk(nlp):
    report = (
        "Acme said net income rose to $5 million in the second quarter. "
        "Its chief executive praised the staff. Shares rose. "
        "A year earlier, net income was $2.1 million."
    )
    assert values(nlp, report)[-1] == ("A year earlier", "2023-Q2")
    story = (
        "Her support fell during the second quarter. Aides say she is calm. "
        "She had not imagined a year ago that the race would be this close."
    )
    assert values(nlp, story)[-1] == ("a year ago", "2023")


def test_year_ago_modifiers_compare_with_the_current_quarter(nlp):
    text = "Sales in the third quarter rose from the year-ago quarter."
    assert values(nlp, text) == [("the third quarter", "2024-Q3"), ("the year-ago quarter", "2023-Q3")]


def test_the_next_day_follows_the_day_just_told(nlp):
    found = values(nlp, "The talks began on Aug. 20. The next day, they collapsed.")
    assert found == [("Aug. 20", "2024-08-20"), ("The next day", "2024-08-21")]


def test_days_named_from_yesterday_and_tomorrow(nlp):
    assert values(nlp, "It rained the day before yesterday.") == [("the day before yesterday", "2024-08-27")]


def test_an_anaphoric_offset_counts_from_the_last_date_given(nlp):
    found = values(nlp, "The plant opened in March 2019. Two months later it closed.")
    assert found == [("March 2019", "2019-03"), ("Two months later", "2019-05")]


# --------------------------------------------------------------------------- granularity and mods


@pytest.mark.parametrize(
    "text, expression, value",
    [
        ("The plant opened in the summer of 2022.", "the summer of 2022", "2022-SU"),
        ("Output grew in the third quarter of 2023.", "the third quarter of 2023", "2023-Q3"),
        ("Output grew in the first half of 2023.", "the first half of 2023", "2023-H1"),
        ("Output grew sharply in the 1990s.", "the 1990s", "199"),
        ("The city grew in the 20th century.", "the 20th century", "19"),
    ],
)
def test_the_value_keeps_the_granularity_of_the_text(nlp, text, expression, value):
    timex = only(nlp, text)
    assert (timex.text, timex.value) == (expression, value)


@pytest.mark.parametrize(
    "text, expression, value, mod",
    [
        ("The talks began in early 2020.", "early 2020", "2020", "START"),
        ("The talks began in mid-2021.", "mid-2021", "2021", "MID"),
        ("The talks began in late 2019.", "late 2019", "2019", "END"),
        ("The talks began around 2019.", "around 2019", "2019", "APPROX"),
        ("The talks began at the end of 2019.", "the end of 2019", "2019", "END"),
        ("The talks began in the early 1990s.", "the early 1990s", "199", "START"),
    ],
)
def test_position_and_hedge_words_become_the_mod(nlp, text, expression, value, mod):
    timex = only(nlp, text)
    assert (timex.text, timex.value, timex.mod) == (expression, value, mod)


@pytest.mark.parametrize(
    "text, expression, value, end_value",
    [
        ("He served from 2001 to 2009.", "2001 to 2009", "2001", "2009"),
        ("The 2009-2010 season was long.", "2009-2010", "2009", "2010"),
        ("It rained between March and May.", "March and May", "2024-03", "2024-05"),
        ("He served from March to May 2020.", "March to May 2020", "2020-03", "2020-05"),
        ("The summit is on Sept. 9-10 in Delhi.", "Sept. 9-10", "2024-09-09", "2024-09-10"),
        ("The summit ran 9–10 September 2023.", "9–10 September 2023", "2023-09-09", "2023-09-10"),
        ("The visit ran from 28 to 29 September 2023.", "28 to 29 September 2023", "2023-09-28", "2023-09-29"),
        ("They met from September 28 to 29, 2023.", "September 28 to 29, 2023", "2023-09-28", "2023-09-29"),
        ("The fair runs from 3 March to 5 April.", "3 March to 5 April", "2024-03-03", "2024-04-05"),
        ("The 1989-90 season was long.", "1989-90", "1989", "1990"),
        ("The poll was taken March 30-April 4 in Ohio.", "March 30-April 4", "2024-03-30", "2024-04-04"),
        ("The poll was taken March 30 – April 4 in Ohio.", "March 30 – April 4", "2024-03-30", "2024-04-04"),
    ],
)
def test_ranges_are_one_expression_with_both_ends(nlp, text, expression, value, end_value):
    timex = only(nlp, text)
    assert (timex.text, timex.value, timex.end_value) == (expression, value, end_value)


# --------------------------------------------------------------------------- types


@pytest.mark.parametrize(
    "text, expression, type_, value",
    [
        ("The minister spoke this morning.", "this morning", "TIME", "2024-08-29TMO"),
        ("The minister spoke at 3 p.m.", "3 p.m.", "TIME", "2024-08-29T15:00"),
        ("The minister spoke at 10:35 a.m. Wednesday.", "10:35 a.m. Wednesday", "TIME", "2024-08-28T10:35"),
        ("The minister spoke last night.", "last night", "TIME", "2024-08-28TNI"),
        ("The war lasted three years.", "three years", "DURATION", "P3Y"),
        ("The war lasted a decade.", "a decade", "DURATION", "P10Y"),
        ("The war lasted 18 months.", "18 months", "DURATION", "P18M"),
        ("The talks lasted five and a half hours.", "five and a half hours", "DURATION", "PT5H30M"),
        ("The talks lasted a minute and a half.", "a minute and a half", "DURATION", "PT1M30S"),
        ("The project took 2 1/2 years.", "2 1/2 years", "DURATION", "P2Y6M"),
        ("The project took three quarters.", "three quarters", "DURATION", "P9M"),
        ("He signed a two-year contract.", "two-year", "DURATION", "P2Y"),
        ("The war lasted several years.", "several years", "DURATION", "PXY"),
        ("The report is published every year.", "every year", "SET", "P1Y"),
        ("The report is published annually.", "annually", "SET", "P1Y"),
        ("The board meets every Monday.", "every Monday", "SET", "XXXX-WXX-1"),
        ("The board meets every other week.", "every other week", "SET", "P2W"),
        ("The new plant will save the group $3 million a year.", "a year", "SET", "P1Y"),
        ("The ferry adds 400 seats a week on the route.", "a week", "SET", "P1W"),
        ("The talks lasted barely a week.", "a week", "DURATION", "P1W"),
        ("The index closed at its highest level in years.", "years", "DURATION", "PXY"),
        ("Then, a week or so ago, the general picked the date.", "a week or so ago", "DATE", "2024-W34"),
        ("The plant will close over the next two years or so.", "the next two years or so", "DURATION", "P2Y"),
        ("Funds may have to sell more bonds in the weeks ahead.", "the weeks ahead", "DATE", "FUTURE_REF"),
        ("Rates are now higher.", "now", "DATE", "PRESENT_REF"),
        ("Rates are currently higher.", "currently", "DATE", "PRESENT_REF"),
        ("Rates rose recently.", "recently", "DATE", "PAST_REF"),
        ("Rates may rise in the future.", "the future", "DATE", "FUTURE_REF"),
    ],
)
def test_types_and_values(nlp, text, expression, type_, value):
    timex = only(nlp, text)
    assert (timex.text, timex.type, timex.value) == (expression, type_, value)


# --------------------------------------------------------------------------- no false positives


@pytest.mark.parametrize(
    "text",
    [
        "May I ask a question?",
        "The ministers may meet again.",
        "Protesters will march to the parliament.",
        "We sat down and talked.",
        "The Korea-India Track 1.5 forum met in Delhi.",
        "Leaders of the G20 and the I2U2 discussed 4G networks at the 2+2 dialogue.",
        "The army sent 2,000 troops and spent $27 on each.",
        "Turnout rose by 50% among voters aged 48 and over.",
        "About 1/2 of the voters stayed home.",
        "Call the embassy on 555-123-4567 for details.",
        "He was a 48-year-old diplomat.",
        "The second round of talks was tense.",
        "Nearly three-quarters of the seats went to the ruling party.",
        "The couple celebrated their 25th anniversary.",
        "He appeared on 60 Minutes to defend the plan.",
        "The text of the law (Section 1032, Subtitle D) says nothing of the kind.",
        "The council reaffirmed Resolution 1701 and Article 1325 of the code.",
        "Taxpayers must file Form 1040 again.",
        "She spoke in the evening session of the hearing.",
        "The morning briefing was short.",
        "(The comments start around the 2:05 mark.)",
        "Christmas Island is remote.",
        "Fox News is a cash generator for 21st Century Fox.",
        'He spoke on “Midday with Charlie Sykes,” a radio show.',
        "A coalition including Easter Seals wrote to Congress.",
        "Contributing: Brittney Bennett and Greg Toppo, USA TODAY.",
        "Obama does not get along with Putin,'' he said on ABC's ''This Week.''",
        "Trump picked up on the criticism, telling ABC's This Week that it was fair.",
        'He said on ABC\'s "This Week with George Stephanopoulos." Then he left.',
        "On the last night of the festival, crowds sang.",
    ],
)
def test_no_false_positives(nlp, text):
    assert tag(nlp, text) == []


# --------------------------------------------------------------------------- unknown DCT


def test_without_a_dct_relative_expressions_stay_unresolved(nlp):
    found = tag(nlp, "The envoy said on Wednesday that talks began last year, and will resume tomorrow.", dct=None)
    assert [(t.text, t.value, t.basis) for t in found] == [
        ("Wednesday", "XXXX-WXX-3", "unresolved"),
        ("last year", "XXXX", "unresolved"),
        ("tomorrow", "XXXX-XX-XX", "unresolved"),
    ]


def test_without_a_dct_absolute_expressions_are_still_tagged(nlp):
    found = tag(nlp, "The accord of August 28, 2024 replaced the one from 2020.", dct=None)
    assert [(t.text, t.value, t.basis) for t in found] == [
        ("August 28, 2024", "2024-08-28", "explicit"),
        ("2020", "2020", "explicit"),
    ]


def test_without_a_dct_a_month_keeps_an_unknown_year(nlp):
    assert values(nlp, "The ministers met on Aug. 28.", dct=None) == [("Aug. 28", "XXXX-08-28")]


# --------------------------------------------------------------------------- offsets and anchors


def test_offsets_point_into_the_text_after_a_blank_block(nlp):
    text = " " * 40 + "\n\nThe envoy said on Wednesday that the accord dates from 2020."
    doc = nlp(text)
    found = tag_doc(doc, DCT)
    assert [t.text for t in found] == ["Wednesday", "2020"]
    for timex in found:
        assert doc.text[timex.start:timex.end] == timex.text


def test_results_are_sorted_and_do_not_overlap(nlp):
    found = tag(nlp, "On Monday, Aug. 26, the board met; in 2023 and early 2024 it met every month.")
    starts = [t.start for t in found]
    assert starts == sorted(starts)
    for before, after in zip(found, found[1:]):
        assert before.end <= after.start


def test_the_anchor_is_the_word_the_expression_modifies(nlp):
    doc = nlp("The ministers met on Friday in Seoul.")
    (timex,) = tag_doc(doc, DCT)
    assert doc[timex.anchor].text == "met"


@pytest.mark.parametrize(
    "text",
    [
        'The minister spoke on the programme "This Week," aides said.',
        'She appeared on "This Week With Ann Lee" to defend the plan.',
    ],
)
def test_a_title_in_quotation_marks_is_not_a_date(nlp, text):
    assert tag(nlp, text) == []


def test_a_quotation_that_opens_with_a_time_word_keeps_it(nlp):
    assert values(nlp, '"Now, he says, the talks are over."') == [("Now", "PRESENT_REF")]
    assert [t.text for t in tag(nlp, 'He said: "Friday was the deadline."')] == ["Friday"]


def test_a_past_tense_read_as_a_participle_still_looks_back(nlp):
    # DCT Thursday 29 Aug 2024: the pact was signed on the Monday before.
    assert only(nlp, "The trade pact that Peru and Ghana signed on Monday cuts tariffs.").value == "2024-08-26"


def test_likely_to_happen_looks_ahead(nlp):
    # DCT Thursday 29 Aug 2024.
    assert only(nlp, "The suspect is likely to appear in court Wednesday.").value == "2024-09-04"


def test_today_ending_a_name_is_no_date(nlp):
    assert values(nlp, "A USA Today poll found a narrow lead.") == []
    assert values(nlp, "Today, the council voted.") == [("Today", DCT.isoformat())]


def test_some_time_later_with_no_time_told_before_stays_unresolved(nlp):
    assert values(nlp, "Only two months later, the firm announced a merger.") == [("two months later", "XXXX-XX")]
    assert values(nlp, "He resigned in 2011. Two years later, he returned.") == [("2011", "2011"), ("Two years later", "2013")]


def test_a_time_stamp_on_its_own_line_is_the_day_of_the_page(nlp):
    text = "The council met on Monday.\n\n9:21 p.m.\n\nThe mayor is speaking.\n"
    assert values(nlp, text) == [("Monday", "2024-08-26"), ("9:21 p.m.", "2024-08-29T21:21")]
    # Inside a sentence about that Monday, the hour is still Monday's.
    assert values(nlp, "The council met on Monday and voted at 9:21 p.m.")[-1] == ("9:21 p.m.", "2024-08-26T21:21")


def test_a_date_word_glued_to_a_modifier_is_no_date(nlp):
    assert values(nlp, "The party ran a Christmas-themed ad and a Monday-morning briefing.") == []
    assert values(nlp, "To this day the club meets in the old hall.") == []


def test_a_time_clause_in_the_present_under_a_future_looks_ahead(nlp):
    # 29 August 2024 is a Thursday: the Monday ahead is 2 September.
    text = "By the time the campaign is over on Monday, we will have met a million voters."
    assert values(nlp, text) == [("Monday", "2024-09-02")]
    assert values(nlp, "The crew will have finished the bridge by Saturday.") == [("Saturday", "2024-08-31")]
    assert values(nlp, "The results may have been known on Monday.") == [("Monday", "2024-08-26")]


def test_half_of_a_century_is_no_half_of_this_year(nlp):
    assert values(nlp, "Farms closed in the second half of the 20th century.") == [("the 20th century", "19")]
    assert values(nlp, "Growth slowed in the second half of 2015.") == [("the second half of 2015", "2015-H2")]


def test_a_hedge_of_three_words_belongs_to_the_duration(nlp):
    # "no" opens the hedge here; it is not the "No." of a count.
    timex = only(nlp, "The inspectors may stay for no more than ninety days.")
    assert (timex.text, timex.type, timex.value, timex.mod) == ("no more than ninety days", "DURATION", "P90D", "EQUAL_OR_LESS")
    assert values(nlp, "The hotel has room 12 and No. 7 free.") == []


def test_a_holiday_week_is_the_week_the_holiday_falls_in(nlp):
    # Easter 2024 fell on Sunday 31 March, the last day of ISO week 13.
    assert values(nlp, "Pilgrims crowded the old town during Easter week.") == [("Easter week", "2024-W13")]
    # Christmas 2023 was a Monday, the first day of week 52.
    assert values(nlp, "The shop closed for Christmas week in 2023.")[0] == ("Christmas week", "2023-W52")


def test_the_day_before_or_after_a_day_is_one_day_off_it(nlp):
    # 29 August 2024 is a Thursday: last Tuesday is the 27th.
    assert values(nlp, "The day before last Tuesday's vote, the mayor resigned.") == [
        ("The day before last Tuesday", "2024-08-26")
    ]
    assert values(nlp, "The banks reopened the day after Aug. 15.") == [("the day after Aug. 15", "2024-08-16")]
    # An event is no day: only "the vote" would tell which day that was.
    assert values(nlp, "The day after the vote, the mayor resigned.") == []


def test_current_alone_is_the_present_and_then_current_a_past_present(nlp):
    assert values(nlp, "Lenders worry about current market conditions.") == [("current", "PRESENT_REF")]
    assert values(nlp, "Holders may buy shares at the then-current price.") == [("then-current", "PAST_REF")]
    # In accounts, "current" means due within the year, not now.
    assert values(nlp, "The current account deficit widened sharply.") == []
    assert values(nlp, "Sales rose in the current quarter.") == [("the current quarter", "2024-Q3")]


def test_the_morning_is_the_morning_of_the_day_being_told_about(nlp):
    # 29 August 2024 is a Thursday: the Friday before is the 23rd.
    text = "Shares slid on Friday. Dealers had bought heavily in the morning."
    assert values(nlp, text) == [("Friday", "2024-08-23"), ("the morning", "2024-08-23TMO")]
    assert values(nlp, "Dealers bought heavily in the morning.") == [("the morning", "2024-08-29TMO")]


def test_the_next_and_the_previous_part_of_the_day_count_from_the_day_being_told_about(nlp):
    text = "Police arrested him on March 3, 2023. He appeared in court the next morning."
    assert values(nlp, text) == [("March 3, 2023", "2023-03-03"), ("the next morning", "2023-03-04TMO")]
    text = "On March 3, 2023 the police said he had arrived the previous night."
    assert values(nlp, text) == [("March 3, 2023", "2023-03-03"), ("the previous night", "2023-03-02TNI")]
    # After a month told about, the morning after is no day anyone can name.
    text = "Cruz refused to endorse Trump at the convention in July. At breakfast the following morning, he spoke."
    assert values(nlp, text) == [("July", "2024-07"), ("the following morning", "XXXX-XX-XXTMO")]
    # With no time told of before, they count from the article's day.
    assert values(nlp, "The delegates will meet the following morning.") == [("the following morning", "2024-08-30TMO")]
    assert values(nlp, "The minister spoke last evening.") == [("last evening", "2024-08-28TEV")]
    # "Last evening" is yesterday's even after another day was told about.
    text = "On March 3, 2023 the talks began. The minister spoke last evening."
    assert values(nlp, text) == [("March 3, 2023", "2023-03-03"), ("last evening", "2024-08-28TEV")]


def test_a_holiday_the_recognizer_took_for_a_place_is_still_a_holiday(nlp):
    # Easter 2024 fell on 31 March.
    assert values(nlp, "They met on Easter Sunday.") == [("Easter Sunday", "2024-03-31")]


def test_today_in_a_headline_in_capitals_is_a_day(nlp):
    assert values(nlp, "TALKS RESUME TODAY IN GENEVA\n\nThe delegates arrived.") == [("TODAY", "2024-08-29")]


def test_months_named_together_follow_each_other(nlp):
    # Written in November 2015: the January after that December is in 2016, though the ads
    # were reserved in the past.
    text = "About 70% of the ads reserved in December and January come from super PACs."
    assert values(nlp, text, dt.date(2015, 11, 27)) == [("December", "2015-12"), ("January", "2016-01")]
    assert values(nlp, "Sales rose in March and April.", dt.date(2015, 11, 27)) == [("March", "2015-03"), ("April", "2015-04")]


def test_a_half_of_a_month_is_its_start_or_its_end(nlp):
    found = tag(nlp, "Talks will resume in the second half of October.")
    assert [(t.text, t.value, t.mod) for t in found] == [("the second half of October", "2024-10", "END")]
    found = tag(nlp, "Prices fell in the first half of March 2015.")
    assert [(t.text, t.value, t.mod) for t in found] == [("the first half of March 2015", "2015-03", "START")]


def test_the_last_one_of_something_is_no_time_before_now(nlp):
    assert values(nlp, "On the last day of the talks, they signed.") == []
    assert values(nlp, "Talks ended in the last week of March.") == [("March", "2024-03")]
    assert values(nlp, "The last year has been hard.") == [("The last year", "P1Y")]


def test_soon_after_a_moment_gone_by_is_not_soon_after_now(nlp):
    assert values(nlp, "He was soon released.") == []
    assert values(nlp, "The trickle of cash soon became a flood.") == []
    assert values(nlp, "The minister will soon announce a decision.") == [("soon", "FUTURE_REF")]
    assert values(nlp, "Officials said they would soon decide.") == [("soon", "FUTURE_REF")]


def test_a_clock_hour_with_its_part_of_the_day_is_a_time(nlp):
    assert values(nlp, "The convoy will leave at 4 in the morning.") == [("4 in the morning", "2024-08-29T04:00")]
    assert values(nlp, "The shop closes at 9:30 at night.") == [("9:30 at night", "2024-08-29T21:30")]
    assert values(nlp, "The call came at 2 at night.") == [("2 at night", "2024-08-29T02:00")]
    # Where no hour is expected, the number counts something else.
    assert values(nlp, "The index lost 3 in the afternoon.") == [("the afternoon", "2024-08-29TAF")]


def test_over_the_years_is_a_stretch_but_the_weeks_before_an_event_are_not(nlp):
    assert values(nlp, "Rents have risen steadily over the years.") == [("years", "PXY")]
    assert values(nlp, "In the months that followed, the mill closed.") == [("months", "PXM")]
    assert values(nlp, "In the weeks before the vote, the mayor hid.") == []


def test_coordination_lends_the_month_or_the_part_of_the_day_to_the_other_half(nlp):
    assert values(nlp, "The summit on Sept. 24 and 25 will go ahead.") == [("Sept. 24", "2024-09-24"), ("25", "2024-09-25")]
    assert values(nlp, "Ferries sail on Monday and Tuesday nights.") == [
        ("Monday", "XXXX-WXX-1TNI"),
        ("Tuesday nights", "XXXX-WXX-2TNI"),
    ]
    # A number that counts the noun after it is no day.
    assert values(nlp, "On Sept. 24 and 25 people were hurt.") == [("Sept. 24", "2024-09-24")]


def test_a_year_right_after_a_name_ends_the_name(nlp):
    assert values(nlp, "The firm Apex 2000 makes engines.") == []
    assert values(nlp, "The club, known as Falcon 1985, plays on Sundays.") == [("Sundays", "XXXX-WXX-7")]
    assert values(nlp, "The plant reopened in 1990.") == [("1990", "1990")]
    assert values(nlp, "The band toured in Christmas 2019.") == [("Christmas 2019", "2019-12-25")]


def test_numbers_that_count_or_name_things_are_no_years(nlp):
    assert values(nlp, "Around 1200 gas stations ran out of fuel.") == []
    assert values(nlp, "The army sent some 2000 soldiers to the border.") == []
    assert values(nlp, "Refugees walked 1000s of miles to safety.") == []
    assert values(nlp, "Airbus delivered its first A350-1000 to the airline.") == []
    # A hedged year with no noun to count stays a year, and so does a decade of something.
    assert values(nlp, "Around 1990, the family moved to Lyon.") == [("Around 1990", "1990")]
    assert values(nlp, "The music of the 1990s of Britain was loud.") == [("the 1990s", "199")]


def test_a_24_hour_clock_reading_before_a_time_zone_is_no_year(nlp):
    found = values(nlp, "The tremor hit at 1653 (2153 GMT) on Tuesday, the survey said.")
    assert found == [("Tuesday", "2024-08-27")]


def test_a_clock_time_with_its_date_is_a_time_of_that_day(nlp):
    assert values(nlp, "The speech began at 6:30 pm ET February 11, 2013, in the Capitol.") == [
        ("6:30 pm ET February 11, 2013", "2013-02-11T18:30")]
    assert values(nlp, "The vote closed at 9 am on 3 March 2021.") == [("9 am on 3 March 2021", "2021-03-03T09:00")]
    assert values(nlp, "It ended at 7 p.m. ET on Monday.") == [("7 p.m. ET on Monday", "2024-08-26T19:00")]


def test_a_month_told_in_the_past_after_an_earlier_year_is_of_that_year(nlp):
    # Published in August 2024, telling of 2023: February and 22 April are of 2023.
    assert values(nlp, "The war of 2023 left deep scars. The rebels rose in February. On 22 April, they took the port.") == [
        ("2023", "2023"), ("February", "2023-02"), ("22 April", "2023-04-22")]
    assert values(nlp, "Last year's war left deep scars. The rebels took the port on 22 April.") == [
        ("Last year", "2023"), ("22 April", "2023-04-22")]
    # Without the year before just told, the last 22 April before the article is meant: a
    # year long past is recalled, and a text that has given a date of its own year goes on in it.
    assert values(nlp, "The rebels took the port on 22 April.") == [("22 April", "2024-04-22")]
    assert values(nlp, "The war of 2019 left deep scars. The rebels took the port on 22 April.") == [
        ("2019", "2019"), ("22 April", "2024-04-22")]
    assert values(nlp, "Sales rose in March 2024, after a weak 2023. They fell in April.") == [
        ("March 2024", "2024-03"), ("2023", "2023"), ("April", "2024-04")]
    # What is to come is not of the year told.
    assert values(nlp, "The war of 2023 left deep scars. Talks will resume in October.") == [
        ("2023", "2023"), ("October", "2024-10")]
