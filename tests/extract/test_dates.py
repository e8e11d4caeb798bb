import datetime

import pytest

from service.extract import dates


def value(text, reference=None):
    m = dates.DATE.search(text)
    return m.group(), dates.date_value(m, reference)


@pytest.mark.parametrize("text, expected", [
    ("on November 20 at the UN", ("November 20", "11-20")),
    ("on Nov. 20, 2023 at the UN", ("Nov. 20, 2023", "2023-11-20")),
    ("on 20 November 2023 at the UN", ("20 November 2023", "2023-11-20")),
    ("since December 2001", ("December 2001", "2001-12")),
    ("on June 15th in Tokyo", ("June 15th", "06-15")),
    ("on May 6th, 2022 in Geneva", ("May 6th, 2022", "2022-05-06")),
    ("on Friday, September 13, 2019", ("Friday, September 13, 2019", "2019-09-13")),
    ("from August 2-6 in Phnom Penh", ("August 2-6", "08-02")),
])
def test_dates_without_reference(text, expected):
    assert value(text) == expected


def test_month_and_day_take_the_nearest_year():
    assert value("on November 20", datetime.date(2024, 11, 22))[1] == "2024-11-20"
    assert value("on December 31", datetime.date(2020, 1, 3))[1] == "2019-12-31"
    assert value("on January 2", datetime.date(2019, 12, 30))[1] == "2020-01-02"


def test_month_of_this_or_last_year():
    assert value("in January of this year", datetime.date(2019, 12, 14)) == ("January of this year", "2019-01")
    assert value("in January of last year", datetime.date(2019, 4, 20)) == ("January of last year", "2018-01")
    assert value("in January of last year") == ("January of last year", None)


def test_may_the_verb_is_not_a_date():
    assert dates.DATE.search("The talks may 5 times fail") is None
    assert dates.DATE.search("They may resume talks") is None


def test_an_impossible_date_has_no_value():
    assert value("on February 30, 2021")[1] is None


def test_dateline_alone_on_a_line_or_before_a_dash():
    text = "Headline\n\nFriday, September 13, 2019\n\nOn Wednesday the court ruled."
    assert dates.dateline(text, text.index("Friday"))[0] == datetime.date(2019, 9, 13)
    text = "Headline\nIslamabad, November 21, 2024 – The ministry said on Monday that talks would resume."
    assert dates.dateline(text, text.index("Islamabad"))[0] == datetime.date(2024, 11, 21)


def test_a_date_inside_a_paragraph_is_no_dateline():
    text = "Headline\n\nOn April 12, 1981, Space Shuttle Columbia lifted off from the Kennedy Space Center in Florida."
    assert dates.dateline(text, text.index("On April")) is None


def test_reference_date_prefers_the_published_date():
    text = "Headline\n\nFriday, September 13, 2019\n\nBody."
    assert dates.reference_date(text, 10, "2019-09-14T08:00:00+00:00") == datetime.date(2019, 9, 14)
    assert dates.reference_date(text, 10, None) == datetime.date(2019, 9, 13)
    assert dates.reference_date(text, 10, "not a date") == datetime.date(2019, 9, 13)
