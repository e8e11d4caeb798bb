"""GET /v1/speakers, /v1/speakers/{id} and what one speaker said: one record per speaker across all articles."""
from functools import partial

from flask_smorest import abort

from schemas.quote import QuotePageSchema, QuoteSchema, SpeakerQuoteQuerySchema
from schemas.speaker import SpeakerDetailSchema, SpeakerPageSchema, SpeakerQuerySchema, SpeakerSchema
from schemas.statement import SpeakerStatementQuerySchema, StatementPageSchema, StatementSchema

from ..store import queries
from .blueprint import Blueprint
from .caching import public_read
from .listing import EXPORT_DOC, respond

blp = Blueprint("speakers", __name__, url_prefix="/v1/speakers", description="Speakers")


@blp.route("")
@public_read
@blp.doc(**EXPORT_DOC)
@blp.arguments(SpeakerQuerySchema, location="query")
@blp.response(200, SpeakerPageSchema)
def list_speakers(args):
    """List speakers; `q=` matches whole words of a name or alias."""
    return respond(queries.list_speakers, args, SpeakerSchema)


def _known(speaker_id: str) -> None:
    if not queries.speaker_exists(speaker_id):
        abort(404, message=f"no speaker with id {speaker_id!r}")


@blp.route("/<string:speaker_id>")
@public_read
@blp.response(200, SpeakerDetailSchema)
@blp.alt_response(404, description="No such speaker")
def get_speaker(speaker_id):
    """One speaker: aliases, roles over time, counts, first and last seen."""
    record = queries.get_speaker(speaker_id)
    if record is None:
        abort(404, message=f"no speaker with id {speaker_id!r}")
    return record


@blp.route("/<string:speaker_id>/statements")
@public_read
@blp.doc(**EXPORT_DOC)
@blp.arguments(SpeakerStatementQuerySchema, location="query")
@blp.response(200, StatementPageSchema)
@blp.alt_response(404, description="No such speaker")
def speaker_statements(args, speaker_id):
    """What this speaker said, oldest first (or ranked, with `q=`)."""
    _known(speaker_id)
    return respond(partial(queries.list_statements, speaker_id=speaker_id), args, StatementSchema)


@blp.route("/<string:speaker_id>/quotes")
@public_read
@blp.doc(**EXPORT_DOC)
@blp.arguments(SpeakerQuoteQuerySchema, location="query")
@blp.response(200, QuotePageSchema)
@blp.alt_response(404, description="No such speaker")
def speaker_quotes(args, speaker_id):
    """This speaker's quotations, oldest first (or ranked, with `q=`)."""
    _known(speaker_id)
    return respond(partial(queries.list_quotes, speaker_id=speaker_id), args, QuoteSchema)
