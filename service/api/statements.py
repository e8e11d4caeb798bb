"""GET /v1/statements: who said what, filtered by speaker, briefing and type."""
from schemas.statement import StatementPageSchema, StatementQuerySchema

from ..store import queries
from .blueprint import Blueprint
from .pagination import decode, page_body

blp = Blueprint("statements", __name__, url_prefix="/v1/statements", description="Reported statements")


@blp.route("")
@blp.arguments(StatementQuerySchema, location="query")
@blp.response(200, StatementPageSchema)
def list_statements(args):
    """List statements, oldest first.

    `speaker=` matches whole words of a speaker's name or any alias, ignoring
    case and accents (`baloch`, `Mumtaz Baloch`); `speaker_id=` is exact.
    """
    after = decode(args.pop("cursor", None))
    return page_body(queries.list_statements(after=after, **args))
