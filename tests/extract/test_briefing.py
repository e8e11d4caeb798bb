import pytest

from service.extract import content_hash, parse
from service.extract.briefing import describe
from service.extract.records import Document, Mention, Span, Speaker, Statement
from service.extract.text import split


def doc_of(body, headline="Headline", published=None):
    text = f"{headline}\n\n{body}"
    return split(Document(text=text, content_hash=content_hash(text), published=published))


def briefing_of(body, **kw):
    return describe(doc_of(body, **kw)).briefing


@pytest.mark.parametrize("body, kind", [
    ("The Foreign Office spokesperson, during a weekly briefing, said talks would resume.", "press_briefing"),
    ("The minister told reporters in the capital that the border would reopen.", "press_briefing"),
    ("The premier said at a press conference that taxes would fall.", "press_briefing"),
    ("The two ministers spoke by telephone late on Sunday, according to officials.", "call"),
    ("The president held a phone call with his counterpart on Monday.", "call"),
    ("The mayor said in an interview with a local radio station that he would run.", "interview"),
    ("The assembly voted on the budget yesterday and passed it.", "vote"),
    ("The Security Council vetoed the draft resolution on Friday.", "vote"),
    ("The president delivered a speech to the nation on Tuesday evening.", "speech"),
    ("The ministers met in Geneva on Thursday to discuss the crisis.", "meeting"),
    ("The ministry said in a statement that the embassy would stay closed.", "statement"),
    ("Floods swept through the valley on Monday, destroying homes and crops.", "news_report"),
])
def test_kind_from_the_lead(body, kind):
    assert briefing_of(body).kind == kind


def test_a_briefing_outranks_a_statement_named_first():
    body = ("The government expressed concern, a statement says.\n"
            "Its spokesperson said at a news conference that aid would follow.")
    assert briefing_of(body).kind == "press_briefing"


def test_a_release_is_a_statement_unless_its_headline_names_an_event():
    body = "Office of the Spokesperson\n\nThe United States welcomes the agreement between the two parties."
    assert briefing_of(body, headline="The Agreement on Trade").kind == "statement"
    assert briefing_of(body, headline="Readout of the Meeting with Regional Partners").kind == "meeting"
    assert briefing_of("Today the President signed the bill into law.",
                       headline="Statement by the President on the Budget Act").kind == "statement"


def test_dateline_gives_location():
    b = briefing_of("Islamabad, Pakistan – The ministers spoke by telephone on Sunday.")
    assert (b.kind, b.location) == ("call", "Islamabad")
    assert briefing_of("WASHINGTON — The ministers met with reporters.").location == "Washington"


def test_the_place_named_after_the_event():
    assert briefing_of("The two leaders met today in Jeddah and discussed trade.").location == "Jeddah"
    assert briefing_of("Floods swept through the valley in Gaza.").location is None


def test_host_of_a_briefing_is_the_spokespersons_office_with_the_country():
    b = briefing_of("Pakistan expressed its regret.\nForeign Office spokesperson, Jane Doe, during a weekly "
                    "briefing, stated that talks would go on.")
    assert (b.kind, b.host) == ("press_briefing", "Pakistan Foreign Office")
    assert briefing_of("The two ministers spoke by telephone on Sunday. The State Department spokesperson "
                       "said they discussed trade.").host is None


def test_date_from_the_dateline_and_the_weekday():
    b = briefing_of("Friday, September 13, 2019\n\nOn Wednesday, the court issued an opinion on the case.")
    assert (b.date, b.date_text) == ("2019-09-11", "On Wednesday")
    b = briefing_of("Saturday, April 20, 2019\n\nYesterday the court sentenced the couple.")
    assert (b.date, b.date_text) == ("2019-04-19", "Yesterday")
    b = briefing_of("The ministers spoke by telephone late on Sunday.")
    assert (b.date, b.date_text) == (None, "late on Sunday")


def test_participants_are_the_speakers_named_where_the_event_is():
    doc = doc_of("The two ministers spoke by telephone on Sunday.\nA spokesperson for the ministry, Ann Lee, "
                 "said the talks went well.")
    text = doc.text
    a, b, c = Speaker("sp_a", "Ministers"), Speaker("sp_b", "Ann Lee"), Speaker("sp_c", "Nobody")
    doc.speakers = {s.id: s for s in (a, b, c)}
    start = text.index("ministers")
    lee = text.index("Ann Lee")
    doc.mentions = [Mention(start, start + 9, "ministers", "group", "sp_a"),
                    Mention(lee, lee + 7, "Ann Lee", "name", "sp_b")]
    assert describe(doc).briefing.participants == ["sp_a"]


def test_a_runaway_lead_is_read_only_up_to_its_bound():
    """The lead is read to a bounded length, so 5,000 list items hide the meeting after them
    (what the bound saves is measured by bench/adversarial.py)."""
    briefing = briefing_of(("1, " * 5000) + " the ministers met in Oslo.")
    assert (briefing.kind, briefing.location) == ("news_report", None)


def test_a_speaker_named_inside_what_was_said_is_no_participant():
    doc = doc_of("The spokesperson, during a weekly briefing, stated that Pakistan condemns the decision.")
    text = doc.text
    doc.speakers = {"sp_s": Speaker("sp_s", "Jane Doe"), "sp_p": Speaker("sp_p", "Pakistan", kind="country")}
    spokesperson, pakistan = text.index("The spokesperson"), text.index("Pakistan")
    doc.mentions = [Mention(spokesperson, spokesperson + 16, "The spokesperson", "role", "sp_s"),
                    Mention(pakistan, pakistan + 8, "Pakistan", "country", "sp_p")]
    content = text.index("Pakistan condemns")
    doc.statements = [Statement("st_1", Span(content, len(text) - 1, text[content:-1]), "indirect")]
    assert describe(doc).briefing.participants == ["sp_s"]


def test_people_named_in_the_event_take_part_even_when_they_said_nothing():
    doc = parse("Call\n\nForeign Minister Ana Velasco spoke with Trade Secretary Piet Roos by telephone on Sunday, "
                "according to a statement from the ministry.\nVelasco said the call was useful.")
    assert doc.briefing.kind == "call"
    names = [doc.speakers[sid].name for sid in doc.briefing.participants]
    assert names == ["Ana Velasco", "Piet Roos"]
    assert doc.speakers[doc.briefing.participants[1]].role == "Trade Secretary"
