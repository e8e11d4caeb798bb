from marshmallow import Schema, fields, validate

from .common import PageQuerySchema, facet_param, page_of, record_fields

FIGURE_KINDS = ("count", "money", "percent", "duration", "date", "quantity", "age", "ordinal", "other")
QUALIFIERS = ("at_least", "more_than", "at_most", "less_than", "about", "range")


class FigureValue(fields.Field):
    """A number, or an ISO date (``2024-11-20``, ``11-20`` without a year) for dates, or null when vague."""

    def _serialize(self, value, attr, obj, **kwargs):
        return value


class FigureSchema(Schema):
    id = fields.Str(required=True)
    briefing_id = fields.Str(required=True)
    statement_id = fields.Str(allow_none=True, required=True,
                              metadata={"description": "the statement that cites it, when someone said it"})
    text = fields.Str(required=True)
    start = fields.Int(required=True)
    end = fields.Int(required=True)
    value = FigureValue(allow_none=True, required=True, metadata={
        "type": ["number", "string"],
        "description": "a number; for dates an ISO date, or month-day when the year is unknown"})
    kind = fields.Str(required=True, validate=validate.OneOf(FIGURE_KINDS))
    unit = fields.Str(allow_none=True, required=True)
    qualifier = fields.Str(allow_none=True, required=True, validate=validate.OneOf(QUALIFIERS))
    subject = fields.Str(allow_none=True, required=True, metadata={"description": "the counted noun"})
    event = fields.Str(allow_none=True, required=True, metadata={"description": "killed, wounded, ..."})
    part_of = fields.Str(allow_none=True, required=True, metadata={"description": "id of the figure it is part of"})


class FigureQuerySchema(PageQuerySchema):
    kind = fields.Str(validate=validate.OneOf(FIGURE_KINDS))
    unit = fields.Str(validate=validate.Length(1, 16), metadata={
        "description": "exact unit: a currency code (`USD`, `EUR`), `year`, `km`, ... as the records give it"})
    subject = fields.Str(validate=validate.Length(1, 200), metadata={
        "description": "whole words of the counted noun, any case (`children` finds \"58 children\")"})
    min_value = fields.Float(data_key="min", allow_nan=False, metadata={"description": "value at least this"})
    max_value = fields.Float(data_key="max", allow_nan=False, metadata={"description": "value at most this"})
    qualifier = fields.Str(validate=validate.OneOf(QUALIFIERS))
    speaker = fields.Str(validate=validate.Length(1, 200), metadata={
        "description": "figures cited by this speaker: whole words of a name or alias, as for statements"})
    speaker_id = fields.Str(validate=validate.Length(1, 64))
    briefing = fields.Str(validate=validate.Length(1, 64))
    sort = fields.Str(validate=validate.OneOf(("value", "-value")), metadata={
        "description": "by value, smallest (`value`) or largest (`-value`) first; only figures with a number "
        "are listed, and values are not converted between units (give `unit=` to compare like with like); "
        "`order=` then orders figures of equal value"})
    facet = facet_param(("kind", "unit", "briefing_kind", "month"))
    fields = record_fields(FigureSchema)


FigurePageSchema = page_of(FigureSchema)
