"""GET /v1/quotes: passages in quotation marks, with their speaker."""
from schemas.quote import QuotePageSchema, QuoteQuerySchema

from ..store import queries
from .blueprint import Blueprint
from .pagination import decode, page_body

blp = Blueprint("quotes", __name__, url_prefix="/v1/quotes", description="Quotations")


@blp.route("")
@blp.arguments(QuoteQuerySchema, location="query")
@blp.response(200, QuotePageSchema)
def list_quotes(args):
    """List quotes, oldest first; `speaker=` matches as for statements."""
    after = decode(args.pop("cursor", None))
    return page_body(queries.list_quotes(after=after, **args))
