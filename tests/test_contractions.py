"""Lemmas of contractions typed with a typographic apostrophe, as with a straight one."""

from briefgen.contractions import COMPONENT_NAME


def lemmas(nlp, text, word):
    return [t.lemma_ for t in nlp(text) if t.text == word]


def test_the_component_runs_after_the_lemmatizer(nlp):
    assert nlp.pipe_names.index(COMPONENT_NAME) == nlp.pipe_names.index("lemmatizer") + 1


def test_verb_contractions_get_the_lemma_of_their_straight_spelling(nlp):
    for apostrophe in ("'", "’"):
        assert lemmas(nlp, f"That{apostrophe}s a rise from December.", f"{apostrophe}s") == ["be"]
        assert lemmas(nlp, f"They{apostrophe}re ready.", f"{apostrophe}re") == ["be"]
        assert lemmas(nlp, f"We{apostrophe}ve gone.", f"{apostrophe}ve") == ["have"]


def test_let_us_and_possessives_are_no_verbs(nlp):
    assert lemmas(nlp, "Let’s defeat her in November.", "’s") == ["us"]
    assert lemmas(nlp, "Clinton’s campaign spoke.", "’s") == ["’s"]
