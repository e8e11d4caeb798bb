"""Reading one article from a request body: JSON, plain text or Markdown with front matter."""
from __future__ import annotations

import json
import re

from flask import current_app, request
from flask_smorest import abort

from schemas.article import ArticleSchema
from schemas.common import SOME_PLAIN_TEXT

from ..extract.articles import Article, ArticleError, MalformedInput, read
from .auth import key_is_valid, presented_key

TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
JSON_TYPES = ("application/json",)
# a text body shaped as a JSON document (null, 0, "x", {…}, […]) is a client that meant JSON (422): the spec
# declares this very pattern, and _check_text applies it, so the two cannot disagree
JSON_SHAPED = r'^\s*(null|true|false|-?\d+(\.\d+)?([eE][+-]?\d+)?|"[\s\S]*"|\{[\s\S]*\}|\[[\s\S]*\])\s*$'
# some text that is not all blank, without control characters but tab, CR and LF
TEXT_BODY = {"type": "string", "pattern": SOME_PLAIN_TEXT, "not": {"pattern": JSON_SHAPED}}
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


def bound_the_body() -> None:
    """Before a request: set its body limit, and answer 413 for a longer body, however it is sent.

    ``POST /v1/parse`` without a key may send at most ``PARSE_MAX_BODY`` bytes: it is open to anyone.
    A body without Content-Length (chunked) is read, and kept for the view, up to the limit: Werkzeug
    stops there and returns what it read, so a 3 MB chunked upload was stored as its first 2 MiB; one
    more byte left in the stream means it was longer.
    """
    if request.endpoint == "parse.parse_article" and not key_is_valid(presented_key()):
        request.max_content_length = min(current_app.config["PARSE_MAX_BODY"], request.max_content_length or 1 << 62)
    limit = request.max_content_length
    if limit is None or request.content_length is not None or "wsgi.input_terminated" not in request.environ:
        return
    if len(request.get_data(cache=True)) >= limit and request.environ["wsgi.input"].read(1):
        abort(413, message=f"the body is longer than the limit of {limit:,} bytes")


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
    """A text body shaped as a JSON document (`null`, `{…}`) is a client that meant JSON, not an article."""
    if re.search(JSON_SHAPED, data.decode("utf-8", errors="replace")):
        abort(422, message="this text body is shaped as a JSON document, not an article: "
                           "send JSON articles as application/json")


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
        abort(400, message=str(exc), field=exc.field)
    except ArticleError as exc:
        abort(422, message=str(exc))
    if len(articles) != 1:
        abort(422, message=f"send one article per request, not {len(articles)}")
    return articles[0]
