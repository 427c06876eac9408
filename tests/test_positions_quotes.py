"""Quotation marks: pairing, unbalanced marks, paragraphs and quotes within quotes."""

from briefgen.extract.positions.quotes import find_quotes


def inner(text):
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_typographic_and_straight_quotes_are_paired():
    text = 'She said “the talks failed” and later "we will try again."'
    assert inner(text) == ["the talks failed", "we will try again."]


def test_quote_spanning_sentences_is_one_quote():
    text = "“We came. We talked. We left,” he said."
    assert inner(text) == ["We came. We talked. We left,"]


def test_single_quotes_inside_double_quotes_stay_inside():
    text = "“They called it ‘a fair deal’ at first,” she said."
    assert inner(text) == ["They called it ‘a fair deal’ at first,"]


def test_apostrophes_are_not_quotes():
    assert inner("Korea’s envoy and the Smiths’ house.") == []


def test_odd_number_of_marks_runs_to_the_end_of_the_paragraph():
    text = "He said “this never closes\nNext paragraph is plain."
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["this never closes"]
    assert not quotes[0].closed


def test_multi_paragraph_quote_is_marked_as_continuing():
    text = "“First paragraph of the speech\n“Second paragraph ends it.”"
    first, second = find_quotes(text)
    assert not first.closed and not first.continues_previous
    assert second.closed and second.continues_previous


def test_a_new_opening_mark_ends_an_unclosed_quote():
    text = "“One quote never closed “Another one.”"
    assert inner(text) == ["One quote never closed", "Another one."]


def test_mixed_straight_and_curly_marks_pair():
    text = '"We learned a lot,” he said. “We will build it," she added.'
    assert inner(text) == ["We learned a lot,", "We will build it,"]
