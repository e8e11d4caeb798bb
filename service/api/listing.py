"""One way to answer every list: a JSON page, or every matching record streamed as NDJSON or CSV.

The format comes from ``format=`` or, failing that, the ``Accept`` header.
A JSON page holds ``limit`` records and a ``next`` cursor; an export holds
every record from the cursor on (``service/exports.py``), streamed.
``fields=`` keeps only the named fields of each record, in every format.
"""
from __future__ import annotations

from collections.abc import Callable

from flask import Response, request
from marshmallow import Schema

from ..exports import all_records, render, trim
from ..store.facets import DEFAULT_SIZE, Summary
from ..store.models import database
from .pagination import decode, page_body
from .wire import answer

TOTAL_HEADER = "X-Total-Count"
FORMATS = {"json": "application/json", "ndjson": "application/x-ndjson", "csv": "text/csv"}
EXPORT_DOC = {
    "responses": {
        200: {
            "content": {
                "application/x-ndjson": {"schema": {"type": "string"},
                                         "example": "one record per line, every matching record"},
                "text/csv": {"schema": {"type": "string"},
                             "example": "a header row, then one record per row; nested fields as speaker.name"},
            }
        }
    }
}


def negotiated_format(explicit: str | None) -> str:
    if explicit:
        return explicit
    best = request.accept_mimetypes.best_match(list(FORMATS.values()), default=FORMATS["json"])
    return next(name for name, mimetype in FORMATS.items() if mimetype == best)


def summary_asked(args: dict) -> Summary | None:
    """The facets and total asked for (popped from ``args``), or None."""
    facets, size, count = args.pop("facet", None), args.pop("facet_size", None), args.pop("count", False)
    if not (facets or count):
        return None
    return Summary(tuple(facets or ()), size or DEFAULT_SIZE, count)


def respond(list_fn: Callable, args: dict, record_schema: type[Schema], cursor_param: str = "cursor"):
    """The answer to a list request; ``list_fn(after=, limit=, **filters)`` returns a ``Page``."""
    fmt = negotiated_format(args.pop("format", None))
    only = args.pop("fields", None)
    after = decode(args.pop(cursor_param, None), parameter=cursor_param)
    summary = summary_asked(args)
    if fmt == "json":
        page = list_fn(after=after, **args, **({"summary": summary} if summary else {}))
        page.records = [trim(r, only) for r in page.records]
        return answer(*page_body(page, cursor_param))
    args.pop("limit", None)
    headers = {}
    if summary is not None and summary.count:  # a stream has no room for facets, but its length can lead it
        headers[TOTAL_HEADER] = str(list_fn(after=after, limit=1, summary=Summary(count=True), **args).summary["count"])

    def records():
        # the body is sent after the request's context ends: the stream makes sure of a connection, and gives
        # it back when it is done
        with database.connection_context():
            yield from all_records(list_fn, after, **args)

    name = record_schema.__name__.removesuffix("Schema").lower() + "s"
    headers["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return Response(render(records(), fmt, record_schema(), only), mimetype=FORMATS[fmt], headers=headers)
