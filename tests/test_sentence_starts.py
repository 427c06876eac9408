"""Sentence boundaries set before parsing: line breaks, no start without an end, a bound on length."""

from briefgen.sentence_starts import COMPONENT_NAME, MAX_TOKENS_WITHOUT_A_SENTENCE_END


def _sentences(nlp, text):
    return [sent.text.strip() for sent in nlp(text).sents if sent.text.strip()]


def test_the_pipeline_sets_sentence_starts_before_parsing(nlp):
    assert nlp.pipe_names.index(COMPONENT_NAME) == nlp.pipe_names.index("parser") - 1


def test_a_line_without_sentence_ends_is_cut_into_bounded_sentences(nlp):
    doc = nlp(" ".join(["Norway and Chile met in Oslo"] * 200))  # 1,200 tokens, no full stop
    lengths = [len(sent) for sent in doc.sents]
    assert sum(lengths) == 1200
    assert max(lengths) <= MAX_TOKENS_WITHOUT_A_SENTENCE_END
    assert len(lengths) >= 1200 // MAX_TOKENS_WITHOUT_A_SENTENCE_END


def test_prose_sentences_are_left_to_the_parser(nlp):
    text = "Norway and Chile met in Oslo. The ministers signed an agreement! Will it hold? Nobody knows."
    assert _sentences(nlp, text) == [
        "Norway and Chile met in Oslo.", "The ministers signed an agreement!", "Will it hold?", "Nobody knows."]


def test_a_headline_on_its_own_line_is_not_read_into_the_lead(nlp):
    text = "Leaders meet in Lima\nPresident Ana Park met Prime Minister Ravi Rao in Lima on Monday."
    assert _sentences(nlp, text) == ["Leaders meet in Lima", "President Ana Park met Prime Minister Ravi Rao in Lima on Monday."]


def test_a_dateline_line_and_list_items_are_sentences_of_their_own(nlp):
    text = "Wire | Lima | Updated: 05-05-2021\n\n- The two leaders met in Lima\n- They signed a trade pact"
    assert _sentences(nlp, text) == ["Wire | Lima | Updated: 05-05-2021", "- The two leaders met in Lima", "- They signed a trade pact"]


def test_no_sentence_starts_at_a_capitalised_name_without_a_full_stop_before_it(nlp):
    text = "Japanese Prime Minister Aiko Tanaka held talks with PM Ravi Rao and Foreign Minister Ana Park in Lima on Monday."
    assert _sentences(nlp, text) == [text]


def test_a_closing_quotation_mark_may_stand_between_two_sentences(nlp):
    text = "“We will meet again.” The talks ended on Monday."
    assert _sentences(nlp, text) == ["“We will meet again.”", "The talks ended on Monday."]


def test_text_wrapped_at_a_fixed_width_keeps_its_sentences_across_lines(nlp):
    text = ("The foreign ministers of Norway and Chile met in Oslo on Monday and\n"
            "signed an agreement on green hydrogen cooperation that both sides\n"
            "called a first step.\n"
            "\n"
            "Talks will resume in March.")
    assert _sentences(nlp, text) == [
        "The foreign ministers of Norway and Chile met in Oslo on Monday and\n"
        "signed an agreement on green hydrogen cooperation that both sides\n"
        "called a first step.",
        "Talks will resume in March."]
