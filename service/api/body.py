"""Reading one article from a request body: JSON, plain text or Markdown with front matter."""
from __future__ import annotations

import json

from flask import request
from flask_smorest import abort

from schemas.article import ArticleSchema

from ..extract.articles import Article, ArticleError, MalformedInput, read

TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
JSON_TYPES = ("application/json",)
# some text that is not all blank, and no NUL character (which only binary files hold)
TEXT_BODY = {"type": "string", "pattern": r"^[^\x00]*[^\x00\s][^\x00]*$"}
ARTICLE_BODY = {
    "required": True,
    "description": "One article: JSON `{title, text, url, published_at, publisher}`, or plain text "
    "(headline on the first line), or Markdown/text with YAML front matter (title, url, published, publisher).",
    "content": {
        "application/json": {"schema": ArticleSchema},
        "text/plain": {"schema": TEXT_BODY},
        "text/markdown": {"schema": TEXT_BODY},
    },
}


def _check_json(data: bytes) -> None:
    """A JSON body must fit ArticleSchema (the documented contract); a 422 names the first field at fault."""
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return  # not JSON at all: `read` says why
    if isinstance(value, dict):
        errors = ArticleSchema().validate(value)
        if errors:
            name, messages = next(iter(errors.items()))
            message = messages[0] if isinstance(messages, list) else messages
            abort(422, message=f"{name}: {message}", field=name)


def _check_text(data: bytes) -> None:
    """A text body that is a JSON document (`null`, `{}`) is a client that meant JSON, not an article."""
    try:
        value = json.loads(data)
    except (ValueError, RecursionError):
        return
    abort(422, message=f"this text body is JSON ({type(value).__name__ if value is not None else 'null'}), "
                       "not an article: send JSON articles as application/json")


def article_from_request() -> Article:
    """The one article in the body, or a problem: 415 for other media types, 400 for a body that cannot be
    read (not UTF-8, broken JSON or YAML), 422 for an unusable article."""
    mimetype = request.mimetype or ""
    if mimetype not in TEXT_TYPES + JSON_TYPES:
        abort(415, message=f"send the article as {', '.join(JSON_TYPES + TEXT_TYPES)}, not {mimetype or 'no Content-Type'}")
    data = request.get_data(cache=False)
    (_check_json if mimetype in JSON_TYPES else _check_text)(data)
    try:
        articles = read(data, content_type=mimetype)
    except MalformedInput as exc:
        abort(400, message=str(exc))
    except ArticleError as exc:
        abort(422, message=str(exc))
    if len(articles) != 1:
        abort(422, message=f"send one article per request, not {len(articles)}")
    return articles[0]
