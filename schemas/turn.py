from marshmallow import Schema, fields, validate

from .common import EvidenceSchema, PageQuerySchema, SpeakerRefSchema, page_of, record_fields

TURN_KINDS = ("official", "question", "other")


class TurnSchema(Schema):
    """One turn of a transcript: who speaks under which label, and what; a question's answers and an answer's
    question make the question–answer exchanges."""

    id = fields.Str(required=True)
    briefing_id = fields.Str(required=True)
    position = fields.Int(required=True, metadata={"description": "0 for the first turn of the transcript"})
    kind = fields.Str(required=True, validate=validate.OneOf(TURN_KINDS), metadata={
        "description": "official: a named speaker; question: a reporter (never a speaker); other: an operator, "
        "a moderator, an announcement"})
    speaker = fields.Nested(SpeakerRefSchema, allow_none=True, required=True)
    label = fields.Nested(EvidenceSchema, required=True, metadata={"description": "the speaker label as written"})
    text = fields.Nested(EvidenceSchema, required=True, metadata={"description": "the turn's words, to the next label"})
    answers = fields.Str(allow_none=True, required=True, metadata={
        "description": "the id of the question turn an official's turn answers"})
    answered_by = fields.List(fields.Str(), required=True, metadata={
        "description": "the ids of the turns answering a question"})
    directions = fields.List(fields.Nested(EvidenceSchema), required=True, metadata={
        "description": "stage directions and interpreter notes in the text: not speech"})


class TurnQuerySchema(PageQuerySchema):
    speaker = fields.Str(validate=validate.Length(1, 200), metadata={
        "description": "whole words of the speaker's name or any alias, case- and accent-insensitive"})
    speaker_id = fields.Str(validate=validate.Length(1, 64))
    kind = fields.Str(validate=validate.OneOf(TURN_KINDS))
    fields = record_fields(TurnSchema)


TurnPageSchema = page_of(TurnSchema)
