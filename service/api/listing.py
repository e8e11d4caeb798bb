"""One way to answer every list: a JSON page, or every matching record streamed as NDJSON or CSV.

The format comes from ``format=`` or, failing that, the ``Accept`` header.
A JSON page holds ``limit`` records and a ``next`` cursor; an export holds
every record from the cursor on, fetched ``EXPORT_BATCH`` at a time with the
same keyset query the pages use, so memory stays flat whatever the row count.
``fields=`` keeps only the named fields of each record, in every format.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterator

from flask import Response, request
from marshmallow import Schema, fields

from ..store.models import database
from .pagination import decode, page_body

FORMATS = {"json": "application/json", "ndjson": "application/x-ndjson", "csv": "text/csv"}
EXPORT_BATCH = 500
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


def _trim(record: dict, only: list[str] | None) -> dict:
    return {k: record[k] for k in only if k in record} if only else record


def _columns(schema: Schema, only: list[str] | None, prefix: str = "") -> list[str]:
    """CSV columns of a record schema: nested records flattened as ``speaker.name``."""
    columns = []
    for name, field in schema.fields.items():
        if only and not prefix and name not in only:
            continue
        if isinstance(field, fields.Nested) and not field.many and name != "match":
            columns += _columns(field.schema, None, f"{prefix}{name}.")
        elif name != "match":
            columns.append(prefix + name)
    return columns


def _cell(record: dict, column: str):
    value = record
    for part in column.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    if isinstance(value, list):
        return " ".join(v if isinstance(v, str) else json.dumps(v) for v in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return "" if value is None else value


def _export(records: Iterator[dict], fmt: str, schema: Schema, only: list[str] | None) -> Iterator[str]:
    if fmt == "ndjson":
        for record in records:
            yield json.dumps(_trim(record, only), ensure_ascii=False) + "\n"
        return
    columns = _columns(schema, only)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record, c) for c in columns])
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
    if buffer.tell():
        yield buffer.getvalue()


def respond(list_fn: Callable, args: dict, record_schema: type[Schema], cursor_param: str = "cursor"):
    """The answer to a list request; ``list_fn(after=, limit=, **filters)`` returns a ``Page``."""
    fmt = negotiated_format(args.pop("format", None))
    only = args.pop("fields", None)
    after = decode(args.pop(cursor_param, None), parameter=cursor_param)
    if fmt == "json":
        page = list_fn(after=after, **args)
        page.records = [_trim(r, only) for r in page.records]
        return page_body(page)
    args.pop("limit", None)

    def records():
        # the request's connection is given back before the body is sent: the stream holds its own
        with database.connection_context():
            position = after
            while True:
                page = list_fn(after=position, limit=EXPORT_BATCH, **args)
                yield from page.records
                if page.after is None or not page.records:
                    return
                position = page.after

    return Response(_export(records(), fmt, record_schema(), only), mimetype=FORMATS[fmt])
