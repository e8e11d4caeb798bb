from marshmallow import Schema, fields, validate

from .common import PageQuerySchema, facet_param, page_of, record_fields

SPEAKER_KINDS = ("person", "organization", "country", "document", "group", "other")


class SpeakerSchema(Schema):
    """One speaker across all articles; ``aliases`` are every surface form seen."""

    id = fields.Str(required=True)
    name = fields.Str(required=True, metadata={"description": "the fullest form of the name"})
    kind = fields.Str(required=True, validate=validate.OneOf(SPEAKER_KINDS))
    role = fields.Str(allow_none=True, required=True)
    affiliation = fields.Str(allow_none=True, required=True)
    aliases = fields.List(fields.Str(), required=True)


class RoleSchema(Schema):
    role = fields.Str(required=True)
    affiliation = fields.Str(allow_none=True, required=True)
    first_seen = fields.Str(required=True, metadata={"format": "date"})
    last_seen = fields.Str(required=True, metadata={"format": "date"})


class SpeakerDetailSchema(SpeakerSchema):
    """A speaker with its history: every role with when it was seen, and how much it said."""

    roles = fields.List(fields.Nested(RoleSchema), required=True)
    statement_count = fields.Int(required=True)
    quote_count = fields.Int(required=True)
    briefing_count = fields.Int(required=True)
    first_seen = fields.Str(allow_none=True, required=True, metadata={"format": "date"})
    last_seen = fields.Str(allow_none=True, required=True, metadata={"format": "date"})


class SpeakerQuerySchema(PageQuerySchema):
    role = fields.Str(validate=validate.Length(1, 200), metadata={
        "description": "whole words of the speaker's role, now or in any briefing (\"spokesperson\")"})
    q = fields.Str(validate=validate.Length(1, 200), metadata={"description": "whole words of a name or alias"})
    kind = fields.Str(validate=validate.OneOf(SPEAKER_KINDS))
    affiliation = fields.Str(validate=validate.Length(1, 200), metadata={"description": "exact, case-insensitive"})
    facet = facet_param(("kind",))
    fields = record_fields(SpeakerSchema)


SpeakerPageSchema = page_of(SpeakerSchema)
