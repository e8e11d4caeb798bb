"""GET /v1/figures: the numbers articles cite."""
from schemas.figure import FigurePageSchema, FigureQuerySchema

from ..store import queries
from .blueprint import Blueprint
from .pagination import decode, page_body

blp = Blueprint("figures", __name__, url_prefix="/v1/figures", description="Figures: counts, money, dates, ...")


@blp.route("")
@blp.arguments(FigureQuerySchema, location="query")
@blp.response(200, FigurePageSchema)
def list_figures(args):
    """List figures, oldest first."""
    after = decode(args.pop("cursor", None))
    return page_body(queries.list_figures(after=after, **args))
