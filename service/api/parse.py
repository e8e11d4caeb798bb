"""POST /v1/parse: extract records from an article without storing it."""
from schemas.briefing import BriefingSchema

from ..extract import parse as parse_text
from ..store.rows import EXPANSIONS, document_rows, expanded_record
from .blueprint import Blueprint
from .body import ARTICLE_BODY, article_from_request

blp = Blueprint("parse", __name__, url_prefix="/v1/parse", description="Extraction without storage")


@blp.route("", methods=["POST"])
@blp.doc(requestBody=ARTICLE_BODY)
@blp.response(200, BriefingSchema)
@blp.alt_response(400, description="A body that cannot be read: not UTF-8, broken JSON or front matter")
@blp.alt_response(415, description="Unsupported media type")
@blp.alt_response(422, description="Not a usable article")
def parse_article():
    """Parse one article and return its briefing with every record, as `briefings parse` prints it."""
    article = article_from_request()
    doc = parse_text(article.text, published=article.published_date)
    return expanded_record(document_rows(doc, article), set(EXPANSIONS))
