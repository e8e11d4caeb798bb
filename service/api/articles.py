"""POST /v1/articles: ingest one article (needs an API key)."""
from flask import url_for

from schemas.briefing import BriefingSchema, ExpandQuerySchema

from ..store import queries
from ..store.ingest import ingest
from .auth import BEARER_SECURITY, require_key
from .blueprint import Blueprint
from .body import ARTICLE_BODY, article_from_request

blp = Blueprint("articles", __name__, url_prefix="/v1/articles", description="Ingesting articles")


@blp.route("", methods=["POST"])
@require_key  # before the arguments are read: no key, no 400 for a bad body
@blp.arguments(ExpandQuerySchema, location="query")
@blp.doc(requestBody=ARTICLE_BODY, security=BEARER_SECURITY)
@blp.response(201, BriefingSchema, description="Stored: the new briefing")
@blp.alt_response(200, schema=BriefingSchema, description="Already stored: the existing briefing")
@blp.alt_response(401, description="No valid API key")
@blp.alt_response(400, description="A body that cannot be read: not UTF-8, broken JSON or front matter")
@blp.alt_response(415, description="Unsupported media type")
@blp.alt_response(422, description="Not a usable article")
def post_article(args):
    """Ingest one article: it is parsed, and stored whole or not at all.

    The same text sent twice is stored once: the second call answers 200 with the existing briefing.
    """
    article = article_from_request()
    result = ingest(article)
    record = queries.get_briefing(result.briefing_id, set(args["expand"]))
    location = url_for("briefings.get_briefing", briefing_id=result.briefing_id)
    return record, (201 if result.created else 200), {"Location": location}
