"""The pipeline's contracts: checked when it is built, and runnable up to a named stage."""
import pytest

from service.extract import PIPELINE, content_hash, parse
from service.extract.pipeline import Pipeline, Stage
from service.extract.records import Document


def _noop(doc):
    return None


def test_a_requirement_no_earlier_stage_assigns_is_refused():
    with pytest.raises(ValueError, match="'attribution' requires \\['quotes'\\]"):
        Pipeline(Stage("text", _noop, assigns=("sentences",)),
                 Stage("attribution", _noop, requires=("sentences", "quotes"), assigns=("statements",)))


def test_a_field_the_document_does_not_have_is_refused():
    with pytest.raises(ValueError, match="names no Document field \\['sentence'\\]"):
        Pipeline(Stage("text", _noop, assigns=("sentence",)))


def test_stage_names_are_unique():
    with pytest.raises(ValueError, match="repeat"):
        Pipeline(Stage("text", _noop), Stage("text", _noop))


def test_the_declared_pipeline_runs_up_to_a_named_stage():
    text = "Headline\n“We will stay,” the minister said. 40 people came."
    doc = PIPELINE.run(Document(text=text, content_hash=content_hash(text)), until="speakers")
    assert [st.content.text for st in doc.statements] == ["“We will stay,”"]
    assert doc.statements[0].speaker_id is not None
    assert doc.figures == []  # figures come later
    assert parse(text).figures  # and the whole pipeline reads them
    with pytest.raises(KeyError, match="no stage 'speaker'"):
        PIPELINE.up_to("speaker")
