"""The transcript reader on transcripts of our own: turns, labels, header, questions, stage directions."""
import json

import pytest

from service.extract import parse
from service.extract.articles import read
from service.extract.transcripts import directions_in, label_kind

BRIEFING = """Department Press Briefing – March 3, 2023

Dana Lowell, Department Spokesperson

Geneva, Switzerland

2:05 p.m. EST

MS LOWELL: Good afternoon. (Laughter.) We are deeply concerned by the flooding in the north.

We will send relief teams this week. Ambassador Omar Quist will join me today.

QUESTION: Thank you. Can you say how many teams?

MS LOWELL: Yeah, thank you. I expect four teams, and our Department of State partners agree.

QUESTION: (Off-mike.)

AMBASSADOR QUIST: (Via interpreter) The teams leave on Friday.

OPERATOR: The next question comes from the line of Pat Reyes.

MS LOWELL: Thanks, everyone. (The briefing was concluded at 2:40 p.m.)
"""


@pytest.fixture(scope="module")
def doc():
    return parse(BRIEFING)


def names(doc, turns):
    return [doc.speakers[t.speaker_id].name if t.speaker_id else None for t in turns]


def test_one_turn_per_labelled_paragraph(doc):
    assert [t.label.text for t in doc.turns] == ["MS LOWELL", "QUESTION", "MS LOWELL", "QUESTION", "AMBASSADOR QUIST",
                                                 "OPERATOR", "MS LOWELL"]
    for t in doc.turns:
        assert doc.text[t.label.start:t.label.end] == t.label.text
        assert doc.text[t.text.start:t.text.end] == t.text.text
    assert doc.turns[0].text.text.endswith("will join me today.")  # a turn runs over its paragraphs


def test_labels_resolve_to_header_and_text_names(doc):
    assert names(doc, doc.turns) == ["Dana Lowell", None, "Dana Lowell", None, "Omar Quist", None, "Dana Lowell"]
    lowell = doc.speakers[doc.turns[0].speaker_id]
    assert lowell.role == "Department Spokesperson"
    assert lowell.affiliation == "Department of State"  # the fullest department the text names
    assert "Ms Lowell" in lowell.aliases
    assert doc.speakers[doc.turns[4].speaker_id].role == "Ambassador"


def test_kinds_and_answers(doc):
    assert [t.kind for t in doc.turns] == ["official", "question", "official", "question", "official", "other",
                                           "official"]
    assert doc.turns[0].answers is None  # the opening statement answers nothing
    assert doc.turns[2].answers == doc.turns[1].id
    assert doc.turns[4].answers == doc.turns[3].id


def test_stage_directions_are_not_speech(doc):
    directions = [d.text for t in doc.turns for d in t.directions]
    assert directions == ["(Laughter.)", "(Off-mike.)", "(Via interpreter)", "(The briefing was concluded at 2:40 p.m.)"]
    contents = [st.content.text for st in doc.statements if st.type == "turn"]
    assert not any("(" in c for c in contents)
    assert "The teams leave on Friday." in contents
    speakers = {sp.name for sp in doc.speakers.values()}
    assert not speakers & {"Via", "Laughter", "Yeah", "Off-mike", "Thank"}


def test_turn_statements_have_label_evidence(doc):
    turn_statements = [st for st in doc.statements if st.type == "turn"]
    assert [doc.speakers[st.speaker_id].name for st in turn_statements] == [
        "Dana Lowell", "Dana Lowell", "Dana Lowell", "Dana Lowell", "Omar Quist", "Dana Lowell"]
    assert turn_statements[0].content.text == "Good afternoon."  # cut at "(Laughter.)"
    first = turn_statements[1]
    assert first.speaker_mention.text == "MS LOWELL" and first.rule == "transcript-turn" and first.cue is None
    assert first.content.text == "We are deeply concerned by the flooding in the north."
    assert doc.text[first.content.start:first.content.end] == first.content.text


def test_we_in_an_answer_is_the_speakers_organisation():
    doc = parse("Briefing\n\nDana Lowell, Department Spokesperson\n\nMS LOWELL: We said that the Department of State "
                "will help.\n\nQUESTION: Did Ruritania say it would help?\n\nMS LOWELL: We have said that aid is "
                "coming.\n")
    said = [st for st in doc.statements if st.speaker_mention.text == "We"]
    assert len(said) == 2 and {doc.speakers[st.speaker_id].name for st in said} == {"Department of State"}


def test_question_pronouns_are_nobody():
    doc = parse("Briefing\n\nDana Lowell, Department Spokesperson\n\nMS LOWELL: Go ahead.\n\nQUESTION: You said "
                "that the talks failed. I said that too.\n\nMS LOWELL: Yes.\n")
    assert [st.type for st in doc.statements] == ["turn", "turn"]


def test_briefing_from_the_header(doc):
    b = doc.briefing
    assert (b.kind, b.date, b.location, b.host) == ("press_briefing", "2023-03-03", "Geneva", "Dana Lowell")
    assert [doc.speakers[p].name for p in b.participants] == ["Dana Lowell", "Omar Quist"]


def test_interview_kind_and_briefer_from_the_first_label():
    doc = parse("Interview With Channel Nine\n\nQUESTION: Minister, thank you for joining us.\n\n"
                "SECRETARY VANCE: Glad to be here. Erik Vance is my name.\n")
    assert doc.briefing.kind == "interview"
    assert doc.briefing.host == "Erik Vance"


@pytest.mark.parametrize("label, kind", [
    ("QUESTION", "question"), ("Q", "question"), ("OPERATOR", "other"), ("PARTICIPANT", "other"),
    ("MR PRICE", "official"), ("SECRETARY BLINKEN", "official"), ("BAERBOCK", "official")])
def test_label_kinds(label, kind):
    assert label_kind(label) == kind


def test_directions_only_between_sentences():
    text = "The Qualification Panel (QEP) meets. (Applause.) It is (Inaudible) today"
    assert [d.text for d in directions_in(text, 0, len(text))] == ["(Applause.)"]


def test_prose_is_not_a_transcript():
    doc = parse("Talks resume\n\nNOTE: times are local.\n\nThe minister said the talks would resume.\n")
    assert doc.turns == [] and doc.briefing.host is None


@pytest.mark.parametrize("wrap", ["markdown", "json"])
def test_markdown_and_json_with_the_same_body(wrap):
    body = BRIEFING.split("\n", 2)[2]
    if wrap == "markdown":
        raw = "---\ntitle: Department Press Briefing – March 3, 2023\n---\n" + body.replace(
            "MS LOWELL:", "**MS LOWELL:**")
        article = read(raw, name="b.md")[0]
    else:
        article = read(json.dumps({"title": "Department Press Briefing – March 3, 2023", "text": body}),
                       name="b.json")[0]
    doc = parse(article.text)
    assert len(doc.turns) == 7
    assert doc.briefing.host == "Dana Lowell"
    assert doc.turns[0].label.text == "MS LOWELL"
