import pytest

from service.extract import content_hash
from service.extract.mentions import describe, find_mentions, role_of
from service.extract.records import Document
from service.extract.text import split


def mentions_of(body):
    text = "Headline\n\n" + body
    doc = find_mentions(split(Document(text=text, content_hash=content_hash(text))))
    for m in doc.mentions:
        assert text[m.start:m.end] == m.text
    return [(m.kind, m.text) for m in doc.mentions if m.start >= doc.body_start]


def test_people_with_titles_and_roles_before_the_name():
    found = mentions_of("US Secretary of State Antony Blinken met Foreign Office spokesperson, "
                        "Mumtaz Zahra Baloch, today.")
    assert ("name", "US Secretary of State Antony Blinken") in found
    assert ("name", "Mumtaz Zahra Baloch") in found
    assert ("organization", "Foreign Office") in found


def test_countries_demonyms_pronouns_roles_and_groups():
    found = mentions_of("A Pakistani statement said the spokesperson and Japanese officials met. She left.")
    assert ("country", "Pakistani") in found
    assert ("role", "the spokesperson") in found
    assert ("group", "Japanese officials") in found
    assert ("pronoun", "She") in found


def test_sentence_initial_ordinary_words_are_not_names():
    found = mentions_of("Regarding the plan, regarding nothing else, Robert Wood spoke.")
    assert found == [("name", "Robert Wood")]


@pytest.mark.parametrize("text, expected", [
    ("US Secretary of State Antony Blinken", ("Antony Blinken", "US Secretary of State", "United States", "person")),
    ("President Ana Reyes of Chile", ("Ana Reyes", "President", "Chile", "person")),
    ("Governor of Ohio Anna Berg", ("Anna Berg", "Governor of Ohio", None, "person")),
    ("University of Utah Provo Sara Kim", ("Sara Kim", "University of Utah Provo", None, "person")),
    ("Foreign Office spokesperson, Mumtaz Zahra Baloch",
     ("Mumtaz Zahra Baloch", "Foreign Office spokesperson", None, "person")),
    ("Pakistani Foreign Office", ("Pakistani Foreign Office", None, "Pakistan", "organization")),
    ("University of California", ("University of California", None, None, "organization")),
    ("U.S.", ("United States", None, None, "country")),
    ("The Director General", ("Director General", "Director General", None, "role")),
    ("Resolution 2334 of the Security Council", ("Resolution 2334 of the Security Council", None, None, "document")),
    ("United States Embassy in Iraq", ("United States Embassy in Iraq", None, "United States", "organization")),
])
def test_describe_splits_name_role_and_affiliation(text, expected):
    assert describe(text) == expected


def test_sentence_initial_participles_are_dropped_but_names_ending_in_ing_are_kept():
    found = mentions_of("Speaking at the summit, Beijing officials left. Airbus did not comment.")
    assert ("name", "Speaking") not in found
    assert ("name", "Airbus") in found


@pytest.mark.parametrize("text, name, expected", [
    ("Foreign Ministry spokesperson Amina Rashid Qadir said", "Amina Rashid Qadir",
     ("Foreign Ministry spokesperson", "Foreign Ministry")),
    ("Israel's UN ambassador Danny Doe claims", "Danny Doe", ("Israel's UN ambassador", "Israel")),
    ("former US President Ana Reyes said", "US President Ana Reyes", ("former US President", "United States")),
    ("Robert Doe, deputy ambassador to the United Nations, said", "Robert Doe",
     ("deputy ambassador to the United Nations", None)),
    ("Omar Aziz, during a weekly briefing, said", "Omar Aziz", (None, None)),
    ("Omar Aziz, who leads the party, said", "Omar Aziz", (None, None)),
    ("Dr. Omar Aziz said", "Dr. Omar Aziz", (None, None)),
    ("Lena Ortiz, an editor at the Daily Courier, said", "Lena Ortiz",
     ("editor at the Daily Courier", "Daily Courier")),
])
def test_role_of_reads_the_role_around_a_name(text, name, expected):
    start = text.index(name)
    assert role_of(text, start, start + len(name)) == expected
