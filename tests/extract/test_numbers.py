import re

import pytest

from service.extract import numbers


@pytest.mark.parametrize("text, value", [
    ("two", 2), ("twelve", 12), ("forty-two", 42), ("one hundred and five", 105), ("twelve hundred", 1200),
    ("three hundred thousand", 300000), ("two thousand three hundred", 2300), ("four million", 4000000),
    ("three-and-a-half million", 3500000), ("two and a half", 2.5), ("two dozen", 24), ("zero", 0),
])
def test_number_words(text, value):
    assert numbers.parse_words(text) == value


def test_words_that_are_not_one_number():
    assert numbers.parse_words("two and three") is None
    assert numbers.parse_words("several") is None
    assert numbers.parse_words("") is None


@pytest.mark.parametrize("text, value", [("42", 42), ("1,200", 1200), ("3.5", 3.5), ("1,234,567.5", 1234567.5)])
def test_digits(text, value):
    assert numbers.parse_digits(text) == value


@pytest.mark.parametrize("text, value", [
    ("30th", 30), ("21st", 21), ("2nd", 2), ("fourth", 4), ("second", 2), ("twentieth", 20),
    ("forty-second", 42), ("twenty-first", 21), ("hundredth", 100),
])
def test_ordinals(text, value):
    assert numbers.parse_ordinal(text) == value


def test_alternation_matches_whole_words_lower_or_capitalised_only():
    pattern = re.compile(r"\b" + numbers.alternation(["four", "fourteen", "forty"]) + r"\b")
    assert [m.group() for m in pattern.finditer("Four fourteen forty FORTY fourty")] == ["Four", "fourteen", "forty"]


def test_the_words_pattern_takes_a_whole_run():
    pattern = re.compile(numbers.WORDS)
    assert pattern.match("one hundred and twenty people").group() == "one hundred and twenty"
    assert pattern.match("three-and-a-half million refugees").group() == "three-and-a-half million"
    assert pattern.match("two and three million").group() == "two"
