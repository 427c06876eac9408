"""Event summaries are the source's own words: sound deletions, else the sentence; phrase-boundary cuts."""

import re

from articles import extract_article


def summaries(nlp, tmp_path, body, published="2024-05-09"):
    return [e.summary for e in extract_article(nlp, tmp_path, body, published).events]


def words(text):
    return re.findall(r"\w+", text.lower())


def in_order(summary, sentence):
    remaining = iter(words(sentence))
    return all(any(w == s for s in remaining) for w in words(summary))


def test_a_deleted_date_takes_its_commas_and_leaves_no_empty_brackets(nlp, tmp_path):
    body = "The bloc, which was founded in 2009, admitted Chile (on 4 May 2024) after a vote."
    for summary in summaries(nlp, tmp_path, body):
        assert "( )" not in summary and "()" not in summary and " ," not in summary
        assert summary.count("(") == summary.count(")")
        assert in_order(summary, body)


def test_a_dateline_never_starts_a_summary(nlp, tmp_path):
    body = "LIMA, May 4 (Andina) -- Peru and Chile signed a fisheries accord on Saturday."
    (summary,) = summaries(nlp, tmp_path, body)
    assert summary.startswith("Peru and Chile signed")
    assert "LIMA" not in summary and "Andina" not in summary


def test_a_long_summary_is_cut_at_a_phrase_boundary(nlp, tmp_path):
    body = ("The foreign ministers of Peru and Chile signed on Monday an agreement on fisheries cooperation in the "
            "southern Pacific Ocean with provisions for joint patrols, shared catch data, common quotas for anchovy "
            "and sardine, and a standing commission to settle disputes between fishing fleets of both countries.")
    (summary,) = summaries(nlp, tmp_path, body)
    assert summary.endswith(" …")
    kept = summary.removesuffix(" …")
    assert in_order(kept, body)
    # The cut falls where a phrase ends: never on a function word waiting for its object.
    assert words(kept)[-1] not in {"the", "a", "an", "of", "and", "for", "with", "to", "in", "on"}
    assert len(words(kept)) <= 28


def test_a_relative_clause_takes_its_antecedent_but_not_what_follows_the_clause(nlp, tmp_path):
    body = ("The council heard Foreign Minister Ana Park, who briefed her counterparts on Monday, and the needs "
            "of the flooded provinces.")
    assert any(s.startswith("Foreign Minister Ana Park briefed her counterparts") for s in summaries(nlp, tmp_path, body))


def test_a_subject_pronoun_reads_as_the_person(nlp, tmp_path):
    body = "Foreign Minister Ana Park arrived in Lima on Sunday. She met President Ravi Rao on Monday."
    assert "Ana Park met President Ravi Rao" in summaries(nlp, tmp_path, body)


def test_a_participle_without_its_clause_is_summarised_by_its_sentence(nlp, tmp_path):
    body = "Peru welcomed Chile hosting the summit this year and Ecuador doing the same next year."
    assert all(not s.startswith("Ecuador doing") for s in summaries(nlp, tmp_path, body))


def test_a_clause_with_no_finite_verb_is_summarised_by_its_sentence(nlp, tmp_path):
    body = "Peruvian President Ana Park is the current chair of the bloc having been elected in June 2023."
    # "current" is a time expression (now), left out with the date like any other
    assert summaries(nlp, tmp_path, body) == ["Peruvian President Ana Park is the chair of the bloc having been elected"]


def test_they_is_replaced_by_the_people_it_stands_for(nlp, tmp_path):
    body = ("Maria Gonzalez and Ravi Rao met in Lima on Tuesday. "
            "They also agreed on 7 May to open a joint consulate in Arica.")
    assert "Maria Gonzalez and Ravi Rao also agreed to open a joint consulate in Arica" in summaries(nlp, tmp_path, body)


def test_a_subject_the_parser_hung_on_a_dateline_keeps_its_place(nlp, tmp_path):
    from articles import extract_article

    # The parser reads "Tehran" as the subject and the spokesman as in apposition to it.
    body = ("Tehran: Iran's Foreign Ministry spokesman Ana Park announced that Foreign Minister Ravi Rao has left "
            "for Oman, leading a diplomatic delegation for nuclear negotiations with the United States.")
    (event,) = extract_article(nlp, tmp_path, body).events
    assert event.summary.startswith("Iran's Foreign Ministry spokesman Ana Park announced that Foreign Minister Ravi Rao")


def test_a_summary_never_ends_on_a_conjunction_whose_clause_was_only_a_date(nlp, tmp_path):
    from articles import extract_article

    body = "Furthermore, the ministers announced in a joint declaration that as of 7 August."
    summaries = [e.summary for e in extract_article(nlp, tmp_path, body).events]
    assert summaries and all(not s.endswith(" that") for s in summaries)
