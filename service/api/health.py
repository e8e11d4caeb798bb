"""GET /health: is the service up and can it reach its database."""
from marshmallow import Schema, fields

from ..extract import PARSER_VERSION
from ..store import queries
from .blueprint import Blueprint
from .caching import public_read

blp = Blueprint("health", __name__, url_prefix="/health", description="Liveness")


class HealthSchema(Schema):
    status = fields.Str(required=True)
    briefings = fields.Int(required=True)
    parser_version = fields.Str(required=True)


@blp.route("")
@public_read
@blp.response(200, HealthSchema)
def health():
    """Up, with the number of stored briefings."""
    return {"status": "ok", "briefings": queries.briefing_count(), "parser_version": PARSER_VERSION}
