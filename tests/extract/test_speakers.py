import pytest

from service.extract import PIPELINE, content_hash
from service.extract.records import Document


def parse(body):
    text = "Headline\n\n" + body
    doc = Document(text=text, content_hash=content_hash(text))
    return PIPELINE.run(doc, until="speakers")


def speakers_of(doc):
    return [(st.speaker_mention.text if st.speaker_mention else None,
             doc.speakers[st.speaker_id].name if st.speaker_id else None) for st in doc.statements]


def test_pronouns_role_nouns_and_surnames_resolve_to_the_full_name():
    doc = parse("US Secretary of State Antony Blinken said the talks failed. He added that they would resume. "
                "The Secretary said they were useful. Blinken said more would follow.")
    assert speakers_of(doc) == [("US Secretary of State Antony Blinken", "Antony Blinken"),
                                ("He", "Antony Blinken"), ("The Secretary", "Antony Blinken"),
                                ("Blinken", "Antony Blinken")]
    [sp] = doc.speakers.values()
    assert sp.kind == "person" and sp.role == "US Secretary of State" and sp.affiliation == "United States"
    assert set(sp.aliases) == {"Antony Blinken", "US Secretary of State Antony Blinken", "Blinken"}  # not "He"


def test_a_surname_named_first_takes_the_fuller_name_given_later():
    doc = parse("Price said the talks failed. Spokesperson Ned Price said they would resume.")
    assert [name for _, name in speakers_of(doc)] == ["Ned Price", "Ned Price"]


def test_editorial_brackets_are_stripped():
    doc = parse("Antony Blinken arrived. “We support it,” [Secretary Blinken] said.")
    assert speakers_of(doc) == [("[Secretary Blinken]", "Antony Blinken")]


def test_countries_take_one_canonical_name_with_aliases():
    doc = parse("The U.S. said the vote was a mistake. The United States said it would act. "
                "The US said it would not wait.")
    assert {name for _, name in speakers_of(doc)} == {"United States"}
    sp = next(iter(doc.speakers.values()))
    assert sp.kind == "country" and {"U.S.", "United States", "US"} <= set(sp.aliases)


def test_it_goes_to_an_organisation_not_a_person():
    doc = parse("Robert Wood spoke. The Foreign Office said the visit was useful. It added that more would come.")
    assert speakers_of(doc)[-1] == ("It", "Foreign Office")


def test_quotes_take_the_speaker_of_their_statement():
    doc = parse('"We are ready," said Mumtaz Zahra Baloch.')
    [q] = doc.quotes
    assert doc.speakers[q.speaker_id].name == "Mumtaz Zahra Baloch"
    assert q.statement_id == doc.statements[0].id


def test_an_institution_noun_goes_to_the_organisation_named_most():
    doc = parse("The High Court of Justice heard the case. The High Court of Justice sat late. The Appeals Court "
                "will hear an appeal. The court said that the ban was unlawful.")
    assert speakers_of(doc)[-1] == ("The court", "High Court of Justice")


def test_they_goes_to_a_group_and_he_to_the_subject_of_the_sentence_before():
    doc = parse("Chilean officials said the man was ill. They added that he had died. "
                "Omar Aziz endorsed Luis Gomez. “It is time,” he said.")
    assert [name for _, name in speakers_of(doc)] == ["Chilean officials", "Chilean officials", "Omar Aziz"]


@pytest.mark.parametrize("sentence, name, role, affiliation", [
    ("Foreign Ministry spokesperson Amina Rashid Qadir said the talks would resume.",
     "Amina Rashid Qadir", "Foreign Ministry spokesperson", "Foreign Ministry"),
    ("Foreign Office spokesperson, Amina Qadir, during a weekly briefing, stated that the talks would resume.",
     "Amina Qadir", "Foreign Office spokesperson", "Foreign Office"),
    ("US Department of State spokesperson Ned Doe said the talks would resume.",
     "Ned Doe", "US Department of State spokesperson", "United States"),
    ("Pakistani Foreign Minister Shah Doe said the talks would resume.",
     "Shah Doe", "Pakistani Foreign Minister", "Pakistan"),
    ("Robert Doe, deputy ambassador to the United Nations, said the talks would resume.",
     "Robert Doe", "deputy ambassador to the United Nations", None),
    ("Israel's UN ambassador Danny Doe claims the talks would resume.",
     "Danny Doe", "Israel's UN ambassador", "Israel"),
    ("Opposition leader Farhan Khan said the talks would resume.", "Farhan Khan", "Opposition leader", None),
    ("The Foreign Ministry spokesperson, Qadir, said the talks would resume.",
     "Qadir", "Foreign Ministry spokesperson", "Foreign Ministry"),
    ("Mayor Sadia Khan said the talks would resume.", "Sadia Khan", "Mayor", None),
    ("Ambassador Amina Rashid Qadir said the talks would resume.", "Amina Rashid Qadir", "Ambassador", None),
    ("Dr. Lena Ortiz, director of Amnesty International, said the talks would resume.",
     "Lena Ortiz", "director of Amnesty International", "Amnesty International"),
    ("The Senate minority leader Paul Vance said the talks would resume.",
     "Paul Vance", "Senate minority leader", "Senate"),
])
def test_speakers_take_the_role_written_before_the_name_or_in_apposition(sentence, name, role, affiliation):
    doc = parse(sentence)
    [sp] = doc.speakers.values()
    assert (sp.name, sp.role, sp.affiliation) == (name, role, affiliation)


def test_a_role_given_anywhere_in_the_article_goes_to_the_person():
    doc = parse("Talks began as Pakistani Foreign Minister Shah Doe arrived. Later, Doe said they would resume.")
    [sp] = doc.speakers.values()
    assert (sp.name, sp.role, sp.affiliation) == ("Shah Doe", "Pakistani Foreign Minister", "Pakistan")


def test_a_verb_before_a_role_noun_is_not_part_of_the_role():
    doc = parse("Reporters met activist Lena Ortiz. Ortiz said the talks would resume.")
    assert next(iter(doc.speakers.values())).role == "activist"


def test_aliases_are_names_never_pronouns_or_bare_role_nouns():
    doc = parse("Spokesperson Amina Qadir said the talks failed. She added that they would resume. "
                "The spokesperson said they were useful. Qadir said more would follow. "
                "The ministry said it agreed. It said the visit was useful.")
    for sp in doc.speakers.values():
        assert not {a.lower() for a in sp.aliases} & {"she", "it", "the spokesperson", "spokesperson", "ministry"}
    assert {"Amina Qadir", "Qadir"} <= set(next(iter(doc.speakers.values())).aliases)


def test_a_bare_document_noun_takes_the_name_the_article_gave_it():
    doc = parse("Members debated a UN Security Council resolution on the war. The resolution demanded that "
                "the fighting stop at once.")
    [sp] = doc.speakers.values()
    assert (sp.name, sp.kind, sp.aliases) == ("UN Security Council resolution", "document", [sp.name])


def test_a_release_of_several_actors_has_no_single_speaker():
    doc = parse("According to statements from both governments, the ministers discussed the border.")
    assert speakers_of(doc) == [("statements from both governments", None)] and not doc.speakers


def test_an_organisation_named_two_ways_is_one_speaker_with_both_names():
    doc = parse("The US Department of State said the talks failed. The U.S. said it would act. "
                "The State Department said the talks would resume. The United States said it agreed.")
    names = sorted(sp.name for sp in doc.speakers.values())
    assert names == ["US Department of State", "United States"]
    by_name = {sp.name: sp for sp in doc.speakers.values()}
    assert "State Department" in by_name["US Department of State"].aliases
    assert {"U.S.", "United States"} <= set(by_name["United States"].aliases)
    assert {name for _, name in speakers_of(doc)} == {"US Department of State", "United States"}
    assert len({sp.name for sp in doc.speakers.values()}) == len(doc.speakers)


def test_an_office_speaks_for_its_holder():
    doc = parse("Prime Minister Ana Velasco spoke with Chancellor Piet Roos, according to a statement from her office. "
                "Roos's office said the call was useful.")
    assert [name for _, name in speakers_of(doc)] == ["Ana Velasco", "Piet Roos"]


def test_releases_are_not_aliases_of_their_issuer():
    doc = parse("President Lena Ortiz said the border would reopen. "
                "A statement released by Ortiz's office said the talks would go on. Their statement said more.")
    aliases = {a for sp in doc.speakers.values() for a in sp.aliases}
    assert not any("statement" in a.lower() for a in aliases)
