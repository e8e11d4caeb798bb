from marshmallow import Schema, fields, validate

from .common import OutputQuerySchema, cursor_field, page_of, record_fields

RECORD_KINDS = ("briefing", "turn", "statement", "quote", "figure", "speaker")
ACTIONS = ("created", "updated", "deleted")


class ChangeSchema(Schema):
    """One change to one record. Apply in order: upsert ``record``, or delete ``id`` when ``action`` is deleted."""

    seq = fields.Int(required=True, metadata={"description": "position in the feed; grows with every change"})
    kind = fields.Str(required=True, validate=validate.OneOf(RECORD_KINDS))
    id = fields.Str(required=True, metadata={"description": "the record's id"})
    briefing_id = fields.Str(allow_none=True, required=True)
    action = fields.Str(required=True, validate=validate.OneOf(ACTIONS))
    at = fields.Str(required=True, metadata={"format": "date-time"})
    record = fields.Dict(allow_none=True, required=True, metadata={
        "description": "the record as it is now, in the shape of its own endpoint; null once deleted"})


class ChangeQuerySchema(OutputQuerySchema):
    since = cursor_field("the `next` value of the previous call; omit to start at the beginning")
    limit = fields.Int(load_default=100, validate=validate.Range(1, 1000))
    fields = record_fields(ChangeSchema)


ChangePageSchema = page_of(ChangeSchema)
