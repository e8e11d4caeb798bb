"""GET /v1/speakers and /v1/speakers/{id}: one record per speaker across all articles."""
from flask_smorest import abort

from schemas.speaker import SpeakerPageSchema, SpeakerQuerySchema, SpeakerSchema

from ..store import queries
from .blueprint import Blueprint
from .pagination import decode, page_body

blp = Blueprint("speakers", __name__, url_prefix="/v1/speakers", description="Speakers")


@blp.route("")
@blp.arguments(SpeakerQuerySchema, location="query")
@blp.response(200, SpeakerPageSchema)
def list_speakers(args):
    """List speakers; `q=` matches whole words of a name or alias."""
    after = decode(args.pop("cursor", None))
    return page_body(queries.list_speakers(after=after, **args))


@blp.route("/<string:speaker_id>")
@blp.response(200, SpeakerSchema)
@blp.alt_response(404, description="No such speaker")
def get_speaker(speaker_id):
    """One speaker, with every alias seen."""
    record = queries.get_speaker(speaker_id)
    if record is None:
        abort(404, message=f"no speaker with id {speaker_id!r}")
    return record
