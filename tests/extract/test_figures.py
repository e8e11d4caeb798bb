import pytest

from service.extract import content_hash
from service.extract.figures import find_figures
from service.extract.ids import record_id
from service.extract.records import Document, Span, Statement
from service.extract.text import split


def doc_of(body, published=None, headline="Headline"):
    text = f"{headline}\n\n{body}"
    doc = split(Document(text=text, content_hash=content_hash(text), published=published))
    return find_figures(doc)


def figures_of(body, **kw):
    return doc_of(body, **kw).figures


def only(body, **kw):
    figures = figures_of(body, **kw)
    assert len(figures) == 1, [f.text for f in figures]
    return figures[0]


def row(f):
    return f.text, f.kind, f.value, f.unit, f.qualifier, f.subject


@pytest.mark.parametrize("body, expected", [
    # counts, digits and words, with qualifiers and counted nouns
    ("At least 42 Palestinians were killed on Monday.",
     ("At least 42 Palestinians", "count", 42, None, "at_least", "Palestinians")),
    ("The team planted 1,200 trees last year.", ("1,200 trees", "count", 1200, None, None, "trees")),
    ("Officials said forty-two villages were flooded.",
     ("forty-two villages", "count", 42, None, None, "villages")),
    ("The ministry hired twelve new inspectors.",
     ("twelve new inspectors", "count", 12, None, None, "new inspectors")),
    ("Police detained a dozen protesters.", ("a dozen protesters", "count", 12, None, None, "protesters")),
    ("More than 300 students signed the letter.",
     ("More than 300 students", "count", 300, None, "more_than", "students")),
    ("The plan covers over 25 countries.", ("over 25 countries", "count", 25, None, "more_than", "countries")),
    ("Up to 200 applicants will be chosen.", ("Up to 200 applicants", "count", 200, None, "at_most", "applicants")),
    ("Fewer than 50 voters came.", ("Fewer than 50 voters", "count", 50, None, "less_than", "voters")),
    ("Nearly 3,000 families fled.", ("Nearly 3,000 families", "count", 3000, None, "about", "families")),
    ("Some 80 boats were seen.", ("Some 80 boats", "count", 80, None, "about", "boats")),
    ("The fund reached 1.5 million households.",
     ("1.5 million households", "count", 1500000, None, None, "households")),
    ("It sent two million doses.", ("two million doses", "count", 2000000, None, None, "doses")),
    ("The rally drew 35 thousand people.", ("35 thousand people", "count", 35000, None, None, "people")),
    ("The court heard three-and-a-half million claims.",
     ("three-and-a-half million claims", "count", 3500000, None, None, "claims")),
    ("The group set out six lines of effort.", ("six lines of effort", "count", 6, None, None, "lines of effort")),
    ("They funded 244 embassies and consulates.",
     ("244 embassies and consulates", "count", 244, None, None, "embassies and consulates")),
    ("It took 107 or more lives.", ("107 or more lives", "count", 107, None, "at_least", "lives")),
    ("More than 1000 people marched.", ("More than 1000 people", "count", 1000, None, "more_than", "people")),
    ("They found over four thousand other planets.",
     ("over four thousand other planets", "count", 4000, None, "more_than", "planets")),
    ("It infected around 35,000 worldwide in a month.", ("around 35,000", "count", 35000, None, "about", None)),
    ("Another 200 more were saved.", ("200 more", "count", 200, None, None, None)),
    ("She was tending to three injured people.",
     ("three injured people", "count", 3, None, None, "injured people")),
    ("It took a dozen years to finish.", ("a dozen years", "duration", 12, "year", None, None)),
    # money
    ("The bank lent $500 million to the city.", ("$500 million", "money", 500000000, "USD", None, None)),
    ("The club paid £3bn for the land.", ("£3bn", "money", 3000000000, "GBP", None, None)),
    ("Pakistan approved Rs 10 billion for schools.", ("Rs 10 billion", "money", 10000000000, "PKR", None, None)),
    ("The grant was over 422,000 euros.", ("over 422,000 euros", "money", 422000, "EUR", "more_than", None)),
    ("The prize was SEK9 million.", ("SEK9 million", "money", 9000000, "SEK", None, None)),
    ("Donors pledged 10 million USD.", ("10 million USD", "money", 10000000, "USD", None, None)),
    ("It saves as much as $3,000 per pair.", ("as much as $3,000", "money", 3000, "USD", "at_most", None)),
    ("The cost rose to 5 billion Canadian dollars.",
     ("5 billion Canadian dollars", "money", 5000000000, "CAD", None, None)),
    # percentages
    ("Turnout was 75 percent this time.", ("75 percent", "percent", 75, None, None, None)),
    ("Turnout was 75% this time.", ("75%", "percent", 75, None, None, None)),
    ("Turnout was 75 per cent this time.", ("75 per cent", "percent", 75, None, None, None)),
    ("Prices fell by at least 15% in May.", ("at least 15%", "percent", 15, None, "at_least", None)),
    ("Support was less than one percent.", ("less than one percent", "percent", 1, None, "less_than", None)),
    # ranges
    ("Between 15,000 and 20,000 troops moved.",
     ("Between 15,000 and 20,000 troops", "count", 15000, None, "range", "troops")),
    ("It will take 10 to 15 engineers.", ("10 to 15 engineers", "count", 10, None, "range", "engineers")),
    ("It will take 10-15 engineers.", ("10-15 engineers", "count", 10, None, "range", "engineers")),
    ("They found three or four wrecks.", ("three or four wrecks", "count", 3, None, "range", "wrecks")),
    # durations
    ("It ended the 13-month-long war in the region.", ("13-month-long", "duration", 13, "month", None, None)),
    ("She stayed for three weeks in the camp.", ("three weeks", "duration", 3, "week", None, None)),
    ("The talks began a week ago in Doha.", ("a week ago", "duration", 1, "week", None, None)),
    ("The office has worked for over a decade on it.", ("over a decade", "duration", 10, "year", "more_than", None)),
    ("Results are due within 48 hours of the vote.", ("within 48 hours", "duration", 48, "hour", "at_most", None)),
    ("The race lasted 47.42 seconds in all.", ("47.42 seconds", "duration", 47.42, "second", None, None)),
    ("Five hours earlier the road closed.", ("Five hours earlier", "duration", 5, "hour", None, None)),
    ("It marked the eight-year war with a parade.", ("eight-year", "duration", 8, "year", None, None)),
    # ages
    ("A 32-year-old man was arrested.", ("32-year-old", "age", 32, "year", None, None)),
    ("She joined the group aged 14 in Paris.", ("aged 14", "age", 14, "year", None, None)),
    ("He was 23 years old at the time.", ("23 years old", "age", 23, "year", None, None)),
    ("Their nine-month-old child was ill.", ("nine-month-old", "age", 9, "month", None, None)),
    ("She began at the age of fifteen in Stockholm.", ("the age of fifteen", "age", 15, "year", None, None)),
    ("Thomas Sam, 42, stood trial.", ("42", "age", 42, "year", None, None)),
    ("Another brother, 22, was still chained.", ("22", "age", 22, "year", None, None)),
    ("He was 101 and died in June.", ("101", "age", 101, "year", None, None)),
    ("He fell ill at the age of four months.", ("the age of four months", "age", 4, "month", None, None)),
    # ordinals
    ("Crowds marked the 75th anniversary of the republic.", ("75th anniversary", "ordinal", 75, None, None, None)),
    ("This was the fourth meeting of the group.", ("fourth meeting", "ordinal", 4, None, None, None)),
    ("It was his second attempt at the record.", ("second attempt", "ordinal", 2, None, None, None)),
    # quantities with units
    ("The convoy drove 300 km across the desert.", ("300 km", "quantity", 300, "km", None, None)),
    ("The ship carried 5,000 tonnes of wheat.", ("5,000 tonnes", "quantity", 5000, "tonne", None, None)),
    ("The wreck lay at about 430 meters below.", ("about 430 meters", "quantity", 430, "meter", "about", None)),
    ("The sub rested over 1400 feet down.", ("over 1400 feet", "quantity", 1400, "foot", "more_than", None)),
    ("It flew a 22-mile route over the sea.", ("22-mile", "quantity", 22, "mile", None, None)),
    ("The ship held 71 metric tons of aid.", ("71 metric tons", "quantity", 71, "metric ton", None, None)),
    # fractions and multiples
    ("Two-thirds of the members agreed.", ("Two-thirds", "other", 0.666667, None, None, None)),
    ("Costs rose 18-fold since then.", ("18-fold", "other", 18, None, None, None)),
])
def test_forms(body, expected):
    assert row(only(body)) == expected


@pytest.mark.parametrize("body, expected", [
    ("The vote took place on November 20 in New York.", ("November 20", "11-20")),
    ("The vote took place on Nov. 20, 2023 in New York.", ("Nov. 20, 2023", "2023-11-20")),
    ("The vote took place on 20 November in New York.", ("20 November", "11-20")),
    ("The law passed in 2005 after a long debate.", ("2005", "2005")),
    ("The war began in December 2001 with an attack.", ("December 2001", "2001-12")),
    ("The summit runs August 27-28 in Jakarta.", ("August 27-28", "08-27")),
    ("He travels from June 5 to 14 through Asia.", ("June 5 to 14", "06-05")),
    ("Temperatures returned to 1950s levels? No: the 1950s were cooler.", ("1950s", "1950")),
])
def test_dates_without_a_reference_keep_month_and_day(body, expected):
    figures = [f for f in figures_of(body) if f.kind == "date"]
    assert (figures[-1].text, figures[-1].value) == expected


def test_dates_take_their_year_from_the_dateline():
    body = "Friday, September 13, 2019\n\nOn Wednesday the court met. It first sat on September 10 and on August 3."
    dated = [(f.text, f.value) for f in figures_of(body) if f.kind == "date"]
    assert dated == [("Friday, September 13, 2019", "2019-09-13"), ("September 10", "2019-09-10"),
                     ("August 3", "2019-08-03")]


def test_dates_take_their_year_from_the_published_date_first():
    figure = only("The vote took place on November 20 in New York.", published="2024-11-22")
    assert (figure.kind, figure.value) == ("date", "2024-11-20")


def test_a_date_near_new_year_takes_the_closer_year():
    figure = only("The attack of December 31 was condemned.", published="2020-01-03")
    assert figure.value == "2019-12-31"


def test_a_date_range_is_a_range():
    figure = only("The meetings run June 1-2, 2021 in San Jose.")
    assert (figure.text, figure.value, figure.qualifier) == ("June 1-2, 2021", "2021-06-01", "range")


@pytest.mark.parametrize("body", [
    "Leaders met at the G20 summit in Rome.",
    "The COVID-19 pandemic spread quickly.",
    "The council adopted Resolution 2334 unanimously.",
    "Pakistan bought more F-16 jets.",
    "Article 5 of the treaty was invoked.",
    "The ruling cites section 7 of the Act.",
    "The Apollo 11 crew landed safely.",
    "The meeting starts at 10:30 a.m. sharp.",
    "The meeting starts at 3 pm sharp.",
    "For details call 202-647-4000 today.",
    "One of the officials resigned.",
    "No one was hurt in the blast.",
    "The ministers held a meeting in Oslo.",
    "It happened on Wednesday in Cairo.",
    "The announcement came live on air at 0617 UTC.",
    "He served the Group of Seven with distinction.",
    "She was the first woman to lead it.",
    "The bill ties sections 1213, 1217, and 1227(a)(1) together.",
    "The 21st-Century Trade Act passed.",
])
def test_numbers_that_name_or_only_mean_a_are_not_figures(body):
    assert figures_of(body) == []


@pytest.mark.parametrize("body, expected", [
    ("Dozens more were wounded.", ("Dozens more", "count", None, None, None, None)),
    ("Hundreds of protesters gathered.", ("Hundreds of protesters", "count", None, None, None, "protesters")),
    ("Several municipalities asked for taxes.",
     ("Several municipalities", "count", None, None, None, "municipalities")),
    ("Tens of thousands marched.", ("Tens of thousands", "count", None, None, None, None)),
    ("The dispute lasted for decades in the valley.", ("decades", "duration", None, "year", None, None)),
])
def test_vague_amounts_have_no_value(body, expected):
    assert row(only(body)) == expected


def test_parts_point_at_their_whole_and_events_are_read():
    body = "At least 192 people, including 58 children and 34 women, have been killed."
    whole, children, women = figures_of(body)
    assert (whole.text, whole.event) == ("At least 192 people", None)
    assert (children.text, children.part_of) == ("58 children", whole.id)
    assert (women.text, women.part_of) == ("34 women", whole.id)
    assert whole.part_of is None


def test_the_event_verb_after_the_counted_noun_or_before_the_number():
    killed = only("At least 42 Palestinians were killed in the strike.")
    assert killed.event == "killed"
    wounding = figures_of("The storm caused a collapse, wounding 238 pilgrims.")[0]
    assert (wounding.text, wounding.event) == ("238 pilgrims", "wounded")


def test_ids_offsets_and_statements():
    body = "The minister said 58 children had died. Another 12 were missing."
    doc = doc_of(body)
    text = doc.text
    content_start = text.index("58 children")
    statement = Statement(id="st_x", content=Span(content_start, text.index(". Another"),
                                                  text[content_start:text.index(". Another")]), type="indirect")
    doc.statements = [statement]
    find_figures(doc)
    first, second = doc.figures
    assert text[first.start:first.end] == first.text == "58 children"
    assert first.id == record_id("figure", doc.content_hash, first.start, first.end)
    assert first.statement_id == "st_x"
    assert second.statement_id is None and second.value == 12


def test_headline_numbers_are_not_read():
    assert figures_of("Nothing here.", headline="At least 107 killed in crane collapse") == []


def test_ten_kilobytes_of_numbers_are_all_read():
    """Every repeated number is a figure (the time this takes is measured by bench/adversarial.py)."""
    body = ("$5 bn 10-15 km 3 percent Nov. 3 " * 400)[:10000]
    assert len(figures_of(body)) > 1000
