"""Pieces every record shares: evidence spans, speaker references, pages, errors."""
from marshmallow import Schema, fields, validate

LIMIT_MAX = 100


class EvidenceSchema(Schema):
    """Where in the briefing's ``text`` a record's words are: ``text == briefing.text[start:end]``."""

    text = fields.Str(required=True)
    start = fields.Int(required=True, metadata={"description": "offset of the first character"})
    end = fields.Int(required=True, metadata={"description": "offset after the last character"})


class SpeakerRefSchema(Schema):
    id = fields.Str(required=True)
    name = fields.Str(required=True)


class PageQuerySchema(Schema):
    """Cursor pagination: follow ``next`` (or the ``Link: rel="next"`` header) until it is null."""

    limit = fields.Int(load_default=20, validate=validate.Range(1, LIMIT_MAX),
                       metadata={"description": f"records per page (1-{LIMIT_MAX})"})
    cursor = fields.Str(metadata={"description": "the `next` value of the previous page"})


def page_of(item_schema: type[Schema]) -> type[Schema]:
    """The schema of one page of ``item_schema`` records: ``{"data": [...], "next": cursor|null}``."""
    name = item_schema.__name__.removesuffix("Schema") + "Page"
    return Schema.from_dict(
        {
            "data": fields.List(fields.Nested(item_schema), required=True),
            "next": fields.Str(allow_none=True, required=True,
                               metadata={"description": "cursor of the next page; null on the last page"}),
        },
        name=name,
    )


class ProblemSchema(Schema):
    """An RFC 9457 problem document."""

    type = fields.Str(required=True)
    title = fields.Str(required=True)
    status = fields.Int(required=True)
    detail = fields.Str()
    parameter = fields.Str(metadata={"description": "the query parameter at fault"})
    field = fields.Str(metadata={"description": "the body field at fault"})
    errors = fields.Dict(metadata={"description": "every validation message, by location and name"})
