from marshmallow import Schema, fields, validate

from .common import PageQuerySchema, page_of, SpeakerRefSchema


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


class QuoteQuerySchema(PageQuerySchema):
    speaker = fields.Str(validate=validate.Length(1, 200))
    speaker_id = fields.Str(validate=validate.Length(1, 64))
    briefing = fields.Str(validate=validate.Length(1, 64))


QuotePageSchema = page_of(QuoteSchema)
