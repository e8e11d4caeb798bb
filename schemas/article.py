from marshmallow import Schema, fields, validate


class ArticleSchema(Schema):
    """An article to ingest or parse, as JSON. Plain text and Markdown with front matter are accepted too."""

    title = fields.Str(validate=validate.Length(max=1000), metadata={"description": "the headline"})
    text = fields.Str(required=True, validate=validate.Length(min=1), metadata={"description": "the body"})
    url = fields.Str(allow_none=True, validate=validate.Length(max=2000))
    published_at = fields.Str(allow_none=True, metadata={"description": "ISO 8601 / RFC 3339 or RFC 2822"})
    publisher = fields.Str(allow_none=True, validate=validate.Length(max=500))

