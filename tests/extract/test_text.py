from service.extract import content_hash
from service.extract.records import Document
from service.extract.text import split


def doc_of(text):
    return split(Document(text=text, content_hash=content_hash(text)))


def test_headline_body_and_paragraphs_per_line_and_per_block():
    text = "Headline here\n\nFirst paragraph.\nSecond one.\n\n-----\n\nThird."
    doc = doc_of(text)
    assert doc.title == "Headline here"
    assert doc.body_start == len("Headline here\n")
    assert [p.text for p in doc.paragraphs] == ["First paragraph.", "Second one.", "Third."]
    for p in doc.paragraphs:
        assert text[p.start:p.end] == p.text


def test_a_headline_without_a_blank_line_after_it():
    doc = doc_of("Title\nBody starts here.")
    assert doc.title == "Title" and [p.text for p in doc.paragraphs] == ["Body starts here."]


def test_abbreviations_and_initials_do_not_end_sentences():
    text = ("T\n\nThe U.S. Secretary met Mr. Khan on Nov. 5 in St. Louis. Gen. Smith and Antony J. Blinken "
            "spoke on Jan. 3. It ended.")
    doc = doc_of(text)
    assert [s.text for s in doc.sentences] == [
        "The U.S. Secretary met Mr. Khan on Nov. 5 in St. Louis.",
        "Gen. Smith and Antony J. Blinken spoke on Jan. 3.",
        "It ended.",
    ]


def test_sentence_ends_after_closing_quote_and_offsets_are_exact():
    text = 'T\n\n"We are ready." She left! Did he? "[T]he talks" went on.'
    doc = doc_of(text)
    assert [s.text for s in doc.sentences] == ['"We are ready."', "She left!", "Did he?", '"[T]he talks" went on.']
    assert all(text[s.start:s.end] == s.text for s in doc.sentences)


def test_text_is_never_modified():
    text = "T\r\n\r\n  Spaced  out.  \r\n"
    doc = doc_of(text)
    assert doc.text == text
    assert [p.text for p in doc.paragraphs] == ["Spaced  out."]
