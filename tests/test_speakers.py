"""Speakers are names: first persons, groups, documents and pronouns resolved, or flagged unidentified."""

import pytest

from articles import extract_article


def positions_of(nlp, tmp_path, body, title=None, publisher=None):
    return extract_article(nlp, tmp_path, body, title=title, publisher=publisher).positions


def the_position(nlp, tmp_path, body, cue):
    """The one position whose cue is ``cue``."""
    (position,) = [p for p in positions_of(nlp, tmp_path, body) if p.cue.text == cue]
    return position


def speakers(positions):
    return [(p.speaker_mention.text if p.speaker_mention else None, p.speaker.name) for p in positions]


LEAD = "Foreign Minister Maria Gonzalez held talks with Ravi Rao, the foreign minister of Chile, in Lima on Tuesday.\n"


def test_the_two_ministers_are_the_participants_the_lead_names(nlp, tmp_path):
    positions = positions_of(nlp, tmp_path, LEAD + "The two ministers stressed that fisheries cooperation must deepen.")
    (said,) = [p for p in positions if p.cue.text == "stressed"]
    assert said.speaker.name == "Maria Gonzalez and Ravi Rao"
    assert said.speaker.members == ["Maria Gonzalez", "Ravi Rao"] and said.speaker.kind == "group"
    assert said.speaker_mention.text == "The two ministers"  # the phrase stays as the mention


def test_a_group_the_lead_cannot_fill_stays_as_written(nlp, tmp_path):
    body = LEAD + "The three ministers stressed that fisheries cooperation must deepen. Other parties warned that quotas would fall."
    names = dict(speakers(positions_of(nlp, tmp_path, body)))
    assert names["The three ministers"] == "three ministers"  # three named in the text? no: two
    assert names["Other parties"] == "Other parties"


def test_coordinated_names_speak_together(nlp, tmp_path):
    body = "Presidents Maria Gonzalez and Ravi Rao reiterated their support for the accord on Tuesday."
    (position,) = positions_of(nlp, tmp_path, body)
    assert position.speaker.name == "Maria Gonzalez and Ravi Rao"


def test_we_in_a_labelled_transcript_is_the_labelled_speaker(nlp, tmp_path):
    body = ("Maria Gonzalez, Foreign Minister of Peru: It was a pleasure to host the talks in Lima.\n"
            "We hope that the accord will be signed soon.\n"
            "Ravi Rao, Foreign Minister of Chile: We agree with our hosts.\n"
            "We believe that quotas should be shared.")
    names = [p.speaker.name for p in positions_of(nlp, tmp_path, body)]
    assert names.count("Maria Gonzalez") >= 2 and names.count("Ravi Rao") >= 2
    assert "We" not in names and "unidentified" not in names


def test_we_in_a_ministrys_release_is_the_ministry(nlp, tmp_path):
    body = "We welcome the agreement reached by the two countries, which we hope will bring stability."
    positions = positions_of(nlp, tmp_path, body, title="Statement on the fisheries accord",
                             publisher="Ministry of Foreign Affairs, Peru")
    assert {p.speaker.name for p in positions} == {"Ministry of Foreign Affairs of Peru"}


def test_we_in_a_briefing_by_an_unnamed_spokesperson_is_the_office(nlp, tmp_path):
    body = "We have noted that the talks resumed in Lima. We hope that they will succeed."
    positions = positions_of(nlp, tmp_path, body, title="Transcript of the Press Briefing by Spokesperson on Friday 10 May 2024",
                             publisher="Ministry of Foreign Affairs, Peru")
    assert {p.speaker.name for p in positions} == {"Spokesperson of the Ministry of Foreign Affairs of Peru"}


def test_we_who_name_themselves_are_that_group(nlp, tmp_path):
    body = "We, the Heads of State of the Andean Community, reaffirmed our commitment to free trade."
    (position,) = positions_of(nlp, tmp_path, body, title="Chairman's Statement of the Andean Summit")
    assert position.speaker.name == "Heads of State of the Andean Community"


def test_a_joint_statement_speaks_for_the_participants(nlp, tmp_path):
    body = LEAD + "In a joint statement, they called for an end to illegal fishing. The joint statement said that patrols would double."
    names = {p.speaker.name for p in positions_of(nlp, tmp_path, body) if p.cue.text in ("called for", "said")}
    assert names == {"Maria Gonzalez and Ravi Rao"}


def test_a_statement_speaks_for_whoever_issued_it(nlp, tmp_path):
    body = ("The Ministry of Fisheries issued a statement on Tuesday. The statement said that quotas would be cut. "
            "The ministry's report warned that stocks were falling.")
    names = {p.cue.text: p.speaker.name for p in positions_of(nlp, tmp_path, body)}
    assert names["said"] == "Ministry of Fisheries" and names["warned"] == "Ministry of Fisheries"


def test_an_unresolved_pronoun_is_flagged_never_named(nlp, tmp_path):
    body = "The talks ended late on Tuesday. “We will meet again,” he said."
    (position,) = positions_of(nlp, tmp_path, body)
    assert position.speaker.name == "unidentified" and position.speaker.kind == "unknown"
    assert any("not resolved" in note for note in position.review)


def test_the_ministers_are_not_the_last_minister_named(nlp, tmp_path):
    body = ("The foreign ministers met in Lima on Tuesday. The talks were attended by Maria Gonzalez of Peru, "
            "Ravi Rao of Chile and Foreign Minister Lena Holm of Norway. The ministers stressed that quotas must be shared.")
    said = the_position(nlp, tmp_path, body, "stressed")
    assert said.speaker.name != "Lena Holm"


def test_an_interviewee_is_the_first_person_of_the_interview(nlp, tmp_path):
    body = ("In the interview, Foreign Minister Carlos Mendoza talks about the fisheries talks.\n"
            "Minister, are the talks stalled?\n"
            "I believe that the talks will succeed.")
    positions = positions_of(nlp, tmp_path, body, title="Interview with the Andes Post",
                             publisher="Ministry of Foreign Affairs, Peru")
    (belief,) = [p for p in positions if p.cue.text == "believe"]
    assert belief.speaker.name == "Carlos Mendoza"


def test_a_speech_title_names_its_speaker_even_when_the_text_does_not_tag_the_name(nlp, tmp_path):
    body = "I wish to thank you all for attending this breakfast. I hope that our cooperation will deepen."
    positions = positions_of(nlp, tmp_path, body,
                             title="Address by Peru's Minister of Foreign Affairs, Dr Elena Torres, at the Diplomatic Breakfast",
                             publisher="Ministry of Foreign Affairs, Peru")
    assert {p.speaker.name for p in positions} == {"Elena Torres"}


def test_a_role_description_fits_only_the_same_office(nlp, tmp_path):
    body = ("Prime Minister Jorge Silva of Peru met Foreign Minister Carlos Mendoza of Chile on Tuesday. "
            "Peru's foreign minister said that the talks went well.")
    said = the_position(nlp, tmp_path, body, "said")
    assert said.speaker.name != "Jorge Silva"


def test_the_ministry_is_named_as_the_text_first_described_it(nlp, tmp_path):
    body = ("Peru's foreign ministry said on Tuesday that the talks had ended. "
            "The ministry said that a second round would follow.")
    names = [p.speaker.name for p in positions_of(nlp, tmp_path, body)]
    assert names == ["Peru's foreign ministry", "Peru's foreign ministry"]


def test_the_bloc_is_the_body_last_named_and_the_kingdom_the_country(nlp, tmp_path):
    body = ("Leaders of ASEAN met in Jakarta on Tuesday. The bloc said that the talks had been useful. "
            "Thailand hosted a dinner for them. The kingdom said that it would host the next summit.")
    said = [p.speaker.name for p in positions_of(nlp, tmp_path, body) if p.cue.text == "said"]
    assert said == ["ASEAN", "Thailand"]


def test_a_plural_is_not_named_after_a_singular_description(nlp, tmp_path):
    body = ("Maria Gonzalez is the only elected leader of the region, her party said on Tuesday. "
            "The leaders said that elections would be held in June.")
    said = [p.speaker.name for p in positions_of(nlp, tmp_path, body) if p.speaker_mention.text == "The leaders"]
    assert said and said[0] != "only elected leader"


def test_the_ministers_of_two_countries_are_the_participants_from_them(nlp, tmp_path):
    body = LEAD + "The foreign ministers of Peru and Chile stressed that fisheries cooperation must deepen."
    said = the_position(nlp, tmp_path, body, "stressed")
    assert said.speaker.name == "Maria Gonzalez and Ravi Rao"


def test_a_thing_in_the_speakers_place_is_no_speaker(nlp, tmp_path):
    body = "Recent skirmishes on the border underline the need for a rethink of the talks, diplomats said."
    for position in positions_of(nlp, tmp_path, body):
        assert "skirmishes" not in position.speaker.name


def test_the_government_of_a_far_earlier_paragraph_is_not_named_again(nlp, tmp_path):
    body = ("The federal government said on Monday that cases had risen. " + "Schools stayed open. " * 4 +
            "In Chile, the government said that the first case had been confirmed.")
    said = [p.speaker.name for p in positions_of(nlp, tmp_path, body) if p.cue.text == "said"]
    assert said[-1] != "federal government"


def test_a_document_whose_issuer_is_not_said_is_flagged_never_named_document(nlp, tmp_path):
    body = ("Fishing boats returned to port in Callao on Monday. "
            "The document says that catches have fallen for a third year.")
    said = the_position(nlp, tmp_path, body, "says")
    assert said.speaker.name == "unidentified"
    assert any("is not said" in note for note in said.review)


def test_a_bodys_heads_of_state_speak_for_the_body(nlp, tmp_path):
    body = ("The Heads of State and Government of the African Union said on Sunday that tariffs "
            "between members must fall.")
    (said,) = positions_of(nlp, tmp_path, body)
    assert said.speaker.name == "African Union"


def test_things_and_times_in_a_speakers_place_are_flagged(nlp, tmp_path):
    body = ("Recent clashes on the border near the Sikkim region underline that relations remain fragile. "
            "The last ten years have shown that trade can grow.")
    for position in positions_of(nlp, tmp_path, body):
        assert position.speaker.name == "unidentified", position.speaker_mention.text


def test_a_journalist_named_with_an_outlet_is_the_name_with_the_outlet_as_affiliation(nlp, tmp_path):
    body = ("Official Spokesperson: Good afternoon.\n"
            "Ravi Rao, Official Spokesperson: Thank you all for joining.\n"
            'Priya from Reuters is asking, "Is there any progress on the trade talks with Chile?"')
    asked = the_position(nlp, tmp_path, body, "asking")
    assert (asked.speaker.name, asked.speaker.affiliation) == ("Priya", "Reuters")


def test_a_statement_in_a_title_case_headline_is_left_to_the_body(nlp, tmp_path):
    body = ("Ministry Reveals What Gonzalez, Rao Discussed Over The Phone\n\n"
            "Foreign Minister Maria Gonzalez said on Tuesday that fisheries talks with Chile would resume.")
    positions = positions_of(nlp, tmp_path, body)
    assert [p.speaker.name for p in positions] == ["Maria Gonzalez"]


def test_a_statement_in_a_headline_written_as_a_sentence_is_kept(nlp, tmp_path):
    body = ("Peru's foreign minister says fisheries talks with Chile will resume\n\n"
            "LIMA — Foreign Minister Maria Gonzalez met reporters in Lima on Tuesday.")
    positions = positions_of(nlp, tmp_path, body)
    assert [p.cue.text for p in positions] == ["says"]


def test_a_question_read_out_in_a_turn_is_the_askers_not_the_readers(nlp, tmp_path):
    body = ("Ravi Rao, Official Spokesperson: Good afternoon.\n"
            "Maria Gonzalez, Deputy Spokesperson: Thank you, Sir.\n"
            'Ravi Rao, Official Spokesperson: Sir, Priya from Reuters has asked, "Could you share the dates of the '
            'minister\'s visit to Chile?"')
    asked = the_position(nlp, tmp_path, body, "asked")
    assert asked.speaker.name == "Priya"
    assert asked.speaker_mention.text == "Priya from Reuters"


def test_according_to_an_agency_a_named_speakers_reported_clause_is_the_speakers(nlp, tmp_path):
    body = ("According to the Reuters news agency, Maria Gonzalez told reporters after the meeting that she "
            "urged Chile to reopen the fisheries talks.")
    positions = positions_of(nlp, tmp_path, body)
    assert positions and {p.speaker.name for p in positions} == {"Maria Gonzalez"}


def test_a_role_beside_a_coordinated_name_is_that_person(nlp, tmp_path):
    body = ("Foreign Minister Maria Gonzalez and her Chilean counterpart, Ravi Rao, said on Tuesday that "
            "fisheries talks would resume.")
    (said,) = positions_of(nlp, tmp_path, body)
    assert said.speaker.name == "Maria Gonzalez and Ravi Rao"


def test_a_quoted_term_is_not_a_quotation_of_the_speaker(nlp, tmp_path):
    body = ("Maria Gonzalez told reporters that Chile must make “a political decision”.")
    positions = positions_of(nlp, tmp_path, body)
    assert [p.text for p in positions] == ["that Chile must make “a political decision”"]


def test_an_office_no_one_named_holds_is_flagged_not_made_a_name(nlp, tmp_path):
    body = ("Trade has grown under the new administration. "
            "The President is hoping to restore the country's role as a leader on the world stage.")
    hoping = the_position(nlp, tmp_path, body, "hoping")
    assert hoping.speaker.name == "unidentified"
    assert hoping.speaker_mention.text == "The President" and hoping.review


# The speaker a description, a group or a document stands for: (what the text says, the cue, who).
@pytest.mark.parametrize("body, cue, speaker", [
    pytest.param(LEAD + "The two ministers were of the view that Peru and Chile share a long history of cooperation. "
                 "They said that both countries were committed to the accord.",
                 "said", "Maria Gonzalez and Ravi Rao", id="they_is_the_main_subject_before_it"),
    pytest.param("Leaders of the Andean Community met at an extraordinary Andean Community summit in Lima on Tuesday. "
                 "The summit called for a ceasefire in the border region.",
                 "called for", "Andean Community", id="a_summit_speaks_for_the_body_whose_summit_it_is"),
    pytest.param("Foreign Minister Carlos Mendoza arrived in Lima on Monday. "
                 "The foreign minister of Chile, Mendoza, said that the border would reopen.",
                 "said", "Carlos Mendoza", id="a_name_the_tagger_missed_after_a_title_is_the_person_named_in_full"),
    pytest.param("Trade officials met in Geneva on Monday. An EU statement said that the talks had been constructive.",
                 "said", "European Union", id="a_document_speaks_for_the_body_named_in_its_description"),
    pytest.param("The annual summit of the African Union closed in Addis Ababa on Sunday with a declaration on trade. "
                 "The document stresses that tariffs between members must fall.",
                 "stresses", "African Union", id="a_summits_declaration_speaks_for_the_body_that_held_it"),
    pytest.param("The annual summit of the African Union closed in Addis Ababa on Sunday. "
                 "The high-level meeting stressed that tariffs between members must fall.",
                 "stressed", "African Union", id="a_later_meeting_speaks_for_the_body_whose_summit_the_article_reports"),
    pytest.param("Heads of State and Government from ECOWAS convened in Abuja on Sunday. They called for calm. "
                 "The leaders condemned the attempted overthrow of the government in Niger.",
                 "condemned", "Economic Community of West African States",
                 id="the_leaders_are_the_body_whose_people_the_text_just_named"),
    pytest.param("The annual summit of the African Union opened in Addis Ababa on Sunday. "
                 "The summit attendees said that tariffs between members must fall.",
                 "said", "African Union", id="a_summits_attendees_speak_for_the_body_whose_summit_it_was"),
    pytest.param("Chinese Foreign Minister Wang Yi arrived in Moscow on Monday for talks with his Russian counterpart. "
                 "The diplomat said that both countries would oppose unilateral sanctions.",
                 "said", "Wang Yi", id="the_diplomat_is_the_foreign_minister_the_story_is_about"),
    pytest.param("Prime Minister Maria Gonzalez of Peru and Prime Minister Ravi Rao of Chile met in Lima on Tuesday. "
                 "The Prime Ministers recognised that fisheries cooperation must deepen.",
                 "recognised", "Maria Gonzalez and Ravi Rao", id="the_prime_ministers_are_the_two_prime_ministers_who_met"),
])
def test_the_speaker_is_the_one_the_description_names(nlp, tmp_path, body, cue, speaker):
    assert the_position(nlp, tmp_path, body, cue).speaker.name == speaker


def test_people_the_lexicon_does_not_list_still_speak_and_we_all_is_no_name(nlp, tmp_path):
    body = ("The rebels said that they would march on the capital. "
            "We all said that the talks had failed.")
    names = dict(speakers(positions_of(nlp, tmp_path, body)))
    assert names.get("The rebels") == "rebels"
    assert "all" not in names.values()


def test_an_office_abbreviation_is_the_one_person_given_that_office(nlp, tmp_path):
    body = ("Meghna from the Lima Herald asked, “What came of External Affairs Minister Ravi Rao's visit to Peru?”\n\n"
            "Spokesperson: Thank you. EAM reiterated that India supports efforts to keep the region at peace.")
    position = the_position(nlp, tmp_path, body, "reiterated")
    assert position.speaker.name == "Ravi Rao"
    assert position.speaker_mention.text == "EAM"


def test_calling_on_a_leader_is_a_visit_and_calling_on_parties_to_act_a_demand(nlp, tmp_path):
    body = ("External Affairs Minister Ravi Rao called on the President of Peru in Lima. "
            "He also called on all parties to exercise restraint.")
    positions = positions_of(nlp, tmp_path, body)
    assert [p.text for p in positions] == ["to exercise restraint"]


def test_a_possessive_for_a_country_tells_nothing_of_the_persons_gender(nlp, tmp_path):
    body = ("President Ravi Rao with Jorge Salas, the incoming envoy of Chile, at State House. Photo/PSCU\n\n"
            "President Ravi Rao has affirmed Peru’s commitment to her international partners.\n\n"
            "He expressed optimism that Peru will overcome the economic slowdown.")
    assert the_position(nlp, tmp_path, body, "expressed").speaker.name == "Ravi Rao"


def test_who_after_a_title_naming_a_country_is_the_person_with_that_title(nlp, tmp_path):
    body = ("The outgoing Chairperson of the Union, President Ravi Rao of the Republic of Peru declared open the "
            "official ceremony of the summit before handing over the baton of command to the newly elected "
            "Chairperson of the African Union, H.E Ana Park, President of the Republic of Chile who in her acceptance "
            "speech said “ It is with honor and humility that I accept to preside at the destiny of our Organisation "
            "during the year 2017.”")
    positions = positions_of(nlp, tmp_path, body)
    (quote,) = [p for p in positions if "honor and humility" in p.text]
    assert quote.speaker.name == "Ana Park"
    assert all("official ceremony" not in p.text for p in positions)  # declaring a ceremony open is an act


def test_welcoming_a_guest_is_hosting_and_welcoming_a_decision_a_position(nlp, tmp_path):
    body = ("Foreign Minister Ana Park welcomed her new Chilean counterpart to Lima. "
            "The ministry welcomed the decision to reopen the consulate.")
    assert [p.text for p in positions_of(nlp, tmp_path, body)] == ["the decision to reopen the consulate"]
