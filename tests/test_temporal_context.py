"""How expressions that lean on the text around them are resolved: anaphora ("that year")
and the period a report is about ("the latest period", "the quarter a year ago").

Articles are dated Thursday 29 August 2024 unless a test says otherwise.
"""

import datetime as dt

from briefgen.extract.temporal import tag_doc

DCT = dt.date(2024, 8, 29)


def values(nlp, text, dct=DCT):
    return [(t.text, t.value) for t in tag_doc(nlp(text), dct)]


# --------------------------------------------------------------------------- anaphora


def test_that_year_is_the_year_just_named(nlp):
    text = "Exports reached $4 billion in 2019, a record for the region that year."
    assert values(nlp, text) == [("2019", "2019"), ("that year", "2019")]


def test_later_that_year_is_the_year_just_named(nlp):
    text = "The envoy arrived in March 2021 and left later that year."
    assert values(nlp, text) == [("March 2021", "2021-03"), ("later that year", "2021")]


# --------------------------------------------------------------------------- reporting periods


def test_the_latest_period_is_the_quarter_the_report_is_about(nlp):
    text = "The bank reported a loss for the second quarter. Deposits shrank in the latest period."
    assert values(nlp, text) == [("the second quarter", "2024-Q2"), ("the latest period", "2024-Q2")]


def test_the_latest_period_without_a_named_quarter_is_the_quarter_just_ended(nlp):
    assert values(nlp, "Deposits shrank in the latest period.") == [("the latest period", "2024-Q2")]


def test_the_quarter_a_year_ago_is_one_expression(nlp):
    text = "Sales rose in the second quarter. For the quarter a year ago, the firm lost money."
    assert values(nlp, text) == [("the second quarter", "2024-Q2"), ("the quarter a year ago", "2023-Q2")]


def test_the_corresponding_period_last_year_compares_with_the_quarter_at_hand(nlp):
    text = "The mill earned $3 million in the second quarter, against a loss in the corresponding period last year."
    assert values(nlp, text) == [
        ("the second quarter", "2024-Q2"),
        ("the corresponding period last year", "2023-Q2"),
    ]


def test_the_comparable_year_ago_quarter(nlp):
    text = "The carrier lost money in the second quarter. In the comparable year-ago quarter it broke even."
    assert values(nlp, text)[-1] == ("the comparable year-ago quarter", "2023-Q2")


def test_a_year_ago_quarter_in_a_sentence_about_a_month_is_that_months_quarter(nlp):
    text = "Orders fell in July. Revenue was below the year-ago quarter."
    assert values(nlp, text) == [("July", "2024-07"), ("the year-ago quarter", "2023-Q3")]


def test_a_forecast_quarter_is_not_the_one_compared_with(nlp):
    text = (
        "The miner earned less in the second quarter. Analysts expect weak prices through "
        "the first quarter of 2025. In the year-ago period, it earned $2 million."
    )
    assert values(nlp, text) == [
        ("the second quarter", "2024-Q2"),
        ("the first quarter of 2025", "2025-Q1"),
        ("the year-ago period", "2023-Q2"),
    ]


def test_a_year_named_period_is_the_quarter_at_hand_in_that_year(nlp):
    text = "The airline lost money in the second quarter, against a profit in the 2023 period."
    assert values(nlp, text) == [("the second quarter", "2024-Q2"), ("the 2023 period", "2023-Q2")]


# --------------------------------------------------------------------------- direction and tense


def test_this_past_season_is_the_latest_one_even_this_year(nlp):
    assert values(nlp, "The factory closed this past spring.") == [("this past spring", "2024-SP")]
    assert values(nlp, "The factory closed last spring.") == [("last spring", "2023-SP")]


def test_the_upcoming_season_is_the_nearest_one_ahead(nlp):
    # Written in late August: the coming fall is this year's, the coming spring next year's.
    assert values(nlp, "Both sides prepare for the upcoming fall campaign.")[0][1] == "2024-FA"
    assert values(nlp, "The plant will reopen in the coming spring.")[0][1] == "2025-SP"


def test_a_weekday_named_from_the_previous_one_counts_from_the_day_just_told(nlp):
    text = "Markets rallied on Friday, up 2% from the previous Friday."
    assert values(nlp, text) == [("Friday", "2024-08-23"), ("the previous Friday", "2024-08-16")]


def test_a_plan_told_in_the_past_perfect_is_over(nlp):
    assert values(nlp, "The vote had been scheduled to take place on Monday.") == [("Monday", "2024-08-26")]
    assert values(nlp, "The vote is scheduled to take place on Monday.") == [("Monday", "2024-09-02")]


def test_one_day_ahead_is_the_future_not_a_day_long(nlp):
    timex = tag_doc(nlp("The minister said the country will one day join the bloc."), DCT)[0]
    assert (timex.text, timex.type, timex.value) == ("one day", "DATE", "FUTURE_REF")
    timex = tag_doc(nlp("The strike lasted one day."), DCT)[0]
    assert (timex.text, timex.type, timex.value) == ("one day", "DURATION", "P1D")


def test_future_years_are_the_future(nlp):
    assert values(nlp, "The levy will fund repairs in future years.") == [("future years", "FUTURE_REF")]


def test_midday_is_noon(nlp):
    timex = tag_doc(nlp("The convoy will leave at midday."), DCT)[0]
    assert (timex.text, timex.type, timex.value) == ("midday", "TIME", "2024-08-29T12:00")


def test_a_season_of_a_year_said_in_words(nlp):
    text = "Oil fell to $13 a barrel in the winter of nineteen ninety-four."
    assert ("the winter of nineteen ninety-four", "1994-WI") in values(nlp, text)


def test_comparisons_are_with_the_quarter_the_report_is_about(nlp):
    text = (
        "The insurer's profit rose in the second quarter. It had a weak first quarter. "
        "Premiums were steady. Claims were lower than a year ago."
    )
    assert values(nlp, text)[-1] == ("a year ago", "2023-Q2")


def test_a_deadline_put_off_until_a_weekday_lies_ahead(nlp):
    assert values(nlp, "The court postponed its ruling until Tuesday.") == [("Tuesday", "2024-09-03")]
    assert values(nlp, "The hearing lasted until Tuesday.") == [("Tuesday", "2024-08-27")]


def test_last_with_a_month_and_day(nlp):
    assert values(nlp, "The envoy died last Oct. 23 in Delhi.") == [("last Oct. 23", "2023-10-23")]


def test_a_verb_form_shared_by_present_and_past_with_a_singular_subject_is_past(nlp):
    text = "Rain hurt the harvest, which fell 4% on Friday."
    assert values(nlp, text) == [("Friday", "2024-08-23")]


def test_the_week_of_a_date_is_that_week(nlp):
    text = "The trial may open the week of Sept. 9, lawyers said."
    assert values(nlp, text) == [("the week of Sept. 9", "2024-W37")]


def test_the_full_year_of_a_report_is_the_current_year(nlp):
    text = "Output fell in 2021. The firm expects higher profit for the full year."
    assert values(nlp, text) == [("2021", "2021"), ("the full year", "2024")]


def test_later_in_the_day_is_the_day_being_told(nlp):
    text = "The envoy landed in Seoul on Aug. 20 and met the minister later in the day."
    assert values(nlp, text) == [("Aug. 20", "2024-08-20"), ("later in the day", "2024-08-20")]


def test_the_last_half_of_a_year_is_its_second_half(nlp):
    assert values(nlp, "Sales will slow in the last half of 2025.") == [("the last half of 2025", "2025-H2")]
    assert values(nlp, "Sales slowed last quarter.") == [("last quarter", "2024-Q2")]


def test_decades_ago_is_a_year(nlp):
    assert values(nlp, "The dam was built two decades ago.") == [("two decades ago", "2004")]


def test_the_hour_of_a_past_event_is_on_the_last_day_the_text_named(nlp):
    text = (
        "The embassy was attacked on Aug. 7. Rescue teams came from abroad. "
        "Hospitals asked for blood. The blast struck at 10:35 a.m., witnesses said."
    )
    assert values(nlp, text)[-1] == ("10:35 a.m.", "2024-08-07T10:35")


def test_earlier_counts_back_from_the_date_just_told(nlp):
    text = "For the six months ended June 30, the bank earned $5 million, against $7 million a year earlier."
    assert values(nlp, text)[-1] == ("a year earlier", "2023-06-30")
    text = "The ceasefire began on Aug. 20. Two days earlier, talks had stalled."
    assert values(nlp, text)[-1] == ("Two days earlier", "2024-08-18")


def test_a_line_of_credit_extended_through_a_month_lies_ahead(nlp):
    # Written in August: the extension runs to the coming November, not last year's.
    assert values(nlp, "The bank extended the credit line through November.") == [("November", "2024-11")]
    assert values(nlp, "Prices rose through November.") == [("November", "2023-11")]



def test_a_belief_in_the_plain_present_does_not_point_ahead(nlp):
    # "estimates" states a present view; the April it mentions is this year's, already past.
    text = "She estimates the house, worth $2 million in April, is worth half that now."
    assert values(nlp, text)[0] == ("April", "2024-04")


def test_a_contraction_with_a_typographic_apostrophe_has_the_tense_of_the_straight_one(nlp):
    # Written in February, "December" in the present of "That's" is the December just gone,
    # however the apostrophe is typed.
    for verb in ("That's", "That’s"):
        text = f"{verb} a 10-point increase for the senator from December."
        assert values(nlp, text, dt.date(2016, 2, 18)) == [("December", "2015-12")], verb


def test_days_later_than_a_year_named_sentences_before_are_not_placed_in_it(nlp):
    text = (
        "Elections were held in 1990. Many people voted. The army ignored the result. "
        "They say one thing, and two days later they change their minds."
    )
    assert values(nlp, text, dt.date(2015, 11, 10)) == [("1990", "1990"), ("two days later", "XXXX-XX-XX")]
    # Right after the year, the days fall within it.
    text = "The plant opened in 1990. Two days later it closed."
    assert values(nlp, text) == [("1990", "1990"), ("Two days later", "1990")]


def test_the_next_day_after_a_month_is_no_day_anyone_can_name(nlp):
    text = "Roffman angered Trump in March 1990. But the next day, Trump made demands."
    assert values(nlp, text) == [("March 1990", "1990-03"), ("the next day", "XXXX-XX-XX")]


def test_an_imperative_in_a_quotation_looks_ahead(nlp):
    # 29 August 2024 is a Thursday: the Monday to come is 2 September.
    assert values(nlp, 'He said: "Come back on Monday."') == [("Monday", "2024-09-02")]
    assert values(nlp, "Trump boomed: \u201cLet\u2019s defeat her in November.\u201d") == [("November", "2024-11")]
    assert values(nlp, "He let them go on Monday.") == [("Monday", "2024-08-26")]


def test_looking_ahead_to_a_season_is_the_one_to_come(nlp):
    # Written in April 2016, about the fall campaign.
    text = "Looking ahead to the fall, Mr. Manafort was joined by the political director."
    assert values(nlp, text, dt.date(2016, 4, 23)) == [("the fall", "2016-FA")]


def test_following_without_the_is_after(nlp):
    # 29 August 2024 is a Thursday: the Monday of the debate was the 26th.
    text = "Following Monday's debate, the fact-checkers published their results."
    assert values(nlp, text) == [("Monday", "2024-08-26")]
    text = "The talks began on Aug. 20. The following Monday, they collapsed."
    assert values(nlp, text) == [("Aug. 20", "2024-08-20"), ("The following Monday", "2024-08-26")]


def test_a_month_of_a_year_named_from_another(nlp):
    text = "Reagan ran in 1976. The primaries ended in early June of that year."
    found = tag_doc(nlp(text), DCT)
    assert [(t.text, t.value, t.mod) for t in found][-1] == ("early June of that year", "1976-06", "START")
    text = "Sales fell in 2019. They recovered by May of the following year."
    assert values(nlp, text) == [("2019", "2019"), ("May of the following year", "2020-05")]
    assert values(nlp, "Leaders will present a plan by March of next year.") == [("March of next year", "2025-03")]
    # With no year told before, the month is known and the year is not.
    assert values(nlp, "The primaries ended in June of that year.") == [("June of that year", "XXXX-06")]


# --------------------------------------------------------------------------- direction of a month


def test_a_month_after_following_lies_behind(nlp):
    # Published in August: the visit "following" which ties grew was the April just past.
    text = ("Relations continue to be strengthened following President Rao's state visit to Peru in April, "
            "during which accords were signed.")
    assert values(nlp, text) == [("April", "2024-04")]


def test_a_month_a_passive_plan_looks_to_lies_ahead(nlp):
    text = "Education remains central to the partnership, with a new accord set to be signed in May."
    assert values(nlp, text) == [("May", "2025-05")]
