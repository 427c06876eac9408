"""The bound on sentence length that keeps text without full stops from taking hours."""

from briefgen.long_sentences import COMPONENT_NAME, MAX_TOKENS_WITHOUT_A_SENTENCE_END


def test_the_pipeline_bounds_sentences_before_parsing(nlp):
    assert nlp.pipe_names.index(COMPONENT_NAME) == nlp.pipe_names.index("parser") - 1


def test_a_line_without_sentence_ends_is_cut_into_bounded_sentences(nlp):
    doc = nlp(" ".join(["Norway and Chile met in Oslo"] * 200))  # 1,200 tokens, no full stop
    lengths = [len(sent) for sent in doc.sents]
    assert sum(lengths) == 1200
    assert max(lengths) <= MAX_TOKENS_WITHOUT_A_SENTENCE_END
    assert len(lengths) >= 1200 // MAX_TOKENS_WITHOUT_A_SENTENCE_END


def test_prose_sentences_are_left_to_the_parser(nlp):
    text = "Norway and Chile met in Oslo. The ministers signed an agreement! Will it hold? Nobody knows."
    doc = nlp(text)
    assert [sent.text for sent in doc.sents] == [
        "Norway and Chile met in Oslo.", "The ministers signed an agreement!", "Will it hold?", "Nobody knows."]
