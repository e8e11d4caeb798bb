from service.extract import content_hash
from service.extract.quotes import find_quotes
from service.extract.records import Document
from service.extract.text import split


def quotes_of(body):
    text = "Headline\n\n" + body
    doc = find_quotes(split(Document(text=text, content_hash=content_hash(text))))
    for q in doc.quotes:
        assert text[q.start:q.end] == q.text
    return doc.quotes


def test_curly_and_straight_double_quotes():
    qs = quotes_of('He said “we will go” and then "we will stay."')
    assert [q.text for q in qs] == ["we will go", "we will stay."]
    assert all(q.closed for q in qs)


def test_apostrophes_are_not_quote_marks():
    qs = quotes_of("Pakistan’s view on the '90s: the countries' leaders don't agree, she said.")
    assert qs == []


def test_single_marks_used_as_quotes_and_nesting():
    qs = quotes_of("It expressed 'deep regret'. He said “they called it ‘a farce’ yesterday.”")
    assert [q.text for q in qs] == ["deep regret", "they called it ‘a farce’ yesterday."]


def test_unclosed_quote_runs_to_the_end_of_its_paragraph():
    qs = quotes_of('The envoy claims the plan "was not a path to peace.\nNext paragraph.')
    assert [(q.text, q.closed) for q in qs] == [("was not a path to peace.", False)]


def test_quotation_continued_over_paragraphs_is_one_quote_per_paragraph():
    qs = quotes_of('She said: "First part.\n\n"Second part.\n\n"Last part."')
    assert [(q.text, q.closed) for q in qs] == [("First part.", False), ("Second part.", False), ("Last part.", True)]


def test_editorial_brackets_are_kept():
    [q] = quotes_of("He called for “reaffirm[ing] the importance of [a] US role.”")
    assert q.text == "reaffirm[ing] the importance of [a] US role."


def test_partial_quotes_and_full_quotations():
    qs = quotes_of('Pakistan expressed its "deep regret" over it. He replied "I am not able to do that".')
    assert [(q.text, q.partial) for q in qs] == [("deep regret", True), ("I am not able to do that", False)]


def test_titles_and_words_used_as_words_are_not_quotes():
    qs = quotes_of('He signed the “Global Trade Partnership Act of 2024” and used the word "pandemic".')
    assert qs == []


def test_two_single_marks_are_one_double_mark():
    qs = quotes_of("''The vote is close,'' the mayor said. ``We expect a recount.''")
    assert [(q.text, q.closed) for q in qs] == [("The vote is close,", True), ("We expect a recount.", True)]


def test_two_single_marks_close_an_inner_single_quotation_first():
    [q] = quotes_of("''She called the plan 'a fraud'' at the rally.")
    assert q.text == "She called the plan 'a fraud'' at the rally."


def test_an_opening_mark_after_a_sentence_end_closes_and_reopens():
    qs = quotes_of('The coach said: "We trained hard. "Then the rain came and we lost."')
    assert [(q.text, q.closed) for q in qs] == [("We trained hard.", False), ("Then the rain came and we lost.", True)]
    qs = quotes_of("He wrote: “The bridge is safe. “Nobody was hurt,” he said.")
    assert [(q.text, q.closed) for q in qs] == [("The bridge is safe.", False), ("Nobody was hurt,", True)]


def test_a_quotation_inside_a_sentence_is_not_reopened():
    [q] = quotes_of('She said "the budget is set. It stays" and left.')
    assert (q.text, q.closed) == ("the budget is set. It stays", True)
