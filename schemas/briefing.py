from marshmallow import Schema, fields, validate
from webargs.fields import DelimitedList

from .common import (
    MatchSchema,
    PageQuerySchema,
    PeriodQuerySchema,
    SearchQuerySchema,
    SpeakerRefSchema,
    facet_param,
    page_of,
    record_fields,
)
from .figure import FigureSchema
from .quote import QuoteSchema
from .speaker import SpeakerSchema
from .statement import StatementSchema
from .turn import TurnSchema

BRIEFING_KINDS = ("press_briefing", "call", "meeting", "statement", "speech", "interview", "vote", "news_report")
EXPANSIONS = ("statements", "quotes", "figures", "speakers", "turns")


class SourceSchema(Schema):
    publisher = fields.Str(allow_none=True, required=True)
    url = fields.Str(allow_none=True, required=True)
    published_at = fields.Str(allow_none=True, required=True, metadata={"format": "date-time"})


class BriefingSchema(Schema):
    """The event an article reports on, with the article itself: every offset indexes into ``text``."""

    id = fields.Str(required=True)
    title = fields.Str(required=True)
    text = fields.Str(required=True)
    kind = fields.Str(required=True, validate=validate.OneOf(BRIEFING_KINDS))
    date = fields.Str(allow_none=True, required=True, metadata={"description": "ISO date, when the article fixes it"})
    date_text = fields.Str(allow_none=True, required=True)
    location = fields.Str(allow_none=True, required=True)
    host = fields.Str(allow_none=True, required=True)
    participants = fields.List(fields.Nested(SpeakerRefSchema), required=True)
    source = fields.Nested(SourceSchema, required=True)
    content_hash = fields.Str(required=True)
    parser_version = fields.Str(required=True)
    created_at = fields.Str(allow_none=True, required=True, metadata={"format": "date-time"})
    updated_at = fields.Str(allow_none=True, required=True, metadata={"format": "date-time"})
    statements = fields.List(fields.Nested(StatementSchema), metadata={"description": "with expand=statements"})
    quotes = fields.List(fields.Nested(QuoteSchema), metadata={"description": "with expand=quotes"})
    figures = fields.List(fields.Nested(FigureSchema), metadata={"description": "with expand=figures"})
    speakers = fields.List(fields.Nested(SpeakerSchema), metadata={"description": "with expand=speakers"})
    turns = fields.List(fields.Nested(TurnSchema), metadata={"description": "with expand=turns (transcripts)"})
    match = fields.Nested(MatchSchema)


class ExpandQuerySchema(Schema):
    expand = DelimitedList(fields.Str(validate=validate.OneOf(EXPANSIONS)), load_default=list,
                           validate=validate.Length(min=1),
                                  metadata={"description": "comma-separated: " + ",".join(EXPANSIONS)})


class BriefingQuerySchema(PageQuerySchema, SearchQuerySchema, PeriodQuerySchema):
    kind = fields.Str(validate=validate.OneOf(BRIEFING_KINDS))
    host = fields.Str(validate=validate.Length(1, 200), metadata={"description": "part of the host's name"})
    participant = fields.Str(validate=validate.Length(1, 200), metadata={
        "description": "a speaker id, or whole words of a participant's name or alias"})
    facet = facet_param(("kind", "month"))
    fields = record_fields(BriefingSchema)


BriefingPageSchema = page_of(BriefingSchema)
