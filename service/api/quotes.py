"""GET /v1/quotes: passages in quotation marks, with their speaker."""
from schemas.quote import QuotePageSchema, QuoteQuerySchema, QuoteSchema

from ..store import queries
from .blueprint import Blueprint
from .caching import public_read
from .listing import EXPORT_DOC, respond

blp = Blueprint("quotes", __name__, url_prefix="/v1/quotes", description="Quotations")


@blp.route("")
@public_read
@blp.doc(**EXPORT_DOC)
@blp.arguments(QuoteQuerySchema, location="query")
@blp.response(200, QuotePageSchema)
def list_quotes(args):
    """List quotes, oldest first; `speaker=` matches as for statements."""
    return respond(queries.list_quotes, args, QuoteSchema)
