"""Text in, typed records out: the extraction pipeline.

Each stage is a named component (``pipeline.py``) over one ``Document``
(``records.py``) that declares the fields it requires and assigns, checked
when ``PIPELINE`` is built, and fills in its part, in this order: the text is split into headline, paragraphs
and sentences; quotations are paired; mentions of possible speakers are found;
statements are attributed; speakers are resolved to their fullest names; a
transcript's turns are read and given their speakers and statements;
figures are read; the briefing itself is described. Nothing here imports Flask
or the database, so a stage can be tested alone or replaced by a better one.
"""
from . import attribution, briefing, figures, mentions, quotes, speakers, text, transcripts
from .ids import content_hash
from .pipeline import Pipeline, Stage
from .records import Document

PARSER_VERSION = "0.1.0"

PIPELINE = Pipeline(
    Stage("text", text.split, assigns=("title", "body_start", "paragraphs", "sentences")),
    Stage("quotes", quotes.find_quotes, requires=("paragraphs",), assigns=("quotes",)),
    Stage("mentions", mentions.find_mentions, assigns=("mentions",)),
    Stage("attribution", attribution.attribute, requires=("body_start", "paragraphs", "sentences", "quotes",
                                                          "mentions"), assigns=("statements",)),
    Stage("speakers", speakers.resolve, requires=("sentences", "quotes", "mentions", "statements"),
          assigns=("speakers", "statements", "quotes", "mentions")),
    Stage("turns", transcripts.read_turns, requires=("paragraphs",), assigns=("turns",)),
    Stage("turn-attribution", transcripts.attribute_turns, requires=("turns", "statements", "speakers", "quotes"),
          assigns=("statements", "speakers", "quotes")),
    Stage("figures", figures.find_figures, requires=("body_start", "statements"), assigns=("figures",)),
    Stage("briefing", briefing.describe, requires=("title", "sentences", "mentions", "speakers", "statements"),
          assigns=("briefing",)),
    Stage("transcript-briefing", transcripts.describe_transcript, requires=("turns", "speakers", "briefing"),
          assigns=("briefing",)),
)
STAGES = PIPELINE.stages


def parse(text_: str, *, published: str | None = None) -> Document:
    """Run every stage over ``text_`` (headline on the first line, then the body)."""
    doc = Document(text=text_, content_hash=content_hash(text_), published=published)
    for stage in STAGES:
        stage(doc)
    return doc
