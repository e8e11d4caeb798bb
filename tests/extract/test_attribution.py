"""One sentence per rule of ``attribution.py``; spans are checked exactly."""
import pytest

from service.extract import PIPELINE, content_hash
from service.extract.records import Document

UP_TO_SPEAKERS = PIPELINE.up_to("speakers")


def parse(body):
    text = "Headline\n\n" + body
    doc = Document(text=text, content_hash=content_hash(text))
    for stage in UP_TO_SPEAKERS:
        stage(doc)
    for st in doc.statements:
        assert text[st.content.start:st.content.end] == st.content.text
        assert st.cue is None or text[st.cue.start:st.cue.end] == st.cue.text
    return doc


def only(doc):
    assert len(doc.statements) == 1, [(s.rule, s.content.text) for s in doc.statements]
    st = doc.statements[0]
    name = doc.speakers[st.speaker_id].name if st.speaker_id else None
    return st.rule, st.type, st.cue.text if st.cue else None, st.content.text, name


@pytest.mark.parametrize("body, expected", [
    ('"We will not accept this," Robert Wood said.',
     ("quote-cue X-said", "direct", "said", '"We will not accept this,"', "Robert Wood")),
    ('"We will not accept this," said Robert Wood, the deputy ambassador.',
     ("quote-cue said-X", "direct", "said", '"We will not accept this,"', "Robert Wood")),
    ('Robert Wood told reporters: "We will not accept this."',
     ("cue-quote", "direct", "told reporters", '"We will not accept this."', "Robert Wood")),
    ("Foreign Office spokesperson, Mumtaz Zahra Baloch, during a weekly briefing, stated that Pakistan "
     "condemns the veto.",
     ("cue-content", "indirect", "stated", "Pakistan condemns the veto", "Mumtaz Zahra Baloch")),
    ("Robert Wood, deputy ambassador to the United Nations, said in a statement on Friday that the talks failed.",
     ("cue-content", "indirect", "said", "the talks failed", "Robert Wood")),
    ("The talks will resume next week, the spokesperson said.",
     ("content-cue", "indirect", "said", "The talks will resume next week", "spokesperson")),
    ("According to the Foreign Office, the talks will resume next week.",
     ("according-to", "indirect", "According to", "the talks will resume next week", "Foreign Office")),
    ("The talks will resume next week, according to Reuters.",
     ("according-to", "indirect", "according to", "The talks will resume next week", "Reuters")),
    ('Robert Wood said the talks would continue "in full force" this year.',
     ("cue-content", "mixed", "said", 'the talks would continue "in full force" this year', "Robert Wood")),
])
def test_patterns(body, expected):
    assert only(parse(body)) == expected


def test_a_quotation_broken_by_its_attribution_is_one_statement_and_two_quotes():
    doc = parse('"We came to talk," she said, "and we will stay."')
    assert [s.content.text for s in doc.statements] == ['"We came to talk,"']
    st = doc.statements[0]
    assert len(doc.quotes) == 2 and all(q.statement_id == st.id for q in doc.quotes)
    assert st.speaker_mention.text == "she"


def test_participle_takes_the_subject_of_its_clause():
    doc = parse("Mumtaz Zahra Baloch dismissed the rumors, stating that the envoys had visited Pakistan.")
    st = [s for s in doc.statements if s.rule == "participle"][0]
    assert st.content.text == "the envoys had visited Pakistan"
    assert doc.speakers[st.speaker_id].name == "Mumtaz Zahra Baloch"


def test_a_release_that_speaks_is_the_issuing_actor():
    doc = parse("“The minister apprised the Secretary of the situation,” read the Pakistani statement.")
    assert only(doc)[4] == "Pakistan"
    doc = parse("A Pakistani statement said the meeting was held in a cordial atmosphere.")
    assert only(doc)[4] == "Pakistan"


def test_a_quotation_paragraph_after_a_quote_inherits_its_speaker():
    doc = parse('"We came to talk," Robert Wood said.\n\n"We will stay as long as it takes."')
    assert [s.rule for s in doc.statements] == ["quote-cue X-said", "continued"]
    assert doc.statements[1].cue is None
    assert {doc.speakers[q.speaker_id].name for q in doc.quotes} == {"Robert Wood"}


def test_a_cue_without_content_hands_its_source_to_the_next_quotation():
    doc = parse('Senator John Smith issued a statement on the decision. "I am disappointed with it."')
    st = doc.statements[-1]
    assert st.rule == "cue-then-quote" and st.content.text == '"I am disappointed with it."'
    assert doc.speakers[st.speaker_id].name == "John Smith"


def test_thinking_and_non_communication_are_not_statements():
    assert parse("The minister believes the talks will fail. She visited Kabul and met officials.").statements == []


def test_two_statements_in_one_sentence():
    doc = parse("Robert Wood said the talks failed, but Ned Price said they would resume.")
    assert [(s.content.text, doc.speakers[s.speaker_id].name) for s in doc.statements] == [
        ("the talks failed", "Robert Wood"), ("they would resume", "Ned Price")]


def test_as_clauses_and_parenthetical_according_to():
    doc = parse("As announced by Secretary Antony Blinken, the flag will be flown all week.")
    assert only(doc) == ("as-cue", "indirect", "announced", "the flag will be flown all week", "Antony Blinken")
    doc = parse("The group then led, according to Reuters, the largest march in years.")
    assert only(doc)[3] == "The group then led, according to Reuters, the largest march in years"


def test_noun_phrase_only_content_is_not_a_statement():
    assert parse("The minister stressed the importance of dialogue.").statements == []
    assert [s.content.text for s in parse("The minister stressed that dialogue matters most.").statements] == [
        "dialogue matters most"]


@pytest.mark.parametrize("piece", [
    "Smith, who said, ", "X said, ", "he said that she said that ", '"We go," Smith said. ',
    "Smith left, saying ", 'Smith said: "we, ', "[Secretary Blinken] said, ", '"a" \' “b ‘c ',
    "According to the ministry, ", "As Smith said, ", "Robert Wood told reporters Ned Price said ",
])
def test_ten_kilobytes_of_hostile_text_keep_every_span_true(piece):
    """Hostile repetitions parse to records whose evidence is where they say (speed: bench/adversarial.py)."""
    from service.extract import parse as full_parse

    text = "Headline\n\n" + (piece * (10_000 // len(piece) + 1))[:10_000]
    doc = full_parse(text)
    for statement in doc.statements:
        for span in filter(None, (statement.content, statement.cue, statement.speaker_mention)):
            assert doc.text[span.start:span.end] == span.text
    for quote in doc.quotes:
        assert quote.start < quote.end and quote.text.strip()


def test_a_source_set_off_by_commas_inside_its_content():
    doc = parse("The speaker closed the session, a step whose timing, Reuters noted, raised questions.")
    assert only(doc)[:4] == ("aside", "indirect", "noted", "a step whose timing, Reuters noted, raised questions")


def test_a_subordinate_clause_ends_its_content():
    doc = parse("Even though Omar Aziz admitted to acting alone, two others were charged by the court.")
    assert only(doc)[3:] == ("to acting alone", "Omar Aziz")


def test_that_after_a_noun_is_a_relative_pronoun_not_a_complementizer():
    doc = parse("The mayor ordered his staff to delay funds that had been set aside for the park.")
    assert [s.content.text for s in doc.statements] == ["his staff to delay funds that had been set aside for the park"]


def test_a_dateline_and_a_weekday_do_not_hide_the_subject():
    doc = parse("Port Elan – The Ministry of Energy on Monday rejected claims that it had cut supplies, calling "
                "them \"false\".")
    names = {doc.speakers[s.speaker_id].name for s in doc.statements}
    assert names == {"Ministry of Energy"}
    assert [s.content.text for s in doc.statements] == ["claims that it had cut supplies", 'them "false"']


def quote_speakers(doc):
    return [(q.text, doc.speakers[q.speaker_id].name if q.speaker_id else None) for q in doc.quotes]


def test_a_name_with_a_role_in_apposition_and_according_to_before_the_quote():
    doc = parse('Ann Hall, Lady Reed, the President of the court decided, according to the summary, '
                '"that the order was unlawful and of no effect".')
    assert only(doc)[2:] == ("decided", '"that the order was unlawful and of no effect"', "Ann Hall")


def test_decided_to_is_not_a_statement():
    assert parse("The council decided to close the bridge for the winter months.").statements == []


def test_a_quotation_takes_the_source_its_reporter_quotes():
    doc = parse('According to Reuters, quoting the Interior Ministry, the army was told to prepare '
                'for a "state of alert".')
    assert only(doc)[4] == "Reuters"
    assert quote_speakers(doc) == [("state of alert", "Interior Ministry")]


def test_a_quotation_completing_a_naming_verb_takes_its_agent():
    doc = parse('The unions said the demands included that Harlow Council stop referring to the camp as '
                '"illegal," and more pay.')
    assert quote_speakers(doc) == [("illegal,", "Harlow Council")]


def test_a_quotation_followed_by_a_legal_citation_is_the_cited_text():
    doc = parse("I recognize that “the power is not unlimited” (Doe v. Roe) and will act on it.")
    [q] = doc.quotes
    sp = doc.speakers[q.speaker_id]
    assert (sp.name, sp.kind) == ("Doe v. Roe", "document")


def test_a_quotation_continues_over_a_picture_caption():
    doc = parse('Governor Ana Reyes said, "The museum worked hard for this.\n\n'
                'The museum at night. Image: Jo Lee.\n\n'
                '"It will inspire young people."')
    assert [name for _, name in quote_speakers(doc)] == ["Ana Reyes", "Ana Reyes"]


def test_two_single_marks_quote_like_a_double_mark():
    doc = parse("''The harbour will reopen in May,'' said Maria Lopez, the port director.")
    assert only(doc) == ("quote-cue said-X", "direct", "said", "''The harbour will reopen in May,''", "Maria Lopez")


def test_a_quotation_run_into_one_line_keeps_the_cue_after_it():
    doc = parse('"The floods came at night. "We lost the whole harvest," the farmer said.')
    st = [s for s in doc.statements if s.cue is not None]
    assert [(s.content.text, s.speaker_mention.text) for s in st] == [('"We lost the whole harvest,"', "the farmer")]


def test_a_clause_ending_in_a_quotation_before_the_cue_is_mixed_content():
    doc = parse('The new bridge "will carry twice the traffic," said Tom Baker, the city engineer.')
    assert only(doc) == ("quote-cue mixed", "mixed", "said", 'The new bridge "will carry twice the traffic,"',
                         "Tom Baker")
    doc = parse("The budget “leaves nothing for schools,” she told reporters.")
    assert only(doc)[:4] == ("quote-cue mixed", "mixed", "told reporters", "The budget “leaves nothing for schools,”")


def test_a_quotation_inside_a_clause_with_its_own_verb_is_not_mixed_content():
    doc = parse("The mayor praised the “quiet heroes,” thanking the volunteers.")
    assert [s.rule for s in doc.statements if s.rule == "quote-cue mixed"] == []


def test_an_age_in_apposition_between_speaker_and_cue():
    doc = parse('"We waited six hours," Anna Berg, 42, said at the station.')
    assert only(doc)[4] == "Anna Berg"
    doc = parse("Carlos Mendes, 67, a retired teacher, said the school should stay open.")
    assert only(doc)[3:] == ("the school should stay open", "Carlos Mendes")


@pytest.mark.parametrize("body, source", [
    ("In the same survey, 38 percent of farmers said the rain came too late.", "38 percent of farmers"),
    ("About 3 in 5 say they will vote early this year.", "About 3 in 5"),
    ("Nearly half of those polled said prices had risen.", "Nearly half of those polled"),
])
def test_a_share_of_people_is_a_subject(body, source):
    [st] = parse(body).statements
    assert st.rule == "cue-content" and st.speaker_mention.text == source


def test_a_number_before_a_noun_that_looks_like_a_cue_is_no_subject():
    assert parse("Since then, five states have passed new limits on the fishing season.").statements == []


def test_a_continued_quotation_keeps_the_words_naming_its_source():
    doc = parse('"The river rose fast," he said. "We had an hour to leave."')
    first, second = doc.statements
    assert second.rule == "continued" and second.speaker_mention == first.speaker_mention
    assert second.speaker_id == first.speaker_id


def test_a_relative_who_names_the_source_even_after_a_preposition():
    doc = parse("The harbour reopened with help from Mayor Ines Kovac, who said she expects trade to recover.")
    [st] = doc.statements
    assert (st.speaker_mention.text, st.content.text) == ("Mayor Ines Kovac", "she expects trade to recover")


def test_a_that_less_clause_after_a_time_adjunct():
    [st] = parse("Omar Farid said on Friday he would step down in June.").statements
    assert (st.speaker_mention.text, st.content.text) == ("Omar Farid", "he would step down in June")


def test_the_head_of_a_subject_stands_before_its_preposition():
    [st] = parse("A person familiar with the talks says the deal will be signed soon.").statements
    assert (st.speaker_mention.text, st.content.text) == ("A person familiar with the talks",
                                                         "the deal will be signed soon")


def test_an_unnamed_source_who_put_it_so():
    doc = parse('"We are tired of waiting for the council," as one activist put it.')
    assert only(doc)[:2] + (doc.statements[0].speaker_mention.text,) == ("quote-cue X-said", "direct", "one activist")
    assert parse("He put it on the table and left the room.").statements == []
