"""GET /v1/changes: the feed a consumer polls to keep a mirror of every record."""
from schemas.change import ChangePageSchema, ChangeQuerySchema

from ..store.changes import list_changes
from .blueprint import Blueprint
from .pagination import decode, encode

blp = Blueprint("changes", __name__, url_prefix="/v1/changes", description="Changes feed for mirroring")


@blp.route("")
@blp.arguments(ChangeQuerySchema, location="query")
@blp.response(200, ChangePageSchema)
def changes(args):
    """Changes after `since`, oldest first.

    Unlike the lists, `next` is never null: it is where to continue, now while
    there are more changes, or later to poll for new ones.
    """
    after = decode(args.get("since"), parameter="since")
    page = list_changes(after=after, limit=args["limit"])
    last = page.records[-1]["seq"] if page.records else after
    return {"data": page.records, "next": encode(last)}
