"""Text in, typed records out: the extraction pipeline.

Each stage is a plain function over one ``Document`` (``records.py``) that
fills in its part, in this order: the text is split into headline, paragraphs
and sentences; quotations are paired; mentions of possible speakers are found;
statements are attributed; speakers are resolved to their fullest names; a
transcript's turns are read and given their speakers and statements;
figures are read; the briefing itself is described. Nothing here imports Flask
or the database, so a stage can be tested alone or replaced by a better one.
"""
from . import attribution, briefing, figures, mentions, quotes, speakers, text, transcripts
from .ids import content_hash
from .records import Document

PARSER_VERSION = "0.1.0"

STAGES = (
    text.split,
    quotes.find_quotes,
    mentions.find_mentions,
    attribution.attribute,
    speakers.resolve,
    transcripts.read_turns,
    transcripts.attribute_turns,
    figures.find_figures,
    briefing.describe,
    transcripts.describe_transcript,
)


def parse(text_: str, *, published: str | None = None) -> Document:
    """Run every stage over ``text_`` (headline on the first line, then the body)."""
    doc = Document(text=text_, content_hash=content_hash(text_), published=published)
    for stage in STAGES:
        stage(doc)
    return doc
