"""GET /health: is the service up, can it reach its database, and is that database at the code's schema version.

A database behind or ahead of the code (``store/migrations.py``) answers 503
with the one-line reason, so a load balancer takes the instance out of service.
"""
from marshmallow import Schema, fields

from ..extract import PARSER_VERSION
from ..store import migrations
from ..store.models import Briefing, database
from .blueprint import Blueprint

blp = Blueprint("health", __name__, url_prefix="/health", description="Liveness")


class HealthSchema(Schema):
    status = fields.Str(required=True, metadata={"description": "ok, or schema mismatch"})
    briefings = fields.Int(required=True)
    parser_version = fields.Str(required=True)
    schema_version = fields.Int(required=True, metadata={"description": "the database's schema version"})
    schema_expected = fields.Int(required=True, metadata={"description": "the schema version this code needs"})
    detail = fields.Str(metadata={"description": "on a mismatch: what is wrong and the command to run"})


@blp.route("")  # not a cached public read: it must look at the database every time
@blp.response(200, HealthSchema)
@blp.alt_response(503, schema=HealthSchema, description="The database is at another schema version")
def health():
    """Up, with the number of stored briefings and the schema versions of the database and of the code."""
    version = migrations.current_version(database.obj) or 0
    body = {"status": "ok", "briefings": Briefing.select().count(), "parser_version": PARSER_VERSION,
            "schema_version": version, "schema_expected": migrations.head()}
    problem = migrations.mismatch(version)
    if problem:
        return {**body, "status": "schema mismatch", "detail": problem}, 503
    return body
