"""GET /v1/changes: the feed a consumer polls to keep a mirror of every record."""
from schemas.change import ChangePageSchema, ChangeQuerySchema, ChangeSchema

from ..store import changes as feed
from .blueprint import Blueprint
from .caching import public_read
from .listing import EXPORT_DOC, respond

blp = Blueprint("changes", __name__, url_prefix="/v1/changes", description="Changes feed for mirroring")


@blp.route("")
@public_read
@blp.doc(**EXPORT_DOC)
@blp.arguments(ChangeQuerySchema, location="query")
@blp.response(200, ChangePageSchema)
def list_changes(args):
    """Changes after `since`, oldest first.

    Unlike the lists, `next` is never null: it is where to continue, now while
    there are more changes, or later to poll for new ones.
    """
    return respond(feed.list_changes, args, ChangeSchema, cursor_param="since")
