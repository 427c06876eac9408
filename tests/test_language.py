"""The check that warns when a text does not look like English."""

import pytest

from briefgen.ingest import read_document
from briefgen.ingest.language import MIN_WORDS_TO_JUDGE, english_share, language_warning

ENGLISH = ("The foreign minister said on Tuesday that talks with his counterparts would resume next week "
           "in Brussels, according to a statement published by the government. Officials met in Paris to "
           "discuss trade and regional security, the spokesman said, but he gave no details of the timetable.")
FRENCH = ("Le ministre des Affaires étrangères a déclaré mardi que les négociations avec ses homologues "
          "reprendraient la semaine prochaine à Bruxelles, selon un communiqué publié par le gouvernement. "
          "Les responsables se sont réunis à Paris pour discuter du commerce et de la sécurité régionale.")
KOREAN = "외교부 장관은 화요일 협상이 다음 주 브뤼셀에서 재개될 것이라고 말했다. " * 8


def test_english_prose_is_about_a_third_function_words():
    # 46 words, of which 17 are on the list: the (4), said (2), to (2), that, with, his,
    # would, by, and, but, he, of.
    assert english_share(ENGLISH) == (17 / 46, 46)


@pytest.mark.parametrize("text", [FRENCH, KOREAN])
def test_other_languages_are_warned_about(text):
    assert "does not look like English (0% common English words)" in language_warning(text)


def test_english_is_not_warned_about():
    assert language_warning(ENGLISH) is None


def test_too_few_words_are_not_judged():
    short = " ".join(FRENCH.split()[: MIN_WORDS_TO_JUDGE - 1])
    assert language_warning(short) is None


def test_reading_a_foreign_article_warns_but_reads_it(tmp_path):
    path = tmp_path / "article.txt"
    path.write_text(FRENCH, encoding="utf-8")
    document, warnings = read_document(path, "S1")
    assert document.text == FRENCH
    assert any("does not look like English" in w for w in warnings)
