"""POST /v1/parse: extract records from an article without storing it."""
from flask import current_app
from flask_smorest import abort

from schemas.briefing import BriefingSchema

from ..extract import parse as parse_text
from ..store.rows import EXPANSIONS, document_rows, expanded_record
from .blueprint import Blueprint
from .body import ARTICLE_BODY, article_from_request
from .budget import OverBudget, within

blp = Blueprint("parse", __name__, url_prefix="/v1/parse", description="Extraction without storage")


@blp.route("", methods=["POST"])
@blp.doc(requestBody=ARTICLE_BODY)
@blp.response(200, BriefingSchema)
@blp.alt_response(400, description="A body that cannot be read: not UTF-8, broken JSON or front matter")
@blp.alt_response(415, description="Unsupported media type")
@blp.alt_response(413, description="Longer than the body limit (without a key: `PARSE_MAX_BODY`)")
@blp.alt_response(422, description="Not a usable article, or its parse ran over the time budget and was stopped")
def parse_article():
    """Parse one article and return its briefing with every record, as `briefings parse` prints it.

    Open to anyone: without a key the body may hold at most 256 KiB (`BRIEFINGS_PARSE_MAX_BODY`), and a
    parse that runs longer than 10 s (`BRIEFINGS_PARSE_SECONDS`) is stopped and answered 422.
    """
    article = article_from_request()
    seconds = current_app.config["PARSE_SECONDS"]
    try:
        doc = within(seconds, lambda: parse_text(article.text, published=article.published_date))
    except OverBudget:
        abort(422, message=f"parsing this article took longer than {seconds:g} s and was stopped; "
                           "send a shorter article, or ingest it with a key")
    return expanded_record(document_rows(doc, article), set(EXPANSIONS))
