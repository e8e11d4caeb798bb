"""GET /v1/figures: the numbers articles cite."""
from schemas.figure import FigurePageSchema, FigureQuerySchema, FigureSchema

from ..store import queries
from .blueprint import Blueprint
from .caching import public_read
from .listing import EXPORT_DOC, respond

blp = Blueprint("figures", __name__, url_prefix="/v1/figures", description="Figures: counts, money, dates, ...")


@blp.route("")
@public_read
@blp.doc(**EXPORT_DOC)
@blp.arguments(FigureQuerySchema, location="query")
@blp.response(200, FigurePageSchema)
def list_figures(args):
    """List figures, oldest first."""
    return respond(queries.list_figures, args, FigureSchema)
