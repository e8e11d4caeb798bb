"""GET /v1/statements: who said what, filtered by speaker, briefing and type."""
from schemas.statement import StatementPageSchema, StatementQuerySchema, StatementSchema

from ..store import queries
from .blueprint import Blueprint
from .caching import public_read
from .listing import EXPORT_DOC, respond

blp = Blueprint("statements", __name__, url_prefix="/v1/statements", description="Reported statements")


@blp.route("")
@public_read
@blp.doc(**EXPORT_DOC)
@blp.arguments(StatementQuerySchema, location="query")
@blp.response(200, StatementPageSchema)
def list_statements(args):
    """List statements, oldest first.

    `speaker=` matches whole words of a speaker's name or any alias, ignoring
    case and accents (`baloch`, `Mumtaz Baloch`); `speaker_id=` is exact.
    """
    return respond(queries.list_statements, args, StatementSchema)

