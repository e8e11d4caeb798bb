"""GET /v1/briefings and /v1/briefings/{id}: the events articles report on."""
from flask_smorest import abort

from functools import partial

from schemas.briefing import BriefingPageSchema, BriefingQuerySchema, BriefingSchema, ExpandQuerySchema
from schemas.turn import TurnPageSchema, TurnQuerySchema, TurnSchema

from ..store import queries
from ..store.ingest import delete
from .auth import BEARER_SECURITY, require_key
from .blueprint import Blueprint
from .caching import public_read
from .listing import EXPORT_DOC, respond
from .wire import answer

blp = Blueprint("briefings", __name__, url_prefix="/v1/briefings", description="Briefings and their articles")


@blp.route("")
@public_read
@blp.doc(**EXPORT_DOC)
@blp.arguments(BriefingQuerySchema, location="query")
@blp.response(200, BriefingPageSchema)
def list_briefings(args):
    """List briefings, oldest first."""
    return respond(queries.list_briefings, args, BriefingSchema)


@blp.route("/<string:briefing_id>")
@public_read
@blp.arguments(ExpandQuerySchema, location="query")
@blp.response(200, BriefingSchema)
@blp.alt_response(404, description="No such briefing")
def get_briefing(args, briefing_id):
    """One briefing; `expand=statements,quotes,figures,speakers,turns` embeds its records."""
    record = queries.get_briefing(briefing_id, set(args["expand"]))
    if record is None:
        abort(404, message=f"no briefing with id {briefing_id!r}")
    return answer(record)


@blp.route("/<string:briefing_id>/turns")
@blp.doc(**EXPORT_DOC)
@blp.arguments(TurnQuerySchema, location="query")
@blp.response(200, TurnPageSchema)
@blp.alt_response(404, description="No such briefing")
def briefing_turns(args, briefing_id):
    """A transcript's turns in order, each question with its answers; `speaker=` keeps one speaker's turns.
    A briefing read from prose has none."""
    if not queries.briefing_exists(briefing_id):
        abort(404, message=f"no briefing with id {briefing_id!r}")
    return respond(partial(queries.list_turns, briefing=briefing_id), args, TurnSchema)


@blp.route("/<string:briefing_id>", methods=["DELETE"])
@require_key  # before the arguments are read: no key, no 400 for a bad body
@blp.doc(security=BEARER_SECURITY)
@blp.response(204)
@blp.alt_response(401, description="No valid API key")
@blp.alt_response(404, description="No such briefing")
def delete_briefing(briefing_id):
    """Delete a briefing and its records (needs an API key); the changes feed gets a tombstone for each."""
    if delete(briefing_id) is None:
        abort(404, message=f"no briefing with id {briefing_id!r}")
