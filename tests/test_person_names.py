"""One person however the press writes the name; the form the memo prints."""

import pytest

from briefgen.extract.actors.person_names import display_name, name_key, same_person


@pytest.mark.parametrize("a, b", [
    ("KISHIDA Fumio", "Fumio Kishida"),          # family name first, in capitals
    ("Yoon Suk-yeol", "Yoon Suk Yeol"),          # a given name with a hyphen or a space
    ("Retno LP Marsudi", "Retno Marsudi"),       # initials in the middle
    ("Sergey Lavrov", "Sergei Lavrov"),          # a transliteration a letter apart
    ("Mohammed Shaheen", "Muhammad Shaheen"),    # two letters apart
    ("S Jaishankar", "Subrahmanyam Jaishankar"),  # an initial for the given name
    ("Mohamed bin Zayed", "Mohamed bin Zayed Al Nahyan"),  # a shorter and a longer form
    ("Shri Narendra Modi", "Narendra Modi"),     # a courtesy title written as part of the name
    ("Frank-Walter Steinmeier", "Frank Walter Steinmeier"),
    ("Abdel Fattah El Sisi", "Abdel Fattah al-Sisi"),   # the Arabic article spelt two ways
    ("Cyril Ramaphosa", "Cyril Ramphosa"),           # a slip in a long family name
])
def test_one_person(a, b):
    assert same_person(a, b) and same_person(b, a)


@pytest.mark.parametrize("a, b", [
    ("Ana Park", "Ravi Park"),            # same family, another person
    ("Kim Jong Un", "Kim Yo Jong"),
    ("Sergey Lavrov", "Sergey Ryabkov"),
    ("Ana Park", "Park"),                 # a lone name is decided in context, not here
    ("Cho Hyun", "Cho Hyun-dong"),        # a longer given name is another person
    ("Ana Park", "Ana Pork"),             # a short family name a letter apart is another name
])
def test_different_people(a, b):
    assert not same_person(a, b)


def test_the_key_drops_titles_initials_hyphens_and_accents():
    assert name_key("H.E. Mr. Mevlüt Çavuşoğlu") == ("mevlut", "cavusoglu")
    assert name_key("George W. Bush") == ("george", "bush")
    assert name_key("Yoon Suk-yeol") == ("yoon", "sukyeol")


def test_the_printed_name_is_the_fullest_in_the_texts_own_case():
    assert display_name(["KISHIDA Fumio", "Fumio Kishida"]) == "Fumio Kishida"
    assert display_name(["Mr. KISHIDA Fumio"]) == "Kishida Fumio"
    assert display_name(["Narendra Modi", "Shri Narendra Modi"]) == "Narendra Modi"
    assert display_name(["Lavrov", "Sergei Lavrov"]) == "Sergei Lavrov"
    assert display_name(["Kamikawa Yoko", "Yoko Kamikawa", "Yoko Kamikawa"]) == "Yoko Kamikawa"  # the commoner form
