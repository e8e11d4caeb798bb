import pytest

from service.extract import cues


def found(text):
    return [m.group() for m in cues.find(text, 0, len(text))]


@pytest.mark.parametrize("word", ["said", "says", "stated", "added", "clarified", "dismissed", "stressed",
                                  "underscored", "expressed", "condemned", "claimed", "warned", "urged",
                                  "reiterated", "affirmed", "noted", "mentioned", "insisted", "denied",
                                  "confirmed", "announced", "wrote", "tweeted", "saying", "stating"])
def test_reporting_verbs_in_every_form(word):
    assert found(f"The minister {word} that talks would go on.") == [word]


def test_phrases_and_auxiliaries_belong_to_the_cue():
    assert found("She has also said it. He told reporters that. According to the ministry, it read the "
                 "brief statement.") == ["has also said", "told reporters", "According to", "read"]


def test_thinking_and_wanting_are_not_cues():
    assert found("She believes it. They hope so. He wants peace. I think not.") == []


def test_cue_words_used_as_nouns_or_adjectives_are_skipped():
    assert found("The report was late. Its stated aim is peace. Member states met.") == []


def test_core_participle_and_topic():
    assert cues.core("has also called for") == "called for"
    assert cues.is_participle("saying") and cues.is_participle("citing") and cues.is_participle("telling reporters")
    assert not cues.is_participle("according to")
    assert cues.is_topic("discussed") and not cues.is_topic("said")


@pytest.mark.parametrize("word", ["joked", "shouted", "retweeted", "signalled", "signaled", "signalling"])
def test_more_verbs_of_saying_and_british_spellings(word):
    assert found(f"The coach {word} that the match was over.") == [word]


def test_blaming_and_characterising_need_a_clause():
    assert cues.reports_a_clause("blamed", "the storm for the delay", False) is False
    assert cues.reports_a_clause("blamed", "the storm was the cause", True) is True
    assert found("She characterised the deal as a failure.") == ["characterised"]
