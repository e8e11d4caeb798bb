from marshmallow import Schema, ValidationError, fields, validate

from schemas.common import PLAIN, SOME_PLAIN_TEXT
from service.extract.articles import MAX_LENGTH, ArticleError, parse_time


def _a_time(value: str) -> None:
    try:
        if parse_time(value) is None:
            raise ValidationError("give a date-time, or null")
    except ArticleError as exc:
        raise ValidationError(str(exc)) from None


class ArticleSchema(Schema):
    """An article to ingest or parse, as JSON. Plain text and Markdown with front matter are accepted too."""

    title = fields.Str(validate=validate.Length(max=MAX_LENGTH["title"]), metadata={"description": "the headline", "pattern": PLAIN})
    text = fields.Str(required=True, validate=validate.Regexp(r"[\s\S]*\S", error="the article has no text"),
                      metadata={"description": "the body (at most 2,000,000 characters)", "pattern": SOME_PLAIN_TEXT})
    url = fields.Str(allow_none=True, validate=validate.Length(max=MAX_LENGTH["url"]), metadata={"pattern": PLAIN})
    published_at = fields.Str(allow_none=True, validate=_a_time, metadata={
        "format": "date-time", "pattern": PLAIN, "description": "RFC 3339 (an RFC 2822 date, as in RSS, is accepted too)"})
    publisher = fields.Str(allow_none=True, validate=validate.Length(max=MAX_LENGTH["publisher"]),
                           metadata={"pattern": PLAIN})

