from marshmallow import Schema, fields, validate

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


class QuoteSchema(Schema):
    """A passage inside quotation marks; ``text`` is without the marks and equals ``briefing.text[start:end]``."""

    id = fields.Str(required=True)
    briefing_id = fields.Str(required=True)
    statement_id = fields.Str(allow_none=True, required=True)
    speaker = fields.Nested(SpeakerRefSchema, allow_none=True, required=True)
    text = fields.Str(required=True)
    start = fields.Int(required=True)
    end = fields.Int(required=True)
    partial = fields.Bool(required=True, metadata={"description": "a few words inside a sentence"})
    closed = fields.Bool(required=True, metadata={"description": "false for a quotation that never closes"})
    match = fields.Nested(MatchSchema)


class SpeakerQuoteQuerySchema(PageQuerySchema, SearchQuerySchema, PeriodQuerySchema):
    briefing = fields.Str(validate=validate.Length(1, 64), metadata={"description": "a briefing id"})
    facet = facet_param(("speaker", "briefing_kind", "month"))
    fields = record_fields(QuoteSchema)


class QuoteQuerySchema(SpeakerQuoteQuerySchema):
    role = fields.Str(validate=validate.Length(1, 200), metadata={
        "description": "whole words of the speaker's role, now or in any briefing (\"spokesperson\")"})
    speaker = fields.Str(validate=validate.Length(1, 200), metadata={
        "description": "whole words of the speaker's name or any alias, case- and accent-insensitive"})
    speaker_id = fields.Str(validate=validate.Length(1, 64))


QuotePageSchema = page_of(QuoteSchema)
