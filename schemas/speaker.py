from marshmallow import Schema, fields, validate

from .common import PageQuerySchema, page_of

SPEAKER_KINDS = ("person", "organization", "country", "document", "group", "other")


class SpeakerSchema(Schema):
    """One speaker across all articles; ``aliases`` are every surface form seen."""

    id = fields.Str(required=True)
    name = fields.Str(required=True, metadata={"description": "the fullest form of the name"})
    kind = fields.Str(required=True, validate=validate.OneOf(SPEAKER_KINDS))
    role = fields.Str(allow_none=True, required=True)
    affiliation = fields.Str(allow_none=True, required=True)
    aliases = fields.List(fields.Str(), required=True)


class SpeakerQuerySchema(PageQuerySchema):
    q = fields.Str(validate=validate.Length(1, 200), metadata={"description": "whole words of a name or alias"})


SpeakerPageSchema = page_of(SpeakerSchema)
