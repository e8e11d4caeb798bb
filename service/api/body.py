"""Reading one article from a request body: JSON, plain text or Markdown with front matter."""
from __future__ import annotations

from flask import request
from flask_smorest import abort

from schemas.article import ArticleSchema

from ..extract.articles import Article, ArticleError, read

TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown")
JSON_TYPES = ("application/json",)
ARTICLE_BODY = {
    "required": True,
    "description": "One article: JSON `{title, text, url, published_at, publisher}`, or plain text "
    "(headline on the first line), or Markdown/text with YAML front matter (title, url, published, publisher).",
    "content": {
        "application/json": {"schema": ArticleSchema},
        "text/plain": {"schema": {"type": "string", "minLength": 1}},
        "text/markdown": {"schema": {"type": "string", "minLength": 1}},
    },
}


def article_from_request() -> Article:
    """The one article in the body, or a problem: 415 for other media types, 422 for an unusable article."""
    mimetype = request.mimetype or ""
    if mimetype not in TEXT_TYPES + JSON_TYPES:
        abort(415, message=f"send the article as {', '.join(JSON_TYPES + TEXT_TYPES)}, not {mimetype or 'no Content-Type'}")
    try:
        articles = read(request.get_data(cache=False), content_type=mimetype)
    except ArticleError as exc:
        abort(422, message=str(exc))
    if len(articles) != 1:
        abort(422, message=f"send one article per request, not {len(articles)}")
    return articles[0]
