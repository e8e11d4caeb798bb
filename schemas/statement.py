from marshmallow import Schema, fields, validate

from .common import (
    EvidenceSchema,
    MatchSchema,
    PageQuerySchema,
    PeriodQuerySchema,
    SearchQuerySchema,
    SpeakerRefSchema,
    facet_param,
    page_of,
    record_fields,
)

STATEMENT_TYPES = ("direct", "indirect", "mixed", "turn")  # turn: an official's turn in a transcript


class StatementSchema(Schema):
    """One reported act of communication: who (speaker), the cue word, and what (content)."""

    id = fields.Str(required=True)
    briefing_id = fields.Str(required=True)
    speaker = fields.Nested(SpeakerRefSchema, allow_none=True, required=True)
    speaker_mention = fields.Nested(EvidenceSchema, allow_none=True, required=True,
                                    metadata={"description": "the words of this sentence that name or refer to the speaker"})
    cue = fields.Nested(EvidenceSchema, allow_none=True, required=True)
    content = fields.Nested(EvidenceSchema, required=True)
    type = fields.Str(required=True, validate=validate.OneOf(STATEMENT_TYPES))
    quote_ids = fields.List(fields.Str(), required=True)
    confidence = fields.Float(required=True)
    rule = fields.Str(required=True, metadata={"description": "the extraction rule that produced it"})
    match = fields.Nested(MatchSchema)


class SpeakerStatementQuerySchema(PageQuerySchema, SearchQuerySchema, PeriodQuerySchema):
    briefing = fields.Str(validate=validate.Length(1, 64), metadata={"description": "a briefing id"})
    type = fields.Str(validate=validate.OneOf(STATEMENT_TYPES))
    facet = facet_param(("speaker", "type", "briefing_kind", "month"))
    fields = record_fields(StatementSchema)


class StatementFeedQuerySchema(SearchQuerySchema, PeriodQuerySchema):
    """The filters of the statements list, for a feed of the newest matches."""

    speaker = fields.Str(validate=validate.Length(1, 200), metadata={
        "description": "whole words of the speaker's name or any alias, case- and accent-insensitive"})
    speaker_id = fields.Str(validate=validate.Length(1, 64))
    briefing = fields.Str(validate=validate.Length(1, 64), metadata={"description": "a briefing id"})
    type = fields.Str(validate=validate.OneOf(STATEMENT_TYPES))
    limit = fields.Int(load_default=50, validate=validate.Range(1, 100), metadata={"description": "entries"})


class StatementQuerySchema(SpeakerStatementQuerySchema):
    role = fields.Str(validate=validate.Length(1, 200), metadata={
        "description": "whole words of the speaker's role, now or in any briefing (\"spokesperson\")"})
    speaker = fields.Str(validate=validate.Length(1, 200), metadata={
        "description": "whole words of the speaker's name or any alias, case- and accent-insensitive"})
    speaker_id = fields.Str(validate=validate.Length(1, 64))


StatementPageSchema = page_of(StatementSchema)
